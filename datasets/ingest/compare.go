package ingest

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// maxShown is how many differing figures a warning spells out.
const maxShown = 5

// compare checks the batch against the data already there: a year already
// embedded with different figures is a warning that shows the difference
// (identical years are a note), and ranks computed over a much smaller
// field than the embedded data's are a warning. A year of the embedded data
// that the batch would replace with a field less than half as large is an
// error located at firstLine(id, year), the year's first line in the file,
// unless opt.ReplaceYear says to replace it anyway (then a warning).
// observations gives the batch's observations of one (indicator, year),
// sorted by country.
func (b *Batch) compare(opt Options, custom map[string]indicators.Indicator, observations func(id string, year int) []indicators.Observation, firstLine func(id string, year int) int) error {
	embedded := opt.Embedded
	ids := make([]string, 0, len(b.Covers))
	for id := range b.Covers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, new := custom[id]; new {
			continue
		}
		ind, err := embedded.Indicator(id)
		if err != nil {
			continue // an indicator an earlier import defined
		}
		embYears, _ := embedded.Years(id)
		var same []int
		for _, y := range b.Covers[id] {
			imported := observations(id, y)
			if len(embYears) > 0 {
				if field := nearestField(embedded, id, embYears, y); len(imported)*2 < field {
					if slices.Contains(embYears, y) && !opt.ReplaceYear {
						return &importers.ParseError{File: b.File, Line: firstLine(id, y),
							Err: fmt.Errorf("%s %d would replace the embedded year's %d figures with the file's %d, as an import replaces a whole year: import the year's whole field, or give --replace-year to replace it with these alone", id, y, field, len(imported))}
					}
					if ind.Ranks == indicators.RanksComputed {
						b.Warnings = append(b.Warnings, fmt.Sprintf("%s %d: ranks are computed over the %s in the file, but the embedded data ranks about %d: a rank is only honest over the whole field",
							id, y, plural(len(imported), "country", "countries"), field))
					} else {
						b.Warnings = append(b.Warnings, fmt.Sprintf("%s %d: the file has %s, the embedded data about %d a year: the import replaces the whole year, so only these will have %d figures",
							id, y, plural(len(imported), "country", "countries"), field, y))
					}
				}
			}
			old, err := embedded.Year(id, y)
			if err != nil || len(old) == 0 {
				continue
			}
			if d := diff(ind, old, imported); d != "" {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s %d is already embedded with different figures: %s; the import replaces the whole year", id, y, d))
			} else {
				same = append(same, y)
			}
		}
		if len(same) > 0 {
			b.Notes = append(b.Notes, fmt.Sprintf("%s %s: the same figures as the embedded data", id, yearList(same)))
		}
	}
	return nil
}

// nearestField is the number of entities the embedded data has in the year
// of years nearest to y.
func nearestField(s *datasets.Store, id string, years []int, y int) int {
	best := years[0]
	for _, ey := range years {
		if abs(ey-y) < abs(best-y) {
			best = ey
		}
	}
	obs, _ := s.Year(id, best)
	return len(obs)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// diff describes how two fields of one (indicator, year) differ, or returns
// "" when they hold the same figures.
func diff(ind indicators.Indicator, old, imported []indicators.Observation) string {
	was := map[string]indicators.Observation{}
	for _, o := range old {
		was[o.ISO3] = o
	}
	var changed, added, dropped []string
	seen := map[string]bool{}
	for _, o := range imported {
		seen[o.ISO3] = true
		p, ok := was[o.ISO3]
		if !ok {
			added = append(added, o.ISO3)
			continue
		}
		if d := obsDiff(ind, p, o); d != "" {
			changed = append(changed, o.ISO3+" "+d)
		}
	}
	for _, o := range old {
		if !seen[o.ISO3] {
			dropped = append(dropped, o.ISO3)
		}
	}
	var parts []string
	if len(changed) > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d figures differ (%s)", len(changed), len(old), shown(changed)))
	}
	if len(added) > 0 {
		parts = append(parts, fmt.Sprintf("%s only in the import (%s)", plural(len(added), "country", "countries"), shown(added)))
	}
	if len(dropped) > 0 {
		parts = append(parts, fmt.Sprintf("%d only in the embedded data (%s)", len(dropped), shown(dropped)))
	}
	return strings.Join(parts, ", ")
}

// obsDiff describes how one country's figure changed: "value 39.34 → 40,
// rank 141 → 139".
func obsDiff(ind indicators.Indicator, a, b indicators.Observation) string {
	var parts []string
	num := func(name string, x, y float64) {
		if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
			parts = append(parts, fmt.Sprintf("%s %s → %s", name, orNone(x), orNone(y)))
		}
	}
	num("value", a.Value, b.Value)
	if a.Rank != b.Rank || a.RankOf != b.RankOf {
		parts = append(parts, fmt.Sprintf("rank %s → %s", rankText(a), rankText(b)))
	}
	num("stderr", a.StdErr, b.StdErr)
	num("lower", a.Lower, b.Lower)
	num("upper", a.Upper, b.Upper)
	num("pct", a.Pct, b.Pct)
	num("pct_lower", a.PctLower, b.PctLower)
	num("pct_upper", a.PctUpper, b.PctUpper)
	if a.Status != b.Status {
		parts = append(parts, fmt.Sprintf("status %s → %s", importers.Quote(a.Status), importers.Quote(b.Status)))
	}
	if a.Note != b.Note {
		parts = append(parts, fmt.Sprintf("note %s → %s", importers.Quote(a.Note), importers.Quote(b.Note)))
	}
	return strings.Join(parts, ", ")
}

func orNone(v float64) string {
	if math.IsNaN(v) {
		return "none"
	}
	return indicators.FormatNumber(v)
}

func rankText(o indicators.Observation) string {
	if !o.HasRank() {
		return "none"
	}
	return fmt.Sprintf("%d/%d", o.Rank, o.RankOf)
}

// shown lists the first maxShown items and counts the rest.
func shown(items []string) string {
	if len(items) <= maxShown {
		return strings.Join(items, "; ")
	}
	return strings.Join(items[:maxShown], "; ") + fmt.Sprintf("; and %d more", len(items)-maxShown)
}

// yearList renders years compactly.
func yearList(years []int) string {
	parts := make([]string, 0, len(years))
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, fmt.Sprint(years[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// plural renders a count with its noun: "1 country", "5 countries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
