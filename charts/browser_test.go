package charts

// Browser tests: the pages are opened in headless Chromium (Debian's
// chromium package), driven with chromedp. They need Chromium and the
// pinned ECharts file (make browser-deps echarts; make test does both);
// without them they skip, except under CI=true where that is a failure.

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// echartsJS reads the pinned ECharts file ($RANKINGS_ECHARTS_JS or the
// repository's .cache).
func echartsJS(t *testing.T) []byte {
	return browsertest.EChartsJS(t, EChartsVersion, CheckECharts)
}

// server serves the pages and, at /echarts.min.js, the library.
func server(t *testing.T, js []byte, pages map[string][]byte) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/echarts.min.js":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write(js)
		case r.URL.Path == "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		case pages[r.URL.Path] != nil:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(pages[r.URL.Path])
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	online := Options{ScriptURL: srv.URL + "/echarts.min.js"}

	// Every kind renders a non-empty canvas with no console errors.
	for _, k := range Kinds() {
		var b bytes.Buffer
		if err := build(t, fixture(k, plainNames, "Browser")).WritePage(&b, online); err != nil {
			t.Fatal(err)
		}
		pages["/"+string(k)+".html"] = b.Bytes()
	}
	for _, k := range Kinds() {
		t.Run("kind/"+string(k), func(t *testing.T) {
			tb := browsertest.NewTab(t, actx)
			tb.Open(t, srv.URL+"/"+string(k)+".html", browsertest.CanvasesReady(1))
			if px := tb.Painted(t); len(px) != 1 || px[0] < 2000 {
				t.Errorf("canvas painted %v pixels, want one chart with ≥ 2000", px)
			}
			if got := tb.Eval(t, `document.querySelector(".rk-canvas").getAttribute("aria-label")`); !strings.Contains(got, "Browser title") {
				t.Errorf("chart has no accessible label: %q", got)
			}
			tb.NoErrors(t)
			tb.Screenshot(t, string(k))
		})
	}

	t.Run("embed/two fragments on one page", func(t *testing.T) {
		a := build(t, fixture(Timeline, plainNames, "First"))
		b := build(t, fixture(Ranking, plainNames, "Second"))
		var page bytes.Buffer
		page.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>A report</title></head><body><h1>A report</h1><p>Text before.</p>\n")
		if err := a.WriteFragment(&page, online); err != nil {
			t.Fatal(err)
		}
		page.WriteString("<p>Text between.</p>\n")
		if err := b.WriteFragment(&page, online); err != nil {
			t.Fatal(err)
		}
		page.WriteString("</body></html>\n")
		pages["/report.html"] = page.Bytes()
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, srv.URL+"/report.html", browsertest.CanvasesReady(2))
		px := tb.Painted(t)
		if len(px) != 2 || px[0] < 2000 || px[1] < 2000 {
			t.Errorf("painted pixels per chart = %v, want two charts drawn", px)
		}
		if n := tb.Eval(t, `String(document.querySelectorAll("script[data-rankings-echarts]").length)`); n != "1" {
			t.Errorf("the library was loaded by %s script elements, want 1", n)
		}
		tb.NoErrors(t)
		tb.Screenshot(t, "embed")
	})

	t.Run("hostile names execute no script", func(t *testing.T) {
		doc := Document{Title: hostile[0], Subtitle: hostile[1]}
		for _, k := range Kinds() {
			c := build(t, fixture(k, hostile[:3], hostile[3]+hostile[1]))
			doc.Sections = append(doc.Sections, Section{Heading: hostile[2], Paragraphs: hostile, Chart: c})
		}
		var b bytes.Buffer
		if err := WriteDocument(&b, doc, online); err != nil {
			t.Fatal(err)
		}
		pages["/hostile.html"] = b.Bytes()
		tb := browsertest.NewTab(t, actx)
		tb.Open(t, srv.URL+"/hostile.html", browsertest.CanvasesReady(len(Kinds())))
		// Show every tooltip: the HTML path of ECharts.
		shown := tb.Eval(t, `(function () {
			var n = 0;
			document.querySelectorAll(".rk-canvas").forEach(function (el) {
				var ch = echarts.getInstanceByDom(el);
				ch.getOption().series.forEach(function (s, i) {
					(s.data || []).forEach(function (d, j) {
						ch.dispatchAction({type: "showTip", seriesIndex: i, dataIndex: j}); n++;
					});
				});
			});
			return String(n);
		})()`)
		if shown == "0" {
			t.Fatal("no tooltip was shown")
		}
		if got := tb.Eval(t, `String(window.__pwned)`); got != "undefined" {
			t.Errorf("window.__pwned = %s: a hostile string ran as script", got)
		}
		if got := tb.Eval(t, `String(document.querySelectorAll("img, svg[onload], [onerror]").length)`); got != "0" {
			t.Errorf("%s injected elements in the page", got)
		}
		if got := tb.Eval(t, `String(document.body.innerText.indexOf("</script><img src=x onerror") >= 0)`); got != "true" {
			t.Errorf("the hostile name is not shown as text")
		}
		if px := tb.Painted(t); len(px) != len(Kinds()) {
			t.Errorf("painted = %v", px)
		} else {
			for i, p := range px {
				if p < 1000 {
					t.Errorf("chart %d (%s) is blank: %d pixels", i, Kinds()[i], p)
				}
			}
		}
		tb.NoErrors(t)
		tb.Screenshot(t, "hostile")
	})

	t.Run("offline page renders with the network disabled", func(t *testing.T) {
		// A browser whose every network request goes to a dead proxy, and a
		// page opened from a file: it can only draw if it needs nothing
		// from the network.
		off := browsertest.Browser(t, chromedp.ProxyServer("http://127.0.0.1:9"), chromedp.Flag("proxy-bypass-list", "<-loopback>"))
		dir := t.TempDir()
		var b bytes.Buffer
		if err := build(t, fixture(Timeline, plainNames, "Offline")).WritePage(&b, Options{EChartsJS: js}); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b.Bytes(), []byte("<script src=")) || !bytes.Contains(b.Bytes(), js) {
			t.Error("the offline page loads a script by URL or does not inline the library")
		}
		path := filepath.Join(dir, "offline.html")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		tb := browsertest.NewTab(t, off)
		url := "file://" + path
		tb.Open(t, url, browsertest.CanvasesReady(1))
		if px := tb.Painted(t); len(px) != 1 || px[0] < 2000 {
			t.Errorf("offline chart painted %v", px)
		}
		for _, r := range tb.Requests() {
			if r != url {
				t.Errorf("offline page requested %s", r)
			}
		}
		tb.NoErrors(t)
		// The same page online (no library inlined) cannot draw here: the
		// check above is not vacuous.
		var online bytes.Buffer
		_ = build(t, fixture(Timeline, plainNames, "Offline")).WritePage(&online, Options{})
		_ = os.WriteFile(filepath.Join(dir, "online.html"), online.Bytes(), 0o644)
		tb2 := browsertest.NewTab(t, off)
		ctx, cancel := context.WithTimeout(tb2.Ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.Join(dir, "online.html")), chromedp.Sleep(time.Second)); err != nil {
			t.Fatal(err)
		}
		if n := tb2.Eval(t, `String(document.querySelectorAll(".rk-canvas canvas").length)`); n != "0" {
			t.Errorf("a page that loads ECharts from the network drew %s charts with the network disabled", n)
		}
	})
}
