package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
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
			l := env.Lang
			var b strings.Builder
			fmt.Fprintf(&b, "%s\n\n", groupHeading(l, doc))
			t := &textTable{header: []string{l.T("listing.col.iso3"), l.T("listing.col.iso2"), l.T("listing.col.name"), l.T("listing.col.groups")}}
			for _, c := range env.byNameIn(doc.Countries) {
				titles := make([]string, len(c.Groups))
				for i, g := range c.Groups {
					titles[i] = docs.GroupTitleIn(l, g)
				}
				t.add(c.ISO3, c.ISO2, env.countryName(c.ISO3, c.Name), strings.Join(titles, ", "))
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
			l := env.Lang
			t := &textTable{header: []string{l.T("listing.col.id"), l.T("listing.col.name"), l.T("listing.col.scale"), l.T("listing.col.direction"), l.T("listing.col.year"), l.T("listing.col.ranks"), l.T("listing.col.breaks")}}
			for _, d := range doc.Indicators {
				t.add(d.ID, l.IndicatorName(d.ID, d.Name), docScaleText(l, d.Scale), directionIn(l, d), yearMeaningIn(l, d.YearMeaning), ranksText(l, d), docs.BreaksText(d.Breaks))
			}
			if err := t.write(env.Stdout); err != nil {
				return err
			}
			_, err := fmt.Fprintln(env.Stdout, "\n"+l.T("listing.ranks_legend")+"\n"+l.T("listing.indicators.more"))
			return err
		},
	}
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "with an id, the group whose countries' coverage is listed: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv", "markdown")
	return cmd
}

// ranksText is where an indicator's ranks come from, "published",
// "computed" or "published; computed 2012–2016", in language l.
func ranksText(l i18n.Lang, d docs.Indicator) string {
	if d.RanksComputedTo > 0 && len(d.Segments) > 0 {
		return l.T("listing.ranks.published_computed", d.Segments[0].From, d.RanksComputedTo)
	}
	if d.Ranks != "" && i18n.Has("listing.ranks."+d.Ranks) {
		return l.T("listing.ranks." + d.Ranks)
	}
	return d.Ranks
}

// ranksSentence says where an indicator's ranks come from, in a sentence.
func ranksSentence(l i18n.Lang, d docs.Indicator) string {
	switch {
	case d.Events:
		return l.T("listing.ind.ranks_none")
	case d.RanksComputedTo > 0 && len(d.Segments) > 0:
		return l.T("listing.ind.ranks_partly_computed", d.Segments[0].From, d.RanksComputedTo)
	case d.Ranks == string(indicators.RanksPublished):
		return l.T("listing.ind.ranks_published")
	}
	return l.T("listing.ind.ranks_computed")
}

// percent is a level (0.9) as a percentage in language l ("90").
func percent(l i18n.Lang, level float64) string {
	return l.Figure(indicators.FormatNumber(level * 100))
}

// uncertaintySentence says what uncertainty an indicator publishes.
func uncertaintySentence(l i18n.Lang, u docs.Uncertainty) string {
	var parts []string
	if u.StdErr {
		if u.StdErrLevel != nil {
			parts = append(parts, l.T("listing.ind.unc_stderr_level",
				percent(l, *u.StdErrLevel), l.Figure(indicators.FormatNumber(indicators.Uncertainty{StdErrLevel: *u.StdErrLevel}.StdErrZ()))))
		} else {
			parts = append(parts, l.T("listing.ind.unc_stderr"))
		}
	}
	if u.Bounds && u.BoundsLevel != nil {
		parts = append(parts, l.T("listing.ind.unc_bounds", percent(l, *u.BoundsLevel)))
	}
	if u.Percentile && u.PercentileLevel != nil {
		parts = append(parts, l.T("listing.ind.unc_percentile", percent(l, *u.PercentileLevel)))
	}
	if len(parts) == 0 {
		return l.T("listing.ind.unc_none")
	}
	return l.T("listing.ind.unc_sentence", sentenceCase(strings.Join(parts, l.T("listing.ind.unc_sep"))))
}

// yearSentence says what an indicator's year means: its note, which
// mostly starts by naming the kind of year ("Edition year: …"), or the
// kind of year and then the note. Outside English the kind of year is
// said in the language and the note, which is only in English, is marked
// as such.
func yearSentence(l i18n.Lang, d docs.Indicator) string {
	note, said := docs.TextIn(l, d.YearNote)
	if said && strings.HasPrefix(strings.ToLower(d.YearNote), d.YearMeaning+" year") {
		return note
	}
	kind := d.YearMeaning
	if key := "listing.ind.year_kind." + d.YearMeaning; i18n.Has(key) {
		kind = l.T(key)
	}
	if said {
		return l.T("listing.ind.year_with_note", sentenceCase(kind), note)
	}
	return l.T("listing.ind.year_sentence", sentenceCase(kind), d.YearNote)
}

// licenceIn is a source's licence in language l: rankings' own words for
// a source it coded, where the catalogue translates them; a publisher's
// licence as the publisher writes it.
func licenceIn(l i18n.Lang, s string) string {
	t, _ := docs.TextIn(l, s)
	return t
}

// licenceClause is a source's licence as a clause followed by another
// sentence: english's text without its own closing full stop.
func licenceClause(l i18n.Lang, s string) string {
	if t, ok := docs.TextIn(l, s); ok {
		return strings.TrimSuffix(t, ".")
	}
	return l.T("listing.english", strings.TrimSuffix(s, "."))
}

// english is a text of the data in language l where the catalogue
// translates it, else the English text marked as such («… (на
// английском)»); in English it is the text itself.
func english(l i18n.Lang, s string) string {
	if t, ok := docs.TextIn(l, s); ok {
		return t
	}
	return l.T("listing.english", s)
}

// segmentYears is a segment's years, "2002–2012" or "2022–".
func segmentYears(l i18n.Lang, s docs.Segment) string {
	if s.To == nil {
		return l.T("listing.ind.segment_years_open", s.From)
	}
	return l.T("listing.ind.segment_years", s.From, *s.To)
}

// segmentWords is a segment's label or scale and its direction; id is the
// segment's indicator, whose labels the catalogue may translate.
func segmentWords(l i18n.Lang, id string, s docs.Segment) string {
	label := docs.SegmentLabelIn(l, id, s.From, s.Label)
	if label == "" {
		label = l.T("listing.ind.segment_scale", docScaleText(l, s.Scale))
	}
	return l.T("listing.ind.segment", label, docs.DirectionIn(l, s.HigherIsBetter))
}

// docScaleText is a document's scale in language l: "0–100", "about -2.5
// to 2.5", "unbounded"; English as docs.ScaleText says it.
func docScaleText(l i18n.Lang, s docs.Scale) string {
	if l == i18n.EN || s.Min == nil || s.Max == nil {
		if l != i18n.EN {
			return l.T("scale.unbounded")
		}
		return docs.ScaleText(s)
	}
	return scaleText(l, indicators.Scale{Min: *s.Min, Max: *s.Max, Approximate: s.Approximate})
}

// directionIn is an indicator's direction in language l ("higher is
// better"); English as the document says it.
func directionIn(l i18n.Lang, d docs.Indicator) string {
	if l == i18n.EN {
		return d.Direction
	}
	return docs.DirectionIn(l, d.HigherIsBetter)
}

// yearMeaningIn is what an indicator's year is ("edition", "data") in
// language l.
func yearMeaningIn(l i18n.Lang, meaning string) string {
	if key := "listing.year." + meaning; i18n.Has(key) {
		return l.T(key)
	}
	return meaning
}

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

// groupMembers are the members of group sorted by their names in the
// output's language.
func (env *Env) groupMembers(group string) ([]indicators.Country, error) {
	members, err := env.Store.Registry().Group(group)
	if err != nil {
		return nil, err
	}
	countries.SortByName(members, env.Lang.Tag())
	return members, nil
}

// byNameIn orders a list's countries by their names in the output's
// language (the document lists them in English order).
func (env *Env) byNameIn(cs []docs.Country) []docs.Country {
	if env.Lang == i18n.EN || env.Lang == "" {
		return cs
	}
	reg := env.Store.Registry()
	var known []indicators.Country
	at := map[string]docs.Country{}
	var rest []docs.Country
	for _, c := range cs {
		if k, ok := reg.ByCode(c.ISO3); ok {
			known = append(known, k)
			at[c.ISO3] = c
		} else {
			rest = append(rest, c)
		}
	}
	countries.SortByName(known, env.Lang.Tag())
	out := make([]docs.Country, 0, len(cs))
	for _, k := range known {
		out = append(out, at[k.ISO3])
	}
	return append(out, rest...)
}

// coverageLines says an indicator's coverage: the years, the entities per
// run of years, and each member of the group with its years.
func coverageLines(env *Env, doc docs.IndicatorDetail, group string) ([]string, error) {
	l := env.Lang
	c := doc.Coverage
	if c.From == nil {
		return []string{l.T("listing.cov.none")}, nil
	}
	years, ents, what := "listing.cov.years", "listing.cov.entities", "listing.cov.by_year"
	if doc.Indicator.Events {
		years, ents, what = "listing.cov.election_years", "listing.cov.election_countries", "listing.cov.elections_by_year"
	}
	head := l.N(years, len(c.Years), *c.From, *c.To, len(c.Years))
	if gaps := missingYears(c); gaps != "" {
		head = l.T("listing.cov.gap", head, gaps)
	}
	lines := []string{l.T("listing.cov.line", head), l.N(ents, len(c.Entities), len(c.Entities))}
	var runs []string
	for _, r := range c.Runs() {
		if r.From == r.To {
			runs = append(runs, fmt.Sprintf("%d: %d", r.From, r.N))
		} else {
			runs = append(runs, fmt.Sprintf("%d–%d: %d", r.From, r.To, r.N))
		}
	}
	lines = append(lines, l.T(what, strings.Join(runs, "; ")))
	if doc.Indicator.Ranks == string(indicators.RanksPublished) {
		lines = append(lines, l.T("listing.cov.published_n"))
	}
	members, err := env.groupMembers(group)
	if err != nil {
		return nil, err
	}
	t := &textTable{header: []string{"  " + strings.ToUpper(docs.GroupTitleIn(l, group)), l.T("listing.col.years"), l.T("listing.col.which")}, right: map[int]bool{1: true}}
	for _, m := range members {
		name := fmt.Sprintf("  %s (%s)", m.DisplayName(l.Tag()), m.ISO3)
		e, ok := c.Entity(m.ISO3)
		if !ok {
			t.add(name, "0", l.T("listing.cov.no_figures"))
			continue
		}
		t.add(name, fmt.Sprint(e.N), e.Years)
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
	l := env.Lang
	d := doc.Indicator
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", l.T("listing.ind.heading", d.ID, l.IndicatorNameFirst(d.ID, d.Name)))
	if s := doc.Source; s != nil {
		fmt.Fprintf(&b, "%s\n", l.T("listing.ind.source", sourceName(l, *s), publisherName(l, *s), english(l, s.Edition)))
	}
	b.WriteString("\n")
	labels := []string{"unit", "scale", "year", "uncertainty", "ranks", "status", "notes"}
	width := 0
	for _, k := range labels {
		width = max(width, utf8.RuneCountInString(l.T("listing.ind.field."+k))+1)
	}
	field := func(label, text string) {
		if text != "" {
			fmt.Fprintf(&b, "%-*s %s\n", width, l.T("listing.ind.field."+label), text)
		}
	}
	field("unit", docs.UnitIn(l, d.Unit))
	if !d.Events {
		field("scale", l.T("listing.ind.scale_current", docScaleText(l, d.Scale), directionIn(l, d)))
	}
	field("year", yearSentence(l, d))
	if !d.Events {
		field("uncertainty", uncertaintySentence(l, d.Uncertainty))
	}
	field("ranks", ranksSentence(l, d))
	field("status", english(l, d.Status))
	field("notes", english(l, d.Notes))
	if !d.Events {
		b.WriteString("\n" + l.T("listing.ind.segments_heading") + "\n")
		t := &textTable{header: []string{"  " + l.T("listing.col.years"), l.T("listing.col.scale_direction")}}
		for _, s := range d.Segments {
			t.add("  "+segmentYears(l, s), segmentWords(l, d.ID, s))
		}
		if err := t.write(&b); err != nil {
			return err
		}
		for _, br := range d.Breaks {
			fmt.Fprintf(&b, "%s\n", l.T("listing.ind.break", br.Year, english(l, br.Reason)))
		}
		if len(d.Breaks) == 0 {
			b.WriteString(l.T("listing.ind.no_break") + "\n")
		}
	}
	lines, err := coverageLines(env, doc, group)
	if err != nil {
		return err
	}
	b.WriteString("\n" + l.T("listing.ind.coverage_heading") + "\n")
	for _, line := range lines {
		if line == "" || strings.HasPrefix(line, "  ") {
			fmt.Fprintf(&b, "%s\n", line)
			continue
		}
		fmt.Fprintf(&b, "  %s\n", line)
	}
	if s := doc.Source; s != nil {
		b.WriteString("\n" + l.T("listing.ind.source_heading") + "\n")
		if l != i18n.EN {
			fmt.Fprintf(&b, "  %s\n", l.T("listing.sources.english"))
		}
		fmt.Fprintf(&b, "%s\n", l.T("listing.ind.src.url", s.URL))
		fmt.Fprintf(&b, "%s\n", l.T("listing.ind.src.licence", licenceIn(l, s.Licence)))
		fmt.Fprintf(&b, "%s\n", l.T("listing.ind.src.cite_as", s.Citation))
		if s.Basis != "" {
			fmt.Fprintf(&b, "%s\n", l.T("listing.ind.src.basis", basisText(l, *s)))
		}
		if s.Notes != "" {
			fmt.Fprintf(&b, "%s\n", l.T("listing.ind.src.note", english(l, s.Notes)))
		}
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// indicatorMarkdown prints one indicator in full as Markdown, for a
// report's methods section.
func indicatorMarkdown(env *Env, doc docs.IndicatorDetail, group string) error {
	l := env.Lang
	d := doc.Indicator
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", l.T("listing.md.heading", mdEscape(l.IndicatorNameFirst(d.ID, d.Name)), d.ID))
	if d.Events {
		fmt.Fprintf(&b, "%s\n", l.T("listing.md.scale_events"))
	} else {
		fmt.Fprintf(&b, "%s\n", l.T("listing.md.scale", docScaleText(l, d.Scale), directionIn(l, d), mdEscape(docs.UnitIn(l, d.Unit))))
	}
	fmt.Fprintf(&b, "%s\n", l.T("listing.md.year", mdEscape(yearSentence(l, d))))
	if !d.Events {
		fmt.Fprintf(&b, "%s\n", l.T("listing.md.uncertainty", uncertaintySentence(l, d.Uncertainty)))
	}
	fmt.Fprintf(&b, "%s\n", l.T("listing.md.ranks", ranksSentence(l, d)))
	if d.Status != "" {
		fmt.Fprintf(&b, "%s\n", l.T("listing.md.status", mdEscape(english(l, d.Status))))
	}
	if d.Notes != "" {
		fmt.Fprintf(&b, "%s\n", l.T("listing.md.notes", mdEscape(english(l, d.Notes))))
	}
	if !d.Events {
		b.WriteString("\n" + l.T("listing.md.segments_header") + "\n|---|---|---|\n")
		for _, s := range d.Segments {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", segmentYears(l, s), mdEscape(segmentWords(l, d.ID, s)), mdEscape(english(l, s.Reason)))
		}
	}
	lines, err := coverageLines(env, doc, group)
	if err != nil {
		return err
	}
	b.WriteString("\n" + l.T("listing.md.coverage") + " ")
	var table, cov []string
	for _, line := range lines {
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "  ") {
			table = strings.Split(line, "\n")
			continue
		}
		cov = append(cov, mdEscape(line))
	}
	b.WriteString(strings.Join(cov, " ") + "\n")
	if len(table) > 1 {
		fmt.Fprintf(&b, "\n%s\n|---|---:|---|\n", l.T("listing.md.members_header", mdEscape(sentenceCase(docs.GroupTitleIn(l, group)))))
		members, _ := env.groupMembers(group)
		for _, m := range members {
			name := m.DisplayName(l.Tag())
			if e, ok := doc.Coverage.Entity(m.ISO3); ok {
				fmt.Fprintf(&b, "| %s (%s) | %d | %s |\n", mdEscape(name), m.ISO3, e.N, e.Years)
			} else {
				fmt.Fprintf(&b, "| %s (%s) | 0 | %s |\n", mdEscape(name), m.ISO3, l.T("listing.cov.no_figures"))
			}
		}
	}
	if s := doc.Source; s != nil {
		fmt.Fprintf(&b, "\n%s\n", l.T("listing.md.source", mdEscape(sourceName(l, *s)), mdEscape(publisherName(l, *s)), mdEscape(english(l, s.Edition)), s.URL, mdEscape(licenceClause(l, s.Licence)), mdEscape(s.Citation)))
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}

// indicatorsMarkdown prints the list of indicators as a Markdown table.
func indicatorsMarkdown(env *Env, doc docs.IndicatorList) error {
	l := env.Lang
	var b strings.Builder
	b.WriteString(l.T("listing.md.indicators_header") + "\n|---|---|---|---|---|---|---|\n")
	for _, d := range doc.Indicators {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", d.ID, mdEscape(l.IndicatorName(d.ID, d.Name)), docScaleText(l, d.Scale), directionIn(l, d), yearMeaningIn(l, d.YearMeaning), ranksText(l, d), docs.BreaksText(d.Breaks))
	}
	fmt.Fprintf(&b, "\n%s\n", l.T("listing.ranks_legend"))
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// sourceName is a source's name in language l: the catalogue's
// "listing.source_name.<id>", else the source's own.
func sourceName(l i18n.Lang, s docs.Source) string {
	if key := "listing.source_name." + s.ID; l != i18n.EN && i18n.Has(key) {
		return l.T(key)
	}
	return s.Name
}

// publisherName is a source's publisher in language l: the publisher's
// own name in l where it has one ("listing.publisher.<id>"), else as the
// source names it.
func publisherName(l i18n.Lang, s docs.Source) string {
	if key := "listing.publisher." + s.ID; l != i18n.EN && i18n.Has(key) {
		return l.T(key)
	}
	return s.Publisher
}

// basisText says what a coded source's rows rest on, in language l; the
// English is the document's own.
func basisText(l i18n.Lang, s docs.Source) string {
	if l == i18n.EN || len(s.SourceKindCounts) == 0 {
		return s.Basis
	}
	n := 0
	for _, c := range s.SourceKindCounts {
		n += c
	}
	k := s.SourceKindCounts
	return l.T("listing.sources.basis_counts", n, k["odihr"], k["osce_pa"], k["mirror"], k["secondary"])
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
			l := env.Lang
			var b strings.Builder
			if l != i18n.EN {
				fmt.Fprintf(&b, "%s\n\n", l.T("listing.sources.english"))
			}
			line := func(key, text string) {
				fmt.Fprintf(&b, "%s\n", l.T(key, text))
			}
			for i, s := range doc.Sources {
				if i > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s\n", l.T("listing.sources.heading", sourceName(l, s), publisherName(l, s)))
				line("listing.sources.edition", english(l, s.Edition))
				line("listing.sources.url", s.URL)
				line("listing.sources.licence", licenceIn(l, s.Licence))
				line("listing.sources.cite_as", s.Citation)
				line("listing.sources.indicators", strings.Join(s.Indicators, ", "))
				if s.Basis != "" {
					line("listing.sources.basis", basisText(l, s))
				}
				if s.Notes != "" {
					line("listing.sources.note", english(l, s.Notes))
				}
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

// groupHeading heads a group's list with its title and size, in language
// l: "Central Asia: 5 countries, by name".
func groupHeading(l i18n.Lang, doc docs.CountryList) string {
	var nc, nt int
	for _, c := range doc.Countries {
		if c.Kind == string(indicators.KindCountry) {
			nc++
		} else {
			nt++
		}
	}
	title := sentenceCase(docs.GroupTitleIn(l, doc.Group))
	n := len(doc.Countries)
	switch {
	case nt == 0:
		return l.N("listing.countries.heading_countries", n, title, n)
	case nc == 0:
		return l.N("listing.countries.heading_territories", n, title, n)
	}
	return l.N("listing.countries.heading_entities", n, title, n)
}
