package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// citeGoldenCases are the goldens of `rankings cite`, one per format; each
// gives --accessed so that the output does not depend on the day.
var citeGoldenCases = []struct {
	name string
	args []string
}{
	{"cite-rsf", []string{"cite", "rsf", "--accessed", "2026-05-03"}},
	{"cite-all", []string{"cite", "all", "--accessed", "2026-05-03"}},
	{"cite-all-bibtex", []string{"cite", "all", "--format", "bibtex", "--accessed", "2026-05-03"}},
	{"cite-all-ris", []string{"cite", "all", "--format", "ris", "--accessed", "2026-05-03"}},
	{"cite-all-csl-json", []string{"cite", "all", "--format", "csl-json", "--accessed", "2026-05-03"}},
	{"cite-wgi-rl-json", []string{"cite", "wgi-rl", "--format", "json", "--accessed", "2026-05-03"}},
	// An edition asked for; with all, a source without it says so.
	{"cite-fh-fiw-2020-bibtex", []string{"cite", "fh-fiw", "--year", "2020", "-f", "bibtex", "--accessed", "2026-05-03"}},
	{"cite-all-2020", []string{"cite", "all", "--year", "2020", "--accessed", "2026-05-03"}},
	// Errors a user can cause: one line, exit 2.
	{"err-cite-unknown", []string{"cite", "rsff"}},
	{"err-cite-no-edition", []string{"cite", "rsf", "--year", "2011"}},
	{"err-cite-bad-accessed", []string{"cite", "rsf", "--accessed", "3 May 2026"}},
	{"err-cite-no-argument", []string{"cite"}},
}

func TestCiteGolden(t *testing.T) {
	for _, c := range citeGoldenCases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := run(c.args...)
			if strings.HasPrefix(c.name, "err-") && (code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", code, stdout, stderr)
			}
			got := fmt.Sprintf("$ rankings %s\nexit %d\n--- stderr\n%s--- stdout\n%s", strings.Join(c.args, " "), code, stderr, stdout)
			path := filepath.Join("testdata", "golden", c.name+".golden")
			checkGolden(t, path, got, "go test ./internal/cli -run CiteGolden -update")
		})
	}
}

// TestCiteAccessedIsToday checks that without --accessed the access date
// is the date of the run.
func TestCiteAccessedIsToday(t *testing.T) {
	stdout, _, code := run("cite", "wgi-rl")
	if code != 0 || !strings.Contains(stdout, ", accessed 20") {
		t.Errorf("exit %d: %s", code, stdout)
	}
}

// TestChartOutputsCiteInFull checks that chart outputs carry each
// source's full citation and never send the reader to "rankings sources".
func TestChartOutputsCiteInFull(t *testing.T) {
	for _, args := range [][]string{
		{"chart", "profile", "kaz", "-o", "-"},
		{"chart", "profile", "kaz", "--embed", "-o", "-"},
		{"chart", "profile", "kaz", "--format", "svg", "-o", "-"},
		{"chart", "scatter", "-i", "wgi-rl,rsf", "-o", "-"},
		{"chart", "scatter", "-i", "wgi-rl,rsf", "--format", "svg", "-o", "-"},
		{"chart", "timeline", "kaz", "-i", "wgi-rl", "--embed", "-o", "-"},
	} {
		stdout, stderr, code := run(args...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
			continue
		}
		for _, bad := range []string{"see `rankings sources`", "rankings sources\"", "rankings sources\\\"", "rankings sources&#34;", "rankings sources&quot;", "<edition>"} {
			if strings.Contains(stdout, bad) {
				t.Errorf("%v: the output contains %q", args, bad)
			}
		}
		if !strings.Contains(stdout, "Worldwide Governance Indicators, 2024 Update") || !strings.Contains(stdout, "accessed 20") {
			t.Errorf("%v: the output lacks the WGI citation with its access date", args)
		}
	}
}
