package charts

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestWriteCSV: the CSV opens with the title, source and citation as
// comment lines and holds exactly the rows of the chart's tables, with
// footnote marks moved off the figures into a Note column.
func TestWriteCSV(t *testing.T) {
	names := []string{"Alpha, the first", "Beta \"quoted\"", "Gamma"}
	for _, k := range []Kind{Ranking, Timeline, Profile, Heatmap, Scatter, Slope} {
		s := fixture(k, names, "CSV")
		if k == Ranking {
			s.Series[0].Points[0].Note = "a note on the figure"
		}
		c := build(t, s)
		var b bytes.Buffer
		if err := c.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		lines := strings.Split(out, "\n")
		if lines[0] != "# CSV title" || lines[1] != "# Source: CSV publisher, 2025 edition" || lines[2] != "# Cite: CSV citation" {
			t.Errorf("%s: the CSV does not open with title, source and citation:\n%s", k, strings.Join(lines[:3], "\n"))
		}
		r := csv.NewReader(&b)
		r.Comment, r.FieldsPerRecord = '#', -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		var want int
		for _, tb := range c.Tables() {
			want += 1 + len(tb.Rows)
		}
		if len(recs) != want {
			t.Errorf("%s: %d records, want %d (a header and the rows of each table)", k, len(recs), want)
		}
		for _, name := range names {
			if !strings.Contains(out, strings.ReplaceAll(name, `"`, `""`)) {
				t.Errorf("%s: %q is not in the CSV", k, name)
			}
		}
		if k == Ranking {
			if got := recs[0]; got[len(got)-1] != "Note" {
				t.Errorf("ranking header %q has no Note column", got)
			}
			row := recs[1]
			if row[1] != "80.0" || !strings.HasPrefix(row[len(row)-1], "a note on the figure") {
				t.Errorf("ranking row %q: want the figure without its mark and the note beside it", row)
			}
		}
	}
}
