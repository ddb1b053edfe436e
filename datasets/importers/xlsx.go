// A reader of .xlsx workbooks (Office Open XML spreadsheets), written on
// archive/zip and encoding/xml for what the importers need: the sheet
// list, a sheet's cells as the raw strings stored in the file, the
// formulas of its cells and column names. It gives what
// github.com/xuri/excelize/v2 gave the importers (Rows and Columns with
// RawCellValue, GetSheetList, GetCellFormula), which the tests check on
// their fixtures, on generated workbooks and on the publishers' files, but
// it does not run excelize's package initialisation in every command.
//
// Where excelize read a damaged file in a garbled way (rows or cells out
// of order merged into one row, a shared string that does not exist read
// as an empty cell, an XML error ending the sheet silently), this reader
// refuses it. It does not read styles, themes or the calculation chain,
// which excelize parsed (and could fail on) when opening a workbook. And
// a cell inside a merged range has its own formula, where excelize's
// GetCellFormula gave the formula of the range's first cell.
//
// The reasons it gives, which the importers print after "not a readable
// xlsx workbook: " (the workbook's own parts) or after "sheet %q: " (a
// sheet's), are these; %s is a part name or a value from the file, quoted,
// or a cell (B2), %d a number:
//
//	not a zip archive
//	the archive has no workbook part
//	part %s is not well-formed XML (line %d)
//	part %s cannot be unpacked
//	part %s is not UTF-8 (it declares %s)
//	the workbook has no worksheet part for it
//	invalid row number %s
//	rows out of order: row %d after row %d
//	invalid cell reference %s
//	cells out of order: %s after %s
//	more than 16384 columns
//	cell %s: no shared string %s
//	more than %d cells
//
// A sheet's reason about a row or a cell comes with the row's number as
// the error's line.

package importers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	// xlsxMaxRows and xlsxMaxCols are a worksheet's limits (row 1048576,
	// column XFD).
	xlsxMaxRows = 1 << 20
	xlsxMaxCols = 1 << 14
	// xlsxMaxCells bounds the cells of one sheet, counting the empty ones
	// before a cell in its row: a cell at column XFD costs 16384 of them
	// in a few bytes of XML. The publishers' largest sheet has some
	// 120,000.
	xlsxMaxCells = 1 << 23
)

// The relationship types that name a workbook's main part, in the
// transitional and the strict dialect of the format.
const (
	xlsxOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	xlsxStrictOfficeDocument = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)

// The name spaces of the r:id attribute that ties a sheet to its part.
const (
	xlsxRelNS       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xlsxStrictRelNS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// xlsxSharedStringsPart is where a workbook keeps its shared strings
// (found regardless of case, as excelize found it).
const xlsxSharedStringsPart = "xl/sharedStrings.xml"

// xlsxError is one of the reasons listed at the top of this file. row,
// when not 0, is the spreadsheet row it is about.
type xlsxError struct {
	row int
	msg string
}

// Error returns the reason.
func (e *xlsxError) Error() string { return e.msg }

// xlsxErrorf makes an xlsxError about row (0: none).
func xlsxErrorf(row int, format string, args ...any) *xlsxError {
	return &xlsxError{row: row, msg: fmt.Sprintf(format, args...)}
}

// xlsxWorkbook is a workbook opened by xlsxParse.
type xlsxWorkbook struct {
	parts   map[string]*zip.File // by name, with "/" separators
	sheets  []xlsxSheetRef       // in workbook order
	strings []string             // the shared strings
}

// xlsxSheetRef is a sheet as the workbook lists it.
type xlsxSheetRef struct {
	name string
	part string // "" when the workbook has no part for it
}

// xlsxSheet is a worksheet read by xlsxWorkbook.sheet.
type xlsxSheet struct {
	// rows[i] is spreadsheet row i+1, as excelize's Rows and Columns with
	// RawCellValue gave it: each cell's raw value at its column, trailing
	// empty cells left out (a formula cell counts as not empty), a row
	// without cells nil, and no rows after the last with cells.
	rows [][]string
	// formulas are the cells with a formula element, in sheet order;
	// formulaAt finds one by position.
	formulas  []xlsxFormulaCell
	formulaAt map[[2]int]int // {row, col} → index in formulas
	masters   map[int]int    // shared formula index → index in formulas, once looked up
}

// xlsxFormulaCell is a cell's <f> element.
type xlsxFormulaCell struct {
	row, col int    // 1-based
	text     string // the formula as stored (Excel writes it without "=")
	typ      string // t: "shared", "array", "dataTable" or ""
	ref      string // ref: the range of a shared formula's first cell
	si       int    // si: the shared formula's index, when hasSI
	hasSI    bool
}

// xlsxParse opens a workbook: it reads the list of sheets and the shared
// strings. As in excelize, the archive must hold the workbook part its
// package relationships name, and that part must not be empty. Errors are
// *xlsxError.
func xlsxParse(data []byte) (*xlsxWorkbook, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &xlsxError{msg: "not a zip archive"}
	}
	wb := &xlsxWorkbook{parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if strings.EqualFold(name, xlsxSharedStringsPart) {
			name = xlsxSharedStringsPart
		}
		wb.parts[name] = f
	}
	main := ""
	if err := wb.readPart("_rels/.rels", func(d *xlsxDecoder) error {
		return d.rootChildren(func(se xml.StartElement) error {
			if se.Name.Local == "Relationship" && main == "" {
				if t := xlsxAttr(se, "Type"); t == xlsxOfficeDocument || t == xlsxStrictOfficeDocument {
					main = path.Clean(strings.TrimPrefix(xlsxAttr(se, "Target"), "/"))
				}
			}
			return d.skip()
		})
	}); err != nil {
		return nil, err
	}
	if main == "" || main == "." || wb.parts[main] == nil {
		return nil, &xlsxError{msg: "the archive has no workbook part"}
	}
	dir := path.Dir(main)
	rels, err := wb.relationships(path.Join(dir, "_rels", path.Base(main)+".rels"))
	if err != nil {
		return nil, err
	}
	if err := wb.readPart(main, func(d *xlsxDecoder) error {
		if ok, err := d.root(); err != nil {
			return err
		} else if !ok {
			return d.badXML(d.line()) // empty: excelize said "EOF"
		}
		return d.children(func(se xml.StartElement) error {
			if se.Name.Local != "sheets" {
				return d.skip()
			}
			return d.children(func(se xml.StartElement) error {
				if se.Name.Local == "sheet" {
					wb.sheets = append(wb.sheets, xlsxSheetRef{name: xlsxAttr(se, "name"), part: wb.sheetPart(dir, rels, xlsxRelID(se))})
				}
				return d.skip()
			})
		})
	}); err != nil {
		return nil, err
	}
	if err := wb.readPart(xlsxSharedStringsPart, func(d *xlsxDecoder) error {
		return d.rootChildren(func(se xml.StartElement) error {
			if se.Name.Local != "si" {
				return d.skip()
			}
			s, err := d.richText()
			wb.strings = append(wb.strings, s)
			return err
		})
	}); err != nil {
		return nil, err
	}
	return wb, nil
}

// xlsxRelationship is one relationship of a part.
type xlsxRelationship struct{ id, target string }

// relationships reads a relationships part (none when it is missing).
func (wb *xlsxWorkbook) relationships(name string) ([]xlsxRelationship, error) {
	var rels []xlsxRelationship
	err := wb.readPart(name, func(d *xlsxDecoder) error {
		return d.rootChildren(func(se xml.StartElement) error {
			if se.Name.Local == "Relationship" {
				rels = append(rels, xlsxRelationship{xlsxAttr(se, "Id"), xlsxAttr(se, "Target")})
			}
			return d.skip()
		})
	})
	return rels, err
}

// sheetPart is the part of the sheet whose relationship is id: its target,
// relative to the workbook's folder dir unless absolute, when the workbook
// has that part.
func (wb *xlsxWorkbook) sheetPart(dir string, rels []xlsxRelationship, id string) string {
	part := ""
	for _, r := range rels {
		if r.id != id {
			continue
		}
		target := strings.ReplaceAll(r.target, "\\", "/")
		if !strings.HasPrefix(target, "/") {
			target = dir + "/" + target
		}
		if p := strings.TrimPrefix(path.Clean(target), "/"); wb.parts[p] != nil {
			part = p
		}
	}
	return part
}

// xlsxRelID is a sheet element's r:id attribute.
func xlsxRelID(se xml.StartElement) string {
	for _, a := range se.Attr {
		if a.Name.Local == "id" && (a.Name.Space == xlsxRelNS || a.Name.Space == xlsxStrictRelNS) {
			return a.Value
		}
	}
	return ""
}

// xlsxAttr is the value of se's attribute whose local name is name.
func xlsxAttr(se xml.StartElement, name string) string {
	v := ""
	for _, a := range se.Attr {
		if a.Name.Local == name {
			v = a.Value
		}
	}
	return v
}

// Sheets returns the names of the sheets in workbook order, as the
// workbook spells them.
func (wb *xlsxWorkbook) Sheets() []string {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names
}

// sheet reads sheet i (in the order of Sheets). Errors are *xlsxError.
func (wb *xlsxWorkbook) sheet(i int) (*xlsxSheet, error) {
	part := wb.sheets[i].part
	if part == "" {
		return nil, &xlsxError{msg: "the workbook has no worksheet part for it"}
	}
	p := xlsxSheetParser{wb: wb, sh: &xlsxSheet{formulaAt: map[[2]int]int{}}}
	if err := wb.readPart(part, p.read); err != nil {
		return nil, err
	}
	p.endRow()
	return p.sh, nil
}

// xlsxSheetParser reads a worksheet part the way excelize's Rows and
// Columns iterate it: every <row> element until the end of <sheetData>,
// and in each the <c> elements that follow it.
type xlsxSheetParser struct {
	wb    *xlsxWorkbook
	sh    *xlsxSheet
	row   int      // the current row's number, 0 before the first
	col   int      // the column of the row's last cell
	cells []string // the current row's cells
	total int      // cells of the sheet so far, empty ones included
}

// read parses the worksheet from d.
func (p *xlsxSheetParser) read(d *xlsxDecoder) error {
	for {
		tok, err := d.token()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "row":
				if err := p.startRow(t); err != nil {
					return err
				}
			case t.Name.Local == "c" && p.row > 0:
				if err := p.cell(d, t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return nil
			}
		}
	}
}

// startRow ends the current row and starts the one of se. A row without a
// number (or numbered 0, which excelize took for none) follows the
// previous one.
func (p *xlsxSheetParser) startRow(se xml.StartElement) error {
	p.endRow()
	n := p.row + 1
	for _, a := range se.Attr {
		if a.Name.Local != "r" {
			continue
		}
		v, err := strconv.Atoi(a.Value)
		if err != nil || v < 0 || v > xlsxMaxRows {
			return xlsxErrorf(0, "invalid row number %s", Quote(a.Value))
		}
		if v == 0 {
			continue
		}
		if v <= p.row {
			return xlsxErrorf(v, "rows out of order: row %d after row %d", v, p.row)
		}
		n = v
	}
	if n > xlsxMaxRows {
		return xlsxErrorf(0, "invalid row number %s", Quote(strconv.Itoa(n)))
	}
	p.row, p.col, p.cells = n, 0, nil
	return nil
}

// endRow stores the current row if it has cells.
func (p *xlsxSheetParser) endRow() {
	if len(p.cells) == 0 {
		return
	}
	for len(p.sh.rows) < p.row-1 {
		p.sh.rows = append(p.sh.rows, nil)
	}
	p.sh.rows = append(p.sh.rows, p.cells)
	p.cells = nil
}

// cell reads the <c> element se of the current row: its value and formula.
// A cell without a reference follows the previous one.
func (p *xlsxSheetParser) cell(d *xlsxDecoder, se xml.StartElement) error {
	ref, typ := "", ""
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
		case "t":
			typ = a.Value
		}
	}
	p.col++
	if ref != "" {
		col, _, ok := xlsxParseRef(ref)
		if !ok {
			return xlsxErrorf(p.row, "invalid cell reference %s", Quote(ref))
		}
		p.col = col
	}
	var (
		v, inline string
		hasInline bool
		f         *xlsxFormulaCell
		depth     int
		done      bool
	)
	for !done {
		tok, err := d.token()
		if err != nil {
			return d.unexpected(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "v":
				v, err = d.text()
			case "f":
				f = &xlsxFormulaCell{typ: xlsxAttr(t, "t"), ref: xlsxAttr(t, "ref")}
				for _, a := range t.Attr {
					if a.Name.Local == "si" {
						f.si, f.hasSI = xlsxAttrInt(a.Value)
					}
				}
				f.text, err = d.text()
			case "is":
				inline, err = d.richText()
				hasInline = true
			default:
				depth++
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			if depth == 0 {
				done = true
			}
			depth--
		}
	}
	val := v
	switch typ {
	case "s":
		if v != "" {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || i < 0 || i >= len(p.wb.strings) {
				return xlsxErrorf(p.row, "cell %s: no shared string %s", p.cellName(), Quote(v))
			}
			val = p.wb.strings[i]
		}
	case "inlineStr":
		if hasInline {
			val = inline
		}
	}
	if val == "" && f == nil {
		return nil
	}
	if p.col > xlsxMaxCols {
		return xlsxErrorf(p.row, "more than %d columns", xlsxMaxCols)
	}
	if p.col <= len(p.cells) {
		last, _ := xlsxCellName(len(p.cells), p.row)
		return xlsxErrorf(p.row, "cells out of order: %s after %s", p.cellName(), last)
	}
	if p.total += p.col - len(p.cells); p.total > xlsxMaxCells {
		return xlsxErrorf(p.row, "more than %d cells", xlsxMaxCells)
	}
	for len(p.cells) < p.col-1 {
		p.cells = append(p.cells, "")
	}
	p.cells = append(p.cells, val)
	if f != nil {
		f.row, f.col = p.row, p.col
		p.sh.formulaAt[[2]int{p.row, p.col}] = len(p.sh.formulas)
		p.sh.formulas = append(p.sh.formulas, *f)
	}
	return nil
}

// cellName names the current cell, or its column number when beyond XFD.
func (p *xlsxSheetParser) cellName() string {
	if name, ok := xlsxCellName(p.col, p.row); ok {
		return name
	}
	return fmt.Sprintf("R%dC%d", p.row, p.col)
}

// xlsxAttrInt parses an integer attribute as encoding/xml does for an int
// field (spaces trimmed, empty is 0).
func xlsxAttrInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return int(v), err == nil
}

// formula returns the formula of the cell at row and col (1-based), as
// excelize's GetCellFormula gave it: the stored text of an ordinary
// formula, and for a cell sharing a formula the first cell's formula with
// its relative references moved by the distance between the two cells
// (see xlsxShiftFormula). "" when the cell has none.
func (s *xlsxSheet) formula(row, col int) string {
	i, ok := s.formulaAt[[2]int{row, col}]
	if !ok {
		return ""
	}
	f := s.formulas[i]
	if f.typ != "shared" || !f.hasSI {
		return f.text
	}
	m, ok := s.master(f.si)
	if !ok {
		return ""
	}
	return xlsxShiftFormula(m.text, col-m.col, row-m.row)
}

// master is the first cell of the sheet holding shared formula si: the
// first, in sheet order, with a ref.
func (s *xlsxSheet) master(si int) (xlsxFormulaCell, bool) {
	if s.masters == nil {
		s.masters = map[int]int{}
	}
	if i, ok := s.masters[si]; ok {
		return s.formulas[i], true
	}
	for i, f := range s.formulas {
		if f.typ == "shared" && f.hasSI && f.si == si && f.ref != "" {
			s.masters[si] = i
			return f, true
		}
	}
	return xlsxFormulaCell{}, false
}

// readPart parses part name with fn; a missing part is not read and not an
// error.
func (wb *xlsxWorkbook) readPart(name string, fn func(*xlsxDecoder) error) error {
	f := wb.parts[name]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return xlsxErrorf(0, "part %s cannot be unpacked", Quote(name))
	}
	defer rc.Close()
	d := &xlsxDecoder{part: name}
	d.dec = xml.NewDecoder(rc)
	d.dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf8", "us-ascii", "ascii":
			return input, nil
		}
		d.charset = label
		return nil, errors.New("not UTF-8")
	}
	return fn(d)
}

// xlsxDecoder reads the XML of one part, with errors that are reasons.
type xlsxDecoder struct {
	dec     *xml.Decoder
	part    string
	charset string // the encoding the part declares, when it is not UTF-8
}

// token returns the next token; io.EOF at the end of the document.
func (d *xlsxDecoder) token() (xml.Token, error) {
	tok, err := d.dec.Token()
	if err != nil && err != io.EOF {
		return nil, d.fail(err)
	}
	return tok, err
}

// fail turns an error of the XML decoder into a reason.
func (d *xlsxDecoder) fail(err error) error {
	var se *xml.SyntaxError
	switch {
	case d.charset != "":
		return xlsxErrorf(0, "part %s is not UTF-8 (it declares %s)", Quote(d.part), Quote(d.charset))
	case errors.As(err, &se):
		return d.badXML(se.Line)
	}
	return xlsxErrorf(0, "part %s cannot be unpacked", Quote(d.part))
}

// badXML is the reason for a part that is not well-formed XML at line.
func (d *xlsxDecoder) badXML(line int) error {
	return xlsxErrorf(0, "part %s is not well-formed XML (line %d)", Quote(d.part), line)
}

// unexpected is the error for the end of the document inside an element
// (which the XML decoder reports itself; this is a safeguard).
func (d *xlsxDecoder) unexpected(err error) error {
	if err == io.EOF {
		return d.badXML(d.line())
	}
	return err
}

// line is the decoder's current line.
func (d *xlsxDecoder) line() int {
	line, _ := d.dec.InputPos()
	return line
}

// root reads up to the document's root element: false when the part has
// none (it is empty).
func (d *xlsxDecoder) root() (bool, error) {
	for {
		tok, err := d.token()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if _, ok := tok.(xml.StartElement); ok {
			return true, nil
		}
	}
}

// rootChildren calls fn for each child element of the document's root
// element (none when the part is empty), as children does.
func (d *xlsxDecoder) rootChildren(fn func(xml.StartElement) error) error {
	if ok, err := d.root(); !ok || err != nil {
		return err
	}
	return d.children(fn)
}

// children calls fn for each child element of the element just started;
// fn must read the child to its end (d.skip does).
func (d *xlsxDecoder) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := d.token()
		if err != nil {
			return d.unexpected(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// skip reads the element just started to its end.
func (d *xlsxDecoder) skip() error {
	for depth := 0; ; {
		tok, err := d.token()
		if err != nil {
			return d.unexpected(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// text reads the element just started to its end and returns its own
// character data (not that of elements inside it).
func (d *xlsxDecoder) text() (string, error) {
	var b []byte
	for depth := 0; ; {
		tok, err := d.token()
		if err != nil {
			return "", d.unexpected(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b = append(b, t...)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return string(b), nil
			}
			depth--
		}
	}
}

// richText reads a string item (<si>, or a cell's <is>) to its end: its
// <t>, then the <t> of each run <r>, concatenated (phonetic runs <rPh>
// left out), with the format's escapes _xHHHH_ decoded. As in excelize,
// a second <t> of the item or of a run replaces the first, and spaces are
// kept whatever xml:space says.
func (d *xlsxDecoder) richText() (string, error) {
	var t string
	var runs []string
	err := d.children(func(se xml.StartElement) error {
		var err error
		switch se.Name.Local {
		case "t":
			t, err = d.text()
		case "r":
			run := ""
			err = d.children(func(se xml.StartElement) error {
				if se.Name.Local != "t" {
					return d.skip()
				}
				var err error
				run, err = d.text()
				return err
			})
			runs = append(runs, run)
		default:
			err = d.skip()
		}
		return err
	})
	if err != nil {
		return "", err
	}
	return xlsxUnescape(t + strings.Join(runs, "")), nil
}

// xlsxUnescape decodes the escapes _xHHHH_ by which the format stores
// characters XML cannot hold ("_x000D_" is a carriage return, "_x005F_" a
// literal underscore). A surrogate code decodes to nothing, as in
// excelize.
func xlsxUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && xlsxHex4(s[i+2:i+6]) {
				if s[i:i+7] == "_x005F_" {
					b.WriteByte('_')
				} else if utf8.ValidRune(rune(v)) {
					b.WriteRune(rune(v))
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// xlsxHex4 reports whether s is four hexadecimal digits.
func xlsxHex4(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return len(s) == 4
}

// xlsxColumnName is the letters of column n (1 is A, 27 is AA), false
// outside 1–16384.
func xlsxColumnName(n int) (string, bool) {
	if n < 1 || n > xlsxMaxCols {
		return "", false
	}
	var b [3]byte
	i := len(b)
	for ; n > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:]), true
}

// xlsxColumnNumber is the number of column letters name (either case),
// false when it is not one of 1–16384.
func xlsxColumnNumber(name string) (int, bool) {
	if name == "" {
		return 0, false
	}
	n, mult := 0, 1
	for i := len(name) - 1; i >= 0; i-- {
		c := name[i] | 0x20
		if c < 'a' || c > 'z' {
			return 0, false
		}
		n += int(c-'a'+1) * mult
		if n > xlsxMaxCols {
			return 0, false
		}
		mult *= 26
	}
	return n, true
}

// xlsxCellName is the reference of the cell at col and row ("B3"), false
// outside the sheet.
func xlsxCellName(col, row int) (string, bool) {
	name, ok := xlsxColumnName(col)
	if !ok || row < 1 || row > xlsxMaxRows {
		return "", false
	}
	return name + strconv.Itoa(row), true
}

// xlsxParseRef parses a cell reference as excelize's CellNameToCoordinates
// did: letters and dollar signs, then a row number ("B3", "$B$3", "b3").
func xlsxParseRef(ref string) (col, row int, ok bool) {
	alpha := func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '$' }
	if strings.IndexFunc(ref, alpha) != 0 {
		return 0, 0, false
	}
	i := strings.LastIndexFunc(ref, alpha)
	if i >= len(ref)-1 {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i+1:])
	if err != nil || row < 1 || row > xlsxMaxRows {
		return 0, 0, false
	}
	col, ok = xlsxColumnNumber(strings.ReplaceAll(ref[:i+1], "$", ""))
	return col, row, ok
}

// xlsxShiftFormula is the formula of a cell that shares formula, the
// formula of the cell dCol columns to the left and dRow rows above it (its
// first cell), as excelize's GetCellFormula gave it. excelize took the
// formula apart into tokens and put it back together, moving each cell
// reference, so its text is normalised as well as moved:
//
//   - the leading "=", if any, is dropped, and spaces are dropped except
//     one standing between two references (the intersection operator);
//   - a "+" that follows an operator, an argument separator or an opening
//     parenthesis (a unary plus) is dropped, unless it starts the formula;
//   - quotes around a sheet name are dropped ('My sheet'!A1 is My
//     sheet!A1), a leading "@" of a function name is dropped, and an array
//     constant {1,2;3,4} is written ARRAY(ARRAYROW(1,2),ARRAYROW(3,4));
//   - a reference is moved by xlsxShiftRef, each part between colons on
//     its own: relative parts move, "$" parts stay, and a part with a
//     sheet name does not move (its row part is not read as a reference).
//
// The first cell's own formula (dCol and dRow 0) is normalised the same
// way. The tests compare this with excelize on many formulas.
func xlsxShiftFormula(formula string, dCol, dRow int) string {
	toks := xlsxFormulaTokens(formula)
	var b strings.Builder
	for _, t := range toks {
		switch t.kind {
		case ftFuncStart:
			b.WriteString(strings.TrimPrefix(t.text, "@"))
			b.WriteByte('(')
		case ftStop:
			b.WriteByte(')')
		case ftSubStart:
			b.WriteByte('(')
		case ftText:
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(t.text, `"`, `""`))
			b.WriteByte('"')
		case ftOperand:
			if xlsxOperandIsRef(t.text) {
				b.WriteString(xlsxShiftRef(t.text, dCol, dRow))
			} else {
				b.WriteString(t.text)
			}
		case ftSpace:
			b.WriteByte(' ')
		case ftNoop:
		default:
			b.WriteString(t.text)
		}
	}
	return b.String()
}

// xlsxFormulaKind is the kind of a formula token.
type xlsxFormulaKind int

const (
	ftOperand   xlsxFormulaKind = iota // a number, TRUE/FALSE or a reference
	ftText                             // a string constant, without its quotes
	ftError                            // an error constant (#N/A)
	ftFuncStart                        // a function's name and "("
	ftSubStart                         // "(" of a parenthesised expression
	ftStop                             // ")"
	ftSep                              // ",": between arguments, or union
	ftInfix                            // + - * / ^ & = > < >= <= <>
	ftPostfix                          // %
	ftSpace                            // spaces
	ftUnknown                          // text the tokenizer does not expect
	ftNoop                             // a dropped unary plus
)

// xlsxFormulaToken is one token of a formula.
type xlsxFormulaToken struct {
	kind xlsxFormulaKind
	text string
}

// xlsxFormulaErrors are the error constants a formula may hold.
var xlsxFormulaErrors = []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA"}

// xlsxFormulaTokens splits a formula into the tokens xlsxShiftFormula
// writes back: those excelize's tokenizer found, spaces already reduced to
// intersections and unary pluses marked ftNoop.
func xlsxFormulaTokens(formula string) []xlsxFormulaToken {
	formula = strings.TrimSpace(formula)
	if formula == "" {
		return nil
	}
	if formula[0] != '=' {
		formula = "=" + formula
	}
	src := []rune(formula)
	var (
		toks  []xlsxFormulaToken
		stack []string // names of the open functions; "" for a parenthesis
		tok   []rune
		state byte // '"' in a string, '\'' in a quoted name, '[' in brackets, '#' in an error constant
	)
	add := func(kind xlsxFormulaKind, text string) { toks = append(toks, xlsxFormulaToken{kind, text}) }
	flush := func(kind xlsxFormulaKind) {
		if len(tok) > 0 {
			add(kind, string(tok))
			tok = tok[:0]
		}
	}
	open := func(kind xlsxFormulaKind, name string) {
		add(kind, name)
		stack = append(stack, name)
	}
	pop := func() {
		if len(stack) > 0 {
			stack = stack[:len(stack)-1]
		}
		add(ftStop, "")
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		next := rune(0)
		if i+1 < len(src) {
			next = src[i+1]
		}
		switch state {
		case '"':
			switch {
			case c == '"' && next == '"':
				tok = append(tok, '"')
				i++
			case c == '"':
				state = 0
				add(ftText, string(tok))
				tok = tok[:0]
			default:
				tok = append(tok, c)
			}
			continue
		case '\'':
			switch {
			case c == '\'' && next == '\'':
				tok = append(tok, '\'')
				i++
			case c == '\'':
				state = 0
			default:
				tok = append(tok, c)
			}
			continue
		case '[':
			if c == ']' {
				state = 0
			}
			tok = append(tok, c)
			continue
		case '#':
			tok = append(tok, c)
			if slices.Contains(xlsxFormulaErrors, string(tok)) {
				state = 0
				add(ftError, string(tok))
				tok = tok[:0]
			}
			continue
		}
		if (c == '+' || c == '-') && len(tok) > 1 && xlsxExponent(string(tok)) {
			tok = append(tok, c) // 1.5E+3
			continue
		}
		switch {
		case c == '"' || c == '\'':
			flush(ftUnknown)
			state = byte(c)
		case c == '[':
			state = '['
			tok = append(tok, c)
		case c == '#':
			flush(ftUnknown)
			state = '#'
			tok = append(tok, c)
		case c == '{':
			flush(ftUnknown)
			open(ftFuncStart, "ARRAY")
			open(ftFuncStart, "ARRAYROW")
		case c == ';':
			flush(ftOperand)
			if len(stack) > 0 && stack[len(stack)-1] == "ARRAYROW" {
				pop()
				add(ftSep, ",")
				open(ftFuncStart, "ARRAYROW")
			} else {
				add(ftUnknown, ";")
			}
		case c == '}':
			flush(ftOperand)
			pop()
			pop()
		case c == ' ':
			flush(ftOperand)
			add(ftSpace, "")
			for i+1 < len(src) && src[i+1] == ' ' {
				i++
			}
		case (c == '<' || c == '>') && (next == '=' || c == '<' && next == '>'):
			flush(ftOperand)
			add(ftInfix, string([]rune{c, next}))
			i++
		case strings.ContainsRune("+-*/^&=><", c):
			flush(ftOperand)
			add(ftInfix, string(c))
		case c == '%':
			flush(ftOperand)
			add(ftPostfix, "%")
		case c == '(':
			if len(tok) > 0 {
				open(ftFuncStart, string(tok))
				tok = tok[:0]
			} else {
				open(ftSubStart, "")
			}
		case c == ',':
			flush(ftOperand)
			add(ftSep, ",")
		case c == ')':
			flush(ftOperand)
			pop()
		default:
			tok = append(tok, c)
		}
	}
	flush(ftOperand) // whatever is left, even an unclosed string

	// The formula's first token (its "=") is dropped, and a space is kept
	// only between a reference, a constant or a closing parenthesis and a
	// reference, a constant, a function or an opening parenthesis.
	isOperand := func(k xlsxFormulaKind) bool { return k == ftOperand || k == ftText || k == ftError }
	var out []xlsxFormulaToken
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.kind == ftSpace {
			if i == len(toks)-1 {
				continue
			}
			prev, next := toks[i-1].kind, toks[i+1].kind
			if !(prev == ftStop || isOperand(prev)) || !(next == ftFuncStart || next == ftSubStart || isOperand(next)) {
				continue
			}
		}
		out = append(out, t)
	}
	// A "+" is unary, and dropped, unless it follows an operand, a closing
	// parenthesis or "%"; one that starts the formula stays unless alone.
	for i := range out {
		if out[i].kind != ftInfix || out[i].text != "+" {
			continue
		}
		if i == 0 {
			if len(out) == 1 {
				out[i].kind = ftNoop
			}
			continue
		}
		if p := out[i-1].kind; !(p == ftStop || p == ftPostfix || isOperand(p)) {
			out[i].kind = ftNoop
		}
	}
	return out
}

// xlsxExponent reports whether s is the start of a number in scientific
// notation up to its "E" (a digit 1–9, maybe a fraction, then "E"), so that
// a sign after it belongs to the number.
func xlsxExponent(s string) bool {
	n := len(s)
	if n < 2 || s[0] < '1' || s[0] > '9' || s[n-1] != 'E' {
		return false
	}
	frac := s[1 : n-1]
	if frac == "" {
		return true
	}
	if len(frac) < 2 || frac[0] != '.' {
		return false
	}
	for _, c := range []byte(frac[1:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// xlsxOperandIsRef reports whether an operand is read as a reference: not
// a number (as strconv.ParseFloat reads one) and not TRUE or FALSE.
func xlsxOperandIsRef(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return false
	}
	return s != "TRUE" && s != "FALSE"
}

// xlsxShiftRef moves a reference operand by dCol columns and dRow rows,
// each part between colons on its own, as excelize did: a cell ("B3"), a
// column ("B") or a row ("3"). A "$" before the column or the row keeps it
// where it is; a part that is none of these (one with a sheet name, a
// defined name) is left as it is. A part moved off the sheet becomes
// empty, and a row moved above row 1 keeps its number ("$B0"), as in
// excelize.
func xlsxShiftRef(ref string, dCol, dRow int) string {
	parts := strings.Split(ref, ":")
	for j, part := range parts {
		bare := strings.ReplaceAll(part, "$", "")
		if col, row, ok := xlsxParseRef(bare); ok {
			absCol := strings.Index(part, "$") == 0
			absRow := strings.LastIndex(part, "$") > 0
			switch {
			case !absCol && !absRow:
				parts[j], _ = xlsxCellName(col+dCol, row+dRow)
			case !absCol && absRow:
				name, _ := xlsxColumnName(col + dCol)
				parts[j] = name + "$" + strconv.Itoa(row)
			case absCol && !absRow:
				name, _ := xlsxColumnName(col)
				parts[j] = "$" + name + strconv.Itoa(row+dRow)
			}
			continue
		}
		if strings.HasPrefix(part, "$") {
			continue
		}
		if col, ok := xlsxColumnNumber(bare); ok {
			parts[j], _ = xlsxColumnName(col + dCol)
		} else if row, err := strconv.Atoi(bare); err == nil {
			parts[j] = strconv.Itoa(row + dRow)
		}
	}
	return strings.Join(parts, ":")
}
