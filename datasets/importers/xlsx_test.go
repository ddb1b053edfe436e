package importers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The reader of xlsx.go replaces excelize in the binary; excelize stays in
// the tests, to write fixtures and to check that the reader returns what
// excelize returned for the same workbook: the sheet list, each sheet's
// raw rows (Rows and Columns with RawCellValue, as the importers used
// them) and each cell's formula (GetCellFormula).

// xlsxRawBook builds a workbook from the XML of its parts. Unless given,
// the package relationships name xl/workbook.xml, the workbook lists one
// sheet "Sheet1" whose relationship rId1 targets worksheets/sheet1.xml,
// and sheet1's <sheetData> holds sheetData.
func xlsxRawBook(sheetData string, parts map[string]string) []byte {
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": xlsxRawSheet(sheetData),
	}
	for name, text := range parts {
		if text == "" {
			delete(all, name)
		} else {
			all[name] = text
		}
	}
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	slices.Sort(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		io.WriteString(w, all[name])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// xlsxRawSheet is a worksheet part with the given <sheetData> content.
func xlsxRawSheet(sheetData string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<sheetData>` + sheetData + `</sheetData></worksheet>`
}

// xlsxRawStrings is a shared strings part with the given <si> items.
func xlsxRawStrings(items string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + items + `</sst>`
}

// excelizeRows reads a sheet as the importers read it with excelize.
func excelizeRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	for n := 1; it.Next(); n++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(row) > 0 {
			for len(rows) < n-1 {
				rows = append(rows, nil)
			}
			rows = append(rows, row)
		}
	}
	return rows, it.Error()
}

// xlsxCrossCheck asserts that the reader and excelize read data alike:
// the same sheets, the same rows in every sheet, the same formula in
// every cell of them. It returns the number of cells compared.
func xlsxCrossCheck(t testing.TB, data []byte) int {
	t.Helper()
	ex, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer ex.Close()
	wb, err := xlsxParse(data)
	if err != nil {
		t.Fatalf("xlsxParse: %v", err)
	}
	if got, want := wb.Sheets(), ex.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, excelize %q", got, want)
	}
	cells := 0
	for i, name := range wb.Sheets() {
		want, err := excelizeRows(ex, name)
		if err != nil {
			t.Fatalf("sheet %q: excelize: %v", name, err)
		}
		sh, err := wb.sheet(i)
		if err != nil {
			t.Fatalf("sheet %q: %v", name, err)
		}
		if !slices.EqualFunc(sh.rows, want, slices.Equal) {
			for r := 0; r < max(len(sh.rows), len(want)); r++ {
				var g, w []string
				if r < len(sh.rows) {
					g = sh.rows[r]
				}
				if r < len(want) {
					w = want[r]
				}
				if !slices.Equal(g, w) {
					t.Fatalf("sheet %q row %d:\n got %q\nwant %q (excelize)", name, r+1, g, w)
				}
			}
		}
		// A sheet without formula elements has no formulas in excelize
		// (asking for each of its cells' takes most of the time).
		rc, err := wb.parts[wb.sheets[i].part].Open()
		if err != nil {
			t.Fatal(err)
		}
		hasFormulas := containsFormula(rc)
		rc.Close()
		for r, row := range sh.rows {
			for c := range row {
				cell, _ := xlsxCellName(c+1, r+1)
				want := ""
				if hasFormulas {
					if want, err = ex.GetCellFormula(name, cell); err != nil {
						t.Fatalf("sheet %q cell %s: excelize: %v", name, cell, err)
					}
				}
				if got := sh.formula(r+1, c+1); got != want {
					t.Fatalf("sheet %q cell %s: formula %q, excelize %q", name, cell, got, want)
				}
				cells++
			}
		}
	}
	return cells
}

// What excelize returned for each kind of cell, raw: the reader returns
// the same, which the test states as well as checks.
func TestXLSXCellValues(t *testing.T) {
	sst := `<si><t xml:space="preserve">  spaced  </t></si>` +
		`<si><r><t>Rich</t></r><r><rPr><b/></rPr><t xml:space="preserve"> text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>` +
		`<si><t>a_x000D_b _x005F_x0041_ c&amp;d</t></si>` +
		`<si><t/></si>` +
		`<si><t>Қазақстан</t></si>`
	data := xlsxRawBook(
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>4</v></c></row>`+
			// Numbers as stored, full precision; a boolean is 1 or 0; an error; a date as stored.
			`<row r="2"><c r="A2"><v>0.48978098244207531</v></c><c r="B2" t="n"><v>1.5E-2</v></c><c r="C2" t="b"><v>1</v></c>`+
			`<c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2024-03-01T00:00:00Z</v></c></row>`+
			// A skipped row; cells skipping columns; cells without r follow the previous one.
			`<row r="4"><c r="C4" t="inlineStr"><is><t>inline</t><r><t> run</t></r></is></c><c t="str"><f>C4&amp;"!"</f><v>inline run!</v></c>`+
			`<c r="H4" s="3"/><c><v>9</v></c></row>`+
			// A row without r follows the previous one; an empty shared string, an empty styled cell.
			`<row><c r="A5" t="s"><v>3</v></c><c r="B5" s="1"/><c r="C5"><v>5</v></c><c r="D5" s="2"/></row>`+
			// A formula whose value is empty counts as a cell.
			`<row r="7"><c r="A7"><v>1</v></c><c r="C7" t="str"><f>""</f><v></v></c></row>`+
			// Nothing but empty cells: no row.
			`<row r="9"><c r="A9" s="1"/></row>`,
		map[string]string{"xl/sharedStrings.xml": xlsxRawStrings(sst)})
	want := [][]string{
		{"  spaced  ", "Rich text", "a\rb _x0041_ c&d", "Қазақстан"},
		{"0.48978098244207531", "1.5E-2", "1", "0", "#N/A", "2024-03-01T00:00:00Z"},
		nil,
		{"", "", "inline run", "inline run!", "", "", "", "", "9"},
		{"", "", "5"},
		nil,
		{"1", "", ""},
	}
	wb, err := xlsxParse(data)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := wb.sheet(0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(sh.rows, want, slices.Equal) {
		t.Errorf("rows\n%q\nwant\n%q", sh.rows, want)
	}
	if f := sh.formula(4, 4); f != `C4&"!"` {
		t.Errorf("D4 formula %q", f)
	}
	xlsxCrossCheck(t, data)
}

// Sheets are listed in workbook order whatever the order of their parts
// and relationships; a target may be relative to the workbook's folder or
// absolute, in the strict dialect too, and the workbook need not be in xl/.
func TestXLSXSheets(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId9" Type="t" Target="/book/sheets/first.xml"/>` +
		`<Relationship Id="rId2" Type="t" Target="../book/sheets/second.xml"/>` +
		`<Relationship Id="rId1" Type="t" Target="sheets\third.xml"/></Relationships>`
	for _, dialect := range []struct{ office, rel string }{
		{xlsxOfficeDocument, xlsxRelNS},
		{xlsxStrictOfficeDocument, xlsxStrictRelNS},
	} {
		data := xlsxRawBook("", map[string]string{
			"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="` + dialect.office + `" Target="/book/main.xml"/></Relationships>`,
			"xl/workbook.xml":            "",
			"xl/_rels/workbook.xml.rels": "",
			"xl/worksheets/sheet1.xml":   "",
			"book/main.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + dialect.rel + `"><sheets>` +
				`<sheet name="First" sheetId="3" r:id="rId9"/><sheet name="Second " sheetId="1" r:id="rId2"/><sheet name="Third" sheetId="2" r:id="rId1"/></sheets></workbook>`,
			"book/_rels/main.xml.rels": rels,
			"book/sheets/first.xml":    xlsxRawSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
			"book/sheets/second.xml":   xlsxRawSheet(`<row r="1"><c r="A1"><v>2</v></c></row>`),
			"book/sheets/third.xml":    xlsxRawSheet(`<row r="1"><c r="A1"><v>3</v></c></row>`),
		})
		wb, err := xlsxParse(data)
		if err != nil {
			t.Fatal(err)
		}
		if got := wb.Sheets(); !slices.Equal(got, []string{"First", "Second ", "Third"}) {
			t.Fatalf("sheets %q", got)
		}
		for i, want := range []string{"1", "2", "3"} {
			sh, err := wb.sheet(i)
			if err != nil || len(sh.rows) != 1 || sh.rows[0][0] != want {
				t.Errorf("sheet %d: %v %q", i, err, sh.rows)
			}
		}
		xlsxCrossCheck(t, data)
	}
}

// The fixtures the importers' tests build with excelize read the same.
func TestXLSXFixturesMatchExcelize(t *testing.T) {
	books := map[string][]byte{
		"wjp": wjpTestBook(t, wjpTestRows(
			[]any{"Albania", "2012-2013", "Albania_2012-2013", "ALB", "r", 0.4897809824420753, 0.45757112634599578, 0.57, 0.3, 0.4, 0.6, 0.7, 0.4, 0.5, 0.41},
			[]any{"Estonia ", "2014", "", "EST", "r", 1, nil, 0.9, "0.25", "", 0, 0.7, 0.4, 0.5, 0.41})).Bytes(),
		"fh-fiw": fhTestFIWBook(t, fhTestFIWRows(
			[]any{"Estonia", "Europe", "c", 2024, "F", 1, 1, 4, 4, 4, 12, 0, 38, 15, 57, 95},
			[]any{"Russia", "Eurasia", "c", 2023, "NF", 7, 6, 0, 0, 0, nil, 0, 5, 0, 11, 16})).Bytes(),
		"fh-ratings": fhTestRatingsBook(t, []string{"Jan.-Feb. 1973", "1983-84"}, []string{"1972", "Aug.1982-Nov.1983"},
			[][]any{{"South Africa", "2(5)", "3(6)", "F (NF)", 5, 6, "PF"}, {"USSR ", 6, 6, "NF", "-", "-", "-"}},
			[][]any{{"Abkhazia", "-", "-", "-", 7, "-", "NF"}}).Bytes(),
		"cpi": cpiTestBook(t, []any{"Estonia", "EST", "WE/EU", 71, 1, 8, 1.5, 70, 8, 2}, []any{"Brunei Darussalam", "BRN", "AP", nil, nil, nil, nil, 58, 3, 4}),
	}
	// The formula fixtures of xlsx_formula_test.go and the CLI's tests, and
	// a shared formula filled down and across.
	f := excelize.NewFile()
	for i, r := range [][]any{{"indicator", "iso3", "year", "value"}, {"rsf", "KAZ", 2026, 20}, {"rsf", "UZB", 2026, 40}, {"rsf", "KGZ", 2026, 41}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ cell, formula string }{{"D3", "D2*2"}, {"D4", "D3+1"}} {
		if err := f.SetCellFormula("Sheet1", c.cell, c.formula); err != nil {
			t.Fatal(err)
		}
	}
	shared, ref := excelize.STCellFormulaTypeShared, "F2:H5"
	if err := f.SetCellFormula("Sheet1", "F2", "SUM($D2:D$2)*E2+'Sheet1'!A1", excelize.FormulaOpts{Type: &shared, Ref: &ref}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	books["formulas"] = buf.Bytes()
	for name, data := range books {
		t.Run(name, func(t *testing.T) { xlsxCrossCheck(t, data) })
	}
}

// The publishers' workbooks in ../shared/sources read the same as with
// excelize, every sheet and every cell (and formula) of it.
func TestXLSXPublishedMatchExcelize(t *testing.T) {
	for _, src := range []string{
		wjpTestFile,
		"freedomhouse_fiw/All_data_FIW_2013-2025.xlsx",
		"freedomhouse_fiw/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx",
		"cpi/CPI2025_Results.xlsx",
	} {
		t.Run(src, func(t *testing.T) {
			data, err := io.ReadAll(xlsxTestSource(t, src))
			if err != nil {
				t.Fatal(err)
			}
			if n := xlsxCrossCheck(t, data); n < 10000 {
				t.Errorf("only %d cells compared", n)
			}
		})
	}
}

// xlsxSharedFormulaBook is a sheet whose cell C3 starts shared formula 0,
// formula, and whose cells at the given {row, col} share it.
func xlsxSharedFormulaBook(formula string, cells [][2]int) []byte {
	var esc strings.Builder
	xml.EscapeText(&esc, []byte(formula))
	byRow := map[int][]int{3: {3}}
	for _, c := range cells {
		if !slices.Contains(byRow[c[0]], c[1]) {
			byRow[c[0]] = append(byRow[c[0]], c[1])
		}
	}
	var rows []int
	for r := range byRow {
		rows = append(rows, r)
	}
	slices.Sort(rows)
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		cols := byRow[r]
		slices.Sort(cols)
		for _, c := range cols {
			name, _ := xlsxCellName(c, r)
			if r == 3 && c == 3 {
				fmt.Fprintf(&b, `<c r="C3"><f t="shared" ref="C3:Z99" si="0">%s</f><v>1</v></c>`, esc.String())
			} else {
				fmt.Fprintf(&b, `<c r="%s"><f t="shared" si="0"/><v>1</v></c>`, name)
			}
		}
		b.WriteString(`</row>`)
	}
	return xlsxRawBook(b.String(), nil)
}

// A shared formula's cells get the first cell's formula with its relative
// references moved, in the text excelize gave.
func TestXLSXSharedFormulas(t *testing.T) {
	at := func(row, col int) [2]int { return [2]int{row, col} }
	for _, c := range []struct {
		formula string
		cell    [2]int
		want    string
	}{
		{"D3*2", at(5, 3), "D5*2"},
		{"D3*2", at(3, 3), "D3*2"},
		{"=D3*2", at(3, 3), "D3*2"},
		{"SUM($D3:D$3)+$B$1+B:B+3:3+$C:$C+$4:$4", at(4, 5), "SUM($D4:F$3)+$B$1+D:D+4:4+$C:$C+$4:$4"},
		{"+_xlfn.CONCAT(A3,\"_\",B3)", at(9, 3), "+_xlfn.CONCAT(A9,\"_\",B9)"},
		{"1++A3", at(4, 3), "1+A4"},
		{"SUM( A3 , B3 ) + A3 B3", at(4, 3), "SUM(A4,B4)+A4 B4"},
		{"'My sheet'!A3+Sheet2!A3:B3", at(4, 3), "My sheet!A3+Sheet2!A3:B4"},
		{"{1,2;3,4}", at(4, 3), "ARRAY(ARRAYROW(1,2),ARRAYROW(3,4))"},
		{`"say ""A3"""&A3&#REF!`, at(4, 4), `"say ""A3"""&B4&#REF!`},
		{"@IF(A3>=1.5E+3,TRUE,A3%)", at(4, 3), "IF(A4>=1.5E+3,TRUE,A4%)"},
		{"A3+XFD3", at(3, 4), "B3+"},
		{"A3", at(1, 3), "A1"},
		{"A1", at(1, 3), ""},
	} {
		got := func() string {
			wb, err := xlsxParse(xlsxSharedFormulaBook(c.formula, [][2]int{c.cell}))
			if err != nil {
				t.Fatal(err)
			}
			sh, err := wb.sheet(0)
			if err != nil {
				t.Fatal(err)
			}
			return sh.formula(c.cell[0], c.cell[1])
		}()
		if got != c.want {
			t.Errorf("%q at %v = %q, want %q", c.formula, c.cell, got, c.want)
		}
		xlsxCrossCheck(t, xlsxSharedFormulaBook(c.formula, [][2]int{c.cell}))
	}
}

// Damaged workbooks are errors, with the reasons listed in xlsx.go, in the
// messages the importers gave before.
func TestXLSXErrors(t *testing.T) {
	// named is a workbook whose one sheet is WJP's, with parts as given.
	named := func(sheetData string, parts map[string]string) []byte {
		all := map[string]string{"xl/workbook.xml": `<workbook xmlns:r="` + xlsxRelNS + `"><sheets>` +
			`<sheet name="Historical Data" r:id="rId1"/></sheets></workbook>`}
		for k, v := range parts {
			all[k] = v
		}
		return xlsxRawBook(sheetData, all)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("PK\x03\x04 nothing"), `w.xlsx: not a readable xlsx workbook: zip: not a valid zip file`},
		// excelize said "EOF" to these three.
		{"no package relationships", xlsxRawBook("", map[string]string{"_rels/.rels": ""}), `w.xlsx: not a readable xlsx workbook: the archive has no workbook part`},
		{"no workbook part", xlsxRawBook("", map[string]string{"xl/workbook.xml": ""}), `w.xlsx: not a readable xlsx workbook: the archive has no workbook part`},
		{"empty workbook part", xlsxRawBook("", map[string]string{"xl/workbook.xml": "\n\n"}),
			`w.xlsx: not a readable xlsx workbook: part "xl/workbook.xml" is not well-formed XML (line 3)`},
		{"bad workbook XML", xlsxRawBook("", map[string]string{"xl/workbook.xml": "<workbook>\n<sheets></workbook>"}),
			`w.xlsx: not a readable xlsx workbook: part "xl/workbook.xml" is not well-formed XML (line 2)`},
		{"bad shared strings", xlsxRawBook("", map[string]string{"xl/sharedStrings.xml": "<sst><si><t>x</si></sst>"}),
			`w.xlsx: not a readable xlsx workbook: part "xl/sharedStrings.xml" is not well-formed XML (line 1)`},
		{"encoding", xlsxRawBook("", map[string]string{"xl/workbook.xml": `<?xml version="1.0" encoding="ISO-8859-1"?><workbook/>`}),
			`w.xlsx: not a readable xlsx workbook: part "xl/workbook.xml" is not UTF-8 (it declares "ISO-8859-1")`},
		{"duplicate sheet", xlsxRawBook("", map[string]string{"xl/workbook.xml": `<workbook xmlns:r="` + xlsxRelNS + `"><sheets>` +
			`<sheet name="Historical Data" r:id="rId1"/><sheet name=" Historical Data" r:id="rId1"/></sheets></workbook>`}),
			`w.xlsx: more than one sheet named "Historical Data"`},
		{"missing part", named("", map[string]string{"xl/worksheets/sheet1.xml": ""}),
			`w.xlsx: sheet "Historical Data": the workbook has no worksheet part for it`},
		{"truncated sheet", named("", map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">`}),
			`w.xlsx: sheet "Historical Data": part "xl/worksheets/sheet1.xml" is not well-formed XML (line 1)`},
		{"row number", named(`<row r="x1"/>`, nil), `w.xlsx: sheet "Historical Data": invalid row number "x1"`},
		{"row beyond the sheet", named(`<row r="1048577"/>`, nil), `w.xlsx: sheet "Historical Data": invalid row number "1048577"`},
		{"rows out of order", named(`<row r="5"/><row r="3"/>`, nil), `w.xlsx:3: sheet "Historical Data": rows out of order: row 3 after row 5`},
		{"cell reference", named(`<row r="2"><c r="A0"><v>1</v></c></row>`, nil), `w.xlsx:2: sheet "Historical Data": invalid cell reference "A0"`},
		{"cells out of order", named(`<row r="2"><c r="C2"><v>1</v></c><c r="B2"><v>2</v></c></row>`, nil),
			`w.xlsx:2: sheet "Historical Data": cells out of order: B2 after C2`},
		{"columns", named(`<row r="2"><c r="XFD2"><v>1</v></c><c><v>2</v></c></row>`, nil),
			`w.xlsx:2: sheet "Historical Data": more than 16384 columns`},
		{"shared string", named(`<row r="2"><c r="B2" t="s"><v>7</v></c></row>`, nil),
			`w.xlsx:2: sheet "Historical Data": cell B2: no shared string "7"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadWJP(bytes.NewReader(c.data), "w.xlsx")
			var pe *ParseError
			if !errors.As(err, &pe) || err.Error() != c.want {
				t.Errorf("err = %v\nwant  %s", err, c.want)
			}
		})
	}
}

// A sheet may not hold more than xlsxMaxCells cells, empty ones between
// them included: a row of one cell at XFD is 16384 of them.
func TestXLSXCellLimit(t *testing.T) {
	var b strings.Builder
	for r := 1; r <= xlsxMaxCells/xlsxMaxCols+1; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	wb, err := xlsxParse(xlsxRawBook(b.String(), nil))
	if err != nil {
		t.Fatal(err)
	}
	_, err = wb.sheet(0)
	if want := fmt.Sprintf("more than %d cells", xlsxMaxCells); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// Column names and numbers, both ways, agree with excelize's; a column
// beyond XFD is named by its number.
func TestXLSXColName(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD", 16384: "16385", -1: "0"} {
		if got := xlsxColName(c); got != want {
			t.Errorf("xlsxColName(%d) = %q, want %q", c, got, want)
		}
		if c >= 0 && c < xlsxMaxCols {
			if n, ok := xlsxColumnNumber(strings.ToLower(want)); !ok || n != c+1 {
				t.Errorf("xlsxColumnNumber(%q) = %d, %v", want, n, ok)
			}
			if ex, _ := excelize.ColumnNumberToName(c + 1); ex != want {
				t.Errorf("excelize names column %d %q", c+1, ex)
			}
		}
	}
}
