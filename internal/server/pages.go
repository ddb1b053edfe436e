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
	"github.com/rankings-dev/rankings/internal/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

// page is what every template receives.
type page struct {
	Title string
	Data  any
	// Lang is the page's language and Other the other one ("en", "ru");
	// Alt is the address of this page in each (render sets all three).
	Lang, Other string
	Alt         map[string]string
}

// funcs are the template functions of pages in language l.
func (s *Server) funcs(l i18n.Lang) template.FuncMap {
	store := s.opts.Store
	format := func(id string, v any) string {
		ind, err := store.Indicator(id)
		if err != nil {
			return ""
		}
		switch x := v.(type) {
		case float64:
			return l.Figure(ind.Format(x))
		case *float64:
			if x == nil {
				return "–"
			}
			return l.Figure(ind.Format(*x))
		}
		return ""
	}
	name := func(doc docs.Compare, iso3 string) string {
		for _, c := range doc.Countries {
			if c.ISO3 == iso3 {
				return s.nameOf(l, c.ISO3, c.Name)
			}
		}
		return iso3
	}
	return template.FuncMap{
		// t is a message of the catalogue as HTML: the catalogue is the
		// project's own text, and its arguments are escaped here (all but
		// template.HTML ones).
		"t": func(key string, args ...any) template.HTML { return message(l, key, args...) },
		// foreign reports whether text the data holds only in English
		// (summaries, notes, error messages) is foreign to the page.
		"foreign":  func() bool { return l != i18n.EN },
		"href":     func(p string) string { return langPath(l, p) },
		"api":      func(p string) string { return apiPath(l, p) },
		"fmtValue": format,
		"rankText": func(rank, of *int) string {
			if rank == nil || of == nil {
				return ""
			}
			return l.T("web.rank_of", *rank, *of)
		},
		"trendText":   func(t docs.Trend) string { return trendText(l, t) },
		"changeText":  func(id string, c docs.ChangeDoc) string { return changeText(l, format(id, c.Value), c) },
		"segmentsOf":  func(ss docs.ShowSeries) []showSegment { return segmentsOf(l, ss) },
		"countryName": name,
		"cname":       func(c any) string { return s.cname(l, c) },
		"indName":     l.IndicatorName,
		// indNameFirst is an indicator's name as a page first says it: in
		// Russian with the publisher's English name beside it, marked as
		// English.
		"indNameFirst": func(id, english string) template.HTML {
			name := l.IndicatorName(id, english)
			if name == english {
				return template.HTML(template.HTMLEscapeString(name))
			}
			return template.HTML(template.HTMLEscapeString(name) + ` (<span lang="en">` + template.HTMLEscapeString(english) + `</span>)`)
		},
		"direction": func(higher bool) string {
			if higher {
				return l.T("web.higher_is_better")
			}
			return l.T("web.lower_is_better")
		},
		"yearOf": func(year int, meaning string) string { return yearText(l, "web.year_of.", year, meaning) },
		"yearIs": func(year int, meaning string) string { return yearText(l, "web.year_is.", year, meaning) },
		"aheadText": func(ci docs.CompareIndicator, doc docs.Compare) string {
			if ci.Leader == nil {
				return l.T("web.ahead.none")
			}
			n := name(doc, *ci.Leader)
			switch {
			case ci.Distinguishable == nil:
				return l.T("web.ahead.no_uncertainty", n)
			case *ci.Distinguishable:
				return l.T("web.ahead.distinguishable", n)
			}
			return l.T("web.ahead.not_distinguishable", n)
		},
		"aheadShort": func(ci docs.CompareIndicator, doc docs.Compare) string {
			if ci.Leader == nil {
				return l.T("web.ahead_short.none")
			}
			n := *ci.Leader
			if l != i18n.EN {
				n = name(doc, n)
			}
			switch {
			case ci.Distinguishable == nil:
				return n
			case *ci.Distinguishable:
				return l.T("web.ahead_short.distinguishable", n)
			}
			return l.T("web.ahead_short.not_distinguishable", n)
		},
		"assessment": func(a string) string { return docs.AssessmentIn(l, a) },
		"mission": func(m string) string {
			if l == i18n.EN || !i18n.Has("web.mission."+m) {
				return m
			}
			return l.T("web.mission." + m)
		},
		"electionType": func(t string) string { return docs.ElectionTypeIn(l, t) },
		"segLabel":     func(label string) string { return segmentLabel(l, label) },
		// status is Freedom House's status (F, PF, NF) in words in
		// Russian; in English the code, as the source writes it.
		"status": func(code string) string {
			if l == i18n.EN || !i18n.Has("status."+code) {
				return code
			}
			return l.T("status." + code)
		},
		"unit": func(u string) string {
			if l == i18n.EN || !i18n.Has("web.unit."+u) {
				return u
			}
			return l.T("web.unit." + u)
		},
		"date": l.DateText,
		// The footnotes of figures the source's current files restate
		// (RSF 2013–2021): each table's marks and notes.
		"showNotes":     func(ss docs.ShowSeries) tableNotes { return s.showNotes(ss) },
		"rankNotes":     func(doc docs.Rank) tableNotes { return s.rankNotes(doc) },
		"compareNotes":  func(ci docs.CompareIndicator) tableNotes { return s.compareNotes(ci) },
		"overviewNotes": func(doc docs.Compare) tableNotes { return s.compareNotes(doc.Indicators...) },
		// sourceKind says what an election's source page is, in words.
		"sourceKind": func(k string) string { return docs.SourceKindIn(l, k) },
		"primary":    func(k string) bool { return indicators.SourceKind(k).Primary() },
		"host":       hostOf,
		// sourceKinds says what a country's assessments rest on.
		"sourceKinds": func(d docs.ElectionsDocument) string {
			return sourceKindSentence(l, d.SourceKindCounts, len(d.Elections))
		},
		"electionsLine": func(d docs.ElectionsDocument) string { return electionsLine(l, d) },
		"groupTitle":    func(doc docs.Rank) string { return docs.RankingGroupTitleIn(l, doc.Group.Name) },
		"unlisted":      func(doc docs.Rank) string { return unlistedSentence(l, doc) },
		"pick": func(all []indicators.Country, selected string) map[string]any {
			group, _ := store.Registry().Group("post-soviet")
			territories, _ := store.Registry().Group("territories")
			return map[string]any{"Group": byName(l, group), "Territories": byName(l, territories), "All": byName(l, all), "Selected": selected}
		},
		// entityHeader names a ranking's rows: Country, or Country or
		// territory when a territory is among them.
		"entityHeader": func(doc docs.Rank) string {
			for _, r := range doc.Rows {
				if c, ok := store.Registry().ByCode(r.ISO3); !ok || c.Kind != indicators.KindCountry {
					return l.T("web.col.country_or_territory")
				}
			}
			return l.T("web.col.country")
		},
		"timelineURL": func(id string, doc docs.Compare) string {
			var codes []string
			for _, c := range doc.Countries {
				codes = append(codes, c.ISO3)
			}
			u := "/chart/timeline?c=" + strings.Join(codes, ",") + "&indicator=" + id
			if l != i18n.EN {
				u += "&lang=" + string(l)
			}
			return u
		},
	}
}

// pageNames are the page templates; each is parsed with the layout once,
// when the server is made.
var pageNames = []string{"index", "compare", "country", "indicator", "electionspage", "errorpage"}

func (s *Server) parseTemplates() map[i18n.Lang]map[string]*template.Template {
	out := map[i18n.Lang]map[string]*template.Template{}
	for _, l := range i18n.Langs {
		out[l] = map[string]*template.Template{}
		for _, name := range pageNames {
			out[l][name] = template.Must(template.New("").Funcs(s.funcs(l)).ParseFS(templateFS,
				"templates/layout.html", "templates/elections.html", "templates/"+name+".html"))
		}
	}
	return out
}

// render executes a page template in language l into w; r is the request,
// whose address in each language the page links to.
func (s *Server) render(w http.ResponseWriter, r *http.Request, q *query, l i18n.Lang, name string, p page) {
	t := s.pages[l][name]
	p.Lang, p.Other = string(l), string(l.Other())
	p.Alt = map[string]string{}
	for k, v := range alternates(r, q) {
		p.Alt[string(k)] = v
	}
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
	l, err := q.lang(w, true)
	if err != nil {
		fail(w, err)
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
	more := []pickerSlot{{3, "web.picker.third"}, {4, "web.picker.fourth"}, {5, "web.picker.fifth"}, {6, "web.picker.sixth"}}
	s.render(w, r, q, l, "index", page{Title: l.T("web.index.title"), Data: map[string]any{
		"Countries": byName(l, reg.Countries()), "Group": byName(l, group), "Indicators": inds,
		"More": more, "Years": s.pickerYears(inds)}})
}

// pickerSlot is an optional country select of the picker: the compare
// page ignores the ones left empty. Label is its label's message key.
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

// byName is a copy of cs sorted by name in language l (the display
// language for English), as a reader scans a picker.
func byName(l i18n.Lang, cs []indicators.Country) []indicators.Country {
	out := slices.Clone(cs)
	tag := countries.DisplayLanguage
	if l != i18n.EN {
		tag = l.Tag()
	}
	countries.SortByName(out, tag)
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
	l, err := q.lang(w, true)
	if err != nil {
		fail(w, err)
		return
	}
	if u := origURL(r); u.Path == "/compare" && emptyValue(u.RawQuery) {
		// The picker's form sends every field, those left unchosen
		// empty (c=KAZ&c=UZB&c=&c=&indicator=&year=): the reader is sent
		// on to the page's own address, /compare/KAZ,UZB, the one to
		// share and cite.
		to := q.pageURL()
		if l == i18n.RU && (ruAddress(r) || q.v.Has(langParam)) {
			to = langPath(i18n.RU, to)
		}
		http.Redirect(w, r, to, http.StatusSeeOther)
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
		names = append(names, displayName(l, c))
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
		if html := s.compareChart(w, l, "timeline", ci.ID, doc); html != "" {
			charts[ci.ID] = html
		}
	}
	maps := map[string]template.HTML{}
	for _, ci := range doc.Indicators {
		if html := s.compareMap(w, l, ci, cs); html != "" {
			maps[ci.ID] = html
		}
	}
	s.render(w, r, q, l, "compare", page{Title: strings.Join(names, l.T("web.compare.vs_title")),
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
func (s *Server) compareMap(w http.ResponseWriter, l i18n.Lang, ci docs.CompareIndicator, cs []indicators.Country) template.HTML {
	if !slices.Contains(compareMapIndicators, ci.ID) {
		return ""
	}
	return s.fragment(w, chartdata.Request{Kind: charts.Map, Indicators: []string{ci.ID}, Countries: cs, Year: ci.Year, Lang: l})
}

func (s *Server) countryPage(w http.ResponseWriter, r *http.Request, q *query) {
	code := r.PathValue("iso3")
	c, err := s.opts.Store.Registry().Resolve(code)
	if err != nil {
		fail(w, bad("iso3", code, err))
		return
	}
	q.path = "/country/" + c.ISO3 // every name of the country is one page
	l, err := q.lang(w, true)
	if err != nil {
		fail(w, err)
		return
	}
	if q.ready(s.cache) {
		return
	}
	doc, err := docs.ShowCountry(s.opts.Store, c, nil, 0, 0)
	if err != nil {
		fail(w, err)
		return
	}
	s.render(w, r, q, l, "country", page{Title: displayName(l, c), Data: map[string]any{"Doc": doc}})
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
	l, err := q.lang(w, true)
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
	s.render(w, r, q, l, "indicator", page{Title: l.IndicatorName(doc.Indicator.ID, doc.Indicator.Name),
		Data: map[string]any{"Doc": doc, "Chart": s.rankChart(w, l, doc)}})
}

func (s *Server) electionsPage(w http.ResponseWriter, r *http.Request, q *query) {
	cs, err := q.countries("c", 1)
	if err != nil {
		fail(w, err)
		return
	}
	l, err := q.lang(w, true)
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
	s.render(w, r, q, l, "electionspage", page{Title: l.T("web.electionspage.title"), Data: map[string]any{"Docs": ds}})
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

func segmentOf(ss docs.ShowSeries, year int) (docs.Segment, bool) {
	for _, seg := range ss.Segments {
		if year >= seg.From && (seg.To == nil || year <= *seg.To) {
			return seg, true
		}
	}
	return docs.Segment{}, false
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

// emptyValue reports whether a raw query gives some parameter an empty
// value ("c=" or a bare "c").
func emptyValue(raw string) bool {
	for _, part := range strings.Split(raw, "&") {
		if k, v, _ := strings.Cut(part, "="); k != "" && v == "" {
			return true
		}
	}
	return false
}
