package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// userErrors is every kind of mistake a user can make, one command each:
// a wrong number of arguments for every command, a request that matches no
// figures for every command that filters, and the unknown or malformed
// values. Each must answer with one line on stderr and exit code 2.
var userErrors = [][]string{
	// Wrong numbers of arguments.
	{"countries", "kaz"},
	{"indicators", "rsf", "wjp"},
	{"sources", "rsf"},
	{"show"},
	{"show", "kaz", "uzb"},
	{"compare"},
	{"compare", "kazakhstan"},
	{"rank", "kaz", "-i", "rsf"},
	{"trend", "-i", "rsf"},
	{"trend", "kaz", "uzb", "-i", "rsf"},
	{"elections"},
	{"elections", "kaz", "uzb"},
	{"correlate", "kaz"},
	{"chart"},
	{"chart", "timeline", "-i", "rsf"},
	{"chart", "profile"},
	{"report", "kaz"},
	{"serve", "8080"},
	{"bake", "site"},
	{"import"},
	{"import", "rsf"},
	{"import", "--list", "rsf"},
	{"validate", "rsf"},
	{"update"},
	// Requests that match no figures.
	{"show", "kaz", "--from", "2030"},
	{"show", "kaz", "-i", "rsf", "--from", "2030"},
	{"show", "kaz", "--to", "1900"},
	{"show", "kaz", "-i", "wjp", "--from", "2017", "--to", "2017"},
	{"show", "crimea", "-i", "wjp"},
	{"show", "mongolia", "-i", "odihr"},
	{"compare", "kaz", "uzb", "--year", "2030"},
	{"compare", "kaz", "uzb", "-i", "rsf", "--year", "2011"},
	{"trend", "kaz", "-i", "rsf", "--from", "2030"},
	{"trend", "kaz", "-i", "wjp", "--from", "1990", "--to", "2000"},
	{"trend", "crimea", "-i", "wjp"},
	{"rank", "-i", "rsf", "--year", "2030"},
	{"rank", "-i", "rsf", "--group", "territories"},
	{"rank", "-i", "rsf", "--group", "all", "--year", "2030"},
	{"elections", "france"},
	{"correlate", "--year", "2030"},
	{"chart", "ranking", "-i", "rsf", "--year", "2030"},
	{"chart", "ranking", "-i", "wjp", "--group", "territories"},
	{"chart", "timeline", "kaz", "-i", "rsf", "--from", "2030"},
	{"chart", "timeline", "crimea", "-i", "wjp"},
	{"chart", "heatmap", "-i", "rsf", "--from", "2030"},
	{"chart", "profile", "kaz", "--year", "2030"},
	{"chart", "scatter", "-i", "rsf,wjp", "--year", "2030"},
	{"chart", "slope", "-i", "rsf", "--from", "2029", "--to", "2030"},
	{"report", "crimea", "abkhazia", "-i", "wjp"},
	// Unknown, ambiguous or malformed values.
	{"show", "kazakstn"},
	{"compare", "congo", "kazakhstan"},
	{"compare", "kaz", "Kazakhstan"},
	{"rank", "--indicator", "wgi-lr"},
	{"rank"},
	{"trend", "russia"},
	{"trend", "kaz", "-i", "rsf", "--from", "2020", "--to", "2010"},
	{"countries", "--group", "central-europe"},
	{"compare", "kaz", "uzb", "--format", "xml"},
	{"compare", "kaz", "uzb", "--year", "last"},
	{"compare", "kaz", "uzb", "--width", "20"},
	{"compare", "kaz", "uzb", "--colour"},
	{"comapre", "kaz", "uzb"},
	{"indicators", "--group", "baltics"},
	{"chart", "pie", "-i", "rsf"},
	{"chart", "scatter", "-i", "rsf"},
	{"charts"},
	{"charts", "--year", "2030", "-o", "$TMP/set"},
	{"bake"},
	{"update", "rfs"},
}

// TestErrorsTable runs every user error and keeps the table of their
// messages, "command → exit code → message", as a golden file, so that
// each change of a message is reviewed.
func TestErrorsTable(t *testing.T) {
	var b strings.Builder
	tmp := t.TempDir()
	for _, args := range userErrors {
		// $TMP is a folder of the test's own, for commands that write.
		real := make([]string, len(args))
		for i, a := range args {
			real[i] = strings.ReplaceAll(a, "$TMP", tmp)
		}
		stdout, stderr, code := run(real...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
			t.Errorf("rankings %s: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", strings.Join(args, " "), code, stdout, stderr)
		}
		fmt.Fprintf(&b, "rankings %s → exit %d → %s", strings.Join(args, " "), code, stderr)
	}
	got := b.String()
	path := filepath.Join("testdata", "golden", "errors-table.golden")
	checkGolden(t, path, got, "go test ./internal/cli -run Golden -update")
}
