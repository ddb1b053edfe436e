package importers

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// maxFormulaWarnings is how many formula cells are named one by one; the
// rest are counted.
const maxFormulaWarnings = 3

// xlsxFormulaWarnings names the cells of a user's workbook's first sheet
// (as xlsxFirstSheet reads it) that are formulas: their values are the ones
// the spreadsheet last calculated and stored, which rankings uses as they
// are, but they are not figures the user typed (a formula may point at the
// wrong row, or not have been recalculated). The first few are named with
// their formula and value, the others counted. A workbook without formulas,
// or one that cannot be read, gives none.
func xlsxFormulaWarnings(data []byte, file string) (out []string) {
	if !xlsxHasFormulas(data) {
		return nil
	}
	wb, err := xlsxOpen(bytes.NewReader(data), file)
	if err != nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil // a panic of the reader on a malformed sheet: no warnings rather than none of the file
		}
	}()
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil
	}
	sheet := sheets[0]
	sh, err := wb.sheet(0)
	if err != nil {
		return nil
	}
	var more []string
	for i, row := range sh.rows {
		for j, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			cell, ok := xlsxCellName(j+1, i+1)
			if !ok {
				continue
			}
			formula := sh.formula(i+1, j+1)
			if formula == "" {
				continue
			}
			if len(out) < maxFormulaWarnings {
				out = append(out, fmt.Sprintf("%s: cell %s of sheet %q is a formula, %s: the value the spreadsheet last calculated, %s, is used",
					file, cell, sheet, Quote("="+strings.TrimPrefix(formula, "=")), Quote(strings.TrimSpace(v))))
				continue
			}
			more = append(more, cell)
		}
	}
	switch n := len(more); {
	case n == 1:
		out = append(out, fmt.Sprintf("%s: 1 more cell of sheet %q is a formula (%s): check that the values it last calculated are the figures you mean", file, sheet, more[0]))
	case n > 1:
		shown := strings.Join(more[:min(n, maxFormulaWarnings)], ", ")
		if n > maxFormulaWarnings {
			shown += ", …"
		}
		out = append(out, fmt.Sprintf("%s: %d more cells of sheet %q are formulas (%s): check that the values they last calculated are the figures you mean", file, n, sheet, shown))
	}
	return out
}

// xlsxHasFormulas reports whether a worksheet of the workbook has a
// formula element, without parsing it: most users' workbooks have none,
// and then the cells need not be looked at one by one.
func xlsxHasFormulas(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		found := containsFormula(rc)
		rc.Close()
		if found {
			return true
		}
	}
	return false
}

// containsFormula reports whether r holds "<f>" or "<f " (a formula
// element of SpreadsheetML), reading it in chunks.
func containsFormula(r io.Reader) bool {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := r.Read(buf[carry:])
		chunk := buf[:carry+n]
		if bytes.Contains(chunk, []byte("<f>")) || bytes.Contains(chunk, []byte("<f ")) {
			return true
		}
		if err != nil {
			return false
		}
		carry = copy(buf, chunk[max(0, len(chunk)-2):])
	}
}
