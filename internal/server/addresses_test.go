package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/server"
)

// TestAddressesLeadToTheRightAnswer: a server that has answered an
// address before answers it again from its cache, and every input an
// answer depends on (the /ru prefix, lang, Accept-Language, the Host
// oEmbed answers for, HEAD) still gives its own answer: each request, in
// an order that fills the address cache first, gets the bytes a fresh
// server gives it.
func TestAddressesLeadToTheRightAnswer(t *testing.T) {
	type req struct{ method, target, lang, host string }
	embed := "/embed/timeline?c=kaz,uzb&indicator=rsf"
	reqs := []req{
		{"GET", "/compare/KAZ,UZB", "", ""},
		{"GET", "/compare/KAZ,UZB", "ru", ""},
		{"GET", "/ru/compare/KAZ,UZB", "", ""},
		{"GET", "/compare/KAZ,UZB?lang=ru", "", ""},
		{"HEAD", "/compare/KAZ,UZB", "", ""},
		{"GET", embed, "", ""},
		{"GET", embed, "ru-RU,ru;q=0.9", ""},
		{"GET", "/oembed?url=http://a.example" + strings.ReplaceAll(embed, "&", "%26"), "", "a.example"},
		{"GET", "/oembed?url=http://a.example" + strings.ReplaceAll(embed, "&", "%26"), "", "b.example"},
		{"GET", "/api/v1/compare?countries=kaz,uzb", "", ""},
		{"GET", "/api/v1/compare?countries=uzb,kaz", "", ""},
	}
	do := func(s *server.Server, q req) *httptest.ResponseRecorder {
		r := httptest.NewRequest(q.method, q.target, nil)
		if q.lang != "" {
			r.Header.Set("Accept-Language", q.lang)
		}
		if q.host != "" {
			r.Host = q.host
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		return rec
	}
	warm := server.New(server.Options{Version: "test", EChartsJS: []byte("/* echarts */")})
	for _, q := range reqs {
		do(warm, q)
	}
	for i := range 2 {
		for _, q := range reqs {
			fresh := do(server.New(server.Options{Version: "test", EChartsJS: []byte("/* echarts */")}), q)
			got := do(warm, q)
			if got.Code != fresh.Code || got.Body.String() != fresh.Body.String() ||
				got.Header().Get("Content-Language") != fresh.Header().Get("Content-Language") {
				t.Errorf("round %d, %+v: %d %q…, a fresh server gives %d %q…", i, q, got.Code, head(got.Body.String()), fresh.Code, head(fresh.Body.String()))
			}
		}
	}
	if got := do(warm, req{"GET", "/oembed?url=http://a.example" + strings.ReplaceAll(embed, "&", "%26"), "", "b.example"}); got.Code == http.StatusOK {
		t.Errorf("oEmbed for another origin's page answered 200 from the cache")
	}
}

func head(s string) string { return s[:min(len(s), 80)] }
