package server_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/internal/browsertest"
	"github.com/rankings-dev/rankings/internal/server"
)

// TestRussianPagesInABrowser opens the Russian pages in a phone's
// viewport: each says it is Russian, has its Russian heading and figures
// with a decimal comma, links to its English version, draws its charts
// without errors and is no wider than the screen (Russian words are
// longer than English ones).
func TestRussianPagesInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := browsertest.EChartsJS(t, charts.EChartsVersion, charts.CheckECharts)
	actx := browsertest.Browser(t)
	base := listen(t, server.New(server.Options{EChartsJS: js, Version: "russian"}))
	const drawn = `document.readyState === "complete" && document.querySelectorAll(".rk-canvas").length === document.querySelectorAll(".rk-canvas canvas").length`
	decimalComma := regexp.MustCompile(`\d,\d`)
	for _, c := range []struct{ name, path, heading, english string }{
		{"compare", "/ru/compare/KAZ,UZB", "Казахстан — Узбекистан", "/compare/KAZ,UZB"},
		{"compare-five", "/ru/compare/KAZ,UZB,KGZ,TJK,TKM", "Казахстан — Узбекистан — Кыргызстан — Таджикистан — Туркменистан", "/compare/KAZ,UZB,KGZ,TJK,TKM"},
		{"country", "/ru/country/KAZ", "Казахстан (KAZ)", "/country/KAZ"},
		{"indicator", "/ru/indicator/wgi-rl", "WGI: верховенство права (оценка) (WGI Rule of Law (estimate)), 2023", "/indicator/wgi-rl"},
		{"elections", "/ru/elections/KAZ", "Выборы и оценки БДИПЧ", "/elections/KAZ"},
		{"index", "/ru/", "Сравнение стран по показателям государственного управления", "/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := browsertest.NewTab(t, actx)
			if _, err := chromedp.Run(tb.Ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
			tb.Open(t, base+c.path, drawn)
			if got := tb.Eval(t, `document.documentElement.lang`); got != "ru" {
				t.Errorf("<html lang=%q>, want ru", got)
			}
			if got := tb.Eval(t, `document.querySelector("h1").textContent`); got != c.heading {
				t.Errorf("heading %q, want %q", got, c.heading)
			}
			link := tb.Eval(t, `(function () { var a = document.querySelector("header a[hreflang=en]"); return a ? a.textContent + " " + a.getAttribute("href") : ""; })()`)
			if link != "English "+c.english {
				t.Errorf("the link to the English version is %q, want %q", link, "English "+c.english)
			}
			if c.name != "index" && c.name != "elections" {
				if figures := tb.Eval(t, `document.querySelector("main table").textContent`); !decimalComma.MatchString(figures) {
					t.Errorf("the first table has no figure with a decimal comma: %.300s", figures)
				}
			}
			var m struct {
				ScrollWidth int `json:"scrollWidth"`
				Viewport    int
				Wide        []string
			}
			if err := json.Unmarshal([]byte(tb.Eval(t, overflowJS)), &m); err != nil {
				t.Fatal(err)
			}
			if m.ScrollWidth > phoneWidth || len(m.Wide) > 0 {
				t.Errorf("%s is %d px wide in a %d px viewport; too wide: %q", c.path, m.ScrollWidth, phoneWidth, m.Wide)
			}
			tb.NoErrors(t)
			tb.Screenshot(t, "phone-ru-"+c.name)
		})
	}
}
