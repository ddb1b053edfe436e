package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// badParam ties a user error to the query parameter and value that caused
// it.
type badParam struct {
	param, value string
	err          error
	// unwanted: the parameter has no place in the address at all (an
	// unknown one, or one the path already gives).
	unwanted bool
}

func (e *badParam) Error() string { return e.err.Error() }
func (e *badParam) Unwrap() error { return e.err }

func bad(param, value string, err error) error {
	return &badParam{param: param, value: value, err: err}
}

// unwantedParam marks err, a parameter's error, as one about the
// parameter itself rather than its value.
func unwantedParam(err error) error {
	var bp *badParam
	if errors.As(err, &bp) {
		bp.unwanted = true
	}
	return err
}

func invalid(param, value, format string, args ...any) error {
	return bad(param, value, indicators.Errorf(indicators.EInvalid, format, args...))
}

// query reads and validates a request's parameters: every parameter must
// be one the route knows, given at most once unless it is a list.
//
// Each reading records the parameter's canonical value: exactly what the
// route gets from it (countries as ISO codes, a year as a number, a list
// joined). Once the route has read everything its answer depends on, ready
// names the answer's cache entry by the route's path and those values, so
// that spellings of one question share an entry and different questions
// never do.
type query struct {
	v     url.Values
	store *datasets.Store
	// path is the route part of the cache key (the request's path, or a
	// canonical form of it).
	path string
	// canon holds each parameter read, by name, with its canonical value;
	// extra is anything else the answer depends on (oEmbed's origin).
	canon map[string]string
	extra string
	slot  *cacheSlot // nil: the answer is not cached
	named bool       // ready has named the entry
	// r is the request, whose Accept-Language a page's language may
	// follow (query.lang).
	r *http.Request
}

// cacheable lets the answer to w be cached: w is the recorder of a
// request served through Server.ServeHTTP.
func (q *query) cacheable(w http.ResponseWriter) {
	if rec, ok := w.(*recorder); ok {
		q.slot = &rec.slot
	}
}

// record notes a parameter's canonical value; a parameter read after
// ready named the entry spoils it, since the name does not cover it.
func (q *query) record(name, value string) {
	if q.named && q.slot != nil {
		q.slot.spoilt = true
	}
	q.canon[name] = value
}

// key is the cache key of the answer: the route's path, the canonical
// parameters in name order and the extra part.
func (q *query) key() string {
	names := make([]string, 0, len(q.canon))
	for n := range q.canon {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString(q.path)
	b.WriteByte('?')
	for i, n := range names {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(n))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(q.canon[n]))
	}
	if q.extra != "" {
		b.WriteByte('#')
		b.WriteString(url.QueryEscape(q.extra))
	}
	return b.String()
}

// ready is called by a route once it has read every parameter its answer
// depends on and before it builds anything. It names the answer's cache
// entry and reports whether the answer is already cached, in which case
// the route writes nothing and the cached answer is served.
func (q *query) ready(cache *responseCache) bool {
	if q.slot == nil || q.named {
		return false
	}
	q.named = true
	q.slot.key = q.key()
	if c, ok := cache.get(q.slot.key); ok {
		q.slot.hit = c
		return true
	}
	return false
}

func newQuery(r *http.Request, store *datasets.Store, allowed ...string) (*query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, invalid("", clip(r.URL.RawQuery), "the query string is malformed: %v", err)
	}
	for k := range v {
		if !slices.Contains(allowed, k) {
			name, value := clip(k), clip(v.Get(k))
			if len(allowed) == 0 {
				return nil, unwantedParam(invalid(name, value, "unknown parameter %q: this address takes none, so drop it", name))
			}
			if len(allowed) == 1 && allowed[0] == langParam {
				return nil, unwantedParam(invalid(name, value, "unknown parameter %q: this address takes none but lang (en or ru), so drop it", name))
			}
			return nil, unwantedParam(bad(name, value, &indicators.Error{Code: indicators.EInvalid,
				Msg: fmt.Sprintf("unknown parameter %q: valid parameters are %s", name, strings.Join(allowed, ", ")), Suggestions: indicators.Nearest(name, allowed, 3)}))
		}
	}
	return &query{v: v, store: store, path: r.URL.Path, canon: map[string]string{}, r: r}, nil
}

// clip shortens a value echoed in an error to 200 bytes, so that a long
// junk query does not get a long answer.
func clip(s string) string {
	if len(s) <= 200 {
		return s
	}
	return strings.ToValidUTF8(s[:200], "")
}

// single returns a parameter given at most once.
func (q *query) single(name string) (string, error) {
	vs := q.v[name]
	if len(vs) > 1 {
		return "", invalid(name, strings.Join(vs, ","), "parameter %q is given %d times: give it once", name, len(vs))
	}
	if len(vs) == 0 {
		q.record(name, "")
		return "", nil
	}
	if len(vs[0]) > 200 {
		return "", invalid(name, vs[0][:200], "parameter %q is too long: give at most 200 characters", name)
	}
	q.record(name, vs[0])
	return vs[0], nil
}

// list returns a comma-separated and/or repeated parameter.
func (q *query) list(name string) ([]string, error) {
	var out []string
	for _, v := range q.v[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	if len(out) > 20 {
		return nil, invalid(name, strings.Join(out[:20], ","), "parameter %q lists more than 20 values: give at most 20", name)
	}
	q.record(name, strings.Join(out, ","))
	return out, nil
}

// year returns a year parameter (0 when absent).
func (q *query) year(name string) (int, error) {
	s, err := q.single(name)
	if err != nil || s == "" {
		return 0, err
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2100 {
		return 0, invalid(name, s, "%s must be a year such as 2023, not %q", name, s)
	}
	q.record(name, strconv.Itoa(y))
	return y, nil
}

// countries resolves a list of country names or codes.
func (q *query) countries(name string, min int) ([]indicators.Country, error) {
	names, err := q.list(name)
	if err != nil {
		return nil, err
	}
	if len(names) < min && min == 1 {
		return nil, invalid(name, strings.Join(names, ","), "parameter %q needs a country, e.g. %s=kaz", name, name)
	}
	if len(names) < min {
		return nil, invalid(name, strings.Join(names, ","), "parameter %q needs at least %d countries, e.g. %s=kaz,uzb", name, min, name)
	}
	reg := q.store.Registry()
	out := make([]indicators.Country, 0, len(names))
	for _, n := range names {
		c, err := reg.Resolve(n)
		if err != nil {
			return nil, bad(name, n, err)
		}
		out = append(out, c)
	}
	if _, err := reg.ResolveAll(names); err != nil {
		return nil, bad(name, strings.Join(names, ","), err)
	}
	codes := make([]string, len(out))
	for i, c := range out {
		codes[i] = c.ISO3
	}
	q.record(name, strings.Join(codes, ","))
	return out, nil
}

// country resolves one required country.
func (q *query) country(name string) (indicators.Country, error) {
	s, err := q.single(name)
	if err != nil {
		return indicators.Country{}, err
	}
	if s == "" {
		return indicators.Country{}, invalid(name, "", "parameter %q is required, e.g. %s=kaz", name, name)
	}
	c, err := q.store.Registry().Resolve(s)
	if err != nil {
		return indicators.Country{}, bad(name, s, err)
	}
	q.record(name, c.ISO3)
	return c, nil
}

// indicators validates a list of indicator ids.
func (q *query) indicators(name string) ([]string, error) {
	ids, err := q.list(name)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, err := q.store.Indicator(id); err != nil {
			return nil, bad(name, id, err)
		}
	}
	return ids, nil
}

// indicator validates one required indicator id.
func (q *query) indicator(name string) (string, error) {
	s, err := q.single(name)
	if err != nil {
		return "", err
	}
	if s == "" {
		return "", invalid(name, "", "parameter %q is required, e.g. %s=rsf", name, name)
	}
	if _, err := q.store.Indicator(s); err != nil {
		return "", bad(name, s, err)
	}
	return s, nil
}

// group validates a group name (default post-soviet).
func (q *query) group(name string) (string, error) {
	s, err := q.single(name)
	if err != nil {
		return "", err
	}
	if s == "" {
		s = "post-soviet"
	} else if _, err := q.store.Registry().Group(s); err != nil {
		return "", bad(name, s, err)
	}
	q.record(name, s)
	return s, nil
}

// format returns json (default) or csv.
func (q *query) format() (string, error) {
	s, err := q.single("format")
	if err != nil {
		return "", err
	}
	switch s {
	case "", "json":
		q.record("format", "json")
		return "json", nil
	case "csv":
		return "csv", nil
	}
	return "", bad("format", s, &indicators.Error{Code: indicators.EInvalid, Msg: fmt.Sprintf("unknown format %q: use json or csv", s), Suggestions: []string{"json", "csv"}})
}

// span reads the optional "from" and "to" years, which must be in order.
func (q *query) span() (from, to int, err error) {
	if from, err = q.year("from"); err != nil {
		return 0, 0, err
	}
	if to, err = q.year("to"); err != nil {
		return 0, 0, err
	}
	if from != 0 && to != 0 && from > to {
		return 0, 0, invalid("from", q.v.Get("from"), "from %d is after to %d", from, to)
	}
	return from, to, nil
}
