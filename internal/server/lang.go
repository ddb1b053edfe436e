package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// langParam is the query parameter that chooses a page's language:
// lang=en or lang=ru. Without it a page follows the reader's
// Accept-Language header, and English when that names neither.
const langParam = "lang"

// ruPrefix begins the address of every page in Russian (/ru/,
// /ru/compare/KAZ,UZB): a baked copy, which cannot answer a query string
// or a header, keeps its Russian pages in this folder, and the live
// service answers the same addresses.
const ruPrefix = "/ru"

// origKey is the context key of the address a reader asked for, before
// the /ru prefix is turned into lang=ru and a path form into its query
// form: the address a page's link to its other language is built from.
type origKey struct{}

// origURL is the address the reader asked for (path without the /ru
// prefix, query without lang), as recorded by withLangPrefix.
func origURL(r *http.Request) *url.URL {
	if u, ok := r.Context().Value(origKey{}).(*url.URL); ok {
		return u
	}
	return r.URL
}

// ruKey is the context key that marks a request made to an address under
// /ru (ruAddress).
type ruKey struct{}

// ruAddress reports whether the reader asked for an address under /ru,
// which withLangPrefix turned into lang=ru.
func ruAddress(r *http.Request) bool {
	ru, _ := r.Context().Value(ruKey{}).(bool)
	return ru
}

// withLangPrefix turns /ru/… into …?lang=ru, so that every route reads
// its language from one parameter and the cache keys it there; a
// request that gives lang in both is refused by the route (query.lang),
// on a page in Russian. It records the address asked for (origURL).
func withLangPrefix(r *http.Request) *http.Request {
	p := r.URL.Path
	ru := p == ruPrefix || strings.HasPrefix(p, ruPrefix+"/")
	orig := &url.URL{Path: p, RawQuery: withoutLang(r.URL.RawQuery)}
	ctx := context.WithValue(r.Context(), origKey{}, orig)
	if ru {
		ctx = context.WithValue(ctx, ruKey{}, true)
	}
	r2 := r.Clone(ctx)
	if !ru {
		return r2
	}
	rest := strings.TrimPrefix(p, ruPrefix)
	if rest == "" {
		rest = "/"
	}
	orig.Path = rest
	r2.URL.Path, r2.URL.RawPath = rest, ""
	if r2.URL.RawQuery != "" {
		r2.URL.RawQuery += "&"
	}
	r2.URL.RawQuery += langParam + "=ru"
	return r2
}

// withoutLang is a raw query without its lang parameters.
func withoutLang(raw string) string {
	if raw == "" {
		return ""
	}
	var out []string
	for _, part := range strings.Split(raw, "&") {
		k, _, _ := strings.Cut(part, "=")
		if k == langParam || part == "" {
			continue
		}
		out = append(out, part)
	}
	return strings.Join(out, "&")
}

// langPath is the address of the page at path (with an optional query) in
// language l: the same address for English, under /ru for Russian.
func langPath(l i18n.Lang, path string) string {
	if l != i18n.RU {
		return path
	}
	if path == "/" {
		return ruPrefix + "/"
	}
	return ruPrefix + path
}

// alternates are the addresses of the page r asked for in each
// language. A cached page is served for every spelling of its question,
// so a page that names its cache entry (q, may be nil) links to the
// canonical address of the question (pageURL), not to the spelling that
// built it.
func alternates(r *http.Request, q *query) map[i18n.Lang]string {
	var p string
	if q != nil && q.named {
		p = q.pageURL()
	} else {
		u := origURL(r)
		p = u.EscapedPath()
		if u.RawQuery != "" {
			p += "?" + u.RawQuery
		}
	}
	return map[i18n.Lang]string{i18n.EN: p, i18n.RU: langPath(i18n.RU, p)}
}

// pageURL is the canonical address of a page's question: its path form
// where it has one (/compare/KAZ,UZB, /indicator/rsf/2020,
// /elections/KAZ), then the other parameters it read, in name order,
// without the default group and without lang.
func (q *query) pageURL() string {
	path := q.path
	v := url.Values{}
	for n, val := range q.canon {
		if val != "" && n != langParam && !(n == "group" && val == "post-soviet") {
			v.Set(n, val)
		}
	}
	switch {
	case (path == "/compare" || path == "/elections") && v.Has("c"):
		path += "/" + v.Get("c")
		v.Del("c")
	case strings.HasPrefix(path, "/indicator/") && v.Has("year"):
		path += "/" + v.Get("year")
		v.Del("year")
	}
	u := &url.URL{Path: path}
	p := u.EscapedPath()
	if qs := chartQuery(v); qs != "" {
		p += "?" + qs
	}
	return p
}

// parseLang reads a lang parameter's value: en or ru (a locale such as
// ru-RU is taken too).
func parseLang(s string) (i18n.Lang, error) {
	l, ok := i18n.Parse(s)
	if !ok {
		return i18n.EN, bad(langParam, s, &indicators.Error{Code: indicators.EInvalid,
			Msg: "unknown language \"" + s + "\": use lang=en or lang=ru", Suggestions: []string{"en", "ru"}})
	}
	return l, nil
}

// lang reads the answer's language: the lang parameter, else (when
// header is set, for pages a browser shows) the Accept-Language header,
// else English. The language is part of the cache key, and whether the
// header chose it too, so that only answers the header chose say
// Vary: Accept-Language.
func (q *query) lang(w http.ResponseWriter, header bool) (i18n.Lang, error) {
	if vs := q.v[langParam]; len(vs) > 1 && q.r != nil && ruAddress(q.r) {
		// The reader's own lang, beside the lang=ru of the /ru address.
		own := strings.Join(vs[:len(vs)-1], ",")
		return i18n.RU, invalid(langParam, own, "lang=%s on an address under /ru/, which is in Russian already: drop lang, or /ru/ for the page in English", own)
	}
	s, err := q.single(langParam)
	if err != nil {
		return i18n.EN, err
	}
	if s != "" {
		l, err := parseLang(s)
		if err != nil {
			return l, err
		}
		q.record(langParam, string(l))
		w.Header().Set("Content-Language", string(l))
		return l, nil
	}
	if !header || q.r == nil {
		q.record(langParam, string(i18n.EN))
		return i18n.EN, nil
	}
	l := i18n.FromAcceptLanguage(q.r.Header.Get("Accept-Language"))
	q.record(langParam, string(l)+"~header")
	w.Header().Set("Content-Language", string(l))
	w.Header().Add("Vary", "Accept-Language")
	return l, nil
}

// requestLang is the language of a request's error page: Russian for an
// address under /ru, else its valid lang parameter, else its
// Accept-Language header; byHeader says the header chose.
func requestLang(r *http.Request) (l i18n.Lang, byHeader bool) {
	if ruAddress(r) {
		return i18n.RU, false
	}
	if v, err := url.ParseQuery(r.URL.RawQuery); err == nil && len(v[langParam]) == 1 {
		if l, ok := i18n.Parse(v.Get(langParam)); ok {
			return l, false
		}
	}
	return i18n.FromAcceptLanguage(r.Header.Get("Accept-Language")), true
}

// displayName is a country's name in language l: the registry's Russian
// name for Russian (indicators.Country.DisplayName), else its English
// name.
func displayName(l i18n.Lang, c indicators.Country) string {
	return c.DisplayName(l.Tag())
}

// nameOf is the name in language l of the registry's entity iso3, whose
// English name a document gives as english.
func (s *Server) nameOf(l i18n.Lang, iso3, english string) string {
	if l == i18n.EN {
		return english
	}
	if c, ok := s.opts.Store.Registry().ByCode(iso3); ok {
		return displayName(l, c)
	}
	return english
}
