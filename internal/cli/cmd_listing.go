package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	cldr "golang.org/x/text/feature/plural"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func newCountriesCmd(env *Env) *cobra.Command {
	var group, format string
	cmd := &cobra.Command{
		Use:   "countries [--group G]",
		Short: "List the countries or territories of a group (default: the 15 post-Soviet states)",
		Long:  env.Lang.T("cli.help.countries_long", groupHelpIn(env.Lang)),
		Args:  noArgs("countries takes no arguments: choose the group with --group, e.g. rankings countries --group central-asia"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			doc, err := docs.Countries(env.Store.Registry(), group)
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
			fmt.Fprintf(&b, "%s\n\n", groupHeading(doc))
			t := &textTable{header: []string{"ISO3", "ISO2", "NAME", "GROUPS"}}
			for _, c := range doc.Countries {
				titles := make([]string, len(c.Groups))
				for i, g := range c.Groups {
					titles[i] = countries.GroupTitle(g)
				}
				t.add(c.ISO3, c.ISO2, c.Name, strings.Join(titles, ", "))
			}
			if err := t.write(&b); err != nil {
				return err
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func newIndicatorsCmd(env *Env) *cobra.Command {
	var format, group string
	cmd := &cobra.Command{
		Use:   "indicators [id]",
		Short: "List the indicators with their scale, direction and methodology breaks, or show one in full",
		Long: `List the indicators with their scale, direction, year meaning, ranks and
methodology breaks. With an id, show that indicator in full: scale and
direction of each methodology segment and why each break is one, what its
year means, the uncertainty it publishes, where its ranks come from, its
source with licence and citation, and its coverage: the years with figures,
how many countries and territories each year has, and the years of each
country of --group (JSON and CSV list every country and territory).`,
		Example: `  rankings indicators
  rankings indicators rsf
  rankings indicators wgi-rl --group central-asia
  rankings indicators ti-cpi --format json`,
		Args: maxArgs(1, "indicators takes at most one indicator id, e.g. rankings indicators rsf"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				doc, err := docs.BuildIndicatorDetail(env.Store, args[0])
				if err != nil {
					return err
				}
				if _, err := countries.GroupID(group); err != nil {
					return err
				}
				switch format {
				case "json":
					return writeJSON(env.Stdout, doc)
				case "csv":
					return writeTable(env.Stdout, doc)
				case "markdown":
					return indicatorMarkdown(env, doc, group)
				}
				return indicatorText(env, doc, group)
			}
			if cmd.Flags().Changed("group") {
				return usagef("--group chooses whose coverage an indicator's page lists: give an id, e.g. rankings indicators rsf --group %s", group)
			}
			doc := docs.Indicators(env.Store)
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			case "markdown":
				return indicatorsMarkdown(env, doc)
			}
			t := &textTable{header: []string{"ID", "NAME", "SCALE", "DIRECTION", "YEAR", "RANKS", "BREAKS"}}
			for _, d := range doc.Indicators {
				t.add(d.ID, d.Name, docs.ScaleText(d.Scale), d.Direction, d.YearMeaning, ranksText(d), docs.BreaksText(d.Breaks))
			}
			if err := t.write(env.Stdout); err != nil {
				return err
			}
			_, err := fmt.Fprintln(env.Stdout, "\n"+ranksLegend+"\nrankings indicators <id> shows one in full: segments and breaks with their reasons, uncertainty, coverage, source and citation.")
			return err
		},
	}
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "with an id, the group whose countries' coverage is listed: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv", "markdown")
	return cmd
}

// ranksLegend says what the RANKS column means.
const ranksLegend = "RANKS: every rank is \"k of N\", N = every country and territory the source ranked that year; " +
	"published = the publisher's own ranks, computed = ranked by rankings within the year over that whole field (ties share the best rank)."

// ranksText is where an indicator's ranks come from, "published",
// "computed" or "published; computed 2012–2016".
func ranksText(d docs.Indicator) string {
	if d.RanksComputedTo > 0 && len(d.Segments) > 0 {
		return fmt.Sprintf("published; computed %d–%d", d.Segments[0].From, d.RanksComputedTo)
	}
	return d.Ranks
}

// ranksSentence says where an indicator's ranks come from, in a sentence.
func ranksSentence(d docs.Indicator) string {
	switch {
	case d.Events:
		return "none: a list of elections, not a ranking."
	case d.RanksComputedTo > 0 && len(d.Segments) > 0:
		return fmt.Sprintf("the publisher's own; for %d–%d, when it published none, computed by rankings within each year over every entity it scored.", d.Segments[0].From, d.RanksComputedTo)
	case d.Ranks == string(indicators.RanksPublished):
		return "the publisher's own, as published."
	}
	return "computed by rankings within each year over every entity the source scored, better first, ties sharing the best rank."
}

// uncertaintySentence says what uncertainty an indicator publishes.
func uncertaintySentence(u docs.Uncertainty) string {
	var parts []string
	if u.StdErr {
		if u.StdErrLevel != nil {
			parts = append(parts, fmt.Sprintf("a standard error, read as a %s%% interval (value ± %s standard errors)",
				indicators.FormatNumber(*u.StdErrLevel*100), indicators.FormatNumber(indicators.Uncertainty{StdErrLevel: *u.StdErrLevel}.StdErrZ())))
		} else {
			parts = append(parts, "a standard error")
		}
	}
	if u.Bounds && u.BoundsLevel != nil {
		parts = append(parts, fmt.Sprintf("%s%% interval bounds", indicators.FormatNumber(*u.BoundsLevel*100)))
	}
	if u.Percentile && u.PercentileLevel != nil {
		parts = append(parts, fmt.Sprintf("a percentile rank with %s%% bounds", indicators.FormatNumber(*u.PercentileLevel*100)))
	}
	if len(parts) == 0 {
		return "none published, so no difference can be called distinguishable."
	}
	return fmt.Sprintf("%s; compare calls a difference distinguishable only where the intervals do not overlap.", sentenceCase(strings.Join(parts, "; ")))
}

// yearSentence says what an indicator's year means: its note, which
// mostly starts by naming the kind of year ("Edition year: …"), or the
// kind of year and then the note.
func yearSentence(d docs.Indicator) string {
	if strings.HasPrefix(strings.ToLower(d.YearNote), d.YearMeaning+" year") {
		return d.YearNote
	}
	return fmt.Sprintf("%s year. %s", sentenceCase(d.YearMeaning), d.YearNote)
}

// segmentYears is a segment's years, "2002–2012" or "2022–".
func segmentYears(s docs.Segment) string {
	if s.To == nil {
		return fmt.Sprintf("%d–", s.From)
	}
	return fmt.Sprintf("%d–%d", s.From, *s.To)
}

// segmentWords is a segment's label or scale and its direction.
func segmentWords(s docs.Segment) string {
	label := s.Label
	if label == "" {
		label = "scale " + docs.ScaleText(s.Scale)
	}
	dir := indicators.LowerIsBetter
	if s.HigherIsBetter {
		dir = indicators.HigherIsBetter
	}
	return fmt.Sprintf("%s, %s", label, dir)
}

// The sentences of an indicator's coverage.
var (
	sayCoverageYears = countSentence{
		cldr.One:   "%d–%d: %d year with figures",
		cldr.Other: "%d–%d: %d years with figures",
	}
	sayCoverageGap = countSentence{
		cldr.One:   "none in %s",
		cldr.Other: "none in %s",
	}
	sayEntitiesCovered = countSentence{
		cldr.One:   "%d country or territory has figures; --format csv or json lists each with its years.",
		cldr.Other: "%d countries and territories have figures; --format csv or json lists each with its years.",
	}
	sayElectionYears = countSentence{
		cldr.One:   "%d–%d: %d year with an assessed election",
		cldr.Other: "%d–%d: %d years with an assessed election",
	}
	sayElectionCountries = countSentence{
		cldr.One:   "%d country has assessed elections; --format csv or json lists each with its election years.",
		cldr.Other: "%d countries have assessed elections; --format csv or json lists each with its election years.",
	}
)

// missingYears lists the years between the first and the last with no
// figures ("2011"), "" when there are none.
func missingYears(c docs.Coverage) string {
	if c.From == nil {
		return ""
	}
	have := map[int]bool{}
	for _, y := range c.Years {
		have[y.Year] = true
	}
	var gaps []int
	for y := *c.From; y <= *c.To; y++ {
		if !have[y] {
			gaps = append(gaps, y)
		}
	}
	return indicators.YearRanges(gaps)
}

// coverageLines says an indicator's coverage: the years, the entities per
// run of years, and each member of the group with its years.
func coverageLines(env *Env, doc docs.IndicatorDetail, group string) ([]string, error) {
	c := doc.Coverage
	if c.From == nil {
		return []string{"No figures."}, nil
	}
	years, ents := sayCoverageYears, sayEntitiesCovered
	if doc.Indicator.Events {
		years, ents = sayElectionYears, sayElectionCountries
	}
	head := years.format(len(c.Years), *c.From, *c.To, len(c.Years))
	if gaps := missingYears(c); gaps != "" {
		head = fmt.Sprintf("%s (%s)", head, sayCoverageGap.format(len(c.Years), gaps))
	}
	lines := []string{head + ".", ents.format(len(c.Entities), len(c.Entities))}
	what := "Countries and territories with a figure, by year"
	if doc.Indicator.Events {
		what = "Countries with an assessed election, by year"
	}
	var runs []string
	for _, r := range c.Runs() {
		if r.From == r.To {
			runs = append(runs, fmt.Sprintf("%d: %d", r.From, r.N))
		} else {
			runs = append(runs, fmt.Sprintf("%d–%d: %d", r.From, r.To, r.N))
		}
	}
	lines = append(lines, fmt.Sprintf("%s: %s.", what, strings.Join(runs, "; ")))
	if doc.Indicator.Ranks == string(indicators.RanksPublished) {
		lines = append(lines, "A published rank's N counts every entry the source ranked, so it can exceed these counts where the data has no row for an entry (rankings rank --group all says which).")
	}
	members, err := env.Store.Registry().Group(group)
	if err != nil {
		return nil, err
	}
	countries.SortByName(members, countries.DisplayLanguage)
	t := &textTable{header: []string{"  " + strings.ToUpper(countries.GroupTitle(group)), "YEARS", "WHICH"}, right: map[int]bool{1: true}}
	for _, m := range members {
		e, ok := c.Entity(m.ISO3)
		if !ok {
			t.add(fmt.Sprintf("  %s (%s)", m.Name, m.ISO3), "0", "no figures")
			continue
		}
		t.add(fmt.Sprintf("  %s (%s)", m.Name, m.ISO3), fmt.Sprint(e.N), e.Years)
	}
	var b strings.Builder
	if err := t.write(&b); err != nil {
		return nil, err
	}
	lines = append(lines, "", strings.TrimRight(b.String(), "\n"))
	return lines, nil
}

// indicatorText prints one indicator in full.
func indicatorText(env *Env, doc docs.IndicatorDetail, group string) error {
	d := doc.Indicator
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", d.ID, d.Name)
	if s := doc.Source; s != nil {
		fmt.Fprintf(&b, "%s — %s, %s\n", s.Name, s.Publisher, s.Edition)
	}
	b.WriteString("\n")
	field := func(label, text string) {
		if text != "" {
			fmt.Fprintf(&b, "%-13s %s\n", label+":", text)
		}
	}
	field("unit", d.Unit)
	if !d.Events {
		field("scale", fmt.Sprintf("%s, %s (the current methodology)", docs.ScaleText(d.Scale), d.Direction))
	}
	field("year", yearSentence(d))
	if !d.Events {
		field("uncertainty", uncertaintySentence(d.Uncertainty))
	}
	field("ranks", ranksSentence(d))
	field("status", d.Status)
	field("notes", d.Notes)
	if !d.Events {
		b.WriteString("\nMethodology segments (figures compare only within one; trends and changes never cross a break):\n")
		t := &textTable{header: []string{"  YEARS", "SCALE AND DIRECTION"}}
		for _, s := range d.Segments {
			t.add("  "+segmentYears(s), segmentWords(s))
		}
		if err := t.write(&b); err != nil {
			return err
		}
		for _, br := range d.Breaks {
			fmt.Fprintf(&b, "  Break in %d: %s\n", br.Year, br.Reason)
		}
		if len(d.Breaks) == 0 {
			b.WriteString("  No methodology break: every year compares with every other.\n")
		}
	}
	lines, err := coverageLines(env, doc, group)
	if err != nil {
		return err
	}
	b.WriteString("\nCoverage:\n")
	for _, l := range lines {
		if l == "" || strings.HasPrefix(l, "  ") {
			fmt.Fprintf(&b, "%s\n", l)
			continue
		}
		fmt.Fprintf(&b, "  %s\n", l)
	}
	if s := doc.Source; s != nil {
		b.WriteString("\nSource:\n")
		fmt.Fprintf(&b, "  url:      %s\n", s.URL)
		fmt.Fprintf(&b, "  licence:  %s\n", s.Licence)
		fmt.Fprintf(&b, "  cite as:  %s\n", s.Citation)
		if s.Basis != "" {
			fmt.Fprintf(&b, "  basis:    %s\n", s.Basis)
		}
		if s.Notes != "" {
			fmt.Fprintf(&b, "  note:     %s\n", s.Notes)
		}
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// indicatorMarkdown prints one indicator in full as Markdown, for a
// report's methods section.
func indicatorMarkdown(env *Env, doc docs.IndicatorDetail, group string) error {
	d := doc.Indicator
	var b strings.Builder
	fmt.Fprintf(&b, "### %s (`%s`)\n\n", mdEscape(d.Name), d.ID)
	if d.Events {
		fmt.Fprintf(&b, "- **Scale:** met (3), mostly met (2), partly met (1), not met (0)\n")
	} else {
		fmt.Fprintf(&b, "- **Scale:** %s, %s (unit: %s)\n", docs.ScaleText(d.Scale), d.Direction, mdEscape(d.Unit))
	}
	fmt.Fprintf(&b, "- **Year:** %s\n", mdEscape(yearSentence(d)))
	if !d.Events {
		fmt.Fprintf(&b, "- **Uncertainty:** %s\n", uncertaintySentence(d.Uncertainty))
	}
	fmt.Fprintf(&b, "- **Ranks:** %s\n", ranksSentence(d))
	if d.Status != "" {
		fmt.Fprintf(&b, "- **Status:** %s\n", mdEscape(d.Status))
	}
	if d.Notes != "" {
		fmt.Fprintf(&b, "- **Notes:** %s\n", mdEscape(d.Notes))
	}
	if !d.Events {
		b.WriteString("\n| Years | Scale and direction | Why it is a new methodology |\n|---|---|---|\n")
		for _, s := range d.Segments {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", segmentYears(s), mdEscape(segmentWords(s)), mdEscape(s.Reason))
		}
	}
	lines, err := coverageLines(env, doc, group)
	if err != nil {
		return err
	}
	b.WriteString("\n**Coverage.** ")
	var table, cov []string
	for _, l := range lines {
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "  ") {
			table = strings.Split(l, "\n")
			continue
		}
		cov = append(cov, mdEscape(l))
	}
	b.WriteString(strings.Join(cov, " ") + "\n")
	if len(table) > 1 {
		fmt.Fprintf(&b, "\n| %s | Years with figures | Which |\n|---|---:|---|\n", mdEscape(sentenceCase(countries.GroupTitle(group))))
		members, _ := env.Store.Registry().Group(group)
		countries.SortByName(members, countries.DisplayLanguage)
		for _, m := range members {
			if e, ok := doc.Coverage.Entity(m.ISO3); ok {
				fmt.Fprintf(&b, "| %s (%s) | %d | %s |\n", mdEscape(m.Name), m.ISO3, e.N, e.Years)
			} else {
				fmt.Fprintf(&b, "| %s (%s) | 0 | no figures |\n", mdEscape(m.Name), m.ISO3)
			}
		}
	}
	if s := doc.Source; s != nil {
		fmt.Fprintf(&b, "\n**Source.** %s — %s, %s. <%s>. Licence: %s. Cite as: %s\n", mdEscape(s.Name), mdEscape(s.Publisher), mdEscape(s.Edition), s.URL, mdEscape(s.Licence), mdEscape(s.Citation))
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// indicatorsMarkdown prints the list of indicators as a Markdown table.
func indicatorsMarkdown(env *Env, doc docs.IndicatorList) error {
	var b strings.Builder
	b.WriteString("| Id | Indicator | Scale | Direction | Year | Ranks | Breaks |\n|---|---|---|---|---|---|---|\n")
	for _, d := range doc.Indicators {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", d.ID, mdEscape(d.Name), docs.ScaleText(d.Scale), d.Direction, d.YearMeaning, ranksText(d), docs.BreaksText(d.Breaks))
	}
	fmt.Fprintf(&b, "\n%s\n", ranksLegend)
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

func newSourcesCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the sources: publisher, edition, licence and how to cite them",
		Args:  noArgs("sources takes no arguments, e.g. rankings sources --format json"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			doc, err := docs.Sources(env.Store)
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
			for i, s := range doc.Sources {
				if i > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s — %s\n", s.Name, s.Publisher)
				fmt.Fprintf(&b, "  edition:    %s\n", s.Edition)
				fmt.Fprintf(&b, "  url:        %s\n", s.URL)
				fmt.Fprintf(&b, "  licence:    %s\n", s.Licence)
				fmt.Fprintf(&b, "  cite as:    %s\n", s.Citation)
				fmt.Fprintf(&b, "  indicators: %s\n", strings.Join(s.Indicators, ", "))
				if s.Basis != "" {
					fmt.Fprintf(&b, "  basis:      %s\n", s.Basis)
				}
				if s.Notes != "" {
					fmt.Fprintf(&b, "  note:       %s\n", s.Notes)
				}
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

// The headings of a group's list, by what its members are.
var (
	sayGroupOfCountries = countSentence{
		cldr.One:   "%s: %d country, by name",
		cldr.Other: "%s: %d countries, by name",
	}
	sayGroupOfTerritories = countSentence{
		cldr.One:   "%s: %d territory, by name",
		cldr.Other: "%s: %d territories, by name",
	}
	sayGroupOfEntities = countSentence{
		cldr.Other: "%s: %d countries and territories, by name",
	}
)

// groupHeading heads a group's list with its title and size: "Central
// Asia: 5 countries, by name".
func groupHeading(doc docs.CountryList) string {
	var nc, nt int
	for _, c := range doc.Countries {
		if c.Kind == string(indicators.KindCountry) {
			nc++
		} else {
			nt++
		}
	}
	title := sentenceCase(countries.GroupTitle(doc.Group))
	n := len(doc.Countries)
	switch {
	case nt == 0:
		return sayGroupOfCountries.format(n, title, n)
	case nc == 0:
		return sayGroupOfTerritories.format(n, title, n)
	}
	return sayGroupOfEntities.format(n, title, n)
}
