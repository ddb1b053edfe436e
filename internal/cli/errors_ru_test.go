package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestErrorsTableRussian runs every user error of the errors table with
// --lang ru and keeps their messages as a golden file. Each must still be
// one line with exit code 2; every English message a pattern translates
// must say the English catalogue's text, so that a pattern cannot drift
// from the message it recognises.
func TestErrorsTableRussian(t *testing.T) {
	var b strings.Builder
	tmp := t.TempDir()
	for _, args := range userErrors {
		real := []string{"--lang", "ru"}
		for _, a := range args {
			real = append(real, strings.ReplaceAll(a, "$TMP", tmp))
		}
		var out, errb bytes.Buffer
		code := Run(context.Background(), real, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
		stderr := errb.String()
		if code != 2 || out.Len() != 0 || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
			t.Errorf("rankings --lang ru %s: exit %d, stderr %q; want exit 2 and one line", strings.Join(args, " "), code, stderr)
		}
		fmt.Fprintf(&b, "rankings %s --lang ru → exit %d → %s", strings.Join(args, " "), code, stderr)
	}
	got := b.String()
	path := filepath.Join("testdata", "golden", "errors-table-ru.golden")
	checkGolden(t, path, got, "go test ./internal/cli -run ErrorsTable -update")
}

// TestRussianErrorsSayNoEnglish checks that no translated error keeps an
// English sentence: the words of the English messages must not appear in
// their Russian form (the messages no pattern knows are listed in
// untranslatedErrors).
func TestRussianErrorsSayNoEnglish(t *testing.T) {
	words := regexp.MustCompile(`\b(no figures|needs|takes|unknown|did you mean|use one of|give|the data|years with|lists the|is not|too narrow|ambiguous|both name)\b`)
	for _, args := range userErrors {
		var errb bytes.Buffer
		real := append([]string{"--lang", "ru"}, args...)
		Run(context.Background(), real, Env{Stdout: &bytes.Buffer{}, Stderr: &errb, Getenv: func(string) string { return "" }})
		if w := words.FindString(errb.String()); w != "" && !untranslatedErrors[strings.Join(args, " ")] {
			t.Errorf("rankings %s --lang ru says %q in English: %s", strings.Join(args, " "), w, errb.String())
		}
	}
}

// untranslatedErrors are the user errors still said in English in Russian.
var untranslatedErrors = map[string]bool{}
