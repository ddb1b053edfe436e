package cli

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/errtext"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// codedNote recognises the note of a source rankings coded itself, to say
// it in another language.
var codedNote = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^rankings coded these assessments from documents of the (.+), which did not publish them as a dataset\.`)
})

// citeNote is a citation's note in language l: the coded source's note in
// l, any other as the document gives it.
func citeNote(l i18n.Lang, note string) string {
	if l == i18n.EN {
		return note
	}
	if m := codedNote().FindStringSubmatch(note); m != nil && m[1] == i18n.EN.T("cite.odihr_office") {
		return l.T("cite.coded_note", l.T("cite.odihr_office"))
	}
	return note
}

func newCiteCmd(env *Env) *cobra.Command {
	var format, accessed string
	var year int
	cmd := &cobra.Command{
		Use:   "cite <indicator|source|all>",
		Short: "Print the full citation of an indicator's source, or of every source, for reference managers",
		Long: `cite prints how to cite a source: publisher, index, edition, URL and,
where the source asks for one, the date the data was accessed. Give an
indicator id (rsf, wgi-rl), a source id (wgi, fh-fiw) or all.

The edition cited is the data's latest unless --year names one (the
indicator's own year, as in every command). The access date is today's
unless --accessed gives one, so that the output can be reproduced.

Formats: text (default), bibtex (@misc entries), ris (TY  - DATA records),
csl-json (items of type "dataset", for Zotero, Mendeley and Pandoc) and
json (the document /api/v1/cite serves).`,
		Example: `  rankings cite rsf
  rankings cite all --format bibtex > sources.bib
  rankings cite wgi-rl --format ris --accessed 2026-05-03
  rankings cite fh-fiw --year 2020 --format csl-json`,
		Args: exactArgs(1, "cite needs one indicator, source or all, e.g. rankings cite rsf --format bibtex"),
		RunE: func(cmd *cobra.Command, args []string) error {
			when := time.Now()
			if accessed != "" {
				t, err := docs.ParseAccessed(accessed)
				if err != nil {
					return usagef("--accessed: %s", err.Error())
				}
				when = t
			}
			doc, err := docs.Cite(env.Store, args[0], year, when)
			if err != nil {
				return err
			}
			l := env.Lang
			for _, n := range doc.Notes {
				fmt.Fprintf(env.Stderr, "rankings: %s\n", errtext.Error(l, env.registry(), n))
			}
			switch format {
			case "json":
				return writeJSON(env.Stdout, doc)
			case "bibtex":
				_, err = fmt.Fprint(env.Stdout, doc.BibTeX())
				return err
			case "ris":
				_, err = fmt.Fprint(env.Stdout, doc.RIS())
				return err
			case "csl-json":
				b, err := json.MarshalIndent(doc.CSL(), "", "  ")
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
				return err
			}
			if l != i18n.EN {
				fmt.Fprintf(env.Stderr, "rankings: %s\n", l.T("cite.english"))
			}
			var b strings.Builder
			for i, c := range doc.Citations {
				if i > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s\n", c.Text)
				fmt.Fprintf(&b, "%s\n", l.T("cite.indicators", strings.Join(c.Indicators, ", ")))
				fmt.Fprintf(&b, "%s\n", l.T("cite.licence", licenceIn(l, c.Licence)))
				if c.Note != "" {
					fmt.Fprintf(&b, "%s\n", l.T("cite.note", citeNote(l, c.Note)))
				}
			}
			_, err = fmt.Fprint(env.Stdout, b.String())
			return err
		},
	}
	formatFlag(cmd, &format, "text", "bibtex", "ris", "csl-json", "json")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "the edition to cite: the indicator's own year (default: the latest)")
	cmd.Flags().StringVar(&accessed, "accessed", "", "the access date, YYYY-MM-DD, of sources that ask for one (default: today)")
	return cmd
}
