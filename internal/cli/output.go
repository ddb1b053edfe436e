package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// formatFlag registers --format with the allowed values, the first being
// the default.
func formatFlag(cmd *cobra.Command, p *string, allowed ...string) {
	cmd.Flags().StringVarP(p, "format", "f", allowed[0], "output format: "+strings.Join(allowed, ", "))
	cmd.PreRunE = chainPreRun(cmd.PreRunE, func(*cobra.Command, []string) error {
		for _, a := range allowed {
			if *p == a {
				return nil
			}
		}
		return usagef("unknown format %q: use one of %s", *p, strings.Join(allowed, ", "))
	})
}

func chainPreRun(a, b func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	if a == nil {
		return b
	}
	return func(c *cobra.Command, args []string) error {
		if err := a(c, args); err != nil {
			return err
		}
		return b(c, args)
	}
}

func writeJSON(w io.Writer, doc any) error { return docs.WriteJSON(w, doc) }

// writeTable prints a document's CSV form.
func writeTable(w io.Writer, doc docs.Tabular) error { return docs.WriteCSV(w, doc) }

// textTable prints aligned columns; columns whose index is in right are
// right-aligned (numbers).
type textTable struct {
	header []string
	rows   [][]string
	right  map[int]bool
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table whole: into a strings.Builder (where commands
// compose their output before printing it) directly, elsewhere in one
// write, so that a failed write leaves no half-printed line.
func (t *textTable) write(w io.Writer) error {
	lines := t.lines()
	b, direct := w.(*strings.Builder)
	if !direct {
		b = &strings.Builder{}
	}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b.Grow(n)
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	if direct {
		return nil
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// totalWidth is the display width of the table's widest line.
func (t *textTable) totalWidth() int {
	n := 0
	for _, l := range t.lines() {
		n = max(n, width(l))
	}
	return n
}

// lines returns the table's lines, the header first, aligned.
func (t *textTable) lines() []string {
	// A right-aligned cell's footnote mark hangs to the right of the
	// column, so that figures with and without one stay aligned.
	widths := make([]int, len(t.header))
	marks := make([]int, len(t.header))
	measure := func(row []string) {
		for i, c := range row {
			if i >= len(widths) {
				continue
			}
			if t.right[i] {
				base, mark := splitMark(c)
				widths[i], marks[i] = max(widths[i], width(base)), max(marks[i], width(mark))
			} else if width(c) > widths[i] {
				widths[i] = width(c)
			}
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	line := func(row []string) string {
		var b strings.Builder
		spaces := func(n int) {
			for ; n > 0; n-- {
				b.WriteByte(' ')
			}
		}
		for i, c := range row {
			if t.right[i] {
				base, mark := splitMark(c)
				spaces(widths[i] - width(base))
				b.WriteString(base)
				b.WriteString(mark)
				spaces(marks[i] - width(mark))
			} else {
				b.WriteString(c)
				if i < len(row)-1 {
					spaces(widths[i] - width(c))
				}
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	out := []string{line(t.header)}
	for _, r := range t.rows {
		out = append(out, line(r))
	}
	return out
}

// width is the display width of s, ignoring ANSI colour sequences.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if j > 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// footnotes numbers the notes that the cells of a table refer to: mark
// puts a superscript number on a cell, write prints the notes under the
// table. Each note is a whole sentence; the same note gets one number.
type footnotes struct {
	notes []string
	index map[string]int
}

// mark returns text with the number of note; text unchanged when note is
// "".
func (f *footnotes) mark(text, note string) string {
	if note == "" {
		return text
	}
	n, ok := f.index[note]
	if !ok {
		if f.index == nil {
			f.index = map[string]int{}
		}
		f.notes = append(f.notes, note)
		n = len(f.notes)
		f.index[note] = n
	}
	return text + superscript(n)
}

// write prints each note after its number, indented, as a sentence: a
// note that ends with an abbreviation's full stop ("2011–12 гг.") gets no
// second one.
func (f *footnotes) write(b *strings.Builder, indent string) {
	for i, n := range f.notes {
		fmt.Fprintf(b, "%s%s %s\n", indent, superscript(i+1), sentenceEnd(sentenceCase(n)))
	}
}

// sentenceCase starts a note with a capital letter, as a footnote does: a
// row's note ("rank computed by rankings …") reads after a semicolon
// elsewhere.
func sentenceCase(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

const superscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// superscript writes n in superscript digits: 12 is "¹²".
func superscript(n int) string {
	digits := []rune(superscriptDigits)
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digits[d-'0'])
	}
	return b.String()
}

// splitMark splits a cell into its text and a trailing footnote mark.
func splitMark(s string) (text, mark string) {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !strings.ContainsRune(superscriptDigits, r) {
			break
		}
		i -= size
	}
	return s[:i], s[i:]
}

// publishedNoteIn is the note, in language l, of a figure the source's
// current files restate (indicators.Indicator.PublishedNote in English),
// "" for every figure the documents carry as published (published_value
// null).
func publishedNoteIn(l i18n.Lang, ind indicators.Indicator, year int, value float64, published *float64) string {
	if published == nil {
		return ""
	}
	o := indicators.Observation{Year: year, Value: value}
	if l == i18n.EN {
		return ind.PublishedNote(o)
	}
	pub, ok := ind.PublishedValue(o)
	seg, _ := ind.SegmentAt(year)
	if !ok || seg.Restated == nil {
		return ""
	}
	key := "note.published_higher_better"
	if seg.Restated.Published == indicators.LowerIsBetter {
		key = "note.published_lower_better"
	}
	return l.T(key, seg.Restated.Publisher, year, l.Figure(ind.Format(pub)), seg.From, seg.To, l.Figure(ind.Format(value)))
}
