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
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
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
	// PublicURL is the service's public origin (e.g.
	// https://rankings.example.org), used by /oembed to recognise its own
	// pages and to build the addresses it hands out. Empty means the origin
	// the request was made to.
	PublicURL string
	// CacheBytes bounds the response cache; 0 means DefaultCacheBytes.
	CacheBytes int
	// NoGzip keeps every answer uncompressed, for a bake: it asks for
	// each page once and writes it as it is, for a static server that
	// compresses on its own. Compressing them anyway at the best level
	// took a quarter of a bake.
	NoGzip bool
}

// DefaultCacheBytes is the response cache's default bound.
const DefaultCacheBytes = 64 << 20

// DefaultAssetHost serves the pinned ECharts when no local copy is given.
const DefaultAssetHost = "https://cdn.jsdelivr.net"

// EChartsCDNPath is the path of the pinned ECharts build on the asset host.
const EChartsCDNPath = "/npm/echarts@5.6.0/dist/echarts.min.js"

// Server serves rankings over HTTP.
type Server struct {
	opts  Options
	mux   *http.ServeMux
	pages map[i18n.Lang]map[string]*template.Template
	cache *responseCache
	// addresses leads a request seen before to its cached answer.
	addresses addressCache
	// publicOrigin is Options.PublicURL's origin ("" when unset or not an
	// origin).
	publicOrigin string
	// baking is set on the server a bake renders through: its charts offer
	// the CSV download only, and no embed code (see chartTools).
	baking bool
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
	if opts.CacheBytes <= 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), cache: newResponseCache(opts.CacheBytes)}
	if opts.PublicURL != "" {
		// An unusable public URL (the CLI refuses one) falls back to the
		// request's origin.
		s.publicOrigin, _ = ParseOrigin(opts.PublicURL)
	}
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
	query := r.URL.RawQuery
	if len(query) > 1000 { // a junk query does not make a junk log
		query = strings.ToValidUTF8(query[:1000], "") + "…"
	}
	s.opts.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "query", query, "query_bytes", len(r.URL.RawQuery),
		"status", status, "bytes", size, "duration_ms", float64(time.Since(start).Microseconds())/1000)
}

func (s *Server) respond(w http.ResponseWriter, r *http.Request) (status, size int) {
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	addr := ""
	if get {
		addr = requestAddress(r)
		if k, ok := s.addresses.get(addr); ok {
			if c, ok := s.cache.get(k); ok {
				return s.writeCached(w, r, c)
			}
		}
	}
	r = withLangPrefix(r)
	if !get {
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		writeError(rec, http.StatusMethodNotAllowed, &indicators.Error{Code: indicators.EInvalid, Msg: "only GET and HEAD are supported"}, "", "")
		s.htmlError(rec, r)
		rec.header.Set("Allow", "GET, HEAD")
		return s.writeUncached(w, r, rec)
	}
	// The route validates its parameters and names its cache entry (the
	// route and its parsed, canonical parameters) before it builds
	// anything, so a request for a cached answer stops there.
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	s.serve(rec, r)
	if c := rec.slot.hit; c != nil {
		s.addresses.put(addr, rec.slot.key)
		return s.writeCached(w, r, c)
	}
	if rec.status != http.StatusOK {
		s.htmlError(rec, r)
		return s.writeUncached(w, r, rec)
	}
	c := s.finish(rec.slot.key, r.URL.Path, rec)
	if rec.slot.key != "" && !rec.slot.spoilt {
		s.cache.put(c)
		s.addresses.put(addr, rec.slot.key)
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

// headers adds what every response carries. scripts are the hashes of the
// inline scripts the route itself wrote (allowScripts).
func (s *Server) headers(h http.Header, path string, scripts []string) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	framable := framable(path)
	h.Set("Content-Security-Policy", s.csp(framable, scripts))
	if !framable {
		// For browsers that know only the older header. Pages anyone may
		// frame get none: X-Frame-Options has no value that allows every
		// site (ALLOW-FROM names one origin and current browsers ignore
		// it), and a browser that does not know the header allows
		// framing, which is what frame-ancestors * says.
		h.Set("X-Frame-Options", "DENY")
	}
	h.Add("Vary", "Accept-Encoding")
}

// framable reports whether other sites may frame the page at path: only
// embeds and charts, which exist to be put in someone else's page.
func framable(path string) bool {
	return strings.HasPrefix(path, "/embed/") || strings.HasPrefix(path, "/chart/")
}

// finish turns a successful response into a cache entry with its ETags and
// gzipped form.
func (s *Server) finish(key, path string, rec *recorder) *cached {
	// A copy of exactly the body's length: the recorder's buffer may have
	// up to twice its capacity, which the cache would hold unaccounted.
	body := bytes.Clone(rec.body.Bytes())
	s.headers(rec.header, path, rec.scripts)
	if rec.header.Get("Cache-Control") == "" {
		rec.header.Set("Cache-Control", "public, max-age=300")
	}
	sum := sha256.Sum256(append([]byte(s.opts.Version+"\x00"), body...))
	tag := hex.EncodeToString(sum[:12])
	c := &cached{key: key, header: rec.header, body: body, etag: `"` + tag + `"`, gzEtag: `"` + tag + `-gz"`}
	if !s.opts.NoGzip && compressible(rec.header.Get("Content-Type")) && len(body) > 512 {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		c.gz = bytes.Clone(b.Bytes())
	}
	c.bytes = c.accounted()
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
	s.headers(h, r.URL.Path, rec.scripts)
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
// inline scripts the route itself wrote (by hash, so that baked pages keep
// working), and lets only framable pages be framed by other sites. The
// hashes are never taken from the finished body: a script that reached
// it any other way, such as through an HTML-injection bug, is refused.
func (s *Server) csp(framable bool, scripts []string) string {
	src := []string{"'self'"}
	if s.opts.EChartsJS == nil {
		src = append(src, s.opts.AssetHost)
	}
	for _, h := range scripts {
		src = append(src, "'sha256-"+h+"'")
	}
	frame := "'none'"
	if framable {
		frame = "*"
	}
	return "default-src 'self'; script-src " + strings.Join(src, " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + frame
}

// allowScripts lets the response to w run the inline scripts with these
// hashes (base64 SHA-256, scriptHashes): the route calls it for the
// scripts it writes itself.
func allowScripts(w http.ResponseWriter, hashes []string) {
	if rec, ok := w.(*recorder); ok {
		for _, h := range hashes {
			if !slices.Contains(rec.scripts, h) {
				rec.scripts = append(rec.scripts, h)
			}
		}
	}
}

// scriptHashes returns the hashes of the scripts a chart wrote into out
// (what charts.Chart.WriteFragment or WritePage produced for it): the
// inline scripts that hold the chart's own option, which is how the
// chart's drawing script is told from anything else. It is called on the
// chart's own output only, never on a finished page.
func scriptHashes(out, option []byte) []string {
	var hashes []string
	for _, body := range inlineScripts(out) {
		if len(option) == 0 || !bytes.Contains(body, option) {
			continue
		}
		sum := sha256.Sum256(body)
		hashes = append(hashes, base64.StdEncoding.EncodeToString(sum[:]))
	}
	return hashes
}

// inlineScripts returns what each <script>…</script> of out holds, a
// <script> with no attributes to the next </script>: what the expression
// (?s)<script>(.*?)</script> finds (TestInlineScriptsIsTheExpression),
// without it, which took a seventh of a bake on the site's large pages.
func inlineScripts(out []byte) [][]byte {
	const open, end = "<script>", "</script>"
	var bodies [][]byte
	for {
		i := bytes.Index(out, []byte(open))
		if i < 0 {
			return bodies
		}
		out = out[i+len(open):]
		j := bytes.Index(out, []byte(end))
		if j < 0 {
			return bodies
		}
		bodies = append(bodies, out[:j])
		out = out[j+len(end):]
	}
}

// recorder buffers a response so that headers can be computed from the
// whole body.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
	// scripts are the hashes of the inline scripts the route wrote.
	scripts []string
	// slot is where the route names its cache entry (query.ready).
	slot cacheSlot
	// failure is the error the route answered with (writeError), which a
	// page shows as HTML (htmlError).
	failure *failure
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
	r.scripts, r.slot, r.failure = nil, cacheSlot{}, nil
}

// apiError is the JSON body of every error response; its type is in docs,
// where its schema is generated from it.
type apiError = docs.ErrorDocument

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
	if rec, ok := w.(*recorder); ok {
		var bp *badParam
		rec.failure = &failure{status: status, doc: body, unwanted: errors.As(err, &bp) && bp.unwanted}
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
