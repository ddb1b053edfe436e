package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/docs"
)

//go:embed templates/*.html
var templateFS embed.FS

// page is what every template receives.
type page struct {
	Title string
	Data  any
}

func (s *Server) funcs() template.FuncMap {
	store := s.opts.Store
	format := func(id string, v any) string {
		ind, err := store.Indicator(id)
		if err != nil {
			return ""
		}
		switch x := v.(type) {
		case float64:
			return ind.Format(x)
		case *float64:
			if x == nil {
				return "–"
			}
			return ind.Format(*x)
		}
		return ""
	}
	return template.FuncMap{
		"fmtValue": format,
		"rankText": func(rank, of *int) string {
			if rank == nil || of == nil {
				return ""
			}
			return fmt.Sprintf("%d of %d", *rank, *of)
		},
		"trendText": func(t docs.Trend) string {
			if t.N == 0 {
				return "no figures"
			}
			if t.Insufficient || t.Slope == nil {
				return fmt.Sprintf("insufficient data (%d points)", t.N)
			}
			return fmt.Sprintf("%+.3g [%+.3g, %+.3g], %d–%d", *t.Slope, *t.CILow, *t.CIHigh, *t.From, *t.To)
		},
		"changeText": func(id string, c docs.ChangeDoc) string { return changeText(format(id, c.Value), c) },
		"segmentsOf": segmentsOf,
		"countryName": func(doc docs.Compare, iso3 string) string {
			for _, c := range doc.Countries {
				if c.ISO3 == iso3 {
					return c.Name
				}
			}
			return iso3
		},
		"aheadText": func(ci docs.CompareIndicator, doc docs.Compare) string {
			if ci.Leader == nil {
				return "No country is ahead: the figures are tied or missing."
			}
			name := *ci.Leader
			for _, c := range doc.Countries {
				if c.ISO3 == name {
					name = c.Name
				}
			}
			s := name + " is ahead"
			switch {
			case ci.Distinguishable == nil:
				s += " (the source publishes no uncertainty)."
			case *ci.Distinguishable:
				s += "; the published 90% intervals do not overlap."
			default:
				s += ", but the published 90% intervals overlap: the difference is not distinguishable."
			}
			return s
		},
		"aheadShort": func(ci docs.CompareIndicator) string {
			if ci.Leader == nil {
				return "tie or no figures"
			}
			switch {
			case ci.Distinguishable == nil:
				return *ci.Leader
			case *ci.Distinguishable:
				return *ci.Leader + " (distinguishable)"
			}
			return *ci.Leader + " (not distinguishable)"
		},
		"assessment": func(a string) string { return indicators.Assessment(a).Label() },
		// The footnotes of figures the source's current files restate
		// (RSF 2013–2021): each table's marks and notes.
		"showNotes":     func(ss docs.ShowSeries) tableNotes { return s.showNotes(ss) },
		"rankNotes":     func(doc docs.Rank) tableNotes { return s.rankNotes(doc) },
		"compareNotes":  func(ci docs.CompareIndicator) tableNotes { return s.compareNotes(ci) },
		"overviewNotes": func(doc docs.Compare) tableNotes { return s.compareNotes(doc.Indicators...) },
		// sourceKind says what an election's source page is, in words.
		"sourceKind": func(k string) string { return indicators.SourceKind(k).Label() },
		"primary":    func(k string) bool { return indicators.SourceKind(k).Primary() },
		"host":       hostOf,
		// sourceKinds says what a country's assessments rest on.
		"sourceKinds": func(d docs.ElectionsDocument) string {
			return docs.SourceKindSentence(d.SourceKindCounts, len(d.Elections))
		},
		"pick": func(all []indicators.Country, selected string) map[string]any {
			group, _ := store.Registry().Group("post-soviet")
			territories, _ := store.Registry().Group("territories")
			return map[string]any{"Group": byName(group), "Territories": byName(territories), "All": byName(all), "Selected": selected}
		},
		// entityHeader names a ranking's rows: Country, or Country or
		// territory when a territory is among them.
		"entityHeader": func(doc docs.Rank) string {
			for _, r := range doc.Rows {
				if c, ok := store.Registry().ByCode(r.ISO3); !ok || c.Kind != indicators.KindCountry {
					return "Country or territory"
				}
			}
			return "Country"
		},
		"timelineURL": func(id string, doc docs.Compare) string {
			var codes []string
			for _, c := range doc.Countries {
				codes = append(codes, c.ISO3)
			}
			return "/chart/timeline?c=" + strings.Join(codes, ",") + "&indicator=" + id
		},
	}
}

// pageNames are the page templates; each is parsed with the layout once,
// when the server is made.
var pageNames = []string{"index", "compare", "country", "indicator", "electionspage", "errorpage"}

func (s *Server) parseTemplates() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range pageNames {
		out[name] = template.Must(template.New("").Funcs(s.funcs()).ParseFS(templateFS,
			"templates/layout.html", "templates/elections.html", "templates/"+name+".html"))
	}
	return out
}

// render executes a page template into w.
func (s *Server) render(w http.ResponseWriter, name string, p page) {
	t := s.pages[name]
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// pageHandler wraps a route that takes the parameters allowed (none when
// nil): any other parameter is refused before the route runs. The route
// reads its parameters from q, calls q.ready (s.built) and only then
// builds its answer.
func (s *Server) pageHandler(allowed []string, h func(w http.ResponseWriter, r *http.Request, q *query)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := newQuery(r, s.opts.Store, allowed...)
		if err != nil {
			fail(w, err)
			return
		}
		q.cacheable(w)
		h(w, r, q)
	}
}

func (s *Server) index(w http.ResponseWriter, r *http.Request, q *query) {
	if r.URL.Path != "/" {
		writeError(w, http.StatusNotFound, indicators.Errorf(indicators.ENotFound, "no page at %s: start at /", r.URL.Path), "path", r.URL.Path)
		return
	}
	if q.ready(s.cache) {
		return
	}
	reg := s.opts.Store.Registry()
	group, _ := reg.Group("post-soviet")
	var inds []indicators.Indicator
	for _, ind := range s.opts.Store.Indicators() {
		if !ind.Events {
			inds = append(inds, ind)
		}
	}
	more := []pickerSlot{{3, "Third country"}, {4, "Fourth country"}, {5, "Fifth country"}, {6, "Sixth country"}}
	s.render(w, "index", page{Title: "Compare countries", Data: map[string]any{
		"Countries": byName(reg.Countries()), "Group": byName(group), "Indicators": inds,
		"More": more, "Years": s.pickerYears(inds)}})
}

// pickerSlot is an optional country select of the picker: the compare
// page ignores the ones left empty.
type pickerSlot struct {
	N     int
	Label string
}

// pickerYears are the years the picker offers, latest first: every year in
// which one of inds has figures.
func (s *Server) pickerYears(inds []indicators.Indicator) []int {
	var years []int
	for _, ind := range inds {
		ys, err := s.opts.Store.Years(ind.ID)
		if err != nil {
			continue
		}
		for _, y := range ys {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}

// byName is a copy of cs sorted by name in the display language, as a
// reader scans a picker.
func byName(cs []indicators.Country) []indicators.Country {
	out := slices.Clone(cs)
	countries.SortByName(out, countries.DisplayLanguage)
	return out
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request, q *query) {
	cs, err := q.countries("c", 2)
	if err != nil {
		fail(w, err)
		return
	}
	ids, err := q.indicators("indicator")
	if err != nil {
		fail(w, err)
		return
	}
	year, err := q.year("year")
	if err != nil {
		fail(w, err)
		return
	}
	if q.ready(s.cache) {
		return
	}
	doc, err := docs.BuildCompare(s.opts.Store, docs.CompareOptions{Year: year, IDs: ids, Countries: cs})
	if err != nil {
		fail(w, wrap("year", q.v.Get("year"), err))
		return
	}
	var codes, names []string
	for _, c := range cs {
		codes = append(codes, c.ISO3)
		names = append(names, c.Name)
	}
	api := "/api/v1/compare/" + strings.Join(codes, ",") + ".json"
	var extra []string
	if len(ids) > 0 {
		extra = append(extra, "indicator="+strings.Join(ids, ","))
	}
	if year != 0 {
		extra = append(extra, fmt.Sprintf("year=%d", year))
	}
	if len(extra) > 0 {
		api += "?" + strings.Join(extra, "&")
	}
	charts := map[string]template.HTML{}
	for _, ci := range doc.Indicators {
		if html := s.compareChart(w, "timeline", ci.ID, doc); html != "" {
			charts[ci.ID] = html
		}
	}
	maps := map[string]template.HTML{}
	for _, ci := range doc.Indicators {
		if html := s.compareMap(w, ci, cs); html != "" {
			maps[ci.ID] = html
		}
	}
	s.render(w, "compare", page{Title: strings.Join(names, " vs "),
		Data: map[string]any{"Doc": doc, "API": api, "Codes": strings.Join(codes, ","), "Charts": charts, "Maps": maps}})
}

// compareMapIndicators are the indicators whose map of the region the
// compare page shows, one per theme of the headline set: press freedom,
// rule of law, corruption, freedom. A map carries the outlines of the
// whole region (about 140 kB): a map of every headline indicator would
// make each compare page some 3 MB and a bake of the site twice its size;
// every indicator's map is one click away at /chart/map.
var compareMapIndicators = []string{"rsf", "wgi-rl", "ti-cpi", "fh-fiw"}

// compareMap renders the map of one of compareMapIndicators in the year
// the comparison shows it, the post-Soviet states filled and the compared
// countries outlined, as a fragment of the compare page with the tools of
// its other charts; "" when there is no map to draw (another indicator, a
// country not on the region map, no figures).
func (s *Server) compareMap(w http.ResponseWriter, ci docs.CompareIndicator, cs []indicators.Country) template.HTML {
	if !slices.Contains(compareMapIndicators, ci.ID) {
		return ""
	}
	return s.fragment(w, chartdata.Request{Kind: charts.Map, Indicators: []string{ci.ID}, Countries: cs, Year: ci.Year})
}

func (s *Server) countryPage(w http.ResponseWriter, r *http.Request, q *query) {
	code := r.PathValue("iso3")
	c, err := s.opts.Store.Registry().Resolve(code)
	if err != nil {
		fail(w, bad("iso3", code, err))
		return
	}
	q.path = "/country/" + c.ISO3 // every name of the country is one page
	if q.ready(s.cache) {
		return
	}
	doc, err := docs.ShowCountry(s.opts.Store, c, nil, 0, 0)
	if err != nil {
		fail(w, err)
		return
	}
	s.render(w, "country", page{Title: c.Name, Data: map[string]any{"Doc": doc}})
}

func (s *Server) indicatorPage(w http.ResponseWriter, r *http.Request, q *query) {
	id := r.PathValue("id")
	if _, err := s.opts.Store.Indicator(id); err != nil {
		fail(w, bad("id", id, err))
		return
	}
	year, err := q.year("year")
	if err != nil {
		fail(w, err)
		return
	}
	group, err := q.group("group")
	if err != nil {
		fail(w, err)
		return
	}
	if q.ready(s.cache) {
		return
	}
	doc, err := docs.BuildRank(s.opts.Store, id, year, group)
	if err != nil {
		fail(w, wrap("year", q.v.Get("year"), err))
		return
	}
	s.render(w, "indicator", page{Title: doc.Indicator.Name,
		Data: map[string]any{"Doc": doc, "Chart": s.rankChart(w, doc)}})
}

func (s *Server) electionsPage(w http.ResponseWriter, r *http.Request, q *query) {
	cs, err := q.countries("c", 1)
	if err != nil {
		fail(w, err)
		return
	}
	if q.ready(s.cache) {
		return
	}
	var ds []docs.ElectionsDocument
	for _, c := range cs {
		d, err := docs.BuildElections(s.opts.Store, c)
		if err != nil {
			fail(w, bad("c", c.ISO3, err))
			return
		}
		ds = append(ds, d)
	}
	s.render(w, "electionspage", page{Title: "Elections", Data: map[string]any{"Docs": ds}})
}

// changeText is a change since a base year in the compare page's "Change
// since" column; value is its figure, formatted. A rank change is given
// only with both field sizes, and where the source ranked a different
// number of entities in the two years the change of percentile (the share
// of the ranked field placed below, docs.ChangeDoc) leads instead.
func changeText(value string, c docs.ChangeDoc) string {
	if c.Value == nil {
		return c.Reason
	}
	if *c.Value > 0 {
		value = "+" + value
	}
	if c.RankChange == nil || c.Rank == nil || c.SinceRank == nil {
		return fmt.Sprintf("%s points since %d", value, *c.From)
	}
	now, then := fmt.Sprintf("%d/%d", *c.Rank, *c.RankOf), fmt.Sprintf("%d/%d", *c.SinceRank, *c.SinceRankOf)
	if c.FieldChanged() {
		pct := fmt.Sprintf("%+.1f", *c.PercentileChange)
		if *c.RankOf > *c.SinceRankOf {
			return fmt.Sprintf("%s points since %d; percentile %s points (rank %s from %s: the field grew from %d to %d, so the places are not comparable)",
				value, *c.From, pct, now, then, *c.SinceRankOf, *c.RankOf)
		}
		return fmt.Sprintf("%s points since %d; percentile %s points (rank %s from %s: the field shrank from %d to %d, so the places are not comparable)",
			value, *c.From, pct, now, then, *c.SinceRankOf, *c.RankOf)
	}
	switch r := *c.RankChange; {
	case r > 0:
		return fmt.Sprintf("%s points since %d; rank %s from %s (up %d)", value, *c.From, now, then, r)
	case r < 0:
		return fmt.Sprintf("%s points since %d; rank %s from %s (down %d)", value, *c.From, now, then, -r)
	}
	return fmt.Sprintf("%s points since %d; rank %s in both years", value, *c.From, now)
}

// showSegment is the rows of one methodology segment in a country page's
// table, headed by the segment's years, scale and direction.
type showSegment struct {
	Heading string
	Break   bool // a methodology break separates it from the rows above
	Rows    []showRow
}

// showRow is a figure with its index in the series (for its footnote).
type showRow struct {
	I int
	V docs.Value
}

// segmentsOf splits a series' figures by methodology segment, so that each
// segment's rows carry their own scale and direction (RSF 2002–2012 is
// lower-is-better, 2013– higher-is-better).
func segmentsOf(ss docs.ShowSeries) []showSegment {
	var out []showSegment
	for i, v := range ss.Values {
		seg, ok := segmentOf(ss, v.Year)
		if !ok {
			seg = docs.Segment{From: v.Year, HigherIsBetter: ss.HigherIsBetter}
		}
		if len(out) == 0 || !ok || out[len(out)-1].Heading != segmentHeading(seg) {
			out = append(out, showSegment{Heading: segmentHeading(seg), Break: len(out) > 0})
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, showRow{I: i, V: v})
	}
	return out
}

func segmentOf(ss docs.ShowSeries, year int) (docs.Segment, bool) {
	for _, seg := range ss.Segments {
		if year >= seg.From && (seg.To == nil || year <= *seg.To) {
			return seg, true
		}
	}
	return docs.Segment{}, false
}

// segmentHeading names a segment: "2002–2012: old points scale
// (unbounded), lower is better".
func segmentHeading(seg docs.Segment) string {
	years := fmt.Sprintf("%d–", seg.From)
	if seg.To != nil {
		years = fmt.Sprintf("%d–%d", seg.From, *seg.To)
	}
	label := seg.Label
	if label == "" {
		label = "scale " + docs.ScaleText(seg.Scale)
	}
	if seg.HigherIsBetter {
		return fmt.Sprintf("%s: %s, higher is better", years, label)
	}
	return fmt.Sprintf("%s: %s, lower is better", years, label)
}

// hostOf is a URL's host without "www.", the text of a source link.
func hostOf(u string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexByte(t, '/'); i > 0 {
		t = t[:i]
	}
	return strings.TrimPrefix(t, "www.")
}

// tableNotes are the footnotes of a table's figures: Marks[row][cell] is
// the mark a figure carries ("" for none) and Notes the notes under the
// table.
type tableNotes struct {
	Marks [][]string
	Notes []charts.Footnote
}

// footnotesOf numbers notes[row][cell] ("" for none) as footnotes, the
// same note once.
func footnotesOf(notes [][]string) tableNotes {
	t := tableNotes{Marks: make([][]string, len(notes))}
	number := map[string]string{}
	for r, row := range notes {
		t.Marks[r] = make([]string, len(row))
		for c, n := range row {
			if n == "" {
				continue
			}
			m, ok := number[n]
			if !ok {
				m = charts.Mark(len(t.Notes) + 1)
				number[n] = m
				t.Notes = append(t.Notes, charts.Footnote{Mark: m, Text: n + "."})
			}
			t.Marks[r][c] = m
		}
	}
	return t
}

// publishedNote is the note of a figure whose document carries a
// published_value, "" for a figure as published.
func (s *Server) publishedNote(id string, year int, value float64, published *float64) string {
	if published == nil {
		return ""
	}
	ind, err := s.opts.Store.Indicator(id)
	if err != nil {
		return ""
	}
	return ind.PublishedNote(indicators.Observation{Year: year, Value: value})
}

// showNotes: a row per year.
func (s *Server) showNotes(ss docs.ShowSeries) tableNotes {
	notes := make([][]string, len(ss.Values))
	for i, v := range ss.Values {
		notes[i] = []string{s.publishedNote(ss.ID, v.Year, v.Value, v.PublishedValue)}
	}
	return footnotesOf(notes)
}

// rankNotes: a row per country.
func (s *Server) rankNotes(doc docs.Rank) tableNotes {
	notes := make([][]string, len(doc.Rows))
	for i, r := range doc.Rows {
		notes[i] = []string{s.publishedNote(doc.Indicator.ID, doc.Year, r.Value, r.PublishedValue)}
	}
	return footnotesOf(notes)
}

// compareNotes: a row per indicator, a cell per country.
func (s *Server) compareNotes(cis ...docs.CompareIndicator) tableNotes {
	notes := make([][]string, len(cis))
	for i, ci := range cis {
		notes[i] = make([]string, len(ci.Values))
		for j, v := range ci.Values {
			if v.Value != nil {
				notes[i][j] = s.publishedNote(ci.ID, ci.Year, *v.Value, v.PublishedValue)
			}
		}
	}
	return footnotesOf(notes)
}
