package server_test

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/internal/browsertest"
	"github.com/rankings-dev/rankings/internal/server"
)

// phoneWidth is the viewport of the phone test: a common phone, in CSS
// pixels.
const phoneWidth, phoneHeight = 390, 844

// overflowJS measures the page at its viewport: the document's width and
// the elements that reach past the viewport's right edge without a
// scrolling box of their own around them (a table in its .scroll box may
// be wider than the screen; the page may not).
const overflowJS = `JSON.stringify((function () {
	var vw = document.documentElement.clientWidth, wide = [];
	function scrolls(el) {
		for (var p = el.parentElement; p; p = p.parentElement) {
			var o = getComputedStyle(p).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden") { return true; }
		}
		return false;
	}
	document.querySelectorAll("body *").forEach(function (el) {
		var r = el.getBoundingClientRect();
		if (r.width > 0 && r.right > vw + 0.5 && !scrolls(el) && wide.length < 10) {
			wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + el.className.trim().replace(/\s+/g, ".") : "") + " right=" + Math.round(r.right));
		}
	});
	return {scrollWidth: document.documentElement.scrollWidth, viewport: vw, wide: wide};
})())`

// TestPhoneWidth opens every kind of page in a 390×844 phone viewport and
// checks that none is wider than the screen: wide tables scroll in their
// own box or become cards, and charts, captions, sources and links wrap.
func TestPhoneWidth(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := browsertest.EChartsJS(t, charts.EChartsVersion, charts.CheckECharts)
	actx := browsertest.Browser(t)
	base := listen(t, server.New(server.Options{EChartsJS: js, Version: "phone"}))
	// Every chart container has drawn its canvas.
	const drawn = `document.readyState === "complete" && document.querySelectorAll(".rk-canvas").length === document.querySelectorAll(".rk-canvas canvas").length`
	for _, c := range []struct {
		name, path string
		error      bool
	}{
		{"compare", "/compare?c=kaz,uzb", false},
		{"compare-five", "/compare?c=kaz,uzb,kgz,tjk,tkm", false},
		{"country", "/country/KAZ", false},
		{"indicator", "/indicator/rsf", false},
		{"indicator-all", "/indicator/fh-fiw?group=all", false},
		{"elections", "/elections/KAZ", false},
		{"index", "/", false},
		{"error", "/compare?c=kaz,uzbekstan&year=2020", true},
		{"not-found", "/no/such/page/with/a/rather/long/address/that/has/no/spaces/in/it/at/all", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := browsertest.NewTab(t, actx)
			if _, err := chromedp.Run(tb.Ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
			tb.Open(t, base+c.path, drawn)
			var m struct {
				ScrollWidth int `json:"scrollWidth"`
				Viewport    int
				Wide        []string
			}
			if err := json.Unmarshal([]byte(tb.Eval(t, overflowJS)), &m); err != nil {
				t.Fatal(err)
			}
			if m.Viewport != phoneWidth {
				t.Fatalf("the viewport is %d px wide, want %d", m.Viewport, phoneWidth)
			}
			if m.ScrollWidth > phoneWidth || len(m.Wide) > 0 {
				t.Errorf("%s is %d px wide in a %d px viewport; too wide: %q", c.path, m.ScrollWidth, phoneWidth, m.Wide)
			}
			if c.error {
				if h := tb.Eval(t, `document.querySelector(".error-message") ? document.querySelector("h1").textContent : ""`); h == "" {
					t.Errorf("%s is not an error page", c.path)
				}
			} else {
				tb.NoErrors(t)
			}
			tb.Screenshot(t, "phone-"+c.name)
		})
	}
}
