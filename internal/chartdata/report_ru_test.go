package chartdata

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// goldenReportRU is goldenReport in Russian.
func goldenReportRU(t *testing.T) charts.Document {
	t.Helper()
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	doc, err := Report(s, cs, ReportOptions{Indicators: []string{"rsf", "wgi-rl"}, Accessed: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC), Lang: i18n.RU})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// englishLeftovers are words of the report's English sentences; none may
// be left in the Russian report's own words (the citations, licences and
// election summaries, which stay in English, are left out of the check).
var englishLeftovers = regexp.MustCompile(`\b(?:the|is|are|of|and|from|within|ranked|ahead|percentile|figure|edition|election|elections|Overview|Sources|Contents|higher|lower|better|not tested|distinguishable|member|members|tied|none|unknown|parliamentary|presidential|referendum|assessed|commitments|On this scale)\b`)

// russianWords are the report's words in Russian, without what stays in
// English by design.
func russianWords(doc charts.Document) []string {
	out := []string{doc.Title, doc.Subtitle}
	for _, s := range doc.Sections {
		out = append(out, s.Heading)
		out = append(out, s.Paragraphs...)
		for _, t := range s.Tables {
			out = append(out, t.Caption)
			out = append(out, t.Header...)
			for _, n := range t.Notes {
				out = append(out, n.Text)
			}
			for _, r := range t.Rows {
				for i, c := range r {
					if t.Header[i] == "Резюме" || c.Href != "" {
						out = append(out, c.Note)
						continue
					}
					out = append(out, c.Text)
				}
			}
		}
	}
	return out
}

// TestReportRussianHasNoEnglish: every heading, sentence, table and cell
// of the Russian report is in Russian; the summaries say they are in
// English.
func TestReportRussianHasNoEnglish(t *testing.T) {
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	for _, opt := range []ReportOptions{
		{Lang: i18n.RU},
		{Lang: i18n.RU, Year: 2015, Group: "central-asia"},
		{Lang: i18n.RU, Indicators: []string{"rsf", "wjp", "wgi-rl"}},
	} {
		doc, err := Report(s, cs, opt)
		if err != nil {
			t.Fatal(err)
		}
		// The publishers' own names stand beside the Russian ones.
		var names []string
		for _, ind := range indicators.Catalog() {
			names = append(names, "("+ind.Name+")", "("+shortName(ind)+")")
		}
		for _, w := range russianWords(doc) {
			for _, n := range names {
				w = strings.ReplaceAll(w, n, "")
			}
			if m := englishLeftovers.FindString(w); m != "" {
				t.Errorf("%+v: English %q left in %q", opt, m, w)
			}
		}
		for _, sec := range doc.Sections {
			if sec.Heading != "Выборы: оценки БДИПЧ ОБСЕ" || len(sec.Tables) == 0 {
				continue
			}
			for _, r := range sec.Tables[0].Rows {
				if sum := r[5].Text; sum != "" && !strings.HasSuffix(sum, "(резюме на английском)") {
					t.Errorf("summary %q does not say it is in English", sum)
				}
			}
		}
	}
}

// TestReportRussianSentences: the sentences of the rank-change golden in
// Russian, with the field sizes, percentiles with a decimal comma and the
// methodology break.
func TestReportRussianSentencesGolden(t *testing.T) {
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	wjp, err := s.Indicator("wjp")
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := indicators.Compare(s, wjp, []string{"KAZ", "UZB"}, indicators.CompareOptions{Year: 2024, Since: 2014})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# wjp, 2024 since 2014\n")
	got := SentencesIn(i18n.RU, cmp, cs)
	for _, p := range got {
		b.WriteString(p + "\n")
	}
	want := "Узбекистан: с 2014 по 2024 год, при неизменной методологии, процентиль вырос на 15,3 пункта, с 26,3 до 41,5: " +
		"место — 83/142 вместо 73/99, но число оценённых стран и территорий выросло с 99 до 142, поэтому сравнимо изменение процентиля, а не число мест. " +
		"Значение изменилось с 0,45 до 0,49 (+0,04)."
	if !strings.Contains(b.String(), want) {
		t.Errorf("the sentences lack\n%s", want)
	}
	doc, err := Report(s, cs, ReportOptions{Indicators: []string{"rsf", "wjp", "wgi-rl"}, Lang: i18n.RU})
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range doc.Sections {
		if len(sec.Tables) > 0 && sec.Chart == nil && len(sec.Paragraphs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n# report: %s\n", sec.Heading)
		for _, p := range sec.Paragraphs {
			b.WriteString(p + "\n")
		}
	}
	checkReportGolden(t, "report-kaz-uzb-ru-sentences.golden", b.String())
}

// TestReportRussianHTMLGolden is the Russian HTML report, whole.
func TestReportRussianHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := charts.WriteDocument(&b, goldenReportRU(t), charts.Options{}); err != nil {
		t.Fatal(err)
	}
	checkReportGolden(t, "report-kaz-uzb-ru.html.golden", b.String())
}

// TestReportRussianMarkdownGolden is the Russian markdown report, whole.
func TestReportRussianMarkdownGolden(t *testing.T) {
	files := memFiles{}
	var b bytes.Buffer
	if err := charts.WriteMarkdownDocument(&b, goldenReportRU(t), charts.MarkdownOptions{Dir: "report-kaz-uzb-ru-files", Create: files.create}); err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Errorf("%d chart files, want 4", len(files))
	}
	checkReportGolden(t, "report-kaz-uzb-ru.md.golden", b.String())
}

// TestReportRussianPDFGolden: the Russian PDF's structure (its bookmarks,
// title, language and page count) is the golden's; the contents heading
// is «Содержание».
func TestReportRussianPDFGolden(t *testing.T) {
	doc := goldenReportRU(t)
	var a bytes.Buffer
	if err := charts.WritePDFDocument(&a, doc, charts.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	pdf := a.String()
	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAllString(pdf, -1))
	var b strings.Builder
	fmt.Fprintf(&b, "pages: %d\n", pages)
	fmt.Fprintf(&b, "lang: %v\n", strings.Contains(pdf, "/Lang (ru)"))
	fmt.Fprintf(&b, "title: %v %s\n", strings.Contains(pdf, "/Title ("+utf16Title(doc.Title)+")"), doc.Title)
	for _, s := range doc.Sections {
		fmt.Fprintf(&b, "bookmark: %v %s\n", strings.Contains(pdf, "/Title ("+utf16Title(s.Heading)+")"), s.Heading)
	}
	if strings.Contains(b.String(), "false") {
		t.Errorf("the PDF lacks its language, title or a bookmark:\n%s", b.String())
	}
	checkReportGolden(t, "report-kaz-uzb-ru.pdf.golden", b.String())
}

// TestUnitKeys: each indicator's unit has a catalogue message whose
// English is the catalogue's unit, so that a Russian report names it.
func TestUnitKeys(t *testing.T) {
	for _, ind := range indicators.Catalog() {
		k := unitKey(ind.Unit)
		if !i18n.Has(k) {
			t.Errorf("%s: no message %s for unit %q", ind.ID, k, ind.Unit)
			continue
		}
		if got := i18n.EN.T(k); got != ind.Unit {
			t.Errorf("%s: %s is %q, the unit is %q", ind.ID, k, got, ind.Unit)
		}
	}
}
