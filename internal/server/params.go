package server

import (
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
}

func (e *badParam) Error() string { return e.err.Error() }
func (e *badParam) Unwrap() error { return e.err }

func bad(param, value string, err error) error {
	return &badParam{param: param, value: value, err: err}
}

func invalid(param, value, format string, args ...any) error {
	return bad(param, value, indicators.Errorf(indicators.EInvalid, format, args...))
}

// query reads and validates a request's parameters: every parameter must
// be one the route knows, given at most once unless it is a list.
type query struct {
	v     url.Values
	store *datasets.Store
}

func newQuery(r *http.Request, store *datasets.Store, allowed ...string) (*query, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, invalid("", r.URL.RawQuery, "the query string is malformed: %v", err)
	}
	for k := range v {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return nil, invalid(k, v.Get(k), "unknown parameter %q: this address takes none", k)
			}
			return nil, bad(k, v.Get(k), &indicators.Error{Code: indicators.EInvalid,
				Msg: fmt.Sprintf("unknown parameter %q: valid parameters are %s", k, strings.Join(allowed, ", ")), Suggestions: indicators.Nearest(k, allowed, 3)})
		}
	}
	return &query{v: v, store: store}, nil
}

// single returns a parameter given at most once.
func (q *query) single(name string) (string, error) {
	vs := q.v[name]
	if len(vs) > 1 {
		return "", invalid(name, strings.Join(vs, ","), "parameter %q is given %d times: give it once", name, len(vs))
	}
	if len(vs) == 0 {
		return "", nil
	}
	if len(vs[0]) > 200 {
		return "", invalid(name, vs[0][:200], "parameter %q is too long", name)
	}
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
		return nil, invalid(name, strings.Join(out[:20], ","), "parameter %q lists more than 20 values", name)
	}
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
	return y, nil
}

// countries resolves a list of country names or codes.
func (q *query) countries(name string, min int) ([]indicators.Country, error) {
	names, err := q.list(name)
	if err != nil {
		return nil, err
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
		return "post-soviet", nil
	}
	if _, err := q.store.Registry().Group(s); err != nil {
		return "", bad(name, s, err)
	}
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
