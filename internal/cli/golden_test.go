package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// run runs the command line as the binary would, with no terminal and an
// empty environment.
func run(args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return out.String(), errb.String(), code
}

// goldenCases covers every command and format; each golden file holds the
// exit code, stderr and stdout.
var goldenCases = []struct {
	name string
	args []string
}{
	{"countries", []string{"countries"}},
	{"countries-central-asia-json", []string{"countries", "--group", "central-asia", "--format", "json"}},
	{"countries-baltics-csv", []string{"countries", "-g", "baltics", "-f", "csv"}},
	{"countries-territories", []string{"countries", "--group", "territories"}},
	{"countries-south-caucasus", []string{"countries", "--group", "south-caucasus"}},
	{"indicators", []string{"indicators"}},
	{"indicators-json", []string{"indicators", "--format", "json"}},
	{"indicators-csv", []string{"indicators", "--format", "csv"}},
	// One indicator in full: segments and breaks with their reasons,
	// uncertainty, ranks, coverage, source and citation.
	{"indicators-rsf", []string{"indicators", "rsf"}},
	{"indicators-ti-cpi-json", []string{"indicators", "ti-cpi", "--format", "json"}},
	{"indicators-wgi-rl-central-asia-markdown", []string{"indicators", "wgi-rl", "--group", "central-asia", "--format", "markdown"}},
	{"indicators-odihr-csv", []string{"indicators", "odihr", "--format", "csv"}},
	{"sources", []string{"sources"}},
	{"sources-json", []string{"sources", "--format", "json"}},
	{"sources-csv", []string{"sources", "--format", "csv"}},
	{"show-kazakhstan", []string{"show", "kazakhstan", "--indicator", "rsf,wgi-rl,fh-pr-rating,vdem-elfrfair", "--from", "2008"}},
	{"show-russian-name-json", []string{"show", "Казахстан", "-i", "rsf", "--from", "2020", "--format", "json"}},
	{"show-csv", []string{"show", "Kyrgyz Republic", "-i", "wjp,fh-fiw", "--format", "csv"}},
	{"show-kaz-rsf", []string{"show", "kaz", "-i", "rsf"}},
	// Standard errors and percentiles at the precision they deserve.
	{"show-kaz-cpi-wgi", []string{"show", "kaz", "-i", "ti-cpi,wgi-va", "--from", "2019"}},
	{"compare", []string{"compare", "kazakhstan", "uzbekistan"}},
	// Tables fit the width: 80 columns when the output is no terminal,
	// --width to choose; five countries at 80 switch to one block per
	// indicator.
	{"compare-width-120", []string{"compare", "kazakhstan", "uzbekistan", "--width", "120"}},
	{"compare-width-200", []string{"compare", "kazakhstan", "uzbekistan", "--width", "200"}},
	{"compare-five", []string{"compare", "kaz", "uzb", "kgz", "tjk", "tkm"}},
	{"compare-five-width-120", []string{"compare", "kaz", "uzb", "kgz", "tjk", "tkm", "--width", "120"}},
	{"compare-ru", []string{"compare", "kazakhstan", "uzbekistan", "--lang", "ru"}},
	{"compare-ru-width-200", []string{"compare", "kazakhstan", "uzbekistan", "--lang", "ru", "--width", "200"}},
	{"compare-ru-five", []string{"compare", "kaz", "uzb", "kgz", "tjk", "tkm", "--lang", "ru"}},
	{"compare-ru-2015", []string{"compare", "kaz", "uzb", "--lang", "ru", "--year", "2015", "-i", "rsf,ti-cpi"}},
	{"compare-five-width-200", []string{"compare", "kaz", "uzb", "kgz", "tjk", "tkm", "--width", "200"}},
	{"err-width-too-narrow", []string{"compare", "kaz", "uzb", "--width", "20"}},
	{"compare-json", []string{"compare", "kazakhstan", "uzbekistan", "--format", "json"}},
	{"compare-csv", []string{"compare", "kazakhstan", "uzbekistan", "--format", "csv"}},
	{"compare-markdown", []string{"compare", "kazakhstan", "uzbekistan", "--format", "markdown"}},
	{"compare-three-since", []string{"compare", "kaz", "uzb", "kgz", "--indicator", "rsf,wgi-rl,wjp", "--since", "2015"}},
	{"compare-year", []string{"compare", "Georgia", "Armenia", "--year", "2020"}},
	{"compare-baltics-json", []string{"compare", "EE", "LV", "LT", "-i", "wgi-cc,fh-fiw", "-f", "json"}},
	{"compare-rsf-2015", []string{"compare", "kaz", "uzb", "-i", "rsf", "--year", "2015"}},
	{"compare-rsf-2015-markdown", []string{"compare", "kaz", "uzb", "-i", "rsf,wgi-rl", "--year", "2015", "-f", "markdown"}},
	// With --year, the ODIHR assessments are the latest as of that year.
	{"compare-kaz-uzb-2015", []string{"compare", "kaz", "uzb", "--year", "2015"}},
	// A --since before RSF's 2022 break says, on stderr, what it used.
	{"compare-rsf-since-2010", []string{"compare", "kaz", "uzb", "-i", "rsf", "--since", "2010"}},
	// WJP ranked 99 in 2014 and 142 in 2024: the change carries both.
	{"compare-wjp-2024-since-2014-json", []string{"compare", "kaz", "uzb", "-i", "wjp", "--year", "2024", "--since", "2014", "-f", "json"}},
	// A country without an ODIHR section says why: an OSCE participating
	// State the table does not cover, or a state ODIHR does not observe.
	{"compare-kaz-mongolia", []string{"compare", "kaz", "mongolia", "-i", "rsf,fh-pr-rating"}},
	{"compare-china-mongolia-markdown", []string{"compare", "china", "mongolia", "-i", "rsf", "-f", "markdown"}},
	{"rank", []string{"rank", "--indicator", "rsf"}},
	{"rank-wgi-central-asia-json", []string{"rank", "-i", "wgi-rl", "--year", "2023", "--group", "central-asia", "--format", "json"}},
	{"rank-csv", []string{"rank", "-i", "fh-fiw", "--format", "csv"}},
	// The territories are ranked by Freedom House on their own, and the
	// whole field lists them; RSF's 2012 field has three unmapped entries.
	{"rank-territories-2024", []string{"rank", "-i", "fh-fiw", "--group", "territories", "--year", "2024"}},
	{"rank-all-rsf-2012", []string{"rank", "-i", "rsf", "--group", "all", "--year", "2012"}},
	{"rank-rsf-2015", []string{"rank", "-i", "rsf", "--year", "2015"}},
	{"trend", []string{"trend", "russia", "--indicator", "rsf"}},
	{"trend-json", []string{"trend", "georgia", "-i", "wgi-rl", "--from", "2012", "--format", "json"}},
	{"trend-csv", []string{"trend", "ukraine", "-i", "vdem-polyarchy", "--format", "csv"}},
	// Trends in words: no clear trend, a ratings series that worsens on a
	// lower-is-better scale, too few figures.
	{"trend-no-clear-trend", []string{"trend", "ukraine", "-i", "vdem-polyarchy"}},
	{"trend-lower-is-better", []string{"trend", "kaz", "-i", "fh-pr-rating", "--from", "2005"}},
	{"trend-too-few", []string{"trend", "kaz", "-i", "wjp", "--to", "2015"}},
	{"elections", []string{"elections", "kazakhstan"}},
	{"elections-json", []string{"elections", "georgia", "--format", "json"}},
	{"elections-csv", []string{"elections", "armenia", "--format", "csv"}},
	{"elections-markdown", []string{"elections", "moldova", "--format", "markdown"}},
	{"correlate", []string{"correlate"}},
	{"correlate-json", []string{"correlate", "--year", "2020", "--format", "json"}},
	{"correlate-csv", []string{"correlate", "--group", "all", "--format", "csv"}},
	// The outputs in Russian: headings, sentences, decimal commas, dates,
	// plurals; summaries stay English and say so.
	{"show-ru-kazakhstan", []string{"show", "kazakhstan", "--indicator", "rsf,wgi-rl,fh-pr-rating,vdem-elfrfair", "--from", "2008", "--lang", "ru"}},
	{"show-ru-kaz-cpi-wgi-odihr", []string{"show", "kaz", "-i", "ti-cpi,wgi-va,odihr", "--from", "2019", "--lang", "ru"}},
	{"rank-ru", []string{"rank", "--indicator", "rsf", "--lang", "ru"}},
	{"rank-ru-rsf-2015", []string{"rank", "-i", "rsf", "--year", "2015", "--lang", "ru"}},
	{"rank-ru-territories-2024", []string{"rank", "-i", "fh-fiw", "--group", "territories", "--year", "2024", "--lang", "ru"}},
	{"rank-ru-all-rsf-2012", []string{"rank", "-i", "rsf", "--group", "all", "--year", "2012", "--lang", "ru"}},
	{"rank-ru-wjp-missing", []string{"rank", "-i", "wjp", "--lang", "ru"}},
	{"trend-ru", []string{"trend", "russia", "--indicator", "rsf", "--lang", "ru"}},
	{"trend-ru-no-clear-trend", []string{"trend", "ukraine", "-i", "vdem-polyarchy", "--lang", "ru"}},
	{"trend-ru-wgi", []string{"trend", "georgia", "-i", "wgi-rl", "--from", "2012", "--lang", "ru"}},
	{"trend-ru-too-few", []string{"trend", "kaz", "-i", "wjp", "--to", "2015", "--lang", "ru"}},
	{"elections-ru", []string{"elections", "kazakhstan", "--lang", "ru"}},
	{"elections-ru-markdown", []string{"elections", "moldova", "--format", "markdown", "--lang", "ru"}},
	{"correlate-ru", []string{"correlate", "--lang", "ru"}},
	{"compare-ru-markdown", []string{"compare", "kazakhstan", "uzbekistan", "--format", "markdown", "--lang", "ru"}},
	{"compare-ru-china-mongolia-markdown", []string{"compare", "china", "mongolia", "-i", "rsf", "-f", "markdown", "--lang", "ru"}},
	// Errors a user can cause: one line, exit 2.
	{"err-ru-since-after-year", []string{"compare", "kaz", "uzb", "--year", "2010", "--since", "2015", "--lang", "ru"}},
	{"err-ru-no-figures", []string{"show", "antarctica", "--lang", "ru"}},
	{"err-unknown-country", []string{"show", "kazakstn"}},
	{"err-ambiguous-country", []string{"compare", "congo", "kazakhstan"}},
	{"err-same-country-twice", []string{"compare", "kaz", "Kazakhstan"}},
	{"err-bad-year", []string{"compare", "kaz", "uzb", "--indicator", "rsf", "--year", "2011"}},
	{"err-unknown-indicator", []string{"rank", "--indicator", "wgi-lr"}},
	{"err-unknown-group", []string{"countries", "--group", "central-europe"}},
	{"err-bad-format", []string{"compare", "kaz", "uzb", "--format", "xml"}},
	{"err-missing-indicator", []string{"trend", "russia"}},
	{"err-one-country", []string{"compare", "kazakhstan"}},
	{"err-unknown-command", []string{"comapre", "kaz", "uzb"}},
	{"err-not-a-number", []string{"compare", "kaz", "uzb", "--year", "last"}},
	{"err-elections-outside-coverage", []string{"elections", "france"}},
	{"err-trend-years", []string{"trend", "kaz", "-i", "wjp", "--from", "1990", "--to", "2000"}},
	{"err-indicators-two-ids", []string{"indicators", "rsf", "wjp"}},
	{"err-indicators-group-without-id", []string{"indicators", "--group", "baltics"}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := run(c.args...)
			got := fmt.Sprintf("$ rankings %s\nexit %d\n--- stderr\n%s--- stdout\n%s", strings.Join(c.args, " "), code, stderr, stdout)
			path := filepath.Join("testdata", "golden", c.name+".golden")
			checkGolden(t, path, got, "go test ./internal/cli -update")
		})
	}
}

// checkGolden compares got with the golden file at path, or writes it
// there under -update; cmd is the go test command that rewrites it.
func checkGolden(t *testing.T, path, got, cmd string) {
	t.Helper()
	golden.Check(t, path, got, *update, cmd)
}

func TestErrorsAreOneLineWithExitCode2(t *testing.T) {
	for _, c := range goldenCases {
		if !strings.HasPrefix(c.name, "err-") {
			continue
		}
		stdout, stderr, code := run(c.args...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2, one line on stderr", c.name, code, stdout, stderr)
		}
	}
}

func TestColourOnlyOnATerminal(t *testing.T) {
	for _, c := range []struct {
		tty     bool
		noColor string
		want    bool
	}{{false, "", false}, {true, "", true}, {true, "1", false}} {
		var out bytes.Buffer
		env := Env{Stdout: &out, Stderr: &bytes.Buffer{}, TTY: c.tty, Getenv: func(k string) string {
			if k == "NO_COLOR" {
				return c.noColor
			}
			return ""
		}}
		if code := Run(context.Background(), []string{"compare", "kaz", "uzb", "-i", "rsf"}, env); code != 0 {
			t.Fatalf("exit %d", code)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != c.want {
			t.Errorf("tty=%v NO_COLOR=%q: colour %v, want %v", c.tty, c.noColor, got, c.want)
		}
	}
}
