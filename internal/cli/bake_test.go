package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// oneLineExit2 fails unless the command was refused with one line on
// stderr, exit code 2 and nothing on stdout.
func oneLineExit2(t *testing.T, what, stdout, stderr string, code int) {
	t.Helper()
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
		t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", what, code, stdout, stderr)
	}
}

func TestBakeRefusesAFolderWithYourOwnFiles(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("<!doctype html><title>my own site</title>\n")
	if err := os.WriteFile(filepath.Join(dir, "index.html"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run("bake", "-o", dir)
	oneLineExit2(t, "bake -o a folder of your own", stdout, stderr, code)
	if !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not say how to go on: %q", stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "index.html")); err != nil || string(b) != string(mine) {
		t.Errorf("index.html now holds %.60q (%v)", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refused folder holds %d entries, want only index.html", len(entries))
	}
}

func TestBakeRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "site")
	os.WriteFile(file, []byte("not a folder"), 0o644)
	stdout, stderr, code := run("bake", "-o", file)
	oneLineExit2(t, "bake -o a file", stdout, stderr, code)
	if !strings.Contains(stderr, "is a file") {
		t.Errorf("stderr %q does not say -o names a file", stderr)
	}
	if b, _ := os.ReadFile(file); string(b) != "not a folder" {
		t.Errorf("the file now holds %q", b)
	}
}

func TestBakeRefusesADanglingLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "site")
	if err := os.Symlink(filepath.Join(dir, "gone"), link); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run("bake", "-o", link)
	oneLineExit2(t, "bake -o a dangling link", stdout, stderr, code)
	if !strings.Contains(stderr, "does not exist") {
		t.Errorf("stderr %q does not say the link points nowhere", stderr)
	}
}

func TestBakeHelpSaysWhatForceDoes(t *testing.T) {
	stdout, _, code := run("bake", "--help")
	if code != 0 || !strings.Contains(stdout, "--force") || !strings.Contains(stdout, ".rankings-bake") {
		t.Errorf("bake --help (exit %d) does not describe --force and the marker:\n%s", code, stdout)
	}
}
