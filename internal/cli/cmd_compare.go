package cli

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

func newCompareCmd(env *Env) *cobra.Command {
	var format, group string
	var ids []string
	var year, since int
	cmd := &cobra.Command{
		Use:   "compare <country> <country> [<country>...]",
		Short: "Compare countries side by side on every indicator",
		Long: `Compare countries side by side on every indicator: value, rank "k of N"
(N = every country and territory the source ranked that year), the trend over the last
ten years of the current methodology with its 95% confidence interval, who
is ahead on the indicator's own direction, and whether the difference is
distinguishable where the source publishes uncertainty (WGI's 90% bounds).
Then the latest OSCE/ODIHR election assessment of each country.

Without --year each indicator is shown at the latest year in which all the
countries have figures. --year is the indicator's own year (RSF, WJP and
Freedom House: the edition year).`,
		Example: `  rankings compare kazakhstan uzbekistan
  rankings compare kaz uzb kgz --indicator rsf,wgi-rl --since 2015
  rankings compare Армения Грузия --format markdown`,
		Args: minArgs(2, "compare needs at least two countries, e.g. rankings compare kazakhstan uzbekistan"),
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := env.Store.Registry().ResolveAll(args)
			if err != nil {
				return err
			}
			if year != 0 && since != 0 && since > year {
				return usagef("%s", env.Lang.T("compare.err_since_after_year", since, year))
			}
			doc, err := docs.BuildCompare(env.Store, docs.CompareOptions{Year: year, Since: since, IDs: ids, Group: group, Countries: cs})
			if err != nil {
				return err
			}
			// An option the comparison could not use as given says so,
			// a line each, whatever the format (JSON also has them in
			// "notes").
			for _, n := range doc.NotesIn(env.Lang) {
				fmt.Fprintf(env.Stderr, "rankings: %s\n", n)
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			case "markdown":
				return compareMarkdown(env, doc)
			}
			return compareTable(env, doc)
		},
	}
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator ids, comma-separated (default: all)")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year to compare (default: latest year all countries have)")
	cmd.Flags().IntVar(&since, "since", 0, "base year for trends and change (default: 10 years back, same methodology)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group whose median places the countries: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv", "markdown")
	return cmd
}

// style applies ANSI styles only when colour is on.
type style struct{ on bool }

func (s style) bold(t string) string {
	if !s.on || t == "" {
		return t
	}
	return "\x1b[1m" + t + "\x1b[0m"
}

func (s style) dim(t string) string {
	if !s.on || t == "" {
		return t
	}
	return "\x1b[2m" + t + "\x1b[0m"
}

func colourOn(env *Env) bool { return env.TTY && env.Getenv("NO_COLOR") == "" }

// sparkline draws values as block characters with up = better; a missing
// year is a gap.
func sparkline(vals []*float64, higherIsBetter bool) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if v != nil {
			lo, hi = math.Min(lo, *v), math.Max(hi, *v)
		}
	}
	var b strings.Builder
	for _, v := range vals {
		if v == nil {
			b.WriteRune(' ')
			continue
		}
		f := 0.5
		if hi > lo {
			f = (*v - lo) / (hi - lo)
		}
		if !higherIsBetter {
			f = 1 - f
		}
		b.WriteRune(blocks[int(math.Round(f*float64(len(blocks)-1)))])
	}
	return strings.TrimRight(b.String(), " ")
}

// trendText renders a trend as the TREND column shows it: trendShort's
// arrow and slope at the precision its interval allows, in language l
// ("↘−3.4/y", "↘−3,4/год").
func trendText(l i18n.Lang, t docs.Trend, higherIsBetter bool) string {
	if l == i18n.RU {
		s := trendShort(t, higherIsBetter)
		if rest, ok := strings.CutSuffix(s, "/y"); ok {
			arrow, slope := splitArrow(rest)
			return l.T("compare.trend_per_year", arrow, l.Figure(slope))
		}
		return s
	}
	return trendShort(t, higherIsBetter)
}

// splitArrow parts a short trend into its arrow and its slope.
func splitArrow(s string) (arrow, slope string) {
	for _, a := range []string{"↗", "↘", "→"} {
		if rest, ok := strings.CutPrefix(s, a); ok {
			return a, rest
		}
	}
	return "", s
}

// valueText renders a figure with its publisher's decimals.
func valueText(ind indicators.Indicator, v *float64) string {
	if v == nil {
		return "–"
	}
	return ind.Format(*v)
}

// compareNote is the note on a compared figure that the source's current
// files restate, "" for a figure as published.
func compareNote(l i18n.Lang, ind indicators.Indicator, ci docs.CompareIndicator, v docs.CompareValue) string {
	if v.Value == nil {
		return ""
	}
	return publishedNoteIn(l, ind, ci.Year, *v.Value, v.PublishedValue)
}

func rankText(v docs.CompareValue) string {
	if v.Rank == nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", *v.Rank, *v.RankOf)
}

// aheadText names who is ahead, marked ✓ when the published intervals are
// disjoint and ~ when they overlap (not distinguishable).
func aheadText(l i18n.Lang, ci docs.CompareIndicator) string {
	if ci.Leader == nil {
		if len(ci.Pairs) > 0 {
			return l.T("compare.tie")
		}
		return ""
	}
	s := *ci.Leader
	if ci.Distinguishable != nil {
		if *ci.Distinguishable {
			s += " ✓"
		} else {
			s += " ~"
		}
	}
	return s
}

func directionMark(higher bool) string {
	if higher {
		return "↑"
	}
	return "↓"
}

// compareCells are one indicator's cells, formatted once (footnote marks
// included) for whichever layout fits.
type compareCells struct {
	ci                    docs.CompareIndicator
	ind                   indicators.Indicator
	vals, ranks           []string
	trends, sparks        []string
	ahead, median, header string
}

// compareLayout is which optional columns a layout shows.
type compareLayout struct {
	history, trend bool
	// arrows shows a trend as its arrow only, without the slope.
	arrows bool
}

// compareLayouts are tried in order until one fits the width: the least
// important columns go first (the history sparklines, then the trends'
// slopes, then the trends).
var compareLayouts = []compareLayout{{history: true, trend: true}, {trend: true}, {trend: true, arrows: true}, {}}

func compareTable(env *Env, doc docs.Compare) error {
	cols, err := env.columns()
	if err != nil {
		return err
	}
	st := style{on: colourOn(env)}
	lang := env.Lang
	var b strings.Builder
	var names []string
	for _, c := range doc.Countries {
		names = append(names, lang.T("compare.country", env.countryName(c.ISO3, c.Name), c.ISO3))
	}
	for _, l := range wrapWords(strings.Join(names, lang.T("compare.vs")), cols, "", "") {
		b.WriteString(st.bold(l) + "\n")
	}
	b.WriteString("\n")
	var notes footnotes
	var cells []compareCells
	for _, ci := range doc.Indicators {
		ind, err := env.Store.Indicator(ci.ID)
		if err != nil {
			return err
		}
		c := compareCells{ci: ci, ind: ind, header: ci.ID + " " + directionMark(ci.HigherIsBetter), ahead: aheadText(lang, ci)}
		for i, v := range ci.Values {
			val := lang.Figure(valueText(ind, v.Value))
			if ci.Leader != nil && *ci.Leader == v.ISO3 {
				val = st.bold(val)
			}
			c.vals = append(c.vals, notes.mark(val, compareNote(lang, ind, ci, v)))
			c.ranks = append(c.ranks, rankText(v))
			c.trends = append(c.trends, trendText(lang, ci.Trends[i], ci.HigherIsBetter))
			c.sparks = append(c.sparks, sparkline(ci.Spark[i], ci.HigherIsBetter))
		}
		if ci.Group != nil && ci.Group.Median != nil {
			c.median = fmt.Sprintf("%s (%d/%d)", lang.Figure(valueText(ind, ci.Group.Median)), ci.Group.N, ci.Group.Of)
		}
		cells = append(cells, c)
	}
	// Side by side if it fits, dropping optional columns first; else one
	// block per indicator, a line per country.
	var lines []string
	var shown compareLayout
	full := sideBySide(lang, doc, cells, compareLayouts[0]).totalWidth()
	for _, l := range compareLayouts {
		if t := sideBySide(lang, doc, cells, l); t.totalWidth() <= cols {
			lines, shown = t.lines(), l
			break
		}
	}
	if lines == nil {
		for _, l := range compareLayouts {
			if lines, shown = transposed(lang, st, doc, cells, l, cols); maxWidth(lines) <= cols {
				break
			}
		}
	}
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if left := leftOut(shown); left != "" {
		for _, l := range wrapWords(lang.T(left, cols, full), cols, "", "") {
			b.WriteString(st.dim(l) + "\n")
		}
	}
	for i, n := range notes.notes {
		for _, l := range wrapWords(sentenceCase(n)+".", cols, superscript(i+1)+" ", "  ") {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString("\n")
	for _, para := range strings.Split(compareLegend(lang, doc), "\n") {
		for _, l := range wrapWords(para, cols, "", "  ") {
			b.WriteString(st.dim(l) + "\n")
		}
	}
	if len(doc.Skipped) > 0 {
		b.WriteString("\n" + lang.T("compare.not_compared") + "\n")
		for _, s := range doc.Skipped {
			// The reason may already name the indicator.
			for _, l := range wrapWords(strings.TrimPrefix(s.ReasonIn(lang), s.ID+": "), cols, "  "+s.ID+": ", "    ") {
				b.WriteString(l + "\n")
			}
		}
	}
	if len(doc.Elections) > 0 {
		b.WriteString("\n")
		for _, l := range wrapWords(electionsHeading(lang, doc), cols, "", "") {
			b.WriteString(st.bold(l) + "\n")
		}
		et := &textTable{header: []string{lang.T("col.country"), lang.T("col.date"), lang.T("col.election"), lang.T("col.assessment"), lang.T("col.summary")}}
		for _, e := range doc.Elections {
			et.add(e.ISO3, lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type), docs.AssessmentIn(lang, e.Assessment), e.Summary)
		}
		if et.totalWidth() <= cols {
			if err := et.write(&b); err != nil {
				return err
			}
		} else {
			// Too wide: the summary goes under each election, wrapped.
			for _, e := range doc.Elections {
				for _, l := range fitLine(lang.T("elections.line", e.ISO3, lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type), docs.AssessmentIn(lang, e.Assessment)), cols, "     ") {
					b.WriteString(l + "\n")
				}
				for _, l := range wrapWords(lang.T("elections.summary", e.Summary), cols, "     ", "     ") {
					b.WriteString(l + "\n")
				}
			}
		}
		b.WriteString(lang.T("elections.sources") + "\n")
		for _, e := range doc.Elections {
			for _, l := range wrapWords(sourceText(lang, e), cols, fmt.Sprintf("  %s %s: ", e.ISO3, lang.DateText(e.Date)), "    ") {
				b.WriteString(l + "\n")
			}
		}
	}
	for _, l := range noElectionsLines(lang, doc) {
		for _, w := range wrapWords(l, cols, "", "") {
			b.WriteString(w + "\n")
		}
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// sideBySide is the comparison with the countries as columns.
func sideBySide(lang i18n.Lang, doc docs.Compare, cells []compareCells, l compareLayout) *textTable {
	header := []string{lang.T("col.indicator"), lang.T("col.year")}
	right := map[int]bool{1: true}
	for _, c := range doc.Countries {
		right[len(header)], right[len(header)+1] = true, true
		header = append(header, c.ISO3, lang.T("col.rank"))
		if l.trend {
			header = append(header, lang.T("col.trend"))
		}
		if l.history {
			header = append(header, lang.T("col.history"))
		}
	}
	header = append(header, lang.T("col.ahead"), lang.T("col.median"))
	t := &textTable{header: header, right: right}
	for _, c := range cells {
		row := []string{c.header, fmt.Sprint(c.ci.Year)}
		for i := range c.vals {
			row = append(row, c.vals[i], c.ranks[i])
			if l.trend {
				row = append(row, trendShown(c.trends[i], l))
			}
			if l.history {
				row = append(row, c.sparks[i])
			}
		}
		t.add(append(row, c.ahead, c.median)...)
	}
	return t
}

// transposed is the comparison as one block per indicator, a line per
// country: it fits any number of countries into a narrow terminal.
func transposed(lang i18n.Lang, st style, doc docs.Compare, cells []compareCells, l compareLayout, cols int) ([]string, compareLayout) {
	header := []string{"  " + lang.T("col.country"), lang.T("col.value"), lang.T("col.rank")}
	if l.trend {
		header = append(header, lang.T("col.trend"))
	}
	if l.history {
		header = append(header, lang.T("col.history"))
	}
	t := &textTable{header: header, right: map[int]bool{1: true, 2: true}}
	for _, c := range cells {
		for i, v := range c.ci.Values {
			row := []string{"  " + v.ISO3, c.vals[i], c.ranks[i]}
			if l.trend {
				row = append(row, trendShown(c.trends[i], l))
			}
			if l.history {
				row = append(row, c.sparks[i])
			}
			t.add(row...)
		}
	}
	rows := t.lines()
	out := []string{rows[0]}
	k := 1
	for _, c := range cells {
		head := lang.T("compare.block_heading", c.header, lang.IndicatorName(c.ci.ID, c.ci.Name), c.ci.Year)
		if width(head) > cols {
			head = lang.T("compare.block_heading_short", c.header, c.ci.Year)
		}
		out = append(out, st.bold(head))
		var facts []string
		if c.ahead != "" {
			facts = append(facts, lang.T("compare.block_ahead", c.ahead))
		}
		if c.median != "" {
			facts = append(facts, lang.T("compare.block_median", c.median))
		}
		if len(facts) > 0 {
			out = append(out, wrapWords(strings.Join(facts, lang.T("compare.block_facts_sep")), cols, "  ", "  ")...)
		}
		for range c.ci.Values {
			out = append(out, rows[k])
			k++
		}
	}
	return out, l
}

// maxWidth is the display width of the widest line.
func maxWidth(lines []string) int {
	n := 0
	for _, l := range lines {
		n = max(n, width(l))
	}
	return n
}

// leftOut is the key of the message that says what a layout leaves out
// (with the width and the width that shows everything), "" when nothing.
func leftOut(l compareLayout) string {
	switch {
	case !l.history && !l.trend:
		return "compare.fitted_no_history_trend"
	case !l.history && l.arrows:
		return "compare.fitted_no_history_slopes"
	case !l.history:
		return "compare.fitted_no_history"
	}
	return ""
}

// trendShown is a trend as the layout shows it: arrow and slope, or the
// arrow alone.
func trendShown(t string, l compareLayout) string {
	if !l.arrows {
		return t
	}
	for _, a := range []string{"↗", "↘", "→"} {
		if strings.HasPrefix(t, a) {
			return a
		}
	}
	return t
}

// compareLegend explains the table's marks and columns, a paragraph a
// line.
func compareLegend(lang i18n.Lang, doc docs.Compare) string {
	return strings.Join([]string{
		lang.T("compare.legend_direction"),
		lang.T("compare.legend_trend"),
		lang.T("compare.legend_history"),
		lang.T("compare.legend_ahead"),
		lang.T("compare.legend_median", docs.GroupTitleIn(lang, doc.Group)),
	}, "\n")
}

func compareMarkdown(env *Env, doc docs.Compare) error {
	lang := env.Lang
	var b strings.Builder
	var names []string
	for _, c := range doc.Countries {
		names = append(names, env.countryName(c.ISO3, c.Name))
	}
	fmt.Fprintf(&b, "### %s\n\n", strings.Join(names, lang.T("compare.vs")))
	fmt.Fprintf(&b, "| %s | %s |", lang.T("compare.md_indicator"), lang.T("compare.md_year"))
	for _, n := range names {
		fmt.Fprintf(&b, " %s |", n)
	}
	fmt.Fprintf(&b, " %s | %s |\n|---|---:|", lang.T("compare.md_ahead"), lang.T("compare.md_median_of", mdEscape(docs.GroupTitleIn(lang, doc.Group))))
	for range doc.Countries {
		b.WriteString("---:|")
	}
	b.WriteString("---|---:|\n")
	var notes footnotes
	for _, ci := range doc.Indicators {
		ind, err := env.Store.Indicator(ci.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "| %s | %d |", mdEscape(lang.T("compare.md_indicator_cell", lang.IndicatorNameFirst(ci.ID, ci.Name), ci.ID, docs.DirectionIn(lang, ci.HigherIsBetter))), ci.Year)
		for i, v := range ci.Values {
			cell := notes.mark(lang.Figure(valueText(ind, v.Value)), compareNote(lang, ind, ci, v))
			if v.Rank != nil {
				cell = lang.T("compare.md_value_rank", cell, rankOf(lang, *v.Rank, *v.RankOf))
			}
			if t := ci.Trends[i]; !t.Insufficient && t.Slope != nil {
				cell = lang.T("compare.md_value_trend", cell, trendWords(lang, t, ci.HigherIsBetter, slopeUnit(ind)), *t.From, *t.To)
			}
			fmt.Fprintf(&b, " %s |", mdEscape(cell))
		}
		ahead := ""
		switch {
		case ci.Leader == nil:
			ahead = aheadText(lang, ci)
		case ci.Distinguishable == nil:
			ahead = *ci.Leader
		case *ci.Distinguishable:
			ahead = lang.T("compare.md_ahead_distinguishable", *ci.Leader)
		default:
			ahead = lang.T("compare.md_ahead_not_distinguishable", *ci.Leader)
		}
		median := ""
		if ci.Group != nil && ci.Group.Median != nil {
			median = lang.T("compare.md_median", lang.Figure(valueText(ind, ci.Group.Median)), ci.Group.N, ci.Group.Of)
		}
		fmt.Fprintf(&b, " %s | %s |\n", ahead, median)
	}
	for i, n := range notes.notes {
		// A paragraph each, so that Markdown does not run them together.
		fmt.Fprintf(&b, "\n%s %s.\n", superscript(i+1), mdEscape(n))
	}
	if len(doc.Elections) > 0 {
		fmt.Fprintf(&b, "\n**%s**\n\n%s\n", electionsHeading(lang, doc), lang.T("compare.md_elections_header"))
		for _, e := range doc.Elections {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", e.ISO3, lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type),
				docs.AssessmentIn(lang, e.Assessment), mdEscape(lang.T("elections.summary", e.Summary)), sourceMarkdown(lang, e))
		}
	}
	b.WriteString(noElectionsMarkdown(lang, doc))
	fmt.Fprintf(&b, "\n%s\n", lang.T("compare.md_legend"))
	b.WriteString(citationsMarkdown(lang, doc))
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// electionsHeading heads the latest ODIHR assessments: as of the year asked
// for, if any.
func electionsHeading(lang i18n.Lang, doc docs.Compare) string {
	if doc.Year != nil {
		return lang.T("elections.heading_as_of", *doc.Year)
	}
	return lang.T("elections.heading")
}

// sourceText is an election's source link with what kind of page it is,
// "https://… (secondary source: news, reference or academic account)".
func sourceText(lang i18n.Lang, e docs.Election) string {
	return lang.T("elections.source", e.SourceURL, docs.SourceKindIn(lang, e.SourceKind))
}

// sourceMarkdown is sourceText as a Markdown table cell.
func sourceMarkdown(lang i18n.Lang, e docs.Election) string {
	return lang.T("elections.source_markdown", e.SourceURL, mdEscape(docs.SourceKindIn(lang, e.SourceKind)))
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// citationsMarkdown lists how to cite every source the comparison uses,
// with the edition each indicator's figures come from, for the reader of a
// document (who has no "rankings sources" to run).
func citationsMarkdown(lang i18n.Lang, doc docs.Compare) string {
	editions := map[string][]int{}
	var order []string
	for _, ci := range doc.Indicators {
		ind, err := indicators.Lookup(ci.ID)
		if err != nil {
			continue
		}
		if _, seen := editions[ind.Source]; !seen {
			order = append(order, ind.Source)
		}
		if ys := editions[ind.Source]; !slices.Contains(ys, ci.Year) {
			editions[ind.Source] = append(ys, ci.Year)
		}
	}
	if len(doc.Elections) > 0 {
		order = append(order, "odihr")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n\n", lang.T("compare.md_sources"))
	for _, id := range order {
		src, ok := indicators.SourceByID(id)
		if !ok {
			continue
		}
		// The date of access, where the source asks for one, is today's.
		cite := docs.SourceCitation(src, editions[id], now()).Text
		fmt.Fprintf(&b, "- %s\n", lang.T("compare.md_citation", mdEscape(cite), mdEscape(sentenceEnd(src.Licence))))
	}
	return b.String()
}

// sentenceEnd ends s with a full stop unless it ends with punctuation.
func sentenceEnd(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}
