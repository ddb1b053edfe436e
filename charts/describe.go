package charts

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// Table is the numbers a chart draws, for an accessible HTML <table>.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]Cell
	// Notes are the table's footnotes, shown under it; a cell that one
	// refers to ends with its mark.
	Notes []Footnote
}

// Footnote is a note under a table: its mark ("¹", as the cells that refer
// to it carry it) and its text, whole sentences.
type Footnote struct {
	Mark string
	Text string
}

// footnotes numbers the notes of a table's points.
type footnotes struct{ notes []Footnote }

// mark returns text with the mark of note, a new footnote; text unchanged
// when note is "".
func (f *footnotes) mark(text, note string) string {
	if note == "" {
		return text
	}
	for _, n := range f.notes {
		if n.Text == note {
			return text + n.Mark
		}
	}
	m := Mark(len(f.notes) + 1)
	f.notes = append(f.notes, Footnote{Mark: m, Text: note})
	return text + m
}

// Mark is the footnote mark of the n-th note: n in superscript digits
// ("¹", "¹²").
func Mark(n int) string {
	digits := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digits[d-'0'])
	}
	return b.String()
}

// Cell is one table cell. The first cell of a row is its header (th
// scope="row").
type Cell struct {
	Text string
	Href string // a link, for source URLs
	Num  bool   // right-aligned figure
	// Note is shown after the text or link, in brackets: what kind of page
	// a source is ("secondary source: …").
	Note string
}

// Tables returns the data tables of the chart: the drawn numbers, and for a
// timeline with elections the election table with sources.
func (c *Chart) Tables() []Table { return Tables(c.Spec) }

// Description returns the chart's one-paragraph text description.
func (c *Chart) Description() string { return Describe(c.Spec) }

// Describe writes a one-paragraph description of what the chart shows, in
// plain sentences that state the direction of the scale.
func Describe(s Spec) string {
	out := describe(s)
	for _, n := range s.Notes {
		out += " " + strings.TrimSpace(n)
	}
	return out
}

// describe is the description without the notes.
func describe(s Spec) string {
	s = clean(s)
	var b strings.Builder
	switch s.Kind {
	case Ranking:
		describeRanking(&b, s)
	case Timeline:
		describeTimeline(&b, s)
	case Profile:
		describeProfile(&b, s)
	case Heatmap:
		describeHeatmap(&b, s)
	case Scatter:
		describeScatter(&b, s)
	case Slope:
		describeSlope(&b, s)
	case Map:
		describeMap(&b, s)
	}
	return strings.TrimSpace(b.String())
}

func first(sr Series) (Point, bool) {
	if len(sr.Points) == 0 || sr.Points[0].Missing() {
		return Point{}, false
	}
	return sr.Points[0], true
}

func describeRanking(b *strings.Builder, s Spec) {
	defer func() {
		var hl []string
		for _, sr := range s.Series {
			if sr.Highlight {
				hl = append(hl, sr.Name)
			}
		}
		if len(hl) > 0 {
			b.WriteString(s.Lang.T("chart.desc.highlighted", strings.Join(hl, ", ")))
		}
	}()
	rows := rankingOrder(s)
	var have []Series
	var missing []string
	for _, sr := range rows {
		if _, ok := first(sr); ok {
			have = append(have, sr)
		} else {
			missing = append(missing, sr.Name)
		}
	}
	l := s.Lang
	b.WriteString(l.T("chart.desc.ranking", s.Title, s.Entities.countIn(l, len(have)), s.direction()))
	place := func(sr Series) string {
		p, _ := first(sr)
		if p.Rank > 0 && p.RankOf > 0 {
			return l.T("chart.desc.ranking_place", sr.Name, s.text(p), ordinalIn(l, p.Rank), p.RankOf)
		}
		return fmt.Sprintf("%s (%s)", sr.Name, s.text(p))
	}
	if len(have) > 1 {
		b.WriteString(l.T("chart.desc.first_last", place(have[0]), place(have[len(have)-1])))
	} else if len(have) > 0 {
		b.WriteString(l.T("chart.desc.first", place(have[0])))
	}
	if len(missing) > 0 {
		b.WriteString(l.T("chart.desc.no_figure_for", strings.Join(missing, ", ")))
	}
}

func describeTimeline(b *strings.Builder, s Spec) {
	l := s.Lang
	lo, hi := yearSpan(s)
	title := s.Title
	if !strings.Contains(title, strconv.Itoa(lo)) {
		title = fmt.Sprintf("%s, %d–%d", title, lo, hi)
	}
	panels := s.panels()
	if len(s.Panels) > 1 {
		var parts []string
		for _, pn := range s.Panels {
			parts = append(parts, fmt.Sprintf("%s (%s)", pn.Title, directionIn(l, pn.HigherIsBetter)))
		}
		b.WriteString(l.N("chart.desc.timeline_panels", len(s.Panels), title, namesIn(l, s.Series), len(s.Panels), strings.Join(parts, "; ")))
	} else {
		b.WriteString(l.T("chart.desc.timeline", title, namesIn(l, s.Series), s.direction()))
	}
	for _, sr := range s.Series {
		var pts []Point
		for _, p := range inPanel(sr.Points, panels[len(panels)-1]) {
			if !p.Missing() {
				pts = append(pts, p)
			}
		}
		if len(pts) == 0 {
			b.WriteString(l.T("chart.desc.timeline_none", sr.Name))
			continue
		}
		last := pts[len(pts)-1]
		// The change is told only within the last methodology segment.
		segs := segments(pts, s.Breaks)
		seg := segs[len(segs)-1]
		switch {
		case len(seg) > 1 && s.Covered > 0:
			b.WriteString(l.T("chart.desc.timeline_editions", sr.Name, s.text(seg[0]), int(seg[0].X), s.text(last), int(last.X)))
		case len(seg) > 1:
			b.WriteString(l.T("chart.desc.timeline_years", sr.Name, s.text(seg[0]), int(seg[0].X), s.text(last), int(last.X)))
		case s.Covered > 0:
			b.WriteString(l.T("chart.desc.timeline_edition", sr.Name, s.text(last), int(last.X)))
		default:
			b.WriteString(l.T("chart.desc.timeline_year", sr.Name, s.text(last), int(last.X)))
		}
	}
	if len(s.Breaks) > 0 && len(s.Panels) < 2 {
		var ys []string
		for _, br := range s.Breaks {
			ys = append(ys, strconv.Itoa(br.Year))
		}
		b.WriteString(l.N("chart.desc.breaks", len(ys), strings.Join(ys, ", ")))
	}
	if s.Covered == 1 {
		b.WriteString(l.T("chart.desc.covered"))
	}
	if s.Band != "" {
		b.WriteString(l.T("chart.desc.band", s.Band))
	}
	b.WriteString(l.T("chart.desc.gaps"))
	if len(s.Events) > 0 {
		b.WriteString(l.N("chart.desc.elections", len(s.Events), len(s.Events)))
	}
}

// directionIn is "higher is better" or "lower is better" in language l.
func directionIn(l i18n.Lang, higher bool) string {
	if higher {
		return l.T("chart.higher_better")
	}
	return l.T("chart.lower_better")
}

// ordinalIn is rank n as a description says it: "1st" in English, "1"
// in Russian (whose sentence says «место»).
func ordinalIn(l i18n.Lang, n int) string {
	if l == i18n.RU {
		return strconv.Itoa(n)
	}
	return Ordinal(n)
}

func describeHeatmap(b *strings.Builder, s Spec) {
	l := s.Lang
	lo, hi := yearSpan(s)
	if len(s.Panels) > 1 {
		b.WriteString(l.N("chart.desc.heatmap_blocks", len(s.Panels), s.Title, s.Entities.countIn(l, len(s.Series)), lo, hi, len(s.Panels)))
	} else {
		b.WriteString(l.T("chart.desc.heatmap", s.Title, s.Entities.countIn(l, len(s.Series)), lo, hi, s.direction()))
	}
	type cell struct {
		name string
		p    Point
	}
	empty := 0
	for _, sr := range s.Series {
		have := map[int]bool{}
		for _, p := range sr.Points {
			if !p.Missing() {
				have[int(p.X)] = true
			}
		}
		empty += hi - lo + 1 - len(have)
	}
	// Best and worst are told per methodology: figures of two segments are
	// not comparable.
	for _, pn := range s.panels() {
		var cells []cell
		for _, sr := range s.Series {
			for _, p := range inPanel(sr.Points, pn) {
				if !p.Missing() {
					cells = append(cells, cell{sr.Name, p})
				}
			}
		}
		if len(cells) == 0 {
			continue
		}
		sort.SliceStable(cells, func(i, j int) bool {
			if pn.HigherIsBetter {
				return cells[i].p.Y > cells[j].p.Y
			}
			return cells[i].p.Y < cells[j].p.Y
		})
		bst, wst := cells[0], cells[len(cells)-1]
		if len(s.Panels) > 1 {
			b.WriteString(l.T("chart.desc.heatmap_panel_best", pn.Title, directionIn(l, pn.HigherIsBetter),
				bst.name, int(bst.p.X), s.text(bst.p), wst.name, int(wst.p.X), s.text(wst.p)))
		} else {
			b.WriteString(l.T("chart.desc.heatmap_best", bst.name, int(bst.p.X), s.text(bst.p), wst.name, int(wst.p.X), s.text(wst.p)))
		}
	}
	if empty > 0 {
		b.WriteString(l.N("chart.desc.heatmap_empty", empty, empty))
	}
}

func describeScatter(b *strings.Builder, s Spec) {
	var xs, ys []float64
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if !p.Missing() && finite(p.X) {
				xs, ys = append(xs, p.X), append(ys, p.Y)
			}
		}
	}
	l := s.Lang
	b.WriteString(l.T("chart.desc.scatter", s.Title, s.Entities.countIn(l, len(xs)), s.XLabel, s.YLabel))
	if len(xs) >= 3 {
		rho, n := indicators.Spearman(xs, ys)
		if finite(rho) {
			b.WriteString(l.N("chart.desc.spearman", n, localDecimal(l, fmt.Sprintf("%.2f", rho)), n))
		}
	}
}

func describeSlope(b *strings.Builder, s Spec) {
	l := s.Lang
	lo, hi := yearSpan(s)
	b.WriteString(l.T("chart.desc.slope", s.Title, lo, hi, s.direction()))
	for _, sr := range s.Series {
		var a, z Point
		var aok, zok bool
		for _, p := range sr.Points {
			if p.Missing() {
				continue
			}
			if int(p.X) == lo {
				a, aok = p, true
			}
			if int(p.X) == hi {
				z, zok = p, true
			}
		}
		if !aok || !zok {
			b.WriteString(l.T("chart.desc.slope_lacks", sr.Name))
			continue
		}
		switch {
		case z.Y == a.Y || s.text(a) == s.text(z):
			// Figures that print the same are not said to have moved.
			b.WriteString(l.T("chart.desc.slope_same", sr.Name, s.text(z)))
		case (z.Y > a.Y) == s.HigherIsBetter:
			b.WriteString(l.T("chart.desc.slope_better", sr.Name, s.text(a), s.text(z)))
		default:
			b.WriteString(l.T("chart.desc.slope_worse", sr.Name, s.text(a), s.text(z)))
		}
	}
}

// namesIn lists the series' names as "a, b and c" in language l.
func namesIn(l i18n.Lang, ss []Series) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name)
	}
	switch len(out) {
	case 0:
		return l.T("chart.desc.no_country")
	case 1:
		return out[0]
	}
	return l.T("chart.list_and", strings.Join(out[:len(out)-1], ", "), out[len(out)-1])
}

// localDecimal is a figure formatted the English way ("0.45") with the
// decimal separator of language l.
func localDecimal(l i18n.Lang, s string) string {
	if l == i18n.RU {
		return strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Tables returns the numbers a spec draws as tables.
func Tables(s Spec) []Table {
	s = clean(s)
	switch s.Kind {
	case Ranking:
		t := Table{Caption: s.Lang.T("chart.table.figures_dir", s.Title, s.direction()), Header: []string{s.Entities.headerIn(s.Lang), s.Lang.T("chart.col.value"), s.Lang.T("chart.col.global_rank")}}
		var fn footnotes
		for _, sr := range rankingOrder(s) {
			p := Point{Y: math.NaN()}
			if len(sr.Points) > 0 {
				p = sr.Points[0]
			}
			rank := ""
			if p.Rank > 0 && p.RankOf > 0 && !p.Missing() {
				rank = s.Lang.T("chart.k_of_n", p.Rank, p.RankOf)
			}
			t.Rows = append(t.Rows, []Cell{{Text: sr.Name}, {Text: fn.mark(s.text(p), pointNote(p)), Num: true}, {Text: rank, Num: true}})
		}
		t.Notes = fn.notes
		return []Table{t}
	case Timeline, Heatmap, Slope:
		var out []Table
		for _, pn := range s.panels() {
			out = append(out, yearTable(s, pn))
		}
		if len(s.Events) > 0 {
			l := s.Lang
			et := Table{Caption: l.T("chart.table.elections"), Header: []string{l.T("chart.col.country"), l.T("chart.col.date"), l.T("chart.col.type"), l.T("chart.col.assessment"), l.T("chart.col.summary"), l.T("chart.col.source")}}
			for _, e := range s.Events {
				label := e.Label
				if label == "" {
					label = assessmentWords(l, e.Class)
				}
				summary := e.Summary
				if l == i18n.RU && summary != "" {
					summary = l.T("chart.summary_english", summary)
				}
				et.Rows = append(et.Rows, []Cell{{Text: e.Country}, {Text: l.DateText(e.Date)}, {Text: strings.ReplaceAll(e.Type, "_", " ")},
					{Text: label}, {Text: summary}, {Text: linkText(e.Source), Href: e.Source, Note: e.SourceKind}})
			}
			out = append(out, et)
		}
		return out
	case Profile:
		return []Table{profileTable(s)}
	case Map:
		return []Table{mapTable(s)}
	case Scatter:
		t := Table{Caption: s.Lang.T("chart.table.figures", s.Title), Header: []string{s.Lang.T("chart.col.country"), s.XLabel, s.YLabel}}
		var fn footnotes
		for _, sr := range s.Series {
			for _, p := range sr.Points {
				x := ""
				if finite(p.X) {
					x = localDecimal(s.Lang, strconv.FormatFloat(p.X, 'f', -1, 64))
				}
				y := ""
				if !p.Missing() {
					y = localDecimal(s.Lang, strconv.FormatFloat(p.Y, 'f', -1, 64))
				}
				// The note may be about either figure: the row carries its mark.
				t.Rows = append(t.Rows, []Cell{{Text: fn.mark(sr.Name, pointNote(p))}, {Text: x, Num: true}, {Text: y, Num: true}})
			}
		}
		t.Notes = fn.notes
		return []Table{t}
	}
	return nil
}

// pointNote is a point's note, "" for a missing point.
func pointNote(p Point) string {
	if p.Missing() {
		return ""
	}
	return p.Note
}

// linkText shortens a URL to its host for a table cell.
func linkText(u string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexByte(t, '/'); i > 0 {
		t = t[:i]
	}
	return strings.TrimPrefix(t, "www.")
}

// yearTable is the table of a timeline, heatmap or slope panel: one row per
// year, one column per country, the panel's direction in the caption.
func yearTable(s Spec, pn Panel) Table {
	lo, hi := yearSpan(s)
	lo = max(lo, pn.From)
	if pn.To != 0 {
		hi = min(hi, pn.To)
	}
	caption := s.Lang.T("chart.table.by_year", s.Title, directionIn(s.Lang, pn.HigherIsBetter))
	if len(s.Panels) > 1 {
		caption = s.Lang.T("chart.table.by_year_panel", s.Title, pn.Title, directionIn(s.Lang, pn.HigherIsBetter))
	}
	t := Table{Caption: caption, Header: []string{s.Lang.T("chart.col.year")}}
	for _, sr := range s.Series {
		t.Header = append(t.Header, sr.Name)
	}
	var fn footnotes
	for y := lo; y <= hi; y++ {
		row := []Cell{{Text: strconv.Itoa(y)}}
		any := false
		for _, sr := range s.Series {
			txt := ""
			for _, p := range sr.Points {
				if int(p.X) == y && !p.Missing() {
					txt = s.text(p)
					if p.HasBand() {
						txt += s.Lang.T("chart.band_cell", s.format(p.Lo), s.format(p.Hi))
					}
					txt = fn.mark(txt, p.Note)
					any = true
				}
			}
			row = append(row, Cell{Text: txt, Num: true})
		}
		if any || s.Kind != Slope {
			t.Rows = append(t.Rows, row)
		}
	}
	t.Notes = fn.notes
	return t
}
