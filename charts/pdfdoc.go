package charts

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/rankings-dev/rankings/internal/i18n"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// PDFOptions lay out a PDF document.
type PDFOptions struct {
	// Letter sets the page to US Letter; the default is A4.
	Letter bool
	// Lang is the document's language tag (default: the Document's Lang,
	// "en" or "ru"); it is also the language of the words the document
	// adds ("Contents", «Содержание»).
	Lang string
}

// The page geometry and type sizes of a PDF document, in points.
const (
	pdfMargin   = 56.0 // about 2 cm on every side
	pdfBody     = 10.0
	pdfSmall    = 8.0
	pdfTable    = 8.5
	pdfHeading  = 15.0
	pdfTitle    = 24.0
	pdfLeading  = 1.32 // line height as a multiple of the type size
	pdfCellPadX = 3.0
	pdfCellPadY = 2.2
)

// WritePDFDocument writes d as a multi-page PDF document: a title page
// with the title, the subtitle and the contents (each entry a link to its
// section, with its page number), then each section from a new page with
// its heading (also a bookmark), paragraphs, list, chart and tables. Text
// is set in Liberation Sans, embedded as a UTF-8 TrueType subset, so that
// Cyrillic prints; paragraphs and table cells wrap, long tables continue
// on the next page under their repeated header, and links stay links.
// Charts are drawn as vector art at the text width by the same code as
// Chart.WriteImage's PDF. Every page but the first carries the title and
// its number in the footer. The output depends only on d and o: the
// creation date is fixed.
func WritePDFDocument(w io.Writer, d Document, o PDFOptions) error {
	// The first pass finds the page of every section; the second writes
	// the contents with those numbers. The contents take the same room
	// either way, so the pages do not move between the passes.
	first, err := layoutPDF(d, o, nil, 0)
	if err != nil {
		return err
	}
	final, err := layoutPDF(d, o, first.pages, first.f.PageNo())
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := final.f.Output(&b); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// pdfDoc is a PDF document being laid out.
type pdfDoc struct {
	f     *fpdf.Fpdf
	res   *pdfResources
	title string
	w, h  float64 // page size
	y     float64 // where the next block starts
	total int     // the number of pages, known in the second pass
	pages []int   // the page each section starts on
	faces map[bool]font.Face
	lang  i18n.Lang // the language of the document's own words
}

func layoutPDF(d Document, o PDFOptions, pages []int, total int) (*pdfDoc, error) {
	size := fpdf.SizeType{Wd: 595.28, Ht: 841.89}
	if o.Letter {
		size = fpdf.SizeType{Wd: 612, Ht: 792}
	}
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: size})
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreationDate(pdfEpoch)
	f.SetModificationDate(pdfEpoch)
	f.SetCreator("rankings", true)
	f.SetProducer("rankings", true)
	f.SetTitle(d.Title, true)
	if o.Lang == "" {
		o.Lang = htmlLang(d.Lang)
	}
	f.SetLang(o.Lang)
	lang, _ := i18n.Parse(o.Lang)
	p := &pdfDoc{f: f, res: &pdfResources{fonts: map[string]bool{}}, title: d.Title, w: size.Wd, h: size.Ht, total: total, faces: map[bool]font.Face{}, lang: lang}
	f.SetFooterFunc(p.footer)
	p.titlePage(d, pages)
	for i, s := range d.Sections {
		p.startSection(s, i == 0)
		p.pages = append(p.pages, f.PageNo())
		if err := p.section(s); err != nil {
			return nil, err
		}
	}
	if err := f.Error(); err != nil {
		return nil, err
	}
	return p, nil
}

// face is Liberation Sans, bold or regular, as the static charts use it.
func (p *pdfDoc) face(bold bool) font.Face {
	if fc, ok := p.faces[bold]; ok {
		return fc
	}
	fn := sansFont
	fn.Variant = "Sans"
	if bold {
		fn.Weight = xfont.WeightBold
	}
	fc := fonts().Lookup(fn, pdfBody)
	p.faces[bold] = fc
	return fc
}

// font selects Liberation Sans at size points.
func (p *pdfDoc) font(bold bool, size float64) {
	if name, ok := pdfFont(p.f, p.res.fonts, p.face(bold)); ok {
		p.f.SetFont(name, "", size)
	}
}

func (p *pdfDoc) grey(level int) { p.f.SetTextColor(level, level, level) }

func (p *pdfDoc) textWidth() float64 { return p.w - 2*pdfMargin }

func (p *pdfDoc) bottom() float64 { return p.h - pdfMargin }

func (p *pdfDoc) newPage() {
	p.f.AddPage()
	p.y = pdfMargin
}

// room starts a new page unless h points fit below y on this one.
func (p *pdfDoc) room(h float64) {
	if p.y+h > p.bottom() && p.y > pdfMargin {
		p.newPage()
	}
}

// footer writes the title and the page number under every page but the
// title page.
func (p *pdfDoc) footer() {
	n := p.f.PageNo()
	if n <= 1 {
		return
	}
	p.font(false, pdfSmall)
	p.grey(90)
	y := p.h - pdfMargin/2
	p.f.SetDrawColor(200, 200, 200)
	p.f.SetLineWidth(0.4)
	p.f.Line(pdfMargin, y-12, p.w-pdfMargin, y-12)
	p.f.Text(pdfMargin, y, p.fit(p.title, p.textWidth()-80))
	num := fmt.Sprintf("%d", n)
	if p.total > 0 {
		num = fmt.Sprintf("%d / %d", n, p.total)
	}
	p.f.Text(p.w-pdfMargin-p.f.GetStringWidth(num), y, num)
	p.grey(0)
}

// fit shortens s with an ellipsis to at most w points in the current font.
func (p *pdfDoc) fit(s string, w float64) string {
	if p.f.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.f.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// titlePage writes the title, the subtitle and the contents; pages is the
// page of each section (nil in the first pass).
func (p *pdfDoc) titlePage(d Document, pages []int) {
	p.newPage()
	p.y = p.h * 0.18
	p.font(true, pdfTitle)
	p.lines(p.wrap(d.Title, p.textWidth()), pdfMargin, pdfTitle*1.2)
	p.y += 10
	p.f.SetDrawColor(0, 114, 178)
	p.f.SetLineWidth(2)
	p.f.Line(pdfMargin, p.y, pdfMargin+72, p.y)
	p.y += 18
	if d.Subtitle != "" {
		p.font(false, 11)
		p.grey(60)
		p.lines(p.wrap(d.Subtitle, p.textWidth()), pdfMargin, 11*1.4)
		p.grey(0)
	}
	p.y += 28
	p.font(true, 12)
	p.f.Text(pdfMargin, p.y+12, p.lang.T("report.pdf.contents"))
	p.y += 24
	for i, s := range d.Sections {
		if s.Heading == "" {
			continue
		}
		p.font(false, pdfBody)
		num := "…"
		if i < len(pages) {
			num = fmt.Sprintf("%d", pages[i])
		}
		nw := p.f.GetStringWidth(num)
		head := p.fit(s.Heading, p.textWidth()-nw-24)
		lh := pdfBody * 1.6
		p.f.Text(pdfMargin, p.y+pdfBody, head)
		p.f.Text(p.w-pdfMargin-nw, p.y+pdfBody, num)
		// Dotted leader between the heading and its page.
		x0 := pdfMargin + p.f.GetStringWidth(head) + 6
		x1 := p.w - pdfMargin - nw - 6
		p.f.SetDrawColor(170, 170, 170)
		p.f.SetLineWidth(0.6)
		p.f.SetDashPattern([]float64{0.6, 2.4}, 0)
		if x1 > x0 {
			p.f.Line(x0, p.y+pdfBody, x1, p.y+pdfBody)
		}
		p.f.SetDashPattern(nil, 0)
		if i < len(pages) {
			link := p.f.AddLink()
			p.f.SetLink(link, pdfMargin, pages[i])
			p.f.Link(pdfMargin, p.y, p.textWidth(), lh, link)
		}
		p.y += lh
	}
}

// lines writes lines from y at x, lh apart, in the current font.
func (p *pdfDoc) lines(ls []string, x, lh float64) {
	_, size := p.f.GetFontSize()
	for _, l := range ls {
		p.f.Text(x, p.y+size, l)
		p.y += lh
	}
}

// wrap breaks s into lines at most w points wide in the current font, at
// spaces, and within a word (a URL) only where the word alone is too wide.
func (p *pdfDoc) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if p.f.GetStringWidth(try) <= w {
				line = try
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			line = word
			for p.f.GetStringWidth(line) > w && utf8.RuneCountInString(line) > 1 {
				r := []rune(line)
				n := len(r) - 1
				for n > 1 && p.f.GetStringWidth(string(r[:n])) > w {
					n--
				}
				out = append(out, string(r[:n]))
				line = string(r[n:])
			}
		}
		out = append(out, line)
	}
	return out
}

// startSection moves to where section s begins: a new page for the first
// section and wherever the rest of this page cannot hold its heading and
// its chart (squeezed as far as chart allows) or, without a chart, its
// heading and a few lines; else further down this page, after a gap, so
// that a short section leaves no page half empty.
func (p *pdfDoc) startSection(s Section, first bool) {
	need := pdfHeading*2.5 + 8 + 6*pdfBody*1.4
	if s.Chart != nil {
		cc := *s.Chart
		cc.staticW = vg.Length(p.textWidth())
		_, hl := cc.Size(ImageOptions{Width: cc.staticW})
		need = pdfHeading*2.5 + 8 + float64(hl) - pdfChartGive
	}
	if first || p.bottom()-(p.y+pdfSectionGap) < need {
		p.newPage()
		return
	}
	p.y += pdfSectionGap
	p.f.SetDrawColor(200, 200, 200)
	p.f.SetLineWidth(0.5)
	p.f.Line(pdfMargin, p.y-pdfSectionGap/2, pdfMargin+p.textWidth(), p.y-pdfSectionGap/2)
}

// pdfSectionGap is the space between two sections on one page, a rule
// halfway.
const pdfSectionGap = 28.0

// section writes one section from the current position.
func (p *pdfDoc) section(s Section) error {
	if s.Heading != "" {
		p.font(true, pdfHeading)
		p.f.Bookmark(s.Heading, 0, p.y)
		p.lines(p.wrap(s.Heading, p.textWidth()), pdfMargin, pdfHeading*1.25)
		p.y += 8
	}
	// The chart comes first, under its heading, where it fits the page
	// whole; the text and the tables flow after it.
	if s.Chart != nil {
		if err := p.chart(s.Chart); err != nil {
			return err
		}
	}
	for _, para := range s.Paragraphs {
		p.paragraph(para, pdfBody, 0)
	}
	for _, it := range s.List {
		p.item(it)
	}
	if len(s.List) > 0 {
		p.y += 4
	}
	for _, t := range s.tables() {
		p.table(t)
	}
	return nil
}

// paragraph writes wrapped text in the body face at size, grey level
// (0 black), with room after it.
func (p *pdfDoc) paragraph(s string, size float64, level int) {
	p.font(false, size)
	p.grey(level)
	lh := size * pdfLeading
	for _, l := range p.wrap(s, p.textWidth()) {
		p.room(lh)
		p.f.Text(pdfMargin, p.y+size, l)
		p.y += lh
	}
	p.grey(0)
	p.y += size * 0.6
}

// item writes a list item with a bullet and a hanging indent; its link,
// if any, covers its text.
func (p *pdfDoc) item(c Cell) {
	p.font(false, pdfBody)
	lh := pdfBody * pdfLeading
	indent := 12.0
	text := c.Text
	if c.Note != "" {
		text += " (" + c.Note + ")"
	}
	for i, l := range p.wrap(text, p.textWidth()-indent) {
		p.room(lh)
		if i == 0 {
			p.f.Text(pdfMargin+2, p.y+pdfBody, "•")
		}
		p.f.Text(pdfMargin+indent, p.y+pdfBody, l)
		if c.Href != "" {
			p.f.LinkString(pdfMargin+indent, p.y, p.f.GetStringWidth(l), lh, c.Href)
		}
		p.y += lh
	}
	p.y += 3
}

// pdfChartGive is how many points a chart's plot may be shortened by to
// fit the rest of a page.
const pdfChartGive = 120

// chart draws c as vector art at the text width: shortened by up to
// pdfChartGive where that fits it on the rest of the page, on a new page
// otherwise.
func (p *pdfDoc) chart(c *Chart) error {
	cc := *c
	cc.staticW = vg.Length(p.textWidth())
	wl, hl := cc.Size(ImageOptions{Width: cc.staticW})
	if left := p.bottom() - p.y; float64(hl) > left && float64(hl)-pdfChartGive <= left {
		wl, hl = cc.Size(ImageOptions{Width: cc.staticW, Height: vg.Length(left)})
	}
	if float64(hl) > p.bottom()-pdfMargin {
		// Taller than a page: scale it down to fit one.
		s := (p.bottom() - pdfMargin) / float64(hl)
		wl, hl = wl*vg.Length(s), hl*vg.Length(s)
		cc.staticW = wl
	}
	p.room(float64(hl))
	cv := newPDFCanvasAt(p.f, pdfMargin, p.y, hl, p.res)
	if err := cc.drawStatic(cv, wl, hl); err != nil {
		return err
	}
	// The canvas leaves its colours, alpha and dashes set.
	p.f.SetAlpha(1, "Normal")
	p.f.SetDashPattern(nil, 0)
	p.f.SetDrawColor(0, 0, 0)
	p.f.SetFillColor(0, 0, 0)
	p.grey(0)
	p.y += float64(hl) + 12
	return nil
}

// cellText is what a table cell prints: its text and, in brackets, its note.
func cellText(c Cell) string {
	if c.Note != "" {
		return c.Text + " (" + c.Note + ")"
	}
	return c.Text
}

// table writes t with its caption, a header row that is repeated on every
// page the table continues on, wrapped cells and its notes.
func (p *pdfDoc) table(t Table) {
	lh := pdfTable * 1.25
	widths := p.columns(t)
	header := make([][]string, len(t.Header))
	p.font(true, pdfTable)
	hh := 0.0
	for i, h := range t.Header {
		header[i] = p.wrap(h, widths[i]-2*pdfCellPadX)
		hh = math.Max(hh, float64(len(header[i]))*lh+2*pdfCellPadY)
	}
	drawHeader := func() {
		p.font(true, pdfTable)
		x := pdfMargin
		for i := range header {
			yy := p.y + pdfCellPadY
			for _, l := range header[i] {
				p.cellLine(l, x, yy, widths[i], i > 0 && p.numColumn(t, i))
				yy += lh
			}
			x += widths[i]
		}
		p.y += hh
		p.f.SetDrawColor(110, 110, 110)
		p.f.SetLineWidth(0.8)
		p.f.Line(pdfMargin, p.y, pdfMargin+sum(widths), p.y)
	}
	// The caption, the header and the first row stay together.
	p.font(true, pdfTable+0.5)
	capLines := p.wrap(t.Caption, p.textWidth())
	first := 0.0
	if len(t.Rows) > 0 {
		first = p.rowHeight(t.Rows[0], widths, lh)
	}
	p.room(float64(len(capLines))*(pdfTable+0.5)*1.3 + hh + first + 6)
	p.font(true, pdfTable+0.5)
	p.lines(capLines, pdfMargin, (pdfTable+0.5)*1.3)
	p.y += 3
	drawHeader()
	for _, row := range t.Rows {
		rh := p.rowHeight(row, widths, lh)
		if p.y+rh > p.bottom() {
			p.newPage()
			p.font(true, pdfTable)
			p.grey(90)
			p.f.Text(pdfMargin, p.y+pdfTable, p.fit(t.Caption+" (continued)", p.textWidth()))
			p.grey(0)
			p.y += lh + 3
			drawHeader()
		}
		x := pdfMargin
		for i, c := range row {
			if i >= len(widths) {
				break
			}
			p.font(false, pdfTable)
			yy := p.y + pdfCellPadY
			ls := p.wrap(cellText(c), widths[i]-2*pdfCellPadX)
			if c.Href != "" {
				p.f.SetTextColor(11, 83, 148)
			}
			for _, l := range ls {
				p.cellLine(l, x, yy, widths[i], c.Num)
				if c.Href != "" {
					p.f.LinkString(x+pdfCellPadX, yy, p.f.GetStringWidth(l), lh, c.Href)
				}
				yy += lh
			}
			p.grey(0)
			x += widths[i]
		}
		p.y += rh
		p.f.SetDrawColor(215, 215, 215)
		p.f.SetLineWidth(0.4)
		p.f.Line(pdfMargin, p.y, pdfMargin+sum(widths), p.y)
	}
	p.y += 6
	for _, n := range t.Notes {
		p.paragraph(n.Mark+" "+n.Text, pdfSmall, 60)
	}
	p.y += 8
}

// cellLine writes one line of a cell whose box starts at x and is w wide,
// right-aligned when num.
func (p *pdfDoc) cellLine(l string, x, y, w float64, num bool) {
	if num {
		p.f.Text(x+w-pdfCellPadX-p.f.GetStringWidth(l), y+pdfTable, l)
		return
	}
	p.f.Text(x+pdfCellPadX, y+pdfTable, l)
}

// numColumn says whether column i of t holds figures (every filled cell
// is Num), so that its header aligns with them.
func (p *pdfDoc) numColumn(t Table, i int) bool {
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

func (p *pdfDoc) rowHeight(row []Cell, widths []float64, lh float64) float64 {
	p.font(false, pdfTable)
	n := 1
	for i, c := range row {
		if i < len(widths) {
			n = max(n, len(p.wrap(cellText(c), widths[i]-2*pdfCellPadX)))
		}
	}
	return float64(n)*lh + 2*pdfCellPadY
}

// columns shares the text width among t's columns: a column whose text
// fits its fair share gets its natural width, and the rest is divided
// among the others in proportion to their natural widths, never below
// their longest word where that can be helped.
func (p *pdfDoc) columns(t Table) []float64 {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	natural := make([]float64, n)
	least := make([]float64, n)
	measure := func(i int, s string, bold bool) {
		p.font(bold, pdfTable)
		for _, l := range strings.Split(s, "\n") {
			natural[i] = math.Max(natural[i], p.f.GetStringWidth(l)+2*pdfCellPadX)
		}
		for _, w := range strings.Fields(s) {
			least[i] = math.Max(least[i], math.Min(p.f.GetStringWidth(w)+2*pdfCellPadX+0.5, p.textWidth()/4))
		}
	}
	for i, h := range t.Header {
		measure(i, h, true)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			measure(i, cellText(c), false)
		}
	}
	avail := p.textWidth()
	if sum(natural) <= avail {
		return natural
	}
	widths := make([]float64, n)
	fixed := make([]bool, n)
	left, open := avail, n
	for changed := true; changed && open > 0; {
		changed = false
		share := left / float64(open)
		for i := range natural {
			if !fixed[i] && natural[i] <= share {
				widths[i], fixed[i] = natural[i], true
				left -= natural[i]
				open--
				changed = true
			}
		}
	}
	var rest float64
	for i := range natural {
		if !fixed[i] {
			rest += natural[i]
		}
	}
	for i := range natural {
		if !fixed[i] {
			widths[i] = left * natural[i] / rest
		}
	}
	// Lift columns below their longest word, taking the room from the
	// column with the most to spare.
	for i := range widths {
		if d := least[i] - widths[i]; d > 0 {
			j := roomiest(widths, least)
			if j != i && widths[j]-d >= least[j] {
				widths[i] += d
				widths[j] -= d
			}
		}
	}
	return widths
}

// roomiest is the column whose width most exceeds its longest word.
func roomiest(widths, least []float64) int {
	j := 0
	for i := range widths {
		if widths[i]-least[i] > widths[j]-least[j] {
			j = i
		}
	}
	return j
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
