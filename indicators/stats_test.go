package indicators

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func near(a, b float64) bool { return scalar.EqualWithinAbs(a, b, 1e-6) }

// Kazakhstan's RSF scores 2022–2025 (48.28, 45.87, 41.11, 39.34), fitted by
// hand: x̄ = 2023.5, ȳ = 43.65, Sxx = 5, Sxy = −15.79, slope = −3.158,
// SSR = 1.52818, s.e. = √(1.52818/2/5) = 0.390919, t(0.975, 2) = 4.302653,
// R² = 1 − 1.52818/51.393 = 0.970265, Theil–Sen = median of the six pairwise
// slopes = (−3.265 − 2.98)/2 = −3.1225.
func TestFitTrendHandComputed(t *testing.T) {
	f := FitTrend([]int{2022, 2023, 2024, 2025}, []float64{48.28, 45.87, 41.11, 39.34})
	if f.Insufficient || f.N != 4 || f.From != 2022 || f.To != 2025 {
		t.Fatalf("fit = %+v", f)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"slope", f.Slope, -3.158},
		{"s.e.", f.SlopeSE, 0.3909194290},
		{"ci low", f.CILow, -4.8399905485},
		{"ci high", f.CIHigh, -1.4760094515},
		{"R²", f.RSquared, 0.9702648221},
		{"Theil–Sen", f.TheilSen, -3.1225},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.10f, want %.10f", c.name, c.got, c.want)
		}
	}
	if !f.Significant() {
		t.Error("a CI of [−4.84, −1.48] excludes zero")
	}
}

func TestFitTrendInsufficientData(t *testing.T) {
	f := FitTrend([]int{2023, 2024, 2025}, []float64{1, 2, 3})
	if !f.Insufficient || !math.IsNaN(f.Slope) || f.N != 3 || f.Significant() {
		t.Errorf("three points gave %+v; want insufficient data and no slope", f)
	}
	// NaN values are not points.
	f = FitTrend([]int{2020, 2021, 2022, 2023}, []float64{1, math.NaN(), 3, 4})
	if !f.Insufficient || f.N != 3 {
		t.Errorf("a NaN was counted as a point: %+v", f)
	}
}

func TestFitTrendWithGaps(t *testing.T) {
	// WGI has no 1997, 1999, 2001: the fit uses the real years, so a
	// straight line through gapped years keeps its true slope.
	years := []int{1996, 1998, 2000, 2002, 2003}
	vals := make([]float64, len(years))
	for i, y := range years {
		vals[i] = 0.5 + 0.1*float64(y-1996)
	}
	f := FitTrend(years, vals)
	if !near(f.Slope, 0.1) || !near(f.TheilSen, 0.1) || !near(f.RSquared, 1) || !near(f.SlopeSE, 0) {
		t.Errorf("gapped straight line: %+v", f)
	}
}

func TestSpearmanAndKendallWithTies(t *testing.T) {
	x := []float64{1, 2, 2, 3, 4, 5}
	y := []float64{2, 1, 4, 3, 6, 5}
	rho, n := Spearman(x, y)
	if n != 6 || !near(rho, 0.7537023463) {
		t.Errorf("Spearman = %v (n %d), want 0.7537023463 (n 6)", rho, n)
	}
	// 11 concordant, 3 discordant, 1 pair tied in x: (11−3)/√(14·15).
	tau, n := KendallTauB(x, y)
	if n != 6 || !near(tau, 0.5520524475) {
		t.Errorf("tau-b = %v, want 0.5520524475", tau)
	}
	// NaN pairs are dropped, not treated as numbers.
	rho, n = Spearman([]float64{1, 2, math.NaN(), 4}, []float64{1, 2, 3, 4})
	if n != 3 || !near(rho, 1) {
		t.Errorf("Spearman with a NaN = %v, n %d", rho, n)
	}
	if rho, _ := Spearman([]float64{1, 2}, []float64{2, 1}); !math.IsNaN(rho) {
		t.Errorf("two pairs gave %v, want NaN", rho)
	}
}

func TestCompetitionRanks(t *testing.T) {
	got := CompetitionRanks([]float64{0.5, 0.9, 0.7, 0.9, 0.1}, HigherIsBetter)
	want := []int{4, 1, 3, 1, 5}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("higher is better: %v, want %v", got, want)
		}
	}
	got = CompetitionRanks([]float64{7, 1, 1, 3}, LowerIsBetter)
	want = []int{4, 1, 1, 3}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("lower is better: %v, want %v", got, want)
		}
	}
}

func TestMedianPercentile(t *testing.T) {
	if m := Median([]float64{3, math.NaN(), 1, 2, 10}); m != 2.5 {
		t.Errorf("median = %v, want 2.5 (NaN ignored)", m)
	}
	if p := Percentile(141, 180); !near(p, 21.6666666667) {
		t.Errorf("141 of 180 = %v, want 21.67", p)
	}
	if p := Percentile(181, 180); !math.IsNaN(p) {
		t.Errorf("rank above rank_of = %v", p)
	}
}

func TestNearest(t *testing.T) {
	got := Nearest("wgi-lr", []string{"wgi-rl", "wgi-rq", "rsf", "wjp"}, 3)
	if len(got) == 0 || got[0] != "wgi-rl" {
		t.Errorf("Nearest(wgi-lr) = %v", got)
	}
	if got := Nearest("zzzzzz", []string{"rsf", "wjp"}, 3); len(got) != 0 {
		t.Errorf("implausible suggestions %v", got)
	}
}
