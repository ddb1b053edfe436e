package datasets

// The fast form of the embedded data (data/index.bin): the generator
// derives it from the long-format CSV files it has just written
// (BuildIndex), and the embedded store reads it in place, so that a command
// parses nothing at start and touches only the rows it asks for. The CSV
// files stay the documented, reviewable form; TestIndexMatchesCSV checks
// that both hold the same figures.
//
// Layout (little-endian; every offset is from the start of the file, every
// string an id into the string table, 0 being ""):
//
//	header    "RANKIX01", then u32: strings, string table offset, blob
//	          offset, indicators, elections offset, elections
//	directory per indicator 10 × u32: id, mask, row size, rows, rows
//	          offset, countries, countries offset, years, years offset,
//	          by-year row list offset
//	rows      per row: u16 year, rank, rank_of, 0; u32 status, note;
//	          f64 value; then f64 for each optional column in mask
//	          (stderr, lower, upper, pct, pct_lower, pct_upper), NaN when
//	          missing. Rows are sorted by country, then year.
//	countries per country 3 × u32: ISO3, first row, rows; by ISO3
//	years     per year 3 × u32: year, first entry of the by-year list, rows
//	by-year   u32 row numbers, by year, then ISO3
//	elections per election 8 × u32: ISO3, date, type, mission, assessment,
//	          summary, source URL, source kind; in the order of elections.csv
//	strings   per string 2 × u32: blob offset, length

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unsafe"

	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// IndexFile is the name of the fast form in datasets/data.
const IndexFile = "index.bin"

const (
	indexMagic   = "RANKIX01"
	indexHeader  = 8 + 6*4
	indexDirSize = 10 * 4
	electionSize = 8 * 4
)

// optional columns of a row, in mask bit order.
var optCols = [...]func(*indicators.Observation) *float64{
	func(o *indicators.Observation) *float64 { return &o.StdErr },
	func(o *indicators.Observation) *float64 { return &o.Lower },
	func(o *indicators.Observation) *float64 { return &o.Upper },
	func(o *indicators.Observation) *float64 { return &o.Pct },
	func(o *indicators.Observation) *float64 { return &o.PctLower },
	func(o *indicators.Observation) *float64 { return &o.PctUpper },
}

// BuildIndex returns the fast form of a data folder's files: every
// <indicator>.csv of files in the long format (the files the generator
// writes; others are ignored) and elections.csv. The result depends only
// on the files' contents.
func BuildIndex(files map[string][]byte) ([]byte, error) {
	var ids []string
	for name := range files {
		switch name {
		case "elections.csv", "unmapped.csv", "dropped.csv", "inputs.csv":
			continue
		}
		if strings.HasSuffix(name, ".csv") {
			ids = append(ids, strings.TrimSuffix(name, ".csv"))
		}
	}
	sort.Strings(ids)
	b := &indexBuilder{strs: map[string]uint32{"": 0}, list: []string{""}}
	type ind struct {
		id   string
		obs  []indicators.Observation
		mask uint32
	}
	inds := make([]ind, 0, len(ids))
	for _, id := range ids {
		name := id + ".csv"
		ix, err := newIndex(name, id, files[name])
		if err != nil {
			return nil, err
		}
		if err := ix.scan(); err != nil {
			return nil, err
		}
		var offs []int
		for off := ix.body; off < len(ix.data); {
			start, end := ix.lineAt(off)
			if start == end {
				break
			}
			offs = append(offs, start)
			off = end + 1
		}
		obs, err := ix.obs(offs) // file order: by country, then year
		if err != nil {
			return nil, err
		}
		var mask uint32
		for _, o := range obs {
			for c, col := range optCols {
				if !math.IsNaN(*col(&o)) {
					mask |= 1 << c
				}
			}
		}
		inds = append(inds, ind{id, obs, mask})
	}
	var elections []indicators.Election
	if data, ok := files["elections.csv"]; ok {
		recs, err := importers.ReadODIHR(bytes.NewReader(data), "elections.csv")
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			elections = append(elections, r.Election)
		}
	}

	// The sections, each 8-byte aligned, after the header and directory.
	out := make([]byte, indexHeader+indexDirSize*len(inds))
	align := func() {
		for len(out)%8 != 0 {
			out = append(out, 0)
		}
	}
	le := binary.LittleEndian
	for k, in := range inds {
		align()
		rowSize := 24 + 8*popcount(in.mask)
		rowsOff := len(out)
		for _, o := range in.obs {
			if o.Year < 0 || o.Year > math.MaxUint16 || o.Rank < 0 || o.Rank > math.MaxUint16 || o.RankOf < 0 || o.RankOf > math.MaxUint16 {
				return nil, fmt.Errorf("%s.csv: %s %d: year or rank out of the index's range", in.id, o.ISO3, o.Year)
			}
			out = le.AppendUint16(out, uint16(o.Year))
			out = le.AppendUint16(out, uint16(o.Rank))
			out = le.AppendUint16(out, uint16(o.RankOf))
			out = le.AppendUint16(out, 0)
			out = le.AppendUint32(out, b.str(o.Status))
			out = le.AppendUint32(out, b.str(o.Note))
			out = le.AppendUint64(out, math.Float64bits(o.Value))
			for c, col := range optCols {
				if in.mask&(1<<c) != 0 {
					out = le.AppendUint64(out, math.Float64bits(*col(&o)))
				}
			}
		}
		countriesOff := len(out)
		nCountries := 0
		for i := 0; i < len(in.obs); {
			j := i
			for j < len(in.obs) && in.obs[j].ISO3 == in.obs[i].ISO3 {
				j++
			}
			out = le.AppendUint32(out, b.str(in.obs[i].ISO3))
			out = le.AppendUint32(out, uint32(i))
			out = le.AppendUint32(out, uint32(j-i))
			nCountries++
			i = j
		}
		byYear := map[int][]uint32{}
		var years []int
		for i, o := range in.obs {
			if _, ok := byYear[o.Year]; !ok {
				years = append(years, o.Year)
			}
			byYear[o.Year] = append(byYear[o.Year], uint32(i)) // ISO3 order: the rows are
		}
		sort.Ints(years)
		yearsOff := len(out)
		first := 0
		for _, y := range years {
			out = le.AppendUint32(out, uint32(y))
			out = le.AppendUint32(out, uint32(first))
			out = le.AppendUint32(out, uint32(len(byYear[y])))
			first += len(byYear[y])
		}
		permOff := len(out)
		for _, y := range years {
			for _, r := range byYear[y] {
				out = le.AppendUint32(out, r)
			}
		}
		d := indexHeader + indexDirSize*k
		for f, v := range []int{int(b.str(in.id)), int(in.mask), rowSize, len(in.obs), rowsOff, nCountries, countriesOff, len(years), yearsOff, permOff} {
			le.PutUint32(out[d+4*f:], uint32(v))
		}
	}
	align()
	electionsOff := len(out)
	for _, e := range elections {
		for _, s := range []string{e.ISO3, e.Date, e.Type, e.Mission, string(e.Assessment), e.Summary, e.SourceURL, string(e.SourceKind)} {
			out = le.AppendUint32(out, b.str(s))
		}
	}
	align()
	tableOff := len(out)
	blobOff := tableOff + 8*len(b.list)
	pos := 0
	for _, s := range b.list {
		out = le.AppendUint32(out, uint32(pos))
		out = le.AppendUint32(out, uint32(len(s)))
		pos += len(s)
	}
	for _, s := range b.list {
		out = append(out, s...)
	}
	if len(out) > math.MaxUint32 {
		return nil, errors.New("the index would exceed 4 GB")
	}
	copy(out, indexMagic)
	for f, v := range []int{len(b.list), tableOff, blobOff, len(inds), electionsOff, len(elections)} {
		le.PutUint32(out[8+4*f:], uint32(v))
	}
	return out, nil
}

// indexBuilder collects the index's strings, each once.
type indexBuilder struct {
	strs map[string]uint32
	list []string
}

func (b *indexBuilder) str(s string) uint32 {
	if id, ok := b.strs[s]; ok {
		return id
	}
	id := uint32(len(b.list))
	b.strs[s] = id
	b.list = append(b.list, s)
	return id
}

func popcount(m uint32) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}

// fastIndex reads the fast form in place: nothing is copied or parsed when
// it is opened, and strings point into its bytes.
type fastIndex struct {
	data     string
	nStrings uint32
	table    uint32
	blob     uint32
	tables   map[string]*fastTable
}

// openIndex checks the header and directory of a fast form.
func openIndex(data string) (*fastIndex, error) {
	if len(data) < indexHeader || data[:8] != indexMagic {
		return nil, fmt.Errorf("%s: not an index of this version (%q)", IndexFile, data[:min(8, len(data))])
	}
	f := &fastIndex{data: data, tables: map[string]*fastTable{}}
	f.nStrings, f.table, f.blob = f.u32(8), f.u32(12), f.u32(16)
	if uint64(f.table)+8*uint64(f.nStrings) > uint64(len(data)) || f.blob > uint32(len(data)) {
		return nil, fmt.Errorf("%s: string table out of range", IndexFile)
	}
	n := int(f.u32(20))
	if indexHeader+indexDirSize*n > len(data) {
		return nil, fmt.Errorf("%s: directory out of range", IndexFile)
	}
	for k := range n {
		d := uint32(indexHeader + indexDirSize*k)
		t := &fastTable{f: f, mask: f.u32(d + 4), rowSize: f.u32(d + 8), nRows: f.u32(d + 12), rows: f.u32(d + 16),
			nCountries: f.u32(d + 20), countries: f.u32(d + 24), nYears: f.u32(d + 28), years: f.u32(d + 32), perm: f.u32(d + 36)}
		t.id = f.str(f.u32(d))
		if uint64(t.rows)+uint64(t.nRows)*uint64(t.rowSize) > uint64(len(data)) ||
			uint64(t.countries)+12*uint64(t.nCountries) > uint64(len(data)) ||
			uint64(t.years)+12*uint64(t.nYears) > uint64(len(data)) ||
			uint64(t.perm)+4*uint64(t.nRows) > uint64(len(data)) {
			return nil, fmt.Errorf("%s: indicator %s out of range", IndexFile, t.id)
		}
		f.tables[t.id] = t
	}
	if uint64(f.u32(24))+electionSize*uint64(f.u32(28)) > uint64(len(data)) {
		return nil, fmt.Errorf("%s: elections out of range", IndexFile)
	}
	return f, nil
}

func (f *fastIndex) u32(off uint32) uint32 {
	return binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(f.data[off:]), 4))
}

func (f *fastIndex) u16(off uint32) uint16 {
	return binary.LittleEndian.Uint16(unsafe.Slice(unsafe.StringData(f.data[off:]), 2))
}

func (f *fastIndex) f64(off uint32) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(f.data[off:]), 8)))
}

// str returns string id, pointing into the index (an id out of range reads
// as "").
func (f *fastIndex) str(id uint32) string {
	if id == 0 || id >= f.nStrings {
		return ""
	}
	e := f.table + 8*id
	off, n := f.blob+f.u32(e), f.u32(e+4)
	if uint64(off)+uint64(n) > uint64(len(f.data)) {
		return ""
	}
	return f.data[off : off+n]
}

// elections returns every election, in the order of elections.csv.
func (f *fastIndex) elections() []indicators.Election {
	off, n := f.u32(24), f.u32(28)
	out := make([]indicators.Election, n)
	for i := range out {
		e := off + electionSize*uint32(i)
		s := func(k uint32) string { return f.str(f.u32(e + 4*k)) }
		out[i] = indicators.Election{ISO3: s(0), Date: s(1), Type: s(2), Mission: s(3), Assessment: indicators.Assessment(s(4)),
			Summary: s(5), SourceURL: s(6), SourceKind: indicators.SourceKind(s(7))}
	}
	return out
}

// fastTable is one indicator of the fast form. It answers the queries the
// CSV index answers, with the same results.
type fastTable struct {
	f                                                                      *fastIndex
	id                                                                     string
	mask, rowSize, nRows, rows, nCountries, countries, nYears, years, perm uint32
}

// row decodes row i.
func (t *fastTable) row(i uint32, iso3 string) indicators.Observation {
	f := t.f
	r := t.rows + i*t.rowSize
	nan := math.NaN()
	o := indicators.Observation{Indicator: t.id, ISO3: iso3, Year: int(f.u16(r)), Rank: int(f.u16(r + 2)), RankOf: int(f.u16(r + 4)),
		Status: f.str(f.u32(r + 8)), Note: f.str(f.u32(r + 12)), Value: f.f64(r + 16),
		StdErr: nan, Lower: nan, Upper: nan, Pct: nan, PctLower: nan, PctUpper: nan}
	// The optional columns in optCols' order, each field set directly: a
	// pointer to o through optCols would move every row to the heap.
	p := r + 24
	for c, v := range []*float64{&o.StdErr, &o.Lower, &o.Upper, &o.Pct, &o.PctLower, &o.PctUpper} {
		if t.mask&(1<<c) != 0 {
			*v = f.f64(p)
			p += 8
		}
	}
	return o
}

// countryRows finds a country's first row and row count.
func (t *fastTable) countryRows(iso3 string) (iso string, first, n uint32, ok bool) {
	f := t.f
	k := sort.Search(int(t.nCountries), func(k int) bool { return f.str(f.u32(t.countries+12*uint32(k))) >= iso3 })
	if k == int(t.nCountries) {
		return "", 0, 0, false
	}
	e := t.countries + 12*uint32(k)
	if iso = f.str(f.u32(e)); iso != iso3 {
		return "", 0, 0, false
	}
	return iso, f.u32(e + 4), f.u32(e + 8), true
}

func (t *fastTable) country(iso3 string) ([]indicators.Observation, error) {
	iso, first, n, ok := t.countryRows(iso3)
	if !ok {
		return []indicators.Observation{}, nil
	}
	out := make([]indicators.Observation, n)
	for i := range out {
		out[i] = t.row(first+uint32(i), iso)
	}
	return out, nil
}

func (t *fastTable) at(iso3 string, year int) (indicators.Observation, bool, error) {
	iso, first, n, ok := t.countryRows(iso3)
	if !ok {
		return indicators.Observation{}, false, nil
	}
	f := t.f
	k := sort.Search(int(n), func(k int) bool { return int(f.u16(t.rows+(first+uint32(k))*t.rowSize)) >= year })
	if k == int(n) || int(f.u16(t.rows+(first+uint32(k))*t.rowSize)) != year {
		return indicators.Observation{}, false, nil
	}
	return t.row(first+uint32(k), iso), true, nil
}

// iso3Of returns the ISO3 of row i: the country whose rows hold it.
func (t *fastTable) iso3Of(i uint32) string {
	f := t.f
	k := sort.Search(int(t.nCountries), func(k int) bool { return f.u32(t.countries+12*uint32(k)+4) > i }) - 1
	return f.str(f.u32(t.countries + 12*uint32(k)))
}

func (t *fastTable) yearList() ([]int, error) {
	out := make([]int, t.nYears)
	for k := range out {
		out[k] = int(t.f.u32(t.years + 12*uint32(k)))
	}
	return out, nil
}

func (t *fastTable) year(y int) ([]indicators.Observation, error) {
	f := t.f
	k := sort.Search(int(t.nYears), func(k int) bool { return int(f.u32(t.years+12*uint32(k))) >= y })
	if k == int(t.nYears) || int(f.u32(t.years+12*uint32(k))) != y {
		return make([]indicators.Observation, 0), nil
	}
	e := t.years + 12*uint32(k)
	first, n := f.u32(e+4), f.u32(e+8)
	out := make([]indicators.Observation, n)
	for j := range out {
		r := f.u32(t.perm + 4*(first+uint32(j)))
		out[j] = t.row(r, t.iso3Of(r))
	}
	return out, nil
}

func (t *fastTable) all() ([]indicators.Observation, error) {
	var out []indicators.Observation
	years, _ := t.yearList()
	for _, y := range years {
		obs, _ := t.year(y)
		out = append(out, obs...)
	}
	return out, nil
}
