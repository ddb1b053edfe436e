package server_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rankings-dev/rankings/internal/server"
)

// TestNoGzip: a server for a bake answers a client that accepts gzip with
// the same bytes, uncompressed, that a default server gives a client that
// does not; a default server compresses them.
func TestNoGzip(t *testing.T) {
	answer := func(s *server.Server, gzip bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/compare?c=kaz,uzb", nil)
		if gzip {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
		return rec
	}
	plain := answer(testServer(), false)
	if got := answer(testServer(), true).Header().Get("Content-Encoding"); got != "gzip" {
		t.Fatalf("a default server answers gzip with Content-Encoding %q", got)
	}
	baker := server.New(server.Options{Version: "test", EChartsJS: []byte("/* echarts */"), NoGzip: true})
	got := answer(baker, true)
	if enc := got.Header().Get("Content-Encoding"); enc != "" {
		t.Errorf("NoGzip answered with Content-Encoding %q", enc)
	}
	if !bytes.Equal(got.Body.Bytes(), plain.Body.Bytes()) {
		t.Errorf("NoGzip's page (%d bytes) is not the default server's uncompressed page (%d bytes)", got.Body.Len(), plain.Body.Len())
	}
}
