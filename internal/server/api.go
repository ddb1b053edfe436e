package server

import (
	"errors"
	"net/http"

	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// writeDoc writes a document as JSON, or as CSV when asked and the document
// has a CSV form.
func writeDoc(w http.ResponseWriter, format string, doc any) {
	if t, ok := doc.(docs.Tabular); ok && format == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		docs.WriteCSV(w, t)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	docs.WriteJSON(w, doc)
}

// errCached is what a builder returns when the answer is already cached
// (query.ready): nothing is to be written.
var errCached = errors.New("the answer is cached")

// built is how a builder continues once it has read its parameters: it
// stops with errCached when the answer is cached.
func (s *Server) built(q *query) error {
	if q.ready(s.cache) {
		return errCached
	}
	return nil
}

// api wraps a handler that builds a document from validated parameters.
// build reads the parameters, calls s.built and only then builds.
func (s *Server) api(allowed []string, build func(q *query) (any, error)) http.HandlerFunc {
	allowed = append(allowed, "format")
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := newQuery(r, s.opts.Store, allowed...)
		if err != nil {
			fail(w, err)
			return
		}
		q.cacheable(w)
		format, err := q.format()
		if err != nil {
			fail(w, err)
			return
		}
		doc, err := build(q)
		if errors.Is(err, errCached) {
			return
		}
		if err != nil {
			fail(w, err)
			return
		}
		writeDoc(w, format, doc)
	}
}

// apiLang is the language of the names an API document gives: the lang
// parameter's, English without it. The API never follows
// Accept-Language: its documents are data, the same for every client.
func apiLang(q *query) (i18n.Lang, error) {
	s, err := q.single(langParam)
	if err != nil || s == "" {
		return i18n.EN, err
	}
	return parseLang(s)
}

func (s *Server) apiCountries(q *query) (any, error) {
	g, err := q.group("group")
	if err != nil {
		return nil, err
	}
	l, err := apiLang(q)
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.Countries(s.opts.Store.Registry(), g)
	if err != nil || l == i18n.EN {
		return doc, wrap("group", g, err)
	}
	// The names in Russian, listed in Russian order.
	members, _ := s.opts.Store.Registry().Group(g)
	byCode := map[string]docs.Country{}
	for _, c := range doc.Countries {
		byCode[c.ISO3] = c
	}
	doc.Countries = doc.Countries[:0]
	for _, c := range byName(l, members) {
		d := byCode[c.ISO3]
		d.Name = displayName(l, c)
		doc.Countries = append(doc.Countries, d)
	}
	return doc, nil
}

func (s *Server) apiIndicators(q *query) (any, error) {
	l, err := apiLang(q)
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc := docs.Indicators(s.opts.Store)
	for i, ind := range doc.Indicators {
		doc.Indicators[i] = docs.IndicatorIn(l, ind)
	}
	return doc, nil
}

func (s *Server) apiSources(q *query) (any, error) {
	l, err := apiLang(q)
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.Sources(s.opts.Store)
	if err != nil || l == i18n.EN {
		return doc, err
	}
	for i, src := range doc.Sources {
		if i18n.Has("web.source." + src.ID) {
			doc.Sources[i].Name = l.T("web.source." + src.ID)
		}
		if i18n.Has("web.publisher." + src.ID) {
			doc.Sources[i].Publisher = l.T("web.publisher." + src.ID)
		}
		doc.Sources[i].Edition, _ = docs.TextIn(l, src.Edition)
		doc.Sources[i].Licence, _ = docs.TextIn(l, src.Licence)
		doc.Sources[i].Notes, _ = docs.TextIn(l, src.Notes)
		if src.Basis != "" {
			total := 0
			for _, n := range src.SourceKindCounts {
				total += n
			}
			doc.Sources[i].Basis = sourceKindSentence(l, src.SourceKindCounts, total)
		}
	}
	return doc, nil
}

func (s *Server) apiSeries(q *query) (any, error) {
	c, err := q.country("country")
	if err != nil {
		return nil, err
	}
	ids, err := q.indicators("indicator")
	if err != nil {
		return nil, err
	}
	from, to, err := q.span()
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.ShowCountry(s.opts.Store, c, ids, from, to)
	return doc, wrap("country", c.ISO3, err)
}

func (s *Server) apiCompare(q *query) (any, error) {
	cs, err := q.countries("countries", 2)
	if err != nil {
		return nil, err
	}
	ids, err := q.indicators("indicator")
	if err != nil {
		return nil, err
	}
	year, err := q.year("year")
	if err != nil {
		return nil, err
	}
	since, err := q.year("since")
	if err != nil {
		return nil, err
	}
	group, err := q.group("group")
	if err != nil {
		return nil, err
	}
	if year != 0 && since > year {
		return nil, invalid("since", q.v.Get("since"), "since %d is after year %d", since, year)
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.BuildCompare(s.opts.Store, docs.CompareOptions{Year: year, Since: since, IDs: ids, Group: group, Countries: cs})
	return doc, wrap("year", q.v.Get("year"), err)
}

func (s *Server) apiRank(q *query) (any, error) {
	id, err := s.yearlyIndicator(q)
	if err != nil {
		return nil, err
	}
	year, err := q.year("year")
	if err != nil {
		return nil, err
	}
	group, err := q.group("group")
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.BuildRank(s.opts.Store, id, year, group)
	return doc, wrap("year", q.v.Get("year"), err)
}

func (s *Server) apiTrend(q *query) (any, error) {
	c, err := q.country("country")
	if err != nil {
		return nil, err
	}
	id, err := s.yearlyIndicator(q)
	if err != nil {
		return nil, err
	}
	from, to, err := q.span()
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.BuildTrend(s.opts.Store, c, id, from, to)
	return doc, wrap("indicator", id, err)
}

func (s *Server) apiElections(q *query) (any, error) {
	c, err := q.country("country")
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.BuildElections(s.opts.Store, c)
	return doc, wrap("country", c.ISO3, err)
}

func (s *Server) apiCorrelate(q *query) (any, error) {
	year, err := q.year("year")
	if err != nil {
		return nil, err
	}
	group, err := q.group("group")
	if err != nil {
		return nil, err
	}
	ids, err := q.indicators("indicator")
	if err != nil {
		return nil, err
	}
	if err := s.built(q); err != nil {
		return nil, err
	}
	doc, err := docs.BuildCorrelate(s.opts.Store, year, group, ids)
	return doc, wrap("year", q.v.Get("year"), err)
}

// wrap ties a builder's user error to the parameter that most likely caused
// it.
func wrap(param, value string, err error) error {
	if err == nil {
		return nil
	}
	return bad(param, value, err)
}

// yearlyIndicator reads a required indicator that has yearly figures (not
// the ODIHR election list).
func (s *Server) yearlyIndicator(q *query) (string, error) {
	id, err := q.indicator("indicator")
	if err != nil {
		return "", err
	}
	if ind, _ := s.opts.Store.Indicator(id); ind.Events {
		return "", invalid("indicator", id, "%s is a list of elections, not yearly figures: use /api/v1/elections", id)
	}
	return id, nil
}
