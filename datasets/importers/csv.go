package importers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns a publisher's file into UTF-8 text with "\n" line endings.
//
// It strips a UTF-8 byte-order mark, decodes UTF-16 files that carry a BOM,
// and decodes files that are not valid UTF-8 as Windows-1251 when their
// non-ASCII bytes come in runs (Cyrillic words) or Windows-1252 otherwise
// (RSF's 2025 file is Windows-1252). CRLF, CR CR LF and lone CR line endings
// all become "\n"; each line ending stays one line, so line numbers in
// errors are the file's own. It returns the name of the encoding found.
func Decode(b []byte) (text []byte, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, encoding = b[3:], "UTF-8 with BOM"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		if b, err = dec.Bytes(b); err != nil {
			return nil, "", fmt.Errorf("not valid UTF-16: %v", err)
		}
		encoding = "UTF-16"
	case utf8.Valid(b):
		encoding = "UTF-8"
	default:
		cm, name := charmap.Windows1252, "Windows-1252"
		if cyrillicRuns(b) {
			cm, name = charmap.Windows1251, "Windows-1251"
		}
		if b, err = cm.NewDecoder().Bytes(b); err != nil {
			return nil, "", err
		}
		encoding = name
	}
	return normalizeNewlines(b), encoding, nil
}

// cyrillicRuns reports whether most non-ASCII bytes stand next to another
// non-ASCII byte, as letters of Cyrillic words in a single-byte encoding do;
// Western European text has isolated accented letters instead.
func cyrillicRuns(b []byte) bool {
	high, paired := 0, 0
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		if (i > 0 && b[i-1] >= 0x80) || (i+1 < len(b) && b[i+1] >= 0x80) {
			paired++
		}
	}
	return high > 0 && paired*2 > high
}

func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\r' {
			out = append(out, c)
			continue
		}
		// \r\r\n (RSF 2022), \r\n and a lone \r each end one line.
		j := i + 1
		for j < len(b) && b[j] == '\r' && j+1 < len(b) && b[j+1] == '\n' {
			j++
		}
		if j < len(b) && b[j] == '\n' {
			i = j
		}
		out = append(out, '\n')
	}
	return out
}

// table describes how to read one CSV format.
type table struct {
	file     string
	comma    rune
	aliases  func(header string) string // header as in the file → canonical column ("" keeps it)
	required []string                   // canonical columns that must be present
}

// lineReader feeds gocsv and remembers the physical line of each record and
// the raw records, so that errors can name the real file line and value.
type lineReader struct {
	r       *csv.Reader
	lines   []int
	records [][]string
	header  []string // canonical header
	raw     []string // header as in the file
}

func (lr *lineReader) Read() ([]string, error) {
	rec, err := lr.r.Read()
	if err != nil {
		return nil, err
	}
	line, _ := lr.r.FieldPos(0)
	lr.lines = append(lr.lines, line)
	lr.records = append(lr.records, rec)
	return rec, nil
}

func (lr *lineReader) ReadAll() ([][]string, error) {
	for {
		rec, err := lr.Read()
		if err == io.EOF {
			return lr.records, nil
		}
		if err != nil {
			return nil, err
		}
		_ = rec
	}
}

// readTable decodes data and unmarshals its rows into out (a pointer to a
// slice of structs with csv tags naming canonical columns) through gocsv.
// It fails on a missing or duplicated column and on any bad cell, naming the
// file line, the column and the value. It returns the physical line of each
// row of out.
func readTable(data []byte, t table, out any) ([]int, error) {
	text, _, err := Decode(data)
	if err != nil {
		return nil, &ParseError{File: t.file, Err: err}
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = t.comma
	cr.ReuseRecord = false
	lr := &lineReader{r: cr}
	if _, err := lr.ReadAll(); err != nil {
		return nil, csvError(t.file, err)
	}
	if len(lr.records) == 0 {
		return nil, &ParseError{File: t.file, Err: errors.New("file is empty")}
	}
	lr.raw = lr.records[0]
	canon := make([]string, len(lr.raw))
	seen := map[string]int{}
	for i, h := range lr.raw {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		c := h
		if t.aliases != nil {
			if a := t.aliases(h); a != "" {
				c = a
			}
		}
		if c != "" {
			if j, dup := seen[c]; dup {
				return nil, &ParseError{File: t.file, Line: lr.lines[0], Column: h,
					Err: fmt.Errorf("duplicate column (also column %d)", j+1)}
			}
			seen[c] = i
		}
		canon[i] = c
	}
	for _, req := range t.required {
		if _, ok := seen[req]; !ok {
			return nil, &ParseError{File: t.file, Line: lr.lines[0],
				Err: fmt.Errorf("missing column %q (the header has: %s)", req, strings.Join(lr.raw, ", "))}
		}
	}
	lr.header = canon
	rows := append([][]string{canon}, lr.records[1:]...)
	replay := &replayReader{rows: rows}
	if err := gocsv.UnmarshalCSV(replay, out); err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.Line >= 2 && pe.Line-1 < len(lr.records) {
			rec := lr.records[pe.Line-1]
			col, val := "", ""
			if pe.Column >= 1 && pe.Column <= len(rec) {
				col, val = strings.TrimSpace(lr.raw[pe.Column-1]), rec[pe.Column-1]
			}
			return nil, &ParseError{File: t.file, Line: lr.lines[pe.Line-1], Column: col, Value: val, Err: unwrapCell(pe.Err)}
		}
		return nil, &ParseError{File: t.file, Err: err}
	}
	return lr.lines[1:], nil
}

// replayReader hands already-read records to gocsv.
type replayReader struct {
	rows [][]string
	i    int
}

func (r *replayReader) Read() ([]string, error) {
	if r.i >= len(r.rows) {
		return nil, io.EOF
	}
	r.i++
	return r.rows[r.i-1], nil
}

func (r *replayReader) ReadAll() ([][]string, error) { return r.rows[r.i:], nil }

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: file, Line: pe.Line, Err: pe.Err}
	}
	return &ParseError{File: file, Err: err}
}

// cellError is the error of one cell; the value is reported by ParseError.
type cellError struct{ msg string }

func (e *cellError) Error() string { return e.msg }

func unwrapCell(err error) error {
	var ce *cellError
	if errors.As(err, &ce) {
		return ce
	}
	return err
}

// missing reports whether a cell is one of the publishers' spellings of a
// missing value.
func missing(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "..", "NA", "N/A", "-", "n/a":
		return true
	}
	return false
}

// Num is a number cell: an empty cell, "..", "NA" or "-" is missing, never
// zero. Only a decimal point is accepted.
type Num struct {
	V  float64
	OK bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (n *Num) UnmarshalCSV(s string) error { return n.parse(s, false) }

func (n *Num) parse(s string, comma bool) error {
	*n = Num{V: math.NaN()}
	if missing(s) {
		return nil
	}
	t := strings.TrimSpace(s)
	if comma {
		if strings.Contains(t, ".") && strings.Contains(t, ",") {
			return &cellError{"is not a number (both '.' and ',' in it)"}
		}
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return &cellError{"is not a number"}
	}
	*n = Num{V: v, OK: true}
	return nil
}

// Value returns the number, or NaN when it is missing.
func (n Num) Value() float64 {
	if !n.OK {
		return math.NaN()
	}
	return n.V
}

// CommaNum is a Num written with a decimal comma ("93,62"), as in RSF's
// files.
type CommaNum struct{ Num }

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (n *CommaNum) UnmarshalCSV(s string) error { return n.parse(s, true) }

// Int is a whole-number cell; empty means missing.
type Int struct {
	V  int
	OK bool
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (n *Int) UnmarshalCSV(s string) error {
	*n = Int{}
	if missing(s) {
		return nil
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return &cellError{"is not a whole number"}
	}
	*n = Int{V: v, OK: true}
	return nil
}
