package docs

import (
	"fmt"
	"math"
	"sort"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// IndicatorRef is the short form of an indicator inside other documents.
type IndicatorRef struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Unit           string `json:"unit"`
	HigherIsBetter bool   `json:"higher_is_better"`
	YearMeaning    string `json:"year_meaning"`
}

func indicatorRef(ind indicators.Indicator, year int) IndicatorRef {
	dir := ind.Direction()
	if seg, ok := ind.SegmentAt(year); ok {
		dir = seg.Direction
	}
	return IndicatorRef{ID: ind.ID, Name: ind.Name, Unit: ind.Unit, HigherIsBetter: dir == indicators.HigherIsBetter, YearMeaning: string(ind.Year)}
}

// RankRow is a group member's place on one indicator.
type RankRow struct {
	Position int     `json:"position"` // place within the group (ties share)
	ISO3     string  `json:"iso3"`
	Name     string  `json:"name"`
	Value    float64 `json:"value"`
	// PublishedValue is the figure as the publisher originally published
	// it where the source's current files restate it (RSF 2013–2021),
	// null elsewhere; see Value.PublishedValue.
	PublishedValue *float64 `json:"published_value"`
	Rank           *int     `json:"rank"`
	RankOf         *int     `json:"rank_of"`
	// Percentile is the share of the ranked field below the country,
	// 100·(N−k)/N for rank k of N; null without a rank. PctLower and
	// PctUpper are the publisher's percentile bounds (WGI), else null.
	Percentile *float64 `json:"percentile"`
	PctLower   *float64 `json:"pct_lower"`
	PctUpper   *float64 `json:"pct_upper"`
	Status     string   `json:"status,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// Rank is the document of `rankings rank`.
type Rank struct {
	Indicator IndicatorRef `json:"indicator"`
	Year      int          `json:"year"`
	Group     GroupDoc     `json:"group"`
	Rows      []RankRow    `json:"rows"`
	// Unlisted is set for the group "all", which lists the whole field
	// the source ranked: it says how many ranked entries the list cannot
	// show and why.
	Unlisted *Unlisted `json:"unlisted,omitempty"`
}

// Unlisted are the entries a source ranked that a list of the whole field
// cannot show: they count in rank_of but have no rows, because the
// registry deliberately leaves them unmapped (unmapped.csv: RSF's OECS,
// "Israel (outside Israeli territory)").
type Unlisted struct {
	Count  int `json:"count"`   // rank_of minus the listed rows that have a rank
	RankOf int `json:"rank_of"` // the N of the ranks
	// Entries are the source's unmapped entries of that year; empty when
	// they do not account for Count (an import whose rank_of is larger
	// than its rows).
	Entries []UnlistedEntry `json:"entries"`
}

// UnlistedEntry is one ranked entry the list cannot show.
type UnlistedEntry struct {
	Code   string `json:"code"` // the source's own code
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// WholeField reports whether the document lists the whole field the source
// ranked (the group "all").
func (r Rank) WholeField() bool { return r.Unlisted != nil }

// UnlistedSentence says, for the whole field, that every ranked entry is
// listed, or how many are not and why; when the registry's unmapped
// entries account for them it ends with a colon, for the list of Entries
// to follow. It is "" for any other group.
func (r Rank) UnlistedSentence() string {
	return r.UnlistedSentenceIn(i18n.EN)
}

// UnlistedSentenceIn is UnlistedSentence in language l.
func (r Rank) UnlistedSentenceIn(l i18n.Lang) string {
	u := r.Unlisted
	switch {
	case u == nil:
		return ""
	case u.Count == 0:
		return l.T("docs.unlisted.none", len(r.Rows), r.Year, u.RankOf)
	case len(u.Entries) == 0:
		return l.N("docs.unlisted.no_rows", u.Count, u.Count, u.RankOf, r.Year)
	}
	return l.N("docs.unlisted.unmapped", u.Count, u.Count, u.RankOf, r.Year)
}

// GroupTitle is the group as readers see it: "post-Soviet states", or for
// the whole field "all countries and territories ranked".
func (r Rank) GroupTitle() string { return RankingGroupTitle(r.Group.Name) }

// IsWholeField reports whether group names the group "all", which a
// ranking (rankings rank, a ranking chart) lists as the whole field the
// source ranked, territories included.
func IsWholeField(group string) bool {
	id, err := countries.GroupID(group)
	return err == nil && id == countries.GroupAll
}

// RankingGroupTitle is the group a ranking lists, in words: the group's
// title, or for "all" the whole field it stands for there.
func RankingGroupTitle(group string) string {
	if IsWholeField(group) {
		return "all countries and territories ranked"
	}
	return countries.GroupTitle(group)
}

// BuildRank orders a group's members on one indicator in one year (0: the
// latest year in which any member has a figure). The group "all" is the
// whole field the source ranked that year, territories and historical
// states included, so that positions follow the ranks; Unlisted then says
// how many ranked entries have no row and why.
func BuildRank(store *datasets.Store, id string, year int, group string) (Rank, error) {
	ind, err := store.Indicator(id)
	if err != nil {
		return Rank{}, err
	}
	if ind.Events {
		return Rank{}, indicators.Errorf(indicators.EInvalid, "%s is a list of elections and has no ranking: use \"rankings elections\"", id)
	}
	group, err = countries.GroupID(group)
	if err != nil {
		return Rank{}, err
	}
	years, err := store.Years(id)
	if err != nil {
		return Rank{}, err
	}
	whole := group == countries.GroupAll
	if whole && year == 0 && len(years) > 0 {
		year = years[len(years)-1]
	}
	var members []indicators.Country
	if whole {
		members, err = Field(store, id, year)
	} else {
		members, err = store.Registry().Group(group)
	}
	if err != nil {
		return Rank{}, err
	}
	codes := make([]string, len(members))
	names := map[string]string{}
	for i, m := range members {
		codes[i] = m.ISO3
		names[m.ISO3] = m.Name
	}
	if year == 0 {
		for i := len(years) - 1; i >= 0 && year == 0; i-- {
			obs, _ := store.Year(id, years[i])
			for _, o := range obs {
				if _, ok := names[o.ISO3]; ok {
					year = years[i]
					break
				}
			}
		}
	}
	obs, err := store.Year(id, year)
	if err != nil {
		return Rank{}, err
	}
	var rows []RankRow
	for _, o := range obs {
		if _, ok := names[o.ISO3]; ok {
			rows = append(rows, RankRow{ISO3: o.ISO3, Name: names[o.ISO3], Value: o.Value, PublishedValue: PublishedValue(ind, o), Rank: Int(o.Rank), RankOf: Int(o.RankOf),
				Percentile: round(percentileOf(o), 1), PctLower: Num(o.PctLower), PctUpper: Num(o.PctUpper),
				Status: o.Status, Note: o.Note})
		}
	}
	if len(rows) == 0 {
		return Rank{}, rankNoFigures(store, id, group, codes, year)
	}
	ref := indicatorRef(ind, year)
	pos := positions(rows, ref.HigherIsBetter)
	for i := range rows {
		rows[i].Position = pos[i]
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Position != rows[j].Position {
			return rows[i].Position < rows[j].Position
		}
		return rows[i].ISO3 < rows[j].ISO3
	})
	agg, err := indicators.GroupAggregate(store, ind, group, codes, year)
	if err != nil {
		return Rank{}, err
	}
	missing := agg.Missing
	if missing == nil {
		missing = []string{}
	}
	doc := Rank{Indicator: ref, Year: year, Rows: rows,
		Group: GroupDoc{Name: group, Median: round(agg.Median, 6), Mean: round(agg.Mean, 6), N: agg.N, Of: agg.Of, Missing: missing}}
	if whole {
		if doc.Unlisted, err = unlisted(store, id, year, rows); err != nil {
			return Rank{}, err
		}
	}
	return doc, nil
}

// positions places rows within the list, ties sharing: in the order of
// their ranks when every row has one (the source's own order: RSF's, or
// WGI's percentile rank, which follows unrounded estimates), else by value.
func positions(rows []RankRow, higherIsBetter bool) []int {
	vals := make([]float64, len(rows))
	byRank := true
	for i, r := range rows {
		vals[i] = r.Value
		byRank = byRank && r.Rank != nil
	}
	dir := indicators.LowerIsBetter
	if higherIsBetter {
		dir = indicators.HigherIsBetter
	}
	if byRank {
		for i, r := range rows {
			vals[i] = float64(*r.Rank)
		}
		dir = indicators.LowerIsBetter
	}
	return indicators.CompetitionRanks(vals, dir)
}

// Field returns every entity with a figure of the indicator in year, in
// ISO3 order: the field the source ranked, but for the entries the
// registry deliberately leaves unmapped. An entity the registry does not
// know (possible only in imported data) is named by its code.
func Field(store *datasets.Store, id string, year int) ([]indicators.Country, error) {
	obs, err := store.Year(id, year)
	if err != nil {
		return nil, err
	}
	out := make([]indicators.Country, 0, len(obs))
	for _, o := range obs {
		c, ok := store.Registry().ByCode(o.ISO3)
		if !ok {
			c = indicators.Country{ISO3: o.ISO3, Name: o.ISO3}
		}
		out = append(out, c)
	}
	return out, nil
}

// unlisted counts the ranked entries of a whole-field list that have no
// row: N minus the listed rows with a rank, and names them when the
// source's unmapped entries of that year account for all of them.
func unlisted(store *datasets.Store, id string, year int, rows []RankRow) (*Unlisted, error) {
	u := &Unlisted{Entries: []UnlistedEntry{}}
	ranked := 0
	for _, r := range rows {
		if r.Rank != nil && r.RankOf != nil {
			ranked++
			u.RankOf = max(u.RankOf, *r.RankOf)
		}
	}
	if u.Count = u.RankOf - ranked; u.Count <= 0 {
		u.Count = 0
		return u, nil
	}
	known, err := store.UnmappedIn(id, year)
	if err != nil {
		return nil, err
	}
	if len(known) == u.Count {
		for _, k := range known {
			u.Entries = append(u.Entries, UnlistedEntry{Code: k.Code, Name: k.Label(), Reason: k.Why()})
		}
	}
	return u, nil
}

// SegmentTrend is the trend within one methodology segment.
type SegmentTrend struct {
	From           int    `json:"from"`
	To             *int   `json:"to"`
	Label          string `json:"label,omitempty"`
	HigherIsBetter bool   `json:"higher_is_better"`
	Trend          Trend  `json:"trend"`
}

// TrendDocument is the document of `rankings trend`.
type TrendDocument struct {
	Country   Country        `json:"country"`
	Indicator IndicatorRef   `json:"indicator"`
	From      *int           `json:"from"`
	To        *int           `json:"to"`
	Values    []Value        `json:"values"`
	Segments  []SegmentTrend `json:"segments"`
	Breaks    []Break        `json:"breaks"`
}

// rankNoFigures is the error of a ranking of the group's members (codes)
// on id that has no rows: NoFigures with the years in which any member has
// a figure (for the group all, any entity), for the year asked (every
// year, when year is 0: no member has a figure at all).
func rankNoFigures(store *datasets.Store, id, group string, codes []string, year int) error {
	var years []int
	if group == countries.GroupAll {
		// The whole field of a year without figures is empty: what the
		// data covers is every year the source ranked.
		all, err := store.Years(id)
		if err != nil {
			return err
		}
		codes, years = nil, all
	}
	for _, code := range codes {
		s, err := store.Series(id, code)
		if err != nil {
			return err
		}
		years = append(years, s.Years()...)
	}
	return NoFigures(fmt.Sprintf("%s (group %s)", countries.GroupTitle(group), group), id, year, year, years)
}

// BuildTrend fits a country's trend on one indicator, separately within each
// methodology segment, over the years from..to (0 = open).
func BuildTrend(store *datasets.Store, c indicators.Country, id string, from, to int) (TrendDocument, error) {
	ind, err := store.Indicator(id)
	if err != nil {
		return TrendDocument{}, err
	}
	if ind.Events {
		return TrendDocument{}, indicators.Errorf(indicators.EInvalid, "%s is a list of elections and has no trend: use \"rankings elections\"", id)
	}
	s, err := store.Series(id, c.ISO3)
	if err != nil {
		return TrendDocument{}, err
	}
	if len(s.Points) == 0 {
		return TrendDocument{}, NoFigures(c.Name, id, from, to, nil)
	}
	doc := TrendDocument{Country: CountryRef(c), Indicator: indicatorRef(ind, s.Points[len(s.Points)-1].Year),
		From: Int(from), To: Int(to), Values: []Value{}, Segments: []SegmentTrend{}, Breaks: IndicatorDoc(ind).Breaks}
	in := func(y int) bool { return (from == 0 || y >= from) && (to == 0 || y <= to) }
	for _, p := range s.Points {
		if in(p.Year) {
			doc.Values = append(doc.Values, ValueDoc(ind, p))
		}
	}
	if len(doc.Values) == 0 {
		return TrendDocument{}, NoFigures(c.Name, id, from, to, s.Years())
	}
	for _, seg := range ind.Segments {
		var ys []int
		var vs []float64
		for _, p := range s.Points {
			if seg.Contains(p.Year) && in(p.Year) {
				ys = append(ys, p.Year)
				vs = append(vs, p.Value)
			}
		}
		if len(ys) == 0 {
			continue
		}
		doc.Segments = append(doc.Segments, SegmentTrend{From: seg.From, To: Int(seg.To), Label: seg.Label,
			HigherIsBetter: seg.Direction == indicators.HigherIsBetter, Trend: TrendDoc(c.ISO3, indicators.FitTrend(ys, vs))})
	}
	return doc, nil
}

// ElectionsDocument is the document of `rankings elections`.
type ElectionsDocument struct {
	Country   Country        `json:"country"`
	Elections []Election     `json:"elections"`
	Counts    map[string]int `json:"counts"`
	// SourceKindCounts counts the elections by the kind of page their
	// assessment rests on (CountSourceKinds).
	SourceKindCounts map[string]int `json:"source_kind_counts"`
	Latest           *Election      `json:"latest"`
}

// BuildElections lists a country's elections with ODIHR's assessment, the
// count per assessment and per source kind, and the latest assessed
// election.
func BuildElections(store *datasets.Store, c indicators.Country) (ElectionsDocument, error) {
	es, err := store.Elections(c.ISO3)
	if err != nil {
		return ElectionsDocument{}, err
	}
	doc := ElectionsDocument{Country: CountryRef(c), Elections: []Election{}, Counts: map[string]int{}}
	for _, a := range indicators.Assessments {
		doc.Counts[string(a)] = 0
	}
	for _, e := range es {
		doc.Elections = append(doc.Elections, ElectionDoc(e))
		doc.Counts[string(e.Assessment)]++
	}
	doc.SourceKindCounts = CountSourceKinds(es)
	if len(es) == 0 {
		return doc, indicators.Errorf(indicators.ENotFound, "no ODIHR election assessments for %s: the table covers the 15 post-Soviet states", c.Name)
	}
	if latest, ok := LatestAssessed(es); ok {
		l := ElectionDoc(latest)
		doc.Latest = &l
	}
	return doc, nil
}

// Correlation is one cell of the correlation matrix.
type Correlation struct {
	// Spearman is the rank correlation of the two indicators' values
	// across the N members that have both, KendallB Kendall's tau-b; the
	// values are not reoriented, so where one indicator is lower-is-better
	// (higher_is_better of its axis) agreement shows as a negative
	// correlation. Null where it cannot be computed (too few members).
	Spearman *float64 `json:"spearman"`
	KendallB *float64 `json:"kendall_tau_b"`
	N        int      `json:"n"`
}

// CorrelateDocument is the document of `rankings correlate`.
type CorrelateDocument struct {
	Year int `json:"year"`
	// YearNote says how the editions were aligned to Year.
	YearNote   string          `json:"year_note"`
	Group      string          `json:"group"`
	Indicators []CorrelateAxis `json:"indicators"`
	// Matrix[i][j] correlates Indicators[i] with Indicators[j].
	Matrix [][]Correlation `json:"matrix"`
}

// CorrelateAxis is an indicator of the matrix with the year of its figures
// used (editions are aligned to the year they cover).
type CorrelateAxis struct {
	ID             string `json:"id"`
	Year           int    `json:"year"`
	HigherIsBetter bool   `json:"higher_is_better"`
	N              int    `json:"n"`
}

// lastCoveredYear is the last year, as the year the figures describe, in
// which any of members has a figure on any of inds; 0 when none has any.
func lastCoveredYear(store *datasets.Store, inds []indicators.Indicator, members []indicators.Country) int {
	last := 0
	for _, ind := range inds {
		for _, m := range members {
			s, err := store.Series(ind.ID, m.ISO3)
			if err != nil || len(s.Points) == 0 {
				continue
			}
			last = max(last, s.Points[len(s.Points)-1].Year-coveredYearOffset(ind))
		}
	}
	return last
}

// coveredYearOffset is what to add to a data year to get the edition that
// covers it.
func coveredYearOffset(ind indicators.Indicator) int {
	if ind.Year == indicators.EditionYear {
		return 1
	}
	return 0
}

// HeadlineIndicators is the default set of the correlation matrix: one or
// two headline figures per source and theme rather than every sub-score.
var HeadlineIndicators = []string{"rsf", "wjp", "wgi-va", "wgi-rl", "wgi-cc", "ti-cpi", "fh-fiw", "fh-electoral",
	"vdem-polyarchy", "vdem-libdem", "vdem-rule", "vdem-altinf", "vdem-corr"}

// BuildCorrelate computes the rank correlation (Spearman, and Kendall's
// tau-b) between every pair of the given indicators (HeadlineIndicators when
// none) across a group's members. year is
// the year the figures describe: edition-year indicators (RSF, WJP, Freedom
// House) use the edition of year+1, which covers it. 0 picks the latest year
// that most indicators cover.
func BuildCorrelate(store *datasets.Store, year int, group string, ids []string) (CorrelateDocument, error) {
	members, err := store.Registry().Group(group)
	if err != nil {
		return CorrelateDocument{}, err
	}
	if len(ids) == 0 {
		ids = HeadlineIndicators
	}
	var inds []indicators.Indicator
	for _, id := range ids {
		ind, err := store.Indicator(id)
		if err != nil {
			return CorrelateDocument{}, err
		}
		if ind.Events {
			return CorrelateDocument{}, indicators.Errorf(indicators.EInvalid, "%s is a list of elections and cannot be correlated", id)
		}
		inds = append(inds, ind)
	}
	if year == 0 {
		year, err = commonCoveredYear(store, inds)
		if err != nil {
			return CorrelateDocument{}, err
		}
	}
	doc := CorrelateDocument{Year: year, Group: group,
		YearNote: fmt.Sprintf("figures describing %d: edition-year indicators use their %d edition", year, year+1)}
	var cols [][]float64
	for _, ind := range inds {
		y := year + coveredYearOffset(ind)
		obs, err := store.Year(ind.ID, y)
		if err != nil {
			return CorrelateDocument{}, err
		}
		by := map[string]float64{}
		for _, o := range obs {
			by[o.ISO3] = o.Value
		}
		col := make([]float64, len(members))
		n := 0
		for i, m := range members {
			v, ok := by[m.ISO3]
			if !ok {
				col[i] = math.NaN()
				continue
			}
			n++
			// Align direction so that a positive correlation always means
			// "better on both".
			seg, _ := ind.SegmentAt(y)
			if seg.Direction == indicators.LowerIsBetter {
				v = -v
			}
			col[i] = v
		}
		if n == 0 {
			continue
		}
		cols = append(cols, col)
		seg, _ := ind.SegmentAt(y)
		doc.Indicators = append(doc.Indicators, CorrelateAxis{ID: ind.ID, Year: y, HigherIsBetter: seg.Direction == indicators.HigherIsBetter, N: n})
	}
	if len(cols) < 2 {
		if last := lastCoveredYear(store, inds, members); last != 0 && year > last {
			return CorrelateDocument{}, indicators.Errorf(indicators.ENotFound, "fewer than two indicators have figures for %d in the %s group: the data runs to %d", year, group, last)
		}
		return CorrelateDocument{}, indicators.Errorf(indicators.ENotFound, "fewer than two indicators have figures for %d in the %s group", year, group)
	}
	doc.Matrix = make([][]Correlation, len(cols))
	for i := range cols {
		doc.Matrix[i] = make([]Correlation, len(cols))
		for j := range cols {
			rho, n := indicators.Spearman(cols[i], cols[j])
			tau, _ := indicators.KendallTauB(cols[i], cols[j])
			doc.Matrix[i][j] = Correlation{Spearman: round(rho, 3), KendallB: round(tau, 3), N: n}
		}
	}
	return doc, nil
}

// commonCoveredYear is the latest covered year for which at least two
// thirds of the indicators have figures.
func commonCoveredYear(store *datasets.Store, inds []indicators.Indicator) (int, error) {
	count := map[int]int{}
	for _, ind := range inds {
		years, err := store.Years(ind.ID)
		if err != nil {
			return 0, err
		}
		for _, y := range years {
			count[y-coveredYearOffset(ind)]++
		}
	}
	best := 0
	for y, n := range count {
		if 3*n >= 2*len(inds) && y > best {
			best = y
		}
	}
	if best == 0 {
		return 0, indicators.Errorf(indicators.ENotFound, "no year is covered by most indicators")
	}
	return best, nil
}

// percentileOf is the publisher's percentile rank where it publishes one
// (WGI), otherwise the share of the ranked field placed below.
func percentileOf(o indicators.Observation) float64 {
	if !math.IsNaN(o.Pct) {
		return o.Pct
	}
	return indicators.Percentile(o.Rank, o.RankOf)
}
