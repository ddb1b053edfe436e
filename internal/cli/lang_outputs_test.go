package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// englishWords are words the English outputs of show, rank, trend,
// elections, correlate and compare's Markdown use: none may be left in
// their Russian outputs, apart from what stays English on purpose (the
// publishers' own names beside the Russian ones, ODIHR's summaries, the
// sources' addresses, citations and licences).
var englishWords = regexp.MustCompile(`\b(higher|lower|better|of|year|years|Group|[Mm]edian|mean|improving|worsening|[Tt]rend|points?|units?|methodology|break|percentile|s\.e\.|RANK|VALUE|YEAR|DETAIL|SEGMENT|COUNTRY|TERRITORY|GLOBAL|PERCENTILE|STATUS|PUBLISHED|Theil|figures?|Latest|assessments?|[Ee]lections?|[Mm]ission|Cells|Blank|Sources|Licence|Indicator|Ahead|distinguishable|rank|scale|about|unbounded|edition|covers|score|index|the|and|no|not|met|partly|mostly|observed|unknown|none|CI|OLS|Spearman|Date|Summary|Source|Assessment)\b`)

// onPurposeEnglish strips from a Russian output what stays English on
// purpose.
func onPurposeEnglish(t *testing.T, out string) string {
	t.Helper()
	for _, ind := range indicators.Catalog() {
		out = strings.ReplaceAll(out, "("+ind.Name+")", "")
	}
	store := datasets.Embedded()
	for _, c := range store.Registry().All() {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			continue
		}
		for _, e := range es {
			if e.Summary != "" {
				out = strings.ReplaceAll(out, e.Summary, "")
			}
		}
	}
	// A summary marked as English, up to its cell or line.
	out = regexp.MustCompile(`[^|\n]*\(резюме на английском\)`).ReplaceAllString(out, "")
	out = regexp.MustCompile(`<?https?://\S+`).ReplaceAllString(out, "")
	// The citations and licences under "Источники:" are the publishers'.
	if i := strings.Index(out, "\nИсточники:\n\n"); i >= 0 {
		out = out[:i]
	}
	return out
}

func TestRussianOutputsLeaveNoEnglish(t *testing.T) {
	n := 0
	for _, c := range goldenCases {
		if !strings.Contains(c.name+"-", "-ru-") || strings.HasPrefix(c.name, "err-") || c.args[0] == "compare" && !strings.Contains(strings.Join(c.args, " "), "markdown") {
			continue
		}
		switch c.args[0] {
		case "show", "rank", "trend", "elections", "correlate", "compare":
		default:
			continue
		}
		n++
		stdout, _, code := run(c.args...)
		if code != 0 {
			t.Errorf("%s: exit %d", c.name, code)
			continue
		}
		for i, line := range strings.Split(onPurposeEnglish(t, stdout), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("%s: line %d has the English word %q: %s", c.name, i+1, m, line)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d Russian outputs checked", n)
	}
}

// TestRussianPlurals checks the count sentences' Russian forms: 1, 2–4
// and 5 and up take different words, 21 takes the form of 1.
func TestRussianPlurals(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "слишком мало данных для тренда: 1 год; для тренда нужно не меньше 4"},
		{3, "слишком мало данных для тренда: 3 года; для тренда нужно не меньше 4"},
		{5, "слишком мало данных для тренда: 5 лет; для тренда нужно не меньше 4"},
		{21, "слишком мало данных для тренда: 21 год; для тренда нужно не меньше 4"},
	} {
		if got := sayTooFewPoints.in("ru", c.n, c.n, 4); got != c.want {
			t.Errorf("%d: %q, want %q", c.n, got, c.want)
		}
	}
	for n, want := range map[string]string{"1": "пункт", "2": "пункта", "5": "пунктов", "3,2": "пункта", "+0,5": "пункта"} {
		if got := unitWords("ru", "trend.unit_points", n); got != want {
			t.Errorf("%s: %q, want %q", n, got, want)
		}
	}
}

// TestDataNotesInRussian checks the edition notes of the data files in
// Russian; a note the catalogue does not know stays as it is.
func TestDataNotesInRussian(t *testing.T) {
	for note, want := range map[string]string{
		"edition 2020, covers 2019":                                                 "выпуск 2020 года (охватывает 2019 год)",
		"edition 2011-12":                                                           "выпуск 2011–12 гг.",
		"edition 1999-2000, covers 1999":                                            "выпуск 1999–2000 гг. (охватывает 1999 год)",
		"edition 1983-84, covers Aug.1982-Nov.1983":                                 "выпуск 1983–84 гг. (охватывает период с авг. 1982 г. по нояб. 1983 г.)",
		"edition 1982, covers Jan.1981-Aug. 1982":                                   "выпуск 1982 года (охватывает период с янв. 1981 г. по авг. 1982 г.)",
		"edition Jan.-Feb. 1973, covers 1972":                                       "выпуск янв.–февр. 1973 г. (охватывает 1972 год)",
		"edition 2011-12; RSF ranked Israel's own territory separately (2003–2012)": "выпуск 2011–12 гг.; RSF оценивали собственную территорию Израиля отдельно (2003–2012)",
		"V-Dem codes the Soviet Union as Russia up to 1990":                         "V-Dem кодирует Советский Союз как Россию до 1990 года",
		"the source's parts a+b+c add up to 55, not to the score":                   "части a+b+c у источника в сумме дают 55, а не итоговый балл",
		"edition 2025, covers 2024; from edition 2025 Freedom House rates the Russian-occupied territories of Ukraine as one territory; up to edition 2024 it rated Crimea and Eastern Donbas separately, and their figures are not merged into this one": "выпуск 2025 года (охватывает 2024 год); с выпуска 2025 года Freedom House оценивает оккупированные Россией территории Украины как одну территорию; до выпуска 2024 года Крым и Восточный Донбасс оценивались отдельно, и их данные с данными этой территории не объединены",
		"V-Dem's Palestine/West Bank; Gaza is coded separately (PSG) from 2007": "Палестина / Западный берег у V-Dem; сектор Газа кодируется отдельно (PSG) с 2007 года",
		"a note no one has translated":                                          "a note no one has translated",
	} {
		if got := dataNote("ru", note); got != want {
			t.Errorf("%q: %q, want %q", note, got, want)
		}
		if got := dataNote("en", note); got != note {
			t.Errorf("English %q: %q", note, got)
		}
	}
}

// TestUnlistedEntriesCatalogueIsTheData checks that the English catalogue
// says each unmapped entry as the data does, so that a changed reason in
// unmapped.csv cannot leave its translation behind unnoticed.
func TestUnlistedEntriesCatalogueIsTheData(t *testing.T) {
	store := datasets.Embedded()
	seen := 0
	for year := 2002; year <= 2026; year++ {
		doc, err := docs.BuildRank(store, "rsf", year, "all")
		if err != nil || doc.Unlisted == nil {
			continue
		}
		for _, e := range doc.Unlisted.Entries {
			key := "unlisted." + e.Code
			if !i18n.Has(key) {
				t.Errorf("%d: %s has no message %s", year, e.Code, key)
				continue
			}
			seen++
			if got, want := i18n.EN.T(key), e.Name+" — "+e.Reason; got != want {
				t.Errorf("%s: the catalogue says %q, the data %q", key, got, want)
			}
		}
	}
	if seen == 0 {
		t.Error("no unlisted entry checked")
	}
}

// TestEveryDataNoteInRussian checks every note the data files carry on a
// figure: in Russian none may keep an English word.
func TestEveryDataNoteInRussian(t *testing.T) {
	store := datasets.Embedded()
	seen := map[string]bool{}
	for _, ind := range store.Indicators() {
		if ind.Events {
			continue
		}
		obs, err := store.Observations(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range obs {
			if o.Note == "" || seen[o.Note] {
				continue
			}
			seen[o.Note] = true
			ru := dataNote("ru", o.Note)
			// The publishers' names and codes stay as they are.
			rest := regexp.MustCompile(`Freedom House|V-Dem|RSF|FOTP|TI|ISO|VDR|YUG|PSG|a\+b\+c|rankings`).ReplaceAllString(ru, "")
			if m := regexp.MustCompile(`[A-Za-z]{3,}`).FindString(rest); m != "" {
				t.Errorf("%s: %q says %q in Russian (%q)", ind.ID, o.Note, ru, m)
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d notes checked", len(seen))
	}
}
