package cli

import (
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

func fitted(slope, lo, hi float64) docs.Trend {
	from, to := 2014, 2024
	return docs.Trend{Slope: &slope, CILow: &lo, CIHigh: &hi, TheilSen: &slope, N: 11, From: &from, To: &to}
}

func TestTrendWords(t *testing.T) {
	for _, c := range []struct {
		t      docs.Trend
		higher bool
		want   string
	}{
		{fitted(-3.24, -4.81, -1.52), true, "worsening by 3.2 points a year, 95% CI 1.5 to 4.8"},
		{fitted(3.24, 1.52, 4.81), true, "improving by 3.2 points a year, 95% CI 1.5 to 4.8"},
		// On a lower-is-better scale a rising figure worsens.
		{fitted(1.29, 0.123, 2.46), false, "worsening by 1.3 points a year, 95% CI 0.1 to 2.5"},
		{fitted(-0.127, -0.2, -0.05), false, "improving by 0.13 points a year, 95% CI 0.05 to 0.20"},
		{fitted(-0.0003, -0.003, 0.0023), true, "no clear trend: −0.0003 points a year, 95% CI −0.0030 to +0.0023"},
		// Never "+0/yr [95% CI +0, +0]".
		{fitted(0, 0, 0), true, "no change: the same figure every year"},
		{fitted(0.00002, -0.00004, 0.00004), true, "no clear trend: less than 0.0001 points a year either way"},
		{docs.Trend{N: 3, Insufficient: true}, true, "too few figures for a trend: 3 years; a trend needs 4"},
		{docs.Trend{N: 1, Insufficient: true}, true, "too few figures for a trend: 1 year; a trend needs 4"},
	} {
		if got := trendWords(i18n.EN, c.t, c.higher, "trend.unit_points"); got != c.want {
			t.Errorf("trendWords(%v, %v, %v) = %q, want %q", *orZero(c.t.Slope), *orZero(c.t.CILow), *orZero(c.t.CIHigh), got, c.want)
		}
	}
}

func orZero(p *float64) *float64 {
	if p == nil {
		return new(float64)
	}
	return p
}

func TestTrendShort(t *testing.T) {
	for _, c := range []struct {
		t      docs.Trend
		higher bool
		want   string
	}{
		{fitted(-3.43, -4.5, -2.3), true, "↘−3.4/y"},
		{fitted(0.0818, 0.05, 0.11), false, "↘+0.082/y"},
		{fitted(0, 0, 0), false, "→0/y"},
		{fitted(0.0006, -0.004, 0.005), true, "→+0.0006/y"},
		{docs.Trend{N: 2, Insufficient: true}, true, "n=2"},
		{docs.Trend{}, true, ""},
	} {
		if got := trendShort(c.t, c.higher); got != c.want {
			t.Errorf("trendShort = %q, want %q", got, c.want)
		}
	}
}

func TestCountSentencePicksTheForm(t *testing.T) {
	for n, want := range map[int]string{0: "0 elections: x.", 1: "1 election: x.", 2: "2 elections: x.", 21: "21 elections: x."} {
		if got := sayElectionCounts.format(n, n, "x"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

func TestStdErrAndPercentileText(t *testing.T) {
	cpi := indicators.Indicator{Decimals: 0}
	wgi := indicators.Indicator{Decimals: 2}
	if got := stdErrText(cpi, 3.331854); got != "3.3" {
		t.Errorf("CPI s.e. %q, want 3.3", got)
	}
	if got := stdErrText(wgi, 0.14); got != "0.14" {
		t.Errorf("WGI s.e. %q, want 0.14", got)
	}
	if got := percentileText(25); got != "25.0" {
		t.Errorf("percentile %q, want 25.0", got)
	}
}

func TestDefaultNameSaysTheKindOnce(t *testing.T) {
	kaz := indicators.Country{ISO3: "KAZ", Name: "Kazakhstan"}
	for _, c := range []struct {
		s    charts.Spec
		r    chartdata.Request
		want string
	}{
		{charts.Spec{Kind: charts.Profile, Indicator: "profile", Year: 2023}, chartdata.Request{Countries: []indicators.Country{kaz}}, "profile-kaz-2023.html"},
		{charts.Spec{Kind: charts.Timeline, Indicator: "rsf", Year: 2026}, chartdata.Request{Countries: []indicators.Country{kaz}}, "timeline-rsf-kaz-2026.html"},
		{charts.Spec{Kind: charts.Ranking, Indicator: "rsf", Year: 2026}, chartdata.Request{Group: "post-soviet"}, "ranking-rsf-post-soviet-2026.html"},
	} {
		if got := defaultName(c.s, c.r, "html"); got != c.want {
			t.Errorf("defaultName = %q, want %q", got, c.want)
		}
	}
}
