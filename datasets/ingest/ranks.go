package ingest

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// rankedRow is what the check of published ranks needs of a row: its line,
// its rank and rank_of (0 when it has none) and its value.
type rankedRow struct {
	line, rank, rankOf int
	value              float64
}

// publishedRankError checks the published ranks of one (indicator, year),
// whose rows are given in file order, rows without a rank included: every
// ranked row has the same rank_of, no more rows are ranked than rank_of
// says, and the ranks follow the values in the direction dir (a better
// value never has a worse rank; equal ranks and equal values may go
// together either way). It returns the error of the first row that breaks
// a rule, located at its line, or nil.
func publishedRankError(file string, ind indicators.Indicator, year int, rows []rankedRow) error {
	dir := ind.Direction()
	if seg, ok := ind.SegmentAt(year); ok {
		dir = seg.Direction
	}
	bad := func(r rankedRow, format string, args ...any) error {
		return &importers.ParseError{File: file, Line: r.line, Err: fmt.Errorf(format, args...)}
	}
	var ranked []int // indexes into rows
	for i, r := range rows {
		if r.rank == 0 {
			continue
		}
		if len(ranked) > 0 {
			if f := rows[ranked[0]]; r.rankOf != f.rankOf {
				return bad(r, "%s %d: rank_of %d differs from the %d of line %d: give every ranked row of one indicator and year the same rank_of, the number of entities ranked that year",
					ind.ID, year, r.rankOf, f.rankOf, f.line)
			}
		}
		ranked = append(ranked, i)
		if len(ranked) > r.rankOf {
			return bad(r, "%s %d: the file ranks more rows of this year than its rank_of %d: give rank_of as the number of entities ranked that year", ind.ID, year, r.rankOf)
		}
	}
	better := func(a, b float64) bool {
		if dir == indicators.LowerIsBetter {
			return a < b
		}
		return a > b
	}
	// In rank order (then file order), each row's value must be no better
	// than the worst value of any row ranked above it.
	slices.SortStableFunc(ranked, func(a, b int) int { return cmp.Compare(rows[a].rank, rows[b].rank) })
	worst := -1 // the row with the worst value of the ranks above the current one
	for i := 0; i < len(ranked); {
		j := i
		for j < len(ranked) && rows[ranked[j]].rank == rows[ranked[i]].rank {
			j++
		}
		var offender *rankedRow
		for _, k := range ranked[i:j] {
			if r := rows[k]; worst >= 0 && better(r.value, rows[worst].value) && (offender == nil || r.line < offender.line) {
				offender = &r
			}
		}
		if offender != nil {
			w := rows[worst]
			return bad(*offender, "%s %d: rank %d is below the rank %d of line %d, yet its value %s is better than that row's %s (%s): ranks must follow the values; correct the rank or the value",
				ind.ID, year, offender.rank, w.rank, w.line, indicators.FormatNumber(offender.value), indicators.FormatNumber(w.value), dir)
		}
		for _, k := range ranked[i:j] {
			if worst < 0 || better(rows[worst].value, rows[k].value) {
				worst = k
			}
		}
		i = j
	}
	return nil
}

// checkPublishedRanks checks the published ranks of an indicator's
// records (publishedRankError) year by year, and returns the error of the
// year whose error has the earliest line.
func checkPublishedRanks(ind indicators.Indicator, recs []importers.Record, file string) error {
	var years []int
	byYear := map[int][]rankedRow{}
	for _, r := range recs {
		y := r.Obs.Year
		if _, ok := byYear[y]; !ok {
			years = append(years, y)
		}
		byYear[y] = append(byYear[y], rankedRow{line: r.Line, rank: r.Obs.Rank, rankOf: r.Obs.RankOf, value: r.Obs.Value})
	}
	var first error
	firstLine := 0
	for _, y := range years {
		if err := publishedRankError(file, ind, y, byYear[y]); err != nil {
			if line := err.(*importers.ParseError).Line; first == nil || line < firstLine {
				first, firstLine = err, line
			}
		}
	}
	return first
}
