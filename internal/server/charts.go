package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
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
var chartParams = []string{"c", "indicator", "year", "from", "to", "group", "percentile", langParam}

// chartRequest reads a chart from the path kind and the query. Its
// language is the lang parameter's, else, for a page (page set), the
// reader's Accept-Language; a file (an image, the CSV) is English unless
// lang asks otherwise, so that a download is the same for every reader of
// a page.
func (s *Server) chartRequest(w http.ResponseWriter, kindText string, q *query, page bool) (chartdata.Request, error) {
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
	if r.Lang, err = q.lang(w, page); err != nil {
		return r, err
	}
	return r, nil
}

// buildChart validates the request and builds the chart; it returns
// errCached when the answer is cached (query.ready).
func (s *Server) buildChart(w http.ResponseWriter, kindText string, q *query, page bool) (*charts.Chart, chartdata.Request, error) {
	r, err := s.chartRequest(w, kindText, q, page)
	if err != nil {
		return nil, r, err
	}
	if err := s.built(q); err != nil {
		return nil, r, err
	}
	spec, err := chartdata.Build(s.opts.Store, r)
	if err != nil {
		return nil, r, wrap("indicator", q.v.Get("indicator"), err)
	}
	c, err := charts.Build(spec)
	return c, r, err
}

// chartFormat is one file format of a chart: its extension, its link's
// label and its content type.
type chartFormat struct{ ext, label, ctype string }

// chartFormats are the files of a chart at /chart/{kind}.{ext}, with
// their content types, in the order the download links list them.
var chartFormats = []chartFormat{
	{"png", "PNG", "image/png"},
	{"svg", "SVG", "image/svg+xml"},
	{"pdf", "PDF", "application/pdf"},
	{"csv", "CSV", "text/csv; charset=utf-8"},
}

// chartPage serves /chart/{kind} (a full page) and
// /chart/{kind}.png|.svg|.pdf|.csv: a static image for reports that cannot
// run JavaScript, or the figures the chart draws as CSV. Each file names
// itself (Content-Disposition): images open in the browser, the CSV is
// saved.
func (s *Server) chartPage(w http.ResponseWriter, r *http.Request, q *query) {
	kind := r.PathValue("kind")
	ext := ""
	if i := strings.LastIndexByte(kind, '.'); i >= 0 {
		kind, ext = kind[:i], kind[i+1:]
	}
	ctype := "text/html; charset=utf-8"
	if ext != "" {
		ctype = ""
		var forms []string
		for _, f := range chartFormats {
			if f.ext == ext {
				ctype = f.ctype
			}
			forms = append(forms, "/chart/"+kind+"."+f.ext)
		}
		if ctype == "" {
			fail(w, invalid("format", ext, "unknown chart format %q: use /chart/%s for the page, or one of %s", ext, kind, strings.Join(forms, ", ")))
			return
		}
	}
	c, req, err := s.buildChart(w, kind, q, ext == "")
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
		o := s.chartOptions()
		o.Tools = s.chartTools(c, req)
		err = c.WritePage(&b, o)
		allowScripts(w, scriptHashes(b.Bytes(), c.Option()))
	case "svg":
		err = c.WriteImage(&b, charts.SVG, charts.ImageOptions{})
	case "png":
		err = c.WriteImage(&b, charts.PNG, charts.ImageOptions{})
	case "pdf":
		err = c.WriteImage(&b, charts.PDF, charts.ImageOptions{})
	case "csv":
		err = c.WriteCSV(&b)
	}
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	if ext != "" {
		disposition := "inline"
		if ext == "csv" {
			disposition = "attachment"
		}
		w.Header().Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": chartFileName(c, req, ext)}))
	}
	w.Write(b.Bytes())
}

// chartFileName names a chart's file by what it shows: kind, indicator,
// countries or group, and year (timeline-rsf-kaz-uzb.png).
func chartFileName(c *charts.Chart, r chartdata.Request, ext string) string {
	parts := []string{string(c.Spec.Kind)}
	if len(r.Indicators) > 0 {
		parts = append(parts, strings.Join(r.Indicators, "-"))
	}
	if len(r.Countries) > 0 {
		for _, country := range r.Countries {
			parts = append(parts, strings.ToLower(country.ISO3))
		}
	} else if r.Group != "" && c.Spec.Kind != charts.Timeline && c.Spec.Kind != charts.Profile {
		parts = append(parts, r.Group)
	}
	switch {
	case c.Spec.Year != 0:
		parts = append(parts, strconv.Itoa(c.Spec.Year))
	case r.From != 0 && r.To != 0:
		parts = append(parts, strconv.Itoa(r.From)+"-"+strconv.Itoa(r.To))
	}
	if r.Percentile {
		parts = append(parts, "percentile")
	}
	return strings.Join(parts, "-") + "." + ext
}

// requestQuery is a chart request as the query of its /chart/ and
// /embed/ addresses, in canonical form.
func requestQuery(r chartdata.Request) string {
	v := url.Values{}
	if len(r.Countries) > 0 {
		var codes []string
		for _, c := range r.Countries {
			codes = append(codes, c.ISO3)
		}
		v.Set("c", strings.Join(codes, ","))
	}
	if len(r.Indicators) > 0 {
		v.Set("indicator", strings.Join(r.Indicators, ","))
	}
	for name, y := range map[string]int{"year": r.Year, "from": r.From, "to": r.To} {
		if y != 0 {
			v.Set(name, strconv.Itoa(y))
		}
	}
	if r.Group != "" && r.Group != "post-soviet" {
		v.Set("group", r.Group)
	}
	if r.Percentile {
		v.Set("percentile", "true")
	}
	if r.Lang != "" && r.Lang != i18n.EN {
		v.Set(langParam, string(r.Lang))
	}
	return chartQuery(v)
}

// chartTools are the download links and embed code of a chart the site
// shows: the files at /chart/{kind}.{ext} and the responsive embed of
// /embed/{kind}. The embed code's addresses are at the public origin
// when one is set (Options.PublicURL); else they are root-relative and
// the chart's script completes them with the origin the reader opened
// the page at (a request's Host header is not trusted, and a cached page
// is shared by every host name).
func (s *Server) chartTools(c *charts.Chart, req chartdata.Request) *charts.Tools {
	qs := requestQuery(req)
	if qs != "" {
		qs = "?" + qs
	}
	kind := url.PathEscape(string(req.Kind))
	t := &charts.Tools{}
	formats := chartFormats
	if s.baking {
		// A baked copy offers the figures, not the images: rendering every
		// chart of the site in four formats would make a bake of 1.6 GB
		// that takes minutes. Its embed code would point at pages the copy
		// does not hold; embeds are the service's.
		formats = slices.DeleteFunc(slices.Clone(formats), func(f chartFormat) bool { return f.ext != "csv" })
	} else {
		t.EmbedCode = embedCode(s.publicOrigin, "/embed/"+kind+qs, c)
	}
	for _, f := range formats {
		t.Downloads = append(t.Downloads, charts.Download{Label: f.label, Href: "/chart/" + kind + "." + f.ext + qs, File: chartFileName(c, req, f.ext)})
	}
	return t
}

// embedHeightMessage is the type of the message an embed page posts to
// the page that frames it, with the chart's id and the embed page's
// height; /assets/embed.js listens for it.
const embedHeightMessage = "rankings:embed-height"

// embedCode is the HTML that embeds a chart in another page: an iframe of
// the embed page at src (a path of origin, which may be "") that fills
// the page's width,
// and the site's /assets/embed.js, which sets the iframe's height to what
// the embed page reports. Without the script the iframe keeps a height
// that shows the chart.
func embedCode(origin, src string, c *charts.Chart) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<iframe src="%s" title="%s" data-rankings-embed="%s" style="display:block;width:100%%;max-width:%dpx;height:%dpx;border:0" loading="lazy"></iframe>`,
		template.HTMLEscapeString(origin+src), template.HTMLEscapeString(c.Spec.Title), template.HTMLEscapeString(c.ID), c.Width+16, c.Height+16)
	fmt.Fprintf(&b, "\n"+`<script src="%s/assets/embed.js" async></script>`, template.HTMLEscapeString(origin))
	return b.String()
}

// embedPage serves /embed/{kind}: a minimal page holding only the chart,
// for an <iframe> in someone else's report. It tells the page framing it
// its height whenever that changes (embedScript), so that the site's
// /assets/embed.js can fit the iframe to it.
func (s *Server) embedPage(w http.ResponseWriter, r *http.Request, q *query) {
	c, req, err := s.buildChart(w, r.PathValue("kind"), q, true)
	if errors.Is(err, errCached) {
		return
	}
	if err != nil {
		fail(w, err)
		return
	}
	o := s.chartOptions()
	o.Tools = s.chartTools(c, req)
	var frag bytes.Buffer
	if err := c.WriteFragment(&frag, o); err != nil {
		fail(w, err)
		return
	}
	allowScripts(w, scriptHashes(frag.Bytes(), c.Option()))
	post := embedScript(c.ID)
	allowScripts(w, []string{scriptHash(post)})
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + req.Lang.Tag().String() + "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	template.HTMLEscape(&b, []byte(c.Spec.Title))
	b.WriteString("</title>\n<style>html{overflow-y:auto}body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;color:#111;margin:8px;line-height:1.45}body .rk-chart{margin:0}</style>\n</head>\n<body>\n")
	b.Write(frag.Bytes())
	b.WriteString("\n<script>")
	b.WriteString(post)
	b.WriteString("</script>\n</body>\n</html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// embedScript is the embed page's script: it posts {type, id, height} to
// the framing page on load and whenever the page's height changes. The
// height is no secret, so any framing page may have it.
func embedScript(id string) string {
	j, _ := json.Marshal(id) // an id is [a-z0-9-]: nothing to escape in a script
	return `(function () {
  "use strict";
  if (window.parent === window) { return; }
  var id = ` + string(j) + `, last = 0;
  function post() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last) { return; }
    last = h;
    window.parent.postMessage({type: "` + embedHeightMessage + `", id: id, height: h}, "*");
  }
  if (window.ResizeObserver) { new ResizeObserver(post).observe(document.documentElement); }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  post();
})();`
}

// scriptHash is the CSP hash (base64 SHA-256) of an inline script the
// server writes itself.
func scriptHash(script string) string {
	sum := sha256.Sum256([]byte(script))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// embedJS is /assets/embed.js, the script of the embed code: it sets the
// height of each embedded chart's iframe to the height its page posts. A
// message counts only when it comes from that very iframe's window and
// from the origin of its src, and has the expected shape.
const embedJS = `(function () {
  "use strict";
  var root = document.documentElement;
  if (root.hasAttribute("data-rankings-embed-js")) { return; }
  root.setAttribute("data-rankings-embed-js", "");
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "` + embedHeightMessage + `" || typeof d.id !== "string" ||
        typeof d.height !== "number" || !isFinite(d.height) || d.height < 50 || d.height > 20000) { return; }
    var frames = document.querySelectorAll("iframe[data-rankings-embed]");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], origin;
      if (f.contentWindow !== e.source || f.getAttribute("data-rankings-embed") !== d.id) { continue; }
      try { origin = new URL(f.src, document.baseURI).origin; } catch (err) { continue; }
      if (origin !== e.origin) { continue; }
      f.style.height = Math.ceil(d.height) + "px";
    }
  });
})();
`

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
	if strings.HasPrefix(u.Path, ruPrefix+"/") {
		// A chart in Russian: /ru/embed/… is /embed/…?lang=ru.
		u.Path = strings.TrimPrefix(u.Path, ruPrefix)
		u.RawQuery = strings.TrimPrefix(u.RawQuery+"&"+langParam+"=ru", "&")
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
	c, _, err := s.buildChart(w, kind, cq, false)
	if err != nil {
		fail(w, err)
		return
	}
	// The chart as built; the embed code's script grows the iframe to the
	// embed page's whole height.
	width, height := c.Width, c.Height
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
	fmt.Fprintf(&iframe, `<iframe src="%s" width="%d" height="%d" data-rankings-embed="%s" style="border:0;max-width:100%%" loading="lazy" title="`,
		template.HTMLEscapeString(src), width, height, template.HTMLEscapeString(c.ID))
	template.HTMLEscape(&iframe, []byte(c.Spec.Title))
	iframe.WriteString(`"></iframe>`)
	fmt.Fprintf(&iframe, `<script src="%s/assets/embed.js" async></script>`, template.HTMLEscapeString(own))
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
// else the one the request was made to. A bake's requests are made to no
// origin: without a public URL the copy's is unknown, and origin is "".
func (s *Server) origin(r *http.Request) string {
	if s.publicOrigin != "" {
		return s.publicOrigin
	}
	if s.baking {
		return ""
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
func (s *Server) compareChart(w http.ResponseWriter, l i18n.Lang, kind, id string, doc docs.Compare) template.HTML {
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
	return s.fragment(w, chartdata.Request{Kind: k, Indicators: []string{id}, Countries: cs, To: to, Lang: l})
}

// rankChart renders the ranking chart of an indicator page.
func (s *Server) rankChart(w http.ResponseWriter, l i18n.Lang, doc docs.Rank) template.HTML {
	return s.fragment(w, chartdata.Request{Kind: charts.Ranking, Indicators: []string{doc.Indicator.ID}, Year: doc.Year, Group: doc.Group.Name, Lang: l})
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
	o := s.chartOptions()
	o.Tools = s.chartTools(c, r)
	var b bytes.Buffer
	if err := c.WriteFragment(&b, o); err != nil {
		return ""
	}
	allowScripts(w, scriptHashes(b.Bytes(), c.Option()))
	return template.HTML(b.String()) // charts escapes every data string itself
}
