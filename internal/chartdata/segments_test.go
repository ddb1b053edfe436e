package chartdata

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestNoScaleSpansABreak is the rule every chart keeps: for every chart kind,
// every indicator and both the default and the whole span, no series, value
// axis or colour scale of the built ECharts option holds figures from two
// methodology segments, and every segment's axis or colour scale states its
// direction. A view that cannot keep the rule (a slope across a break)
// refuses with an invalid-input error.
func TestNoScaleSpansABreak(t *testing.T) {
	s := datasets.Embedded()
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	checked := 0
	for _, ind := range s.Indicators() {
		if ind.Events {
			continue
		}
		years, err := s.Years(ind.ID)
		if err != nil || len(years) == 0 {
			continue
		}
		first, last := years[0], years[len(years)-1]
		for _, kind := range charts.Kinds() {
			spans := [][2]int{{0, 0}, {first, last}}
			for _, span := range spans {
				r := Request{Kind: kind, Indicators: []string{ind.ID}, Countries: []indicators.Country{kaz, uzb}, From: span[0], To: span[1]}
				switch kind {
				case charts.Scatter:
					other := "wgi-rl"
					if ind.ID == other {
						other = "rsf"
					}
					r.Indicators = []string{ind.ID, other}
				case charts.Profile:
					r.Indicators = []string{ind.ID, "wgi-rl", "wgi-va"}
					if strings.HasPrefix(ind.ID, "wgi-") {
						r.Indicators = []string{ind.ID, "rsf", "ti-cpi"}
					}
					r.From, r.To = 0, 0
				case charts.Ranking:
					r.From, r.To = 0, 0
				}
				name := fmt.Sprintf("%s/%s/%d-%d", kind, ind.ID, span[0], span[1])
				spec, err := Build(s, r)
				if err != nil {
					if kind == charts.Slope && indicators.ErrorCode(err) == indicators.EInvalid && !ind.SameSegment(span[0], span[1]) {
						continue // refused, as it must be
					}
					if indicators.ErrorCode(err) == indicators.ENotFound {
						continue
					}
					t.Errorf("%s: %v", name, err)
					continue
				}
				c, err := charts.Build(spec)
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				checked++
				checkSegments(t, name, ind, spec, c)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d charts checked", checked)
	}
}

// checkSegments asserts the rule on one built chart.
func checkSegments(t *testing.T, name string, ind indicators.Indicator, spec charts.Spec, c *charts.Chart) {
	t.Helper()
	// In the spec: every series' figures within one panel each, and the
	// panels within one segment each.
	seg := func(year int) int {
		sg, ok := ind.SegmentAt(year)
		if !ok {
			return -1
		}
		return sg.From
	}
	if spec.Kind == charts.Timeline || spec.Kind == charts.Heatmap || spec.Kind == charts.Slope {
		segs := map[int]bool{}
		for _, sr := range spec.Series {
			for _, p := range sr.Points {
				if !p.Missing() {
					segs[seg(int(p.X))] = true
				}
			}
		}
		if len(segs) > 1 && len(spec.Panels) != len(segs) {
			t.Errorf("%s: figures of %d segments in %d panels", name, len(segs), len(spec.Panels))
		}
		for _, pn := range spec.Panels {
			if seg(pn.From) != seg(max(pn.From, pn.To)) {
				t.Errorf("%s: panel %q spans a break", name, pn.Title)
			}
			if !strings.Contains(pn.YLabel, "is better") {
				t.Errorf("%s: panel %q does not say which way is better", name, pn.Title)
			}
		}
	}
	var m struct {
		Series []struct {
			Type       string            `json:"type"`
			Name       string            `json:"name"`
			XAxisIndex int               `json:"xAxisIndex"`
			YAxisIndex int               `json:"yAxisIndex"`
			Data       []json.RawMessage `json:"data"`
		} `json:"series"`
		XAxis []struct {
			Data []string `json:"data"`
		} `json:"xAxis"`
		YAxis []struct {
			Name string `json:"name"`
			Type string `json:"type"`
		} `json:"yAxis"`
		VisualMap []struct {
			SeriesIndex int      `json:"seriesIndex"`
			Text        []string `json:"text"`
		} `json:"visualMap"`
	}
	if err := json.Unmarshal(c.Option(), &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	// value returns the array of a data item (an item object or a bare
	// array).
	value := func(raw json.RawMessage) []any {
		var item struct {
			Value []any `json:"value"`
		}
		if json.Unmarshal(raw, &item) == nil && item.Value != nil {
			return item.Value
		}
		var arr []any
		_ = json.Unmarshal(raw, &arr)
		return arr
	}
	switch spec.Kind {
	case charts.Map:
		// One map, one segment: every year of the slider.
		segs := map[int]bool{}
		for _, sr := range spec.Series {
			for _, p := range sr.Points {
				if !p.Missing() {
					segs[seg(int(p.X))] = true
				}
			}
		}
		if len(segs) > 1 {
			t.Errorf("%s: a map holds figures of %d segments", name, len(segs))
		}
		if len(m.VisualMap) != 1 || !strings.Contains(strings.Join(m.VisualMap[0].Text, " "), "better") || !strings.Contains(spec.YLabel, "is better") {
			t.Errorf("%s: the map's colour scale does not say which end is better: %+v", name, m.VisualMap)
		}
	case charts.Timeline:
		// Each value axis: the segments of every figure drawn on it.
		axis := map[int]map[int]bool{}
		for _, sr := range m.Series {
			if sr.Type != "line" {
				continue
			}
			for _, raw := range sr.Data {
				v := value(raw)
				if len(v) != 2 || v[1] == "-" {
					continue
				}
				date, _ := v[0].(string)
				y, err := strconv.Atoi(date[:4])
				if err != nil {
					t.Fatalf("%s: date %q", name, date)
				}
				if axis[sr.YAxisIndex] == nil {
					axis[sr.YAxisIndex] = map[int]bool{}
				}
				axis[sr.YAxisIndex][seg(y+spec.Covered)] = true
			}
		}
		for k, segs := range axis {
			if len(segs) > 1 {
				t.Errorf("%s: value axis %d holds figures of %d segments", name, k, len(segs))
			}
			if k < len(m.YAxis) && !strings.Contains(m.YAxis[k].Name, "is better") {
				t.Errorf("%s: value axis %d (%q) does not say which way is better", name, k, m.YAxis[k].Name)
			}
		}
	case charts.Heatmap:
		if len(m.VisualMap) != len(m.Series) {
			t.Errorf("%s: %d colour scales for %d series", name, len(m.VisualMap), len(m.Series))
		}
		for k, sr := range m.Series {
			segs := map[int]bool{}
			for _, raw := range sr.Data {
				v := value(raw)
				col := int(v[0].(float64))
				y, err := strconv.Atoi(m.XAxis[0].Data[col])
				if err != nil {
					t.Fatalf("%s: a cell in column %d (%q) is not a year", name, col, m.XAxis[0].Data[col])
				}
				segs[seg(y)] = true
			}
			if len(segs) > 1 {
				t.Errorf("%s: colour scale %d holds figures of %d segments", name, k, len(segs))
			}
		}
		for _, vm := range m.VisualMap {
			if !strings.Contains(strings.Join(vm.Text, " "), "better") {
				t.Errorf("%s: colour scale %d does not say which end is better: %q", name, vm.SeriesIndex, vm.Text)
			}
		}
	}
}
