package server_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/server"
)

func serveOn(s *server.Server, target string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// variedValid are valid queries: distinct documents, and the same
// documents spelled in different ways.
func variedValid() []string {
	var out []string
	for _, id := range []string{"rsf", "wgi-rl", "fh-fiw", "wjp", "ti-cpi", "vdem-polyarchy"} {
		for y := 2018; y <= 2023; y++ {
			out = append(out, fmt.Sprintf("/api/v1/rank?indicator=%s&year=%d", id, y),
				fmt.Sprintf("/api/v1/rank?year=%d&indicator=%s&group=post-soviet", y, id),
				fmt.Sprintf("/api/v1/rank/%s/%d.json", id, y),
				fmt.Sprintf("/api/v1/rank?indicator=%s&year=%d&group=all", id, y))
		}
	}
	for _, c := range []string{"kaz,uzb", "KAZ,UZB", "Kazakhstan,Uzbekistan", "kaz&c=uzb", "kaz,%20uzb", "kAz,uZb", "Казахстан,uzb"} {
		out = append(out, "/elections?c="+c, "/chart/timeline?indicator=rsf&c="+c)
	}
	for _, c := range []string{"ARM", "BLR", "GEO", "KAZ", "KGZ", "MDA", "UKR", "UZB"} {
		out = append(out, "/api/v1/series?country="+c, "/api/v1/series/"+strings.ToLower(c)+".json")
	}
	for _, g := range []string{"all", "baltics", "central-asia", "territories"} {
		out = append(out, "/api/v1/countries?group="+g, "/api/v1/countries.json?group="+g+"&format=csv", "/indicator/fh-fiw/2020?group="+g)
	}
	return out
}

// TestCacheCannotBeInflated hammers the service with queries that must not
// grow it: thousands of distinct unknown parameters with long values on
// every kind of route, and valid queries spelled in many ways. The heap and
// the cache's accounted size must stay within the cache's bound, and every
// junk query must be refused.
func TestCacheCannotBeInflated(t *testing.T) {
	const bound = 3 << 20
	s := server.New(server.Options{Version: "t", EChartsJS: []byte("/* echarts */"), CacheBytes: bound})
	valid := variedValid()
	for _, u := range valid { // warm the data's own lazy indexes and fill the cache
		if rec := serveOn(s, u); rec.Code != 200 {
			t.Fatalf("%s: %d %s", u, rec.Code, rec.Body)
		}
	}
	routes := []string{"/healthz", "/favicon.ico", "/assets/echarts.min.js", "/api/v1/openapi.json", "/",
		"/compare?c=kaz,uzb&", "/country/KAZ", "/api/v1/countries", "/embed/ranking/rsf", "/chart/ranking/rsf.svg"}
	for _, r := range routes {
		serveOn(s, r)
	}
	before := heapInUse()
	long := strings.Repeat("a", 50000)
	accepted := map[string]int{}
	const junk = 1500
	for i := 0; i < junk; i++ {
		r := routes[i%len(routes)]
		sep := "?"
		if strings.Contains(r, "?") {
			sep = ""
		}
		if rec := serveOn(s, fmt.Sprintf("%s%sk%d=%s", r, sep, i, long)); rec.Code != http.StatusBadRequest {
			accepted[r]++
		}
		if i%10 == 0 {
			serveOn(s, valid[(i/10)%len(valid)])
		}
	}
	after := heapInUse()
	used, max, entries := s.CacheStats()
	growth := int64(after) - int64(before)
	t.Logf("heap %d → %d MB; cache %d of %d bytes in %d entries", before>>20, after>>20, used, max, entries)
	if used > max {
		t.Errorf("the cache accounts %d bytes, over its bound of %d", used, max)
	}
	if growth > bound+4<<20 {
		t.Errorf("the heap grew by %d MB under junk queries; the cache is bounded at %d MB", growth>>20, bound>>20)
	}
	for r, n := range accepted {
		t.Errorf("%s answered %d of %d queries with an unknown parameter with something other than 400", r, n, junk/len(routes))
	}
}

// TestUnknownParameterEverywhere: every route refuses a parameter it does
// not know with a 400 naming it.
func TestUnknownParameterEverywhere(t *testing.T) {
	for _, u := range []string{"/healthz", "/favicon.ico", "/assets/echarts.min.js", "/api/v1/openapi.json", "/",
		"/compare?c=kaz,uzb", "/compare/KAZ,UZB", "/country/KAZ", "/indicator/rsf", "/indicator/rsf/2020", "/elections?c=kaz",
		"/elections/KAZ", "/api/v1/countries.json", "/api/v1/rank/rsf/2020.json", "/embed/ranking/rsf", "/embed/ranking?indicator=rsf",
		"/chart/ranking/rsf.svg", "/chart/ranking?indicator=rsf",
		"/oembed?url=" + url.QueryEscape("http://example.com/embed/ranking?indicator=rsf")} {
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		rec := get(t, u+sep+"utm_source=x")
		body, _ := errorOf(rec) // JSON, or the HTML error page of a page
		if rec.Code != http.StatusBadRequest || body.Error.Param != "utm_source" ||
			!strings.Contains(body.Error.Message, `unknown parameter "utm_source"`) || strings.Contains(body.Error.Message, "\n") {
			t.Errorf("%s with an unknown parameter: %d %+v", u, rec.Code, body.Error)
		}
	}
}

// TestCacheKeyIsCanonical: one document spelled in several ways is one
// cache entry, and the same bytes as each spelling gives uncached;
// requests whose answers differ are never merged.
func TestCacheKeyIsCanonical(t *testing.T) {
	groups := [][]string{
		{"/compare?c=kaz,uzb", "/compare?c=KAZ,UZB", "/compare?c=Kazakhstan,Uzbekistan", "/compare?c=kaz&c=uzb",
			"/compare/KAZ,UZB", "/compare/kaz,uzb", "/compare?c=kaz,%20uzb,"},
		{"/api/v1/rank?indicator=rsf&year=2020", "/api/v1/rank?year=2020&indicator=rsf", "/api/v1/rank/rsf/2020.json",
			"/api/v1/rank?indicator=rsf&year=2020&group=post-soviet", "/api/v1/rank?indicator=rsf&year=2020&format=json"},
		{"/embed/ranking?indicator=wjp&year=2020", "/embed/ranking/wjp?year=2020", "/embed/ranking?year=2020&indicator=wjp&percentile=false"},
	}
	s := server.New(server.Options{Version: "t", EChartsJS: []byte("/* echarts */")})
	for _, g := range groups {
		_, _, start := s.CacheStats()
		first := serveOn(s, g[0])
		for _, u := range g {
			rec := serveOn(s, u)
			fresh := serveOn(server.New(server.Options{Version: "t", EChartsJS: []byte("/* echarts */")}), u)
			if rec.Code != 200 || rec.Body.String() != first.Body.String() || fresh.Body.String() != rec.Body.String() {
				t.Errorf("%s: %d, differs from %s or from its uncached answer", u, rec.Code, g[0])
			}
		}
		if _, _, n := s.CacheStats(); n != start+1 {
			t.Errorf("%d spellings of %s take %d cache entries, want 1", len(g), g[0], n-start)
		}
	}
	// Different answers stay apart.
	a, b := serveOn(s, "/compare?c=kaz,uzb"), serveOn(s, "/compare?c=uzb,kaz")
	if a.Body.String() == b.Body.String() {
		t.Error("kaz,uzb and uzb,kaz gave one page: the order of the countries is part of the answer")
	}
	for _, u := range []string{"/api/v1/rank?indicator=rsf&year=2020&year=2020", "/api/v1/rank?indicator=rsf,&year=2020",
		"/compare?c=kaz,uzb&c=kaz", "/api/v1/rank?indicator=rsf&year=2020&format=xml"} {
		if rec := serveOn(s, u); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d after its valid neighbour was cached, want 400", u, rec.Code)
		}
	}
}

// TestCSPIgnoresInjectedScript: a <script> that reached a page's body by
// an HTML-injection bug gets no hash in the Content-Security-Policy; the
// chart's own script does.
func TestCSPIgnoresInjectedScript(t *testing.T) {
	s := server.New(server.Options{Version: "t", EChartsJS: []byte("/* echarts */")})
	const injected = `alert(document.domain)`
	s.HandleInjected("/test/injected", "<p>note</p><script>"+injected+"</script>")
	rec := serveOn(s, "/test/injected")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), injected) {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	csp := rec.Header().Get("Content-Security-Policy")
	sum := sha256.Sum256([]byte(injected))
	if strings.Contains(csp, base64.StdEncoding.EncodeToString(sum[:])) {
		t.Errorf("the injected script's hash is allowed: %s", csp)
	}
	var own int
	for _, m := range regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1) {
		if m[1] == injected {
			continue
		}
		own++
		sum := sha256.Sum256([]byte(m[1]))
		if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
			t.Errorf("the chart's own script is not allowed: %s", csp)
		}
	}
	if own == 0 {
		t.Error("the page has no chart script")
	}
	// The real pages still allow their charts.
	for _, u := range []string{"/compare?c=kaz,uzb", "/indicator/rsf", "/embed/ranking?indicator=rsf", "/chart/ranking?indicator=rsf"} {
		rec := serveOn(s, u)
		csp := rec.Header().Get("Content-Security-Policy")
		ms := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1)
		if len(ms) == 0 {
			t.Errorf("%s has no chart script", u)
		}
		for _, m := range ms {
			sum := sha256.Sum256([]byte(m[1]))
			if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
				t.Errorf("%s: a chart script is not allowed by %s", u, csp)
			}
		}
	}
}

// TestOEmbedOnlyForItsOwnOrigin: oEmbed answers only for this service's
// pages (the request's origin, or the public URL when one is set) and
// builds the iframe from its own origin, never from the url given.
func TestOEmbedOnlyForItsOwnOrigin(t *testing.T) {
	oembed := func(s *server.Server, u string) (int, string) {
		rec := serveOn(s, "/oembed?url="+url.QueryEscape(u))
		var doc struct{ HTML string }
		json.Unmarshal(rec.Body.Bytes(), &doc)
		return rec.Code, doc.HTML
	}
	s := server.New(server.Options{Version: "t"}) // httptest requests go to http://example.com
	for _, u := range []string{"https://evil.example/embed/ranking?indicator=rsf", "http://example.com.evil.example/embed/ranking?indicator=rsf",
		"https://example.com/embed/ranking?indicator=rsf", "http://example.com:8080/embed/ranking?indicator=rsf",
		"http://example.com/compare?c=kaz,uzb"} {
		if code, html := oembed(s, u); code != http.StatusNotFound {
			t.Errorf("%s: %d %s, want 404", u, code, html)
		}
	}
	code, html := oembed(s, "http://attacker@EXAMPLE.com:80/chart/ranking?indicator=rsf#x")
	if code != 200 || !strings.Contains(html, `src="http://example.com/embed/ranking?indicator=rsf"`) || strings.Contains(html, "attacker") {
		t.Errorf("own page: %d %s", code, html)
	}
	pub := server.New(server.Options{Version: "t", PublicURL: "https://rankings.example.org"})
	if code, html := oembed(pub, "http://example.com/embed/ranking?indicator=rsf"); code != http.StatusNotFound {
		t.Errorf("with a public URL, the request's host is not the origin: %d %s", code, html)
	}
	code, html = oembed(pub, "https://rankings.example.org/embed/ranking?indicator=rsf&year=2020")
	if code != 200 || !strings.Contains(html, `src="https://rankings.example.org/embed/ranking?indicator=rsf&amp;year=2020"`) {
		t.Errorf("public URL: %d %s", code, html)
	}
}

// TestFrameOptions: X-Frame-Options says what frame-ancestors says, for
// browsers that know only the older header; pages anyone may frame carry
// none, since no X-Frame-Options value allows every site.
func TestFrameOptions(t *testing.T) {
	for _, c := range []struct{ url, xfo, ancestors string }{
		{"/compare?c=kaz,uzb", "DENY", "'none'"},
		{"/api/v1/countries", "DENY", "'none'"},
		{"/api/v1/countries?bogus=1", "DENY", "'none'"},
		{"/embed/ranking?indicator=rsf", "", "*"},
		{"/chart/ranking.svg?indicator=rsf", "", "*"},
	} {
		rec := get(t, c.url)
		csp := rec.Header().Get("Content-Security-Policy")
		if got := rec.Header().Get("X-Frame-Options"); got != c.xfo || !strings.Contains(csp, "frame-ancestors "+c.ancestors) {
			t.Errorf("%s: X-Frame-Options %q with %s; want %q with frame-ancestors %s", c.url, got, csp, c.xfo, c.ancestors)
		}
	}
}
