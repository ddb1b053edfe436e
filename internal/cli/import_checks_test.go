package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A file that would replace a year of the embedded data with a much
// smaller field is refused (the corpus has the refusal); --replace-year
// imports it, with the warning, and validate takes the flag too.
func TestReplaceYearFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path := "testdata/import/corpus/long--replace-year-with-one-row.csv"
	warning := "rankings: warning: wgi-rl 2020: ranks are computed over the 1 country in the file, but the embedded data ranks about 211: a rank is only honest over the whole field\n"
	stdout, stderr, code := runData(dir, "validate", "long", path, "--replace-year")
	if code != 0 || !strings.HasPrefix(stderr, warning) || !strings.HasPrefix(stdout, "valid: ") {
		t.Errorf("validate --replace-year: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code = runData(dir, "import", "long", path, "--replace-year")
	if code != 0 || !strings.HasPrefix(stderr, warning) || !strings.Contains(stdout, "wgi-rl 2020, 1 figure of 1 country as import 1") {
		t.Fatalf("import --replace-year: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, code = runData(dir, "show", "kazakhstan", "-i", "wgi-rl", "--from", "2019", "--to", "2020")
	if code != 0 || !strings.Contains(stdout, "-0.50") {
		t.Errorf("show: exit %d\n%s", code, stdout)
	}
}
