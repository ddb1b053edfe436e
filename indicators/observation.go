package indicators

import (
	"math"
	"sort"
	"strconv"
)

// Observation is one figure of one indicator for one country and year.
//
// Missing optional numbers are NaN and a missing rank is 0: a missing value
// never reads as zero. Rows without a value are not observations at all.
type Observation struct {
	Indicator string
	ISO3      string
	Year      int
	Value     float64
	Rank      int // 1 is best; 0 when the source has no rank
	RankOf    int // how many entities were ranked that year
	StdErr    float64
	Lower     float64 // published interval bounds of Value, NaN if none
	Upper     float64
	Pct       float64 // published percentile rank (0–100), NaN if none
	PctLower  float64
	PctUpper  float64
	Status    string // e.g. F, PF, NF
	Note      string
}

// NewObservation returns an observation with every optional field missing.
func NewObservation(indicator, iso3 string, year int, value float64) Observation {
	nan := math.NaN()
	return Observation{Indicator: indicator, ISO3: iso3, Year: year, Value: value,
		StdErr: nan, Lower: nan, Upper: nan, Pct: nan, PctLower: nan, PctUpper: nan}
}

// HasRank reports whether the observation carries a rank.
func (o Observation) HasRank() bool { return o.Rank > 0 && o.RankOf > 0 }

// Series is the observations of one indicator for one country, in year
// order.
type Series struct {
	Indicator string
	ISO3      string
	Points    []Observation
}

// At returns the observation for year.
func (s Series) At(year int) (Observation, bool) {
	i := sort.Search(len(s.Points), func(i int) bool { return s.Points[i].Year >= year })
	if i < len(s.Points) && s.Points[i].Year == year {
		return s.Points[i], true
	}
	return Observation{}, false
}

// Years lists the years that have an observation.
func (s Series) Years() []int {
	out := make([]int, len(s.Points))
	for i, p := range s.Points {
		out[i] = p.Year
	}
	return out
}

// Last returns the latest observation.
func (s Series) Last() (Observation, bool) {
	if len(s.Points) == 0 {
		return Observation{}, false
	}
	return s.Points[len(s.Points)-1], true
}

// SortObservations orders observations by indicator, year and ISO3 code.
func SortObservations(obs []Observation) {
	sort.Slice(obs, func(i, j int) bool {
		a, b := obs[i], obs[j]
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.ISO3 < b.ISO3
	})
}

// FormatNumber prints a number in its shortest exact decimal form ("0.895",
// "95", "-9"), or "" for NaN.
func FormatNumber(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	if math.IsInf(v, 1) {
		return "∞"
	}
	if math.IsInf(v, -1) {
		return "−∞"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
