package cli

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/docs"
)

// formatFlag registers --format with the allowed values, the first being
// the default.
func formatFlag(cmd *cobra.Command, p *string, allowed ...string) {
	cmd.Flags().StringVarP(p, "format", "f", allowed[0], "output format: "+strings.Join(allowed, ", "))
	cmd.PreRunE = chainPreRun(cmd.PreRunE, func(*cobra.Command, []string) error {
		for _, a := range allowed {
			if *p == a {
				return nil
			}
		}
		return usagef("unknown format %q: use one of %s", *p, strings.Join(allowed, ", "))
	})
}

func chainPreRun(a, b func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	if a == nil {
		return b
	}
	return func(c *cobra.Command, args []string) error {
		if err := a(c, args); err != nil {
			return err
		}
		return b(c, args)
	}
}

func writeJSON(w io.Writer, doc any) error { return docs.WriteJSON(w, doc) }

// writeTable prints a document's CSV form.
func writeTable(w io.Writer, doc docs.Tabular) error { return docs.WriteCSV(w, doc) }

// textTable prints aligned columns; columns whose index is in right are
// right-aligned (numbers).
type textTable struct {
	header []string
	rows   [][]string
	right  map[int]bool
}

func (t *textTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *textTable) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	measure := func(row []string) {
		for i, c := range row {
			if i < len(widths) && width(c) > widths[i] {
				widths[i] = width(c)
			}
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	line := func(row []string) string {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-width(c))
			if t.right[i] {
				b.WriteString(pad + c)
			} else if i < len(row)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
			if i < len(row)-1 {
				b.WriteString("  ")
			}
		}
		return strings.TrimRight(b.String(), " ")
	}
	var b strings.Builder
	b.WriteString(line(t.header) + "\n")
	for _, r := range t.rows {
		b.WriteString(line(r) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// width is the display width of s, ignoring ANSI colour sequences.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if j > 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}
