package datasets

import "io/fs"

// EmbeddedFS returns the embedded data folder: <indicator>.csv files in the
// long format and elections.csv.
func EmbeddedFS() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
