package charts

// A browser test of a timeline across methodology breaks, run like the
// others in browser_test.go: it reads the grids, axes and positions ECharts
// laid out from the chart instance, with no screenshot to compare.

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// panelsFixture is a timeline over three methodologies, the first
// lower-is-better on an unbounded scale, as RSF's 2002–2012 points scale,
// with elections of both countries.
func panelsFixture() Spec {
	nan := math.NaN()
	s := fixture(Timeline, []string{"Kazakhstan", "Uzbekistan"}, "P")
	s.Title = "Three methodologies"
	s.Covered = 1
	s.Breaks = []Break{{Year: 2013, Label: "2013: index"}, {Year: 2016, Label: "2016: new index"}}
	s.Panels = []Panel{
		{From: 2010, To: 2012, Title: "2010–2012: points", YLabel: "points, lower is better (axis inverted: up is better)", Min: nan, Max: nan},
		{From: 2013, To: 2015, Title: "2013–2015: index", YLabel: "score, higher is better", HigherIsBetter: true, Min: 0, Max: 100},
		{From: 2016, Title: "2016–2018: new index", YLabel: "score, higher is better", HigherIsBetter: true, Min: 0, Max: 100},
	}
	for i := range s.Series {
		var pts []Point
		for y := 2010; y <= 2018; y++ {
			pts = append(pts, Point{X: float64(y), Y: float64(20 + 5*i + y - 2010), Lo: nan, Hi: nan})
		}
		s.Series[i].Points = pts
	}
	s.Events = []Event{
		{Country: "Kazakhstan", Date: "2011-04-03", Class: "not_met", Type: "presidential"},
		{Country: "Uzbekistan", Date: "2016-12-04", Class: "not_met", Type: "presidential"},
		{Country: "Uzbekistan", Date: "2019-12-22", Class: "partly_met", Type: "parliamentary"},
	}
	return s
}

// drawnPanels is what ECharts laid out: the grids, each value axis's
// orientation and the data it carries, and where each x axis puts one date.
type drawnPanels struct {
	Grids int `json:"grids"`
	Axes  []struct {
		Inverse bool      `json:"inverse"`
		Years   []float64 `json:"years"`
	} `json:"axes"`
	// X is the pixel position of 2014-07-01 on every x axis.
	X []float64 `json:"x"`
	// Strip is the pixel x of each election marker; StripWant where its
	// date falls on the first panel's axis.
	Strip     []float64 `json:"strip"`
	StripWant []float64 `json:"stripWant"`
}

const drawnPanelsJS = `(function () {
	var ch = echarts.getInstanceByDom(document.querySelector(".rk-canvas"));
	var opt = ch.getOption(), out = {grids: opt.grid.length, axes: [], x: [], strip: [], stripWant: []};
	opt.yAxis.forEach(function (a) { out.axes.push({inverse: !!a.inverse, years: []}); });
	ch.getModel().eachSeries(function (s) {
		if (s.subType !== "line") { return; }
		var d = s.getData(), k = s.get("yAxisIndex") || 0;
		for (var i = 0; i < d.count(); i++) {
			var v = d.get(d.mapDimension("y"), i);
			if (!isNaN(v)) { out.axes[k].years.push(new Date(d.get(d.mapDimension("x"), i)).getUTCFullYear()); }
		}
	});
	opt.xAxis.forEach(function (a, k) { out.x.push(ch.convertToPixel({xAxisIndex: k}, "2014-07-01")); });
	ch.getModel().eachSeries(function (s) {
		if (s.subType !== "scatter") { return; }
		var d = s.getData();
		for (var i = 0; i < d.count(); i++) {
			out.strip.push(d.getItemLayout(i)[0]);
			out.stripWant.push(ch.convertToPixel({xAxisIndex: 0}, d.get(d.mapDimension("x"), i)));
		}
	});
	return JSON.stringify(out);
})()`

func TestBrowserTimelinePanels(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	var b bytes.Buffer
	if err := build(t, panelsFixture()).WritePage(&b, Options{ScriptURL: srv.URL + "/echarts.min.js"}); err != nil {
		t.Fatal(err)
	}
	pages["/panels.html"] = b.Bytes()
	tb := browsertest.NewTab(t, actx)
	tb.Open(t, srv.URL+"/panels.html", browsertest.CanvasesReady(1))
	var got drawnPanels
	if err := json.Unmarshal([]byte(tb.Eval(t, drawnPanelsJS)), &got); err != nil {
		t.Fatal(err)
	}
	// Three panels and the election strip.
	if got.Grids != 4 || len(got.Axes) != 4 {
		t.Fatalf("%d grids and %d y axes, want 4 (three panels and the strip)", got.Grids, len(got.Axes))
	}
	// Each panel's axis carries only its own segment's figures, drawn in
	// the year they cover (Covered = 1); the lower-is-better one inverted.
	for k, want := range [][2]float64{{2009, 2011}, {2012, 2014}, {2015, 2017}} {
		a := got.Axes[k]
		if len(a.Years) == 0 {
			t.Errorf("panel %d draws nothing", k)
		}
		for _, y := range a.Years {
			if y < want[0] || y > want[1] {
				t.Errorf("panel %d draws a figure of %g, outside its segment's years %g–%g", k, y, want[0], want[1])
			}
		}
		if a.Inverse != (k == 0) {
			t.Errorf("panel %d inverse = %v", k, a.Inverse)
		}
	}
	// One year axis: every panel and the strip put a date at the same x.
	for k, x := range got.X {
		if math.Abs(x-got.X[0]) > 0.5 {
			t.Errorf("x axis %d puts 2014-07-01 at %.1f px, the first panel at %.1f px", k, x, got.X[0])
		}
	}
	if len(got.Strip) != 3 {
		t.Fatalf("%d election markers, want 3", len(got.Strip))
	}
	for i := range got.Strip {
		if math.Abs(got.Strip[i]-got.StripWant[i]) > 0.5 {
			t.Errorf("election marker %d at %.1f px, its date is at %.1f px on the panels' axis", i, got.Strip[i], got.StripWant[i])
		}
	}
}
