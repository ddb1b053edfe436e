package ingest

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/generator"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// A user's long file can hold a million rows, so Read reads it in one pass
// (importers.ScanLongFile) and keeps of each row 40 bytes without pointers
// (which the garbage collector need not scan), instead of readRecords'
// records, maps and copies, and builds the observations once at the end:
// each country name or code is resolved once, each indicator looked up
// once; duplicates are found and ranks computed per (indicator, year) over
// the rows grouped by a counting sort; each observation is written once,
// in its final place. The result is the same batch, and the same first
// error, as readRecords gives (the tests compare the two): readRecords
// checked in passes, so an error of an earlier pass wins wherever it is in
// the file, and so it does here.

// The passes of the long path before the per-indicator checks, in the
// order readRecords reports their errors.
const (
	passMeta      = iota + 1 // the metadata against the catalog (checkMeta)
	passIndicator            // every row's indicator (checkRowIndicator)
	passEntity               // every row's country (MapEntities)
)

// longInd is an indicator a long file has rows for.
type longInd struct {
	id       string
	ind      indicators.Indicator
	minYear  int
	maxYear  int
	base     int // its first group
	scaleErr error
	approx   *approxCheck
	segYear  int // the year of the cached segment
	seg      indicators.Segment
	segOK    bool
	segSet   bool
	// keep: its rows are kept, for the observations (not CheckOnly),
	// compare (a built-in indicator) or the ranks' warning. Otherwise
	// years (from firstYear on) has what the checks need.
	keep  bool
	years []longYear
}

// firstYear is the first year a long file's row can have (checkRow).
const firstYear = 1800

// longYear is what a CheckOnly read keeps of an (indicator, year) whose
// rows it does not keep.
type longYear struct {
	known int      // rows of known countries
	seen  []uint64 // a bit per country (longRead.isos) with a row
}

// segment is ind.SegmentAt(year), cached for runs of one year.
func (li *longInd) segment(year int) (indicators.Segment, bool) {
	if !li.segSet || li.segYear != year {
		li.seg, li.segOK = li.ind.SegmentAt(year)
		li.segYear, li.segSet = year, true
	}
	return li.seg, li.segOK
}

// entKey is a row's entity as the file writes it.
type entKey struct{ code, name string }

// longEnt is an entity of the file and what the registry made of it.
type longEnt struct {
	iso  int32 // index into longRead.isos; -1 when not mapped
	code string
	name string
	cell importers.Cell
	note string              // the mapping's note
	skip *generator.Unmapped // with SkipUnknown, the unknown entity's rows are left out
	next int32               // the entity of the row after this one's last time, or -1
}

// longRead is the state of one long file's read.
type longRead struct {
	b      *Batch
	store  *datasets.Store
	reg    *countries.Registry
	opt    Options
	lf     *importers.LongFile
	custom map[string]indicators.Indicator
	err    error
	pass   int

	inds    []*longInd
	byID    map[string]int32
	lastID  string
	lastInd int32
	ents    []longEnt
	lastEnt int32            // the last row's entity, or -1
	byEnt   map[entKey]int32 // entities with a code and a name
	byCode  map[string]int32 // with a code only
	byName  map[string]int32 // with a name only
	isos    []string
	isoOf   map[string]int32
	one     [1]importers.Record // MapEntities' argument
	// valueCell is the value column (the same for every row).
	valueCell importers.Cell

	rows   []longRow    // in file order
	extras [][6]float64 // stderr, lower, upper, pct, pct_lower, pct_upper of rows that have one
	texts  []longText   // status and note of rows that have one; texts[0] has neither
	textOf map[longText]int32
	// bigRanks are the rank and rank_of of rows whose ranks are too large
	// for int32 (a file's published ranks can be anything).
	bigRanks map[int32][2]int
	// rerun: the CheckOnly read met what only the full read can tell (a
	// duplicate row, whose error names the first; a rank where it kept no
	// rows), and reads the file again that way.
	rerun bool
}

// longRow is a row of the file as readLong keeps it.
type longRow struct {
	value  float64
	rank   int32 // the file's, then the computed one; bigRank: in longRead.bigRanks
	rankOf int32
	line   int32 // a file of at most importers.MaxFileSize has fewer lines
	ent    int32 // index into longRead.ents
	ind    int32 // index into longRead.inds
	extra  int32 // index into longRead.extras, -1 when all are missing
	text   int32 // index into longRead.texts
	year   int16 // 1800–2200
}

// bigRank marks a published rank or rank_of too large for a longRow.
const bigRank = -1

// longText is a row's status and note.
type longText struct{ status, note string }

// fail keeps err unless an error of the same or an earlier pass is known.
func (l *longRead) fail(pass int, err error) {
	if l.err == nil || pass < l.pass {
		l.err, l.pass = err, pass
	}
}

// readLong is Read for source long.
func (b *Batch) readLong(data []byte, store *datasets.Store, opt Options) error {
	rerun, err := b.readLongOnce(data, store, opt)
	if !rerun {
		return err
	}
	*b = Batch{Source: b.Source, File: b.File, SHA256: b.SHA256, Covers: map[string][]int{}}
	opt.CheckOnly, opt.StoreOnly = false, true
	_, err = b.readLongOnce(data, store, opt)
	b.render = nil
	return err
}

// readLongOnce reads the file; rerun says a CheckOnly read must be done
// again in full.
func (b *Batch) readLongOnce(data []byte, store *datasets.Store, opt Options) (rerun bool, err error) {
	l := &longRead{b: b, store: store, reg: store.Registry(), opt: opt, custom: map[string]indicators.Indicator{},
		byID: map[string]int32{}, lastInd: -1, lastEnt: -1, byEnt: map[entKey]int32{}, byCode: map[string]int32{}, byName: map[string]int32{}, isoOf: map[string]int32{},
		texts: []longText{{}}, textOf: map[longText]int32{{}: 0}}
	if !opt.CheckOnly {
		l.rows = make([]longRow, 0, lineCount(data))
	}
	lf, err := importers.ScanLongFile(data, b.File, l.start, l.row)
	switch {
	case err != nil:
		return false, err
	case l.err != nil:
		return false, l.err
	case l.rerun:
		return true, nil
	}
	l.lf = lf
	b.Warnings = append(b.Warnings, lf.Warnings...)
	return false, l.finish()
}

// lineCount is about how many lines data has: room for its rows.
func lineCount(data []byte) int {
	return max(bytes.Count(data, []byte{'\n'}), bytes.Count(data, []byte{'\r'})) + 1
}

// start takes the file's metadata before its first row.
func (l *longRead) start(lf *importers.LongFile) {
	l.lf = lf
	if err := l.b.checkMeta(lf, l.store, l.custom); err != nil {
		l.fail(passMeta, err)
	}
}

// row takes one row of the file.
func (l *longRead) row(r *importers.Record) {
	if l.err != nil && l.pass <= passIndicator || l.rerun {
		return // nothing a later row shows comes first, or all is read again
	}
	k := l.indicator(r)
	if k < 0 || l.err != nil {
		return
	}

	e := l.entity(r)
	if e < 0 {
		return
	}
	li := l.inds[k]
	if li.scaleErr == nil {
		l.checkScale(li, r)
	}
	li.approx.add(r)
	l.valueCell = r.ValueCell
	o := &r.Obs
	if ent := &l.ents[e]; ent.skip != nil {
		u := *ent.skip
		pe := *u.Err.(*importers.ParseError)
		pe.Line = r.Line
		u.Year, u.Err = o.Year, &pe
		l.b.Skipped = append(l.b.Skipped, u)
	}
	if !li.keep {
		l.check(li, e, r)
		return
	}
	li.minYear, li.maxYear = min(li.minYear, o.Year), max(li.maxYear, o.Year)
	row := longRow{value: o.Value, line: int32(r.Line), ent: e, ind: k, rank: int32(o.Rank), rankOf: int32(o.RankOf),
		extra: -1, year: int16(o.Year)}
	if o.Rank > math.MaxInt32 || o.RankOf > math.MaxInt32 {
		if l.bigRanks == nil {
			l.bigRanks = map[int32][2]int{}
		}
		l.bigRanks[int32(len(l.rows))] = [2]int{o.Rank, o.RankOf}
		row.rank, row.rankOf = bigRank, bigRank
	}
	if x := [6]float64{o.StdErr, o.Lower, o.Upper, o.Pct, o.PctLower, o.PctUpper}; !allNaN(x) {
		row.extra = int32(len(l.extras))
		l.extras = append(l.extras, x)
	}
	if o.Status != "" || o.Note != "" {
		t := longText{o.Status, o.Note}
		i, ok := l.textOf[t]
		if !ok {
			i = int32(len(l.texts))
			l.texts = append(l.texts, t)
			l.textOf[t] = i
		}
		row.text = i
	}
	l.rows = append(l.rows, row)
}

// allNaN reports whether every value is missing.
func allNaN(x [6]float64) bool {
	for _, v := range x {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
}

// check takes a row of an indicator whose rows a CheckOnly read does not
// keep: it counts the row and looks for a duplicate.
func (l *longRead) check(li *longInd, e int32, r *importers.Record) {
	y := r.Obs.Year - firstYear
	if r.Obs.Rank != 0 && (li.ind.Ranks == indicators.RanksComputed || li.ind.Ranks == indicators.RanksPublished) || y < 0 || y > 1000 {
		l.rerun = true // the warning about the file's ranks counts those that differ; published ones are checked
		return
	}
	if li.years == nil {
		li.years = make([]longYear, 2200-firstYear+1)
	}
	if y >= len(li.years) {
		li.years = append(li.years, make([]longYear, y+1-len(li.years))...)
	}
	iso := l.ents[e].iso
	if iso < 0 {
		return
	}
	ly := &li.years[y]
	w, bit := int(iso/64), uint64(1)<<(iso%64)
	if w >= len(ly.seen) {
		ly.seen = append(ly.seen, make([]uint64, w+1-len(ly.seen))...)
	}
	if ly.seen[w]&bit != 0 {
		l.rerun = true // a duplicate: its error names the first row
		return
	}
	ly.seen[w] |= bit
	ly.known++
}

// indicator returns the index of the row's indicator, or -1 when the
// catalog does not have it (the error is kept).
func (l *longRead) indicator(r *importers.Record) int32 {
	id := r.Obs.Indicator
	if id == l.lastID && l.lastInd >= 0 {
		return l.lastInd
	}
	k, ok := l.byID[id]
	if !ok {
		if err := l.b.checkRowIndicator(l.lf, r, l.store, l.custom); err != nil {
			l.fail(passIndicator, err)
			return -1
		}
		ind, ok := l.custom[id]
		if !ok {
			var err error
			if ind, err = l.store.Indicator(id); err != nil {
				l.fail(passIndicator, err)
				return -1
			}
			l.b.useEarlier(ind, r.Line)
		}
		k = int32(len(l.inds))
		keep := !l.opt.CheckOnly
		if _, custom := l.custom[id]; !custom && !keep {
			_, err := l.opt.Embedded.Indicator(id)
			keep = err == nil // compare needs the observations
		}
		l.inds = append(l.inds, &longInd{id: id, ind: ind, minYear: r.Obs.Year, maxYear: r.Obs.Year, approx: newApproxCheck(ind, l.b.File), keep: keep})
		l.byID[id] = k
	}
	l.lastID, l.lastInd = id, k
	return k
}

// entity returns the index of the row's entity, mapping it through the
// registry the first time; -1 when it is an error (which is kept).
func (l *longRead) entity(r *importers.Record) int32 {
	// Files repeat their countries in one order: the entity that followed
	// the last one before is the likely next.
	if p := l.lastEnt; p >= 0 {
		if q := l.ents[p].next; q >= 0 && l.ents[q].code == r.Code && l.ents[q].name == r.Name {
			l.lastEnt = q
			return q
		}
	}
	e := l.lookupEntity(r)
	if e >= 0 {
		if l.lastEnt >= 0 {
			l.ents[l.lastEnt].next = e
		}
		l.lastEnt = e
	}
	return e
}

// lookupEntity is entity without the guess.
func (l *longRead) lookupEntity(r *importers.Record) int32 {
	var e int32
	var ok bool
	switch { // a file has codes or names: a string key hashes faster
	case r.Name == "":
		e, ok = l.byCode[r.Code]
	case r.Code == "":
		e, ok = l.byName[r.Name]
	default:
		e, ok = l.byEnt[entKey{r.Code, r.Name}]
	}
	if ok {
		return e
	}
	// The first row of this entity: MapEntities maps it as it would in
	// readRecords, where every row of the entity maps alike.
	l.one[0] = *r
	// Kept in the entity, its errors and skipped rows: not the file's bytes.
	l.one[0].Code, l.one[0].Name = strings.Clone(r.Code), strings.Clone(r.Name)
	l.one[0].Obs.Note = ""
	m, err := generator.MapEntities(l.reg, l.b.File, l.one[:], generator.MapOptions{SkipUnknown: l.opt.SkipUnknown, TrustCodes: true})
	if err != nil {
		l.fail(passEntity, err)
		return -1
	}
	l.b.Warnings = append(l.b.Warnings, m.Warnings...)
	ent := longEnt{iso: -1, code: l.one[0].Code, name: l.one[0].Name, cell: r.EntityCell, next: -1}
	if len(m.Unmapped) > 0 {
		if u := m.Unmapped[0]; u.Err != nil {
			ent.skip = &u
		}
	} else {
		iso := l.one[0].Obs.ISO3
		i, ok := l.isoOf[iso]
		if !ok {
			i = int32(len(l.isos))
			l.isos = append(l.isos, iso)
			l.isoOf[iso] = i
		}
		ent.iso, ent.note = i, l.one[0].Obs.Note
	}
	e = int32(len(l.ents))
	l.ents = append(l.ents, ent)
	switch {
	case ent.name == "":
		l.byCode[ent.code] = e
	case ent.code == "":
		l.byName[ent.name] = e
	default:
		l.byEnt[entKey{ent.code, ent.name}] = e
	}
	return e
}

// checkScale keeps the indicator's first scaleError.
func (l *longRead) checkScale(li *longInd, r *importers.Record) {
	seg, ok := li.segment(r.Obs.Year)
	if ok {
		if lo, hi := seg.Scale.Hard(); r.Obs.Value >= lo && r.Obs.Value <= hi {
			return // the common case, without building an Indicator copy
		}
	}
	li.scaleErr = scaleError(li.ind, r, l.b.File)
}

// finish runs the per-indicator checks on the rows read, ranks them and
// builds the observations: readRecords' loop over the indicators.
func (l *longRead) finish() error {
	b, file := l.b, l.b.File
	rows := l.rows
	// Group the rows by (indicator, year), in file order within a group.
	groups := 0
	for _, li := range l.inds {
		if li.keep {
			li.base = groups
			groups += li.maxYear - li.minYear + 1
		}
	}
	start := make([]int32, groups+1)
	group := func(r *longRow) int {
		li := l.inds[r.ind]
		return li.base + int(r.year) - li.minYear
	}
	for i := range rows {
		start[group(&rows[i])+1]++
	}
	for g := range groups {
		start[g+1] += start[g]
	}
	perm := make([]int32, len(rows))
	next := slices.Clone(start[:groups])
	for i := range rows {
		g := group(&rows[i])
		perm[next[g]] = int32(i)
		next[g]++
	}
	next = nil

	first := make([]int32, len(l.isos)) // scratch for duplicates
	var values []float64                // one group's, for the ranks
	var ranked32 []int32                // one group's rows with a percentile (RankByPercentile)
	mapped := 0
	for _, li := range l.inds {
		if li.scaleErr != nil {
			return li.scaleErr
		}
		b.Warnings = append(b.Warnings, li.approx.warnings()...)
		ranked := l.lf.Ranked[li.id]
		differ, count := 0, 0
		var years []int
		if !li.keep {
			for y, ly := range li.years {
				if ly.known > 0 {
					years = append(years, firstYear+y)
					count += ly.known
				}
			}
		} else if err := l.duplicates(li, start, perm, first); err != nil {
			return err
		} else if err := l.publishedRanks(li, start, perm); err != nil {
			return err
		}
		for g := li.base; li.keep && g <= li.base+li.maxYear-li.minYear; g++ {
			group := perm[start[g]:start[g+1]]
			if len(group) == 0 {
				continue
			}
			year := int(rows[group[0]].year)
			switch {
			case li.ind.Ranks == indicators.RanksComputed:
				// generator.RankField, over the group: every row of the
				// year, of a known country or not.
				// An indicator ranked by its percentile ranks the rows
				// that have one, by it, higher first.
				dir := li.ind.Direction()
				if seg, ok := li.segment(year); ok {
					dir = seg.Direction
				}
				field := group
				if li.ind.RankByPercentile {
					dir, field = indicators.HigherIsBetter, ranked32[:0]
					for _, i := range group {
						if r := &rows[i]; r.extra >= 0 && !math.IsNaN(l.extras[r.extra][3]) {
							field = append(field, i)
						} else {
							if r.rank != 0 || r.rankOf != 0 {
								differ++
							}
							r.rank, r.rankOf = 0, 0
						}
					}
					ranked32 = field
				}
				values = values[:0]
				for _, i := range field {
					if li.ind.RankByPercentile {
						values = append(values, l.extras[rows[i].extra][3])
					} else {
						values = append(values, rows[i].value)
					}
				}
				for k, rank := range indicators.CompetitionRanks(values, dir) {
					r := &rows[field[k]]
					if r.rank != int32(rank) || r.rankOf != int32(len(field)) {
						differ++ // a bigRank row differs too
					}
					r.rank, r.rankOf = int32(rank), int32(len(field))
				}
			case li.ind.Ranks == "" && ranked:
				for _, i := range group {
					rows[i].rank, rows[i].rankOf = 0, 0
				}
			}
			inYear := 0
			for _, i := range group {
				if l.ents[rows[i].ent].iso >= 0 {
					inYear++
				}
			}
			if inYear > 0 {
				years = append(years, year)
				count += inYear
			}
		}
		switch {
		case li.ind.Ranks == indicators.RanksComputed && ranked && differ > 0:
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: the file's rank and rank_of are ignored (%d differ): ranks of %s are computed within each year over the whole field", li.id, differ, li.id))
		case li.ind.Ranks == "" && ranked:
			b.Warnings = append(b.Warnings, fmt.Sprintf("%s: the file's rank and rank_of are ignored: the indicator's metadata says ranks: none", li.id))
		}
		if count > 0 {
			b.Covers[li.id] = years
			mapped += count
		}
	}
	if mapped == 0 {
		return errNoFigures(file)
	}
	b.Figures, b.Countries = mapped, len(l.isos)
	firstLine := func(id string, year int) int {
		li := l.inds[l.byID[id]]
		g := li.base + year - li.minYear
		return int(rows[perm[start[g]]].line)
	}
	if l.opt.CheckOnly || l.opt.StoreOnly {
		if err := b.compare(l.opt, l.custom, l.groupObservations(start, perm), firstLine); err != nil {
			return err
		}
		if l.opt.StoreOnly {
			b.render = l.render
		}
		return nil
	}
	obs := l.observations(start, perm, mapped)
	if err := b.compare(l.opt, l.custom, runs(obs), firstLine); err != nil {
		return err
	}
	b.Observations = obs
	l.rows, l.extras, l.texts = nil, nil, nil
	return nil
}

// duplicates finds the first row (in file order) of the indicator that
// repeats a (country, year) of an earlier row, and returns the error
// generator.Observations gives for it. first is scratch space, all zero.
func (l *longRead) duplicates(li *longInd, start, perm, first []int32) error {
	dup, prev := int32(-1), int32(-1)
	for g := li.base; g <= li.base+li.maxYear-li.minYear; g++ {
		group := perm[start[g]:start[g+1]]
		for _, i := range group {
			iso := l.ents[l.rows[i].ent].iso
			if iso < 0 {
				continue
			}
			if f := first[iso]; f > 0 {
				if dup < 0 || i < dup {
					dup, prev = i, f-1
				}
				continue
			}
			first[iso] = i + 1
		}
		for _, i := range group {
			if iso := l.ents[l.rows[i].ent].iso; iso >= 0 {
				first[iso] = 0
			}
		}
	}
	if dup < 0 {
		return nil
	}
	_, err := generator.Observations(li.id, []importers.Record{l.record(prev), l.record(dup)}, l.b.File)
	if err == nil {
		err = fmt.Errorf("%s: lines %d and %d: duplicate row", li.id, l.rows[prev].line, l.rows[dup].line) // not reached
	}
	return err
}

// publishedRanks checks the ranks of an indicator whose ranks are
// published as checkPublishedRanks does: the error of the year whose error
// has the earliest line, or nil.
func (l *longRead) publishedRanks(li *longInd, start, perm []int32) error {
	if li.ind.Ranks != indicators.RanksPublished {
		return nil
	}
	var first error
	firstLine := 0
	var rows []rankedRow
	for g := li.base; g <= li.base+li.maxYear-li.minYear; g++ {
		group := perm[start[g]:start[g+1]]
		if len(group) == 0 {
			continue
		}
		rows = rows[:0]
		for _, i := range group {
			r := &l.rows[i]
			rank, rankOf := int(r.rank), int(r.rankOf)
			if r.rank == bigRank {
				big := l.bigRanks[i]
				rank, rankOf = big[0], big[1]
			}
			rows = append(rows, rankedRow{line: int(r.line), rank: rank, rankOf: rankOf, value: r.value})
		}
		if err := publishedRankError(l.b.File, li.ind, int(l.rows[group[0]].year), rows); err != nil {
			if line := err.(*importers.ParseError).Line; first == nil || line < firstLine {
				first, firstLine = err, line
			}
		}
	}
	return first
}

// record rebuilds row i's record.
func (l *longRead) record(i int32) importers.Record {
	r := &l.rows[i]
	ent := &l.ents[r.ent]
	return importers.Record{Source: "long", Code: ent.code, Name: ent.name, Line: int(r.line), EntityCell: ent.cell,
		ValueCell: l.valueCell, Obs: l.observation(i)}
}

// observation builds row i's observation.
func (l *longRead) observation(i int32) indicators.Observation {
	r := &l.rows[i]
	ent := &l.ents[r.ent]
	o := indicators.Observation{Indicator: l.inds[r.ind].id, Year: int(r.year), Value: r.value, Rank: int(r.rank), RankOf: int(r.rankOf)}
	if r.rank == bigRank {
		big := l.bigRanks[i]
		o.Rank, o.RankOf = big[0], big[1]
	}
	x := &[6]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	if r.extra >= 0 {
		x = &l.extras[r.extra]
	}
	o.StdErr, o.Lower, o.Upper, o.Pct, o.PctLower, o.PctUpper = x[0], x[1], x[2], x[3], x[4], x[5]
	t := l.texts[r.text]
	o.Status, o.Note = t.status, t.note
	if ent.iso >= 0 {
		o.ISO3 = l.isos[ent.iso]
		if ent.note != "" {
			o.Note = joinNotes(o.Note, ent.note)
		}
	}
	return o
}

// observations builds the observations of the rows of known countries,
// each written once in its place: sorted by indicator, year and country,
// as indicators.SortObservations sorts them.
func (l *longRead) observations(start, perm []int32, mapped int) []indicators.Observation {
	ids := make([]int, len(l.inds))
	for k := range ids {
		ids[k] = k
	}
	slices.SortFunc(ids, func(a, c int) int { return strings.Compare(l.inds[a].id, l.inds[c].id) })
	out := make([]indicators.Observation, 0, mapped)
	var buf []int32
	for _, k := range ids {
		li := l.inds[k]
		for g := li.base; g <= li.base+li.maxYear-li.minYear; g++ {
			buf = l.known(perm[start[g]:start[g+1]], buf)
			for _, i := range buf {
				out = append(out, l.observation(i))
			}
		}
	}
	return out
}

// known returns the rows of group that are of known countries, sorted by
// country, in buf.
func (l *longRead) known(group, buf []int32) []int32 {
	buf = buf[:0]
	for _, i := range group {
		if l.ents[l.rows[i].ent].iso >= 0 {
			buf = append(buf, i)
		}
	}
	iso := func(i int32) string { return l.isos[l.ents[l.rows[i].ent].iso] }
	byISO := func(a, c int32) int { return strings.Compare(iso(a), iso(c)) }
	if !slices.IsSortedFunc(buf, byISO) {
		slices.SortFunc(buf, byISO)
	}
	return buf
}

// groupObservations returns compare's observations of one (indicator,
// year) from the rows, for a batch that keeps none (CheckOnly, StoreOnly).
func (l *longRead) groupObservations(start, perm []int32) func(id string, year int) []indicators.Observation {
	return func(id string, year int) []indicators.Observation {
		k, ok := l.byID[id]
		if !ok {
			return nil
		}
		li := l.inds[k]
		if year < li.minYear || year > li.maxYear {
			return nil
		}
		g := li.base + year - li.minYear
		var out []indicators.Observation
		for _, i := range l.known(perm[start[g]:start[g+1]], nil) {
			out = append(out, l.observation(i))
		}
		return out
	}
}

// render renders the stored file from the rows, as longData renders the
// observations they make, to the byte (the tests hold the two equal): in
// RenderLong's order (country, year, then the observations' order, which
// is by indicator), sorting one uint64 key per row.
func (l *longRead) render() []byte {
	isoRank := make([]uint64, len(l.isos))
	for k, i := range sortedBy(len(l.isos), func(a, c int) int { return strings.Compare(l.isos[a], l.isos[c]) }) {
		isoRank[i] = uint64(k)
	}
	indRank := make([]uint64, len(l.inds))
	for k, i := range sortedBy(len(l.inds), func(a, c int) int { return strings.Compare(l.inds[a].id, l.inds[c].id) }) {
		indRank[i] = uint64(k)
	}
	// Key: country, year, indicator (a (country, year, indicator) has one
	// row: duplicates are errors), row.
	rowBits, indBits, isoBits := bits.Len(uint(len(l.rows))), bits.Len(uint(len(l.inds))), bits.Len(uint(len(l.isos)))
	const yearBits = 9 // 1800–2200
	var keys []uint64
	if rowBits+indBits+isoBits+yearBits <= 64 {
		keys = make([]uint64, 0, l.b.Figures)
		for i := range l.rows {
			r := &l.rows[i]
			if iso := l.ents[r.ent].iso; iso >= 0 {
				k := isoRank[iso]
				k = k<<yearBits | uint64(int(r.year)-firstYear)
				k = k<<indBits | indRank[r.ind]
				keys = append(keys, k<<rowBits|uint64(i))
			}
		}
		slices.Sort(keys)
	}
	buf := make([]byte, 0, 64+48*l.b.Figures)
	buf = appendLongHeader(buf)
	if keys == nil { // (a file no key can hold: never, short of 2^64)
		var order []int32
		for i := range l.rows {
			if l.ents[l.rows[i].ent].iso >= 0 {
				order = append(order, int32(i))
			}
		}
		slices.SortFunc(order, func(a, c int32) int {
			ra, rc := &l.rows[a], &l.rows[c]
			return cmp.Or(cmp.Compare(isoRank[l.ents[ra.ent].iso], isoRank[l.ents[rc.ent].iso]),
				cmp.Compare(ra.year, rc.year), cmp.Compare(indRank[ra.ind], indRank[rc.ind]))
		})
		for _, i := range order {
			buf = importers.AppendLongRecord(buf, l.observation(i))
		}
		return buf
	}
	mask := uint64(1)<<rowBits - 1
	for _, k := range keys {
		buf = importers.AppendLongRecord(buf, l.observation(int32(k&mask)))
	}
	return buf
}

// sortedBy returns 0…n-1 sorted by cmp.
func sortedBy(n int, cmp func(a, c int) int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, cmp)
	return order
}

// joinNotes is generator's: a note, then the mapping's.
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
