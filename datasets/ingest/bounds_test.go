package ingest

import (
	"math"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// Every approximate scale of the catalog has hard bounds, wider than the
// scale, that every embedded figure lies within.
func TestHardBoundsHoldTheEmbeddedData(t *testing.T) {
	store := datasets.Embedded()
	for _, ind := range indicators.Catalog() {
		if ind.Events {
			continue
		}
		for _, seg := range ind.Segments {
			lo, hi := seg.Scale.Hard()
			if seg.Scale.Approximate && (math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo >= seg.Scale.Min || hi <= seg.Scale.Max) {
				t.Errorf("%s: approximate scale %s has hard bounds %v to %v", ind.ID, seg.Scale, lo, hi)
			}
		}
		years, err := store.Years(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range years {
			obs, _ := store.Year(ind.ID, y)
			seg, _ := ind.SegmentAt(y)
			lo, hi := seg.Scale.Hard()
			for _, o := range obs {
				if o.Value < lo || o.Value > hi {
					t.Errorf("%s %d %s: %v is outside the hard bounds %v to %v", ind.ID, y, o.ISO3, o.Value, lo, hi)
				}
			}
		}
	}
}
