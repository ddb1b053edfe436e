package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

// citeFormats are the formats of /api/v1/cite, json (the CitationList
// document) first, with their content types.
var citeFormats = []struct{ name, contentType string }{
	{"json", "application/json; charset=utf-8"},
	{"bibtex", docs.BibTeXType},
	{"ris", docs.RISType},
	{"csl-json", docs.CSLJSONType},
}

// citeParams are the parameters of /api/v1/cite.
var citeParams = []string{"indicator", "year", "accessed", "format"}

// cite is the handler of /api/v1/cite: it refuses unknown parameters, as
// every route does, and lets the answer be cached.
func (s *Server) cite(w http.ResponseWriter, r *http.Request) {
	q, err := newQuery(r, s.opts.Store, citeParams...)
	if err != nil {
		fail(w, err)
		return
	}
	q.cacheable(w)
	s.apiCite(w, q)
}

// apiCite serves /api/v1/cite: the citations of an indicator's source, a
// source or all sources (indicator=id|source|all, default all) as the
// CitationList document or as BibTeX, RIS or CSL-JSON (format). year is
// the edition to cite and accessed (YYYY-MM-DD) the access date, today's
// by default.
func (s *Server) apiCite(w http.ResponseWriter, q *query) {
	of, err := q.single("indicator")
	if err != nil {
		fail(w, err)
		return
	}
	if of == "" {
		of = "all"
	}
	q.record("indicator", of)
	year, err := q.year("year")
	if err != nil {
		fail(w, err)
		return
	}
	given, err := q.single("accessed")
	if err != nil {
		fail(w, err)
		return
	}
	when := time.Now().UTC()
	if given != "" {
		if when, err = docs.ParseAccessed(given); err != nil {
			fail(w, bad("accessed", given, err))
			return
		}
	}
	q.record("accessed", when.Format(docs.DateLayout))
	format, err := q.single("format")
	if err != nil {
		fail(w, err)
		return
	}
	if format == "" {
		format = "json"
	}
	contentType := ""
	names := make([]string, len(citeFormats))
	for i, f := range citeFormats {
		names[i] = f.name
		if f.name == format {
			contentType = f.contentType
		}
	}
	if contentType == "" {
		fail(w, bad("format", format, &indicators.Error{Code: indicators.EInvalid,
			Msg: fmt.Sprintf("unknown format %q: use one of %s", format, strings.Join(names, ", ")), Suggestions: indicators.Nearest(format, names, 3)}))
		return
	}
	q.record("format", format)
	if q.ready(s.cache) {
		return
	}
	// What is cited is checked first, so that an error names the
	// parameter that caused it.
	doc, err := docs.Cite(s.opts.Store, of, 0, when)
	if err != nil {
		fail(w, bad("indicator", of, err))
		return
	}
	if year != 0 {
		if doc, err = docs.Cite(s.opts.Store, of, year, when); err != nil {
			fail(w, bad("year", q.v.Get("year"), err))
			return
		}
	}
	w.Header().Set("Content-Type", contentType)
	switch format {
	case "bibtex":
		fmt.Fprint(w, doc.BibTeX())
	case "ris":
		fmt.Fprint(w, doc.RIS())
	case "csl-json":
		b, _ := json.MarshalIndent(doc.CSL(), "", "  ")
		fmt.Fprintf(w, "%s\n", b)
	default:
		docs.WriteJSON(w, doc)
	}
}
