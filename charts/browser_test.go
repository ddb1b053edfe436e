package charts

// Browser tests: the pages are opened in headless Chromium (Debian's
// chromium package), driven with chromedp. They need Chromium and the
// pinned ECharts file (make browser-deps echarts; make test does both);
// without them they skip, except under CI=true where that is a failure.

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// missing skips, or fails under CI=true.
func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("browser tests: %s (CI=true: this is a failure; run make deps)", what)
	}
	t.Skipf("browser tests skipped: %s (run make deps, or make test, to get it)", what)
}

func chromiumPath() string {
	if p := os.Getenv("RANKINGS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// echartsJS reads the pinned ECharts file from $RANKINGS_ECHARTS_JS or the
// repository's .cache.
func echartsJS(t *testing.T) []byte {
	t.Helper()
	path := os.Getenv("RANKINGS_ECHARTS_JS")
	if path == "" {
		dir, _ := os.Getwd()
		for {
			p := filepath.Join(dir, ".cache", "echarts", EChartsVersion, "echarts.min.js")
			if _, err := os.Stat(p); err == nil {
				path = p
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
			dir = filepath.Dir(dir)
		}
	}
	if path == "" {
		missing(t, "the ECharts library is not in .cache/echarts (make echarts)")
	}
	js, err := os.ReadFile(path)
	if err != nil {
		missing(t, err.Error())
	}
	if err := CheckECharts(js); err != nil {
		t.Fatal(err)
	}
	return js
}

// browser starts headless Chromium; extra flags are added to the standard
// ones.
func browser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		missing(t, "chromium is not installed (make browser-deps)")
	}
	opts := append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1000, 900),
	}, extra...)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	return actx
}

// tab is one page with what it logged.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	errors   []string
	requests []string
	dialogs  []string
}

func newTab(t *testing.T, actx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				tb.errors = append(tb.errors, "console."+string(e.Type)+": "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			tb.errors = append(tb.errors, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				tb.errors = append(tb.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, e.Request.URL)
		case *page.EventJavascriptDialogOpening:
			tb.dialogs = append(tb.dialogs, string(e.Type)+": "+e.Message)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	return tb
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil || d.Exception == nil {
		return ""
	}
	return d.Exception.Description
}

// open navigates and waits until n chart canvases exist.
func (tb *tab) open(t *testing.T, url string, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	expr := fmt.Sprintf(`document.querySelectorAll(".rk-canvas canvas").length >= %d`, n)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		t.Fatalf("%s: %d charts did not render: %v; errors: %v", url, n, err, tb.errors)
	}
}

// painted counts the non-white pixels of each chart canvas, in page order.
func (tb *tab) painted(t *testing.T) []int {
	t.Helper()
	n, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll(".rk-canvas canvas")).map(function (c) {
		var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, n = 0;
		for (var i = 0; i < d.length; i += 4) { if (d[i+3] > 0 && (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235)) { n++; } }
		return n;
	})`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (tb *tab) eval(t *testing.T, expr string) string {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

func (tb *tab) noErrors(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.errors) > 0 {
		t.Errorf("console errors: %q", tb.errors)
	}
	if len(tb.dialogs) > 0 {
		t.Errorf("dialogs opened: %q", tb.dialogs)
	}
}

func (tb *tab) screenshot(t *testing.T, name string) {
	dir := os.Getenv("RANKINGS_SCREENSHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
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
	actx := browser(t)
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
			tb := newTab(t, actx)
			tb.open(t, srv.URL+"/"+string(k)+".html", 1)
			if px := tb.painted(t); len(px) != 1 || px[0] < 2000 {
				t.Errorf("canvas painted %v pixels, want one chart with ≥ 2000", px)
			}
			if got := tb.eval(t, `document.querySelector(".rk-canvas").getAttribute("aria-label")`); !strings.Contains(got, "Browser title") {
				t.Errorf("chart has no accessible label: %q", got)
			}
			tb.noErrors(t)
			tb.screenshot(t, string(k))
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
		tb := newTab(t, actx)
		tb.open(t, srv.URL+"/report.html", 2)
		px := tb.painted(t)
		if len(px) != 2 || px[0] < 2000 || px[1] < 2000 {
			t.Errorf("painted pixels per chart = %v, want two charts drawn", px)
		}
		if n := tb.eval(t, `String(document.querySelectorAll("script[data-rankings-echarts]").length)`); n != "1" {
			t.Errorf("the library was loaded by %s script elements, want 1", n)
		}
		tb.noErrors(t)
		tb.screenshot(t, "embed")
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
		tb := newTab(t, actx)
		tb.open(t, srv.URL+"/hostile.html", len(Kinds()))
		// Show every tooltip: the HTML path of ECharts.
		shown := tb.eval(t, `(function () {
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
		if got := tb.eval(t, `String(window.__pwned)`); got != "undefined" {
			t.Errorf("window.__pwned = %s: a hostile string ran as script", got)
		}
		if got := tb.eval(t, `String(document.querySelectorAll("img, svg[onload], [onerror]").length)`); got != "0" {
			t.Errorf("%s injected elements in the page", got)
		}
		if got := tb.eval(t, `String(document.body.innerText.indexOf("</script><img src=x onerror") >= 0)`); got != "true" {
			t.Errorf("the hostile name is not shown as text")
		}
		if px := tb.painted(t); len(px) != len(Kinds()) {
			t.Errorf("painted = %v", px)
		} else {
			for i, p := range px {
				if p < 1000 {
					t.Errorf("chart %d (%s) is blank: %d pixels", i, Kinds()[i], p)
				}
			}
		}
		tb.noErrors(t)
		tb.screenshot(t, "hostile")
	})

	t.Run("offline page renders with the network disabled", func(t *testing.T) {
		// A browser whose every network request goes to a dead proxy, and a
		// page opened from a file: it can only draw if it needs nothing
		// from the network.
		off := browser(t, chromedp.ProxyServer("http://127.0.0.1:9"), chromedp.Flag("proxy-bypass-list", "<-loopback>"))
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
		tb := newTab(t, off)
		url := "file://" + path
		tb.open(t, url, 1)
		if px := tb.painted(t); len(px) != 1 || px[0] < 2000 {
			t.Errorf("offline chart painted %v", px)
		}
		tb.mu.Lock()
		for _, r := range tb.requests {
			if r != url {
				t.Errorf("offline page requested %s", r)
			}
		}
		tb.mu.Unlock()
		tb.noErrors(t)
		// The same page online (no library inlined) cannot draw here: the
		// check above is not vacuous.
		var online bytes.Buffer
		_ = build(t, fixture(Timeline, plainNames, "Offline")).WritePage(&online, Options{})
		_ = os.WriteFile(filepath.Join(dir, "online.html"), online.Bytes(), 0o644)
		tb2 := newTab(t, off)
		ctx, cancel := context.WithTimeout(tb2.ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.Join(dir, "online.html")), chromedp.Sleep(time.Second)); err != nil {
			t.Fatal(err)
		}
		if n := tb2.eval(t, `String(document.querySelectorAll(".rk-canvas canvas").length)`); n != "0" {
			t.Errorf("a page that loads ECharts from the network drew %s charts with the network disabled", n)
		}
	})
}
