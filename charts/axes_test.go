package charts

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestValueSpan(t *testing.T) {
	for _, c := range []struct {
		name     string
		min, max float64
		vals     []float64
		zero     bool
		lo, hi   float64
		zoomed   bool
		why      string
	}{
		{"bounded 0–100", 0, 100, []float64{23.06, 88.54}, false, 0, 100, false, "the scale, not 20–90"},
		{"bounded 0–1", 0, 1, []float64{0.41, 0.82}, true, 0, 1, false, "never 1.2"},
		{"bounded −4 to 100", -4, 100, []float64{-2, 95}, true, -4, 100, false, "Freedom House's own floor"},
		{"unbounded, zoomed", nan, nan, []float64{-1.49, 1.43}, false, -2, 2, true, "rounded out to the tick step"},
		{"unbounded bars keep zero", nan, nan, []float64{12, 38}, true, 0, 40, true, "bars grow from zero"},
		{"unbounded, one value", nan, nan, []float64{5, 5}, false, 4, 6, true, "a value alone gets room"},
		{"no values", nan, nan, nil, false, 0, 1, true, "an empty axis still has an extent"},
	} {
		got := valueSpan(c.min, c.max, c.vals, c.zero)
		if math.Abs(got.Lo-c.lo) > 1e-9 || math.Abs(got.Hi-c.hi) > 1e-9 || got.Zoomed != c.zoomed {
			t.Errorf("%s: valueSpan = %+v, want %g..%g zoomed=%v (%s)", c.name, got, c.lo, c.hi, c.zoomed, c.why)
		}
		if math.Signbit(got.Lo) && got.Lo == 0 {
			t.Errorf("%s: axis starts at -0", c.name)
		}
	}
	if got := (span{Zoomed: true}).axisTitle("score, higher is better"); got != "score, higher is better (axis zoomed to the data's range)" {
		t.Errorf("zoomed title = %q", got)
	}
	if got := (span{}).axisTitle("score, higher is better"); got != "score, higher is better" {
		t.Errorf("full-scale title = %q", got)
	}
}

// TestSpanTicks: static axes have labelled ticks only inside their span,
// at round values, and never print "-0".
func TestSpanTicks(t *testing.T) {
	for _, r := range [][2]float64{{0, 100}, {0, 1}, {-4, 100}, {1, 7}, {-1.5, 1.5}, {0, 12}, {-2, 2}} {
		ticks := spanTicks{}.Ticks(r[0], r[1])
		labelled := 0
		for _, tk := range ticks {
			if tk.Value < r[0]-1e-9 || tk.Value > r[1]+1e-9 {
				t.Errorf("%v: tick %g outside the axis", r, tk.Value)
			}
			if tk.Label != "" {
				labelled++
			}
			if strings.HasPrefix(tk.Label, "-0") && strings.Trim(tk.Label, "-0.") == "" {
				t.Errorf("%v: tick label %q", r, tk.Label)
			}
		}
		if labelled < 3 {
			t.Errorf("%v: only %d labelled ticks", r, labelled)
		}
	}
}

// axisOf returns the option's first x or y axis.
func axisOf(t *testing.T, m map[string]any, name string) map[string]any {
	t.Helper()
	return m[name].([]any)[0].(map[string]any)
}

// TestValueAxesStayOnTheScale: the ranking, scatter and slope value axes of
// a bounded scale span exactly the scale; an unbounded one spans the data
// and says so in its title; the axis line never crosses the plot at zero.
func TestValueAxesStayOnTheScale(t *testing.T) {
	for _, k := range []Kind{Ranking, Scatter, Slope} {
		for _, bounded := range []bool{true, false} {
			s := fixture(k, plainNames, "A")
			s.Min, s.Max = nan, nan
			if bounded {
				s.Min, s.Max = 0, 100
				s.XMin, s.XMax = -2.5, 2.5
			}
			m := optionOf(t, build(t, s))
			axes := map[string]map[string]any{}
			switch k {
			case Ranking:
				axes["x"] = axisOf(t, m, "xAxis")
			case Scatter:
				axes["x"], axes["y"] = axisOf(t, m, "xAxis"), axisOf(t, m, "yAxis")
			case Slope:
				axes["y"] = axisOf(t, m, "yAxis")
			}
			for name, ax := range axes {
				lo, okl := ax["min"].(float64)
				hi, okh := ax["max"].(float64)
				if !okl || !okh {
					t.Errorf("%s %s axis (bounded %v) has no explicit min/max: %v", k, name, bounded, ax)
					continue
				}
				title, _ := ax["name"].(string)
				zoomed := strings.Contains(title, "zoomed to the data's range")
				if bounded {
					want := [2]float64{0, 100}
					if k == Scatter && name == "x" {
						want = [2]float64{-2.5, 2.5}
					}
					if lo != want[0] || hi != want[1] || zoomed {
						t.Errorf("%s %s axis on a bounded scale: %g..%g, title %q; want %v, not zoomed", k, name, lo, hi, title, want)
					}
				} else if !zoomed {
					t.Errorf("%s %s axis zooms to %g..%g but its title %q does not say so", k, name, lo, hi, title)
				}
				if al, _ := ax["axisLine"].(map[string]any); al == nil || al["onZero"] != false {
					t.Errorf("%s %s axis line may cross the plot at zero: %v", k, name, ax["axisLine"])
				}
			}
		}
	}
}

// highlightFixture is the scatter fixture with Kazakhstan named, and a
// larger field.
func highlightFixture() Spec {
	s := fixture(Scatter, []string{"Estonia", "Kazakhstan", "Uzbekistan", "Georgia", "Armenia"}, "Test")
	s.Series[1].Highlight = true
	s.Series[2].Highlight = true
	// The named countries come first, as chartdata orders them.
	s.Series = append([]Series{s.Series[1], s.Series[2]}, append([]Series{s.Series[0]}, s.Series[3:]...)...)
	return s
}

// TestScatterHighlight: named countries are drawn in strong colours with
// name labels and legend entries of their own, first; the field is one
// grey, small, unlabelled series with one legend entry.
func TestScatterHighlight(t *testing.T) {
	c := build(t, highlightFixture())
	var opt bytes.Buffer
	if err := json.Indent(&opt, c.Option(), "", "  "); err != nil {
		t.Fatal(err)
	}
	opt.WriteByte('\n')
	golden(t, "scatter-highlight.option.json", opt.Bytes())

	m := optionOf(t, c)
	legend := m["legend"].(map[string]any)
	if legend["show"] != true || !equalAny(legend["data"], []string{"Kazakhstan", "Uzbekistan", "Other countries"}) {
		t.Errorf("legend = %v, want the named countries first and one entry for the field", legend)
	}
	series := m["series"].([]any)
	if len(series) != 3 {
		t.Fatalf("%d series, want the field and one per named country", len(series))
	}
	field := series[0].(map[string]any)
	if field["name"] != "Other countries" || field["itemStyle"].(map[string]any)["color"] != mutedColor || len(field["data"].([]any)) != 3 {
		t.Errorf("field series = %v", field)
	}
	for _, d := range field["data"].([]any) {
		dm := d.(map[string]any)
		if dm["label"].(map[string]any)["show"] != false || dm["symbolSize"].(float64) >= highlightSize {
			t.Errorf("a field point is labelled or large: %v", dm)
		}
	}
	colours := map[any]bool{}
	for i, name := range []string{"Kazakhstan", "Uzbekistan"} {
		sm := series[i+1].(map[string]any)
		col := sm["itemStyle"].(map[string]any)["color"]
		if sm["name"] != name || col == mutedColor || colours[col] {
			t.Errorf("named series %d = %v (colour %v)", i, sm["name"], col)
		}
		colours[col] = true
		d := sm["data"].([]any)[0].(map[string]any)
		lb := d["label"].(map[string]any)
		if lb["show"] != true || lb["formatter"] != name || lb["fontWeight"] != "bold" || d["symbolSize"].(float64) != highlightSize {
			t.Errorf("%s is not labelled and large: %v", name, d)
		}
		if sm["z"].(float64) <= field["z"].(float64) {
			t.Errorf("%s is drawn under the field", name)
		}
	}
	if tb := c.Tables()[0]; tb.Rows[0][0].Text != "Kazakhstan" || tb.Rows[1][0].Text != "Uzbekistan" {
		t.Errorf("table does not list the named countries first: %v", tb.Rows)
	}
}

// TestScatterEven: with nobody named the group is one colour, labelled
// while it is small, unlabelled (names on hover) when large.
func TestScatterEven(t *testing.T) {
	m := optionOf(t, build(t, fixture(Scatter, plainNames, "Test")))
	series := m["series"].([]any)
	if len(series) != 1 || m["legend"].(map[string]any)["show"] != false {
		t.Fatalf("an even scatter has %d series and legend %v", len(series), m["legend"])
	}
	for _, d := range series[0].(map[string]any)["data"].([]any) {
		if d.(map[string]any)["label"].(map[string]any)["show"] != true {
			t.Errorf("a point of a small group is not labelled: %v", d)
		}
	}
	var names []string
	for i := 0; i < maxEvenLabels+1; i++ {
		names = append(names, "Country "+string(rune('A'+i%26))+string(rune('a'+i/26)))
	}
	m = optionOf(t, build(t, fixture(Scatter, names, "Test")))
	for _, d := range m["series"].([]any)[0].(map[string]any)["data"].([]any) {
		if d.(map[string]any)["label"].(map[string]any)["show"] != false {
			t.Fatalf("a field of %d is labelled point by point", len(names))
		}
	}
}

// TestRankingNoData: a country without a figure is labelled "no data" at
// its row, never drawn as an empty or zero bar, in HTML and in SVG.
func TestRankingNoData(t *testing.T) {
	s := fixture(Ranking, plainNames, "R")
	s.Series[2].Points[0].Y = nan
	c := build(t, s)
	m := optionOf(t, c)
	series := m["series"].([]any)
	bars := series[0].(map[string]any)["data"].([]any)
	last := bars[2].(map[string]any)
	if last["value"] != "-" || last["label"].(map[string]any)["show"] != false {
		t.Errorf("the missing bar = %v, want a gap with no bar label", last)
	}
	if len(series) != 2 {
		t.Fatalf("no \"no data\" label series: %d series", len(series))
	}
	nd := series[1].(map[string]any)
	data := nd["data"].([]any)
	if nd["label"].(map[string]any)["formatter"] != "no data" || len(data) != 1 {
		t.Fatalf("no-data series = %v", nd)
	}
	if v := data[0].(map[string]any)["value"].([]any); v[0] != 0.0 || v[1] != 2.0 {
		t.Errorf("\"no data\" is at %v, want the bar's start (0) on row 2", v)
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.Join(svgTexts(t, svg.Bytes()), "\n"), "no data"); n != 1 {
		t.Errorf("the SVG says \"no data\" %d times, want once", n)
	}
	// With every figure present there is no such label.
	if n := len(optionOf(t, build(t, fixture(Ranking, plainNames, "R")))["series"].([]any)); n != 1 {
		t.Errorf("a ranking without gaps has %d series", n)
	}
}

// TestRankingMutesTheField: the named countries' bars are vermillion and
// bold, the rest grey; with none named every bar is blue.
func TestRankingMutesTheField(t *testing.T) {
	colours := func(s Spec) []any {
		var out []any
		for _, d := range optionOf(t, build(t, s))["series"].([]any)[0].(map[string]any)["data"].([]any) {
			out = append(out, d.(map[string]any)["itemStyle"].(map[string]any)["color"])
		}
		return out
	}
	s := fixture(Ranking, plainNames, "R")
	if got := colours(s); !equalAny(got, []string{rankMuted, rankHighlight, rankMuted}) {
		t.Errorf("with Kazakhstan named: %v", got)
	}
	s.Series[1].Highlight = false
	if got := colours(s); !equalAny(got, []string{rankEven, rankEven, rankEven}) {
		t.Errorf("with none named: %v", got)
	}
}

func equalAny(got any, want []string) bool {
	var g []any
	switch v := got.(type) {
	case []any:
		g = v
	default:
		return false
	}
	if len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}

// TestRankingLowerIsBetter: a lower-is-better ranking is drawn with better
// to the right, and its bars run from the scale's worst end, so that the
// best figure is the longest bar, never a bar of no length.
func TestRankingLowerIsBetter(t *testing.T) {
	s := fixture(Ranking, plainNames, "R")
	s.HigherIsBetter = false
	s.Min, s.Max = 1, 7
	for i, v := range []float64{1, 4, 7} {
		s.Series[i].Points[0].Y = v
	}
	m := optionOf(t, build(t, s))
	if x := axisOf(t, m, "xAxis"); x["inverse"] != true || x["min"] != 1.0 || x["max"] != 7.0 {
		t.Errorf("value axis = %v, want 1..7 inverted", x)
	}
	series := m["series"].([]any)
	if len(series) != 2 {
		t.Fatalf("%d series, want an invisible base and the bars", len(series))
	}
	base, bars := series[0].(map[string]any), series[1].(map[string]any)
	if base["stack"] != "bars" || bars["stack"] != "bars" || base["itemStyle"].(map[string]any)["color"] != "transparent" || base["silent"] != true {
		t.Errorf("base = %v", base)
	}
	// Drawn from the value to 7: the best (1) is 6 long, the worst (7) 0.
	var lengths []float64
	for _, d := range bars["data"].([]any) {
		lengths = append(lengths, d.(map[string]any)["value"].(float64))
	}
	if len(lengths) != 3 || lengths[0] != 6 || lengths[1] != 3 || lengths[2] != 0 {
		t.Errorf("bar lengths = %v, want 6, 3, 0 from the best", lengths)
	}
}
