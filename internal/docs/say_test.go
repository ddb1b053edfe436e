package docs

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// TestCompareNotesInRussian: compare --since 2010 of
// Kazakhstan and Kosovo notes its choices and says why Kosovo has no
// election; in Russian every note and reason is Russian, with Russian
// names and dates, while the document's JSON fields keep the English.
func TestCompareNotesInRussian(t *testing.T) {
	s := datasets.Embedded()
	cs, err := s.Registry().ResolveAll([]string{"kazakhstan", "kosovo"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := BuildCompare(s, CompareOptions{Since: 2010, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) == 0 || len(doc.NoElections) == 0 {
		t.Fatalf("notes %q, no elections %+v: want both", doc.Notes, doc.NoElections)
	}
	if en := doc.NotesIn(i18n.EN); strings.Join(en, "\n") != strings.Join(doc.Notes, "\n") {
		t.Errorf("English notes %q differ from the document's %q", en, doc.Notes)
	}
	var ru []string
	ru = append(ru, doc.NotesIn(i18n.RU)...)
	for _, n := range doc.NoElections {
		ru = append(ru, n.ReasonIn(i18n.RU))
	}
	for _, sk := range doc.Skipped {
		if sk.why != nil {
			ru = append(ru, sk.ReasonIn(i18n.RU))
		}
	}
	for _, n := range ru {
		for _, w := range []string{" is ", " has ", " before ", " the ", "Kazakhstan", "Kosovo", "participating"} {
			if strings.Contains(n, w) {
				t.Errorf("English %q in the Russian note %q", w, n)
			}
		}
	}
	if !strings.Contains(strings.Join(ru, "\n"), "Косово") {
		t.Errorf("the Russian notes do not name Kosovo in Russian:\n%s", strings.Join(ru, "\n"))
	}
}

// TestSentencesEnglishUnchanged: the sentences said from the catalogue
// are, in English, what the documents have always said.
func TestSentencesEnglishUnchanged(t *testing.T) {
	counts := map[string]int{"odihr": 1, "osce_pa": 2, "mirror": 3, "secondary": 4, NotStated: 1}
	if got, want := SourceKindSentence(counts, 11), "1 of 11 assessments rests on ODIHR's own pages, 2 on the OSCE Parliamentary Assembly's, 3 on copies of OSCE documents elsewhere and 4 on secondary accounts. 1 of 11 assessments does not say what its source is."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := SourceKindSentenceIn(i18n.RU, counts, 11); !strings.HasPrefix(got, "Всего оценок: 11; из них 1 основана") {
		t.Errorf("Russian: %s", got)
	}
	r := Rank{Year: 2025, Rows: make([]RankRow, 3), Unlisted: &Unlisted{Count: 2, RankOf: 180}}
	if got, want := r.UnlistedSentence(), "2 of the 180 entries the source ranked in 2025 are not listed: the data has no rows for them, but they count in N."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestSkippedReasonsInRussian: compare of all indicators in 2010 leaves
// out those whose series start later; the reason is the error's English
// in the document and Russian in ReasonIn.
func TestSkippedReasonsInRussian(t *testing.T) {
	s := datasets.Embedded()
	cs, err := s.Registry().ResolveAll([]string{"kazakhstan", "uzbekistan"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := BuildCompare(s, CompareOptions{Year: 2010, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sk := range doc.Skipped {
		if sk.ID != "wjp" {
			continue
		}
		found = true
		if want := "wjp has no figures for 2010: its series starts in 2013"; sk.Reason != want || sk.ReasonIn(i18n.EN) != want {
			t.Errorf("English reason %q, want %q", sk.Reason, want)
		}
		if got, want := sk.ReasonIn(i18n.RU), "wjp: нет данных за 2010 год — ряд начинается с 2013 года"; got != want {
			t.Errorf("Russian reason %q, want %q", got, want)
		}
	}
	if !found {
		t.Errorf("wjp is not skipped in 2010: %+v", doc.Skipped)
	}
	if r := skippedReason(errString("an error nobody translated")); r.Text(i18n.RU) != "an error nobody translated" {
		t.Errorf("an unknown error's reason is %q", r.Text(i18n.RU))
	}
}

type errString string

func (e errString) Error() string { return string(e) }
