package chartdata

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func country(t *testing.T, s *datasets.Store, name string) indicators.Country {
	t.Helper()
	c, err := s.Registry().Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTimelineSpec(t *testing.T) {
	s := datasets.Embedded()
	kaz := country(t, s, "kazakhstan")
	spec, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz}})
	if err != nil {
		t.Fatal(err)
	}
	// By default the current methodology only, saying what is left out.
	if len(spec.Breaks) != 0 || len(spec.Panels) != 0 || spec.Series[0].Points[0].X != 2022 || spec.Min != 0 || spec.Max != 100 {
		t.Errorf("default span: breaks %+v, panels %+v, first %g, scale %g–%g", spec.Breaks, spec.Panels, spec.Series[0].Points[0].X, spec.Min, spec.Max)
	}
	if !slices.Contains(spec.Notes, "RSF World Press Freedom Index score figures of 2002–2021 are on earlier methodologies and are not shown: --from 2002 shows them, each methodology on its own scale.") {
		t.Errorf("notes = %q", spec.Notes)
	}
	// Across the breaks: one panel per methodology, each with its own
	// direction; the old lower-is-better scale is drawn inverted.
	all, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz}, From: 2002})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range all.Panels {
		got = append(got, fmt.Sprintf("%d-%d %v %g-%g %s", p.From, p.To, p.HigherIsBetter, p.Min, p.Max, p.YLabel))
	}
	want := []string{
		"2002-2012 false NaN-NaN score, lower is better; axis inverted, up is better",
		"2013-2021 true 0-100 score, higher is better",
		"2022-0 true 0-100 score, higher is better",
	}
	if !slices.Equal(got, want) {
		t.Errorf("panels:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if all.Covered != 1 || !strings.Contains(all.XLabel, "the 2026 edition is drawn in 2025") {
		t.Errorf("covered %d, x label %q", all.Covered, all.XLabel)
	}
	if len(spec.Events) == 0 || spec.Events[0].Country != "Kazakhstan" || spec.Events[0].Source == "" {
		t.Errorf("elections = %+v", spec.Events)
	}
	// WGI: a 90% band from the published standard error.
	wgi, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"wgi-rl"}, Countries: []indicators.Country{kaz}, From: 2023})
	if err != nil {
		t.Fatal(err)
	}
	obs, _ := s.Series("wgi-rl", "KAZ")
	o, _ := obs.At(2023)
	p := wgi.Series[0].Points[0]
	if p.X != 2023 || math.Abs(p.Lo-(o.Value-1.645*o.StdErr)) > 1e-9 || math.Abs(p.Hi-(o.Value+1.645*o.StdErr)) > 1e-9 || !strings.Contains(wgi.Band, "1.645") {
		t.Errorf("WGI band %g–%g (%q) for %g ± 1.645×%g", p.Lo, p.Hi, wgi.Band, o.Value, o.StdErr)
	}
	pct, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"wgi-rl"}, Countries: []indicators.Country{kaz}, From: 2023, Percentile: true})
	if err != nil {
		t.Fatal(err)
	}
	if q := pct.Series[0].Points[0]; q.Y != o.Pct || q.Lo != o.PctLower || q.Hi != o.PctUpper {
		t.Errorf("percentile point %+v, want %g [%g, %g]", q, o.Pct, o.PctLower, o.PctUpper)
	}
	// CPI: TI's 90% interval, the score ± 1.645 SE: Kazakhstan 2025 is
	// 38 ± 1.645 × 3.533891 = 32.19 to 43.81.
	cpi, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"ti-cpi"}, Countries: []indicators.Country{kaz}, From: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if p := cpi.Series[0].Points[0]; p.X != 2025 || math.Abs(p.Lo-32.1867) > 1e-4 || math.Abs(p.Hi-43.8133) > 1e-4 ||
		cpi.Band != "90% interval, as the publisher reads its standard error: the score ± 1.645 × the published standard error" {
		t.Errorf("CPI band %g–%g (%q)", p.Lo, p.Hi, cpi.Band)
	}
	vd, err := Build(s, Request{Kind: charts.Timeline, Indicators: []string{"vdem-libdem"}, Countries: []indicators.Country{kaz}})
	if err != nil {
		t.Fatal(err)
	}
	if vd.Band != "" || !strings.Contains(strings.Join(vd.Notes, " "), "V-Dem publishes credible intervals") {
		t.Errorf("V-Dem: band %q, notes %q", vd.Band, vd.Notes)
	}
}

func TestRankingAndHeatmapSpecs(t *testing.T) {
	s := datasets.Embedded()
	uzb := country(t, s, "uzbekistan")
	r, err := Build(s, Request{Kind: charts.Ranking, Indicators: []string{"rsf"}, Countries: []indicators.Country{uzb}, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Series) != 15 || r.XLabel != "score, higher is better" || !strings.Contains(r.Citation, "2025 edition") {
		t.Errorf("ranking: %d series, label %q, citation %q", len(r.Series), r.XLabel, r.Citation)
	}
	for _, sr := range r.Series {
		if sr.Highlight != (sr.Code == "UZB") {
			t.Errorf("%s highlighted = %v", sr.Code, sr.Highlight)
		}
		if sr.Code == "UZB" && (sr.Points[0].Rank != 148 || sr.Points[0].RankOf != 180) {
			t.Errorf("Uzbekistan = %+v", sr.Points[0])
		}
	}
	h, err := Build(s, Request{Kind: charts.Heatmap, Indicators: []string{"rsf"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, sr := range h.Series {
		for _, p := range sr.Points {
			if p.X < 2022 {
				t.Fatalf("the heatmap crosses the 2022 break by default: %s %g", sr.Code, p.X)
			}
		}
	}
	if _, err := Build(s, Request{Kind: charts.Slope, Indicators: []string{"rsf"}, From: 2015, To: 2024}); err == nil || !indicators.IsUserError(err) {
		t.Errorf("a slope across the 2022 break: %v", err)
	}
}
