package importers

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Fuzz targets of the xlsx reader (make fuzz runs them as it runs the
// importers'): `go test -fuzz FuzzXLSX$ ./datasets/importers`.

// xlsxFuzzSeeds are workbooks to start from: the raw books of the tests
// and books excelize writes.
func xlsxFuzzSeeds(f *testing.F) {
	f.Add(xlsxRawBook(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>x</t></r></is></c></row>`+
		`<row><c t="b"><v>1</v></c><c><f t="shared" ref="B2:B3" si="0">A2+1</f><v>2</v></c></row>`+
		`<row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c></row>`,
		map[string]string{"xl/sharedStrings.xml": xlsxRawStrings(`<si><t>a</t></si>`)}))
	f.Add(xlsxSharedFormulaBook("SUM($A3:B$3)&\"x\"", [][2]int{{4, 4}, {9, 3}}))
	wb := excelize.NewFile()
	wb.SetSheetRow("Sheet1", "A1", &[]any{"country", "year", "value"})
	wb.SetSheetRow("Sheet1", "A3", &[]any{"Kazakhstan", 2024, 3.5})
	wb.SetCellFormula("Sheet1", "D3", "C3*2")
	wb.NewSheet("Second")
	if buf, err := wb.WriteToBuffer(); err == nil {
		f.Add(buf.Bytes())
	}
}

// No input makes the reader panic; every error is one of its reasons, a
// short line; the rows it returns are within a sheet's limits.
func FuzzXLSX(f *testing.F) {
	xlsxFuzzSeeds(f)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkZip(data, "fuzz.xlsx") != nil {
			return
		}
		xlsxCheckBook(t, data)
	})
}

// As FuzzXLSX, for workbooks whose worksheet, shared strings and workbook
// parts are the fuzz strings (zip mutations seldom get past the archive).
func FuzzXLSXParts(f *testing.F) {
	f.Add(xlsxRawSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>x</t></r></is></c></row>`+
		`<row><c t="b"><v>1</v></c><c><f t="shared" ref="B2:B3" si="0">A2+1</f><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c></row>`),
		xlsxRawStrings(`<si><t>a</t></si><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r></si>`), "")
	f.Add(`<worksheet><sheetData><row r="2"><c r="XFD2"><v>1</v></c></row><row r="1048576"/></sheetData></worksheet>`, "",
		`<workbook xmlns:r="`+xlsxRelNS+`"><sheets><sheet name="A" r:id="rId1"/><sheet name="B" r:id="rId9"/></sheets></workbook>`)
	f.Fuzz(func(t *testing.T, sheet, sst, workbook string) {
		parts := map[string]string{"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": sst}
		if workbook != "" {
			parts["xl/workbook.xml"] = workbook
		}
		xlsxCheckBook(t, xlsxRawBook("", parts))
	})
}

// xlsxCheckBook reads a workbook and every sheet of it: each error is one
// of the reader's reasons (xlsxCheckReason), each sheet is within a
// sheet's limits, and asking for any cell's formula does not panic.
func xlsxCheckBook(t *testing.T, data []byte) {
	t.Helper()
	wb, err := xlsxParse(data)
	if err != nil {
		xlsxCheckReason(t, err)
		return
	}
	for i := range wb.Sheets() {
		sh, err := wb.sheet(i)
		if err != nil {
			xlsxCheckReason(t, err)
			continue
		}
		cells := 0
		for r, row := range sh.rows {
			cells += len(row)
			if len(row) > xlsxMaxCols || r >= xlsxMaxRows {
				t.Fatalf("row %d of %d cells", r+1, len(row))
			}
			for c := range row {
				sh.formula(r+1, c+1)
			}
		}
		if cells > xlsxMaxCells {
			t.Fatalf("%d cells", cells)
		}
	}
}

// xlsxCheckReason asserts that err is an *xlsxError with a short message
// on one line, about a row of the sheet if about one.
func xlsxCheckReason(t *testing.T, err error) {
	t.Helper()
	var xe *xlsxError
	if !errors.As(err, &xe) || xe.row < 0 || xe.row > xlsxMaxRows {
		t.Fatalf("error is not a reason: %#v", err)
	}
	if msg := (&ParseError{File: "fuzz.xlsx", Err: err}).Error(); len(msg) > 600 || !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("message is not one short line: %q", msg)
	}
}

// xlsxGen makes choices from fuzz bytes (0 once they are used up).
type xlsxGen struct{ b []byte }

// n is a choice among k.
func (g *xlsxGen) n(k int) int {
	if len(g.b) == 0 || k <= 1 {
		return 0
	}
	v := int(g.b[0])
	g.b = g.b[1:]
	return v % k
}

// pick is one of list.
func (g *xlsxGen) pick(list ...string) string { return list[g.n(len(list))] }

// text is XML character data: a few fragments.
func (g *xlsxGen) text() string {
	var b strings.Builder
	for i := g.n(4); i >= 0; i-- {
		b.WriteString(g.pick("x", "Kazakhstan", " spaced ", "Қазақстан", "&amp;", "&lt;&gt;", "_x000D_", "_x005F_x0041_",
			"_xD800_", "_x00e9_", "a\r\nb", "<![CDATA[c<d]]>", "0.4897809824420753", "", "\t", "&#x41;", "\"'"))
	}
	return b.String()
}

// run is a string item's or an inline string's content.
func (g *xlsxGen) run() string {
	var b strings.Builder
	switch g.n(4) {
	case 0:
		fmt.Fprintf(&b, `<t>%s</t>`, g.text())
	case 1:
		fmt.Fprintf(&b, `<t xml:space="preserve">%s</t>`, g.text())
	case 2:
		for i := g.n(3); i >= 0; i-- {
			b.WriteString(g.pick(`<r><t>`+g.text()+`</t></r>`, `<r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">`+g.text()+`</t></r>`, `<r><rPr/></r>`))
		}
		if g.n(2) == 1 {
			b.WriteString(`<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/>`)
		}
	default:
		fmt.Fprintf(&b, `<t>%s</t><r><t>%s</t></r>`, g.text(), g.text())
	}
	return b.String()
}

// formula is formula text from fragments, escaped for XML.
func (g *xlsxGen) formula() string {
	var b strings.Builder
	for i := g.n(6); i >= 0; i-- {
		b.WriteString(g.pick("A1", "B2", "$C$3", "D$4", "$E5", "A:A", "$B:B", "3:3", "$4:$4", "A1:B2", "Sheet2!A1", "'My sheet'!B2:C3",
			"SUM(", "IF(", "@MAX(", "_xlfn.CONCAT(", ")", "(", ",", ";", " ", "  ", "+", "-", "*", "/", "^", "&", "=", "<>", ">=", "<", "%",
			`"text"`, `"a""b"`, "TRUE", "FALSE", "1.5E+3", "2E-1", "12", "0.5", "#REF!", "#N/A", "#DIV/0!", "{1,2;3,4}", "[1]Book!A1",
			"XFD1", "A1048576", "ZZZ9", "name", "'", `"`, "#", "{", "}", "[", "]", "ARRAYROW(1;2)"))
	}
	var esc strings.Builder
	xml.EscapeText(&esc, []byte(b.String()))
	return esc.String()
}

// workbook is a valid workbook, written as Excel writes one (rows and
// cells in order, a cell's reference naming its row, without "$", sheet
// names distinct), sometimes in the strict dialect.
func (g *xlsxGen) workbook() []byte {
	var sst strings.Builder
	nStrings := g.n(6)
	for i := 0; i < nStrings; i++ {
		fmt.Fprintf(&sst, `<si>%s</si>`, g.run())
	}
	names := []string{"Sheet1", "Historical Data", "Country Ratings, Statuses ", "Лист 2", "FIW13-25"}
	nSheets, first := 1+g.n(3), g.n(len(names))
	parts := map[string]string{"xl/sharedStrings.xml": xlsxRawStrings(sst.String())}
	var sheets, rels strings.Builder
	for s := 0; s < nSheets; s++ {
		target := fmt.Sprintf("worksheets/sheet%d.xml", s+1)
		if g.n(2) == 1 {
			target = "/xl/" + target
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, names[(first+2*s)%len(names)], s+1, s+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>`, s+1, target)
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", s+1)] = xlsxRawSheet(g.sheetData(nStrings))
	}
	parts["xl/workbook.xml"] = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + xlsxRelNS + `"><sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	if g.n(3) == 0 {
		for name, text := range parts {
			parts[name] = strings.ReplaceAll(text, xlsxRelNS, xlsxStrictRelNS)
		}
		parts["_rels/.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + xlsxStrictOfficeDocument + `" Target="xl/workbook.xml"/></Relationships>`
	}
	return xlsxRawBook("", parts)
}

// sheetData is the rows of a sheet; nStrings is the number of shared
// strings.
func (g *xlsxGen) sheetData(nStrings int) string {
	var b bytes.Buffer
	row, si := 0, 0
	masters := 0
	for i := g.n(10); i > 0; i-- {
		numbered := g.n(4) != 0
		if numbered {
			row += 1 + g.n(3)
			fmt.Fprintf(&b, `<row r="%d"%s>`, row, g.pick("", ` spans="1:5"`, ` ht="15" customHeight="1"`))
		} else {
			row++
			b.WriteString(`<row>`)
		}
		// A row without r has cells all with r or all without (excelize
		// placed those of its DOM by their index, not after the previous).
		allRefs := g.n(2) == 1
		col := 0
		for j := g.n(8); j > 0; j-- {
			ref := ""
			if numbered && g.n(3) != 0 || !numbered && allRefs {
				col += 1 + g.n(3)
				name, _ := xlsxCellName(col, row)
				ref = ` r="` + name + `"`
			} else {
				col++
			}
			attrs := ref + g.pick("", ` s="1"`, ` s="0"`)
			var f string
			switch g.n(6) {
			case 0:
				f = `<f>` + g.formula() + `</f>`
			case 1:
				f = fmt.Sprintf(`<f t="shared" ref="A1:Z30" si="%d">%s</f>`, masters, g.formula())
				masters++
			case 2:
				if masters > 0 {
					f = fmt.Sprintf(`<f t="shared" si="%d"/>`, g.n(masters+1))
				}
			case 3:
				f = `<f t="array" ref="A1:A2">` + g.formula() + `</f>`
			}
			switch g.n(9) {
			case 0:
				fmt.Fprintf(&b, `<c%s>%s<v>%s</v></c>`, attrs, f, g.pick("1", "0.1000000000000000055511", "-3", "1.5E-2", " 2 ", "", "95"))
			case 1:
				if nStrings > 0 {
					fmt.Fprintf(&b, `<c%s t="s">%s<v>%d</v></c>`, attrs, f, si%nStrings)
					si += 1 + g.n(2)
				} else {
					fmt.Fprintf(&b, `<c%s t="s">%s<v></v></c>`, attrs, f)
				}
			case 2:
				fmt.Fprintf(&b, `<c%s t="inlineStr">%s<is>%s</is></c>`, attrs, f, g.run())
			case 3:
				fmt.Fprintf(&b, `<c%s t="b">%s<v>%s</v></c>`, attrs, f, g.pick("1", "0"))
			case 4:
				fmt.Fprintf(&b, `<c%s t="e">%s<v>%s</v></c>`, attrs, f, g.pick("#N/A", "#DIV/0!", "#REF!"))
			case 5:
				fmt.Fprintf(&b, `<c%s t="str">%s<v>%s</v></c>`, attrs, f, g.text())
			case 6:
				fmt.Fprintf(&b, `<c%s t="d">%s<v>2024-03-01T00:00:00Z</v></c>`, attrs, f)
			case 7:
				fmt.Fprintf(&b, `<c%s>%s</c>`, attrs, f)
			default:
				fmt.Fprintf(&b, `<c%s/>`, attrs)
			}
		}
		b.WriteString(`</row>`)
	}
	return b.String()
}

// Workbooks made from the fuzz bytes read as excelize reads them: the
// sheet list, every sheet's rows and every cell's formula.
func FuzzXLSXMatchesExcelize(f *testing.F) {
	for _, seed := range []string{"", "\x05\x03\x01\x07\x02\x09\x04\x08\x06", "hello, workbook: shared formulas and strings",
		strings.Repeat("\x01\x02\x03\x04\x05\x06\x07\x08", 40), strings.Repeat("\xff\x10\x21\x32\x43\x54\x65\x76\x87\x98", 60)} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		g := &xlsxGen{b: b}
		xlsxCrossCheck(t, g.workbook())
	})
}

// A shared formula's text at any cell is the one excelize gives, whatever
// the formula.
func FuzzXLSXSharedFormula(f *testing.F) {
	for _, s := range []string{"D3*2", "SUM($D3:D$3)+$B$1+B:B+3:3", "+_xlfn.CONCAT(A3,\"_\",B3)", "SUM( A3 , B3 ) + A3 B3",
		"'My sheet'!A3+Sheet2!A3:B3", "{1,2;3,4}", `"say ""A3"""&A3&#REF!`, "@IF(A3>=1.5E+3,TRUE,A3%)", "A3+XFD3",
		"=1+-+A3", "'unclosed", `"unclosed`, "#ERR A1", "[1]!A3", "INF3+NaN+1e999+0x1p3", "ARRAYROW(1;2)", "A3 ;B3", "1E+A3"} {
		f.Add(s, uint8(1), uint8(2))
	}
	f.Fuzz(func(t *testing.T, formula string, row, col uint8) {
		r, c := 1+int(row%60), 1+int(col%60)
		xlsxCrossCheck(t, xlsxSharedFormulaBook(formula, [][2]int{{r, c}}))
	})
}
