// Package server is the rankings web service: server-rendered comparison
// pages, a JSON API whose documents are exactly the CLI's --format json
// output (both come from internal/docs), embeddable charts, and a baker
// that writes the whole site as static files.
package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// Options configure the service.
type Options struct {
	Store *datasets.Store
	// Logger receives one structured line per request; nil discards.
	Logger *slog.Logger
	// EChartsJS is a local copy of echarts.min.js, served at
	// /assets/echarts.min.js. When it is nil, pages load ECharts from
	// AssetHost.
	EChartsJS []byte
	// AssetHost is the public host pages load ECharts from when there is
	// no local copy (e.g. https://cdn.jsdelivr.net).
	AssetHost string
	// Version identifies the build and data; it is part of every ETag.
	Version string
}

// DefaultAssetHost serves the pinned ECharts when no local copy is given.
const DefaultAssetHost = "https://cdn.jsdelivr.net"

// EChartsCDNPath is the path of the pinned ECharts build on the asset host.
const EChartsCDNPath = "/npm/echarts@5.6.0/dist/echarts.min.js"

// Server serves rankings over HTTP.
type Server struct {
	opts  Options
	mux   *http.ServeMux
	pages map[string]*template.Template
	cache *responseCache
}

// New returns the service's handler.
func New(opts Options) *Server {
	if opts.Store == nil {
		opts.Store = datasets.Embedded()
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.AssetHost == "" {
		opts.AssetHost = DefaultAssetHost
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), cache: newResponseCache(64 << 20)}
	s.pages = s.parseTemplates()
	s.routes()
	return s
}

// EChartsURL is where pages load ECharts from.
func (s *Server) EChartsURL() string {
	if s.opts.EChartsJS != nil {
		return "/assets/echarts.min.js"
	}
	return s.opts.AssetHost + EChartsCDNPath
}

// ServeHTTP implements http.Handler: every response is buffered, given an
// ETag, Cache-Control and security headers, and gzipped when the client
// accepts it. Successful responses are kept in a bounded cache, since the
// data behind them only changes with a new build or import.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	status, size := s.respond(w, r)
	s.opts.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
		"status", status, "bytes", size, "duration_ms", float64(time.Since(start).Microseconds())/1000)
}

func (s *Server) respond(w http.ResponseWriter, r *http.Request) (status, size int) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		writeError(rec, http.StatusMethodNotAllowed, &indicators.Error{Code: indicators.EInvalid, Msg: "only GET and HEAD are supported"}, "", "")
		rec.header.Set("Allow", "GET, HEAD")
		return s.writeUncached(w, r, rec)
	}
	key := r.URL.Path + "?" + r.URL.RawQuery
	c, ok := s.cache.get(key)
	if !ok {
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		s.serve(rec, r)
		if rec.status != http.StatusOK {
			return s.writeUncached(w, r, rec)
		}
		c = s.finish(key, r.URL.Path, rec)
		s.cache.put(c)
	}
	return s.writeCached(w, r, c)
}

// serve runs the route, turning a panic into a 500 rather than a dropped
// connection.
func (s *Server) serve(rec *recorder, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			s.opts.Logger.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
			rec.reset()
			writeError(rec, http.StatusInternalServerError, errors.New("internal error"), "", "")
		}
	}()
	s.mux.ServeHTTP(rec, r)
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// headers adds what every response carries.
func (s *Server) headers(h http.Header, path string, body []byte) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", s.csp(path, h.Get("Content-Type"), body))
	h.Add("Vary", "Accept-Encoding")
}

// finish turns a successful response into a cache entry with its ETags and
// gzipped form.
func (s *Server) finish(key, path string, rec *recorder) *cached {
	body := rec.body.Bytes()
	s.headers(rec.header, path, body)
	if rec.header.Get("Cache-Control") == "" {
		rec.header.Set("Cache-Control", "public, max-age=300")
	}
	sum := sha256.Sum256(append([]byte(s.opts.Version+"\x00"), body...))
	tag := hex.EncodeToString(sum[:12])
	c := &cached{key: key, header: rec.header, body: body, etag: `"` + tag + `"`, gzEtag: `"` + tag + `-gz"`}
	if compressible(rec.header.Get("Content-Type")) && len(body) > 512 {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		c.gz = b.Bytes()
	}
	return c
}

func (s *Server) writeCached(w http.ResponseWriter, r *http.Request, c *cached) (int, int) {
	h := w.Header()
	for k, v := range c.header {
		h[k] = v
	}
	body, etag := c.body, c.etag
	if c.gz != nil && acceptsGzip(r) {
		body, etag = c.gz, c.gzEtag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatch(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return http.StatusNotModified, 0
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
	return http.StatusOK, len(body)
}

// writeUncached writes an error response: never cached, never stored by
// clients.
func (s *Server) writeUncached(w http.ResponseWriter, r *http.Request, rec *recorder) (int, int) {
	h := w.Header()
	for k, v := range rec.header {
		h[k] = v
	}
	s.headers(h, r.URL.Path, rec.body.Bytes())
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(rec.body.Len()))
	w.WriteHeader(rec.status)
	if r.Method != http.MethodHead {
		w.Write(rec.body.Bytes())
	}
	return rec.status, rec.body.Len()
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/"))
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/json", "application/javascript", "image/svg+xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(part, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}

// csp allows scripts only from this origin, the chosen asset host and the
// page's own inline scripts (by hash, so baked pages keep working), and lets
// only /embed/ and /chart/ pages be framed by other sites.
func (s *Server) csp(path, ctype string, body []byte) string {
	scripts := []string{"'self'"}
	if s.opts.EChartsJS == nil {
		scripts = append(scripts, s.opts.AssetHost)
	}
	if strings.HasPrefix(ctype, "text/html") {
		for _, m := range inlineScript.FindAllSubmatch(body, -1) {
			sum := sha256.Sum256(m[1])
			scripts = append(scripts, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
	}
	frame := "'none'"
	if strings.HasPrefix(path, "/embed/") || strings.HasPrefix(path, "/chart/") {
		frame = "*"
	}
	return "default-src 'self'; script-src " + strings.Join(scripts, " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + frame
}

// recorder buffers a response so that headers can be computed from the
// whole body.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}

func (r *recorder) reset() {
	r.header = http.Header{}
	r.status, r.wrote = http.StatusOK, false
	r.body.Reset()
}

// apiError is the JSON body of every error response.
type apiError struct {
	Error struct {
		Code        string   `json:"code"`
		Message     string   `json:"message"`
		Param       string   `json:"param,omitempty"`
		Value       string   `json:"value,omitempty"`
		Suggestions []string `json:"suggestions,omitempty"`
	} `json:"error"`
}

// writeError writes a JSON error naming the bad parameter and value and
// the nearest valid values.
func writeError(w http.ResponseWriter, status int, err error, param, value string) {
	var body apiError
	body.Error.Code = indicators.ErrorCode(err)
	body.Error.Message = err.Error()
	body.Error.Param, body.Error.Value = param, value
	var e *indicators.Error
	if errors.As(err, &e) {
		body.Error.Suggestions = e.Suggestions
	}
	if status == http.StatusInternalServerError {
		body.Error.Code, body.Error.Message = indicators.EInternal, "internal error"
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(body)
}

// fail maps an error to its status: user errors are 400 (naming the
// parameter when the error came from one), anything else 500.
func fail(w http.ResponseWriter, err error) {
	var bp *badParam
	param, value := "", ""
	if errors.As(err, &bp) {
		param, value = bp.param, bp.value
	}
	status := http.StatusInternalServerError
	if indicators.IsUserError(err) {
		status = http.StatusBadRequest
	}
	writeError(w, status, err, param, value)
}
