package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/docs"
)

func newCountriesCmd(env *Env) *cobra.Command {
	var group, format string
	cmd := &cobra.Command{
		Use:   "countries [--group G]",
		Short: "List the countries or territories of a group (default: the 15 post-Soviet states)",
		Long: "List the countries or territories of a group with their ISO codes. Groups: " + groupHelp() + ". " +
			"The territories (Crimea XCR, Abkhazia XAB …) are entities of their own, never part of a state, and can be named like countries in every command.",
		Args: cobra.NoArgs,
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
			t := &textTable{header: []string{"ISO3", "ISO2", "NAME", "GROUPS"}}
			for _, c := range doc.Countries {
				t.add(c.ISO3, c.ISO2, c.Name, strings.Join(c.Groups, ", "))
			}
			return t.write(env.Stdout)
		},
	}
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func newIndicatorsCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "indicators",
		Short: "List the indicators with their scale, direction and methodology breaks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			doc := docs.Indicators(env.Store)
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			}
			t := &textTable{header: []string{"ID", "NAME", "SCALE", "DIRECTION", "YEAR", "RANKS", "BREAKS"}}
			for _, d := range doc.Indicators {
				ranks := d.Ranks
				if d.RanksComputedTo > 0 && len(d.Segments) > 0 {
					ranks = fmt.Sprintf("published; computed %d–%d", d.Segments[0].From, d.RanksComputedTo)
				}
				t.add(d.ID, d.Name, docs.ScaleText(d.Scale), d.Direction, d.YearMeaning, ranks, docs.BreaksText(d.Breaks))
			}
			if err := t.write(env.Stdout); err != nil {
				return err
			}
			_, err := fmt.Fprintln(env.Stdout, "\nRANKS: every rank is \"k of N\", N = every country and territory the source ranked that year; "+
				"published = the publisher's own ranks, computed = ranked by rankings within the year over that whole field (ties share the best rank).")
			return err
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func newSourcesCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the sources: publisher, edition, licence and how to cite them",
		Args:  cobra.NoArgs,
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
