package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// englishDebt is how many English phrases each file of the packages that
// speak to readers (charts, chart data, documents, web, CLI) still writes
// as Go string literals instead of catalogue messages: English-only
// branches whose Russian comes from the catalogue, names and patterns
// that match data, texts for developers. A file not listed has none. The
// count may only fall: a new English phrase outside the catalogue fails
// TestNoNewEnglishOutsideTheCatalogue, and so does a file that has paid
// some of its debt until its entry is lowered, so that the list stays
// the true account of what is left.
var englishDebt = map[string]int{
	"../../charts/build.go":     1,
	"../../charts/html.go":      1,
	"../../charts/map.go":       1,
	"../../charts/profile.go":   1,
	"../../charts/spec.go":      1,
	"../chartdata/chartdata.go": 2,
	"../chartdata/map.go":       15,
	"../chartdata/profile.go":   3,
	"../chartdata/report.go":    1,
	"../chartdata/slope.go":     2,
	"../chartdata/timeline.go":  2,
	"../docs/cite.go":           8,
	"../docs/csv.go":            1,
	"../docs/nodata.go":         2,
	"../server/api.go":          2,
	"../server/bake.go":         4,
	"../server/charts.go":       19,
	"../server/cite.go":         1,
	"../server/lang.go":         2,
	"../server/pages.go":        2,
	"../server/params.go":       13,
	"../server/routes.go":       13,
	"../server/server.go":       2,
	"cli.go":                    13,
	"cmd_bake.go":               1,
	"cmd_chart.go":              1,
	"cmd_import.go":             1,
	"cmd_listing.go":            1,
	"cmd_serve.go":              1,
	"cmd_update.go":             2,
	"echarts_fetch.go":          2,
	"mapfile_other.go":          1,
	"mapfile_unix.go":           1,
}

// readerPackages are the folders whose output readers see.
var readerPackages = []string{"../../charts", "../chartdata", "../docs", "../server", "."}

// notReaderFiles are files of those folders that are not output for
// readers: the OpenAPI description (for developers; the API is
// language-neutral). The patterns that recognise English errors to say
// them in Russian are in internal/errtext, outside these folders.
var notReaderFiles = map[string]bool{"../server/openapi.go": true}

func TestNoNewEnglishOutsideTheCatalogue(t *testing.T) {
	got := englishLiterals(t)
	var names []string
	for n := range got {
		names = append(names, n)
	}
	for n := range englishDebt {
		if _, ok := got[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		switch have, allowed := len(got[n]), englishDebt[n]; {
		case have > allowed:
			t.Errorf("%s writes %d English phrases outside the catalogue, %d allowed; put the new ones in internal/i18n/locales (the first: %q)", n, have, allowed, got[n][0])
		case have < allowed:
			t.Errorf("%s writes %d English phrases outside the catalogue, fewer than the %d listed: lower its entry in englishDebt", n, have, allowed)
		}
	}
}

// englishLiterals lists the English phrases of each reader file. A
// phrase that is exactly a message of the English catalogue is in the
// catalogue: the code writes the English source of truth, and another
// language says that message (an error's English text, which
// internal/errtext recognises, is one).
func englishLiterals(t *testing.T) map[string][]string {
	t.Helper()
	catalogued := englishCatalogueTexts(t)
	out := map[string][]string{}
	for _, dir := range readerPackages {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			name = filepath.ToSlash(name)
			if strings.HasSuffix(name, "_test.go") || notReaderFiles[name] {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			var stack []ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && readsEnglish(s) && !exempt(stack) && !catalogued[s] {
						out[name] = append(out[name], s)
					}
				}
				return true
			})
		}
	}
	return out
}

// englishCatalogueTexts are the format strings of the English catalogue's
// messages, as its TOML files write them.
func englishCatalogueTexts(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("../i18n/locales/en/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English catalogue: %v", err)
	}
	out := map[string]bool{}
	for _, f := range files {
		var m map[string]struct{ Text, One, Other string }
		if _, err := toml.DecodeFile(f, &m); err != nil {
			t.Fatal(err)
		}
		for _, msg := range m {
			for _, s := range []string{msg.Text, msg.One, msg.Other} {
				if s != "" {
					out[s] = true
				}
			}
		}
	}
	return out
}
