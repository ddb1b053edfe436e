package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/rankings-dev/rankings/internal/server"
)

// updateOpenAPI is the package's -update flag (make golden): it rewrites
// testdata/openapi.json.
var updateOpenAPI = flag.Bool("update", false, "rewrite testdata/openapi.json after an intended change of the API")

var (
	specOnce   sync.Once
	specBody   []byte
	specDoc    *openapi3.T
	specRouter routers.Router
	specErr    error
)

// apiSpec is the OpenAPI description the test server serves, validated as
// OpenAPI 3.1 (examples included), with a router over its operations.
func apiSpec(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	specOnce.Do(func() {
		rec := httptest.NewRecorder()
		testServer().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
		if rec.Code != http.StatusOK {
			specErr = fmt.Errorf("status %d: %s", rec.Code, rec.Body)
			return
		}
		specBody = rec.Body.Bytes()
		loader := openapi3.NewLoader()
		if specDoc, specErr = loader.LoadFromData(specBody); specErr != nil {
			return
		}
		if specErr = specDoc.Validate(loader.Context, openapi3.EnableExamplesValidation()); specErr != nil {
			return
		}
		specRouter, specErr = gorillamux.NewRouter(specDoc)
	})
	if specErr != nil {
		t.Fatalf("/api/v1/openapi.json: %v", specErr)
	}
	return specDoc, specRouter
}

// checkResponse validates the response rec that the service gave to req
// against the OpenAPI description: status, content type and body, for
// every /api/v1/ operation it describes. A 200 from an /api/v1/ address it
// does not describe is an error too.
func checkResponse(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	if err := responseError(t, req, rec); err != nil {
		t.Errorf("%s: the response (%d) does not match the OpenAPI description: %v", req.URL, rec.Code, err)
	}
}

// responseError is checkResponse's check.
func responseError(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder) error {
	t.Helper()
	if req.Method != http.MethodGet || !strings.HasPrefix(req.URL.Path, "/api/v1/") {
		return nil
	}
	_, router := apiSpec(t)
	route, params, err := router.FindRoute(req)
	if err != nil {
		if rec.Code == http.StatusOK {
			return fmt.Errorf("no operation describes it: %v", err)
		}
		return nil
	}
	body := rec.Body.Bytes()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err == nil {
			body, err = io.ReadAll(zr)
		}
		if err != nil {
			return err
		}
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(context.Background(), in)
}

// TestCheckResponseCatchesAMismatch checks the check: a document with a
// field of the wrong type, an undescribed status and an undescribed
// content type are each refused.
func TestCheckResponseCatchesAMismatch(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/api/v1/countries", nil)
	for _, c := range []struct {
		status      int
		contentType string
		body        string
	}{
		{200, "application/json", `{"group":"baltics","countries":[{"iso3":1,"name":"Estonia"}]}`},
		{200, "application/json", `{"group":"baltics"}`},
		{418, "application/json", `{"group":"baltics","countries":[]}`},
		{200, "text/html", `<p>`},
		{400, "application/json", `{"message":"no"}`},
	} {
		rec := httptest.NewRecorder()
		rec.Header().Set("Content-Type", c.contentType)
		rec.WriteHeader(c.status)
		rec.WriteString(c.body)
		if err := responseError(t, req, rec); err == nil {
			t.Errorf("%d %s %s: accepted", c.status, c.contentType, c.body)
		}
	}
}

// TestOpenAPIValidates checks the served description as OpenAPI 3.1 and
// what a client generator relies on: an operationId for each operation, a
// JSON schema and a CSV form of each answer, the error body for 400, the
// request's origin as the server and no security.
func TestOpenAPIValidates(t *testing.T) {
	doc, _ := apiSpec(t)
	if !doc.IsOpenAPI31OrLater() {
		t.Errorf("openapi %s, want 3.1", doc.OpenAPI)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "http://example.com" {
		t.Errorf("servers %v, want the request's origin http://example.com", doc.Servers)
	}
	var raw map[string]any
	if err := json.Unmarshal(specBody, &raw); err != nil {
		t.Fatal(err)
	}
	if sec, ok := raw["security"].([]any); !ok || len(sec) != 0 {
		t.Errorf("security %v, want []", raw["security"])
	}
	ids := map[string]string{}
	for path, item := range doc.Paths.Map() {
		op := item.Get
		if op == nil || op.OperationID == "" {
			t.Errorf("%s: no GET operation with an operationId", path)
			continue
		}
		if other, ok := ids[op.OperationID]; ok {
			t.Errorf("operationId %s of both %s and %s", op.OperationID, path, other)
		}
		ids[op.OperationID] = path
		ok := op.Responses.Value("200")
		if ok == nil || ok.Value.Content.Get("application/json") == nil {
			t.Errorf("%s: no JSON answer described", path)
			continue
		}
		// Documents have a CSV form; the citations have the formats of
		// reference managers instead.
		if path == "/api/v1/cite" {
			for _, ct := range []string{"application/x-bibtex", "application/x-research-info-systems", "application/vnd.citationstyles.csl+json"} {
				if ok.Value.Content.Get(ct) == nil {
					t.Errorf("%s: no %s answer described", path, ct)
				}
			}
		} else if path != "/api/v1/openapi.json" && ok.Value.Content.Get("text/csv") == nil {
			t.Errorf("%s: no text/csv answer described", path)
		}
		if bad := op.Responses.Value("400"); bad == nil || bad.Value.Content.Get("application/json").Schema.Ref != "#/components/schemas/ErrorDocument" {
			t.Errorf("%s: 400 is not the error body", path)
		}
	}
	for _, route := range []string{"compare", "rank", "trend", "series", "elections", "correlate", "countries", "indicators", "sources", "cite"} {
		if doc.Paths.Value("/api/v1/"+route) == nil {
			t.Errorf("/api/v1/%s is not described", route)
		}
	}

	// Behind a proxy the server is the public URL, whatever the request.
	pub := server.New(server.Options{Version: "test", PublicURL: "https://rankings.example.org"})
	rec := serveOn(pub, "/api/v1/openapi.json")
	var d struct {
		Servers []struct{ URL string } `json:"servers"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || len(d.Servers) != 1 || d.Servers[0].URL != "https://rankings.example.org" {
		t.Errorf("with --public-url: servers %v (%v)", d.Servers, err)
	}
}

// TestOpenAPIGolden compares the served description with
// testdata/openapi.json (rewritten with -update). An operation or a
// parameter that the golden has and the description lost fails even with
// -update, as does a field of a document (docs.TestSchemaGolden): /api/v1
// changes only by additions.
func TestOpenAPIGolden(t *testing.T) {
	apiSpec(t)
	const golden = "testdata/openapi.json"
	want, err := os.ReadFile(golden)
	if err != nil && !*updateOpenAPI {
		t.Fatal(err)
	}
	if err == nil {
		for _, p := range lostOperations(t, want, specBody) {
			t.Error(p)
		}
		if t.Failed() {
			t.Fatal("/api/v1 changes only by additions: keep the operation and its parameters, or make the change /api/v2")
		}
	}
	if bytes.Equal(want, specBody) {
		return
	}
	if *updateOpenAPI {
		if err := os.WriteFile(golden, specBody, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("/api/v1/openapi.json differs from %s: review the change and run go test ./internal/server -run OpenAPIGolden -update", golden)
}

// lostOperations lists the operations, and the parameters of operations,
// that the description old has and cur has not, and the parameters cur
// requires that old did not.
func lostOperations(t *testing.T, old, cur []byte) []string {
	t.Helper()
	type param struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
	}
	type spec struct {
		Paths map[string]struct {
			Get *struct {
				OperationID string  `json:"operationId"`
				Parameters  []param `json:"parameters"`
			} `json:"get"`
		} `json:"paths"`
	}
	var o, c spec
	if err := json.Unmarshal(old, &o); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(cur, &c); err != nil {
		t.Fatal(err)
	}
	var out []string
	for path, item := range o.Paths {
		ci, ok := c.Paths[path]
		if !ok || ci.Get == nil {
			out = append(out, fmt.Sprintf("operation GET %s was removed", path))
			continue
		}
		if ci.Get.OperationID != item.Get.OperationID {
			out = append(out, fmt.Sprintf("operation GET %s was renamed from %s to %s", path, item.Get.OperationID, ci.Get.OperationID))
		}
		for _, p := range item.Get.Parameters {
			i := slices.IndexFunc(ci.Get.Parameters, func(q param) bool { return q.Name == p.Name && q.In == p.In })
			if i < 0 {
				out = append(out, fmt.Sprintf("parameter %s of GET %s was removed", p.Name, path))
			}
		}
		for _, q := range ci.Get.Parameters {
			i := slices.IndexFunc(item.Get.Parameters, func(p param) bool { return q.Name == p.Name && q.In == p.In })
			if q.Required && (i < 0 || !item.Get.Parameters[i].Required) {
				out = append(out, fmt.Sprintf("parameter %s of GET %s is now required", q.Name, path))
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestEveryOperationAnswersItsExample requests each operation's example
// query and validates the answer, JSON and CSV, so that every route is
// checked against its description even where no other test asks it.
func TestEveryOperationAnswersItsExample(t *testing.T) {
	doc, _ := apiSpec(t)
	for path, item := range doc.Paths.Map() {
		target := path
		var q []string
		for _, p := range item.Get.Parameters {
			v := p.Value
			switch {
			case v.In == "path":
				target = strings.Replace(target, "{"+v.Name+"}", fmt.Sprint(v.Example), 1)
			case v.In == "query" && v.Required:
				q = append(q, v.Name+"="+fmt.Sprint(v.Example))
			}
		}
		formats := []string{"", "csv"}
		switch path {
		case "/api/v1/openapi.json":
			formats = []string{""}
		case "/api/v1/cite":
			formats = []string{"", "bibtex", "ris", "csl-json"}
		}
		for _, format := range formats {
			qs := slices.Clone(q)
			if format != "" {
				qs = append(qs, "format="+format)
			}
			u := target
			if len(qs) > 0 {
				u += "?" + strings.Join(qs, "&")
			}
			if rec := get(t, u); rec.Code != http.StatusOK {
				t.Errorf("%s: status %d: %s", u, rec.Code, rec.Body)
			}
		}
	}
}

func init() {
	// The citations' text formats are strings to the validator, as text/csv
	// is.
	for _, ct := range []string{"application/x-bibtex", "application/x-research-info-systems"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
	}
	openapi3filter.RegisterBodyDecoder("application/vnd.citationstyles.csl+json", openapi3filter.JSONBodyDecoder)
}
