package charts

import (
	"fmt"
	"io"
	"path"
	"strings"

	"gonum.org/v1/plot/vg"
)

// MarkdownOptions say where the chart images of a markdown document go.
type MarkdownOptions struct {
	// Dir is the folder the images are linked from, relative to the
	// markdown file ("report-kaz-uzb-files").
	Dir string
	// Create opens the file of one image, named within Dir
	// ("01-rsf-timeline.svg"), for writing.
	Create func(name string) (io.WriteCloser, error)
	// Width is the width the images are laid out at; 0 is 16 cm, the
	// text width of an A4 page with 2.5 cm margins.
	Width vg.Length
}

// MarkdownImageWidth is the width of a markdown document's images by
// default.
const MarkdownImageWidth = 16 * vg.Centimeter

// WriteMarkdownDocument writes d as a markdown document that pandoc, Word
// and Google Docs import: headings, paragraphs, lists, each chart as an
// SVG image written with o.Create and linked as a figure with its
// description, and tables (the chart's figures and the section's own) as
// pipe tables with their captions and notes. Images are named by the
// section's position, the chart's indicator and kind, "03-wgi-rl-timeline.svg". Text
// from the data is escaped, so it never turns into markup or links.
func WriteMarkdownDocument(w io.Writer, d Document, o MarkdownOptions) error {
	if o.Width == 0 {
		o.Width = MarkdownImageWidth
	}
	var b strings.Builder
	b.WriteString("# " + mdEscape(d.Title) + "\n\n")
	if d.Subtitle != "" {
		b.WriteString(mdEscape(d.Subtitle) + "\n\n")
	}
	for i, s := range d.Sections {
		if s.Heading != "" {
			b.WriteString("## " + mdEscape(s.Heading) + "\n\n")
		}
		for _, p := range s.Paragraphs {
			b.WriteString(mdEscape(p) + "\n\n")
		}
		for _, c := range s.List {
			b.WriteString("- " + mdCell(c) + "\n")
		}
		if len(s.List) > 0 {
			b.WriteString("\n")
		}
		if c := s.Chart; c != nil {
			if o.Create == nil {
				return fmt.Errorf("charts: a markdown document with charts needs MarkdownOptions.Create")
			}
			name := fmt.Sprintf("%02d-%s-%s.svg", i+1, fileSlug(c.Spec.Indicator, "chart"), c.Spec.Kind)
			f, err := o.Create(name)
			if err != nil {
				return err
			}
			err = c.WriteImage(f, SVG, ImageOptions{Width: o.Width})
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			link := path.Join(o.Dir, name)
			fmt.Fprintf(&b, "![%s](%s)\n\n", mdEscape(c.Spec.Title), mdLink(link))
			b.WriteString(mdEscape(c.Description()) + "\n\n")
		}
		for _, t := range s.tables() {
			writeMarkdownTable(&b, t)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tables are the tables a printed section shows: its chart's figures
// and its own.
func (s Section) tables() []Table { return append(s.chartTables(), s.Tables...) }

// chartTables are the figures of the section's chart, without the
// election table when the document has its own (NoEventTable).
func (s Section) chartTables() []Table {
	if s.Chart == nil {
		return nil
	}
	if s.NoEventTable {
		sp := s.Chart.Spec
		sp.Events = nil
		return Tables(sp)
	}
	return s.Chart.Tables()
}

// writeMarkdownTable writes t as a pipe table with pandoc's "Table:"
// caption line and its notes under it.
func writeMarkdownTable(b *strings.Builder, t Table) {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	if n == 0 {
		return
	}
	if t.Caption != "" {
		b.WriteString("Table: " + mdEscape(t.Caption) + "\n\n")
	}
	row := func(cells []string) {
		b.WriteString("|")
		for i := 0; i < n; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	var head []string
	for _, h := range t.Header {
		head = append(head, mdEscape(h))
	}
	row(head)
	b.WriteString("|")
	for i := 0; i < n; i++ {
		if i > 0 && mdNumColumn(t, i) {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		var cells []string
		for _, c := range r {
			cells = append(cells, mdCell(c))
		}
		row(cells)
	}
	b.WriteString("\n")
	for _, note := range t.Notes {
		b.WriteString(note.Mark + " " + mdEscape(note.Text) + "\n\n")
	}
}

// mdNumColumn says whether every filled cell of column i is a figure.
func mdNumColumn(t Table, i int) bool {
	some := false
	for _, r := range t.Rows {
		if i < len(r) && r[i].Text != "" {
			if !r[i].Num {
				return false
			}
			some = true
		}
	}
	return some
}

// mdCell is a cell as markdown: its text, a link where it has one, and its
// note in brackets.
func mdCell(c Cell) string {
	s := mdEscape(c.Text)
	if c.Href != "" {
		s = "[" + s + "](" + mdLink(c.Href) + ")"
	}
	if c.Note != "" {
		s += " (" + mdEscape(c.Note) + ")"
	}
	return s
}

// mdEscape makes text literal in markdown: every character that could
// start markup is backslash-escaped, and line breaks (which would end a
// table row) become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '$', '^', '@':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdLink makes a URL safe inside a markdown link's brackets.
func mdLink(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "", "\r", "")
	return r.Replace(u)
}

// fileSlug is s as a file name: lower-case letters, digits and single
// dashes; def when nothing is left.
func fileSlug(s, def string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" {
		return def
	}
	return out
}
