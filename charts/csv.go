package charts

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// WriteCSV writes exactly the figures the chart draws, its Tables, as
// UTF-8 CSV for a spreadsheet. It opens with a block of lines starting
// with "#" (a reader's comment character, csv.Reader.Comment): the
// chart's title, its source line, how to cite the source and the chart's
// notes. Each table follows, after a blank line: a "#" line with its
// caption, a header row and the rows. A figure's footnote mark is taken
// off the figure and its text put in a "Note" column, so that figures
// stay numbers; a link is written as its address, and a cell's note (what
// kind of page a source is) in a column of its own after it. Tables
// differ in their number of columns (csv.Reader.FieldsPerRecord -1).
func (c *Chart) WriteCSV(w io.Writer) error {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	s := c.Spec
	// Comment lines are written as they are: quoted, a reader would not
	// take them for comments.
	comment := func(text string) {
		cw.Flush()
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString("# " + line + "\n")
			}
		}
	}
	comment(s.Title)
	comment(s.Subtitle)
	if s.Citation != "" {
		comment(s.Lang.T("chart.cite", s.Citation))
	}
	for _, n := range s.Notes {
		comment(s.Lang.T("chart.csv.note", n))
	}
	comment(s.Lang.T("chart.csv.made_with"))
	for _, t := range c.Tables() {
		cw.Flush()
		b.WriteString("\n")
		comment(t.Caption)
		header, rows := csvTable(s.Lang, t)
		cw.Write(header)
		for _, r := range rows {
			cw.Write(r)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// csvTable lays a table out as CSV records: footnote marks become a Note
// column, links their addresses, cell notes a column after their cell.
func csvTable(l i18n.Lang, t Table) (header []string, rows [][]string) {
	noted := make([]bool, len(t.Header))
	for _, r := range t.Rows {
		for i, c := range r {
			if c.Note != "" && i < len(noted) {
				noted[i] = true
			}
		}
	}
	for i, h := range t.Header {
		header = append(header, h)
		if noted[i] {
			header = append(header, l.T("chart.csv.col_note", h))
		}
	}
	if len(t.Notes) > 0 {
		header = append(header, l.T("chart.csv.note_col"))
	}
	for _, r := range t.Rows {
		var rec, notes []string
		for i, c := range r {
			text := c.Text
			if c.Href != "" {
				text = c.Href
			}
			for _, n := range t.Notes {
				if n.Mark != "" && strings.HasSuffix(text, n.Mark) {
					trimmed := strings.TrimSuffix(text, n.Mark)
					if r := []rune(trimmed); len(r) > 0 && strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r[len(r)-1]) {
						continue // the end of a longer mark
					}
					text = trimmed
					notes = append(notes, n.Text)
				}
			}
			rec = append(rec, text)
			if i < len(noted) && noted[i] {
				rec = append(rec, c.Note)
			}
		}
		if len(t.Notes) > 0 {
			rec = append(rec, strings.Join(notes, " "))
		}
		rows = append(rows, rec)
	}
	return header, rows
}
