package chartdata

import (
	"math"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestProfilePercentile computes one percentile by hand from the embedded
// data: Kazakhstan is 149th of the 180 entries RSF ranked in its 2026
// edition (which covers 2025), so 31 of the 180 are placed below it:
// 100 × (180 − 149) / 180 = 17.2. WJP has no 2026 edition yet: that row
// says "no data". WGI's row uses the World Bank's own percentile rank.
func TestProfilePercentile(t *testing.T) {
	s := datasets.Embedded()
	kaz := country(t, s, "kazakhstan")
	spec, err := Build(s, Request{Kind: charts.Profile, Countries: []indicators.Country{kaz}, Indicators: []string{"rsf", "wjp", "ti-cpi"}, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if spec.Categories[0] != "RSF World Press Freedom Index score (2026 ed.)" || spec.CategoryNotes[0] != "score 0–100, higher is better" {
		t.Errorf("row 0 = %q, %q", spec.Categories[0], spec.CategoryNotes[0])
	}
	rsf := spec.Series[0].Points[0]
	if rsf.X != 0 || rsf.Rank != 149 || rsf.RankOf != 180 || rsf.Text != "34.41" || math.Abs(rsf.Y-100*31.0/180) > 1e-9 {
		t.Errorf("RSF 2026 point = %+v, want rank 149 of 180, 34.41, percentile %.4f", rsf, 100*31.0/180)
	}
	c, err := charts.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	tables := tableText(c)
	for _, w := range []string{
		"RSF World Press Freedom Index score (2026 ed.)\tscore 0–100, higher is better\tKazakhstan\t34.41\t149 of 180\t17.2\t",
		"WJP Rule of Law Index overall score (2026 ed.)\tscore 0–1, higher is better\tKazakhstan\tno data\t\t\t",
	} {
		if !strings.Contains(tables, w) {
			t.Errorf("table lacks %q:\n%s", w, tables)
		}
	}
	notes := strings.Join(spec.Notes, "\n")
	for _, w := range []string{"100 × (N − k) / N", "Figures describe 2025: the edition-year indices (Reporters Without Borders (RSF), World Justice Project) use their 2026 edition", "compare countries within a row"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}

	// WGI: the World Bank's percentile rank (36.8 for Kazakhstan's rule of
	// law in 2023), not 100 × (213 − 135) / 213 = 36.6.
	spec, err = Build(s, Request{Kind: charts.Profile, Countries: []indicators.Country{kaz}, Indicators: []string{"wgi-rl", "wgi-va", "rsf"}, Year: 2023})
	if err != nil {
		t.Fatal(err)
	}
	rl := spec.Series[0].Points[0]
	if rl.Y != 36.8 || rl.Rank != 135 || rl.RankOf != 213 {
		t.Errorf("WGI rule of law 2023 = %+v, want the published percentile rank 36.8, rank 135 of 213", rl)
	}
	if !strings.Contains(spec.CategoryNotes[0], "percentile rank as published (World Bank)") || !strings.Contains(strings.Join(spec.Notes, " "), "Worldwide Governance Indicators the percentile is the percentile rank the publisher itself publishes") {
		t.Errorf("the WGI rows do not say whose percentile they use: %q %q", spec.CategoryNotes[0], spec.Notes)
	}
}

// TestProfileOldRSF: the 2002–2012 RSF scale is unbounded and lower is
// better; the row still has a percentile (from RSF's rank) and says so.
func TestProfileOldRSF(t *testing.T) {
	s := datasets.Embedded()
	kaz := country(t, s, "kazakhstan")
	spec, err := Build(s, Request{Kind: charts.Profile, Countries: []indicators.Country{kaz}, Indicators: []string{"rsf", "fh-pr-rating", "wgi-rl"}, Year: 2010})
	if err != nil {
		t.Fatal(err)
	}
	if spec.CategoryNotes[0] != "score, open-ended scale, lower is better" || spec.CategoryNotes[1] != "rating 1–7, lower is better" {
		t.Errorf("scales = %q", spec.CategoryNotes)
	}
	p := spec.Series[0].Points[0]
	if p.Missing() || p.Rank == 0 || math.Abs(p.Y-indicators.Percentile(p.Rank, p.RankOf)) > 1e-9 {
		t.Errorf("RSF 2011 edition point = %+v", p)
	}
}
