package charts

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// withNotes gives every second point of every series a note.
func withNotes(s Spec, note string) Spec {
	for i := range s.Series {
		pts := append([]Point(nil), s.Series[i].Points...)
		for j := range pts {
			if j%2 == 0 {
				pts[j].Note = note + " " + s.Series[i].Name + " " + pts[j].Text
			}
		}
		s.Series[i].Points = pts
	}
	return s
}

// TestPointNotes: a point's note is in its tooltip, and its table cell
// carries a mark that numbers the note under the table.
func TestPointNotes(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			spec := withNotes(fixture(k, plainNames, "plain"), "Published as 12.3.")
			c := build(t, spec)
			var notes []Footnote
			marked := 0
			for _, tb := range c.Tables() {
				notes = append(notes, tb.Notes...)
				for _, r := range tb.Rows {
					for _, cell := range r {
						if _, mark := splitMark(cell.Text); mark != "" {
							marked++
						}
					}
				}
			}
			if len(notes) == 0 || marked == 0 {
				t.Fatalf("no footnotes (%d) or marked cells (%d)", len(notes), marked)
			}
			for i, n := range notes {
				if n.Mark != Mark(i+1) || !strings.HasPrefix(n.Text, "Published as 12.3. ") {
					t.Errorf("footnote %d = %+v", i, n)
				}
			}
			var page bytes.Buffer
			if err := c.WritePage(&page, Options{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.String(), `<p class="rk-table-note">¹ Published as 12.3.`) {
				t.Errorf("the page has no footnote under the table")
			}
			var m map[string]any
			if err := json.Unmarshal(c.Option(), &m); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(mustJSON(t, m)), "\nPublished as 12.3. ") {
				t.Errorf("no tooltip holds a note: %s", c.Option())
			}
		})
	}
	if Mark(1) != "¹" || Mark(10) != "¹⁰" {
		t.Errorf("Mark(1) = %q, Mark(10) = %q", Mark(1), Mark(10))
	}
}

// TestHostileNotesAreText: a note is text in the option, the tables and
// the page.
func TestHostileNotesAreText(t *testing.T) {
	for _, k := range Kinds() {
		c := build(t, withNotes(fixture(k, plainNames, "plain"), hostile[0]+hostile[1]))
		opt := c.Option()
		if bytes.ContainsAny(opt, "<>&") || bytes.Contains(opt, []byte("__")) {
			t.Errorf("%s: the option holds raw markup or a __f__ marker", k)
		}
		var page bytes.Buffer
		if err := c.WritePage(&page, Options{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page.String(), "<img") {
			t.Errorf("%s: the page holds the note's markup", k)
		}
	}
}

// splitMark splits a cell's text into its text and trailing footnote mark.
func splitMark(s string) (string, string) {
	r := []rune(s)
	i := len(r)
	for i > 0 && strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r[i-1]) {
		i--
	}
	return string(r[:i]), string(r[i:])
}
