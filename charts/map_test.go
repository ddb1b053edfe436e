package charts

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestMapStaticGolden pins the static SVG of a map.
func TestMapStaticGolden(t *testing.T) {
	c := build(t, fixture(Map, plainNames, "Test"))
	var b bytes.Buffer
	if err := c.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "map.svg", b.Bytes())
	texts := strings.Join(svgTexts(t, b.Bytes()), "\n")
	for _, want := range []string{"Test title", "no data", "not in the group", "Test boundaries credit", "(better)", "Kazakhstan"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the SVG map lacks %q", want)
		}
	}
}

// TestMapOption: one region per shape, the years of the slider, the
// frames' titles, a colour scale that names its better end, and the
// outlines registered under the series' map name.
func TestMapOption(t *testing.T) {
	s := fixture(Map, plainNames, "Test")
	s.Title = "Test title, 2022 edition"
	c := build(t, s)
	var m struct {
		Series []struct {
			Map  string `json:"map"`
			Data []struct {
				Name    string `json:"name"`
				Value   any    `json:"value"`
				Tooltip struct {
					Formatter string `json:"formatter"`
				} `json:"tooltip"`
			} `json:"data"`
		} `json:"series"`
		Timeline struct {
			Data         []string `json:"data"`
			CurrentIndex int      `json:"currentIndex"`
		} `json:"timeline"`
		Options []struct {
			Title struct {
				Text string `json:"text"`
			} `json:"title"`
		} `json:"options"`
		VisualMap []struct {
			Text []string `json:"text"`
		} `json:"visualMap"`
	}
	if err := json.Unmarshal(c.Option(), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Series) != 1 || len(m.Series[0].Data) != 4 {
		t.Fatalf("series = %+v, want one map series of 4 regions", m.Series)
	}
	if got := strings.Join(m.Timeline.Data, ","); got != "2020,2021,2022,2023" || m.Timeline.CurrentIndex != 2 {
		t.Errorf("timeline = %v at %d", m.Timeline.Data, m.Timeline.CurrentIndex)
	}
	if len(m.Options) != 4 || m.Options[0].Title.Text != "Test title, 2020 edition" || m.Options[2].Title.Text != s.Title {
		t.Errorf("frame titles = %+v", m.Options)
	}
	if len(m.VisualMap) != 1 || !strings.Contains(strings.Join(m.VisualMap[0].Text, " "), "better") {
		t.Errorf("the colour scale does not name its better end: %+v", m.VisualMap)
	}
	var tips []string
	for _, d := range m.Series[0].Data {
		tips = append(tips, d.Tooltip.Formatter)
	}
	if got := strings.Join(tips, "|"); !strings.Contains(got, "Kazakhstan, 2022: 47.0 · rank 70 of 180") || !strings.Contains(got, "Uzbekistan, 2022: no data") {
		t.Errorf("tooltips = %s", got)
	}
	var geo struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(c.geo, &geo); err != nil || len(geo.Features) != 4 {
		t.Fatalf("outlines: %v, %d features", err, len(geo.Features))
	}
	if m.Series[0].Map != geoNameOf(c) {
		t.Errorf("the series draws map %q, the outlines are registered as %q", m.Series[0].Map, geoNameOf(c))
	}
	var frag bytes.Buffer
	if err := c.WriteFragment(&frag, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(frag.String(), "echarts.registerMap(\""+geoNameOf(c)+"\", {") {
		t.Error("the fragment does not register the outlines")
	}
	if tb := c.Tables(); len(tb) != 1 || len(tb[0].Rows) != 3 || tb[0].Rows[2][1].Text != "no data" {
		t.Errorf("table = %+v", tb)
	}
}

// TestProjection: the Albers conic keeps areas: two cells of one degree
// at the same latitude have the same area wherever they are, and a cell
// near the pole is smaller than one at 45°N by the cosine of latitude.
func TestProjection(t *testing.T) {
	cell := func(lon, lat float64) float64 {
		var r []xy
		for _, p := range [][2]float64{{lon, lat}, {lon + 1, lat}, {lon + 1, lat + 1}, {lon, lat + 1}} {
			x, y := Project(p[0], p[1])
			r = append(r, xy{x, y})
		}
		return math.Abs(ringArea(r))
	}
	a, b := cell(20, 55), cell(170, 55)
	if math.Abs(a-b)/a > 1e-9 {
		t.Errorf("cells at 20°E and 170°E differ: %g vs %g km²", a, b)
	}
	ratio := cell(60, 70) / cell(60, 45)
	want := (math.Sin(71*math.Pi/180) - math.Sin(70*math.Pi/180)) / (math.Sin(46*math.Pi/180) - math.Sin(45*math.Pi/180))
	if math.Abs(ratio-want) > 1e-3 {
		t.Errorf("area ratio 70°N/45°N = %g, want %g", ratio, want)
	}
	// Chukotka east of the antimeridian lands next to its west.
	x1, _ := Project(179.9, 66)
	x2, _ := Project(-179.9, 66)
	x3, _ := Project(180.1, 66)
	if math.Abs(x2-x3) > 1e-6 || math.Abs(x1-x2) > 20 {
		t.Errorf("the antimeridian splits Chukotka: %g, %g, %g", x1, x2, x3)
	}
}
