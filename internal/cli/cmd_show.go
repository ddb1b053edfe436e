package cli

import (
	"fmt"
	"strconv"
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
				return indicators.Errorf(indicators.ENotFound, "%s", env.Lang.T("show.err_no_figures", env.countryName(doc.Country.ISO3, doc.Country.Name)))
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
	lang := env.Lang
	var b strings.Builder
	b.Grow(64 << 10) // a country's page is about 40 kB: one buffer, not a series of doublings
	fmt.Fprintf(&b, "%s\n", lang.T("show.country", env.countryName(doc.Country.ISO3, doc.Country.Name), doc.Country.ISO3))
	for _, s := range doc.Indicators {
		ind, err := env.Store.Indicator(s.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n%s\n", lang.T("show.indicator_heading", s.ID, lang.IndicatorNameFirst(s.ID, s.Name), yearKind(lang, ind.Year)))
		if len(s.Values) == 0 {
			fmt.Fprintf(&b, "  %s\n", lang.T("show.no_figures"))
			continue
		}
		t := &textTable{header: []string{"  " + lang.T("col.year"), lang.T("col.value"), lang.T("col.rank"), lang.T("col.detail")}, right: map[int]bool{1: true, 2: true}}
		var notes footnotes
		segFrom := -1
		for _, v := range s.Values {
			if seg, ok := ind.SegmentAt(v.Year); ok && seg.From != segFrom {
				head := segmentText(lang, ind.ID, seg)
				if segFrom != -1 {
					head = lang.T("show.methodology_break", head)
				}
				t.add("  ----", "", "", head)
				segFrom = seg.From
			}
			rank := ""
			if v.Rank != nil {
				rank = rankOf(lang, *v.Rank, *v.RankOf)
			}
			detail := make([]string, 0, 4)
			if v.StdErr != nil {
				detail = append(detail, lang.T("show.std_err", lang.Figure(stdErrText(ind, *v.StdErr))))
			}
			if v.Pct != nil {
				pct := func(p float64) string { return lang.Figure(percentileText(p)) }
				p := lang.T("show.percentile", pct(*v.Pct))
				if v.PctLower != nil && v.PctUpper != nil {
					p = lang.T("show.percentile_bounds", pct(*v.Pct), pct(*v.PctLower), pct(*v.PctUpper))
				}
				detail = append(detail, p)
			}
			if v.Status != "" {
				detail = append(detail, statusText(lang, v.Status))
			}
			if v.Note != "" {
				detail = append(detail, dataNote(lang, v.Note))
			}
			value := notes.mark(lang.Figure(ind.Format(v.Value)), publishedNoteIn(lang, ind, v.Year, v.Value, v.PublishedValue))
			t.add("  "+strconv.Itoa(v.Year), value, rank, strings.Join(detail, lang.T("show.detail_sep")))
		}
		if err := t.write(&b); err != nil {
			return err
		}
		notes.write(&b, "  ")
	}
	if hasRank(doc) {
		fmt.Fprintf(&b, "\n%s\n", lang.T("legend.rank"))
	}
	if len(doc.Elections) > 0 {
		fmt.Fprintf(&b, "\n%s\n", lang.T("show.odihr_heading"))
		t := &textTable{header: []string{"  " + lang.T("col.date"), lang.T("col.type"), lang.T("col.assessment"), lang.T("col.summary"), lang.T("col.source")}}
		for _, e := range doc.Elections {
			t.add("  "+lang.DateText(e.Date), docs.ElectionTypeIn(lang, e.Type), docs.AssessmentIn(lang, e.Assessment), e.Summary, docs.SourceKindIn(lang, e.SourceKind))
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
