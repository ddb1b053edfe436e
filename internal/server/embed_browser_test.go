package server_test

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/internal/browsertest"
	"github.com/rankings-dev/rankings/internal/server"
)

// TestBrowserEmbeds: the embed code a reader copies from a chart page,
// pasted into a page of another origin, makes an iframe as tall as the
// embedded page, which a forged message cannot change; and at 320 px
// wide a chart's title, source line, legend and plots do not overlap and
// nothing is wider than the screen.
func TestBrowserEmbeds(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := browsertest.EChartsJS(t, charts.EChartsVersion, charts.CheckECharts)
	actx := browsertest.Browser(t)
	base := listen(t, server.New(server.Options{EChartsJS: js, Version: "browser"}))
	const chart = "/chart/timeline?c=kaz,uzb,kgz,tjk,arm&indicator=rsf"

	t.Run("responsive iframe on another origin", func(t *testing.T) {
		// The code as a reader copies it: the chart's script completes its
		// addresses with the origin the page was opened at.
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, base+chart, browsertest.CanvasesReady(1))
		code := tb.Eval(t, `document.querySelector(".rk-embed textarea").value`)
		if !strings.Contains(code, `<iframe src="`+base+`/embed/timeline?`) || !strings.Contains(code, `<script src="`+base+`/assets/embed.js" async></script>`) {
			t.Fatalf("embed code:\n%s", code)
		}
		host := listen(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A report</title></head><body style="margin:0">
<h1>A report</h1><div id="col" style="width:600px">%s</div><p>After the chart.</p></body></html>`, code)
		}))
		page := browsertest.NewTab(t, actx)
		page.Open(t, host+"/", `document.readyState === "complete"`)
		frameHeight := func() int {
			n, _ := strconv.Atoi(page.Eval(t, `String(Math.round(document.querySelector("iframe").getBoundingClientRect().height))`))
			return n
		}
		initial := strings.Split(strings.Split(code, "height:")[1], "px")[0]
		deadline := time.Now().Add(30 * time.Second)
		for strconv.Itoa(frameHeight()) == initial && time.Now().Before(deadline) {
			time.Sleep(200 * time.Millisecond)
		}
		// Let the chart finish drawing, then compare with the embed page's
		// own height at the iframe's width.
		time.Sleep(time.Second)
		got := frameHeight()
		if w := page.Eval(t, `String(document.querySelector("iframe").getBoundingClientRect().width)`); w != "600" {
			t.Errorf("the iframe is %s px wide, want the column's 600", w)
		}
		alone := browsertest.NewTab(t, actx)
		if _, err := chromedp.Run(alone.Ctx, chromedp.EmulateViewport(600, 700)); err != nil {
			t.Fatal(err)
		}
		alone.Open(t, base+html.UnescapeString(strings.Split(strings.Split(code, `src="`+base)[1], `"`)[0]), browsertest.CanvasesReady(1))
		time.Sleep(500 * time.Millisecond)
		want, _ := strconv.Atoi(alone.Eval(t, `String(Math.ceil(document.documentElement.getBoundingClientRect().height))`))
		if math.Abs(float64(got-want)) > 1 {
			t.Errorf("the iframe is %d px tall (initially %s), the embedded page %d px", got, initial, want)
		}
		// A message from anything but the iframe's own window is ignored.
		page.Eval(t, `window.postMessage({type: "rankings:embed-height", id: document.querySelector("iframe").getAttribute("data-rankings-embed"), height: 120}, "*"), ""`)
		time.Sleep(300 * time.Millisecond)
		if h := frameHeight(); h != got {
			t.Errorf("a message posted by the host page itself set the iframe's height to %d", h)
		}
		page.NoErrors(t)
		alone.NoErrors(t)
		page.Screenshot(t, "server-embed-host")
	})

	t.Run("download links", func(t *testing.T) {
		// Each link under a chart, followed by the browser, gives the
		// file its label names, under the name its download attribute says.
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, base+chart, browsertest.CanvasesReady(1))
		got := tb.Eval(t, `Array.prototype.map.call(document.querySelectorAll(".rk-tools a[download]"), function (a) {
			var x = new XMLHttpRequest();
			x.open("GET", a.href, false);
			x.send();
			return a.textContent + " " + x.status + " " + x.getResponseHeader("Content-Type") + " " + a.getAttribute("download");
		}).join("\n")`)
		want := strings.Join([]string{
			"PNG 200 image/png timeline-rsf-kaz-uzb-kgz-tjk-arm-2026.png",
			"SVG 200 image/svg+xml timeline-rsf-kaz-uzb-kgz-tjk-arm-2026.svg",
			"PDF 200 application/pdf timeline-rsf-kaz-uzb-kgz-tjk-arm-2026.pdf",
			"CSV 200 text/csv; charset=utf-8 timeline-rsf-kaz-uzb-kgz-tjk-arm-2026.csv",
		}, "\n")
		if got != want {
			t.Errorf("the download links give\n%s\nwant\n%s", got, want)
		}
		tb.NoErrors(t)
	})

	t.Run("320 px wide", func(t *testing.T) {
		for _, path := range []string{"/embed/timeline?c=kaz,uzb,kgz,tjk,arm&indicator=rsf", "/embed/ranking?indicator=rsf", "/embed/profile?c=kaz,uzb",
			"/embed/scatter?indicator=wgi-rl,rsf", "/embed/heatmap?indicator=wgi-rl", "/embed/slope?indicator=fh-fiw&from=2014&to=2024"} {
			tb := browsertest.NewTab(t, actx)
			if _, err := chromedp.Run(tb.Ctx, chromedp.EmulateViewport(320, 800)); err != nil {
				t.Fatal(err)
			}
			tb.Open(t, base+path, browsertest.CanvasesReady(1))
			time.Sleep(300 * time.Millisecond)
			var got struct {
				Page, Canvas, Chart int
				Title, Legend       []float64
				Grids               [][]float64
			}
			if err := json.Unmarshal([]byte(tb.Eval(t, narrowLayoutJS)), &got); err != nil {
				t.Fatal(err)
			}
			if got.Page > 320 {
				t.Errorf("%s: the page is %d px wide at 320", path, got.Page)
			}
			if got.Chart != got.Canvas {
				t.Errorf("%s: the chart is drawn %d px wide in a box of %d", path, got.Chart, got.Canvas)
			}
			right := float64(got.Canvas)
			inside := func(what string, r []float64) {
				if r[0] < 0 || r[0]+r[2] > right+0.5 {
					t.Errorf("%s: the %s (x %.0f to %.0f) is not inside the chart's %v px", path, what, r[0], r[0]+r[2], right)
				}
			}
			inside("title", got.Title)
			bottom := got.Title[1] + got.Title[3]
			if len(got.Legend) == 4 {
				inside("legend", got.Legend)
				if got.Legend[1] < bottom {
					t.Errorf("%s: the legend (top %.0f) overlaps the title and source line (bottom %.0f)", path, got.Legend[1], bottom)
				}
				bottom = got.Legend[1] + got.Legend[3]
			}
			for i, g := range got.Grids {
				inside(fmt.Sprintf("plot %d", i+1), g)
				if g[1] < bottom+10 {
					t.Errorf("%s: plot %d (top %.0f) overlaps what is above it (bottom %.0f)", path, i+1, g[1], bottom)
				}
			}
			tb.NoErrors(t)
			tb.Screenshot(t, "server-embed-320-"+strings.Split(strings.TrimPrefix(path, "/embed/"), "?")[0])
		}
	})
}

// narrowLayoutJS reads the boxes the page's first chart drew: title (with
// the source line), legend, and each plot's grid, as [x, y, w, h].
const narrowLayoutJS = `(function () {
	var el = document.querySelector(".rk-canvas"), ch = echarts.getInstanceByDom(el), model = ch.getModel();
	function box(kind) {
		var m = model.getComponent(kind), v = m && ch.getViewOfComponentModel(m);
		if (!v || !v.group || !m.get("show")) { return []; }
		var r = v.group.getBoundingRect().clone();
		r.applyTransform(v.group.getComputedTransform());
		return [r.x, r.y, r.width, r.height];
	}
	var grids = [];
	model.eachComponent("grid", function (g) { var r = g.coordinateSystem.getRect(); grids.push([r.x, r.y, r.width, r.height]); });
	return JSON.stringify({Page: document.documentElement.scrollWidth, Canvas: el.clientWidth, Chart: ch.getWidth(),
		Title: box("title"), Legend: box("legend"), Grids: grids});
})()`
