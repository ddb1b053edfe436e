package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// TestMapBrowser: a map draws one region per shape (counted through
// ECharts' API), its slider changes the year (title and fills), and
// hostile names stay text in labels and tooltips.
func TestMapBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	online := Options{ScriptURL: srv.URL + "/echarts.min.js"}
	s := fixture(Map, plainNames, "Browser")
	s.Title = "Browser map, 2022 edition"
	var b bytes.Buffer
	if err := build(t, s).WritePage(&b, online); err != nil {
		t.Fatal(err)
	}
	pages["/map.html"] = b.Bytes()
	h := fixture(Map, hostile[:3], hostile[3])
	var hb bytes.Buffer
	if err := build(t, h).WritePage(&hb, online); err != nil {
		t.Fatal(err)
	}
	pages["/hostile-map.html"] = hb.Bytes()

	tb := browsertest.NewTab(t, actx)
	tb.Open(t, srv.URL+"/map.html", browsertest.CanvasesReady(1))
	chart := `echarts.getInstanceByDom(document.querySelector(".rk-canvas"))`
	regions := tb.Eval(t, `(function () {
		var ch = `+chart+`, n = 0;
		ch.getModel().eachSeriesByType("map", function (s) { n += s.getData().count(); });
		var geo = echarts.getMap(ch.getOption().series[0].map);
		return n + "/" + (geo ? geo.geoJSON.features.length : -1);
	})()`)
	if regions != "4/4" {
		t.Errorf("regions drawn / registered = %s, want 4/4", regions)
	}
	if px := tb.Painted(t); len(px) != 1 || px[0] < 2000 {
		t.Errorf("painted %v", px)
	}
	value := func() string {
		return tb.Eval(t, `(function () {
			var ch = `+chart+`, d = ch.getModel().getSeriesByType("map")[0].getData();
			return ch.getOption().title[0].text + "|" + d.get(d.mapDimension("value"), d.indexOfName("c-C1"));
		})()`)
	}
	if got := value(); got != "Browser map, 2022 edition|47" {
		t.Errorf("before the slider: %s", got)
	}
	tb.Eval(t, `(function () { `+chart+`.dispatchAction({type: "timelineChange", currentIndex: 0}); return ""; })()`)
	if got := value(); got != "Browser map, 2020 edition|45" {
		t.Errorf("after moving the slider to 2020: %s", got)
	}
	tb.NoErrors(t)
	tb.Screenshot(t, "map")

	ht := browsertest.NewTab(t, actx)
	ht.Open(t, srv.URL+"/hostile-map.html", browsertest.CanvasesReady(1))
	ht.Eval(t, `(function () {
		var ch = `+chart+`;
		ch.getOption().series[0].data.forEach(function (d, j) { ch.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: j}); });
		return "";
	})()`)
	if got := ht.Eval(t, `String(window.__pwned)`); got != "undefined" {
		t.Errorf("window.__pwned = %s: a hostile name ran as script", got)
	}
	if got := ht.Eval(t, `String(document.querySelectorAll("img, svg[onload], [onerror]").length)`); got != "0" {
		t.Errorf("%s injected elements in the page", got)
	}
	tip := ht.Eval(t, `(function () { var ch = `+chart+`; var d = ch.getModel().getSeriesByType("map")[0].getData(); ch.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: d.indexOfName("c-C0")}); var e = document.querySelector(".rk-canvas > div:last-child"); return e ? e.innerText : ""; })()`)
	if !strings.Contains(tip, hostile[0]) {
		t.Errorf("the hostile name is not shown as text in the tooltip: %q", tip)
	}
	ht.NoErrors(t)
}
