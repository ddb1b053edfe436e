package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func newCountriesCmd(env *Env) *cobra.Command {
	var group, format string
	cmd := &cobra.Command{
		Use:   "countries [--group G]",
		Short: "List the countries of a group (default: the 15 post-Soviet states)",
		Long: "List the countries of a group with their ISO codes. Groups: " +
			strings.Join(countries.GroupNames(), ", ") + ".",
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
				var rows [][]string
				for _, c := range doc.Countries {
					rows = append(rows, []string{c.ISO3, c.ISO2, c.Name, c.Kind, strings.Join(c.Groups, " ")})
				}
				return writeCSV(env.Stdout, []string{"iso3", "iso2", "name", "kind", "groups"}, rows)
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
				var rows [][]string
				for _, d := range doc.Indicators {
					rows = append(rows, []string{d.ID, d.Name, d.Source, d.Unit, scaleText(d.Scale), d.Direction,
						d.YearMeaning, breaksText(d.Breaks), uncertaintyText(d.Uncertainty)})
				}
				return writeCSV(env.Stdout, []string{"id", "name", "source", "unit", "scale", "direction", "year", "breaks", "uncertainty"}, rows)
			}
			t := &textTable{header: []string{"ID", "NAME", "SCALE", "DIRECTION", "YEAR", "BREAKS"}}
			for _, d := range doc.Indicators {
				t.add(d.ID, d.Name, scaleText(d.Scale), d.Direction, d.YearMeaning, breaksText(d.Breaks))
			}
			return t.write(env.Stdout)
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func scaleText(s docs.Scale) string {
	if s.Min == nil || s.Max == nil {
		return "unbounded"
	}
	return indicators.Scale{Min: *s.Min, Max: *s.Max, Approximate: s.Approximate}.String()
}

func breaksText(bs []docs.Break) string {
	var ys []string
	for _, b := range bs {
		ys = append(ys, fmt.Sprint(b.Year))
	}
	return strings.Join(ys, " ")
}

func uncertaintyText(u docs.Uncertainty) string {
	var parts []string
	if u.StdErr {
		parts = append(parts, "stderr")
	}
	if u.Bounds {
		parts = append(parts, fmt.Sprintf("%g%% bounds", *u.BoundsLevel*100))
	}
	if u.Percentile {
		parts = append(parts, fmt.Sprintf("percentile rank with %g%% bounds", *u.PercentileLevel*100))
	}
	return strings.Join(parts, "; ")
}

func newSourcesCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the sources: publisher, edition, licence and how to cite them",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			doc := docs.Sources(env.Store)
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				var rows [][]string
				for _, s := range doc.Sources {
					rows = append(rows, []string{s.ID, s.Name, s.Publisher, s.Edition, s.URL, s.Licence, s.Citation, strings.Join(s.Indicators, " ")})
				}
				return writeCSV(env.Stdout, []string{"id", "name", "publisher", "edition", "url", "licence", "citation", "indicators"}, rows)
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
				if s.Notes != "" {
					fmt.Fprintf(&b, "  note:       %s\n", s.Notes)
				}
			}
			_, err := fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}
