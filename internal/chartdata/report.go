package chartdata

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// ReportYears is how many years back a report's timelines reach (within the
// methodology segment of the year shown).
const ReportYears = 15

// ReportOptions are the choices of a report.
type ReportOptions struct {
	// Year is each indicator's own year to report (an edition year or a
	// data year, as the indicator defines it); 0 is the latest year in
	// which all the countries have a figure. With a year the elections are
	// those held in or before it.
	Year int
	// Group is the group whose median the overview gives (default
	// post-soviet).
	Group string
	// Indicators are the indicators reported, in order; empty is the
	// headline set (docs.HeadlineIndicators), from which an indicator
	// without figures for the countries (in Year) is left out with the
	// reason. A named indicator without them is an error.
	Indicators []string
	// Accessed is the access date in the citations of sources that ask
	// for one; zero: today.
	Accessed time.Time
	// Lang is the language of the report's words (the zero value is
	// English): its headings, tables, sentences and charts. The
	// publishers' citations and licences and the elections' summaries
	// stay in English, and a Russian report says so.
	Lang i18n.Lang
}

// Report builds the comparison brief of `rankings report`: an overview
// table of the countries on every indicator (value, rank k of N, who is
// ahead, the group median), then per indicator a timeline of the
// countries, its figures and sentences stating the facts; the OSCE/ODIHR
// election table with sources, once; and the full citation of every
// source.
func Report(store *datasets.Store, cs []indicators.Country, opt ReportOptions) (charts.Document, error) {
	if len(cs) < 2 {
		return charts.Document{}, invalid("a report compares at least two countries")
	}
	ids := opt.Indicators
	explicit := len(ids) > 0
	if !explicit {
		ids = docs.HeadlineIndicators
	}
	group := opt.Group
	if group == "" {
		group = "post-soviet"
	}
	var iso3s []string
	for _, c := range cs {
		iso3s = append(iso3s, c.ISO3)
	}
	// The overview is the compare document of the same choices: the web
	// compare page and `rankings compare` show the same figures.
	// A named indicator lacking figures is an error; one of the headline
	// set is left out with the reason, as compare leaves it out of all.
	asked := opt.Indicators
	cmp, err := docs.BuildCompare(store, docs.CompareOptions{Year: opt.Year, IDs: asked, Group: group, Countries: cs})
	if err != nil {
		if indicators.IsUserError(err) && opt.Year == 0 {
			// Say what the data covers where none of the countries has a
			// figure at all.
			if nf := reportHasFigures(store, charts.Document{}, cs, ids, 0); nf != nil && !anyFigures(store, cs, ids) {
				return charts.Document{}, nf
			}
		}
		return charts.Document{}, err
	}
	if !explicit {
		cmp = headlineOnly(cmp)
	}
	l := opt.Lang
	doc := charts.Document{
		Title:    l.T("report.title", joinAndIn(l, namesIn(l, cs))),
		Subtitle: l.T("report.subtitle"),
		Lang:     l,
	}
	overview, err := reportOverview(store, cmp, cs, opt.Year, group, l)
	if err != nil {
		return charts.Document{}, err
	}
	doc.Sections = append(doc.Sections, overview)
	editions := map[string][]int{}
	var order []string
	for _, ci := range cmp.Indicators {
		ind, err := store.Indicator(ci.ID)
		if err != nil {
			return charts.Document{}, err
		}
		sec, years, err := reportSection(store, ind, cs, iso3s, ci.Year, opt)
		if err != nil {
			return charts.Document{}, err
		}
		doc.Sections = append(doc.Sections, sec)
		if m, ok, err := reportMap(store, ind, cs, ci.Year, group, opt.Accessed, l); err != nil {
			return charts.Document{}, err
		} else if ok {
			doc.Sections = append(doc.Sections, m)
		}
		if _, ok := editions[ind.Source]; !ok {
			order = append(order, ind.Source)
		}
		editions[ind.Source] = append(editions[ind.Source], years...)
	}
	elections, n, err := reportElections(store, cs, opt.Year, l)
	if err != nil {
		return charts.Document{}, err
	}
	if err := reportHasFigures(store, doc, cs, ids, n); err != nil {
		return charts.Document{}, err
	}
	doc.Sections = append(doc.Sections, elections)
	order = append(order, "odihr")
	// Sources: the full citation of every source, for the editions shown.
	var refs []charts.Cell
	for _, id := range order {
		src, ok := indicators.SourceByID(id)
		if !ok {
			continue
		}
		c := docs.SourceCitation(src, editions[id], accessedOn(Request{Accessed: opt.Accessed}))
		refs = append(refs, charts.Cell{Text: l.T("report.citation", strings.TrimSuffix(c.Text, "."), strings.TrimSuffix(src.Licence, "."))})
	}
	doc.Sections = append(doc.Sections, charts.Section{Heading: l.T("report.heading.sources"), Paragraphs: []string{l.T("report.cite_first")}, List: refs})
	return doc, nil
}

// anyFigures reports whether any of cs has a figure on any of ids.
func anyFigures(store *datasets.Store, cs []indicators.Country, ids []string) bool {
	for _, id := range ids {
		ind, err := store.Indicator(id)
		if err != nil || ind.Events {
			continue
		}
		if ys, err := seriesYears(store, ind, cs); err == nil && len(ys) > 0 {
			return true
		}
	}
	return false
}

// headlineOnly keeps the headline indicators of a comparison of all, in
// the headline order.
func headlineOnly(cmp docs.Compare) docs.Compare {
	var inds []docs.CompareIndicator
	var skipped []docs.Skipped
	for _, id := range docs.HeadlineIndicators {
		for _, ci := range cmp.Indicators {
			if ci.ID == id {
				inds = append(inds, ci)
			}
		}
		for _, sk := range cmp.Skipped {
			if sk.ID == id {
				skipped = append(skipped, sk)
			}
		}
	}
	cmp.Indicators, cmp.Skipped = inds, skipped
	return cmp
}

// reportOverview is the overview section: one row per indicator with its
// year, each country's value and rank k of N, who is ahead and the
// group's median, as the web compare page shows them.
func reportOverview(store *datasets.Store, cmp docs.Compare, cs []indicators.Country, year int, group string, l i18n.Lang) (charts.Section, error) {
	name := map[string]string{}
	for _, c := range cs {
		name[c.ISO3] = countryIn(l, c)
	}
	groupName := docs.RankingGroupTitleIn(l, group)
	t := charts.Table{Caption: l.T("report.overview.caption"),
		Header: []string{l.T("report.col.indicator"), l.T("report.col.better"), l.T("report.col.year")}}
	for _, c := range cs {
		t.Header = append(t.Header, countryIn(l, c))
	}
	t.Header = append(t.Header, l.T("report.col.ahead"), l.T("report.col.median", groupName))
	var notes []charts.Footnote
	for _, ci := range cmp.Indicators {
		ind, err := store.Indicator(ci.ID)
		if err != nil {
			return charts.Section{}, err
		}
		better := l.T("report.better.lower")
		if ci.HigherIsBetter {
			better = l.T("report.better.higher")
		}
		row := []charts.Cell{{Text: indicatorIn(l, ind)}, {Text: better}, {Text: yearIn(l, ind, ci.Year)}}
		for _, v := range ci.Values {
			text := "–"
			if v.Value != nil {
				text = formatIn(l, ind, *v.Value)
				if v.PublishedValue != nil {
					note := l.T("report.overview.published",
						publisherName(ind), ci.Year, formatIn(l, ind, *v.PublishedValue), name[v.ISO3], quotedIn(l, indicatorIn(l, ind)))
					notes = append(notes, charts.Footnote{Mark: charts.Mark(len(notes) + 1), Text: note})
					text += notes[len(notes)-1].Mark
				}
				if v.Rank != nil && v.RankOf != nil {
					text += l.T("report.rank_of", *v.Rank, *v.RankOf)
				}
			}
			row = append(row, charts.Cell{Text: text, Num: true})
		}
		row = append(row, charts.Cell{Text: aheadCell(ci, name, l)})
		median := "–"
		if g := ci.Group; g != nil && g.Median != nil {
			median = formatIn(l, ind, *g.Median)
			if g.N < g.Of {
				median += l.T("report.median_of", g.N, g.Of)
			}
		}
		row = append(row, charts.Cell{Text: median, Num: true})
		t.Rows = append(t.Rows, row)
	}
	t.Notes = notes
	paras := []string{l.T("report.overview.latest")}
	if year != 0 {
		paras = []string{l.T("report.overview.year", year, year)}
	}
	paras = append(paras, cmp.NotesIn(l)...)
	for _, sk := range cmp.Skipped {
		n := sk.ID
		if ind, err := store.Indicator(sk.ID); err == nil {
			n = indicatorIn(l, ind)
		}
		paras = append(paras, l.T("report.not_reported", n, strings.TrimSuffix(sk.ReasonIn(l), ".")))
	}
	members, err := store.Registry().Group(group)
	if err != nil {
		return charts.Section{}, err
	}
	paras = append(paras, l.T("report.overview.key", groupName, l.N("report.members", len(members), len(members))))
	return charts.Section{Heading: l.T("report.heading.overview"), Paragraphs: paras, Tables: []charts.Table{t}}, nil
}

// publisherName is the publisher of an indicator's source, by its short
// name where it has one ("RSF").
func publisherName(ind indicators.Indicator) string {
	src, ok := indicators.SourceByID(ind.Source)
	if !ok {
		return ind.Source
	}
	if i, j := strings.LastIndex(src.Publisher, "("), strings.LastIndex(src.Publisher, ")"); i >= 0 && j > i {
		return src.Publisher[i+1 : j]
	}
	return src.Publisher
}

// aheadCell says who is ahead on one row of the overview and whether the
// difference is distinguishable.
func aheadCell(ci docs.CompareIndicator, name map[string]string, l i18n.Lang) string {
	if ci.Leader == nil {
		for _, v := range ci.Values {
			if v.Value == nil {
				return "–"
			}
		}
		return l.T("report.tied")
	}
	who := name[*ci.Leader]
	switch {
	case ci.Distinguishable == nil:
		return l.T("report.ahead.not_tested", who)
	case *ci.Distinguishable:
		return l.T("report.ahead.distinguishable", who)
	}
	return l.T("report.ahead.not_distinguishable", who)
}

// reportElections is the election section: every national election of the
// countries (held in or before year, when year is not 0) with ODIHR's
// assessment and the page it rests on, and each country's latest assessed
// one in a sentence; n counts the elections.
func reportElections(store *datasets.Store, cs []indicators.Country, year int, l i18n.Lang) (charts.Section, int, error) {
	et := charts.Table{Caption: l.T("report.elections.caption"),
		Header: []string{l.T("report.col.country"), l.T("report.col.date"), l.T("report.col.type"), l.T("report.col.mission"),
			l.T("report.col.assessment"), l.T("report.col.summary"), l.T("report.col.source")}}
	var latest []string
	var all []indicators.Election
	for _, c := range cs {
		es, err := store.Elections(c.ISO3)
		if err != nil {
			return charts.Section{}, 0, err
		}
		var shown []indicators.Election
		for _, e := range es {
			if year == 0 || e.Year() <= year {
				shown = append(shown, e)
			}
		}
		all = append(all, shown...)
		for _, e := range shown {
			summary := e.Summary
			if summary != "" {
				summary = l.T("report.summary", summary)
			}
			et.Rows = append(et.Rows, []charts.Cell{{Text: countryIn(l, c)}, {Text: l.DateText(e.Date)}, {Text: electionTypeIn(l, e.Type)},
				{Text: missionIn(l, e.Mission)}, {Text: docs.AssessmentIn(l, string(e.Assessment))}, {Text: summary},
				{Text: hostOf(e.SourceURL), Href: e.SourceURL, Note: docs.SourceKindIn(l, string(e.SourceKind))}})
		}
		switch la, ok := docs.LatestAssessedAsOf(es, year); {
		case ok:
			latest = append(latest, l.T("report.latest_assessed", countryIn(l, c), electionTypeIn(l, la.Type), l.DateText(la.Date), verdict(l, la.Assessment)))
		case len(es) == 0:
			latest = append(latest, docs.NoElectionsMessage(c).Text(l))
		default:
			latest = append(latest, l.T("report.no_election_before", countryIn(l, c), year, l.DateText(es[0].Date)))
		}
	}
	paras := latest
	if len(all) > 0 {
		paras = append(paras, docs.SourceKindSentenceIn(l, docs.CountSourceKinds(all), len(all)))
	}
	paras = append(paras, l.T("report.coding"))
	sec := charts.Section{Heading: l.T("report.heading.elections"), Paragraphs: paras}
	if len(et.Rows) > 0 {
		sec.Tables = []charts.Table{et}
	}
	return sec, len(all), nil
}

// verdict says in the predicate of a sentence what ODIHR found of an
// election.
func verdict(l i18n.Lang, a indicators.Assessment) string {
	switch a {
	case indicators.Met, indicators.MostlyMet, indicators.PartlyMet, indicators.NotMet:
		return l.T("report.verdict." + string(a))
	}
	return l.T("report.verdict.none", docs.AssessmentIn(l, string(a)))
}

func hostOf(u string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexByte(t, '/'); i > 0 {
		t = t[:i]
	}
	return strings.TrimPrefix(t, "www.")
}

func namesOf(cs []indicators.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// namesIn are the names of cs in language l.
func namesIn(l i18n.Lang, cs []indicators.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, countryIn(l, c))
	}
	return out
}

// joinAndIn joins xs as a sentence of language l lists them ("A, B and
// C", «А, Б и В»).
func joinAndIn(l i18n.Lang, xs []string) string {
	if len(xs) < 2 {
		return joinAnd(xs)
	}
	return l.T("report.and", strings.Join(xs[:len(xs)-1], ", "), xs[len(xs)-1])
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// reportHasFigures returns NoFigures when the report doc of cs on ids draws
// no chart and has no election (elections of them): what the data covers
// is the years in which any of cs has a figure on any of ids.
func reportHasFigures(store *datasets.Store, doc charts.Document, cs []indicators.Country, ids []string, elections int) error {
	if elections > 0 {
		return nil
	}
	for _, sec := range doc.Sections {
		if sec.Chart != nil {
			return nil
		}
	}
	var years []int
	var drawn []string
	for _, id := range ids {
		ind, err := store.Indicator(id)
		if err != nil {
			return err
		}
		if ind.Events {
			continue
		}
		drawn = append(drawn, id)
		have, err := seriesYears(store, ind, cs)
		if err != nil {
			return err
		}
		years = append(years, have...)
	}
	one := ""
	if len(drawn) == 1 {
		one = drawn[0]
	}
	return docs.NoFigures(joinAnd(namesOf(cs)), one, 0, 0, years)
}

// reportSection is one indicator's section: its facts in sentences (at
// year, the comparison's), and a timeline of the countries over the
// methodology segment of the latest year shown, at most ReportYears back,
// up to opt.Year (0: the latest year the indicator has). years are the years
// the chart shows, for the citation.
func reportSection(store *datasets.Store, ind indicators.Indicator, cs []indicators.Country, iso3s []string, year int, opt ReportOptions) (charts.Section, []int, error) {
	upTo := opt.Year
	l := opt.Lang
	sec := charts.Section{Heading: indicatorIn(l, ind), NoEventTable: true}
	cmp, err := indicators.Compare(store, ind, iso3s, indicators.CompareOptions{Year: year})
	if err != nil && !indicators.IsUserError(err) {
		return sec, nil, err
	}
	if err != nil {
		sec.Paragraphs = append(sec.Paragraphs, l.T("report.no_common_year"))
	} else {
		standing, changes := sentences(cmp, cs, l)
		for _, p := range [][]string{standing, changes} {
			if len(p) > 0 {
				sec.Paragraphs = append(sec.Paragraphs, strings.Join(p, " "))
			}
		}
	}
	years, err := store.Years(ind.ID)
	if err != nil || len(years) == 0 {
		return sec, nil, err
	}
	to := years[len(years)-1]
	if upTo != 0 {
		i, _ := slices.BinarySearch(years, upTo+1)
		if i == 0 {
			return sec, nil, nil
		}
		to = years[i-1]
	}
	seg, ok := ind.SegmentAt(to)
	if !ok {
		seg = ind.Current()
	}
	from := max(seg.From, to-ReportYears+1)
	spec, err := timeline(store, ind, Request{Kind: charts.Timeline, Indicators: []string{ind.ID}, Countries: cs, From: from, To: to, Accessed: opt.Accessed, Lang: l})
	if err != nil {
		if indicators.IsUserError(err) {
			sec.Paragraphs = append(sec.Paragraphs, l.T("report.no_figures_span", from, to))
			return sec, nil, nil
		}
		return sec, nil, err
	}
	spec.Lang = l
	ch, err := charts.Build(spec)
	if err != nil {
		return sec, nil, err
	}
	sec.Chart = ch
	return sec, spanOf(from, to), nil
}

// spanOf is every year from from to to.
func spanOf(from, to int) []int {
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}

// Sentences states a comparison's facts: who ranked where ("In the 2025
// edition Kazakhstan ranked 141st of 180 on …; Uzbekistan 148th"), the
// direction, whether the difference is distinguishable and the change
// within the methodology segment.
func Sentences(c indicators.Comparison, cs []indicators.Country) []string {
	return SentencesIn(i18n.EN, c, cs)
}

// SentencesIn are Sentences in language l.
func SentencesIn(l i18n.Lang, c indicators.Comparison, cs []indicators.Country) []string {
	standing, changes := sentences(c, cs, l)
	return append(standing, changes...)
}

// sentences are Sentences in two parts: where the countries stand, and
// how they changed.
func sentences(c indicators.Comparison, cs []indicators.Country, l i18n.Lang) (standing, changes []string) {
	ind := c.Indicator
	short := shortIn(l, ind)
	name := map[string]string{}
	for _, x := range cs {
		name[x.ISO3] = countryIn(l, x)
	}
	when := l.T("report.when.data", c.Year)
	if ind.Year == indicators.EditionYear {
		when = l.T("report.when.edition", c.Year)
	}
	higher := c.Segment.Direction == indicators.HigherIsBetter
	var parts []string
	var missing []string
	for _, v := range c.Values {
		n := name[v.ISO3]
		if !v.Has {
			missing = append(missing, n)
			continue
		}
		val := formatIn(l, ind, v.Obs.Value)
		switch {
		case v.Obs.HasRank() && len(parts) == 0:
			parts = append(parts, l.N("report.place.rank_first", v.Obs.RankOf, n, ordinalIn(l, v.Obs.Rank), v.Obs.RankOf, quotedIn(l, l.IndicatorNameFirst(ind.ID, shortName(ind))), val))
		case v.Obs.HasRank() && v.Obs.RankOf != c.Values[firstHas(c.Values)].Obs.RankOf:
			parts = append(parts, l.T("report.place.rank_field", n, ordinalIn(l, v.Obs.Rank), v.Obs.RankOf, val))
		case v.Obs.HasRank():
			parts = append(parts, l.T("report.place.rank", n, ordinalIn(l, v.Obs.Rank), val))
		case len(parts) == 0:
			parts = append(parts, l.T("report.place.score_first", n, val, quotedIn(l, l.IndicatorNameFirst(ind.ID, shortName(ind)))))
		default:
			parts = append(parts, l.T("report.place.score", n, val))
		}
	}
	var out []string
	if len(parts) > 0 {
		s := l.T("report.standing", when, strings.Join(parts, "; "), unitIn(l, ind), directionIn(l, higher))
		if ind.Ranks == indicators.RanksComputed {
			s += " " + l.T("report.ranks_computed")
		}
		out = append(out, s)
	}
	for _, v := range c.Values {
		if p := publishedSentence(l, ind, v, name[v.ISO3]); p != "" {
			out = append(out, p)
		}
	}
	if len(missing) > 0 {
		out = append(out, l.T("report.no_figure_in", yearIn(l, ind, c.Year), joinAndIn(l, missing)))
	}
	if c.Leader != "" {
		var s string
		switch who := name[c.Leader]; {
		case c.Distinguishable == nil && ind.Uncertain.Any():
			s = l.T("report.ahead.intervals_unknown", who)
		case c.Distinguishable == nil:
			s = l.T("report.ahead.no_intervals", who)
		case *c.Distinguishable:
			s = l.T("report.ahead.overlap_not", who, level(l, ind))
		default:
			s = l.T("report.ahead.overlap", who, level(l, ind))
		}
		out = append(out, s)
	} else if len(c.Values)-len(missing) >= 2 {
		out = append(out, l.T("report.tie"))
	}
	standing, out = out, nil
	if seg := c.Segment; c.Since == seg.From && seg.From != ind.Segments[0].From {
		out = append(out, l.T("report.break", seg.From, quotedIn(l, short)))
	}
	percentiles := false
	for i, x := range c.Changes {
		if s := changeSentence(l, ind, name[x.ISO3], c.Values[i].Obs.Value, x); s != "" {
			out = append(out, s)
			percentiles = percentiles || x.FieldChanged()
		}
	}
	if percentiles {
		out = append(out, l.T("report.percentile_defined"))
	}
	return standing, out
}

// changeSentence states a country's change within the methodology segment
// in one sentence, "" when there is none; now is the country's current
// figure. Where both years have a rank it gives both ranks with their
// field sizes ("83/142 from 73/99"). Where the field sizes differ, places
// are not comparable: the sentence says the field grew (or shrank) and
// leads with the change of percentile (indicators.Percentile: the share of
// the ranked field placed below the country, 100·(N−k)/N).
func changeSentence(l i18n.Lang, ind indicators.Indicator, country string, now float64, x indicators.Change) string {
	if math.IsNaN(x.Value) {
		return ""
	}
	from, to, by := formatIn(l, ind, now-x.Value), formatIn(l, ind, now), sign(x.Value)+formatIn(l, ind, math.Abs(x.Value))
	if !x.HasRank {
		return l.T("report.change.figure", x.From, x.To, country, from, to, by)
	}
	rankNow, rankThen := rankOf(x.Rank, x.RankOf), rankOf(x.SinceRank, x.SinceRankOf)
	if !x.FieldChanged() {
		switch {
		case x.RankChange == 1:
			return l.T("report.change.rose_one", x.From, x.To, country, from, to, by, rankNow, rankThen)
		case x.RankChange > 1:
			return l.N("report.change.rose", x.RankChange, x.From, x.To, country, from, to, by, x.RankChange, rankNow, rankThen)
		case x.RankChange == -1:
			return l.T("report.change.fell_one", x.From, x.To, country, from, to, by, rankNow, rankThen)
		case x.RankChange < -1:
			return l.N("report.change.fell", -x.RankChange, x.From, x.To, country, from, to, by, -x.RankChange, rankNow, rankThen)
		}
		return l.T("report.change.kept", x.From, x.To, country, from, to, by, rankNow)
	}
	d := math.Round(x.PercentileChange()*10) / 10
	pc := l.Number(math.Abs(d), 1)
	pNow := l.Number(indicators.Percentile(x.Rank, x.RankOf), 1)
	pThen := l.Number(indicators.Percentile(x.SinceRank, x.SinceRankOf), 1)
	field := "shrank"
	if x.RankOf > x.SinceRankOf {
		field = "grew"
	}
	switch {
	case d > 0:
		return l.T("report.change.pct_rose_"+field, x.From, x.To, country, pc, pThen, pNow, rankNow, rankThen, x.SinceRankOf, x.RankOf, from, to, by)
	case d < 0:
		return l.T("report.change.pct_fell_"+field, x.From, x.To, country, pc, pThen, pNow, rankNow, rankThen, x.SinceRankOf, x.RankOf, from, to, by)
	}
	return l.T("report.change.pct_kept_"+field, x.From, x.To, country, pNow, rankNow, rankThen, x.SinceRankOf, x.RankOf, from, to, by)
}

// rankOf renders a rank with its field size, "83/142".
func rankOf(rank, of int) string { return fmt.Sprintf("%d/%d", rank, of) }

// publishedSentence says, for a country's figure that the source's current
// files restate, what the publisher first published ("RSF's 2015 report
// published 53.46 for Kazakhstan on its 2013–2021 scale (lower is better);
// its current files give 46.54."); "" for a figure as published. It is
// indicators.Indicator.PublishedNote naming the country.
func publishedSentence(l i18n.Lang, ind indicators.Indicator, v indicators.Placed, country string) string {
	pub, ok := ind.PublishedValue(v.Obs)
	if !v.Has || !ok {
		return ""
	}
	seg, _ := ind.SegmentAt(v.Obs.Year)
	published := seg.Restated.Published.String()
	if l != i18n.EN {
		published = directionIn(l, seg.Restated.Published == indicators.HigherIsBetter)
	}
	return l.T("report.published", seg.Restated.Publisher, v.Obs.Year, formatIn(l, ind, pub), country, seg.From, seg.To, published, formatIn(l, ind, v.Obs.Value))
}

func firstHas(vs []indicators.Placed) int {
	for i, v := range vs {
		if v.Has {
			return i
		}
	}
	return 0
}

// level is the level of an indicator's published intervals in words
// ("90%", «90-процентные»).
func level(l i18n.Lang, ind indicators.Indicator) string {
	switch {
	case ind.Uncertain.Bounds && ind.Uncertain.BoundsLevel > 0:
		return l.T("report.level.percent", fmt.Sprintf("%.0f", ind.Uncertain.BoundsLevel*100))
	case ind.Uncertain.Percentile && ind.Uncertain.PercentileLevel > 0:
		return l.T("report.level.percent", fmt.Sprintf("%.0f", ind.Uncertain.PercentileLevel*100))
	}
	return l.T("report.level.published")
}
func sign(v float64) string {
	if v > 0 {
		return "+"
	}
	if v < 0 {
		return "−"
	}
	return "±"
}

// reportMap is an indicator's map of the report's group in the
// comparison's year, with the compared countries outlined; ok is false
// where there is no map to draw (a group or a country the region file does
// not hold, no figures that year). Its citations carry the report's
// access date.
func reportMap(store *datasets.Store, ind indicators.Indicator, cs []indicators.Country, year int, group string, accessed time.Time, l i18n.Lang) (charts.Section, bool, error) {
	spec, err := Build(store, Request{Kind: charts.Map, Indicators: []string{ind.ID}, Countries: cs, Group: group, Year: year, Accessed: accessed, Lang: l})
	if err != nil {
		if indicators.IsUserError(err) {
			return charts.Section{}, false, nil
		}
		return charts.Section{}, false, err
	}
	ch, err := charts.Build(spec)
	if err != nil {
		return charts.Section{}, false, err
	}
	return charts.Section{Heading: l.T("report.heading.map", indicatorIn(l, ind), yearIn(l, ind, year)), Chart: ch}, true, nil
}
