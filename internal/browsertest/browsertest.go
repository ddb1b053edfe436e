// Package browsertest drives headless Chromium (Debian's chromium package)
// from tests with chromedp: it finds the browser and the pinned ECharts
// file, opens pages, collects console errors and dialogs, and counts the
// painted pixels of chart canvases. Without Chromium or ECharts a test is
// skipped with a message, except under CI=true, where that is a failure.
package browsertest

import (
	"context"
	"fmt"
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

// Missing skips the test, or fails it under CI=true, because something the
// browser tests need is not there.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("browser tests: %s (CI=true: this is a failure; run make deps)", what)
	}
	t.Skipf("browser tests skipped: %s (run make deps, or make test, to get it)", what)
}

// ChromiumPath finds the browser: $RANKINGS_CHROMIUM, then chromium on the
// PATH.
func ChromiumPath() string {
	if p := os.Getenv("RANKINGS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// EChartsJS reads the pinned ECharts file from $RANKINGS_ECHARTS_JS or
// .cache/echarts/<version>/echarts.min.js in the repository, and checks it
// with check.
func EChartsJS(t testing.TB, version string, check func([]byte) error) []byte {
	t.Helper()
	path := os.Getenv("RANKINGS_ECHARTS_JS")
	if path == "" {
		dir, _ := os.Getwd()
		for {
			p := filepath.Join(dir, ".cache", "echarts", version, "echarts.min.js")
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
		Missing(t, "the ECharts library is not in .cache/echarts (make echarts)")
	}
	js, err := os.ReadFile(path)
	if err != nil {
		Missing(t, err.Error())
	}
	if err := check(js); err != nil {
		t.Fatal(err)
	}
	return js
}

// Browser starts headless Chromium with the flags this machine needs; extra
// options are added to them.
func Browser(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		Missing(t, "chromium is not installed (make browser-deps)")
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
	// Started here, so that a start that fails is tried again: on a busy
	// 2-core machine Chromium now and then exits before it prints its
	// DevTools address (chromedp: "chrome failed to start:" with no output,
	// about one run of the server's browser tests in three). The tabs of
	// NewTab open in this browser.
	const attempts = 3
	for i := 1; ; i++ {
		actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		_, err := chromedp.Run(bctx, chromedp.Navigate("about:blank"))
		if err == nil {
			t.Cleanup(acancel)
			t.Cleanup(bcancel)
			return bctx
		}
		bcancel()
		acancel()
		if i == attempts || ctx.Err() != nil {
			t.Fatalf("chromium did not start (%d attempts): %v", i, err)
		}
		t.Logf("chromium did not start (attempt %d of %d), trying again: %v", i, attempts, err)
	}
}

// Tab is one browser tab with what it logged.
type Tab struct {
	Ctx      context.Context
	mu       sync.Mutex
	errors   []string
	requests []string
	dialogs  []string
}

// NewTab opens a tab that records console errors, exceptions, failed loads,
// requests and dialogs.
func NewTab(t testing.TB, actx context.Context) *Tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	tb := &Tab{Ctx: ctx}
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
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			tb.errors = append(tb.errors, "exception: "+msg)
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

// Open navigates to url and waits until the JavaScript expression ready is
// true.
func (tb *Tab) Open(t testing.TB, url, ready string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.Ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate %s: %v", url, err)
	}
	tb.Wait(t, ready)
}

// Wait polls until the JavaScript expression ready is true.
func (tb *Tab) Wait(t testing.TB, ready string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.Ctx, 45*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready, chromedp.WithPollingTimeout(40*time.Second))); err != nil {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		t.Fatalf("%s never became true: %v; errors: %v", ready, err, tb.errors)
	}
}

// CanvasesReady is a ready expression: at least n chart canvases exist.
func CanvasesReady(n int) string {
	return fmt.Sprintf(`document.querySelectorAll(".rk-canvas canvas").length >= %d`, n)
}

// PaintedJS counts the non-white pixels of each chart canvas, in page
// order.
const PaintedJS = `Array.from(document.querySelectorAll(".rk-canvas canvas")).map(function (c) {
	var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data, n = 0;
	for (var i = 0; i < d.length; i += 4) { if (d[i+3] > 0 && (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235)) { n++; } }
	return n;
})`

// Painted returns PaintedJS's counts.
func (tb *Tab) Painted(t testing.TB) []int {
	t.Helper()
	n, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[[]int](PaintedJS))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Eval evaluates a JavaScript expression giving a string.
func (tb *Tab) Eval(t testing.TB, expr string) string {
	t.Helper()
	v, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// Requests lists the URLs the tab requested so far.
func (tb *Tab) Requests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.requests...)
}

// NoErrors fails the test if the tab logged an error or opened a dialog.
func (tb *Tab) NoErrors(t testing.TB) {
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

// Screenshot saves a full-page PNG into $RANKINGS_SCREENSHOTS, when set.
func (tb *Tab) Screenshot(t testing.TB, name string) {
	t.Helper()
	dir := os.Getenv("RANKINGS_SCREENSHOTS")
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(tb.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}
