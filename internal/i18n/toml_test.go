package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/BurntSushi/toml"
)

// readLang reads the TOML files of one language; a key defined twice is an
// error.
func readLang(fsys fs.FS, l Lang) (map[string]message, error) {
	dir := path.Join("locales", string(l))
	files, err := fs.Glob(fsys, dir+"/*.toml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	out := map[string]message{}
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var m map[string]message
		if _, err := toml.Decode(string(b), &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		for k, v := range m {
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("i18n: %s: key %q is defined twice in %s", f, k, l)
			}
			out[k] = v
		}
	}
	return out, nil
}
