package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"html"
	"mime"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/server"
)

// TestChartDownloads: every format of a chart answers with its content
// type and a file name that says what it is; the CSV holds the chart's
// tables after its source and citation; an unknown format is one line and
// a 400.
func TestChartDownloads(t *testing.T) {
	for _, c := range []struct{ path, ctype, disposition, file string }{
		{"/chart/timeline.png?c=kaz,uzb&indicator=rsf", "image/png", "inline", "timeline-rsf-kaz-uzb-2026.png"},
		{"/chart/timeline.svg?c=kaz,uzb&indicator=rsf", "image/svg+xml", "inline", "timeline-rsf-kaz-uzb-2026.svg"},
		{"/chart/timeline.pdf?c=kaz,uzb&indicator=rsf", "application/pdf", "inline", "timeline-rsf-kaz-uzb-2026.pdf"},
		{"/chart/timeline.csv?c=kaz,uzb&indicator=rsf", "text/csv; charset=utf-8", "attachment", "timeline-rsf-kaz-uzb-2026.csv"},
		{"/chart/ranking/rsf.csv?year=2020", "text/csv; charset=utf-8", "attachment", "ranking-rsf-post-soviet-2020.csv"},
		{"/chart/ranking/rsf.pdf", "application/pdf", "inline", "ranking-rsf-post-soviet-2026.pdf"},
	} {
		rec := get(t, c.path)
		if rec.Code != 200 {
			t.Errorf("%s: %d %s", c.path, rec.Code, rec.Body)
			continue
		}
		if got := rec.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		d, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
		if err != nil || d != c.disposition || params["filename"] != c.file {
			t.Errorf("%s: Content-Disposition %q, want %s; filename=%s", c.path, rec.Header().Get("Content-Disposition"), c.disposition, c.file)
		}
	}
	for _, sig := range []struct{ path, magic string }{
		{"/chart/slope.pdf?indicator=fh-fiw&from=2014&to=2024", "%PDF-"},
		{"/chart/slope.png?indicator=fh-fiw&from=2014&to=2024", "\x89PNG"},
	} {
		if b := get(t, sig.path).Body.String(); !strings.HasPrefix(b, sig.magic) {
			t.Errorf("%s does not start with %q", sig.path, sig.magic)
		}
	}

	// The CSV: the source and citation first, then exactly the tables.
	body := get(t, "/chart/timeline.csv?c=kaz,uzb&indicator=rsf").Body.String()
	lines := strings.Split(body, "\n")
	if !strings.HasPrefix(lines[0], "# RSF World Press Freedom Index") || !strings.HasPrefix(lines[1], "# Source: Reporters Without Borders") ||
		!strings.HasPrefix(lines[2], "# Cite: ") {
		t.Errorf("the CSV does not open with title, source and citation:\n%s", strings.Join(lines[:3], "\n"))
	}
	r := csv.NewReader(strings.NewReader(body))
	r.Comment, r.FieldsPerRecord = '#', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	ch := buildChart(t, chartdata.Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: resolve(t, "kaz", "uzb")})
	want := 0
	for _, tb := range ch.Tables() {
		want += 1 + len(tb.Rows)
	}
	if len(recs) != want || recs[0][0] != "Year" && recs[0][0] != ch.Tables()[0].Header[0] {
		t.Errorf("the CSV has %d records (first %q), want %d: a header and the rows of each of the chart's tables", len(recs), recs[0], want)
	}

	rec := get(t, "/chart/timeline.gif?c=kaz&indicator=rsf")
	var e struct{ Error struct{ Message string } }
	json.Unmarshal(rec.Body.Bytes(), &e)
	if rec.Code != 400 || strings.Contains(e.Error.Message, "\n") || !strings.Contains(e.Error.Message, `"gif"`) {
		t.Errorf("unknown format: %d %q", rec.Code, e.Error.Message)
	}
}

// TestChartTools: chart pages, embeds and the charts of the site's pages
// offer the downloads and the embed code; the embed page posts its height
// from a script the policy allows by hash, and may be framed anywhere.
func TestChartTools(t *testing.T) {
	for _, path := range []string{"/chart/timeline?c=kaz,uzb&indicator=rsf", "/embed/timeline?c=kaz,uzb&indicator=rsf", "/compare?c=kaz,uzb", "/indicator/rsf"} {
		b := get(t, path).Body.String()
		for _, want := range []string{
			`href="/chart/timeline.png?c=KAZ,UZB&amp;indicator=rsf" download="timeline-rsf-kaz-uzb-2026.png">PNG</a>`,
			`>SVG</a>`, `>PDF</a>`, `>CSV</a>`, `<summary>Copy embed code</summary>`,
			`&lt;iframe src=&#34;/embed/timeline?c=KAZ,UZB&amp;amp;indicator=rsf&#34;`,
			`&lt;script src=&#34;/assets/embed.js&#34; async&gt;`,
		} {
			if strings.HasPrefix(path, "/indicator/") {
				want = strings.NewReplacer("timeline-rsf-kaz-uzb-2026", "ranking-rsf-post-soviet-2026", "timeline", "ranking",
					"c=KAZ,UZB&amp;indicator=rsf", "indicator=rsf&amp;year=2026", "c=KAZ,UZB&amp;amp;indicator=rsf", "indicator=rsf&amp;amp;year=2026").Replace(want)
			}
			if !strings.Contains(b, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
	}

	rec := get(t, "/embed/timeline?c=kaz,uzb&indicator=rsf")
	if rec.Header().Get("X-Frame-Options") != "" || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Errorf("an embed must be framable: %v", rec.Header())
	}
	csp := rec.Header().Get("Content-Security-Policy")
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1)
	if len(scripts) != 2 {
		t.Fatalf("the embed page has %d inline scripts, want the chart's and the height poster", len(scripts))
	}
	for _, m := range scripts {
		sum := sha256.Sum256([]byte(m[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, h) {
			t.Errorf("the policy %q does not allow the page's script %.80q", csp, m[1])
		}
	}
	if !strings.Contains(scripts[1][1], `"rankings:embed-height"`) || !strings.Contains(scripts[1][1], "ResizeObserver") {
		t.Errorf("the embed page does not post its height: %s", scripts[1][1])
	}

	js := get(t, "/assets/embed.js")
	if js.Code != 200 || js.Header().Get("Content-Type") != "application/javascript; charset=utf-8" ||
		!strings.Contains(js.Body.String(), "e.origin") || !strings.Contains(js.Body.String(), "e.source") {
		t.Errorf("/assets/embed.js: %d %s", js.Code, js.Header())
	}

	// With a public URL the embed code is absolute.
	pub := server.New(server.Options{PublicURL: "https://rankings.example.org", EChartsJS: []byte("/* echarts */")})
	b := serveOn(pub, "/chart/ranking?indicator=rsf").Body.String()
	i := strings.Index(b, "<textarea")
	code := html.UnescapeString(b[strings.Index(b[i:], ">")+i+1 : strings.Index(b, "</textarea>")])
	if !strings.HasPrefix(code, `<iframe src="https://rankings.example.org/embed/ranking?indicator=rsf"`) ||
		!strings.HasSuffix(code, `<script src="https://rankings.example.org/assets/embed.js" async></script>`) {
		t.Errorf("embed code with a public URL:\n%s", code)
	}
}

// resolve looks countries up in the embedded data.
func resolve(t *testing.T, names ...string) []indicators.Country {
	t.Helper()
	var out []indicators.Country
	for _, n := range names {
		c, err := datasets.Embedded().Registry().Resolve(n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// buildChart builds a chart from the embedded data as the server does.
func buildChart(t *testing.T, r chartdata.Request) *charts.Chart {
	t.Helper()
	spec, err := chartdata.Build(datasets.Embedded(), r)
	if err != nil {
		t.Fatal(err)
	}
	c, err := charts.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOEmbedSize: oEmbed gives the chart's own width and height, within
// maxwidth and maxheight.
func TestOEmbedSize(t *testing.T) {
	c := buildChart(t, chartdata.Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: resolve(t, "kaz")})
	for _, q := range []struct {
		extra string
		w, h  int
	}{{"", c.Width, c.Height}, {"&maxwidth=600&maxheight=300", 600, 300}} {
		rec := get(t, "/oembed?url="+url.QueryEscape("http://example.com/chart/timeline?c=kaz&indicator=rsf")+q.extra)
		var doc struct {
			Width, Height int
			HTML          string
		}
		if err := json.NewDecoder(bytes.NewReader(rec.Body.Bytes())).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if doc.Width != q.w || doc.Height != q.h || !strings.Contains(doc.HTML, `/assets/embed.js`) ||
			!strings.Contains(doc.HTML, `data-rankings-embed="`+c.ID+`"`) {
			t.Errorf("oEmbed%s = %d×%d %s, want %d×%d with the resizing script", q.extra, doc.Width, doc.Height, doc.HTML, q.w, q.h)
		}
	}
}
