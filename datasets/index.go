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

// index locates the rows of one indicator's long-format file without
// parsing them: a command that needs two countries' series and one year's
// field parses only those rows, so start-up does not pay for the whole
// dataset. Rows are parsed on demand and cached.
type index struct {
	name      string
	data      []byte
	rows      []rowRef // in file order (sorted by year, then ISO3)
	byCountry map[string][]int32
	years     []int

	mu     sync.Mutex
	parsed map[int32]indicators.Observation
}

type rowRef struct {
	start, end int32 // byte offsets of the line, without its newline
	year       int32
	line       int32 // 1-based line number, for errors
}

var longHeader = []byte(strings.Join(importers.LongColumns, ","))

// newIndex scans a long-format file: it checks the header and records
// where each row starts, its country and year.
func newIndex(name, id string, data []byte) (*index, error) {
	ix := &index{name: name, data: data, byCountry: map[string][]int32{}, parsed: map[int32]indicators.Observation{}}
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || !bytes.Equal(data[:nl], longHeader) {
		return nil, fmt.Errorf("%s: the header is not the long format's (%s)", name, longHeader)
	}
	prefix := []byte(id + ",")
	lastYear := -1
	for pos, line := nl+1, int32(2); pos < len(data); line++ {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += pos
		}
		row := data[pos:end]
		if !bytes.HasPrefix(row, prefix) {
			return nil, fmt.Errorf("%s:%d: not a row of indicator %s", name, line, id)
		}
		rest := row[len(prefix):]
		c1 := bytes.IndexByte(rest, ',')
		if c1 < 0 {
			return nil, fmt.Errorf("%s:%d: too few fields", name, line)
		}
		c2 := bytes.IndexByte(rest[c1+1:], ',')
		if c2 < 0 {
			return nil, fmt.Errorf("%s:%d: too few fields", name, line)
		}
		year, err := strconv.Atoi(string(rest[c1+1 : c1+1+c2]))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad year %q", name, line, rest[c1+1:c1+1+c2])
		}
		if year < lastYear {
			return nil, fmt.Errorf("%s:%d: rows are not sorted by year", name, line)
		}
		if year != lastYear {
			ix.years = append(ix.years, year)
			lastYear = year
		}
		i := int32(len(ix.rows))
		ix.rows = append(ix.rows, rowRef{start: int32(pos), end: int32(end), year: int32(year), line: line})
		iso := string(rest[:c1])
		ix.byCountry[iso] = append(ix.byCountry[iso], i)
		pos = end + 1
	}
	return ix, nil
}

// obs parses (once) and returns the rows with the given indices.
func (ix *index) obs(rows []int32) ([]indicators.Observation, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]indicators.Observation, len(rows))
	for k, i := range rows {
		o, ok := ix.parsed[i]
		if !ok {
			r := ix.rows[i]
			var err error
			if o, err = parseLongRow(ix.data[r.start:r.end]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", ix.name, r.line, err)
			}
			ix.parsed[i] = o
		}
		out[k] = o
	}
	return out, nil
}

// country returns one country's rows in year order.
func (ix *index) country(iso3 string) ([]indicators.Observation, error) {
	return ix.obs(ix.byCountry[iso3])
}

// year returns one year's rows in ISO3 order.
func (ix *index) year(y int) ([]indicators.Observation, error) {
	lo := sort.Search(len(ix.rows), func(i int) bool { return int(ix.rows[i].year) >= y })
	hi := sort.Search(len(ix.rows), func(i int) bool { return int(ix.rows[i].year) > y })
	rows := make([]int32, 0, hi-lo)
	for i := lo; i < hi; i++ {
		rows = append(rows, int32(i))
	}
	return ix.obs(rows)
}

// all returns every row, in file order.
func (ix *index) all() ([]indicators.Observation, error) {
	rows := make([]int32, len(ix.rows))
	for i := range rows {
		rows[i] = int32(i)
	}
	return ix.obs(rows)
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
