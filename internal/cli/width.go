package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// minWidth is the narrowest table layout rankings draws.
const minWidth = 40

// widthFlag registers --width on the root command: the width tables fit
// (default: the terminal's, or COLUMNS, or 80).
func widthFlag(root *cobra.Command, env *Env) {
	root.PersistentFlags().IntVar(&env.widthFlag, "width", 0, "columns tables fit into (default: the terminal's width, else $COLUMNS, else 80)")
}

// columns is the width tables must fit: --width, else $COLUMNS, else the
// terminal's width, else 80 (output that is not a terminal).
func (env *Env) columns() (int, error) {
	if env.widthFlag != 0 {
		if env.widthFlag < minWidth {
			return 0, usagef("--width %d is too narrow: give %d or more", env.widthFlag, minWidth)
		}
		return env.widthFlag, nil
	}
	if env.Getenv != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(env.Getenv("COLUMNS"))); err == nil && n > 0 {
			return max(n, minWidth), nil
		}
	}
	if env.TTY && env.Columns > 0 {
		return max(env.Columns, minWidth), nil
	}
	return 80, nil
}

// wrapWords breaks text into lines of at most width display columns at
// spaces, the first line starting with first and the others with rest. A
// word longer than a line (a URL) gets a line of its own.
func wrapWords(text string, width int, first, rest string) []string {
	var lines []string
	cur := first
	empty := true
	for _, w := range strings.Fields(text) {
		if !empty && displayWidth(cur)+1+displayWidth(w) > width {
			lines = append(lines, cur)
			cur, empty = rest, true
		}
		if !empty {
			cur += " "
		}
		cur += w
		empty = false
	}
	if !empty {
		lines = append(lines, cur)
	}
	return lines
}

// displayWidth is width(s): the columns s takes, ANSI sequences left out.
func displayWidth(s string) int { return width(s) }

// fitLine is line as it is when it fits width, else wrapped at spaces with
// rest starting the lines after the first.
func fitLine(line string, width int, rest string) []string {
	if displayWidth(line) <= width {
		return []string{line}
	}
	return wrapWords(line, width, "", rest)
}
