package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rankings-dev/rankings/internal/cli"
	"github.com/rankings-dev/rankings/internal/server"
)

type apiError struct {
	Error struct {
		Code        string   `json:"code"`
		Message     string   `json:"message"`
		Param       string   `json:"param"`
		Value       string   `json:"value"`
		Suggestions []string `json:"suggestions"`
	} `json:"error"`
}

var (
	srvOnce sync.Once
	srv     *server.Server
)

func testServer() *server.Server {
	srvOnce.Do(func() { srv = server.New(server.Options{Version: "test", EChartsJS: []byte("/* echarts */")}) })
	return srv
}

func get(t *testing.T, target string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	testServer().ServeHTTP(rec, req)
	checkResponse(t, req, rec)
	return rec
}

// cliJSON runs the CLI with args and returns its stdout.
func cliJSON(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := cli.Run(context.Background(), args, cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}); code != 0 {
		t.Fatalf("rankings %v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

// TestAPIEqualsCLI checks that every API document is byte for byte the
// CLI's --format json (and csv) output for the same query.
func TestAPIEqualsCLI(t *testing.T) {
	cases := []struct {
		url  string
		args []string
	}{
		{"/api/v1/countries", []string{"countries", "--format", "json"}},
		{"/api/v1/countries?group=all", []string{"countries", "--group", "all", "--format", "json"}},
		{"/api/v1/countries.json?group=baltics", []string{"countries", "--group", "baltics", "--format", "json"}},
		{"/api/v1/countries?group=territories", []string{"countries", "--group", "territories", "--format", "json"}},
		{"/api/v1/rank?indicator=fh-fiw&year=2024&group=territories", []string{"rank", "-i", "fh-fiw", "-y", "2024", "-g", "territories", "--format", "json"}},
		{"/api/v1/rank?indicator=rsf&year=2012&group=all", []string{"rank", "-i", "rsf", "-y", "2012", "-g", "all", "--format", "json"}},
		{"/api/v1/indicators", []string{"indicators", "--format", "json"}},
		{"/api/v1/sources", []string{"sources", "--format", "json"}},
		{"/api/v1/series?country=kaz&indicator=rsf,wgi-rl", []string{"show", "kaz", "--indicator", "rsf,wgi-rl", "--format", "json"}},
		{"/api/v1/series/KAZ.json", []string{"show", "KAZ", "--format", "json"}},
		{"/api/v1/compare?countries=kaz,uzb", []string{"compare", "kaz", "uzb", "--format", "json"}},
		{"/api/v1/compare/KAZ,UZB.json", []string{"compare", "KAZ", "UZB", "--format", "json"}},
		{"/api/v1/compare?countries=geo,arm,aze&indicator=fh-fiw,wgi-cc&year=2020&since=2015", []string{"compare", "geo", "arm", "aze", "-i", "fh-fiw,wgi-cc", "--year", "2020", "--since", "2015", "--format", "json"}},
		{"/api/v1/compare?countries=kaz,uzb&format=csv", []string{"compare", "kaz", "uzb", "--format", "csv"}},
		{"/api/v1/rank?indicator=rsf", []string{"rank", "-i", "rsf", "--format", "json"}},
		{"/api/v1/rank/wgi-rl/2023.json", []string{"rank", "-i", "wgi-rl", "--year", "2023", "--format", "json"}},
		{"/api/v1/rank?indicator=fh-fiw&group=central-asia&format=csv", []string{"rank", "-i", "fh-fiw", "-g", "central-asia", "--format", "csv"}},
		{"/api/v1/trend?country=russia&indicator=rsf", []string{"trend", "russia", "-i", "rsf", "--format", "json"}},
		{"/api/v1/elections?country=kaz", []string{"elections", "kaz", "--format", "json"}},
		{"/api/v1/elections/GEO.json", []string{"elections", "GEO", "--format", "json"}},
		{"/api/v1/correlate?year=2020", []string{"correlate", "--year", "2020", "--format", "json"}},
	}
	for _, c := range cases {
		rec := get(t, c.url)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", c.url, rec.Code, rec.Body)
			continue
		}
		want := cliJSON(t, c.args...)
		if rec.Body.String() != want {
			t.Errorf("%s differs from rankings %s", c.url, strings.Join(c.args, " "))
		}
		ct := rec.Header().Get("Content-Type")
		if strings.Contains(c.url, "format=csv") != strings.HasPrefix(ct, "text/csv") {
			t.Errorf("%s: Content-Type %s", c.url, ct)
		}
	}
}

// TestBadInput sends the kinds of bad input a user or a crawler sends: each
// must be a 400 (or 404/405) with a JSON error naming what was wrong, never
// a 500.
func TestBadInput(t *testing.T) {
	cases := []struct {
		url, param, value, msg string
		status                 int
	}{
		{"/api/v1/compare?countries=kazakstn,uzb", "countries", "kazakstn", "did you mean Kazakhstan", 400},
		{"/api/v1/compare?countries=congo,kaz", "countries", "congo", "ambiguous country", 400},
		{"/api/v1/compare?countries=kaz", "countries", "kaz", "at least 2 countries", 400},
		{"/api/v1/compare", "countries", "", "at least 2 countries", 400},
		{"/api/v1/compare?countries=kaz,kazakhstan", "countries", "kaz,kazakhstan", "both name Kazakhstan", 400},
		{"/api/v1/compare?countries=kaz,uzb&year=20x3", "year", "20x3", "must be a year", 400},
		{"/api/v1/compare?countries=kaz,uzb&year=1066", "year", "1066", "must be a year", 400},
		{"/api/v1/compare?countries=kaz,uzb&indicator=rsf&year=2011", "year", "2011", "years with figures are 2002–2010, 2012–2026", 400},
		{"/api/v1/compare?countries=kaz,uzb&indicator=wgi-lr", "indicator", "wgi-lr", "did you mean wgi-rl", 400},
		{"/api/v1/compare?countries=kaz,uzb&year=2020&since=2021", "since", "2021", "after year", 400},
		{"/api/v1/compare?countries=kaz,uzb&group=europe", "group", "europe", "unknown group", 400},
		{"/api/v1/rank?indicator=rsf&group=occupied", "group", "occupied", "baltics, territories, all", 400},
		{"/api/v1/compare?countries=kaz,uzb&format=xml", "format", "xml", "use json or csv", 400},
		{"/api/v1/compare?countries=kaz,uzb&contries=x", "contries", "x", "unknown parameter", 400},
		{"/api/v1/compare?countries=kaz,uzb&year=2020&year=2021", "year", "2020,2021", "given 2 times", 400},
		{"/api/v1/compare?countries=kaz,uzb&year=" + strings.Repeat("9", 300), "year", strings.Repeat("9", 200), "too long", 400},
		{"/api/v1/compare?countries=%zz", "", "countries=%zz", "malformed", 400},
		{"/api/v1/rank", "indicator", "", "is required", 400},
		{"/api/v1/rank?indicator=odihr", "indicator", "odihr", "list of elections", 400},
		{"/api/v1/rank?indicator=rsf&year=1990", "year", "1990", "the data starts in 2002", 400},
		{"/api/v1/series?country=atlantis", "country", "atlantis", "unknown country", 400},
		{"/api/v1/series", "country", "", "is required", 400},
		{"/api/v1/series?country=kaz&from=2020&to=2010", "from", "2020", "after to", 400},
		{"/api/v1/trend?country=kaz&indicator=rsf&from=2020&to=2010", "from", "2020", "after to", 400},
		{"/api/v1/trend?country=kaz&indicator=wjp&from=1990&to=2000", "indicator", "wjp", "no figures for Kazakhstan on wjp from 1990 to 2000", 400},
		{"/api/v1/elections?country=france", "country", "FRA", "covers the 15 post-Soviet states", 400},
		{"/api/v1/indicators?x=1", "x", "1", "valid parameters are lang, format", 400},
		{"/api/v1/rank/rsf/abc.json", "year", "abc", "must be a year", 400},
		{"/compare?c=kaz", "c", "kaz", "at least 2", 400},
		{"/country/XYZ", "iso3", "XYZ", "unknown country", 400},
		{"/indicator/nope", "id", "nope", "unknown indicator", 400},
		{"/indicator/rsf?year=1899", "year", "1899", "must be a year", 400},
		{"/elections?c=", "c", "", "needs a country, e.g. c=kaz", 400},
		{"/no/such/page", "path", "/no/such/page", "no page", 404},
	}
	for _, c := range cases {
		rec := get(t, c.url)
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.url, rec.Code, c.status, rec.Body)
			continue
		}
		body, err := errorOf(rec) // pages answer with an HTML error page
		if err != nil {
			t.Errorf("%s: not an error document or page: %v", c.url, err)
			continue
		}
		e := body.Error
		if e.Param != c.param || e.Value != c.value || !strings.Contains(e.Message, c.msg) {
			t.Errorf("%s: error %+v; want param %q value %q message containing %q", c.url, e, c.param, c.value, c.msg)
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: an error is cacheable", c.url)
		}
	}
	if n := len(cases); n < 20 {
		t.Fatalf("only %d kinds of bad input", n)
	}
}

func TestMethods(t *testing.T) {
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		rec := httptest.NewRecorder()
		testServer().ServeHTTP(rec, httptest.NewRequest(m, "/api/v1/countries", nil))
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
	rec := httptest.NewRecorder()
	testServer().ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/api/v1/countries", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "0" {
		t.Errorf("HEAD: %d, body %d bytes, Content-Length %s", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
}

func TestCachingAndCompression(t *testing.T) {
	rec := get(t, "/api/v1/compare?countries=kaz,uzb")
	etag := rec.Header().Get("ETag")
	if etag == "" || !strings.HasPrefix(rec.Header().Get("Cache-Control"), "public") {
		t.Fatalf("ETag %q Cache-Control %q", etag, rec.Header().Get("Cache-Control"))
	}
	if again := get(t, "/api/v1/compare?countries=kaz,uzb"); again.Header().Get("ETag") != etag {
		t.Error("the same document has two ETags")
	}
	if nm := get(t, "/api/v1/compare?countries=kaz,uzb", "If-None-Match", etag); nm.Code != http.StatusNotModified || nm.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes", nm.Code, nm.Body.Len())
	}
	gz := get(t, "/api/v1/compare?countries=kaz,uzb", "Accept-Encoding", "gzip, br")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("ETag") == etag {
		t.Fatalf("gzip: encoding %q etag %q", gz.Header().Get("Content-Encoding"), gz.Header().Get("ETag"))
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, rec.Body.Bytes()) {
		t.Error("the gzipped body differs from the plain one")
	}
}

func TestSecurityHeaders(t *testing.T) {
	page := get(t, "/compare?c=kaz,uzb")
	csp := page.Header().Get("Content-Security-Policy")
	scriptSrc := strings.SplitN(strings.SplitN(csp, "script-src ", 2)[1], ";", 2)[0]
	if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.HasPrefix(scriptSrc, "'self'") || strings.Contains(scriptSrc, "unsafe-inline") {
		t.Errorf("compare CSP: %s", csp)
	}
	if page.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff")
	}
	cdn := server.New(server.Options{Version: "t"})
	rec := httptest.NewRecorder()
	cdn.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/countries", nil))
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' "+server.DefaultAssetHost) {
		t.Errorf("without a local copy the asset host must be allowed: %s", csp)
	}
}

func TestPages(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"/", `<select id="c1" name="c">`},
		{"/compare?c=kaz,uzb", `<caption id="cap-rsf">RSF World Press Freedom Index score, 2026</caption>`},
		{"/compare?c=kaz,uzb", "N = every country and territory the source ranked that year"},
		{"/compare?c=kaz&c=uzb&indicator=rsf", "141 of 180"},
		{"/compare/KAZ,UZB", "Kazakhstan vs Uzbekistan"},
		{"/country/KAZ", "Kazakhstan (KAZ)"},
		{"/indicator/rsf", "149 of 180"},
		{"/indicator/wgi-rl/2023?group=central-asia", "Group: Central Asia."},
		{"/indicator/fh-fiw/2024?group=territories", `<a href="/country/XCR">Crimea</a>`},
		{"/indicator/fh-fiw/2024?group=territories", "Group median (disputed and occupied territories): 7 (6 of 7 members have a figure)."},
		{"/indicator/fh-fiw/2024?group=all", "Listed: all 210 countries and territories the source ranked in 2024 (N = 210)."},
		{"/indicator/rsf/2025?group=all", "<li>OECS, the Organisation of Eastern Caribbean States — a regional organisation RSF ranks as one entry</li>"},
		{"/", `<optgroup label="Disputed and occupied territories"><option value="XAB">Abkhazia</option>`},
		{"/elections?c=kaz,uzb", "2023-03-19"},
		{"/elections/GEO", "Georgia"},
		{"/healthz", `{"status":"ok"}`},
		{"/api/v1/openapi.json", `"openapi": "3.1.0"`},
		{"/assets/echarts.min.js", "/* echarts */"},
	} {
		rec := get(t, c.url)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d, want %q in the body", c.url, rec.Code, c.want)
		}
	}
}

// TestBake bakes a sample of the site's paths and what they link to,
// through the code a full bake runs (a full bake takes minutes under the
// race detector: RANKINGS_FULL_BAKE=1 runs TestAFullBakeHasNoBrokenLink),
// serves the folder with a plain file server and checks the sample
// against the server a bake renders through. The list of the site's
// paths is checked whole.
func TestBake(t *testing.T) {
	all, err := testServer().BakePaths()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 1000 {
		t.Errorf("the site lists only %d paths", len(all))
	}
	for _, want := range []string{"/api/v1/rank/rsf/2012.json", "/compare/KAZ,UZB", "/elections/ARM", "/indicator/wjp/2020", "/country/EST"} {
		if !slices.Contains(all, want) {
			t.Errorf("the site's paths lack %s: every indicator, year, country and pair must be baked", want)
		}
	}
	sample := []string{"/", "/compare/KAZ,UZB", "/country/GEO", "/indicator/rsf/2025", "/elections/ARM",
		"/api/v1/compare/KAZ,UZB.json", "/api/v1/series/EST.json", "/api/v1/rank/wjp/2020.json", "/api/v1/countries.json",
		"/embed/ranking/rsf", "/chart/ranking/wgi-rl.svg", "/api/v1/rank/rsf/2012.json"}
	dir := t.TempDir()
	n, err := testServer().BakeSome(dir, sample, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("baked only %d files from %d paths and their links", n, len(sample))
	}
	static := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer static.Close()
	copySrv := testServer().StaticCopy()
	for _, p := range sample {
		resp, err := http.Get(static.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		live := serveOn(copySrv, p)
		want := live.Body.Bytes()
		if strings.HasPrefix(live.Header().Get("Content-Type"), "text/html") {
			// A baked page's query-string links point at the files bake
			// wrote for them.
			want = server.BakedPage(p, want)
		}
		if resp.StatusCode != 200 || !bytes.Equal(body, want) {
			t.Errorf("%s: baked %d (%d bytes) differs from live %d (%d bytes)", p, resp.StatusCode, len(body), live.Code, live.Body.Len())
		}
	}

	// The copy's charts offer their figures as CSV, and neither images
	// nor embed code, which are the service's; the live pages offer all.
	page, err := os.ReadFile(filepath.Join(dir, "compare", "KAZ,UZB", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	live := get(t, "/compare/KAZ,UZB").Body.String()
	for _, c := range []struct {
		mark         string
		baked, alive bool
	}{{">CSV</a>", true, true}, {">PNG</a>", false, true}, {">PDF</a>", false, true}, {"Copy embed code", false, true}} {
		if got := strings.Contains(string(page), c.mark); got != c.baked {
			t.Errorf("baked /compare/KAZ,UZB has %q: %v, want %v", c.mark, got, c.baked)
		}
		if got := strings.Contains(live, c.mark); got != c.alive {
			t.Errorf("live /compare/KAZ,UZB has %q: %v, want %v", c.mark, got, c.alive)
		}
	}
}

func TestChartRoutes(t *testing.T) {
	for _, c := range []struct{ url, ctype, want string }{
		{"/chart/ranking?indicator=rsf", "text/html", "RSF World Press Freedom Index score"},
		{"/chart/timeline?c=kaz,uzb&indicator=wgi-rl&percentile=true", "text/html", "Kazakhstan"},
		{"/chart/profile?c=kaz,uzb", "text/html", "Uzbekistan"},
		{"/chart/heatmap?indicator=fh-fiw", "text/html", "Freedom in the World"},
		{"/chart/scatter?indicator=wgi-rl,rsf&group=all", "text/html", "<table"},
		{"/chart/slope?indicator=fh-fiw&from=2014&to=2024", "text/html", "2014"},
		{"/embed/ranking?indicator=wjp&year=2020", "text/html", `<figure class="rk-chart"`},
		{"/chart/ranking.svg?indicator=rsf", "image/svg+xml", "<svg"},
		{"/chart/timeline.png?c=kaz,uzb&indicator=rsf", "image/png", "\x89PNG"},
	} {
		rec := get(t, c.url)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.ctype) || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d %s, want %s containing %q", c.url, rec.Code, rec.Header().Get("Content-Type"), c.ctype, c.want)
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, "frame-ancestors *") {
			t.Errorf("%s may not be framed: %s", c.url, csp)
		}
	}
	png := get(t, "/chart/ranking.png?indicator=rsf")
	img, err := pngDecode(png.Body.Bytes())
	if err != nil || img.Bounds().Dx() < 400 {
		t.Errorf("PNG: %v, %v", err, img)
	}
}

func TestOEmbed(t *testing.T) {
	// httptest requests are made to http://example.com.
	rec := get(t, "/oembed?url="+url.QueryEscape("http://example.com/chart/timeline?c=kaz,uzb&indicator=rsf")+"&maxwidth=600")
	var doc map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	html, _ := doc["html"].(string)
	if doc["type"] != "rich" || doc["version"] != "1.0" || doc["width"] != float64(600) ||
		!strings.Contains(html, `<iframe src="http://example.com/embed/timeline?c=kaz,uzb&amp;indicator=rsf"`) {
		t.Errorf("oEmbed = %v", doc)
	}
	if rec := get(t, "/oembed?url="+url.QueryEscape("http://example.com/embed/ranking/rsf")); rec.Code != 200 ||
		!strings.Contains(rec.Body.String(), `src=\"http://example.com/embed/ranking?indicator=rsf\"`) {
		t.Errorf("the path form of an embed: %d %s", rec.Code, rec.Body)
	}
	for _, c := range []struct {
		url    string
		status int
	}{
		{"/oembed", 400},
		{"/oembed?url=ftp://x/chart/ranking", 400},
		{"/oembed?url=" + url.QueryEscape("http://example.com/chart/pie?indicator=rsf"), 400},
		{"/oembed?url=" + url.QueryEscape("http://example.com/chart/ranking?indicator=rsf") + "&maxwidth=huge", 400},
		{"/oembed?url=" + url.QueryEscape("http://example.com/chart/ranking?indicator=rsf") + "&format=xml", 501},
		{"/oembed?url=" + url.QueryEscape("https://x/chart/ranking?indicator=rsf"), 404},
		{"/oembed?url=" + url.QueryEscape("http://example.com/compare?c=kaz,uzb"), 404},
	} {
		if r := get(t, c.url); r.Code != c.status {
			t.Errorf("%s: %d, want %d", c.url, r.Code, c.status)
		}
	}
}

func TestChartBadInput(t *testing.T) {
	for _, c := range []struct{ url, param, msg string }{
		{"/chart/pie?indicator=rsf", "kind", "unknown chart kind"},
		{"/embed/ranking?indicator=nope", "indicator", "unknown indicator"},
		{"/chart/ranking.gif?indicator=rsf", "format", "unknown chart format"},
		{"/chart/timeline?c=atlantis&indicator=rsf", "c", "unknown country"},
		{"/chart/slope?indicator=rsf&from=2024&to=2014", "from", "after to"},
		{"/chart/timeline?c=kaz&indicator=rsf&percentile=maybe", "percentile", "true or false"},
		{"/chart/scatter?indicator=rsf", "indicator", "two indicators"},
	} {
		rec := get(t, c.url)
		var body apiError
		json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != 400 || body.Error.Param != c.param || !strings.Contains(body.Error.Message, c.msg) {
			t.Errorf("%s: %d %+v; want 400 on %s with %q", c.url, rec.Code, body.Error, c.param, c.msg)
		}
	}
}

func pngDecode(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
