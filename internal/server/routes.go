package server

import (
	"net/http"
	"net/url"
	"strings"
)

// pathRoute serves a path form such as /api/v1/series/kaz.json as the
// query form /api/v1/series?country=kaz. The value of the path variable
// (without a .json suffix) becomes parameter param; other query parameters
// are kept and validated as usual.
func (s *Server) pathRoute(target, param, pathVar string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, ok := pathQuery(w, r, param)
		if !ok {
			return
		}
		if param != "" {
			v := strings.TrimSuffix(r.PathValue(pathVar), ".json")
			q.Set(param, v)
		}
		path := target
		if strings.Contains(target, "{id}") {
			path = strings.Replace(target, "{id}", url.PathEscape(r.PathValue("id")), 1)
		}
		s.forward(w, r, path, q)
	}
}

// chartPath serves /embed/{kind}/{indicator} and
// /chart/{kind}/{indicator}[.svg|.png] as the query forms with
// ?indicator=…, so that baked copies have a file per chart.
func (s *Server) chartPath(prefix string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ext := r.PathValue("id"), ""
		if i := strings.LastIndexByte(id, '.'); i >= 0 {
			id, ext = id[:i], id[i:]
		}
		if ext == ".html" {
			ext = ""
		}
		q, ok := pathQuery(w, r, "indicator")
		if !ok {
			return
		}
		q.Set("indicator", id)
		r2 := r.Clone(r.Context())
		r2.URL.Path, r2.URL.RawPath, r2.URL.RawQuery = prefix+r.PathValue("kind")+ext, "", q.Encode()
		s.mux.ServeHTTP(w, r2)
	}
}

// rankPath serves /api/v1/rank/{id}/{year}.json.
func (s *Server) rankPath(w http.ResponseWriter, r *http.Request) {
	q, ok := pathQuery(w, r, "indicator", "year")
	if !ok {
		return
	}
	q.Set("indicator", r.PathValue("id"))
	q.Set("year", strings.TrimSuffix(r.PathValue("year"), ".json"))
	s.forward(w, r, "/api/v1/rank", q)
}

// pathQuery parses the query of a path form, refusing a malformed query
// and the parameters the path itself gives, which the query would
// otherwise silently lose.
func pathQuery(w http.ResponseWriter, r *http.Request, fromPath ...string) (url.Values, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		fail(w, invalid("", r.URL.RawQuery, "the query string is malformed: %v", err))
		return nil, false
	}
	for _, p := range fromPath {
		if p != "" && q.Has(p) {
			fail(w, unwantedParam(invalid(p, q.Get(p), "parameter %q is already given by the path %s: drop it from the query", p, r.URL.Path)))
			return nil, false
		}
	}
	return q, true
}

func (s *Server) forward(w http.ResponseWriter, r *http.Request, path string, q url.Values) {
	r2 := r.Clone(r.Context())
	r2.URL.Path, r2.URL.RawPath, r2.URL.RawQuery = path, "", q.Encode()
	s.mux.ServeHTTP(w, r2)
}

// static wraps a route that takes no parameters and whose answer is the
// same for every request: any parameter is refused, and the answer is
// cached under its path alone.
func (s *Server) static(h http.HandlerFunc) http.HandlerFunc {
	return s.pageHandler(nil, func(w http.ResponseWriter, r *http.Request, q *query) {
		if q.ready(s.cache) {
			return
		}
		h(w, r)
	})
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.pageHandler([]string{langParam}, s.index))
	m.HandleFunc("GET /compare", s.pageHandler([]string{"c", "indicator", "year", langParam}, s.comparePage))
	m.HandleFunc("GET /country/{iso3}", s.pageHandler([]string{langParam}, s.countryPage))
	m.HandleFunc("GET /indicator/{id}", s.pageHandler([]string{"year", "group", langParam}, s.indicatorPage))
	m.HandleFunc("GET /elections", s.pageHandler([]string{"c", langParam}, s.electionsPage))

	m.HandleFunc("GET /api/v1/countries", s.api([]string{"group", langParam}, s.apiCountries))
	m.HandleFunc("GET /api/v1/indicators", s.api([]string{langParam}, s.apiIndicators))
	m.HandleFunc("GET /api/v1/sources", s.api([]string{langParam}, s.apiSources))
	m.HandleFunc("GET /api/v1/series", s.api([]string{"country", "indicator", "from", "to"}, s.apiSeries))
	m.HandleFunc("GET /api/v1/compare", s.api([]string{"countries", "indicator", "year", "since", "group"}, s.apiCompare))
	m.HandleFunc("GET /api/v1/rank", s.api([]string{"indicator", "year", "group"}, s.apiRank))
	m.HandleFunc("GET /api/v1/trend", s.api([]string{"country", "indicator", "from", "to"}, s.apiTrend))
	m.HandleFunc("GET /api/v1/elections", s.api([]string{"country"}, s.apiElections))
	m.HandleFunc("GET /api/v1/cite", s.cite)
	m.HandleFunc("GET /api/v1/correlate", s.api([]string{"year", "group", "indicator"}, s.apiCorrelate))
	m.HandleFunc("GET /api/v1/openapi.json", s.pageHandler(nil, s.openAPI))

	// Path equivalents of the query-string routes, for links that work on a
	// baked, static copy of the site.
	m.HandleFunc("GET /compare/{codes}", s.pathRoute("/compare", "c", "codes"))
	m.HandleFunc("GET /indicator/{id}/{year}", s.pathRoute("/indicator/{id}", "year", "year"))
	m.HandleFunc("GET /elections/{codes}", s.pathRoute("/elections", "c", "codes"))
	m.HandleFunc("GET /api/v1/countries.json", s.pathRoute("/api/v1/countries", "", ""))
	m.HandleFunc("GET /api/v1/indicators.json", s.pathRoute("/api/v1/indicators", "", ""))
	m.HandleFunc("GET /api/v1/sources.json", s.pathRoute("/api/v1/sources", "", ""))
	m.HandleFunc("GET /api/v1/series/{code}", s.pathRoute("/api/v1/series", "country", "code"))
	m.HandleFunc("GET /api/v1/elections/{code}", s.pathRoute("/api/v1/elections", "country", "code"))
	m.HandleFunc("GET /api/v1/compare/{codes}", s.pathRoute("/api/v1/compare", "countries", "codes"))
	m.HandleFunc("GET /api/v1/rank/{id}/{year}", s.rankPath)
	m.HandleFunc("GET /embed/{kind}/{id}", s.chartPath("/embed/"))
	m.HandleFunc("GET /chart/{kind}/{id}", s.chartPath("/chart/"))

	m.HandleFunc("GET /chart/{kind}", s.pageHandler(chartParams, s.chartPage))
	m.HandleFunc("GET /embed/{kind}", s.pageHandler(chartParams, s.embedPage))
	m.HandleFunc("GET /oembed", s.pageHandler([]string{"url", "maxwidth", "maxheight", "format"}, s.oEmbed))

	m.HandleFunc("GET /healthz", s.static(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write([]byte(`{"status":"ok"}` + "\n"))
	}))
	m.HandleFunc("GET /favicon.ico", s.static(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Header().Set("Cache-Control", "public, max-age=86400")
		w.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#0072b2"/></svg>`))
	}))
	m.HandleFunc("GET /assets/echarts.min.js", s.static(func(w http.ResponseWriter, r *http.Request) {
		if s.opts.EChartsJS == nil {
			writeError(w, http.StatusNotFound, nil404("no local ECharts copy: pages load it from "+s.opts.AssetHost), "path", r.URL.Path)
			return
		}
		w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Write(s.opts.EChartsJS)
	}))
	m.HandleFunc("GET /assets/embed.js", s.static(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write([]byte(embedJS))
	}))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, nil404("no page at "+r.URL.Path+": see / or /api/v1/openapi.json"), "path", r.URL.Path)
	})
}
