// Package golden compares a test's output with its golden file, or
// rewrites the file when the test runs with -update: one helper for the
// packages whose tests keep expected output in testdata.
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the golden file at path, or writes it there
// (and its folder) when update is set. cmd is the go test command that
// rewrites the file, named in the failure so that a reader knows how to
// accept a deliberate change.
func Check(t testing.TB, path, got string, update bool, cmd string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s creates it)", err, cmd)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (%s rewrites it after a deliberate change):\n%s", path, cmd, FirstDiff(string(want), got))
	}
}

// FirstDiff shows the first line that differs between want and got, ""
// when they are the same.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, w, g)
		}
	}
	return ""
}
