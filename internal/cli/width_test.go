package cli

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestTablesFitTheWidth: compare fits the terminal's width, COLUMNS
// overrides it, --width overrides both, and a pipe gets 80 columns. Only
// URLs, which cannot be broken, may run past.
func TestTablesFitTheWidth(t *testing.T) {
	url := regexp.MustCompile(`https?://\S{20,}`)
	for _, c := range []struct {
		name    string
		env     Env
		columns string
		args    []string
		want    int
	}{
		{"pipe", Env{}, "", nil, 80},
		{"terminal", Env{TTY: true, Columns: 100}, "", nil, 100},
		{"COLUMNS over the terminal", Env{TTY: true, Columns: 100}, "60", nil, 60},
		{"--width over COLUMNS", Env{TTY: true, Columns: 100}, "60", []string{"--width", "140"}, 140},
		{"a too narrow terminal", Env{TTY: true, Columns: 20}, "", nil, minWidth},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			env := c.env
			env.Stdout, env.Stderr = &out, &errb
			env.Getenv = func(k string) string {
				if k == "COLUMNS" {
					return c.columns
				}
				if k == "NO_COLOR" {
					return "1"
				}
				return ""
			}
			args := append([]string{"compare", "kaz", "uzb", "kgz", "tjk", "tkm"}, c.args...)
			if code := Run(context.Background(), args, env); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			widest := 0
			for _, l := range strings.Split(out.String(), "\n") {
				if url.MatchString(l) {
					continue
				}
				widest = max(widest, width(l))
				if width(l) > c.want {
					t.Errorf("%d columns, wider than %d: %q", width(l), c.want, l)
				}
			}
			if widest < c.want-20 {
				t.Errorf("the widest line has %d columns: the layout does not use the %d it has", widest, c.want)
			}
		})
	}
}
