package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A workbook's formula cells are imported with their cached values and
// named in a warning, by import and validate alike.
func TestImportXLSXFormulaWarning(t *testing.T) {
	f := excelize.NewFile()
	for i, r := range [][]any{{"indicator", "iso3", "year", "value"}, {"rsf", "KAZ", 2027, 20}, {"rsf", "UZB", 2027, 40}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellFormula("Sheet1", "D3", "D2*2"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "rankings: warning: " + path + `: cell D3 of sheet "Sheet1" is a formula, "=D2*2": the value the spreadsheet last calculated, "40", is used` + "\n"
	dir := filepath.Join(t.TempDir(), "data")
	for _, cmd := range []string{"validate", "import"} {
		stdout, stderr, code := runData(dir, cmd, "long", path)
		if code != 0 || !strings.Contains(stderr, want) || !strings.Contains(stdout, "rsf 2027, 2 figures of 2 countries") {
			t.Errorf("%s: exit %d\n%s%s\nwant the warning %q", cmd, code, stdout, stderr, want)
		}
	}
	stdout, _, _ := runData(dir, "show", "uzbekistan", "-i", "rsf", "--from", "2027")
	if !strings.Contains(stdout, "2027  40.00") {
		t.Errorf("show:\n%s", stdout)
	}
}
