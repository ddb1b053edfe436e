package cli

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
)

// TestIndicatorMarkdownSentencesEndOnce: the Markdown page of every
// indicator, in both languages, ends each sentence with one full stop,
// though a licence the page quotes ends with its own (ODIHR's did, and
// the page said "account.. Cite as").
func TestIndicatorMarkdownSentencesEndOnce(t *testing.T) {
	for _, ind := range datasets.Embedded().Indicators() {
		for _, lang := range []string{"en", "ru"} {
			out, stderr, code := run("--lang", lang, "indicators", ind.ID, "-f", "markdown")
			if code != 0 {
				t.Fatalf("indicators %s: exit %d: %s", ind.ID, code, stderr)
			}
			if i := strings.Index(out, ".. "); i >= 0 {
				t.Errorf("%s (%s): …%s…", ind.ID, lang, out[max(0, i-40):min(len(out), i+20)])
			}
		}
	}
}
