package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// bakedOpenAPI bakes the API description alone with s and returns the
// file's bytes and its servers and externalDocs URLs.
func bakedOpenAPI(t *testing.T, s *Server) (body []byte, server, docs string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := s.bakeTo(dir, []string{"/api/v1/openapi.json"}, 0, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(filepath.Join(dir, "api", "v1", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Servers      []struct{ URL string }
		ExternalDocs struct{ URL string }
	}
	if err := json.Unmarshal(body, &doc); err != nil || len(doc.Servers) != 1 {
		t.Fatalf("servers %v: %v", doc.Servers, err)
	}
	return body, doc.Servers[0].URL, doc.ExternalDocs.URL
}

// TestBakedOpenAPINamesNoHost: a copy baked without --public-url does not
// know where it will be hosted, so its API description names no host (a
// bake's requests used to give it httptest's example.com). Its server is
// the copy, relative to the description; the sources link resolves to a
// document the bake writes, wherever the copy is hosted; it is still a
// valid OpenAPI 3.1 description.
func TestBakedOpenAPINamesNoHost(t *testing.T) {
	body, server, docs := bakedOpenAPI(t, bakeServer())
	if strings.Contains(string(body), "example.com") || strings.Contains(string(body), "://localhost") {
		t.Error("the baked API description names a host")
	}
	if server != "../.." || docs != "api/v1/sources.json" {
		t.Fatalf("server %q, sources %q", server, docs)
	}
	at, _ := url.Parse("https://reports.example.org/rankings/api/v1/openapi.json")
	root := at.ResolveReference(&url.URL{Path: server})
	if got := root.ResolveReference(&url.URL{Path: docs}).String(); got != "https://reports.example.org/rankings/api/v1/sources.json" {
		t.Errorf("the sources link resolves to %s", got)
	}
	paths, err := bakeServer().BakePaths()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(paths, "/"+docs) {
		t.Errorf("the bake does not write /%s", docs)
	}
	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromData(body)
	if err == nil {
		err = spec.Validate(loader.Context)
	}
	if err != nil {
		t.Errorf("the baked description: %v", err)
	}
}

// TestBakedOpenAPIPublicURL: with --public-url the copy's description
// names that service, which answers the queries a static copy cannot.
func TestBakedOpenAPIPublicURL(t *testing.T) {
	s := New(Options{Version: "test", NoGzip: true, PublicURL: "https://rankings.example.org/"})
	_, server, docs := bakedOpenAPI(t, s)
	if server != "https://rankings.example.org" || docs != "https://rankings.example.org/api/v1/sources" {
		t.Errorf("server %q, sources %q", server, docs)
	}
}
