package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/internal/errtext"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// failure is an error response as a route wrote it (writeError), kept so
// that a page route can show it as an HTML page instead of JSON.
type failure struct {
	status int
	doc    apiError
	// unwanted: the parameter itself has no place in the address (an
	// unknown one, or one the path already gives), so its fix is to
	// rename or drop it rather than to change its value.
	unwanted bool
}

// errorFix is one way on from an error page: a link, with the words of its
// sentence before and after it (both may be empty).
type errorFix struct {
	Before, Text, After, URL string
}

// fixIn makes an errorFix of a whole sentence: format has one %s, where
// the link with text goes, so that the sentence translates as a whole.
func fixIn(format, text, u string) errorFix {
	before, after, _ := strings.Cut(format, "%s")
	return errorFix{Before: before, Text: text, After: after, URL: u}
}

// errorPageData is what the error page template receives.
type errorPageData struct {
	Status  int
	Heading string
	Message string
	// English is set when Message is in English on a page in another
	// language: no pattern of internal/errtext knows it.
	English bool
	Code    string
	Param   string
	Value   string
	// One is the fix when there is only one suggestion, as a sentence;
	// otherwise Lead introduces the list Fixes.
	One   *errorFix
	Lead  string
	Fixes []errorFix
	// Drop is the address without the offending parameter, when that is
	// a way on.
	Drop *errorFix
}

// countryParams are the parameters, query or path, whose values are
// countries: a suggestion for them is a name, linked as its ISO code.
var countryParams = []string{"c", "iso3", "country", "countries"}

// wantsJSON reports whether the client asked for JSON and not for HTML.
func wantsJSON(r *http.Request) bool {
	a := r.Header.Get("Accept")
	return strings.Contains(a, "application/json") && !strings.Contains(a, "text/html")
}

// htmlErrorPath reports whether errors at path are answered as an HTML
// page: everything a reader opens in a browser; the API, oEmbed, the
// health check, assets, and charts and embeds (which other pages load)
// keep their JSON errors.
func htmlErrorPath(path string) bool {
	for _, p := range []string{"/api/", "/chart/", "/embed/", "/assets/"} {
		if strings.HasPrefix(path, p) {
			return false
		}
	}
	return !slices.Contains([]string{"/oembed", "/healthz", "/favicon.ico"}, path)
}

// htmlError replaces the JSON error rec holds with an HTML error page of
// the same status and message, for requests to pages from clients that
// did not ask for JSON.
func (s *Server) htmlError(rec *recorder, r *http.Request) {
	f := rec.failure
	if f == nil || !htmlErrorPath(r.URL.Path) {
		return
	}
	if wantsJSON(r) {
		rec.header.Add("Vary", "Accept")
		return
	}
	l, byHeader := requestLang(r)
	d := s.errorData(l, r, f)
	rec.reset()
	rec.header.Add("Vary", "Accept")
	rec.header.Set("Content-Language", string(l))
	if byHeader {
		rec.header.Add("Vary", "Accept-Language")
	}
	rec.WriteHeader(f.status)
	s.render(rec, r, nil, l, "errorpage", page{Title: d.Heading, Data: d})
}

// errorData words an error for its page and finds the addresses that fix
// it: the suggestions put in place of the wrong value or parameter, and
// the address without a parameter that has no place there.
func (s *Server) errorData(l i18n.Lang, r *http.Request, f *failure) errorPageData {
	e := f.doc.Error
	d := errorPageData{Status: f.status, Message: e.Message, Code: e.Code, Param: e.Param, Value: e.Value}
	if w, ok := errtext.Web(l, s.opts.Store.Registry(), e.Message); ok {
		// The message names a command of the CLI: the page says its own
		// way on.
		d.Message = w
	} else if l != i18n.EN && l != "" {
		d.Message = errtext.Error(l, s.opts.Store.Registry(), e.Message)
		d.English = d.Message == e.Message
	}
	switch f.status {
	case http.StatusBadRequest:
		d.Heading = l.T("web.error.400")
	case http.StatusNotFound:
		d.Heading = l.T("web.error.404")
	case http.StatusMethodNotAllowed:
		d.Heading = l.T("web.error.405")
	default:
		d.Heading = l.T("web.error.500")
	}
	if e.Param == "" || f.status >= 500 {
		return d
	}
	one, many := l.T("web.error.try_one", "%s"), l.T("web.error.try_many")
	if f.unwanted {
		one, many = l.T("web.error.try_param", "%s"), l.T("web.error.try_params")
	}
	for _, sg := range e.Suggestions {
		to, text := sg, sg
		if f.unwanted {
			if u, ok := renameParam(r.URL, e.Param, sg); ok {
				d.Fixes = append(d.Fixes, errorFix{Text: text, URL: u})
			}
			continue
		}
		if slices.Contains(countryParams, e.Param) {
			c, err := s.opts.Store.Registry().Resolve(sg)
			if err != nil {
				continue
			}
			to, text = c.ISO3, displayName(l, c)
		}
		if u, ok := replaceValue(r.URL, e.Param, e.Value, to); ok {
			d.Fixes = append(d.Fixes, errorFix{Text: text, URL: u})
		}
	}
	if len(d.Fixes) == 1 {
		fix := fixIn(one, d.Fixes[0].Text, d.Fixes[0].URL)
		d.One, d.Fixes = &fix, nil
	} else if len(d.Fixes) > 1 {
		d.Lead = many
	}
	switch {
	case e.Param == langParam && ruAddress(r):
		// lang beside /ru/: the way on is the Russian page without it.
		o := origURL(r)
		if u, ok := address(langPath(i18n.RU, o.EscapedPath()), o.RawQuery); ok {
			fix := fixIn("%s", l.T("web.error.without", e.Param), u)
			d.Drop = &fix
		}
	case e.Param == "year":
		if u, ok := dropParam(r.URL, e.Param, e.Value); ok {
			fix := fixIn("%s", l.T("web.error.latest"), u)
			d.Drop = &fix
		}
	case f.unwanted:
		if u, ok := dropParam(r.URL, e.Param, ""); ok {
			fix := fixIn("%s", l.T("web.error.without", e.Param), u)
			d.Drop = &fix
		}
	}
	return d
}

// editQuery rewrites the query parameters named name with edit (which
// returns the new name and value, and false to drop the parameter) and
// leaves the others as they were given. It reports whether any was found.
func editQuery(raw, name string, edit func(value string) (string, string, bool)) (string, bool) {
	var out []string
	found := false
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, err1 := url.QueryUnescape(k)
		value, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil || key != name {
			out = append(out, part)
			continue
		}
		found = true
		if nk, nv, keep := edit(value); keep {
			out = append(out, url.QueryEscape(nk)+"="+escapeList(nv, url.QueryEscape))
		}
	}
	return strings.Join(out, "&"), found
}

// escapeList escapes each comma-separated part of a list, keeping the
// commas readable.
func escapeList(v string, escape func(string) string) string {
	parts := strings.Split(v, ",")
	for i, p := range parts {
		parts[i] = escape(p)
	}
	return strings.Join(parts, ",")
}

// address is u's path with the query raw (none when empty). It is a path
// on this site, never an address elsewhere.
func address(path, raw string) (string, bool) {
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") || strings.Contains(path, "\\") {
		return "", false
	}
	if raw != "" {
		path += "?" + raw
	}
	return path, true
}

// replaceValue is u with the value old of parameter name, or the item old
// of its list, replaced by new: in the query when the parameter is there,
// otherwise in the path segment that holds it (/country/kazakstn,
// /compare/kaz,uzbekstan).
func replaceValue(u *url.URL, name, old, new string) (string, bool) {
	swap := func(v string) (string, bool) {
		items := strings.Split(v, ",")
		changed := false
		for i, it := range items {
			if strings.TrimSpace(it) == old {
				items[i], changed = new, true
			}
		}
		return strings.Join(items, ","), changed
	}
	changed := false
	raw, found := editQuery(u.RawQuery, name, func(v string) (string, string, bool) {
		nv, ok := swap(v)
		changed = changed || ok
		return name, nv, true
	})
	if found {
		if !changed {
			return "", false
		}
		return address(u.EscapedPath(), raw)
	}
	segs := strings.Split(u.Path, "/")
	for i := len(segs) - 1; i > 0; i-- {
		if nv, ok := swap(segs[i]); ok {
			for j := range segs {
				segs[j] = escapeList(segs[j], url.PathEscape)
			}
			segs[i] = escapeList(nv, url.PathEscape)
			return address(strings.Join(segs, "/"), u.RawQuery)
		}
	}
	return "", false
}

// renameParam is u with the parameter name renamed to to.
func renameParam(u *url.URL, name, to string) (string, bool) {
	raw, found := editQuery(u.RawQuery, name, func(v string) (string, string, bool) { return to, v, true })
	if !found {
		return "", false
	}
	return address(u.EscapedPath(), raw)
}

// dropParam is u without the parameter name: from the query, or, when the
// path gives it as its last segment (/indicator/rsf/1990), without that
// segment (pathValue, "" when the path cannot give it).
func dropParam(u *url.URL, name, pathValue string) (string, bool) {
	raw, found := editQuery(u.RawQuery, name, func(string) (string, string, bool) { return "", "", false })
	if found {
		return address(u.EscapedPath(), raw)
	}
	if pathValue == "" {
		return "", false
	}
	ep := u.EscapedPath()
	i := strings.LastIndexByte(ep, '/')
	if i <= 0 {
		return "", false
	}
	if last, err := url.PathUnescape(ep[i+1:]); err != nil || last != pathValue {
		return "", false
	}
	return address(ep[:i], u.RawQuery)
}
