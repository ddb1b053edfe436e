package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

func newRankCmd(env *Env) *cobra.Command {
	var format, group, id string
	var year int
	cmd := &cobra.Command{
		Use:   "rank --indicator id [--year Y] [--group G]",
		Short: "Order a group's countries on one indicator, with the global rank k of N",
		Long: `Order a group's countries (or territories) on one indicator, with the global
rank "k of N": N is every country and territory the source ranked that year.
Groups: ` + groupHelp() + `.
--group all lists the whole field the source ranked, territories and
historical states included, and says how many ranked entries it cannot list
(RSF's OECS, which the registry leaves unmapped, still counts in N).`,
		Example: `  rankings rank --indicator rsf
  rankings rank -i wgi-rl --year 2023 --group central-asia
  rankings rank -i fh-fiw --group territories
  rankings rank -i rsf --group all`,
		Args: noArgs("rank takes no countries: it orders a group, e.g. rankings rank --indicator rsf --group central-asia"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if id == "" {
				return usagef("rank needs --indicator (see \"rankings indicators\")")
			}
			doc, err := docs.BuildRank(env.Store, id, year, group)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			}
			var b strings.Builder
			better := "lower is better"
			if doc.Indicator.HigherIsBetter {
				better = "higher is better"
			}
			fmt.Fprintf(&b, "%s — %s, %d (%s year)\n%s; %s. Group: %s\n\n", doc.Indicator.ID, doc.Indicator.Name, doc.Year,
				doc.Indicator.YearMeaning, doc.Indicator.Unit, better, doc.GroupTitle())
			ind, err := env.Store.Indicator(doc.Indicator.ID)
			if err != nil {
				return err
			}
			// A year whose figures the source restates (RSF 2013–2021) gets
			// a column of the figures as first published and one note for
			// it, not a note per row. A row's own note (a rank rankings
			// computed, an edition label) is a footnote on its rank.
			restated := ind.PublishedColumnNote(doc.Year)
			header := []string{"#", entityHeader(env, doc), "VALUE", "GLOBAL RANK", "PERCENTILE", "STATUS"}
			right := map[int]bool{0: true, 2: true, 3: true, 4: true}
			if restated != "" {
				header = []string{"#", entityHeader(env, doc), "VALUE", "PUBLISHED", "GLOBAL RANK", "PERCENTILE", "STATUS"}
				right = map[int]bool{0: true, 2: true, 3: true, 4: true, 5: true}
			}
			t := &textTable{header: header, right: right}
			var notes footnotes
			for _, r := range doc.Rows {
				rank, pct := "", ""
				if r.Rank != nil {
					rank = notes.mark(fmt.Sprintf("%d of %d", *r.Rank, *r.RankOf), r.Note)
				}
				if r.Percentile != nil {
					pct = fmt.Sprintf("%.1f", *r.Percentile)
				}
				cells := []string{fmt.Sprint(r.Position), r.Name + " (" + r.ISO3 + ")", ind.Format(r.Value)}
				if restated != "" {
					pub := ""
					if r.PublishedValue != nil {
						pub = ind.Format(*r.PublishedValue)
					}
					cells = append(cells, pub)
				}
				t.add(append(cells, rank, pct, r.Status)...)
			}
			if err := t.write(&b); err != nil {
				return err
			}
			notes.write(&b, "")
			if restated != "" {
				b.WriteString(restated + ".\n")
			}
			b.WriteString("\n")
			rankFooter(&b, env, ind, doc)
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	cmd.Flags().StringVarP(&id, "indicator", "i", "", "indicator id (see \"rankings indicators\")")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year (default: latest with figures)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

// entityHeader names the rows of a ranking: COUNTRY, or COUNTRY/TERRITORY
// when a territory or historical entity is among them.
func entityHeader(env *Env, doc docs.Rank) string {
	for _, r := range doc.Rows {
		if c, ok := env.Store.Registry().ByCode(r.ISO3); !ok || c.Kind != indicators.KindCountry {
			return "COUNTRY/TERRITORY"
		}
	}
	return "COUNTRY"
}

// namedCodes lists entities as "Crimea (XCR), Eastern Donbas (XDB)".
func namedCodes(env *Env, codes []string) string {
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = code
		if c, ok := env.Store.Registry().ByCode(code); ok {
			out[i] = c.Name + " (" + code + ")"
		}
	}
	return strings.Join(out, ", ")
}

// rankFooter writes what a ranking's numbers mean: the group's median, who
// N counts and, for the whole field, the ranked entries it cannot list.
func rankFooter(b *strings.Builder, env *Env, ind indicators.Indicator, doc docs.Rank) {
	g := doc.Group
	median, mean := valueText(ind, g.Median), valueText(ind, g.Mean)
	switch {
	case doc.WholeField():
		fmt.Fprintf(b, "Median of the %d listed countries and territories: %s, mean %s.\n", g.N, median, mean)
	case len(g.Missing) > 0:
		fmt.Fprintf(b, "Group median (%s): %s, mean %s (%s; no figure: %s).\n",
			doc.GroupTitle(), median, mean, sayMembersWithFigure.format(g.N, g.N, g.Of), namedCodes(env, g.Missing))
	default:
		fmt.Fprintf(b, "Group median (%s): %s, mean %s (%s).\n", doc.GroupTitle(), median, mean, sayMembersWithFigure.format(g.N, g.N, g.Of))
	}
	if u := doc.Unlisted; u != nil {
		fmt.Fprintf(b, "%s\n", doc.UnlistedSentence())
		for _, e := range u.Entries {
			fmt.Fprintf(b, "  %s — %s\n", e.Name, e.Reason)
		}
	}
	b.WriteString("GLOBAL RANK k of N: N = every country and territory the source ranked that year. PERCENTILE: the share of them placed below.\n")
}

func newTrendCmd(env *Env) *cobra.Command {
	var format, id string
	var from, to int
	cmd := &cobra.Command{
		Use:   "trend <country> --indicator id [--from Y] [--to Y]",
		Short: "Fit a country's trend on one indicator, per methodology segment",
		Long: `Fit a country's trend on one indicator: OLS slope per year with its 95%
confidence interval, the robust Theil–Sen slope and R², separately within each
methodology segment (never across a break), said in words on the
segment's own direction ("worsening by 3.2 points a year, 95% CI 1.5 to
4.8"; "no clear trend" when the interval includes zero). Fewer than 4 years
of figures give no trend.`,
		Example: `  rankings trend russia --indicator rsf
  rankings trend georgia -i wgi-rl --from 2012`,
		Args: exactArgs(1, "trend needs one country, e.g. rankings trend kazakhstan --indicator rsf"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if id == "" {
				return usagef("trend needs --indicator (see \"rankings indicators\")")
			}
			if from != 0 && to != 0 && from > to {
				return usagef("--from %d is after --to %d", from, to)
			}
			c, err := env.Store.Registry().Resolve(args[0])
			if err != nil {
				return err
			}
			doc, err := docs.BuildTrend(env.Store, c, id, from, to)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s (%s) — %s\n%s\n\n", doc.Country.Name, doc.Country.ISO3, doc.Indicator.Name, doc.Indicator.Unit)
			ind, err := env.Store.Indicator(doc.Indicator.ID)
			if err != nil {
				return err
			}
			// Each methodology segment's rows are headed by its own
			// years, scale and direction, as in show.
			t := &textTable{header: []string{"YEAR", "VALUE", "RANK", "SEGMENT"}, right: map[int]bool{1: true, 2: true}}
			var notes footnotes
			segFrom := -1
			for _, v := range doc.Values {
				if seg, ok := ind.SegmentAt(v.Year); ok && seg.From != segFrom {
					if segFrom == -1 {
						t.add("----", "", "", segmentText(seg))
					} else {
						t.add("----", "", "", fmt.Sprintf("methodology break: %s; not comparable with the years above", segmentText(seg)))
					}
					segFrom = seg.From
				}
				rank := ""
				if v.Rank != nil {
					rank = fmt.Sprintf("%d of %d", *v.Rank, *v.RankOf)
				}
				t.add(fmt.Sprint(v.Year), notes.mark(ind.Format(v.Value), publishedNote(ind, v.Year, v.Value, v.PublishedValue)), rank)
			}
			if err := t.write(&b); err != nil {
				return err
			}
			notes.write(&b, "")
			for _, v := range doc.Values {
				if v.Rank != nil {
					fmt.Fprintf(&b, "\n%s\n", rankLegend)
					break
				}
			}
			b.WriteString("\nTrend per methodology segment (OLS slope per year with its 95% CI; never across a break):\n")
			unit := slopeUnit(ind)
			for _, s := range doc.Segments {
				head := s.Label
				if seg, ok := ind.SegmentAt(s.From); ok {
					head = segmentText(seg)
				}
				fmt.Fprintf(&b, "  %s\n", head)
				tr := s.Trend
				words := trendWords(tr, s.HigherIsBetter, unit)
				if tr.Insufficient || tr.Slope == nil {
					fmt.Fprintf(&b, "    %s\n", words)
					continue
				}
				d := slopeDecimals(tr)
				fmt.Fprintf(&b, "    %s: %s\n", sayFittedYears.format(tr.N, *tr.From, *tr.To, tr.N), words)
				fmt.Fprintf(&b, "    %s\n", fmt.Sprintf("Theil–Sen slope %s %s a year; R² %s", signed(*tr.TheilSen, d), unit, fixed(*tr.RSquared, 2)))
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	cmd.Flags().StringVarP(&id, "indicator", "i", "", "indicator id (see \"rankings indicators\")")
	cmd.Flags().IntVar(&from, "from", 0, "first year")
	cmd.Flags().IntVar(&to, "to", 0, "last year")
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func newElectionsCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "elections <country>",
		Short:   "List a country's national elections with ODIHR's assessment, summary and source",
		Example: `  rankings elections kazakhstan --format markdown`,
		Args:    exactArgs(1, "elections needs one country, e.g. rankings elections kazakhstan"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := env.Store.Registry().Resolve(args[0])
			if err != nil {
				return err
			}
			doc, err := docs.BuildElections(env.Store, c)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			case "markdown":
				var b strings.Builder
				fmt.Fprintf(&b, "### OSCE/ODIHR election assessments: %s\n\n| Date | Election | Mission | Assessment | Summary | Source |\n|---|---|---|---|---|---|\n", doc.Country.Name)
				for _, e := range doc.Elections {
					fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", e.Date, e.Type, e.Mission, indicators.Assessment(e.Assessment).Label(), mdEscape(e.Summary), sourceMarkdown(e))
				}
				// The counts, the latest assessment and the caveat, as the
				// table gives them: a paragraph each.
				for _, l := range electionsSummary(doc) {
					fmt.Fprintf(&b, "\n%s\n", mdEscape(l))
				}
				_, err := fmt.Fprint(env.Stdout, b.String())
				return err
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s (%s) — OSCE/ODIHR election assessments\n\n", doc.Country.Name, doc.Country.ISO3)
			for _, e := range doc.Elections {
				fmt.Fprintf(&b, "%s  %-20s  %-13s  %s\n            %s\n            %s\n", e.Date, e.Type, indicators.Assessment(e.Assessment).Label(), "mission: "+e.Mission, e.Summary, sourceText(i18n.EN, e))
			}
			b.WriteString("\n")
			for _, l := range electionsSummary(doc) {
				b.WriteString(l + "\n")
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv", "markdown")
	return cmd
}

func newCorrelateCmd(env *Env) *cobra.Command {
	var format, group string
	var year int
	var ids []string
	cmd := &cobra.Command{
		Use:   "correlate [--year Y] [--group G] [--indicator id,...]",
		Short: "Rank correlations (Spearman) between every pair of indicators across a group",
		Long: `Spearman rank correlation (and Kendall's tau-b in JSON/CSV) between every
pair of indicators across the countries of a group, with the number of
countries n behind each figure. Directions are aligned: a positive
correlation always means "better on both". --year is the year the figures
describe; edition-year indicators (RSF, WJP, Freedom House) use their next
edition, which covers it. The default set is one or two headline indicators
per source: ` + strings.Join(docs.HeadlineIndicators, ", ") + `.`,
		Args: noArgs("correlate takes no countries: it correlates across a group, e.g. rankings correlate --group central-asia --year 2020"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			doc, err := docs.BuildCorrelate(env.Store, year, group, ids)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "Spearman rank correlation (group: %s), %s\n\n", countries.GroupTitle(doc.Group), doc.YearNote)
			header := []string{""}
			for i := range doc.Indicators {
				header = append(header, fmt.Sprint(i+1))
			}
			right := map[int]bool{}
			for i := 1; i <= len(doc.Indicators); i++ {
				right[i] = true
			}
			t := &textTable{header: header, right: right}
			for i, a := range doc.Indicators {
				row := []string{fmt.Sprintf("%2d %s (n=%d)", i+1, a.ID, a.N)}
				for j := range doc.Indicators {
					row = append(row, corrCell(doc.Matrix[i][j]))
				}
				t.add(row...)
			}
			if err := t.write(&b); err != nil {
				return err
			}
			b.WriteString("\nCells are Spearman's rho ×100 (85 = 0.85); directions are aligned, so positive = better on both. Blank where fewer than 5 countries\nhave both figures. JSON and CSV give n per cell and Kendall's tau-b.\n")
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year the figures describe (default: latest most indicators cover)")
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator ids, comma-separated (default: the headline set)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

// minCorrelationN is the fewest countries behind a correlation the table
// shows; JSON and CSV give every figure with its n.
const minCorrelationN = 5

func corrCell(c docs.Correlation) string {
	if c.Spearman == nil || c.N < minCorrelationN {
		return ""
	}
	return fmt.Sprintf("%.0f", *c.Spearman*100)
}

// electionsSummary is what follows a country's elections in the table and
// in markdown: the counts by assessment, what kinds of page the
// assessments rest on, the latest assessed election and the caveat.
func electionsSummary(doc docs.ElectionsDocument) []string {
	var counts []string
	for _, a := range indicators.Assessments {
		counts = append(counts, fmt.Sprintf("%s %d", a.Label(), doc.Counts[string(a)]))
	}
	out := []string{
		sayElectionCounts.format(len(doc.Elections), len(doc.Elections), strings.Join(counts, ", ")),
		docs.SourceKindSentence(doc.SourceKindCounts, len(doc.Elections)),
	}
	if doc.Latest != nil {
		out = append(out, fmt.Sprintf("Latest assessed: %s %s, %s.", doc.Latest.Date, doc.Latest.Type, indicators.Assessment(doc.Latest.Assessment).Label()))
	}
	return append(out, "The assessment codes ODIHR's headline conclusion; read it with the summary and the source.")
}
