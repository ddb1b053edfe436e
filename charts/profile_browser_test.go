package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/browsertest"
)

// profileTexts collects the texts ECharts drew on the profile's canvas
// (zrender's display list), so that the test reads what a reader sees
// without comparing pixels.
const profileTexts = `(() => {
  const c = window.echarts.getInstanceByDom(document.querySelector(".rk-canvas"));
  const out = [];
  c.getZr().storage.getDisplayList(true).forEach(el => {
    if (el.style && typeof el.style.text === "string" && !el.invisible) out.push(el.style.text);
  });
  return out.join("\n");
})()`

// TestBrowserProfile: the dot plot draws the row names with their scales
// (rich text, not its markup), each dot's label, and "no data" where a
// country has no figure.
func TestBrowserProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	js := echartsJS(t)
	actx := browsertest.Browser(t)
	pages := map[string][]byte{}
	srv := server(t, js, pages)
	var b bytes.Buffer
	if err := build(t, profileFixture()).WritePage(&b, Options{ScriptURL: srv.URL + "/echarts.min.js"}); err != nil {
		t.Fatal(err)
	}
	pages["/profile.html"] = b.Bytes()
	tb := browsertest.NewTab(t, actx)
	tb.Open(t, srv.URL+"/profile.html", browsertest.CanvasesReady(1))
	texts := tb.Eval(t, profileTexts)
	for _, w := range []string{"Press (2024 ed.)", "score 0–100, higher is better", "percentile rank as published (World Bank)",
		"34.41 · rank 149 of 180", "0.12 · rank 19 of 179", "Uzbekistan: no data", "Kazakhstan", "100"} {
		if !strings.Contains(texts, w) {
			t.Errorf("the canvas does not show %q; it shows:\n%s", w, texts)
		}
	}
	if strings.Contains(texts, "{n|") || strings.Contains(texts, "{s|") {
		t.Errorf("rich-text markup drawn as text:\n%s", texts)
	}
	tb.NoErrors(t)
	tb.Screenshot(t, "profile-dots")
}
