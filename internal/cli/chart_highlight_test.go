package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestScatterOfOneIndicatorIsRefused: a scatter of an indicator against
// itself says so in one line and exits 2.
func TestScatterOfOneIndicatorIsRefused(t *testing.T) {
	_, stderr, code := run("chart", "scatter", "kaz", "uzb", "-i", "rsf,rsf", "-o", filepath.Join(t.TempDir(), "x.html"))
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "two different indicators") || !strings.Contains(stderr, "--indicator rsf,") {
		t.Errorf("exit %d, stderr %q; want 2 and one line asking for two different indicators", code, stderr)
	}
}

// TestChartsSetHighlightsOnlyNamedCountries: "charts --year" highlights the
// countries named on its command line, and nothing when none are.
func TestChartsSetHighlightsOnlyNamedCountries(t *testing.T) {
	const highlight = `"itemStyle":{"color":"#D55E00"}`
	for _, c := range []struct {
		args []string
		want int
	}{
		{nil, 0},
		{[]string{"kazakhstan"}, 1},
		{[]string{"kaz", "estonia"}, 2},
	} {
		dir := filepath.Join(t.TempDir(), "set")
		args := append([]string{"charts", "--year", "2023", "--group", "central-asia", "-i", "rsf", "-o", dir}, c.args...)
		if _, stderr, code := run(args...); code != 0 {
			t.Fatalf("%v: %s", args, stderr)
		}
		page := string(readFile(t, filepath.Join(dir, "rsf-2023.html")))
		if n := strings.Count(page, highlight); n != c.want {
			t.Errorf("%v: %d highlighted bars, want %d", c.args, n, c.want)
		}
		// Estonia is outside Central Asia: it is drawn only when named.
		if named := len(c.args) == 2; strings.Contains(page, "Estonia") != named {
			t.Errorf("%v: Estonia drawn %v, want %v", c.args, !named, named)
		}
	}
}
