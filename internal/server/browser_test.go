package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/internal/browsertest"
	"github.com/rankings-dev/rankings/internal/cli"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/server"
)

// listen serves h on a loopback port of its own (a separate origin).
func listen(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestBrowser runs the service in headless Chromium: the compare page's
// charts render and its table shows the CLI's figures, the picker works
// with the keyboard alone, and an /embed/ page renders inside an iframe on
// another origin, all with no console errors.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := browsertest.EChartsJS(t, charts.EChartsVersion, charts.CheckECharts)
	actx := browsertest.Browser(t)
	base := listen(t, server.New(server.Options{EChartsJS: js, Version: "browser"}))

	t.Run("compare page", func(t *testing.T) {
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, base+"/compare?c=kaz,uzb", browsertest.CanvasesReady(len(docs.HeadlineIndicators)))
		px := tb.Painted(t)
		for i, n := range px {
			if n < 1000 {
				t.Errorf("chart %d of %d painted %d pixels", i+1, len(px), n)
			}
		}
		// The overview table shows the CLI's figures.
		var out, errb bytes.Buffer
		if code := cli.Run(context.Background(), []string{"compare", "kaz", "uzb", "--format", "json"}, cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}); code != 0 {
			t.Fatal(errb.String())
		}
		var doc struct {
			Indicators []struct {
				ID     string
				Values []struct {
					Value  *float64
					Rank   *int
					RankOf *int `json:"rank_of"`
				}
			}
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		rows := tb.Eval(t, `JSON.stringify(Array.from(document.querySelectorAll("table")[0].tBodies[0].rows).map(function (r) {
			return Array.from(r.cells).map(function (c) { return c.textContent.trim(); });
		}))`)
		var cells [][]string
		if err := json.Unmarshal([]byte(rows), &cells); err != nil {
			t.Fatal(err)
		}
		if len(cells) != len(doc.Indicators) {
			t.Fatalf("the page shows %d indicators, the CLI %d", len(cells), len(doc.Indicators))
		}
		for i, ind := range doc.Indicators {
			for j, v := range ind.Values {
				cell := cells[i][3+j]
				if v.Rank != nil && !strings.Contains(cell, fmt.Sprintf("(%d of %d)", *v.Rank, *v.RankOf)) {
					t.Errorf("%s: page cell %q lacks the CLI's rank %d of %d", ind.ID, cell, *v.Rank, *v.RankOf)
				}
			}
		}
		if cells[0][3] != "34.41 (149 of 180)" {
			t.Errorf("RSF Kazakhstan cell = %q", cells[0][3])
		}
		tb.NoErrors(t)
		tb.Screenshot(t, "server-compare")
	})

	t.Run("RSF timeline across both breaks", func(t *testing.T) {
		// Three panels, one per methodology, and the election strip; each
		// panel's value axis holds only figures of its own segment, and
		// the 2002–2012 lower-is-better one is inverted.
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, base+"/chart/timeline?c=kaz,uzb&indicator=rsf&from=2002", browsertest.CanvasesReady(1))
		got := tb.Eval(t, `(function () {
			var ch = echarts.getInstanceByDom(document.querySelector(".rk-canvas"));
			var opt = ch.getOption(), axes = opt.yAxis.map(function (a) { return {inverse: !!a.inverse, lo: 1e9, hi: -1e9}; });
			ch.getModel().eachSeries(function (s) {
				if (s.subType !== "line") { return; }
				var d = s.getData(), k = s.get("yAxisIndex") || 0;
				for (var i = 0; i < d.count(); i++) {
					if (isNaN(d.get(d.mapDimension("y"), i))) { continue; }
					var y = new Date(d.get(d.mapDimension("x"), i)).getUTCFullYear() + 1; // the edition
					axes[k].lo = Math.min(axes[k].lo, y); axes[k].hi = Math.max(axes[k].hi, y);
				}
			});
			return JSON.stringify({grids: opt.grid.length, axes: axes});
		})()`)
		want := `{"grids":4,"axes":[{"inverse":true,"lo":2002,"hi":2012},{"inverse":false,"lo":2013,"hi":2021},{"inverse":false,"lo":2022,"hi":2026},{"inverse":true,"lo":1000000000,"hi":-1000000000}]}`
		if got != want {
			t.Errorf("panels drawn:\n%s\nwant\n%s", got, want)
		}
		tb.NoErrors(t)
		tb.Screenshot(t, "server-rsf-panels")
	})

	t.Run("picker by keyboard", func(t *testing.T) {
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, base+"/", `document.readyState === "complete"`)
		tab := func() {
			if _, err := chromedp.Run(tb.Ctx, chromedp.KeyEvent("\t")); err != nil {
				t.Fatal(err)
			}
		}
		active := func() string { return tb.Eval(t, `document.activeElement.id || document.activeElement.tagName`) }
		for i := 0; i < 20 && active() != "c1"; i++ {
			tab()
		}
		if active() != "c1" {
			t.Fatal("Tab never reached the first country")
		}
		typeKeys := func(s string) {
			if _, err := chromedp.Run(tb.Ctx, chromedp.KeyEvent(s)); err != nil {
				t.Fatal(err)
			}
		}
		typeKeys("Georgia")
		tab()
		typeKeys("Armenia")
		tab()
		if active() != "SUMMARY" {
			t.Fatalf("after the second country focus is on %s, not the control that adds one", active())
		}
		tab()
		if active() != "indicator" {
			t.Fatalf("after adding a country focus is on %s", active())
		}
		tab()
		if active() != "year" {
			t.Fatalf("after the indicator focus is on %s", active())
		}
		tab()
		if active() != "BUTTON" {
			t.Fatalf("focus is on %s, not the Compare button", active())
		}
		typeKeys("\r")
		// The form submits: wait for the new page (the old context goes away).
		var got string
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			v, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[string](`location.pathname + " " + location.search + " | " + ((document.querySelector("h1") || {}).textContent || "")`))
			if err == nil && strings.HasPrefix(v, "/compare/") && strings.HasSuffix(v, "Georgia vs Armenia") {
				got = v
				break
			}
			got = v
		}
		// The form's empty fields are not kept: the reader lands on the
		// page's own address.
		if got != "/compare/GEO,ARM  | Georgia vs Armenia" {
			t.Errorf("the keyboard reached %q, want the comparison of Georgia and Armenia at /compare/GEO,ARM", got)
		}
		tb.NoErrors(t)
	})

	t.Run("embed in an iframe on another origin", func(t *testing.T) {
		embed := base + "/embed/timeline?c=kaz,uzb&indicator=rsf"
		blocked := base + "/compare?c=kaz,uzb&indicator=rsf"
		host := listen(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A report</title></head><body><h1>A report</h1>
<iframe id="ok" src="%s" width="960" height="900"></iframe>
<iframe id="no" src="%s" width="960" height="300"></iframe></body></html>`, embed, blocked)
		}))
		if strings.Split(host, ":")[2] == strings.Split(base, ":")[2] {
			t.Fatal("the report and the service share an origin")
		}
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, host+"/", `document.readyState === "complete"`)
		canvases := func(id string) int {
			frames, err := chromedp.Run(tb.Ctx, chromedp.Nodes(chromedp.ID(id)))
			if err != nil || len(frames) == 0 {
				t.Fatalf("no iframe %s: %v", id, err)
			}
			ctx, cancel := context.WithTimeout(tb.Ctx, 3*time.Second)
			defer cancel()
			nodes, _ := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(".rk-canvas canvas"), chromedp.FromNode(frames[0])))
			return len(nodes)
		}
		deadline := time.Now().Add(30 * time.Second)
		for canvases("ok") == 0 && time.Now().Before(deadline) {
			time.Sleep(200 * time.Millisecond)
		}
		if n := canvases("ok"); n != 1 {
			t.Errorf("the embedded chart has %d canvases inside the iframe, want 1", n)
		}
		if n := canvases("no"); n != 0 {
			t.Errorf("the compare page rendered inside another site's iframe (%d canvases): frame-ancestors must refuse it", n)
		}
	})
}
