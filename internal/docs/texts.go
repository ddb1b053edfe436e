package docs

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// textKeys maps the English texts of the indicator catalogue (notes,
// reasons, year notes, editions, licences: package indicators and the
// source catalogue write them in English) to the catalogue keys that say
// them in another language.
var textKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range i18n.Keys(i18n.EN) {
		if strings.HasPrefix(k, "listing.text.") {
			m[i18n.EN.T(k)] = k
		}
	}
	return m
})

// TextIn is a text of the indicator or source catalogue in language l,
// and whether it could be said in l: the message catalogue translates the
// texts it knows; one it does not know (a new or an imported indicator's)
// stays English.
func TextIn(l i18n.Lang, s string) (string, bool) {
	if isEnglish(l) || s == "" {
		return s, true
	}
	if k, ok := textKeys()[s]; ok {
		return l.T(k), true
	}
	return s, false
}

// unitKeys are the catalogue keys of the units the indicator catalogue
// (package indicators) gives in English; the English catalogue holds the
// same words, the Russian one their translation.
var unitKeys = map[string]string{
	"score":                             "unit.score",
	"score 0–100":                       "unit.score_0_100",
	"score 0–1":                         "unit.score_0_1",
	"estimate in standard normal units": "unit.standard_normal",
	"score 0–100 (down to −4: a discretionary question can subtract points)": "unit.score_0_100_fh",
	"score 0–40 (down to −4: a discretionary question can subtract points)":  "unit.score_0_40_fh",
	"score 0–60":                     "unit.score_0_60",
	"score 0–12":                     "unit.score_0_12",
	"rating 1–7 (1 = most free)":     "unit.rating_1_7",
	"score 0–100 (0 = most free)":    "unit.score_0_100_free",
	"score 0–100 (100 = very clean)": "unit.score_0_100_clean",
	"index 0–1":                      "unit.index_0_1",
	"latent scale, about −3 to +3":   "unit.latent",
	"assessment: met (3), mostly met (2), partly met (1), not met (0)": "unit.assessment",
}

// UnitIn is an indicator's unit in language l; a unit the catalogue does
// not know stays as the indicator catalogue gives it.
func UnitIn(l i18n.Lang, unit string) string {
	if k, ok := unitKeys[unit]; ok && !isEnglish(l) {
		return l.T(k)
	}
	return unit
}

// DirectionIn is "higher is better" or "lower is better" in language l.
func DirectionIn(l i18n.Lang, higherIsBetter bool) string {
	if higherIsBetter {
		return l.T("direction.higher")
	}
	return l.T("direction.lower")
}

// SegmentLabelIn is the label of indicator id's methodology segment
// beginning in year from, in language l; label is its English.
func SegmentLabelIn(l i18n.Lang, id string, from int, label string) string {
	if key := fmt.Sprintf("segment.%s.%d", id, from); label != "" && !isEnglish(l) && i18n.Has(key) {
		return l.T(key)
	}
	return label
}

// IndicatorIn is d with its words in language l: the name, the unit, the
// direction, the year note, the segments' labels and reasons, the breaks'
// reasons, the status and the notes. Codes and numbers are not words and
// stay; a text the catalogue cannot say in l stays English. In English it
// is d itself.
func IndicatorIn(l i18n.Lang, d Indicator) Indicator {
	if isEnglish(l) {
		return d
	}
	text := func(s string) string { t, _ := TextIn(l, s); return t }
	d.Name = l.IndicatorName(d.ID, d.Name)
	d.Unit = UnitIn(l, d.Unit)
	d.Direction = DirectionIn(l, d.HigherIsBetter)
	d.YearNote = text(d.YearNote)
	d.Status = text(d.Status)
	d.Notes = text(d.Notes)
	d.Segments = slices.Clone(d.Segments)
	for i, s := range d.Segments {
		d.Segments[i].Label = SegmentLabelIn(l, d.ID, s.From, s.Label)
		d.Segments[i].Reason = text(s.Reason)
	}
	d.Breaks = slices.Clone(d.Breaks)
	for i, b := range d.Breaks {
		d.Breaks[i].Reason = text(b.Reason)
	}
	return d
}
