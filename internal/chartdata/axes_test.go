package chartdata

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestValueAxesWithinTheScale is a property over every indicator and every
// methodology segment: the value axis of its ranking, scatter and slope
// charts, as ECharts receives it, has an explicit min and max, and on a
// bounded exact scale spans exactly that scale (never past it, never cut to
// the data); on an unbounded or approximate scale it is zoomed to the data
// and its title says so.
func TestValueAxesWithinTheScale(t *testing.T) {
	store := datasets.Embedded()
	checked := 0
	for _, ind := range store.Indicators() {
		if ind.Events {
			continue
		}
		years, err := store.Years(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, seg := range ind.Segments {
			last := 0
			for _, y := range years {
				if y >= seg.From && (seg.To == 0 || y <= seg.To) {
					last = y
				}
			}
			if last == 0 {
				continue
			}
			other := "wgi-rl"
			if ind.ID == other {
				other = "ti-cpi"
			}
			described := last
			if ind.Year == indicators.EditionYear {
				described = last - 1
			}
			for _, c := range []struct {
				req  Request
				axis string // the option's axis that carries ind
			}{
				{Request{Kind: charts.Ranking, Indicators: []string{ind.ID}, Year: last}, "xAxis"},
				{Request{Kind: charts.Slope, Indicators: []string{ind.ID}, To: last}, "yAxis"},
				{Request{Kind: charts.Scatter, Indicators: []string{ind.ID, other}, Year: described}, "xAxis"},
				{Request{Kind: charts.Scatter, Indicators: []string{other, ind.ID}, Year: described}, "yAxis"},
			} {
				name := ind.ID + " " + string(c.req.Kind) + " " + c.axis
				spec, err := Build(store, c.req)
				if err != nil {
					if indicators.IsUserError(err) {
						// No two years in the segment, no figures on
						// the other indicator that year …
						continue
					}
					t.Fatalf("%s: %v", name, err)
				}
				ch, err := charts.Build(spec)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var m map[string]any
				if err := json.Unmarshal(ch.Option(), &m); err != nil {
					t.Fatal(err)
				}
				ax := m[c.axis].([]any)[0].(map[string]any)
				lo, okl := ax["min"].(float64)
				hi, okh := ax["max"].(float64)
				title, _ := ax["name"].(string)
				if !okl || !okh {
					t.Errorf("%s (%d): no explicit min/max, ECharts would round it: %v", name, last, ax)
					continue
				}
				sc := seg.Scale
				zoomed := strings.Contains(title, "zoomed to the data's range")
				if sc.Bounded() && !sc.Approximate {
					if lo != sc.Min || hi != sc.Max || zoomed {
						t.Errorf("%s (%d): axis %g..%g (title %q), want exactly the scale %s", name, last, lo, hi, title, sc)
					}
				} else if !zoomed {
					t.Errorf("%s (%d): axis %g..%g zooms to the data but its title %q does not say so", name, last, lo, hi, title)
				}
				checked++
			}
		}
	}
	t.Logf("%d value axes checked", checked)
	if checked < 100 {
		t.Errorf("only %d axes checked", checked)
	}
}

// TestScatterSpec: the named countries are highlighted and listed first in
// the order named; the same indicator twice is refused.
func TestScatterSpec(t *testing.T) {
	s := datasets.Embedded()
	uzb, kaz := country(t, s, "uzbekistan"), country(t, s, "kazakhstan")
	spec, err := Build(s, Request{Kind: charts.Scatter, Indicators: []string{"wgi-rl", "rsf"}, Countries: []indicators.Country{uzb, kaz}})
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Series) < 15 || spec.Series[0].Code != "UZB" || spec.Series[1].Code != "KAZ" || !spec.Series[0].Highlight || !spec.Series[1].Highlight {
		t.Fatalf("series start %+v, %+v; want Uzbekistan then Kazakhstan, highlighted", spec.Series[0], spec.Series[1])
	}
	for _, sr := range spec.Series[2:] {
		if sr.Highlight {
			t.Errorf("%s is highlighted but was not named", sr.Name)
		}
	}
	if spec.Min != 0 || spec.Max != 100 {
		t.Errorf("the RSF axis is %g..%g, want its 0–100 scale", spec.Min, spec.Max)
	}
	_, err = Build(s, Request{Kind: charts.Scatter, Indicators: []string{"rsf", "rsf"}})
	if err == nil || !indicators.IsUserError(err) || !strings.Contains(err.Error(), "two different indicators") || strings.Contains(err.Error(), "\n") {
		t.Errorf("rsf against itself: %v", err)
	}
}
