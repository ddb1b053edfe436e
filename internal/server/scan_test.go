package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
)

// scanPages are pages the site renders, whose links and scripts the
// scanners must find as the expressions they replace do, and edge cases.
func scanPages(t *testing.T) [][]byte {
	t.Helper()
	s := New(Options{Version: "scan", EChartsJS: []byte("/* echarts */")})
	var pages [][]byte
	for _, p := range []string{"/", "/compare?c=kaz,uzb", "/ru/compare?c=kaz,uzb", "/chart/timeline?c=kaz,uzb&indicator=rsf",
		"/embed/map?indicator=fh-fiw", "/country/KAZ", "/indicator/rsf", "/elections?c=kaz"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", p, rec.Code)
		}
		pages = append(pages, rec.Body.Bytes())
	}
	for _, p := range []string{
		``, `href="/a"`, ` href="/a"`, "\thref=\"/a?b=1\"\nsrc=\"x.png\"", ` href="/a`, ` href="/a" src="`, `  href=""`,
		` xhref="/a" data-src="/b"`, ` HREF="/a"`, ` href='/a'`, ` href= "/a"`, ` src="/a"href="/b" href="/c"`,
		`<script></script>`, `<script>a</script><script>b</script>`, `<script>a<script>b</script>`, `<script>open`,
		`<script type="module">x</script><script>y</script>`, `</script><script>z</script></script>`,
	} {
		pages = append(pages, []byte(p))
	}
	return pages
}

// TestReplaceLinksIsTheExpression: replaceLinks finds and replaces exactly
// what the expression it stands for does, on the site's pages.
func TestReplaceLinksIsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`(\s(?:href|src)=)"([^"]*)"`)
	mark := func(attr, value []byte) []byte {
		return append(append(append([]byte("["), attr...), '|'), append(value, ']')...)
	}
	for i, page := range scanPages(t) {
		want := re.ReplaceAllFunc(page, func(m []byte) []byte {
			sub := re.FindSubmatch(m)
			return mark(sub[1], sub[2])
		})
		got := replaceLinks(page, func(m, attr, value []byte) []byte {
			if !bytes.Equal(m, append(append(append([]byte{}, attr...), '"'), append(value, '"')...)) {
				t.Errorf("page %d: match %q is not attr %q and value %q in quotes", i, m, attr, value)
			}
			return mark(attr, value)
		})
		if !bytes.Equal(got, want) {
			t.Errorf("page %d (%.60q): replaceLinks gives a different page from the expression", i, page)
		}
		if n := bytes.Count(want, []byte("|")) - bytes.Count(page, []byte("|")); i < 8 && n < 3 {
			t.Errorf("page %d: only %d links found; the test's pages should have many", i, n)
		}
	}
}

// TestInlineScriptsIsTheExpression: inlineScripts finds what the
// expression it stands for finds.
func TestInlineScriptsIsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	for i, page := range scanPages(t) {
		var want [][]byte
		for _, m := range re.FindAllSubmatch(page, -1) {
			want = append(want, m[1])
		}
		got := inlineScripts(page)
		if len(got) != len(want) {
			t.Errorf("page %d (%.60q): %d scripts, the expression finds %d", i, page, len(got), len(want))
			continue
		}
		for k := range got {
			if !bytes.Equal(got[k], want[k]) {
				t.Errorf("page %d script %d: %.80q, the expression finds %.80q", i, k, got[k], want[k])
			}
		}
	}
}
