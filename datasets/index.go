package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// index answers queries on one indicator's long-format file without
// reading all of it. The generator writes rows sorted by country, then year,
// so a country's rows — or one (country, year) row — are found by binary
// search over the bytes: a command that needs a few countries' figures
// parses only those rows. Queries by year (rankings, correlations) scan the
// file once and keep a row list per year. Parsed rows are cached.
type index struct {
	name   string
	prefix []byte // "<indicator>," that every row starts with
	data   []byte
	body   int // offset of the first row

	mu      sync.Mutex
	parsed  map[int]indicators.Observation // by row offset
	scanned bool
	byYear  map[int][]int // row offsets by year, in ISO3 order
	years   []int
	scanErr error
}

var longHeader = []byte(strings.Join(importers.LongColumns, ","))

// newIndex checks a long-format file's header; rows are located on demand.
func newIndex(name, id string, data []byte) (*index, error) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || !bytes.Equal(data[:nl], longHeader) {
		return nil, fmt.Errorf("%s: the header is not the long format's (%s)", name, longHeader)
	}
	return &index{name: name, prefix: []byte(id + ","), data: data, body: nl + 1, parsed: map[int]indicators.Observation{}}, nil
}

// lineAt returns the start and end (without the newline) of the line that
// holds offset off.
func (ix *index) lineAt(off int) (start, end int) {
	start = bytes.LastIndexByte(ix.data[:off], '\n') + 1
	if start < ix.body {
		start = ix.body
	}
	end = bytes.IndexByte(ix.data[start:], '\n')
	if end < 0 {
		return start, len(ix.data)
	}
	return start, start + end
}

// key returns a row's sort key, "ISO3,YEAR", or an error for a row that is
// not of this indicator.
func (ix *index) key(start, end int) ([]byte, error) {
	row := ix.data[start:end]
	if !bytes.HasPrefix(row, ix.prefix) {
		return nil, fmt.Errorf("%s:%d: not a row of indicator %s", ix.name, ix.lineNumber(start), strings.TrimSuffix(string(ix.prefix), ","))
	}
	rest := row[len(ix.prefix):]
	c1 := bytes.IndexByte(rest, ',')
	if c1 < 0 {
		return nil, fmt.Errorf("%s:%d: too few fields", ix.name, ix.lineNumber(start))
	}
	c2 := bytes.IndexByte(rest[c1+1:], ',')
	if c2 < 0 {
		return nil, fmt.Errorf("%s:%d: too few fields", ix.name, ix.lineNumber(start))
	}
	return rest[:c1+1+c2], nil
}

// lineNumber is the 1-based line of the row at offset off (for errors).
func (ix *index) lineNumber(off int) int { return bytes.Count(ix.data[:off], []byte{'\n'}) + 1 }

// lowerBound returns the offset of the first row whose key is not less
// than target (len(data) when there is none).
func (ix *index) lowerBound(target []byte) (int, error) {
	lo, hi := ix.body, len(ix.data)
	for lo < hi {
		start, end := ix.lineAt(lo + (hi-lo)/2)
		if start == end { // an empty last line
			hi = start
			continue
		}
		k, err := ix.key(start, end)
		if err != nil {
			return 0, err
		}
		if bytes.Compare(k, target) < 0 {
			lo = end + 1
		} else {
			hi = start
		}
	}
	return lo, nil
}

// rowsFrom returns the offsets of consecutive rows from off whose key
// starts with keyPrefix.
func (ix *index) rowsFrom(off int, keyPrefix []byte) ([]int, error) {
	var out []int
	for off < len(ix.data) {
		start, end := ix.lineAt(off)
		if start == end {
			break
		}
		k, err := ix.key(start, end)
		if err != nil {
			return nil, err
		}
		if !bytes.HasPrefix(k, keyPrefix) {
			break
		}
		out = append(out, start)
		off = end + 1
	}
	return out, nil
}

// obs parses (once) and returns the rows at the given offsets.
func (ix *index) obs(offs []int) ([]indicators.Observation, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]indicators.Observation, len(offs))
	for k, off := range offs {
		o, ok := ix.parsed[off]
		if !ok {
			start, end := ix.lineAt(off)
			var err error
			if o, err = parseLongRow(ix.data[start:end]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", ix.name, ix.lineNumber(start), err)
			}
			ix.parsed[off] = o
		}
		out[k] = o
	}
	return out, nil
}

// country returns one country's rows in year order.
func (ix *index) country(iso3 string) ([]indicators.Observation, error) {
	p := []byte(iso3 + ",")
	off, err := ix.lowerBound(p)
	if err != nil {
		return nil, err
	}
	offs, err := ix.rowsFrom(off, p)
	if err != nil {
		return nil, err
	}
	return ix.obs(offs)
}

// at returns one country's row of one year.
func (ix *index) at(iso3 string, year int) (indicators.Observation, bool, error) {
	k := []byte(iso3 + "," + strconv.Itoa(year))
	off, err := ix.lowerBound(k)
	if err != nil {
		return indicators.Observation{}, false, err
	}
	if off >= len(ix.data) {
		return indicators.Observation{}, false, nil
	}
	start, end := ix.lineAt(off)
	if start == end {
		return indicators.Observation{}, false, nil
	}
	got, err := ix.key(start, end)
	if err != nil || !bytes.Equal(got, k) {
		return indicators.Observation{}, false, err
	}
	obs, err := ix.obs([]int{start})
	if err != nil {
		return indicators.Observation{}, false, err
	}
	return obs[0], true, nil
}

// scan reads every row's key once, checking the sort order, and lists the
// rows of each year.
func (ix *index) scan() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.scanned {
		return ix.scanErr
	}
	ix.scanned = true
	ix.byYear = map[int][]int{}
	var prev []byte
	for off := ix.body; off < len(ix.data); {
		start, end := ix.lineAt(off)
		if start == end {
			break
		}
		k, err := ix.key(start, end)
		if err != nil {
			ix.scanErr = err
			return err
		}
		if prev != nil && bytes.Compare(prev, k) >= 0 {
			ix.scanErr = fmt.Errorf("%s:%d: rows are not sorted by country, then year", ix.name, ix.lineNumber(start))
			return ix.scanErr
		}
		prev = k
		comma := bytes.IndexByte(k, ',')
		year, err := strconv.Atoi(string(k[comma+1:]))
		if err != nil {
			ix.scanErr = fmt.Errorf("%s:%d: bad year %q", ix.name, ix.lineNumber(start), k[comma+1:])
			return ix.scanErr
		}
		if _, ok := ix.byYear[year]; !ok {
			ix.years = append(ix.years, year)
		}
		ix.byYear[year] = append(ix.byYear[year], start)
		off = end + 1
	}
	sort.Ints(ix.years)
	return nil
}

// yearList returns the years with figures.
func (ix *index) yearList() ([]int, error) {
	if err := ix.scan(); err != nil {
		return nil, err
	}
	return ix.years, nil
}

// year returns one year's rows in ISO3 order.
func (ix *index) year(y int) ([]indicators.Observation, error) {
	if err := ix.scan(); err != nil {
		return nil, err
	}
	return ix.obs(ix.byYear[y])
}

// all returns every row, by year, then ISO3.
func (ix *index) all() ([]indicators.Observation, error) {
	if err := ix.scan(); err != nil {
		return nil, err
	}
	var out []indicators.Observation
	for _, y := range ix.years {
		obs, err := ix.obs(ix.byYear[y])
		if err != nil {
			return nil, err
		}
		out = append(out, obs...)
	}
	return out, nil
}

// parseLongRow parses one row of the long format (columns as in
// importers.LongColumns). It is the fast path for the generated, validated
// files; importers.ReadLong reads files from elsewhere, and a test checks
// that both agree on every embedded row.
func parseLongRow(line []byte) (indicators.Observation, error) {
	f, err := splitCSV(line, len(importers.LongColumns))
	if err != nil {
		return indicators.Observation{}, err
	}
	num := func(i int) (float64, error) {
		if f[i] == "" {
			return math.NaN(), nil
		}
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return 0, fmt.Errorf("column %q: %q is not a number", importers.LongColumns[i], f[i])
		}
		return v, nil
	}
	whole := func(i int) (int, error) {
		if f[i] == "" {
			return 0, nil
		}
		v, err := strconv.Atoi(f[i])
		if err != nil {
			return 0, fmt.Errorf("column %q: %q is not a whole number", importers.LongColumns[i], f[i])
		}
		return v, nil
	}
	o := indicators.Observation{Indicator: f[0], ISO3: f[1], Status: f[12], Note: f[13]}
	var errs []error
	var e error
	o.Year, e = whole(2)
	errs = append(errs, e)
	for _, p := range []struct {
		dst *float64
		col int
	}{{&o.Value, 3}, {&o.StdErr, 6}, {&o.Lower, 7}, {&o.Upper, 8}, {&o.Pct, 9}, {&o.PctLower, 10}, {&o.PctUpper, 11}} {
		*p.dst, e = num(p.col)
		errs = append(errs, e)
	}
	o.Rank, e = whole(4)
	errs = append(errs, e)
	o.RankOf, e = whole(5)
	errs = append(errs, e)
	if err := errors.Join(errs...); err != nil {
		return indicators.Observation{}, err
	}
	if math.IsNaN(o.Value) {
		return indicators.Observation{}, errors.New(`column "value" is empty`)
	}
	return o, nil
}

// splitCSV splits one CSV record (RFC 4180 quoting, no embedded newlines)
// into exactly n fields.
func splitCSV(line []byte, n int) ([]string, error) {
	fields := make([]string, 0, n)
	for i := 0; i <= len(line); {
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			j := i + 1
			for {
				k := bytes.IndexByte(line[j:], '"')
				if k < 0 {
					return nil, errors.New("unterminated quoted field")
				}
				b.Write(line[j : j+k])
				j += k + 1
				if j < len(line) && line[j] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			fields = append(fields, b.String())
			if j < len(line) && line[j] != ',' {
				return nil, errors.New("text after a quoted field")
			}
			i = j + 1
			continue
		}
		k := bytes.IndexByte(line[i:], ',')
		if k < 0 {
			fields = append(fields, string(line[i:]))
			break
		}
		fields = append(fields, string(line[i:i+k]))
		i += k + 1
	}
	if len(fields) != n {
		return nil, fmt.Errorf("%d fields, want %d", len(fields), n)
	}
	return fields, nil
}
