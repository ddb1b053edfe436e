package importers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/rankings-dev/rankings/indicators"
)

// The long format is the one format whose files can be large (a user's
// own data: a million rows is 25 MB), so it has its own reader instead of
// readTable's gocsv: one pass of encoding/csv over the decoded text with a
// reused record, numbers parsed by hand, each row checked and handed on as
// it is read, nothing kept but what the caller keeps. It gives the same
// records and the same errors as readTable would (long_reference_test.go
// holds the earlier readers, and the tests compare the two).
//
// Errors keep their order of precedence: readTable met them in passes (the
// whole file split into records, then the metadata, the header, the number
// of fields of every row, every cell, the columns, every row's checks), so
// an error of an earlier pass wins over one of a later pass wherever it is
// in the file. The scanner keeps the first error of the earliest pass seen
// so far and reads on to the end for errors of earlier passes.

// longCol is a column of the long format: the index of its name in
// LongFileColumns.
type longCol int8

const (
	colIndicator longCol = iota
	colISO3
	colYear
	colValue
	colRank
	colRankOf
	colStdErr
	colLower
	colUpper
	colPct
	colPctLower
	colPctUpper
	colStatus
	colNote
	colCountry
	numLongCols
)

// The passes of readTable, in the order they report errors.
const (
	stageMeta    = iota + 1 // the metadata lines
	stageHeader             // an empty file; a duplicate, unknown or missing column
	stageFields             // a row whose number of fields differs from the header's
	stageCell               // a cell that is not a number
	stageColumns            // no country column; no indicator column nor one indicator
	stageRow                // a row's checks (checkRow, the indicator id)
	stageEmpty              // no rows after the header
)

// The phases of a scan.
const (
	phaseMeta = iota // before the header: '#' rows are metadata
	phaseRows        // after the header
	phaseDone        // after an error only an earlier pass can beat
)

// longScanner reads a long file record by record.
type longScanner struct {
	file     string
	comma    rune
	userFile bool     // ReadLongFile's format: metadata, country, optional columns
	known    []string // the columns the format has
	required []string // the columns that must be present

	phase     int
	meta      [][]string // metadata rows
	metaLines []int
	lf        *LongFile
	def       string // indicator of a file without an indicator column

	hdrLine int
	raw     []string                 // header as in the file, trimmed
	colOf   []longCol                // per field: its column, -1 when it has none
	field   [numLongCols]int         // column → 0-based field, -1 when absent
	cells   [numLongCols]Cell        // column → Cell, as tableInfo.cell gives it
	width   int                      // fields of the header
	rows    int                      // data rows read
	ragged  struct{ n, line int }    // the first row of another width
	lastBad bool                     // the last row read was that row
	ids     map[string]string        // indicator ids seen, checked and interned
	lastID  string                   // the last good row's id, interned
	strs    map[string]string        // other interned cells (codes, statuses, notes)
	err     *ParseError              // the error of the earliest pass so far
	stage   int                      // its pass
	start   func(*LongFile)          // called once the header is read
	emit    func(*Record)            // called for every good row, until an error
	out     []indicators.Observation // ReadLong's observations
	rec     Record                   // handed to emit, reused
	cur     struct {
		fields []string
		line   int
	}
}

// fail records err of pass stage unless an error of the same or an
// earlier pass is already known.
func (s *longScanner) fail(stage int, err *ParseError) {
	if s.err == nil || stage < s.stage {
		s.err, s.stage = err, stage
	}
}

// toParseError makes err, parseMeta's, a *ParseError.
func toParseError(file string, err error) *ParseError {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return &ParseError{File: file, Err: err}
}

// scan reads data (a file's bytes) and calls s.record for every record.
// It returns the error readTable would return, or nil.
func (s *longScanner) scan(data []byte) error {
	for i := range s.field {
		s.field[i] = -1
	}
	if s.userFile && bytes.HasPrefix(data, zipMagic) {
		s.comma = 0 // a spreadsheet: no separator; text cells may use decimal commas
		records, lines, err := xlsxFirstSheet(data, s.file)
		if err != nil {
			return err
		}
		for i, rec := range records {
			s.record(rec, lines[i])
		}
		if s.lf != nil {
			s.lf.Warnings = xlsxFormulaWarnings(data, s.file)
		}
		return s.finish()
	}
	text, _, err := Decode(data)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.File = s.file
			return pe
		}
		return &ParseError{File: s.file, Err: err}
	}
	body, offset := text, 0
	if s.userFile {
		body, offset = s.metaPrefix(text)
	}
	comma, skip := SniffDelimiter(body, s.comma)
	s.comma = comma
	if err := readCSV(s.file, text, body, s.comma, offset, skip, s.record); err != nil {
		return err
	}
	return s.finish()
}

// readCSV reads the records of body, the decoded text from line offset+1
// of text on, and hands each to fn with its line, skipping the first skip
// records. fn may keep neither the slice nor, unless it clones them, the
// strings: lines without a quote (nearly all lines of a long file) are
// split at the separator here, as encoding/csv would split them, at a
// fraction of its cost and without copying: their fields are the bytes of
// body. From the first line with a quote on, encoding/csv reads the rest,
// which gives quoted fields and their errors.
func readCSV(file string, text, body []byte, comma rune, offset, skip int, fn func([]string, int)) error {
	sep := byte(comma)
	// The lines before the first quote; all of body unless it is not text
	// as Decode makes it.
	fast := len(body)
	if q := bytes.IndexByte(body, '"'); q >= 0 {
		fast = bytes.LastIndexByte(body[:q], '\n') + 1
	}
	if comma >= utf8.RuneSelf || bytes.IndexByte(body, '\r') >= 0 {
		fast = 0
	}
	// The fields are slices of body itself, not of a copy: every string
	// that outlives the scan is cloned (headers, errors' values, interned
	// ids and texts; ReadLongFile's and ingest's codes and names), and the
	// tests overwrite the input after each read to hold that true.
	all := unsafe.String(unsafe.SliceData(body), fast)
	pos, line := 0, offset
	var fields []string
	for pos < len(all) {
		str := all[pos:]
		if i := strings.IndexByte(str, '\n'); i >= 0 {
			str = str[:i]
		}
		pos += len(str) + 1
		line++
		if str == "" {
			continue // encoding/csv skips empty lines
		}
		fields = fields[:0]
		for {
			i := strings.IndexByte(str, sep)
			if i < 0 {
				break
			}
			fields = append(fields, str[:i])
			str = str[i+1:]
		}
		fields = append(fields, str)
		if skip > 0 { // Excel's "sep=" line
			skip--
			continue
		}
		fn(fields, line)
	}
	if fast == len(body) {
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(body[fast:]))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				pe.StartLine += line
				pe.Line += line
			}
			return csvError(file, text, comma, err)
		}
		if skip > 0 {
			skip--
			continue
		}
		n, _ := cr.FieldPos(0)
		fn(rec, n+line)
	}
}

// metaPrefix takes the metadata lines at the top of a user's file (the
// lines starting with '#', blank lines between them) and returns the text
// after them, where the CSV starts, and the number of lines before it.
func (s *longScanner) metaPrefix(text []byte) (body []byte, lines int) {
	end, last, spaces, copied := 0, 0, false, false
	for n, rest := 0, text; len(rest) > 0; n++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l = rest[:i+1]
		}
		rest = rest[len(l):]
		t := bytes.TrimSpace(l)
		if len(t) == 0 {
			// A line of spaces is a record to encoding/csv, an empty
			// line is not: the CSV must still see the spaces.
			spaces = spaces || len(bytes.TrimRight(l, "\n")) > 0
			continue
		}
		if t[0] != '#' {
			break
		}
		s.meta = append(s.meta, []string{string(t)})
		s.metaLines = append(s.metaLines, n+1)
		end, last, copied = len(text)-len(rest), n+1, copied || spaces
	}
	if copied {
		// Rare: spaces between metadata lines. Blank the metadata lines
		// in a copy instead, which keeps both the spaces and the line
		// numbers.
		return blankMeta(text, s.metaLines), 0
	}
	return text[end:], last
}

// blankMeta returns text with the given lines (1-based, ascending) made
// empty.
func blankMeta(text []byte, lines []int) []byte {
	ls := bytes.SplitAfter(text, []byte{'\n'})
	for _, n := range lines {
		ls[n-1] = []byte{'\n'}
	}
	return bytes.Join(ls, nil)
}

// record takes one record of the file.
func (s *longScanner) record(fields []string, line int) {
	switch s.phase {
	case phaseMeta:
		if s.userFile && len(fields) > 0 && strings.HasPrefix(strings.TrimSpace(fields[0]), "#") {
			row := make([]string, len(fields))
			for i, f := range fields {
				row[i] = strings.Clone(f)
			}
			s.meta = append(s.meta, row)
			s.metaLines = append(s.metaLines, line)
			return
		}
		if !s.endMeta() || !s.header(fields, line) {
			s.phase = phaseDone
			return
		}
		s.phase = phaseRows
		if s.userFile {
			s.columns()
		}
		if s.err == nil && s.start != nil {
			s.start(s.lf)
		}
	case phaseRows:
		s.row(fields, line)
	}
}

// endMeta parses the metadata rows.
func (s *longScanner) endMeta() bool {
	if !s.userFile {
		return true
	}
	inds, err := parseMeta(s.meta, s.metaLines, s.file)
	if err != nil {
		s.fail(stageMeta, toParseError(s.file, err))
		return false
	}
	s.lf.Indicators = inds
	return true
}

// finish ends the scan at the end of the file.
func (s *longScanner) finish() error {
	switch s.phase {
	case phaseMeta:
		if s.endMeta() {
			s.fail(stageHeader, &ParseError{File: s.file, Err: errors.New("file is empty")})
		}
	case phaseRows:
		if s.lastBad && s.ragged.n < s.width && s.stage == stageFields {
			s.err = s.raggedError(true)
		}
		if s.userFile && s.rows == 0 {
			s.fail(stageEmpty, &ParseError{File: s.file, Line: s.hdrLine, Err: errors.New("no rows after the header")})
		}
	}
	if s.err == nil {
		return nil // not a nil *ParseError in an error
	}
	return s.err
}

// header reads the header row, as readRecords does.
func (s *longScanner) header(fields []string, line int) bool {
	s.hdrLine, s.width = line, len(fields)
	s.raw = make([]string, len(fields))
	s.colOf = make([]longCol, len(fields))
	for i, h := range fields {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		h = strings.Clone(h) // not the row's text: a header kept must not keep the file
		s.raw[i] = h
		s.colOf[i] = -1
		if h == "" {
			continue
		}
		c := longCol(-1)
		for k, name := range LongFileColumns {
			if name == h {
				c = longCol(k)
			}
		}
		if c >= 0 && s.field[c] >= 0 {
			s.fail(stageHeader, &ParseError{File: s.file, Line: line, Col: i + 1, Column: h,
				Err: fmt.Errorf("duplicate column (also column %d)", s.field[c]+1)})
			return false
		}
		if !contains(s.known, h) {
			s.fail(stageHeader, &ParseError{File: s.file, Line: line, Col: i + 1, Column: h,
				Err: fmt.Errorf("unknown column (the columns are: %s)", strings.Join(s.known, ", "))})
			return false
		}
		s.field[c], s.colOf[i] = i, c
	}
	for _, req := range s.required {
		if s.field[longColOf(req)] < 0 {
			s.fail(stageHeader, &ParseError{File: s.file, Line: line, Err: missingColumn(req, s.raw, s.comma)})
			return false
		}
	}
	for c := range s.cells {
		if i := s.field[c]; i >= 0 {
			s.cells[c] = Cell{Col: i + 1, Column: s.raw[i]}
		} else {
			s.cells[c] = Cell{Column: LongFileColumns[c]}
		}
	}
	return true
}

// longColOf is the column of a name of LongFileColumns.
func longColOf(name string) longCol {
	for k, n := range LongFileColumns {
		if n == name {
			return longCol(k)
		}
	}
	return -1
}

// columns checks a user's file's header for its country and indicator.
func (s *longScanner) columns() {
	if s.field[colISO3] < 0 && s.field[colCountry] < 0 {
		s.fail(stageColumns, &ParseError{File: s.file, Line: s.hdrLine, Err: errors.New(`missing column "iso3" or "country": every row needs its country`)})
		return
	}
	if s.field[colIndicator] >= 0 {
		s.lf.IndicatorCell = s.cells[colIndicator]
		return
	}
	if len(s.lf.Indicators) != 1 {
		s.fail(stageColumns, &ParseError{File: s.file, Line: s.hdrLine,
			Err: errors.New(`missing column "indicator" (it may be left out only when the metadata header defines exactly one indicator)`)})
		return
	}
	s.def = s.lf.Indicators[0].ID
}

// raggedError is the error of the first row of another width; last says
// it is the file's last row.
func (s *longScanner) raggedError(last bool) *ParseError {
	hint := ""
	if last && s.ragged.n < s.width {
		hint = "; it is the last line: is the file cut short?"
	}
	return &ParseError{File: s.file, Line: s.ragged.line,
		Err: fmt.Errorf("wrong number of fields: %d, the header has %d (separator %s%s)", s.ragged.n, s.width, delimiterName(s.comma), hint)}
}

// row reads one data row.
func (s *longScanner) row(fields []string, line int) {
	s.rows++
	s.lastBad = false
	if len(fields) != s.width {
		if s.err == nil || s.stage > stageFields {
			s.ragged.n, s.ragged.line = len(fields), line
			s.fail(stageFields, s.raggedError(false))
			s.lastBad = true
		}
		return
	}
	if s.err != nil && s.stage <= stageCell {
		return
	}
	s.cur.fields, s.cur.line = fields, line
	var row longRow
	for j, c := range s.colOf {
		if c < 0 {
			continue
		}
		v := fields[j]
		if s.comma != ',' && strings.IndexByte(v, ',') >= 0 && decimalComma.MatchString(v) {
			v = strings.Replace(v, ",", ".", 1)
		}
		var err error
		switch c {
		case colIndicator:
			row.Indicator = v
		case colISO3:
			row.ISO3 = v
		case colCountry:
			row.Country = v
		case colStatus:
			row.Status = v
		case colNote:
			row.Note = v
		case colYear:
			err = row.Year.UnmarshalCSV(v)
		case colRank:
			err = row.Rank.UnmarshalCSV(v)
		case colRankOf:
			err = row.RankOf.UnmarshalCSV(v)
		default:
			err = row.num(c).parse(v, false)
		}
		if err != nil {
			e := &ParseError{File: s.file, Line: line, Col: j + 1, Column: s.raw[j], Value: strings.Clone(fields[j]), Err: unwrapCell(err)}
			if s.comma == ',' && decimalComma.MatchString(e.Value) {
				e.Err = fmt.Errorf("%v (a decimal comma in a comma-separated file: write a decimal point, or separate the columns with ';')", e.Err)
			}
			s.fail(stageCell, e)
			return
		}
	}
	if s.err != nil && s.stage <= stageRow {
		return
	}
	if err := s.checkRow(&row, s.def); err != nil {
		s.fail(stageRow, err)
		return
	}
	if !s.userFile {
		s.out = append(s.out, row.observation(s.intern(trimSpace(row.Indicator)), s.intern(trimSpace(row.ISO3))))
		s.out[len(s.out)-1].Status = s.intern(s.out[len(s.out)-1].Status)
		s.out[len(s.out)-1].Note = s.intern(s.out[len(s.out)-1].Note)
		return
	}
	id := trimSpace(row.Indicator)
	if id == "" {
		id = s.def
	}
	if id == s.lastID && id != "" {
		id = s.lastID // the last row's, interned
	} else if in, ok := s.ids[id]; ok {
		id = in
	} else if IndicatorID.MatchString(id) {
		id = strings.Clone(id)
		s.ids[id] = id
	} else {
		s.fail(stageRow, s.errAt(colIndicator, "is not an indicator id (lower-case letters, digits and hyphens)"))
		return
	}
	if s.err != nil {
		return
	}
	if err := statusError(id, trimSpace(row.Status)); err != nil {
		s.fail(stageRow, s.errAt(colStatus, "%v", err))
		return
	}
	s.lastID = id
	if row.Rank.OK {
		s.lf.Ranked[id] = true
	}
	iso3 := trimSpace(row.ISO3)
	entity := s.cells[colISO3]
	if iso3 == "" {
		entity = s.cells[colCountry]
	}
	row.Status, row.Note = s.intern(trimSpace(row.Status)), s.intern(trimSpace(row.Note))
	// Field by field, not a new Record: a struct with pointers copied into
	// the scanner (on the heap) costs more than the rest of the row.
	rec := &s.rec
	rec.Source, rec.Code, rec.Name, rec.Line = "long", iso3, trimSpace(row.Country), line
	rec.EntityCell, rec.ValueCell = entity, s.cells[colValue]
	o := &rec.Obs
	o.Indicator, o.ISO3, o.Year, o.Value, o.Rank, o.RankOf = id, "", row.Year.V, row.Value.V, row.Rank.V, row.RankOf.V
	o.StdErr, o.Lower, o.Upper = row.StdErr.Value(), row.Lower.Value(), row.Upper.Value()
	o.Pct, o.PctLower, o.PctUpper = row.Pct.Value(), row.PctLower.Value(), row.PctUpper.Value()
	o.Status, o.Note = row.Status, row.Note
	s.emit(rec)
}

// num is the number field of a column.
func (row *longRow) num(c longCol) *Num {
	switch c {
	case colValue:
		return &row.Value
	case colStdErr:
		return &row.StdErr
	case colLower:
		return &row.Lower
	case colUpper:
		return &row.Upper
	case colPct:
		return &row.Pct
	case colPctLower:
		return &row.PctLower
	}
	return &row.PctUpper
}

// maxInterned bounds the strings a scan interns: a file whose notes are
// all different must not grow a map as large as itself.
const maxInterned = 4096

// intern returns s, or the same text interned: a kept cell must not keep
// its whole line in memory, and the same note or status of a million rows
// is kept once.
func (s *longScanner) intern(v string) string {
	if v == "" {
		return ""
	}
	if in, ok := s.strs[v]; ok {
		return in
	}
	v = strings.Clone(v)
	if len(s.strs) < maxInterned {
		s.strs[v] = v
	}
	return v
}

// errAt builds the error of the current row in a column, quoting the
// file's own text of the cell, as tableInfo.errAt does.
func (s *longScanner) errAt(c longCol, format string, args ...any) *ParseError {
	cell := s.cells[c]
	value := ""
	if i := s.field[c]; i >= 0 && i < len(s.cur.fields) {
		value = strings.Clone(s.cur.fields[i])
	}
	return &ParseError{File: s.file, Line: s.cur.line, Col: cell.Col, Column: cell.Column, Value: value,
		Err: fmt.Errorf(format, args...)}
}

// checkRow checks one row; indicator is the default indicator of a file
// without an indicator column.
func (s *longScanner) checkRow(row *longRow, indicator string) *ParseError {
	switch {
	case trimSpace(row.Indicator) == "" && indicator == "":
		return s.errAt(colIndicator, "is empty")
	case trimSpace(row.ISO3) == "" && trimSpace(row.Country) == "":
		if s.field[colISO3] >= 0 {
			return s.errAt(colISO3, "is empty")
		}
		return s.errAt(colCountry, "is empty")
	case !row.Year.OK:
		return s.errAt(colYear, "is empty")
	case row.Year.V < 1800 || row.Year.V > 2200:
		return s.errAt(colYear, "is not a year")
	case !row.Value.OK:
		return s.errAt(colValue, "is empty")
	case row.Rank.OK != row.RankOf.OK:
		return s.errAt(colRankOf, "rank and rank_of must both be given or both be empty")
	case row.RankOf.OK && row.RankOf.V < 1:
		return s.errAt(colRankOf, "is not a positive number of entities")
	case row.Rank.OK && (row.Rank.V < 1 || row.Rank.V > row.RankOf.V):
		return s.errAt(colRank, "is outside 1–%d (rank_of)", row.RankOf.V)
	case row.StdErr.OK && row.StdErr.V < 0:
		return s.errAt(colStdErr, "is negative")
	case row.Lower.OK != row.Upper.OK:
		return s.errAt(colUpper, "lower and upper must both be given or both be empty")
	case row.Lower.OK && !(row.Lower.V <= row.Value.V && row.Value.V <= row.Upper.V):
		return s.errAt(colValue, "is outside its bounds %s–%s", indicators.FormatNumber(row.Lower.V), indicators.FormatNumber(row.Upper.V))
	case row.Pct.OK && (row.Pct.V < 0 || row.Pct.V > 100):
		return s.errAt(colPct, "is outside 0–100")
	}
	if err := CheckText(row.Status); err != nil {
		return s.errAt(colStatus, "%v", err)
	}
	if err := CheckText(row.Note); err != nil {
		return s.errAt(colNote, "%v", err)
	}
	return nil
}
