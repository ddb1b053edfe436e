//go:build !unix

package userdata

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lock creates the directory's lock file exclusively, waiting up to a
// minute for a concurrent change to finish. Without flock, a process killed
// while holding it leaves the file behind: the message says how to clear it.
func (d *Dir) lock() (unlock func(), err error) {
	path := filepath.Join(d.Path, ".lock")
	deadline := time.Now().Add(time.Minute)
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("data directory: lock: %w", err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("data directory %s is locked by another import; if none is running, delete %s", d.Path, path)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// syncDir is a no-op where directories cannot be synced.
func syncDir(string) error { return nil }
