package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The file to import is mapped, read the same as read whole, and a file
// cut short while it is read is an error, not a crash.
func TestReadInputMapsAndSurvivesTruncation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.csv")
	content := strings.Repeat("indicator,iso3,year,value\n", 1000) // several pages
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	data, release, err := readInput(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if string(data) != content {
		t.Fatalf("read %d bytes, want %d", len(data), len(content))
	}
	_, unmap, err := mapFile(mustOpen(t, path), int64(len(content)))
	if err != nil {
		t.Skipf("no mapped files here (%v): the fault cannot happen", err)
	}
	unmap()
	var last byte
	err = readMapped(path, func() error {
		if err := os.Truncate(path, 0); err != nil {
			t.Fatal(err)
		}
		last = data[len(data)-1] // past the end of the file now
		return nil
	})
	if err == nil || err.Error() != path+" changed while it was read: import it again" {
		t.Errorf("err = %v (read %q)", err, last)
	}
	// Any other panic is not swallowed.
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want the panic itself", r)
		}
	}()
	_ = readMapped(path, func() error { panic("boom") })
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
