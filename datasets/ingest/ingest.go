// Package ingest turns one file a user imports into validated figures ready
// to store. It runs the source's importer, maps every entity through the
// country registry and computes ranks exactly as the generator does (the
// same functions), then checks the result against the indicators' metadata
// and against the data already there. It never writes anything: the data
// directory (package userdata) stores what Read returns.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/generator"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// Source is a format rankings can import.
type Source struct {
	ID          string
	Description string
	read        func(io.Reader, string) ([]importers.Record, error)
}

var sources = []Source{
	{"rsf", "RSF World Press Freedom Index: one edition's CSV as RSF publishes it (';', decimal commas)", importers.ReadRSF},
	{"wgi", "World Bank Worldwide Governance Indicators: the long CSV (wgidataset.csv)", importers.ReadWGI},
	{"wjp", "WJP Rule of Law Index: the historical data workbook (.xlsx, sheet \"Historical Data\")", importers.ReadWJP},
	{"fh-fiw", "Freedom House Freedom in the World: All_data_FIW workbook (.xlsx)", importers.ReadFHFIW},
	{"fh-ratings", "Freedom House: Country and Territory Ratings and Statuses workbook (.xlsx)", importers.ReadFHRatings},
	{"fh-fotp", "Freedom House Freedom of the Press: the tidy CSV", importers.ReadFOTP},
	{"vdem", "V-Dem country-year CSV with the vdemlite subset's columns", importers.ReadVDem},
	{"cpi", "Transparency International Corruption Perceptions Index: the CPI results workbook (.xlsx, sheet \"CPI Timeseries 2012 - YYYY\")", importers.ReadCPI},
	{"odihr", "OSCE/ODIHR election assessments in the project's elections table format", nil},
	{"long", "the project's long format, for any indicator; new indicators need a metadata header (datasets/FORMAT.md)", nil},
}

// Sources lists the formats Read accepts.
func Sources() []Source { return slices.Clone(sources) }

// LookupSource returns the source with the given id, or an EInvalid error
// listing them.
func LookupSource(id string) (Source, error) {
	ids := make([]string, len(sources))
	for i, s := range sources {
		if s.ID == id {
			return s, nil
		}
		ids[i] = s.ID
	}
	e := indicators.UnknownError("source", id, ids, "")
	e.Code = indicators.EInvalid
	e.Msg += " (sources: " + strings.Join(ids, ", ") + ")"
	return Source{}, e
}

// Options adjust Read.
type Options struct {
	// SkipUnknown turns rows whose country the registry does not know into
	// a listed warning instead of an error. Their figures still count in
	// the field ranks are computed over, as unmapped entities do.
	SkipUnknown bool
	// Encoding names the file's text encoding (--encoding, one of
	// importers.Encodings); "" or "auto" detects it.
	Encoding string
	// Embedded is the data shipped in the binary, for the comparison with
	// already embedded years; nil means datasets.Embedded().
	Embedded *datasets.Store
	// CheckOnly runs every check and gives every warning, but keeps no
	// observations: Batch.Observations stays nil, Figures and Countries
	// count them. For rankings validate, which stores nothing: a
	// million-row file then costs the checks' memory, not the result's.
	CheckOnly bool
	// StoreOnly keeps what Data renders but no Observations: for rankings
	// import, which only stores the batch. (A long file's rows take 40
	// bytes each; as observations they take 144.)
	StoreOnly bool
	// ReplaceYear lets the batch replace a year of the embedded data with
	// a field less than half the size of the year's (--replace-year);
	// without it, that is an error.
	ReplaceYear bool
}

// Batch is a file that passed every check: what to store and what to tell
// the user.
type Batch struct {
	Source string // source id
	File   string // the file as the user named it
	SHA256 string // of the file's bytes (not with Options.CheckOnly: nothing is stored)
	// Observations are the figures, mapped to registry codes, with ranks,
	// sorted by indicator, year and country (none with Options.CheckOnly
	// or StoreOnly). Elections are the ODIHR rows (source odihr only),
	// sorted by country and date.
	Observations []indicators.Observation
	Elections    []indicators.Election
	// Figures is the number of observations, Countries the number of
	// countries they are of.
	Figures, Countries int
	// Indicators are the new indicators the file defines (source long).
	Indicators []importers.IndicatorMeta
	// Covers lists per indicator id (datasets.ElectionsID for elections)
	// the years the batch holds: the years it replaces when stored.
	Covers map[string][]int
	// Skipped are the rows of unknown countries left out (SkipUnknown).
	Skipped []generator.Unmapped
	// Warnings must be shown; Notes are for information.
	Warnings, Notes []string

	// render renders the stored file of a StoreOnly batch.
	render func() []byte
	// earlier are the indicators of the batch's rows that earlier imports
	// defined, as the read found them: Recheck holds them to the data
	// directory's manifest as it is when the batch is stored.
	earlier map[string]earlierUse
}

// What names the batch's content: "rsf 2026", "wgi 1996–2023",
// "civic-space 2020–2024".
func (b *Batch) What() string {
	var years []int
	var ids []string
	for id, ys := range b.Covers {
		ids = append(ids, id)
		years = append(years, ys...)
	}
	sort.Ints(years)
	years = slices.Compact(years)
	what := b.Source
	if b.Source == "long" {
		sort.Strings(ids)
		if len(ids) > 3 {
			ids = append(ids[:3], fmt.Sprintf("+%d", len(ids)-3))
		}
		what = strings.Join(ids, ", ")
	}
	return what + " " + generator.YearSpan(years)
}

// Data renders what is stored: a long-format file, or for elections the
// elections table. (A CheckOnly batch has no observations to store.)
func (b *Batch) Data() ([]byte, error) {
	switch {
	case b.Source == datasets.ElectionsID:
		return generator.RenderElections(b.Elections)
	case b.render != nil:
		return b.render(), nil
	}
	return longData(b.Observations), nil
}

// longData renders observations as generator.RenderLong does, to the byte
// (TestDataIsRenderLong holds them equal), in one pass into one buffer:
// RenderLong copies and stable-sorts the observations and builds 14
// strings a row, 3 s for a million rows; this sorts 8-byte keys instead.
func longData(obs []indicators.Observation) []byte {
	buf := appendLongHeader(make([]byte, 0, 64+48*len(obs)))
	for _, i := range storedOrder(obs) {
		buf = importers.AppendLongRecord(buf, obs[i])
	}
	return buf
}

// appendLongHeader appends the header of the long format.
func appendLongHeader(buf []byte) []byte {
	for i, c := range importers.LongColumns {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = importers.AppendCSVField(buf, c)
	}
	return append(buf, '\n')
}

// storedOrder is the order RenderLong writes observations in: by country,
// then year, stable. The sort key of each is its country's place among
// the countries, its year and its index, in one uint64.
func storedOrder(obs []indicators.Observation) []int {
	isos := map[string]uint64{}
	for _, o := range obs {
		isos[o.ISO3] = 0
	}
	names := make([]string, 0, len(isos))
	for iso := range isos {
		names = append(names, iso)
	}
	slices.Sort(names)
	for k, iso := range names {
		isos[iso] = uint64(k)
	}
	order := make([]int, len(obs))
	for i := range order {
		order[i] = i
	}
	keys := make([]uint64, len(obs))
	for i, o := range obs {
		if o.Year < 0 || o.Year > 0xFFFF || len(names) > 0xFFFF || i > 0xFFFFFFFF {
			sort.SliceStable(order, func(a, b int) bool {
				if obs[order[a]].ISO3 != obs[order[b]].ISO3 {
					return obs[order[a]].ISO3 < obs[order[b]].ISO3
				}
				return obs[order[a]].Year < obs[order[b]].Year
			})
			return order
		}
		keys[i] = isos[o.ISO3]<<48 | uint64(o.Year)<<32 | uint64(i)
	}
	slices.Sort(keys)
	for k, key := range keys {
		order[k] = int(key & 0xFFFFFFFF)
	}
	return order
}

// Read validates a file completely and returns what to store. store is the
// data as commands see it now (embedded data and earlier imports): it gives
// the indicator catalog, including indicators earlier imports defined.
// Every problem in the file is an error located as file:line:col (a
// *importers.ParseError); nothing is ever half-read.
func Read(source, file string, data []byte, store *datasets.Store, opt Options) (*Batch, error) {
	src, err := LookupSource(source)
	if err != nil {
		return nil, err
	}
	if opt.Embedded == nil {
		opt.Embedded = datasets.Embedded()
	}
	b := &Batch{Source: src.ID, File: file, Covers: map[string][]int{}}
	if !opt.CheckOnly {
		sum := sha256.Sum256(data)
		b.SHA256 = hex.EncodeToString(sum[:])
	}
	if data, err = importers.Transcode(data, file, opt.Encoding); err != nil {
		return nil, err
	}
	if src.ID == datasets.ElectionsID {
		return b, b.readElections(data, store, opt)
	}
	if src.ID == "long" {
		if err := b.readLong(data, store, opt); err != nil {
			return nil, err
		}
		return b, nil
	}
	recs, err := src.read(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	recs, dropped := importers.SplitDropped(recs)
	for _, r := range dropped {
		b.Notes = append(b.Notes, fmt.Sprintf("%s:%d: %s %s %d not imported: %s", file, r.Line, r.Name, r.Obs.Indicator, r.Obs.Year, r.Dropped))
	}
	if err := b.readRecords(recs, store, opt, map[string]indicators.Indicator{}, map[string]bool{}); err != nil {
		return nil, err
	}
	return b, nil
}

// readRecords is Read after the importer: it maps the records' entities,
// checks them against their indicators (custom are a long file's new ones;
// ranked lists the indicators the file gives ranks for), ranks them and
// compares them with the data already there.
func (b *Batch) readRecords(recs []importers.Record, store *datasets.Store, opt Options, custom map[string]indicators.Indicator, ranked map[string]bool) error {
	file := b.File
	m, err := generator.MapEntities(store.Registry(), file, recs, generator.MapOptions{SkipUnknown: opt.SkipUnknown, TrustCodes: true})
	if err != nil {
		return err
	}
	for _, u := range m.Unmapped {
		if u.Err != nil {
			b.Skipped = append(b.Skipped, u)
		}
	}
	b.Warnings = append(b.Warnings, m.Warnings...)

	byID := map[string][]importers.Record{}
	var ids []string
	for _, r := range recs {
		if _, ok := byID[r.Obs.Indicator]; !ok {
			ids = append(ids, r.Obs.Indicator)
		}
		byID[r.Obs.Indicator] = append(byID[r.Obs.Indicator], r)
	}
	for _, id := range ids {
		ind, ok := custom[id]
		if !ok {
			if ind, err = store.Indicator(id); err != nil {
				return err // importers only produce catalog ids; long ids were checked
			}
			b.useEarlier(ind, byID[id][0].Line)
		}
		rs := byID[id]
		if err := checkScale(ind, rs, file); err != nil {
			return err
		}
		approx := newApproxCheck(ind, file)
		for _, r := range rs {
			approx.add(&r)
		}
		b.Warnings = append(b.Warnings, approx.warnings()...)
		switch {
		case ind.Ranks == indicators.RanksComputed:
			given := make([][2]int, len(rs))
			for i, r := range rs {
				given[i] = [2]int{r.Obs.Rank, r.Obs.RankOf}
			}
			generator.RankField(ind, rs)
			differ := 0
			for i, r := range rs {
				if given[i] != [2]int{r.Obs.Rank, r.Obs.RankOf} {
					differ++
				}
			}
			if ranked[id] && differ > 0 {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s: the file's rank and rank_of are ignored (%d differ): ranks of %s are computed within each year over the whole field", id, differ, id))
			}
		case ind.Ranks == "" && ranked[id]:
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: the file's rank and rank_of are ignored: the indicator's metadata says ranks: none", id))
			for i := range rs {
				rs[i].Obs.Rank, rs[i].Obs.RankOf = 0, 0
			}
		}
		obs, err := generator.Observations(id, rs, file)
		if err != nil {
			return err
		}
		if ind.Ranks == indicators.RanksPublished {
			if err := checkPublishedRanks(ind, rs, file); err != nil {
				return err
			}
		}
		if len(obs) == 0 {
			continue
		}
		b.Observations = append(b.Observations, obs...)
		for _, o := range obs {
			b.Covers[id] = append(b.Covers[id], o.Year)
		}
		b.Covers[id] = slices.Compact(b.Covers[id])
	}
	if len(b.Observations) == 0 {
		return errNoFigures(file)
	}
	indicators.SortObservations(b.Observations)
	for id, years := range b.Covers {
		sort.Ints(years)
		b.Covers[id] = slices.Compact(years)
	}
	iso := map[string]bool{}
	for _, o := range b.Observations {
		iso[o.ISO3] = true
	}
	b.Figures, b.Countries = len(b.Observations), len(iso)
	if err := b.compare(opt, custom, runs(b.Observations), firstLines(recs)); err != nil {
		return err
	}
	switch {
	case opt.CheckOnly:
		b.Observations = nil
	case opt.StoreOnly:
		obs := b.Observations
		b.render = func() []byte { return longData(obs) }
		b.Observations = nil
	}
	return nil
}

// runs returns the observations of each (indicator, year) of obs, which
// are sorted by indicator and year.
func runs(obs []indicators.Observation) func(id string, year int) []indicators.Observation {
	type key struct {
		id   string
		year int
	}
	byKey := map[key][]indicators.Observation{}
	for i := 0; i < len(obs); {
		j := i + 1
		for j < len(obs) && obs[j].Indicator == obs[i].Indicator && obs[j].Year == obs[i].Year {
			j++
		}
		byKey[key{obs[i].Indicator, obs[i].Year}] = obs[i:j:j]
		i = j
	}
	return func(id string, year int) []indicators.Observation { return byKey[key{id, year}] }
}

// firstLines returns the line of the first record of each (indicator,
// year) of recs.
func firstLines(recs []importers.Record) func(id string, year int) int {
	type key struct {
		id   string
		year int
	}
	first := map[key]int{}
	for _, r := range recs {
		k := key{r.Obs.Indicator, r.Obs.Year}
		if _, ok := first[k]; !ok {
			first[k] = r.Line
		}
	}
	return func(id string, year int) int { return first[key{id, year}] }
}

// errNoFigures is the error of a file none of whose rows is of a country
// the registry knows.
func errNoFigures(file string) error {
	return &importers.ParseError{File: file, Err: fmt.Errorf("has no figures of a country the registry knows")}
}

// checkMeta checks the metadata of a long file's new indicators: none
// redefines a built-in indicator or, differently, one an earlier import
// defined. custom receives the file's new indicators.
func (b *Batch) checkMeta(lf *importers.LongFile, store *datasets.Store, custom map[string]indicators.Indicator) error {
	builtin := map[string]bool{}
	for _, ind := range indicators.Catalog() {
		builtin[ind.ID] = true
	}
	known := map[string]indicators.Indicator{} // store.Indicator without its suggestions
	for _, ind := range store.Indicators() {
		known[ind.ID] = ind
	}
	for _, m := range lf.Indicators {
		if builtin[m.ID] {
			return &importers.ParseError{File: b.File, Line: m.Line, Col: 1,
				Err: fmt.Errorf("indicator %q is built in: its rows need no metadata (remove the block that starts here)", m.ID)}
		}
		ind := m.Indicator(0)
		if err := b.metaConflict(m, known); err != nil {
			return err
		}
		custom[m.ID] = ind
		b.Indicators = append(b.Indicators, m)
	}
	return nil
}

// checkRowIndicator checks the indicator of a long file's row: built in,
// defined by the file's metadata (custom) or by an earlier import, and not
// the elections.
func (b *Batch) checkRowIndicator(lf *importers.LongFile, r *importers.Record, store *datasets.Store, custom map[string]indicators.Indicator) error {
	id := r.Obs.Indicator
	if _, ok := custom[id]; ok {
		return nil
	}
	ind, err := store.Indicator(id)
	if err != nil {
		return &importers.ParseError{File: b.File, Line: r.Line, Col: lf.IndicatorCell.Col, Column: lf.IndicatorCell.Column, Value: id,
			Err: fmt.Errorf("is not an indicator rankings knows: a new indicator needs a metadata header (see datasets/FORMAT.md)%s", suggest(err))}
	}
	if ind.Events {
		return &importers.ParseError{File: b.File, Line: r.Line, Col: lf.IndicatorCell.Col, Column: lf.IndicatorCell.Column, Value: id,
			Err: fmt.Errorf("is a list of elections: import it with source odihr")}
	}
	return nil
}

// suggest turns an unknown-indicator error's suggestions into "; did you
// mean …?".
func suggest(err error) string {
	if e, ok := err.(*indicators.Error); ok && len(e.Suggestions) > 0 {
		return "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return ""
}

// sameMeta reports whether two definitions of an imported indicator agree
// on what its figures mean.
func sameMeta(a, b indicators.Indicator) bool {
	return a.Name == b.Name && a.Unit == b.Unit && a.Scale() == b.Scale() && a.Direction() == b.Direction() &&
		a.Year == b.Year && a.Ranks == b.Ranks
}

// checkScale refuses a year outside the indicator's methodology segments
// and a value outside the scale's hard bounds (indicators.Scale.Hard): an
// exact scale's ends, or an approximate one's documented hard bounds.
func checkScale(ind indicators.Indicator, rs []importers.Record, file string) error {
	for i := range rs {
		if err := scaleError(ind, &rs[i], file); err != nil {
			return err
		}
	}
	return nil
}

// scaleError is checkScale's error for one record, or nil.
func scaleError(ind indicators.Indicator, r *importers.Record, file string) error {
	seg, ok := ind.SegmentAt(r.Obs.Year)
	switch {
	case !ok && ind.Source != "import":
		return &importers.ParseError{File: file, Line: r.Line,
			Err: fmt.Errorf("%s: year %d is before the indicator's first year %d", ind.ID, r.Obs.Year, ind.Segments[0].From)}
	case !ok:
		seg = ind.Segments[0] // an imported indicator's segment starts at its first imported year
	}
	sc := seg.Scale
	lo, hi := sc.Hard()
	if r.Obs.Value >= lo && r.Obs.Value <= hi {
		return nil
	}
	err := fmt.Errorf("is outside the scale %s of %s", sc, ind.ID)
	if sc.Approximate {
		err = fmt.Errorf("is outside the hard bounds %s to %s of %s (usually %s), which no figure of it leaves: correct the value, or check that the column holds %s figures",
			indicators.FormatNumber(lo), indicators.FormatNumber(hi), ind.ID, sc, ind.ID)
	}
	return &importers.ParseError{File: file, Line: r.Line, Col: r.ValueCell.Col, Column: r.ValueCell.Column,
		Value: indicators.FormatNumber(r.Obs.Value), Err: err}
}

// approxCheck warns about values far beyond a nominal scale ("about
// −2.5 to 2.5"): publishers print some values a little outside it (WGI's
// estimates reach −3.3), but a value a quarter of the scale's width beyond
// it more likely comes from a wrong column. It is given an indicator's
// records one by one.
type approxCheck struct {
	ind  indicators.Indicator
	file string
	some bool // some segment's scale is approximate
	out  []string
	n    int
}

func newApproxCheck(ind indicators.Indicator, file string) *approxCheck {
	some := slices.ContainsFunc(ind.Segments, func(s indicators.Segment) bool { return s.Scale.Approximate })
	return &approxCheck{ind: ind, file: file, some: some}
}

// add checks one record.
func (a *approxCheck) add(r *importers.Record) {
	if !a.some {
		return
	}
	seg, ok := a.ind.SegmentAt(r.Obs.Year)
	if !ok || !seg.Scale.Approximate {
		return
	}
	slack := (seg.Scale.Max - seg.Scale.Min) / 4
	if r.Obs.Value >= seg.Scale.Min-slack && r.Obs.Value <= seg.Scale.Max+slack {
		return
	}
	if a.n++; a.n <= 3 {
		a.out = append(a.out, fmt.Sprintf("%s:%d: %s %d: %s is far outside the usual range %s", a.file, r.Line, a.ind.ID, r.Obs.Year,
			indicators.FormatNumber(r.Obs.Value), seg.Scale))
	}
}

// warnings are the warnings about the records added: the first three,
// then how many more.
func (a *approxCheck) warnings() []string {
	out := a.out
	if a.n > 3 {
		out = append(out, fmt.Sprintf("%s: %d more values far outside the usual range %s", a.ind.ID, a.n-3, a.ind.Scale()))
	}
	return out
}
