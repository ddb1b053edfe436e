package chartdata

import (
	"math"

	"github.com/rankings-dev/rankings/indicators"
)

// scaleRange returns the bounds a value axis of the segment at year spans:
// the scale's ends when it is bounded and exact (Freedom House's −4 to 100
// included), NaN when it is unbounded or only approximate (WGI's "about
// −2.5 to 2.5", which some figures pass), where the chart zooms to the data
// and says so on the axis.
func scaleRange(ind indicators.Indicator, year int) (float64, float64) {
	seg, ok := ind.SegmentAt(year)
	if !ok {
		seg = ind.Current()
	}
	if seg.Scale.Bounded() && !seg.Scale.Approximate && seg.Scale.Min < seg.Scale.Max {
		return seg.Scale.Min, seg.Scale.Max
	}
	return math.NaN(), math.NaN()
}
