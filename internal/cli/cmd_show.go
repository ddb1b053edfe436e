package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func newShowCmd(env *Env) *cobra.Command {
	var format string
	var ids []string
	var from, to int
	cmd := &cobra.Command{
		Use:   "show <country> [--indicator id[,id...]] [--from Y] [--to Y]",
		Short: "Show a country's figures by year on every indicator",
		Example: `  rankings show kazakhstan
  rankings show "Kyrgyz Republic" --indicator rsf,wgi-rl --from 2015
  rankings show Казахстан --format json`,
		Args: exactArgs(1, "show needs one country, e.g. rankings show kazakhstan"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := env.Store.Registry().Resolve(args[0])
			if err != nil {
				return err
			}
			if from != 0 && to != 0 && from > to {
				return usagef("--from %d is after --to %d", from, to)
			}
			doc, err := docs.ShowCountry(env.Store, c, ids, from, to)
			if err != nil {
				return err
			}
			if showEmpty(doc) {
				return indicators.Errorf(indicators.ENotFound, "no figures for %s: no source in the data has any figure of it", doc.Country.Name)
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "csv":
				return writeTable(env.Stdout, doc)
			}
			return showTable(env, doc)
		},
	}
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator ids, comma-separated (default: all; see \"rankings indicators\")")
	cmd.Flags().IntVar(&from, "from", 0, "first year to show")
	cmd.Flags().IntVar(&to, "to", 0, "last year to show")
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func showTable(env *Env, doc docs.Show) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", doc.Country.Name, doc.Country.ISO3)
	for _, s := range doc.Indicators {
		ind, err := env.Store.Indicator(s.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n%s — %s (%s year)\n", s.ID, s.Name, ind.Year)
		if len(s.Values) == 0 {
			b.WriteString("  no figures for this country\n")
			continue
		}
		t := &textTable{header: []string{"  YEAR", "VALUE", "RANK", "DETAIL"}, right: map[int]bool{1: true, 2: true}}
		var notes footnotes
		segFrom := -1
		for _, v := range s.Values {
			if seg, ok := ind.SegmentAt(v.Year); ok && seg.From != segFrom {
				head := segmentText(seg)
				if segFrom != -1 {
					head = "methodology break: " + head + "; not comparable with the years above"
				}
				t.add("  ----", "", "", head)
				segFrom = seg.From
			}
			rank := ""
			if v.Rank != nil {
				rank = fmt.Sprintf("%d of %d", *v.Rank, *v.RankOf)
			}
			var detail []string
			if v.StdErr != nil {
				detail = append(detail, "s.e. "+stdErrText(ind, *v.StdErr))
			}
			if v.Pct != nil {
				p := fmt.Sprintf("percentile %s", percentileText(*v.Pct))
				if v.PctLower != nil && v.PctUpper != nil {
					p = fmt.Sprintf("percentile %s [%s–%s]", percentileText(*v.Pct), percentileText(*v.PctLower), percentileText(*v.PctUpper))
				}
				detail = append(detail, p)
			}
			if v.Status != "" {
				detail = append(detail, v.Status)
			}
			if v.Note != "" {
				detail = append(detail, v.Note)
			}
			value := notes.mark(ind.Format(v.Value), publishedNote(ind, v.Year, v.Value, v.PublishedValue))
			t.add(fmt.Sprintf("  %d", v.Year), value, rank, strings.Join(detail, "; "))
		}
		if err := t.write(&b); err != nil {
			return err
		}
		notes.write(&b, "  ")
	}
	if hasRank(doc) {
		fmt.Fprintf(&b, "\n%s\n", rankLegend)
	}
	if len(doc.Elections) > 0 {
		fmt.Fprintf(&b, "\nodihr — OSCE/ODIHR election assessments\n")
		t := &textTable{header: []string{"  DATE", "TYPE", "ASSESSMENT", "SUMMARY", "SOURCE"}}
		for _, e := range doc.Elections {
			t.add("  "+e.Date, e.Type, indicators.Assessment(e.Assessment).Label(), e.Summary, indicators.SourceKind(e.SourceKind).Label())
		}
		if err := t.write(&b); err != nil {
			return err
		}
	}
	_, err := fmt.Fprint(env.Stdout, b.String())
	return err
}

// showEmpty reports whether doc holds no figure and no election.
func showEmpty(doc docs.Show) bool {
	for _, s := range doc.Indicators {
		if len(s.Values) > 0 {
			return false
		}
	}
	return len(doc.Elections) == 0
}

// hasRank reports whether any figure shown has a rank.
func hasRank(doc docs.Show) bool {
	for _, s := range doc.Indicators {
		for _, v := range s.Values {
			if v.Rank != nil {
				return true
			}
		}
	}
	return false
}

// segmentText describes a methodology segment: its years, scale and
// direction.
func segmentText(seg indicators.Segment) string {
	years := fmt.Sprintf("%d–", seg.From)
	if seg.To != 0 {
		years = fmt.Sprintf("%d–%d", seg.From, seg.To)
	}
	label := seg.Label
	if label == "" {
		label = "scale " + seg.Scale.String()
	}
	return fmt.Sprintf("%s %s, %s", years, label, seg.Direction)
}
