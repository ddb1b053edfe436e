//go:build !unix

package cli

import (
	"errors"
	"os"
)

// mapFile is not available here: readInput reads the file instead.
func mapFile(*os.File, int64) (data []byte, release func(), err error) {
	return nil, nil, errors.New("no memory-mapped files on this system")
}
