package chartdata

import (
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestChartsCarryFullCitations checks that every kind of chart ends with
// the full citation of each source it draws: publisher, index, edition
// and URL, the access date where the source asks for one, and never a
// pointer to "rankings sources" or an unfilled edition.
func TestChartsCarryFullCitations(t *testing.T) {
	s := datasets.Embedded()
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	day := time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)
	for _, r := range []Request{
		{Kind: charts.Ranking, Indicators: []string{"rsf"}},
		{Kind: charts.Timeline, Indicators: []string{"wgi-rl"}, Countries: []indicators.Country{kaz, uzb}},
		{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz}, From: 2022, To: 2025},
		{Kind: charts.Profile, Countries: []indicators.Country{kaz}},
		{Kind: charts.Heatmap, Indicators: []string{"fh-fiw"}},
		{Kind: charts.Scatter, Indicators: []string{"wgi-rl", "ti-cpi"}},
		{Kind: charts.Slope, Indicators: []string{"vdem-polyarchy"}},
	} {
		r.Accessed = day
		spec, err := Build(s, r)
		if err != nil {
			t.Fatalf("%s %v: %v", r.Kind, r.Indicators, err)
		}
		c := spec.Citation
		if strings.Contains(c, "rankings sources") || strings.Contains(c, "<edition>") || strings.Contains(c, "latest") {
			t.Errorf("%s %v: citation %q points elsewhere or lacks its edition", r.Kind, r.Indicators, c)
		}
		inds := r.Indicators
		if r.Kind == charts.Profile {
			inds = []string{"rsf", "wjp", "wgi-rl", "fh-fiw", "vdem-polyarchy", "ti-cpi"}
		}
		for _, id := range inds {
			ind, _ := s.Indicator(id)
			src, _ := indicators.SourceByID(ind.Source)
			name, _, _ := strings.Cut(src.Citation, ",")
			part := ""
			for _, p := range strings.Split(c, "; ") {
				if strings.HasPrefix(p, name) {
					part = p
				}
			}
			if part == "" {
				t.Errorf("%s: citation %q lacks the source %s (%q)", r.Kind, c, src.ID, name)
			}
			if src.Accessed != strings.HasSuffix(part, ", accessed 2026-05-03") {
				t.Errorf("%s: citation %q: the source %s asks for an access date: %v", r.Kind, c, src.ID, src.Accessed)
			}
		}
	}
}

func TestCitationsEditions(t *testing.T) {
	rsf, _ := indicators.Lookup("rsf")
	wgi, _ := indicators.Lookup("wgi-rl")
	got := citations(time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC), cited{rsf, []int{2024, 2022, 2023}}, cited{wgi, []int{2023}}, cited{rsf, []int{2025}})
	want := "Reporters Without Borders (RSF), World Press Freedom Index, 2022–2025 edition, https://rsf.org/en/index; " +
		"Kaufmann, D. and A. Kraay, Worldwide Governance Indicators, 2024 Update, World Bank, www.govindicators.org, accessed 2026-05-03"
	if got != want {
		t.Errorf("citations = %q\nwant        %q", got, want)
	}
}
