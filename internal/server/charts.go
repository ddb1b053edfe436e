package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/docs"
)

// chartOptions say where chart pages load ECharts: the local copy when
// there is one, else the asset host (with the pinned build's integrity hash
// when it is the default one).
func (s *Server) chartOptions() charts.Options {
	if u := s.EChartsURL(); u != charts.DefaultScriptURL {
		return charts.Options{ScriptURL: u}
	}
	return charts.Options{}
}

// chartParams are the query parameters of /chart/ and /embed/.
var chartParams = []string{"c", "indicator", "year", "from", "to", "group", "percentile"}

// chartRequest reads a chart from the path kind and the query.
func (s *Server) chartRequest(kindText string, q *query) (chartdata.Request, error) {
	kind, ok := charts.ParseKind(kindText)
	if !ok {
		var names []string
		for _, k := range charts.Kinds() {
			names = append(names, string(k))
		}
		return chartdata.Request{}, bad("kind", kindText, &indicators.Error{Code: indicators.EInvalid,
			Msg:         fmt.Sprintf("unknown chart kind %q: use one of %s", kindText, strings.Join(names, ", ")),
			Suggestions: indicators.Nearest(kindText, names, 3)})
	}
	r := chartdata.Request{Kind: kind}
	var err error
	if r.Countries, err = q.countries("c", 0); err != nil {
		return r, err
	}
	if r.Indicators, err = q.indicators("indicator"); err != nil {
		return r, err
	}
	if r.Year, err = q.year("year"); err != nil {
		return r, err
	}
	if r.From, r.To, err = q.span(); err != nil {
		return r, err
	}
	if r.Group, err = q.group("group"); err != nil {
		return r, err
	}
	p, err := q.single("percentile")
	if err != nil {
		return r, err
	}
	switch p {
	case "", "0", "false":
	case "1", "true":
		r.Percentile = true
	default:
		return r, invalid("percentile", p, "percentile is true or false, not %q", p)
	}
	q.record("percentile", strconv.FormatBool(r.Percentile))
	return r, nil
}

// buildChart validates the request and builds the chart; it returns
// errCached when the answer is cached (query.ready).
func (s *Server) buildChart(kindText string, q *query) (*charts.Chart, error) {
	r, err := s.chartRequest(kindText, q)
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	spec, err := chartdata.Build(s.opts.Store, r)
	if err != nil {
		return nil, wrap("indicator", q.v.Get("indicator"), err)
	}
	return charts.Build(spec)
}

// chartPage serves /chart/{kind} (a full page) and /chart/{kind}.svg|.png
// (a static image for reports that cannot run JavaScript).
func (s *Server) chartPage(w http.ResponseWriter, r *http.Request, q *query) {
	kind := r.PathValue("kind")
	ext := ""
	if i := strings.LastIndexByte(kind, '.'); i >= 0 {
		kind, ext = kind[:i], kind[i+1:]
	}
	if ext != "" && ext != "svg" && ext != "png" {
		fail(w, invalid("format", ext, "unknown image format %q: use /chart/%s, /chart/%s.svg or /chart/%s.png", ext, kind, kind, kind))
		return
	}
	c, err := s.buildChart(kind, q)
	if errors.Is(err, errCached) {
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	var b bytes.Buffer
	switch ext {
	case "":
		err = c.WritePage(&b, s.chartOptions())
		allowScripts(w, scriptHashes(b.Bytes(), c.Option()))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	case "svg":
		err = c.WriteSVG(&b)
		w.Header().Set("Content-Type", "image/svg+xml")
	case "png":
		err = c.WritePNG(&b)
		w.Header().Set("Content-Type", "image/png")
	}
	if err != nil {
		w.Header().Del("Content-Type")
		fail(w, err)
		return
	}
	w.Write(b.Bytes())
}

// embedPage serves /embed/{kind}: a minimal page holding only the chart,
// for an <iframe> in someone else's report.
func (s *Server) embedPage(w http.ResponseWriter, r *http.Request, q *query) {
	c, err := s.buildChart(r.PathValue("kind"), q)
	if errors.Is(err, errCached) {
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	var frag bytes.Buffer
	if err := c.WriteFragment(&frag, s.chartOptions()); err != nil {
		fail(w, err)
		return
	}
	allowScripts(w, scriptHashes(frag.Bytes(), c.Option()))
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	template.HTMLEscape(&b, []byte(c.Spec.Title))
	b.WriteString("</title>\n<style>body{font-family:system-ui,sans-serif;margin:8px}</style>\n</head>\n<body>\n")
	b.Write(frag.Bytes())
	b.WriteString("</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// oEmbed answers /oembed?url=… for a /chart/ or /embed/ page of this
// service with a rich oEmbed document holding an <iframe>. A url of any
// other origin is not this provider's to describe: 404, as the oEmbed
// specification says. The iframe's address is built from the service's
// own origin and the chart's validated parameters, never from the url
// given.
func (s *Server) oEmbed(w http.ResponseWriter, r *http.Request, q *query) {
	raw, err := q.single("url")
	if err != nil {
		fail(w, err)
		return
	}
	if raw == "" {
		fail(w, invalid("url", "", "parameter \"url\" is required: the /chart/… or /embed/… address to embed"))
		return
	}
	var dims [2]int
	for i, name := range []string{"maxwidth", "maxheight"} {
		v, err := q.single(name)
		if err != nil {
			fail(w, err)
			return
		}
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 || n > 10000 {
			fail(w, invalid(name, v, "%s must be a whole number of pixels between 100 and 10000", name))
			return
		}
		dims[i] = n
		q.record(name, strconv.Itoa(n))
	}
	format, err := q.single("format")
	if err != nil {
		fail(w, err)
		return
	}
	if format != "" && format != "json" {
		writeError(w, http.StatusNotImplemented, invalid("format", format, "only the json oEmbed format is served"), "format", format)
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fail(w, invalid("url", raw, "url must be an absolute http(s) address of a /chart/ or /embed/ page"))
		return
	}
	own := s.origin(r)
	if originOf(u) != own {
		writeError(w, http.StatusNotFound, bad("url", raw, indicators.Errorf(indicators.ENotFound,
			"%s is not a page of this service: give the address of a /chart/ or /embed/ page at %s", raw, own)), "url", raw)
		return
	}
	var kind string
	switch {
	case strings.HasPrefix(u.Path, "/chart/"):
		kind = strings.TrimPrefix(u.Path, "/chart/")
	case strings.HasPrefix(u.Path, "/embed/"):
		kind = strings.TrimPrefix(u.Path, "/embed/")
	default:
		writeError(w, http.StatusNotFound, bad("url", raw, indicators.Errorf(indicators.ENotFound,
			"%s is not a chart: give the address of a /chart/… or /embed/… page", raw)), "url", raw)
		return
	}
	cq, err := newQuery(httptestRequest(u), s.opts.Store, chartParams...)
	if err != nil {
		fail(w, err)
		return
	}
	// The path forms /chart/{kind}/{indicator} and /embed/{kind}/{indicator}.
	if k, id, ok := strings.Cut(kind, "/"); ok && id != "" && !cq.v.Has("indicator") {
		kind = k
		cq.v.Set("indicator", strings.TrimSuffix(id, ".html"))
	}
	// The answer depends on the origin as well as the parameters.
	q.extra = own
	if q.ready(s.cache) {
		return
	}
	c, err := s.buildChart(kind, cq)
	if err != nil {
		fail(w, err)
		return
	}
	width, height := c.Width, c.Height+260 // room for the description and the data toggle
	if dims[0] != 0 {
		width = min(width, dims[0])
	}
	if dims[1] != 0 {
		height = min(height, dims[1])
	}
	src := own + "/embed/" + url.PathEscape(kind)
	if qs := chartQuery(cq.v); qs != "" {
		src += "?" + qs
	}
	var iframe bytes.Buffer
	fmt.Fprintf(&iframe, `<iframe src="%s" width="%d" height="%d" style="border:0" loading="lazy" title="`, template.HTMLEscapeString(src), width, height)
	template.HTMLEscape(&iframe, []byte(c.Spec.Title))
	iframe.WriteString(`"></iframe>`)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	docs.WriteJSON(w, map[string]any{
		"version": "1.0", "type": "rich", "provider_name": "rankings",
		"title": c.Spec.Title, "html": iframe.String(), "width": width, "height": height,
	})
}

// chartQuery encodes a chart's validated parameters in name order, with
// the commas of lists left readable.
func chartQuery(v url.Values) string {
	names := make([]string, 0, len(v))
	for n := range v {
		names = append(names, n)
	}
	slices.Sort(names)
	var parts []string
	for _, n := range names {
		for _, x := range v[n] {
			parts = append(parts, url.QueryEscape(n)+"="+strings.ReplaceAll(url.QueryEscape(x), "%2C", ","))
		}
	}
	return strings.Join(parts, "&")
}

// origin is this service's own origin: the public URL when one is set,
// else the one the request was made to.
func (s *Server) origin(r *http.Request) string {
	if s.publicOrigin != "" {
		return s.publicOrigin
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return originOf(&url.URL{Scheme: scheme, Host: r.Host})
}

// originOf is a URL's origin in one spelling: scheme and host in lower
// case, without the scheme's default port.
func originOf(u *url.URL) string {
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if port := u.Port(); (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		host = strings.TrimSuffix(host, ":"+port)
	}
	return scheme + "://" + host
}

// ParseOrigin checks a public URL (--public-url) and returns its origin:
// an absolute http or https address with a host and nothing after it.
func ParseOrigin(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSuffix(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not an origin: give scheme and host only, such as https://rankings.example.org", raw)
	}
	return originOf(u), nil
}

// httptestRequest turns a URL into a request for parameter validation.
func httptestRequest(u *url.URL) *http.Request { return &http.Request{Method: http.MethodGet, URL: u} }

// compareChart renders one indicator's timeline for the compared countries
// as a fragment of the compare page ("" when it cannot be drawn), and lets
// the response to w run its script. Only the headline indicators get a
// chart: 35 charts would make a page of a megabyte; every indicator's
// chart is one click away at /chart/timeline.
func (s *Server) compareChart(w http.ResponseWriter, kind, id string, doc docs.Compare) template.HTML {
	k, ok := charts.ParseKind(kind)
	if !ok || !slices.Contains(docs.HeadlineIndicators, id) {
		return ""
	}
	var cs []indicators.Country
	for _, c := range doc.Countries {
		country, err := s.opts.Store.Registry().Resolve(c.ISO3)
		if err != nil {
			return ""
		}
		cs = append(cs, country)
	}
	// A comparison of a chosen year ends its chart there, elections too.
	to := 0
	if doc.Year != nil {
		for _, ci := range doc.Indicators {
			if ci.ID == id {
				to = ci.Year
			}
		}
	}
	return s.fragment(w, chartdata.Request{Kind: k, Indicators: []string{id}, Countries: cs, To: to})
}

// rankChart renders the ranking chart of an indicator page.
func (s *Server) rankChart(w http.ResponseWriter, doc docs.Rank) template.HTML {
	return s.fragment(w, chartdata.Request{Kind: charts.Ranking, Indicators: []string{doc.Indicator.ID}, Year: doc.Year, Group: doc.Group.Name})
}

// fragment renders a chart for a page and lets the response to w run the
// script the chart wrote, and only that script.
func (s *Server) fragment(w http.ResponseWriter, r chartdata.Request) template.HTML {
	spec, err := chartdata.Build(s.opts.Store, r)
	if err != nil {
		return ""
	}
	c, err := charts.Build(spec)
	if err != nil {
		return ""
	}
	var b bytes.Buffer
	if err := c.WriteFragment(&b, s.chartOptions()); err != nil {
		return ""
	}
	allowScripts(w, scriptHashes(b.Bytes(), c.Option()))
	return template.HTML(b.String()) // charts escapes every data string itself
}
