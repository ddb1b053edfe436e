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
	"golang.org/x/text/encoding/unicode"
)

// MaxFileSize is the largest file an importer reads (256 MiB): the
// publishers' files are a few MB; anything far larger is not one of them.
const MaxFileSize = 256 << 20

// readAll reads r whole, refusing files over MaxFileSize.
func readAll(r io.Reader, file string) ([]byte, error) {
	if r == nil {
		return nil, &ParseError{File: file, Err: errors.New("no input")}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &ParseError{File: file, Err: fmt.Errorf("is larger than %d MiB: not a publisher's file", MaxFileSize>>20)}
	}
	return data, nil
}

// zipMagic starts every zip archive, and so every .xlsx workbook.
var zipMagic = []byte("PK\x03\x04")

// Decode turns a publisher's file into UTF-8 text with "\n" line endings.
//
// It strips a UTF-8 byte-order mark; decodes UTF-16 files, with a BOM or,
// without one, recognised by their zero bytes; and decodes files that are not
// valid UTF-8 as Windows-1251 or Windows-1252 (RSF's 2025 file is
// Windows-1252) only when the whole file plausibly is in that encoding (see
// legacyEncoding). Any other file that is not valid UTF-8 is refused at its
// first invalid byte, naming its line and column, rather than turned into
// mojibake: one that is valid UTF-8 except for some bytes mixes encodings. CRLF, CR CR LF and lone CR line endings all become "\n";
// each line ending stays one line, so line numbers in errors are the file's
// own. Zip archives (.xlsx workbooks), UTF-32 and binary files (NUL bytes or
// many control characters) are refused. It returns the name of the encoding
// found; errors are *ParseError without a file name.
func Decode(b []byte) (text []byte, encoding string, err error) {
	fail := func(line int, format string, args ...any) ([]byte, string, error) {
		return nil, "", &ParseError{Line: line, Err: fmt.Errorf(format, args...)}
	}
	switch {
	case bytes.HasPrefix(b, zipMagic):
		return fail(0, "is a zip archive (an .xlsx workbook?), not CSV text")
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return fail(0, "is UTF-32 text: save it as UTF-8")
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, encoding = b[3:], "UTF-8 with BOM"
		if !utf8.Valid(b) {
			line, col, _ := firstInvalid(b)
			return nil, "", &ParseError{Line: line, Col: col,
				Err: errors.New("has a UTF-8 byte-order mark but is not valid UTF-8 here: save the file as UTF-8")}
		}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		if b, err = dec.Bytes(b); err != nil {
			return fail(0, "is not valid UTF-16: %v", err)
		}
		encoding = "UTF-16"
	case utf16NoBOM(b) != 0:
		order := unicode.LittleEndian
		encoding = "UTF-16LE"
		if utf16NoBOM(b) == 'B' {
			order, encoding = unicode.BigEndian, "UTF-16BE"
		}
		if b, err = unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b); err != nil {
			return fail(0, "is not valid UTF-16: %v", err)
		}
	case utf8.Valid(b):
		encoding = "UTF-8"
	case mixedUTF8(b):
		line, col, _ := firstInvalid(b)
		return nil, "", &ParseError{Line: line, Col: col,
			Err: errors.New("is not valid UTF-8 here, though the rest of the file is UTF-8: the file mixes encodings; save it as UTF-8")}
	default:
		legacy, ok := legacyOf(b)
		if !ok {
			if line, binary := binaryAt(b); binary {
				return fail(line, "has NUL bytes or control characters: this is a binary file, not CSV text")
			}
			return nil, "", invalidUTF8(b)
		}
		if b, err = legacy.cm.NewDecoder().Bytes(b); err != nil {
			return nil, "", &ParseError{Err: err}
		}
		encoding = legacy.name
	}
	if line, ok := binaryAt(b); ok {
		return fail(line, "has NUL bytes or control characters: this is a binary file, not CSV text")
	}
	return normalizeNewlines(b), encoding, nil
}

// utf16NoBOM recognises UTF-16 text without a byte-order mark by its zero
// bytes (ASCII characters have a zero high byte): 'L' for little endian, 'B'
// for big endian, 0 when the file does not look like UTF-16.
func utf16NoBOM(b []byte) byte {
	n := min(len(b), 1024) &^ 1
	if n < 4 {
		return 0
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*9 && even*10 < pairs:
		return 'L'
	case even*10 >= pairs*9 && odd*10 < pairs:
		return 'B'
	}
	return 0
}

// mixedUTF8 reports whether b is mostly UTF-8 with some invalid bytes:
// it has at least as many valid multi-byte sequences as invalid bytes. A
// legacy single-byte file practically never holds a valid sequence, and
// binary garbage has far more invalid bytes than valid sequences.
func mixedUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		b = b[size:]
	}
	return valid > 0 && valid >= invalid
}

// binaryAt reports the line of a NUL byte, or whether at least 8 and more
// than 1 in 50 characters are control characters other than tab, CR, LF and
// form feed: such a file is binary, not text. (A few control characters in
// a text file are left to the check of the cell they are in.)
func binaryAt(b []byte) (line int, binary bool) {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return 1 + bytes.Count(b[:i], []byte{'\n'}), true
	}
	ctl := 0
	for _, c := range b {
		ctl += int(controlByte[c])
	}
	return 0, ctl >= 8 && ctl*50 > len(b)
}

// controlByte is 1 for the control characters binaryAt counts: below
// space, less tab, CR, LF and form feed, and DEL. (A table lookup a byte,
// without branches: the whole file goes through it.)
var controlByte = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	t['\t'], t['\n'], t['\r'], t['\f'], t[0x7F] = 0, 0, 0, 0, 1
	return t
}()

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

// Delimiters are the column separators the CSV importers recognise.
var Delimiters = []rune{',', ';', '\t'}

// SniffDelimiter finds the column separator of decoded CSV text: Excel's
// "sep=X" first line when present (skip is then 1: that line is not the
// header), otherwise whichever of ',', ';' and tab occurs most often outside
// quotes in the header (the first line that is not blank), def when none or
// several occur equally often.
func SniffDelimiter(text []byte, def rune) (comma rune, skip int) {
	var first []byte
	for rest := text; len(rest) > 0; {
		first, rest, _ = bytes.Cut(rest, []byte{'\n'})
		if len(bytes.TrimSpace(first)) > 0 {
			break
		}
	}
	if s := strings.TrimSpace(string(first)); len(s) == 5 && strings.HasPrefix(strings.ToLower(s), "sep=") {
		if r := rune(s[4]); r == ',' || r == ';' || r == '\t' || r == '|' {
			return r, 1
		}
	}
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(first) {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best, n, tie := def, counts[def], false
	for _, d := range Delimiters {
		switch c := counts[d]; {
		case c > n:
			best, n, tie = d, c, false
		case c == n && d != best && c > 0:
			tie = true
		}
	}
	if tie && counts[def] == n {
		return def, 0
	}
	return best, 0
}

// delimiterName names a separator for messages.
func delimiterName(r rune) string {
	switch r {
	case '\t':
		return "tab"
	case 0:
		return "none: a spreadsheet"
	}
	return fmt.Sprintf("%q", r)
}

// table describes how to read one CSV format.
type table struct {
	file     string
	comma    rune                       // the format's usual separator; the file's own is sniffed
	aliases  func(header string) string // header as in the file → canonical column ("" keeps it)
	required []string                   // canonical columns that must be present
	// known, when set, lists every canonical column the format has: any
	// other column is an error (a misspelt optional column must not be
	// dropped silently).
	known []string
}

// tableInfo is what readTable learnt about a file: where each row and
// column is, for errors found after parsing.
type tableInfo struct {
	file  string
	comma rune
	lines []int          // physical line of each data row
	rows  [][]string     // data rows as in the file
	raw   []string       // header as in the file, trimmed
	index map[string]int // canonical column → 0-based field
}

// has reports whether the file has the canonical column.
func (ti *tableInfo) has(canon string) bool { _, ok := ti.index[canon]; return ok }

// cell locates a canonical column: its number and its header in the file.
func (ti *tableInfo) cell(canon string) Cell {
	i, ok := ti.index[canon]
	if !ok {
		return Cell{Column: canon}
	}
	return Cell{Col: i + 1, Column: ti.raw[i]}
}

// value is the raw text of row i in a canonical column.
func (ti *tableInfo) value(i int, canon string) string {
	j, ok := ti.index[canon]
	if !ok || j >= len(ti.rows[i]) {
		return ""
	}
	return ti.rows[i][j]
}

// errAt builds the error of row i in a canonical column, quoting the file's
// own text of the cell.
func (ti *tableInfo) errAt(i int, canon string, format string, args ...any) *ParseError {
	c := ti.cell(canon)
	return &ParseError{File: ti.file, Line: ti.lines[i], Col: c.Col, Column: c.Column, Value: ti.value(i, canon),
		Err: fmt.Errorf(format, args...)}
}

// newCSVReader reads decoded text; the number of fields is checked
// against the header by readRecords, with a clearer message.
func newCSVReader(text []byte, comma rune) *csv.Reader {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	return cr
}

// lineReader reads records and remembers the physical line of each.
type lineReader struct {
	r       *csv.Reader
	lines   []int
	records [][]string
}

func (lr *lineReader) readAll() error {
	for {
		rec, err := lr.r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		line, _ := lr.r.FieldPos(0)
		lr.lines = append(lr.lines, line)
		lr.records = append(lr.records, rec)
	}
}

// decimalComma is a number written with a decimal comma, "93,62" or "-0,5".
var decimalComma = lazyRegexp(`^\s*[-+]?\d+,\d+\s*$`)

// readTable decodes data and unmarshals its rows into out (a pointer to a
// slice of structs with csv tags naming canonical columns) through gocsv.
// The separator is sniffed (',', ';' or tab, or Excel's "sep=" line); in a
// file not separated by commas, cells written with a decimal comma ("3,5")
// are read as numbers. It fails on a missing, duplicated or (with known)
// unknown column, on a row whose number of fields differs from the header's
// and on any bad cell, naming the file line, the column and the value.
func readTable(data []byte, t table, out any) (*tableInfo, error) {
	text, _, err := Decode(data)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.File = t.file
			return nil, pe
		}
		return nil, &ParseError{File: t.file, Err: err}
	}
	comma, skip := SniffDelimiter(text, t.comma)
	lr := &lineReader{r: newCSVReader(text, comma)}
	if err := lr.readAll(); err != nil {
		return nil, csvError(t.file, text, comma, err)
	}
	if skip > 0 && len(lr.records) > 0 {
		lr.records, lr.lines = lr.records[1:], lr.lines[1:]
	}
	return readRecords(lr.records, lr.lines, comma, t, out)
}

// readRecords is readTable after the CSV is split into records (or a
// spreadsheet into rows): records[0] is the header; lines are the physical
// lines of the records.
func readRecords(records [][]string, lines []int, comma rune, t table, out any) (*tableInfo, error) {
	lr := struct {
		records [][]string
		lines   []int
	}{records, lines}
	if len(lr.records) == 0 {
		return nil, &ParseError{File: t.file, Err: errors.New("file is empty")}
	}
	ti := &tableInfo{file: t.file, comma: comma, lines: lr.lines[1:], rows: lr.records[1:], index: map[string]int{}}
	header := lr.records[0]
	ti.raw = make([]string, len(header))
	canon := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		ti.raw[i] = h
		c := h
		if t.aliases != nil {
			if a := t.aliases(h); a != "" {
				c = a
			}
		}
		if c != "" {
			if j, dup := ti.index[c]; dup {
				return nil, &ParseError{File: t.file, Line: lr.lines[0], Col: i + 1, Column: h,
					Err: fmt.Errorf("duplicate column (also column %d)", j+1)}
			}
			if t.known != nil && !contains(t.known, c) {
				return nil, &ParseError{File: t.file, Line: lr.lines[0], Col: i + 1, Column: h,
					Err: fmt.Errorf("unknown column (the columns are: %s)", strings.Join(t.known, ", "))}
			}
			ti.index[c] = i
		}
		canon[i] = c
	}
	for _, req := range t.required {
		if _, ok := ti.index[req]; !ok {
			return nil, &ParseError{File: t.file, Line: lr.lines[0], Err: missingColumn(req, ti.raw, comma)}
		}
	}
	rows := make([][]string, 0, len(ti.rows)+1)
	rows = append(rows, canon)
	for i, rec := range ti.rows {
		if len(rec) != len(header) {
			hint := ""
			if i == len(ti.rows)-1 && len(rec) < len(header) {
				hint = "; it is the last line: is the file cut short?"
			}
			return nil, &ParseError{File: t.file, Line: ti.lines[i],
				Err: fmt.Errorf("wrong number of fields: %d, the header has %d (separator %s%s)", len(rec), len(header), delimiterName(comma), hint)}
		}
		if comma != ',' {
			rec = commaDecimals(rec)
		}
		rows = append(rows, rec)
	}
	replay := &replayReader{rows: rows}
	if err := gocsv.UnmarshalCSV(replay, out); err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.Line >= 2 && pe.Line-2 < len(ti.rows) {
			i := pe.Line - 2
			rec := ti.rows[i]
			e := &ParseError{File: t.file, Line: ti.lines[i], Err: unwrapCell(pe.Err)}
			if pe.Column >= 1 && pe.Column <= len(rec) {
				e.Col, e.Column, e.Value = pe.Column, ti.raw[pe.Column-1], rec[pe.Column-1]
				if comma == ',' && decimalComma.MatchString(e.Value) {
					e.Err = fmt.Errorf("%v (a decimal comma in a comma-separated file: write a decimal point, or separate the columns with ';')", e.Err)
				}
			}
			return nil, e
		}
		return nil, &ParseError{File: t.file, Err: err}
	}
	return ti, nil
}

// commaDecimals returns rec with decimal-comma numbers rewritten with a
// point (only when a cell is nothing but such a number).
func commaDecimals(rec []string) []string {
	var out []string
	for i, c := range rec {
		if strings.IndexByte(c, ',') >= 0 && decimalComma.MatchString(c) {
			if out == nil {
				out = append([]string(nil), rec...)
			}
			out[i] = strings.Replace(c, ",", ".", 1)
		}
	}
	if out == nil {
		return rec
	}
	return out
}

// missingColumn says which column is missing and what the header has.
func missingColumn(col string, header []string, comma rune) error {
	names := make([]string, 0, min(len(header), 30))
	for i, h := range header {
		if i == 30 {
			names = append(names, fmt.Sprintf("… (%d columns)", len(header)))
			break
		}
		names = append(names, Quote(h))
	}
	hint := ""
	if len(header) == 1 {
		hint = "; columns must be separated by ',', ';' or a tab"
	}
	return fmt.Errorf("missing column %q (the header has: %s; separator %s%s)", col, strings.Join(names, ", "), delimiterName(comma), hint)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
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

// csvError locates an error of encoding/csv: its line, and the number of the
// field it happened in (csv.ParseError only gives a byte position).
func csvError(file string, text []byte, comma rune, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &ParseError{File: file, Err: err}
	}
	e := &ParseError{File: file, Line: pe.Line, Err: pe.Err}
	if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		e.Err = fmt.Errorf("%v (a field with a quote must be quoted whole, its quotes doubled)", pe.Err)
		if pe.StartLine == pe.Line {
			e.Col = fieldAt(lineOf(text, pe.Line), pe.Column, comma)
		} else {
			e.Err = fmt.Errorf("%v: the quoted field starting on line %d is not closed", pe.Err, pe.StartLine)
		}
	}
	return e
}

// lineOf returns line n (1-based) of text.
func lineOf(text []byte, n int) []byte {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(text, '\n')
		if j < 0 {
			return nil
		}
		text = text[j+1:]
	}
	line, _, _ := bytes.Cut(text, []byte{'\n'})
	return line
}

// fieldAt is the 1-based field holding the 1-based rune position pos of a
// line, counting separators outside quotes.
func fieldAt(line []byte, pos int, comma rune) int {
	field, quoted, n := 1, false, 0
	for _, r := range string(line) {
		n++
		if n >= pos {
			break
		}
		switch {
		case r == '"':
			quoted = !quoted
		case r == comma && !quoted:
			field++
		}
	}
	return field
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
	switch trimSpace(s) {
	case "", "..", "NA", "N/A", "-", "n/a":
		return true
	}
	return false
}

// trimSpace is strings.TrimSpace, without the call for a cell that has no
// space to trim (nearly all: it runs several times on every cell).
func trimSpace(s string) string {
	if s == "" || s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// Num is a number cell: an empty cell, "..", "NA" or "-" is missing, never
// zero. Only a decimal point is accepted (readTable rewrites decimal commas
// of files not separated by commas).
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
	t := trimSpace(s)
	if comma {
		if strings.Contains(t, ".") && strings.Contains(t, ",") {
			return &cellError{"is not a number (both '.' and ',' in it)"}
		}
		t = strings.Replace(t, ",", ".", 1)
	}
	if !plainNumber(t) {
		return &cellError{"is not a number"}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return &cellError{"is not a number"}
	}
	*n = Num{V: v, OK: true}
	return nil
}

// plainNumber reports whether s is written as a decimal number: digits, one
// point, a sign and an exponent, nothing ParseFloat also takes ("0x1p3",
// "1_000", "Inf").
func plainNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
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
	v, err := strconv.Atoi(trimSpace(s))
	if err != nil {
		return &cellError{"is not a whole number"}
	}
	*n = Int{V: v, OK: true}
	return nil
}
