package chartdata

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestHeatmapHighlightsTheNamed: named countries come first and are
// highlighted, and the rest of the group stays as context.
func TestHeatmapHighlightsTheNamed(t *testing.T) {
	s := datasets.Embedded()
	uzb, kaz := country(t, s, "uzbekistan"), country(t, s, "kazakhstan")
	h, err := Build(s, Request{Kind: charts.Heatmap, Indicators: []string{"rsf"}, Countries: []indicators.Country{uzb, kaz}, Group: "central-asia"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sr := range h.Series {
		hl := ""
		if sr.Highlight {
			hl = "*"
		}
		got = append(got, sr.Code+hl)
	}
	want := "UZB* KAZ* KGZ TJK TKM"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("rows = %s, want %s", g, want)
	}
	if h.Title != "RSF World Press Freedom Index score, 2022–2026: Central Asia" {
		t.Errorf("title = %q", h.Title)
	}
}
