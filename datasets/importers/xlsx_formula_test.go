package importers

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A user's workbook whose cells are formulas is read with the values the
// spreadsheet last calculated, as before, but each such cell is named in a
// warning: the figure is not one the user typed.
func TestLongXLSXFormulasAreNamed(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"indicator", "iso3", "year", "value"},
		{"rsf", "KAZ", 2026, 20},
		{"rsf", "UZB", 2026, 40},
		{"rsf", "KGZ", 2026, 41},
		{"rsf", "TJK", 2026, 42},
		{"rsf", "GEO", 2026, 43},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ cell, formula string }{{"D3", "D2*2"}, {"D4", "D3+1"}, {"D5", "D4+1"}, {"D6", "D5+1"}} {
		if err := f.SetCellFormula("Sheet1", c.cell, c.formula); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	lf, err := ReadLongFile(bytes.NewReader(buf.Bytes()), "book.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if v := lf.Records[1].Obs.Value; v != 40 {
		t.Errorf("UZB = %v, want the cached 40", v)
	}
	want := []string{
		`book.xlsx: cell D3 of sheet "Sheet1" is a formula, "=D2*2": the value the spreadsheet last calculated, "40", is used`,
		`book.xlsx: cell D4 of sheet "Sheet1" is a formula, "=D3+1": the value the spreadsheet last calculated, "41", is used`,
		`book.xlsx: cell D5 of sheet "Sheet1" is a formula, "=D4+1": the value the spreadsheet last calculated, "42", is used`,
		`book.xlsx: 1 more cell of sheet "Sheet1" is a formula (D6): check that the values it last calculated are the figures you mean`,
	}
	if !slices.Equal(lf.Warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(lf.Warnings, "\n"), strings.Join(want, "\n"))
	}
}
