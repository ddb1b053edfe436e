package server_test

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

var (
	errorMessageRE = regexp.MustCompile(`<p class="error-message"([^>]*)>([^<]*)</p>`)
	errorAttrRE    = regexp.MustCompile(`data-(code|param|value)="([^"]*)"`)
)

// errorOf reads the error a response answers with: the JSON document of
// the API, or what an HTML error page states (its message, and the code,
// parameter and value it carries as data attributes).
func errorOf(rec *httptest.ResponseRecorder) (apiError, error) {
	var body apiError
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		err := json.Unmarshal(rec.Body.Bytes(), &body)
		return body, err
	}
	m := errorMessageRE.FindStringSubmatch(rec.Body.String())
	if m == nil {
		return body, fmt.Errorf("an HTML page with no error message")
	}
	body.Error.Message = html.UnescapeString(m[2])
	for _, a := range errorAttrRE.FindAllStringSubmatch(m[1], -1) {
		v := html.UnescapeString(a[2])
		switch a[1] {
		case "code":
			body.Error.Code = v
		case "param":
			body.Error.Param = v
		case "value":
			body.Error.Value = v
		}
	}
	return body, nil
}

// TestErrorPages: a page's errors are HTML pages with the status and the
// one-line message of the JSON error, each suggestion as a link to the
// corrected address, and the way back to the start page; the API, and a
// client that asks for JSON only, still get JSON.
func TestErrorPages(t *testing.T) {
	for _, c := range []struct {
		url     string
		status  int
		message string
		links   []string // corrected addresses the page links to
	}{
		{"/country/kazakstn", 400, `unknown country "kazakstn" — did you mean Kazakhstan?`, []string{`<a href="/country/KAZ">Kazakhstan</a>`}},
		{"/compare?c=kaz,uzbekstan", 400, `did you mean Uzbekistan?`, []string{`<a href="/compare?c=kaz,UZB">Uzbekistan</a>`}},
		{"/compare/kaz,uzbekstan?year=2020", 400, `did you mean Uzbekistan?`, []string{`<a href="/compare/kaz,UZB?year=2020">Uzbekistan</a>`}},
		{"/elections/KAZ,kyrgystan", 400, `did you mean Kyrgyzstan or`, []string{`Try one of these instead:`, `<li><a href="/elections/KAZ,KGZ">Kyrgyzstan</a></li>`}},
		{"/compare?c=kaz,uzb&yaer=2020", 400, `unknown parameter "yaer"`, []string{
			`Try the parameter <a href="/compare?c=kaz,uzb&amp;year=2020">year</a> instead.`,
			`<a href="/compare?c=kaz,uzb">Open the address without yaer</a>`}},
		{"/country/KAZ?utm_source=x", 400, `unknown parameter "utm_source": this address takes none but lang (en or ru), so drop it`, []string{`<a href="/country/KAZ">Open the address without utm_source</a>`}},
		{"/compare/kaz,uzb?c=kaz", 400, `already given by the path`, []string{`<a href="/compare/kaz,uzb">`}},
		{"/compare?c=kaz,uzb&year=1800", 400, `year must be a year such as 2023, not "1800"`, []string{`<a href="/compare?c=kaz,uzb">Show the latest figures instead</a>`}},
		{"/indicator/rsf/1990", 400, `the data starts in 2002`, []string{`<a href="/indicator/rsf">Show the latest figures instead</a>`}},
		{"/compare?c=kaz,uzb&indicator=rsff", 400, `unknown indicator "rsff"`, []string{`<a href="/compare?c=kaz,uzb&amp;indicator=rsf">rsf</a>`}},
		{"/indicator/rsff", 400, `unknown indicator "rsff"`, []string{`<a href="/indicator/rsf">rsf</a>`}},
		{"/indicator/rsf?group=centralasia", 400, `unknown group "centralasia"`, []string{`<li><a href="/indicator/rsf?group=central-asia">central-asia</a></li>`}},
		{"/compare?c=kaz", 400, `needs at least 2 countries`, nil},
		{"/no/such/page", 404, `no page at /no/such/page`, nil},
	} {
		rec := get(t, c.url)
		body := rec.Body.String()
		if rec.Code != c.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s, want %d and an HTML page", c.url, rec.Code, rec.Header().Get("Content-Type"), c.status)
			continue
		}
		e, err := errorOf(rec)
		if err != nil || !strings.Contains(e.Error.Message, c.message) || strings.Contains(e.Error.Message, "\n") {
			t.Errorf("%s: message %q (%v), want one line with %q", c.url, e.Error.Message, err, c.message)
		}
		for _, l := range append(c.links, `<a href="/">Back to the start page</a>`) {
			if !strings.Contains(body, l) {
				t.Errorf("%s: no %s in\n%s", c.url, l, body)
			}
		}
		if rec.Header().Get("Cache-Control") != "no-store" || !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept") {
			t.Errorf("%s: Cache-Control %q, Vary %q", c.url, rec.Header().Get("Cache-Control"), rec.Header().Values("Vary"))
		}
	}

	// JSON for the API, whatever the client accepts, and for a page when
	// the client asks for JSON and not for HTML.
	for _, c := range []struct{ url, accept string }{
		{"/api/v1/series?country=kazakstn", "text/html"},
		{"/api/v1/compare/kaz,uzbekstan.json", ""},
		{"/country/kazakstn", "application/json"},
	} {
		rec := get(t, c.url, "Accept", c.accept)
		var doc apiError
		if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || rec.Code != 400 || doc.Error.Code != "not_found" {
			t.Errorf("%s (Accept %q): %d %s, want a JSON error", c.url, c.accept, rec.Code, rec.Body)
		}
	}
	if rec := get(t, "/country/kazakstn", "Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"); !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("a browser's Accept got %s", rec.Header().Get("Content-Type"))
	}

	// Other methods: 405 as a page, with Allow.
	rec := httptest.NewRecorder()
	testServer().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/compare?c=kaz,uzb", nil))
	if e, _ := errorOf(rec); rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" || !strings.Contains(e.Error.Message, "only GET and HEAD") {
		t.Errorf("POST /compare: %d %q %+v", rec.Code, rec.Header().Get("Allow"), e)
	}

	// What the page echoes is text, never markup.
	rec = get(t, "/country/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
	if strings.Contains(rec.Body.String(), "<script>alert") || rec.Code != 400 {
		t.Errorf("the error page echoes markup: %d %s", rec.Code, rec.Body)
	}
}
