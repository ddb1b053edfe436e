package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// citeGet asks the test server for target. It does not check the answer
// against the OpenAPI description (get does), so that this test covers the
// route on its own.
func citeGet(t *testing.T, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	testServer().ServeHTTP(rec, req)
	// Every answer, the formats of reference managers included, as the
	// OpenAPI description has it.
	checkResponse(t, req, rec)
	return rec
}

func TestCiteRouteFormatsAndContentTypes(t *testing.T) {
	for _, c := range []struct {
		query, contentType, want string
	}{
		{"indicator=rsf", "application/json", `"key": "rsf-2026"`},
		{"indicator=rsf&format=json", "application/json", `"type": "dataset"`},
		{"indicator=rsf&format=bibtex", "application/x-bibtex", "@misc{rsf-2026,"},
		{"indicator=wgi-rl&format=ris&accessed=2026-05-03", "application/x-research-info-systems", "Y2  - 2026/05/03"},
		{"indicator=rsf&format=csl-json", "application/vnd.citationstyles.csl+json", `"type": "dataset"`},
		{"indicator=fh-fiw&year=2020&format=bibtex", "application/x-bibtex", "@misc{fh-fiw-2020,"},
		{"format=ris", "application/x-research-info-systems", "ID  - odihr"},
	} {
		rec := citeGet(t, "/api/v1/cite?"+c.query)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", c.query, rec.Code, rec.Body)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, c.contentType) {
			t.Errorf("%s: Content-Type %q, want %s", c.query, ct, c.contentType)
		}
		if !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: body lacks %q:\n%s", c.query, c.want, rec.Body)
		}
	}
}

func TestCiteRouteAgreesWithTheCLI(t *testing.T) {
	rec := citeGet(t, "/api/v1/cite?indicator=wgi-rl&accessed=2026-05-03")
	if got, want := rec.Body.String(), cliJSON(t, "cite", "wgi-rl", "--accessed", "2026-05-03", "--format", "json"); got != want {
		t.Errorf("the API's document differs from the CLI's:\n%s\nwant\n%s", got, want)
	}
}

func TestCiteRouteRefusesBadParameters(t *testing.T) {
	for _, c := range []struct{ query, param string }{
		{"indicator=rsf&colour=red", "colour"},
		{"indicator=rsff", "indicator"},
		{"indicator=rsf&format=xml", "format"},
		{"indicator=rsf&year=2011", "year"},
		{"indicator=rsf&accessed=yesterday", "accessed"},
		{"indicator=rsf&indicator=wjp", "indicator"},
	} {
		rec := citeGet(t, "/api/v1/cite?"+c.query)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", c.query, rec.Code)
			continue
		}
		var e apiError
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Errorf("%s: %v: %s", c.query, err, rec.Body)
			continue
		}
		if e.Error.Param != c.param || strings.Contains(e.Error.Message, "\n") {
			t.Errorf("%s: param %q message %q; want param %q and one line", c.query, e.Error.Param, e.Error.Message, c.param)
		}
	}
}
