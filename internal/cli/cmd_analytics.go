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
			lang := env.Lang
			var b strings.Builder
			fmt.Fprintf(&b, "%s\n%s\n\n",
				lang.T("rank.heading", doc.Indicator.ID, lang.IndicatorNameFirst(doc.Indicator.ID, doc.Indicator.Name), doc.Year, yearKind(lang, indicators.YearMeaning(doc.Indicator.YearMeaning))),
				lang.T("rank.subheading", docs.UnitIn(lang, doc.Indicator.Unit), docs.DirectionIn(lang, doc.Indicator.HigherIsBetter), docs.RankingGroupTitleIn(lang, doc.Group.Name)))
			ind, err := env.Store.Indicator(doc.Indicator.ID)
			if err != nil {
				return err
			}
			// A year whose figures the source restates (RSF 2013–2021) gets
			// a column of the figures as first published and one note for
			// it, not a note per row. A row's own note (a rank rankings
			// computed, an edition label) is a footnote on its rank.
			restated := publishedColumnNote(lang, ind, doc.Year)
			header := []string{"#", entityHeader(env, doc), lang.T("col.value"), lang.T("col.global_rank"), lang.T("col.percentile"), lang.T("col.status")}
			right := map[int]bool{0: true, 2: true, 3: true, 4: true}
			if restated != "" {
				header = []string{"#", entityHeader(env, doc), lang.T("col.value"), lang.T("col.published"), lang.T("col.global_rank"), lang.T("col.percentile"), lang.T("col.status")}
				right = map[int]bool{0: true, 2: true, 3: true, 4: true, 5: true}
			}
			t := &textTable{header: header, right: right}
			var notes footnotes
			for _, r := range doc.Rows {
				rank, pct := "", ""
				if r.Rank != nil {
					rank = notes.mark(rankOf(lang, *r.Rank, *r.RankOf), dataNote(lang, r.Note))
				}
				if r.Percentile != nil {
					pct = lang.Figure(fmt.Sprintf("%.1f", *r.Percentile))
				}
				cells := []string{fmt.Sprint(r.Position), lang.T("rank.row_name", env.countryName(r.ISO3, r.Name), r.ISO3), lang.Figure(ind.Format(r.Value))}
				if restated != "" {
					pub := ""
					if r.PublishedValue != nil {
						pub = lang.Figure(ind.Format(*r.PublishedValue))
					}
					cells = append(cells, pub)
				}
				t.add(append(cells, rank, pct, statusText(lang, r.Status))...)
			}
			if err := t.write(&b); err != nil {
				return err
			}
			notes.write(&b, "")
			if restated != "" {
				b.WriteString(restated + "\n")
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
			return env.Lang.T("col.country_territory")
		}
	}
	return env.Lang.T("col.country")
}

// namedCodes lists entities as "Crimea (XCR), Eastern Donbas (XDB)".
func namedCodes(env *Env, codes []string) string {
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = code
		if c, ok := env.Store.Registry().ByCode(code); ok {
			out[i] = env.Lang.T("rank.row_name", env.countryName(code, c.Name), code)
		}
	}
	return strings.Join(out, ", ")
}

// rankFooter writes what a ranking's numbers mean: the group's median, who
// N counts and, for the whole field, the ranked entries it cannot list.
func rankFooter(b *strings.Builder, env *Env, ind indicators.Indicator, doc docs.Rank) {
	lang := env.Lang
	g := doc.Group
	median, mean := lang.Figure(valueText(ind, g.Median)), lang.Figure(valueText(ind, g.Mean))
	switch {
	case doc.WholeField():
		fmt.Fprintf(b, "%s\n", lang.N("rank.median_whole_field", g.N, g.N, median, mean))
	case len(g.Missing) > 0:
		fmt.Fprintf(b, "%s\n", lang.T("rank.median_missing", docs.RankingGroupTitleIn(lang, doc.Group.Name), median, mean, sayMembersWithFigure.in(lang, g.N, g.N, g.Of), namedCodes(env, g.Missing)))
	default:
		fmt.Fprintf(b, "%s\n", lang.T("rank.median", docs.RankingGroupTitleIn(lang, doc.Group.Name), median, mean, sayMembersWithFigure.in(lang, g.N, g.N, g.Of)))
	}
	if u := doc.Unlisted; u != nil {
		fmt.Fprintf(b, "%s\n", doc.UnlistedSentenceIn(lang))
		for _, e := range u.Entries {
			fmt.Fprintf(b, "  %s\n", unlistedEntry(lang, e))
		}
	}
	fmt.Fprintf(b, "%s\n", lang.T("rank.legend"))
}

// unlistedEntry names an entry a source ranked that the whole field
// cannot list, and says why, in language l: the registry's unmapped
// entries are data in English, and the catalogue translates those it
// knows ("unlisted.<the source's code>").
func unlistedEntry(l i18n.Lang, e docs.UnlistedEntry) string {
	if key := "unlisted." + e.Code; l != i18n.EN && i18n.Has(key) {
		return l.T(key)
	}
	return e.Name + " — " + e.Reason
}

// publishedColumnNote says, under a ranking of a year whose figures the
// source restates, what the PUBLISHED column holds (a whole sentence), ""
// for every other year.
func publishedColumnNote(l i18n.Lang, ind indicators.Indicator, year int) string {
	if l == i18n.EN {
		if n := ind.PublishedColumnNote(year); n != "" {
			return n + "."
		}
		return ""
	}
	seg, ok := ind.SegmentAt(year)
	if !ok || seg.Restated == nil {
		return ""
	}
	r := seg.Restated
	return l.T("rank.published_column", r.Publisher, year, seg.From, seg.To, directionText(l, r.Published), r.Publisher, l.Figure(indicators.FormatNumber(r.Pivot)))
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
			return trendTable(env, doc)
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
				return electionsMarkdown(env, doc)
			}
			return electionsTable(env, doc)
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
			lang := env.Lang
			var b strings.Builder
			fmt.Fprintf(&b, "%s\n\n", lang.T("correlate.heading", docs.GroupTitleIn(lang, doc.Group), correlateYearNote(lang, doc)))
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
			fmt.Fprintf(&b, "\n%s\n", lang.T("correlate.legend", minCorrelationN))
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
// in markdown, in language l: the counts by assessment, what kinds of page
// the assessments rest on, the latest assessed election and the caveat.
func electionsSummary(l i18n.Lang, doc docs.ElectionsDocument) []string {
	var counts []string
	for _, a := range indicators.Assessments {
		counts = append(counts, l.T("elections.count_item", docs.AssessmentIn(l, string(a)), doc.Counts[string(a)]))
	}
	out := []string{
		sayElectionCounts.in(l, len(doc.Elections), len(doc.Elections), strings.Join(counts, l.T("elections.count_sep"))),
		docs.SourceKindSentenceIn(l, doc.SourceKindCounts, len(doc.Elections)),
	}
	if doc.Latest != nil {
		out = append(out, l.T("elections.latest", l.DateText(doc.Latest.Date), docs.ElectionTypeIn(l, doc.Latest.Type), docs.AssessmentIn(l, doc.Latest.Assessment)))
	}
	return append(out, l.T("elections.caveat"))
}

// missionText is the kind of ODIHR mission that observed an election
// (EOM, LEOM, EAM, NAM), "none" or "unknown", in language l.
func missionText(l i18n.Lang, m string) string {
	if l != i18n.EN && i18n.Has("mission."+m) {
		return l.T("mission." + m)
	}
	return m
}

// electionsTable writes a country's elections, three lines each: date,
// type, assessment and mission; the summary; the source.
func electionsTable(env *Env, doc docs.ElectionsDocument) error {
	lang := env.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", lang.T("elections.country_heading", env.countryName(doc.Country.ISO3, doc.Country.Name), doc.Country.ISO3))
	for _, e := range doc.Elections {
		fmt.Fprintf(&b, "%s\n", lang.T("elections.entry", lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type), docs.AssessmentIn(lang, e.Assessment),
			lang.T("elections.mission", missionText(lang, e.Mission)), lang.T("elections.summary", e.Summary), sourceText(lang, e)))
	}
	b.WriteString("\n")
	for _, l := range electionsSummary(lang, doc) {
		b.WriteString(l + "\n")
	}
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// electionsMarkdown writes a country's elections as a Markdown table, then
// the counts, the latest assessment and the caveat, a paragraph each, as
// the table gives them.
func electionsMarkdown(env *Env, doc docs.ElectionsDocument) error {
	lang := env.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n", lang.T("elections.md_heading", env.countryName(doc.Country.ISO3, doc.Country.Name)), lang.T("elections.md_header"))
	for _, e := range doc.Elections {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type), missionText(lang, e.Mission), docs.AssessmentIn(lang, e.Assessment),
			mdEscape(lang.T("elections.summary", e.Summary)), sourceMarkdown(lang, e))
	}
	for _, l := range electionsSummary(lang, doc) {
		fmt.Fprintf(&b, "\n%s\n", mdEscape(l))
	}
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// correlateYearNote says how the editions were aligned to the year the
// figures describe, in language l (the document's year_note in English).
func correlateYearNote(l i18n.Lang, doc docs.CorrelateDocument) string {
	if l == i18n.EN {
		return doc.YearNote
	}
	return l.T("correlate.year_note", doc.Year, doc.Year+1)
}

// trendTable writes a country's trend on one indicator as a table: the
// figures by year, each methodology segment headed by its own years,
// scale and direction, then the trend of each segment in words.
func trendTable(env *Env, doc docs.TrendDocument) error {
	lang := env.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", lang.T("trend.heading", env.countryName(doc.Country.ISO3, doc.Country.Name), doc.Country.ISO3, lang.IndicatorNameFirst(doc.Indicator.ID, doc.Indicator.Name)), docs.UnitIn(lang, doc.Indicator.Unit))
	ind, err := env.Store.Indicator(doc.Indicator.ID)
	if err != nil {
		return err
	}
	// Each methodology segment's rows are headed by its own years, scale
	// and direction, as in show.
	t := &textTable{header: []string{lang.T("col.year"), lang.T("col.value"), lang.T("col.rank"), lang.T("col.segment")}, right: map[int]bool{1: true, 2: true}}
	var notes footnotes
	segFrom := -1
	for _, v := range doc.Values {
		if seg, ok := ind.SegmentAt(v.Year); ok && seg.From != segFrom {
			if segFrom == -1 {
				t.add("----", "", "", segmentText(lang, ind.ID, seg))
			} else {
				t.add("----", "", "", lang.T("show.methodology_break", segmentText(lang, ind.ID, seg)))
			}
			segFrom = seg.From
		}
		rank := ""
		if v.Rank != nil {
			rank = rankOf(lang, *v.Rank, *v.RankOf)
		}
		t.add(fmt.Sprint(v.Year), notes.mark(lang.Figure(ind.Format(v.Value)), publishedNoteIn(lang, ind, v.Year, v.Value, v.PublishedValue)), rank)
	}
	if err := t.write(&b); err != nil {
		return err
	}
	notes.write(&b, "")
	for _, v := range doc.Values {
		if v.Rank != nil {
			fmt.Fprintf(&b, "\n%s\n", lang.T("legend.rank"))
			break
		}
	}
	fmt.Fprintf(&b, "\n%s\n", lang.T("trend.segments_heading"))
	unit := slopeUnit(ind)
	for _, s := range doc.Segments {
		head := s.Label
		if seg, ok := ind.SegmentAt(s.From); ok {
			head = segmentText(lang, ind.ID, seg)
		}
		fmt.Fprintf(&b, "  %s\n", head)
		tr := s.Trend
		words := trendWords(lang, tr, s.HigherIsBetter, unit)
		if tr.Insufficient || tr.Slope == nil {
			fmt.Fprintf(&b, "    %s\n", words)
			continue
		}
		d := slopeDecimals(tr)
		fmt.Fprintf(&b, "    %s\n", lang.T("trend.fitted", sayFittedYears.in(lang, tr.N, *tr.From, *tr.To, tr.N), words))
		theilSen := lang.Figure(signed(*tr.TheilSen, d))
		fmt.Fprintf(&b, "    %s\n", lang.T("trend.theil_sen", theilSen, unitWords(lang, unit, theilSen), lang.Figure(fixed(*tr.RSquared, 2))))
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}
