package charts

// A browser test of the scatter highlight, run like the others in
// browser_test.go (headless Chromium and the pinned ECharts; skipped
// without them, except under CI=true): it reads what ECharts drew from the
// chart instance, with no screenshot to compare.

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// drawnScatter is what the page's ECharts instance drew: per series the
// visual style of its items, and every text element on the canvas.
type drawnScatter struct {
	Series []struct {
		Name  string    `json:"name"`
		Fill  []string  `json:"fill"`
		Size  []float64 `json:"size"`
		Count int       `json:"count"`
	} `json:"series"`
	Texts []struct {
		Text   string `json:"text"`
		Weight string `json:"weight"`
		Shown  bool   `json:"shown"`
	} `json:"texts"`
	Legend []string `json:"legend"`
	Axes   struct {
		XOnZero bool `json:"xOnZero"`
		YOnZero bool `json:"yOnZero"`
	} `json:"axes"`
}

// drawnScatterJS collects a drawnScatter from the first chart of the page.
const drawnScatterJS = `(function () {
	var ch = echarts.getInstanceByDom(document.querySelector(".rk-canvas"));
	var out = {series: [], texts: [], legend: [], axes: {}};
	ch.getModel().eachSeries(function (s) {
		var d = s.getData(), fill = [], size = [];
		for (var i = 0; i < d.count(); i++) {
			fill.push(String(d.getItemVisual(i, "style").fill));
			var sz = d.getItemVisual(i, "symbolSize");
			size.push(Array.isArray(sz) ? sz[0] : sz);
		}
		out.series.push({name: s.name, fill: fill, size: size, count: d.count()});
	});
	ch.getZr().storage.getDisplayList(true).forEach(function (el) {
		// zrender draws each line of a text as a "tspan" displayable.
		if ((el.type === "tspan" || el.type === "text") && el.style && el.style.text) {
			out.texts.push({text: String(el.style.text), weight: String(el.style.fontWeight || ""), shown: !el.ignore && !el.invisible && el.style.opacity !== 0});
		}
	});
	var opt = ch.getOption();
	(opt.legend[0].data || []).forEach(function (n) { out.legend.push(typeof n === "string" ? n : n.name); });
	out.axes.xOnZero = opt.xAxis[0].axisLine.onZero;
	out.axes.yOnZero = opt.yAxis[0].axisLine.onZero;
	return JSON.stringify(out);
})()`

func TestBrowserScatterHighlight(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	var b bytes.Buffer
	if err := build(t, highlightFixture()).WritePage(&b, Options{ScriptURL: srv.URL + "/echarts.min.js"}); err != nil {
		t.Fatal(err)
	}
	pages["/scatter.html"] = b.Bytes()
	tb := browsertest.NewTab(t, actx)
	tb.Open(t, srv.URL+"/scatter.html", browsertest.CanvasesReady(1))
	var got drawnScatter
	if err := json.Unmarshal([]byte(tb.Eval(t, drawnScatterJS)), &got); err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{"Kazakhstan": true, "Uzbekistan": true}
	fills := map[string]bool{}
	for _, s := range got.Series {
		for i := 0; i < s.Count; i++ {
			fill, size := s.Fill[i], s.Size[i]
			switch {
			case named[s.Name]:
				if fill == mutedColor || fills[fill] || size != highlightSize {
					t.Errorf("%s is drawn %s at size %g: want a strong colour of its own at %d", s.Name, fill, size, highlightSize)
				}
				fills[fill] = true
			case s.Name == "Other countries":
				if fill != mutedColor || size != mutedSize {
					t.Errorf("a field point is drawn %s at size %g: want %s at %d", fill, size, mutedColor, mutedSize)
				}
			default:
				t.Errorf("unexpected series %q: the field has no series per country", s.Name)
			}
		}
	}
	if len(fills) != 2 {
		t.Errorf("named countries drawn in %d distinct colours, want 2", len(fills))
	}
	// Texts drawn, and those drawn in bold (the legend draws the named
	// countries' names too, in normal weight).
	shown, bold := map[string]bool{}, map[string]bool{}
	for _, tx := range got.Texts {
		if tx.Shown {
			shown[tx.Text] = true
			bold[tx.Text] = bold[tx.Text] || tx.Weight == "bold"
		}
	}
	for n := range named {
		if !bold[n] {
			t.Errorf("the label %q is not drawn in bold on the canvas (drawn at all: %v)", n, shown[n])
		}
	}
	for _, n := range []string{"Estonia", "Georgia", "Armenia"} {
		if shown[n] {
			t.Errorf("the field's %s is labelled on the canvas", n)
		}
	}
	if len(got.Legend) != 3 || got.Legend[0] != "Kazakhstan" || got.Legend[1] != "Uzbekistan" || got.Legend[2] != "Other countries" {
		t.Errorf("legend = %v, want the named countries first, then one entry for the field", got.Legend)
	}
	if got.Axes.XOnZero || got.Axes.YOnZero {
		t.Errorf("an axis line crosses the plot at zero: %+v", got.Axes)
	}
	tb.NoErrors(t)
	tb.Screenshot(t, "scatter-highlight")
}
