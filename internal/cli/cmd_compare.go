package cli

import (
	"fmt"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
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
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("compare needs at least two countries, e.g. rankings compare kazakhstan uzbekistan")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := env.Store.Registry().ResolveAll(args)
			if err != nil {
				return err
			}
			if year != 0 && since != 0 && since > year {
				return usagef("--since %d is after --year %d", since, year)
			}
			doc, err := docs.BuildCompare(env.Store, docs.CompareOptions{Year: year, Since: since, IDs: ids, Group: group, Countries: cs})
			if err != nil {
				return err
			}
			// An option the comparison could not use as given says so,
			// a line each, whatever the format (JSON also has them in
			// "notes").
			for _, n := range doc.Notes {
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

// sig formats a number to 3 significant digits, with a sign.
func sig(v float64) string {
	s := fmt.Sprintf("%+.3g", v)
	if strings.Contains(s, "e") {
		s = fmt.Sprintf("%+.4f", v)
	}
	return strings.Replace(s, "-", "−", 1)
}

// trendText renders a trend as an arrow and slope per year: ↗/↘ when the 95%
// interval excludes zero (in the indicator's better/worse direction), → when
// it does not, "n<4" when there are too few points.
func trendText(t docs.Trend, higherIsBetter bool) string {
	if t.N == 0 {
		return ""
	}
	if t.Insufficient || t.Slope == nil {
		return fmt.Sprintf("n=%d", t.N)
	}
	// Arrows, like the history sparkline, point up for "better": a rising
	// value on a lower-is-better scale is ↘.
	arrow := "→"
	up, down := *t.CILow > 0, *t.CIHigh < 0
	if !higherIsBetter {
		up, down = down, up
	}
	switch {
	case up:
		arrow = "↗"
	case down:
		arrow = "↘"
	}
	return arrow + sig(*t.Slope) + "/y"
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
func compareNote(ind indicators.Indicator, ci docs.CompareIndicator, v docs.CompareValue) string {
	if v.Value == nil {
		return ""
	}
	return publishedNote(ind, ci.Year, *v.Value, v.PublishedValue)
}

func rankText(v docs.CompareValue) string {
	if v.Rank == nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", *v.Rank, *v.RankOf)
}

// aheadText names who is ahead, marked ✓ when the published intervals are
// disjoint and ~ when they overlap (not distinguishable).
func aheadText(ci docs.CompareIndicator) string {
	if ci.Leader == nil {
		if len(ci.Pairs) > 0 {
			return "tie"
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

func compareTable(env *Env, doc docs.Compare) error {
	st := style{on: colourOn(env)}
	var b strings.Builder
	var names []string
	for _, c := range doc.Countries {
		names = append(names, fmt.Sprintf("%s (%s)", c.Name, c.ISO3))
	}
	b.WriteString(st.bold(strings.Join(names, " vs ")) + "\n\n")
	header := []string{"INDICATOR", "YEAR"}
	for _, c := range doc.Countries {
		header = append(header, c.ISO3, "RANK", "TREND", "SINCE "+"")
	}
	header = append(header, "AHEAD", "MEDIAN")
	right := map[int]bool{1: true}
	for i := range doc.Countries {
		right[2+4*i] = true
		right[3+4*i] = true
	}
	t := &textTable{header: header, right: right}
	var notes footnotes
	for _, ci := range doc.Indicators {
		ind, err := env.Store.Indicator(ci.ID)
		if err != nil {
			return err
		}
		row := []string{ci.ID + " " + directionMark(ci.HigherIsBetter), fmt.Sprint(ci.Year)}
		for i, v := range ci.Values {
			val := valueText(ind, v.Value)
			if ci.Leader != nil && *ci.Leader == v.ISO3 {
				val = st.bold(val)
			}
			val = notes.mark(val, compareNote(ind, ci, v))
			row = append(row, val, rankText(v), trendText(ci.Trends[i], ci.HigherIsBetter), sparkline(ci.Spark[i], ci.HigherIsBetter))
		}
		median := ""
		if ci.Group != nil && ci.Group.Median != nil {
			median = fmt.Sprintf("%s (%d/%d)", valueText(ind, ci.Group.Median), ci.Group.N, ci.Group.Of)
		}
		row = append(row, aheadText(ci), median)
		t.add(row...)
	}
	// The sparkline column header names its window.
	for i := range t.header {
		if t.header[i] == "SINCE " {
			t.header[i] = "HISTORY"
		}
	}
	if err := t.write(&b); err != nil {
		return err
	}
	notes.write(&b, "")
	b.WriteString("\n" + st.dim(compareLegend(doc)) + "\n")
	if len(doc.Skipped) > 0 {
		b.WriteString("\nNot compared:\n")
		for _, s := range doc.Skipped {
			fmt.Fprintf(&b, "  %s: %s\n", s.ID, s.Reason)
		}
	}
	if len(doc.Elections) > 0 {
		b.WriteString("\n" + st.bold(electionsHeading(doc)) + "\n")
		et := &textTable{header: []string{"COUNTRY", "DATE", "ELECTION", "ASSESSMENT", "SUMMARY"}}
		for _, e := range doc.Elections {
			et.add(e.ISO3, e.Date, e.Type, indicators.Assessment(e.Assessment).Label(), e.Summary)
		}
		if err := et.write(&b); err != nil {
			return err
		}
		b.WriteString("Sources:\n")
		for _, e := range doc.Elections {
			fmt.Fprintf(&b, "  %s %s: %s\n", e.ISO3, e.Date, sourceText(e))
		}
	}
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

func compareLegend(doc docs.Compare) string {
	group := doc.Group
	return strings.Join([]string{
		"↑ higher is better, ↓ lower is better (each indicator's own scale). RANK k/N: N = every country and territory the source ranked that year.",
		"TREND: OLS slope per year over the HISTORY window (last 10 years, never across a methodology break); ↗ improving / ↘ worsening",
		"when its 95% CI excludes zero, → when it does not, n=… when fewer than 4 points. HISTORY: a block per year, up = better, gap = none.",
		"AHEAD: ✓ published 90% intervals disjoint, ~ overlapping (not distinguishable); no mark = source publishes no uncertainty.",
		fmt.Sprintf("MEDIAN: median of the group %s (members with a figure / members). Details: rankings indicators; sources: rankings sources.", countries.GroupTitle(group)),
	}, "\n")
}

func compareMarkdown(env *Env, doc docs.Compare) error {
	var b strings.Builder
	var names []string
	for _, c := range doc.Countries {
		names = append(names, c.Name)
	}
	fmt.Fprintf(&b, "### %s\n\n", strings.Join(names, " vs "))
	b.WriteString("| Indicator | Year |")
	for _, c := range doc.Countries {
		fmt.Fprintf(&b, " %s |", c.Name)
	}
	b.WriteString(" Ahead |\n|---|---:|")
	for range doc.Countries {
		b.WriteString("---:|")
	}
	b.WriteString("---|\n")
	var notes footnotes
	for _, ci := range doc.Indicators {
		ind, err := env.Store.Indicator(ci.ID)
		if err != nil {
			return err
		}
		better := "higher is better"
		if !ci.HigherIsBetter {
			better = "lower is better"
		}
		fmt.Fprintf(&b, "| %s (%s; %s) | %d |", mdEscape(ci.Name), ci.ID, better, ci.Year)
		for i, v := range ci.Values {
			cell := notes.mark(valueText(ind, v.Value), compareNote(ind, ci, v))
			if r := rankText(v); r != "" {
				cell += fmt.Sprintf(" (rank %s)", strings.Replace(r, "/", " of ", 1))
			}
			if t := ci.Trends[i]; !t.Insufficient && t.Slope != nil {
				cell += fmt.Sprintf("; trend %s/yr [95%% CI %s, %s] %d–%d", sig(*t.Slope), sig(*t.CILow), sig(*t.CIHigh), *t.From, *t.To)
			}
			fmt.Fprintf(&b, " %s |", mdEscape(cell))
		}
		ahead := aheadText(ci)
		ahead = strings.Replace(strings.Replace(ahead, " ✓", " (distinguishable)", 1), " ~", " (not distinguishable)", 1)
		fmt.Fprintf(&b, " %s |\n", ahead)
	}
	for i, n := range notes.notes {
		// A paragraph each, so that Markdown does not run them together.
		fmt.Fprintf(&b, "\n%s %s.\n", superscript(i+1), mdEscape(n))
	}
	if len(doc.Elections) > 0 {
		b.WriteString("\n**" + electionsHeading(doc) + "**\n\n| Country | Date | Election | Assessment | Summary | Source |\n|---|---|---|---|---|---|\n")
		for _, e := range doc.Elections {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", e.ISO3, e.Date, e.Type,
				indicators.Assessment(e.Assessment).Label(), mdEscape(e.Summary), sourceMarkdown(e))
		}
	}
	b.WriteString("\nRanks are k of N, N = every country and territory the source ranked that year. Trends: OLS slope per year within one methodology, 95% CI. " +
		"Distinguishable: published 90% intervals do not overlap. Sources: see `rankings sources`.\n")
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// electionsHeading heads the latest ODIHR assessments: as of the year asked
// for, if any.
func electionsHeading(doc docs.Compare) string {
	if doc.Year != nil {
		return fmt.Sprintf("Latest OSCE/ODIHR election assessment as of %d (elections dated in or before it)", *doc.Year)
	}
	return "Latest OSCE/ODIHR election assessment"
}

// sourceText is an election's source link with what kind of page it is,
// "https://… (secondary source: news, reference or academic account)".
func sourceText(e docs.Election) string {
	return fmt.Sprintf("%s (%s)", e.SourceURL, indicators.SourceKind(e.SourceKind).Label())
}

// sourceMarkdown is sourceText as a Markdown table cell.
func sourceMarkdown(e docs.Election) string {
	return fmt.Sprintf("<%s> (%s)", e.SourceURL, mdEscape(indicators.SourceKind(e.SourceKind).Label()))
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
