package chartdata

import (
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/golden"
)

// firstOfKind returns the first election of iso3 whose source is of kind k.
func firstOfKind(t *testing.T, s *datasets.Store, iso3 string, k indicators.SourceKind) indicators.Election {
	t.Helper()
	es, err := s.Elections(iso3)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.SourceKind == k {
			return e
		}
	}
	t.Fatalf("%s has no election with a %s source: the test needs one", iso3, k)
	return indicators.Election{}
}

// TestReportLabelsSecondarySources: in the report's election table a
// secondary or mirror source says what it is right after its link, and the
// section states what the assessments rest on.
func TestReportLabelsSecondarySources(t *testing.T) {
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	doc, err := Report(s, cs, ReportOptions{Indicators: []string{"rsf"}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := charts.WriteDocument(&b, doc, charts.Options{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, k := range []indicators.SourceKind{indicators.SourceSecondary, indicators.SourceMirror, indicators.SourceODIHR} {
		e := firstOfKind(t, s, "UZB", k)
		want := fmt.Sprintf(`<a href="%s">%s</a> <span class="rk-cell-note">(%s)</span>`,
			template.HTMLEscapeString(e.SourceURL), hostOf(e.SourceURL), template.HTMLEscapeString(k.Label()))
		if !strings.Contains(page, want) {
			t.Errorf("the report's election table lacks %s", want)
		}
	}
	if !strings.Contains(page, "(secondary source: news, reference or academic account)") {
		t.Error("no secondary source is labelled as one")
	}
	var all []indicators.Election
	for _, c := range cs {
		es, _ := s.Elections(c.ISO3)
		all = append(all, es...)
	}
	sentence := docs.SourceKindSentence(docs.CountSourceKinds(all), len(all))
	if !strings.Contains(sentence, fmt.Sprintf(" of %d assessments", len(all))) || !strings.Contains(page, template.HTMLEscapeString(sentence)) {
		t.Errorf("the report does not state what its %d assessments rest on (%q)", len(all), sentence)
	}
}

// TestTimelineElectionsSayWhatTheirSourceIs: the election markers of a
// timeline carry the source kind in words, and their hover text shows it.
func TestTimelineElectionsSayWhatTheirSourceIs(t *testing.T) {
	s := datasets.Embedded()
	uzb := country(t, s, "uzbekistan")
	spec, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{uzb}, From: 2002})
	if err != nil {
		t.Fatal(err)
	}
	es, _ := s.Elections("UZB")
	kinds := map[string]string{}
	for _, e := range es {
		kinds[e.Date] = e.SourceKind.Label()
	}
	var secondary []charts.Event
	for _, ev := range spec.Events {
		if ev.SourceKind == "" || ev.SourceKind != kinds[ev.Date] {
			t.Errorf("%s: source kind %q, want %q", ev.Date, ev.SourceKind, kinds[ev.Date])
		}
		if ev.SourceKind == indicators.SourceSecondary.Label() {
			secondary = append(secondary, ev)
		}
	}
	if len(secondary) == 0 {
		t.Fatal("no secondary source among Uzbekistan's election markers")
	}
	ch, err := charts.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := ch.WriteFragment(&b, charts.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf(`\nSource: %s (%s)`, hostOf(secondary[0].Source), indicators.SourceSecondary.Label()); !strings.Contains(b.String(), want) {
		t.Errorf("the tooltips lack %q", want)
	}
}

// updateReportGolden is the -update flag of this package's golden tests,
// declared here unless another test file declares it first.
func updateReportGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

// checkReportGolden compares got with testdata/name, or rewrites it with -update.
func checkReportGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, updateReportGolden(), "go test ./internal/chartdata -run Golden -update")
}

// TestReportRankChangeGolden: the report's sentences, with WJP 2014→2024,
// when WJP ranked 99 entities in 2014 and 142 in 2024: a rank change is
// given with both field sizes, and where they differ the percentile change
// leads and the sentence says the field grew.
func TestReportRankChangeGolden(t *testing.T) {
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
	for _, p := range Sentences(cmp, cs) {
		b.WriteString(p + "\n")
	}
	doc, err := Report(s, cs, ReportOptions{Indicators: []string{"rsf", "wjp", "wgi-rl"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range doc.Sections {
		if len(sec.Tables) > 0 && sec.Chart == nil {
			continue // the elections and sources tables
		}
		fmt.Fprintf(&b, "\n# report: %s\n", sec.Heading)
		for _, p := range sec.Paragraphs {
			b.WriteString(p + "\n")
		}
	}
	checkReportGolden(t, "report-kaz-uzb-sentences.golden", b.String())
}

// TestRankChangeSentenceHandComputed: Uzbekistan on WJP ranked 73 of 99 in
// 2014 and 83 of 142 in 2024. Its percentile (the share of the ranked field
// placed below it, 100·(N−k)/N) was 100·26/99 = 26.26 and is 100·59/142 =
// 41.55: up 15.29 points, although it is 10 places lower.
func TestRankChangeSentenceHandComputed(t *testing.T) {
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	wjp, _ := s.Indicator("wjp")
	cmp, err := indicators.Compare(s, wjp, []string{"KAZ", "UZB"}, indicators.CompareOptions{Year: 2024, Since: 2014})
	if err != nil {
		t.Fatal(err)
	}
	uzb := cmp.Changes[1]
	if uzb.ISO3 != "UZB" || uzb.From != 2014 || uzb.Rank != 83 || uzb.RankOf != 142 || uzb.SinceRank != 73 || uzb.SinceRankOf != 99 || uzb.RankChange != -10 {
		t.Fatalf("UZB change %+v; want 83/142 from 73/99 (the published WJP editions)", uzb)
	}
	want := "From 2014 to 2024, within the same methodology, Uzbekistan's percentile rose by 15.3 points, from 26.3 to 41.5: " +
		"it ranked 83/142 from 73/99 in a field that grew from 99 to 142, so the percentile, not the number of places, is the comparable change. " +
		"Its figure went from 0.45 to 0.49 (+0.04)."
	got := Sentences(cmp, cs)
	if !slices.Contains(got, want) {
		t.Errorf("the sentences lack\n%s\ngot\n%s", want, strings.Join(got, "\n"))
	}
	for _, p := range got {
		if strings.Contains(p, "places)") || strings.Contains(p, "down 10") {
			t.Errorf("a bare rank change: %s", p)
		}
	}
}
