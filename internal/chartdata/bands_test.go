package chartdata

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestEveryIntervalIsDrawn is a property over every indicator that
// publishes uncertainty: in the timeline of three countries, as ECharts
// receives it, every figure with an interval has it drawn, as part of a
// shaded band (beside a neighbouring interval) or as a bar of its own
// (standing alone, as the WGI's 1996, 1998 and 2000 figures do), and each
// at its published bounds.
func TestEveryIntervalIsDrawn(t *testing.T) {
	store := datasets.Embedded()
	cs := []indicators.Country{country(t, store, "estonia"), country(t, store, "kazakhstan"), country(t, store, "uzbekistan")}
	checked := 0
	for _, ind := range store.Indicators() {
		if ind.Events {
			continue
		}
		spec, err := Build(store, Request{Kind: charts.Timeline, Indicators: []string{ind.ID}, Countries: cs})
		if err != nil {
			t.Fatalf("%s: %v", ind.ID, err)
		}
		want := map[string][2]float64{} // "name date": the published interval
		for _, sr := range spec.Series {
			for _, p := range sr.Points {
				if p.HasBand() && !p.Missing() {
					want[fmt.Sprintf("%s %04d-07-01", sr.Name, int(p.X)-spec.Covered)] = [2]float64{p.Lo, p.Hi}
				}
			}
		}
		if len(want) == 0 {
			continue
		}
		ch, err := charts.Build(spec)
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Series []struct {
				Name      string
				Stack     string
				Silent    bool
				AreaStyle any
				Data      []json.RawMessage // [date, value] pairs, or objects on the figures' line
			}
		}
		if err := json.Unmarshal(ch.Option(), &m); err != nil {
			t.Fatal(err)
		}
		pairs := func(raw []json.RawMessage) [][]any {
			var out [][]any
			for _, r := range raw {
				var d []any
				if json.Unmarshal(r, &d) != nil {
					return nil
				}
				out = append(out, d)
			}
			return out
		}
		got := map[string][2]float64{}
		for i, sm := range m.Series {
			s := struct {
				Name, Stack string
				Silent      bool
				AreaStyle   any
				Data        [][]any
			}{sm.Name, sm.Stack, sm.Silent, sm.AreaStyle, pairs(sm.Data)}
			switch {
			case s.Stack != "" && s.AreaStyle != nil:
				// The width, stacked on the lower bound just before it: an
				// entry is drawn when a neighbour holds an interval too.
				lower := pairs(m.Series[i-1].Data)
				for j, d := range s.Data {
					w, ok := d[1].(float64)
					near := func(k int) bool {
						if k < 0 || k >= len(s.Data) {
							return false
						}
						_, ok := s.Data[k][1].(float64)
						return ok
					}
					if ok && (near(j-1) || near(j+1)) {
						lo := lower[j][1].(float64)
						got[fmt.Sprintf("%s %s", s.Name, d[0])] = [2]float64{lo, lo + w}
					}
				}
			case s.Stack == "" && s.Silent && len(s.Data) == 2 && s.Data[0][0] == s.Data[1][0]:
				lo, hi := s.Data[0][1].(float64), s.Data[1][1].(float64)
				got[fmt.Sprintf("%s %s", s.Name, s.Data[0][0])] = [2]float64{math.Min(lo, hi), math.Max(lo, hi)}
			}
		}
		for k, w := range want {
			g, ok := got[k]
			if !ok {
				t.Errorf("%s: the interval of %s is not drawn", ind.ID, k)
			} else if math.Abs(g[0]-w[0]) > 1e-9 || math.Abs(g[1]-w[1]) > 1e-9 {
				t.Errorf("%s: %s is drawn as %g..%g, published %g..%g", ind.ID, k, g[0], g[1], w[0], w[1])
			}
			checked++
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: an interval is drawn at %s that the data do not hold", ind.ID, k)
			}
		}
	}
	t.Logf("%d intervals checked", checked)
	if checked < 100 {
		t.Errorf("only %d intervals checked", checked)
	}
}
