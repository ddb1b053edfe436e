package charts

import (
	"testing"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"gonum.org/v1/plot/vg"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// TestRussianTicksHaveADecimalComma: a Russian static chart's numeric tick
// labels use the decimal comma; names and years are left alone, and
// English is untouched.
func TestRussianTicksHaveADecimalComma(t *testing.T) {
	ticks := figure.ConstantTicks([]figure.Tick{{Value: -0.5, Label: "-0.5"}, {Value: 1, Label: "1.25"}, {Value: 2, Label: "St. Lucia"}, {Value: 3, Label: "2026"}})
	for _, c := range []struct {
		lang i18n.Lang
		want []string
	}{{i18n.RU, []string{"-0,5", "1,25", "St. Lucia", "2026"}}, {i18n.EN, []string{"-0.5", "1.25", "St. Lucia", "2026"}}} {
		p := figure.New(labelStyle)
		p.Y.Tick.Marker = ticks
		localizeTicks(p, c.lang)
		got := p.Y.Tick.Marker.Ticks(-1, 4)
		for i, w := range c.want {
			if got[i].Label != w {
				t.Errorf("%s tick %d = %q, want %q", c.lang, i, got[i].Label, w)
			}
		}
	}
}

// TestFitLinesWraps: a text wider than the room breaks at spaces into
// lines that each fit; one that fits stays whole.
func TestFitLinesWraps(t *testing.T) {
	st := textStyle(9, true)
	long := "оценка в единицах стандартного нормального распределения, выше — лучше (ось приближена к диапазону данных)"
	lines := fitLines(st, long, 300)
	if len(lines) < 2 {
		t.Fatalf("%q fits %v in one line of 300 pt", long, lines)
	}
	for _, l := range lines {
		if st.Width(l) > vg.Length(300) {
			t.Errorf("line %q is %v wide", l, st.Width(l))
		}
	}
	if got := fitLines(st, "score, higher is better", 300); len(got) != 1 {
		t.Errorf("a short title was broken: %q", got)
	}
}
