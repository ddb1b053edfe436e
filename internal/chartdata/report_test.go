package chartdata

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
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
	doc, err := Report(s, cs, []string{"rsf"})
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
