package docs

import (
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// TestIndicatorInSaysEveryText: every word of every embedded indicator's
// document has a Russian form, and English gives the document unchanged.
func TestIndicatorInSaysEveryText(t *testing.T) {
	for _, d := range Indicators(datasets.Embedded()).Indicators {
		ru := IndicatorIn(i18n.RU, d)
		check := func(field, en, got string) {
			if en != "" && got == en {
				t.Errorf("%s %s stays English: %q", d.ID, field, en)
			}
		}
		check("name", d.Name, ru.Name)
		check("unit", d.Unit, ru.Unit)
		check("direction", d.Direction, ru.Direction)
		check("year_note", d.YearNote, ru.YearNote)
		check("status", d.Status, ru.Status)
		check("notes", d.Notes, ru.Notes)
		for i, s := range d.Segments {
			check("segment label", s.Label, ru.Segments[i].Label)
			check("segment reason", s.Reason, ru.Segments[i].Reason)
		}
		for i, b := range d.Breaks {
			check("break reason", b.Reason, ru.Breaks[i].Reason)
		}
		if ru.ID != d.ID || ru.HigherIsBetter != d.HigherIsBetter || len(ru.Segments) != len(d.Segments) {
			t.Errorf("%s: IndicatorIn changed more than words", d.ID)
		}
		if en := IndicatorIn(i18n.EN, d); en.Name != d.Name || en.Notes != d.Notes || en.Unit != d.Unit {
			t.Errorf("%s: English is not the document itself", d.ID)
		}
	}
	if got := IndicatorIn(i18n.RU, Indicators(datasets.Embedded()).Indicators[0]).Segments[0].Label; got != "прежняя шкала баллов (без границ)" {
		t.Errorf("rsf's first segment is %q", got)
	}
}
