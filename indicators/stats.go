package indicators

import (
	"math"
	"sort"
	"sync"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MinTrendPoints is the fewest points a trend is fitted on; with fewer the
// trend is "insufficient data", not a number.
const MinTrendPoints = 4

// Fit is a straight-line trend of a series within one methodology segment:
// an OLS slope per year with its 95% confidence interval (Student t,
// n − 2 degrees of freedom), R², and the robust Theil–Sen slope. Slopes are
// in points of the index per year, never percent.
type Fit struct {
	N            int
	From, To     int // first and last year fitted
	Slope        float64
	Intercept    float64
	SlopeSE      float64
	CILow        float64 // 95% confidence interval of the slope
	CIHigh       float64
	RSquared     float64
	TheilSen     float64
	Insufficient bool // fewer than MinTrendPoints points: no slope is given
}

// FitTrend fits a trend to points (x = year, y = value). Points with a NaN
// value are ignored. With fewer than MinTrendPoints usable points it returns
// a Fit with Insufficient set and NaN figures.
func FitTrend(years []int, values []float64) Fit {
	var x, y []float64
	for i, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			x = append(x, float64(years[i]))
			y = append(y, v)
		}
	}
	nan := math.NaN()
	f := Fit{N: len(x), Slope: nan, Intercept: nan, SlopeSE: nan, CILow: nan, CIHigh: nan, RSquared: nan, TheilSen: nan}
	if len(x) > 0 {
		f.From, f.To = int(floats.Min(x)), int(floats.Max(x))
	}
	if len(x) < MinTrendPoints {
		f.Insufficient = true
		return f
	}
	alpha, beta := stat.LinearRegression(x, y, nil, false)
	f.Intercept, f.Slope = alpha, beta
	var ssr float64
	for i := range x {
		r := y[i] - alpha - beta*x[i]
		ssr += r * r
	}
	sxx := stat.Variance(x, nil) * float64(len(x)-1)
	n := float64(len(x))
	f.SlopeSE = math.Sqrt(ssr / (n - 2) / sxx)
	t := tQuantile975(len(x) - 2)
	f.CILow, f.CIHigh = beta-t*f.SlopeSE, beta+t*f.SlopeSE
	if stat.Variance(y, nil) > 0 {
		f.RSquared = stat.RSquared(x, y, nil, alpha, beta)
	} else {
		f.RSquared = 1 // a flat series is fitted exactly by a flat line
	}
	f.TheilSen = TheilSen(x, y)
	return f
}

// tQuantiles memoises the 97.5% quantile of Student's t by degrees of
// freedom: computing it is most of the cost of a fit, and series are short.
var tQuantiles sync.Map // int → float64

func tQuantile975(df int) float64 {
	if v, ok := tQuantiles.Load(df); ok {
		return v.(float64)
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(0.975)
	tQuantiles.Store(df, q)
	return q
}

// Significant reports whether the slope's 95% confidence interval excludes
// zero.
func (f Fit) Significant() bool {
	return !f.Insufficient && (f.CILow > 0 || f.CIHigh < 0)
}

// TheilSen returns the median of the slopes between every pair of points
// with distinct x: a trend robust to outliers.
func TheilSen(x, y []float64) float64 {
	var slopes []float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			if x[j] != x[i] {
				slopes = append(slopes, (y[j]-y[i])/(x[j]-x[i]))
			}
		}
	}
	return Median(slopes)
}

// Median returns the median of the finite values in xs, or NaN when there
// are none. xs is not modified.
func Median(xs []float64) float64 {
	v := finite(xs)
	if len(v) == 0 {
		return math.NaN()
	}
	sort.Float64s(v)
	m := len(v) / 2
	if len(v)%2 == 1 {
		return v[m]
	}
	return (v[m-1] + v[m]) / 2
}

// Mean returns the mean of the finite values in xs, or NaN when there are
// none.
func Mean(xs []float64) float64 {
	v := finite(xs)
	if len(v) == 0 {
		return math.NaN()
	}
	return stat.Mean(v, nil)
}

func finite(xs []float64) []float64 {
	out := make([]float64, 0, len(xs))
	for _, v := range xs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out
}

// AverageRanks ranks values in ascending order, giving tied values the mean
// of the ranks they span (1-based), as Spearman's correlation needs.
func AverageRanks(values []float64) []float64 {
	idx := make([]int, len(values))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return values[idx[a]] < values[idx[b]] })
	ranks := make([]float64, len(values))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && values[idx[j+1]] == values[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[idx[k]] = avg
		}
		i = j + 1
	}
	return ranks
}

// pairs keeps the positions where both x and y are finite.
func pairs(x, y []float64) (xs, ys []float64) {
	for i := range x {
		if i < len(y) && !math.IsNaN(x[i]) && !math.IsNaN(y[i]) && !math.IsInf(x[i], 0) && !math.IsInf(y[i], 0) {
			xs = append(xs, x[i])
			ys = append(ys, y[i])
		}
	}
	return xs, ys
}

// Spearman returns Spearman's rank correlation of x and y over the pairs
// where both are present (ties get average ranks), and that number of
// pairs. It is NaN when fewer than 3 pairs remain or a variable is constant.
func Spearman(x, y []float64) (rho float64, n int) {
	xs, ys := pairs(x, y)
	n = len(xs)
	if n < 3 {
		return math.NaN(), n
	}
	rx, ry := AverageRanks(xs), AverageRanks(ys)
	if stat.Variance(rx, nil) == 0 || stat.Variance(ry, nil) == 0 {
		return math.NaN(), n
	}
	return stat.Correlation(rx, ry, nil), n
}

// KendallTauB returns Kendall's tau-b of x and y over the pairs where both
// are present, correcting for ties in either variable (gonum's Kendall
// counts tied pairs as concordant), and that number of pairs.
func KendallTauB(x, y []float64) (tau float64, n int) {
	xs, ys := pairs(x, y)
	n = len(xs)
	if n < 3 {
		return math.NaN(), n
	}
	var conc, disc, tieX, tieY float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			dx, dy := xs[i]-xs[j], ys[i]-ys[j]
			switch {
			case dx == 0 && dy == 0:
				// tied in both: counts in neither denominator term
			case dx == 0:
				tieX++
			case dy == 0:
				tieY++
			case (dx > 0) == (dy > 0):
				conc++
			default:
				disc++
			}
		}
	}
	den := math.Sqrt((conc + disc + tieX) * (conc + disc + tieY))
	if den == 0 {
		return math.NaN(), n
	}
	return (conc - disc) / den, n
}

// Percentile is the share of the ranked field placed below a rank, in
// percent: rank 1 of 180 is 99.4, rank 180 of 180 is 0.
func Percentile(rank, rankOf int) float64 {
	if rank < 1 || rankOf < 1 || rank > rankOf {
		return math.NaN()
	}
	return 100 * float64(rankOf-rank) / float64(rankOf)
}
