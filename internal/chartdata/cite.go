package chartdata

import (
	"strings"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

// cited is an indicator a chart draws, with the years of it drawn (edition
// years, or data years).
type cited struct {
	ind   indicators.Indicator
	years []int
}

// citations is the full citation of each source the indicators of uses
// come from, in the order of first use, joined by "; ": publisher, index,
// the editions drawn, URL and, where the source asks for one, the access
// date (docs.SourceCitation). An indicator of no catalogued source (the
// user's own) is left out.
func citations(accessed time.Time, uses ...cited) string {
	var order []indicators.Source
	years := map[string][]int{}
	for _, u := range uses {
		src, ok := indicators.SourceByID(u.ind.Source)
		if !ok {
			continue
		}
		if _, seen := years[src.ID]; !seen {
			order = append(order, src)
		}
		years[src.ID] = append(years[src.ID], u.years...)
	}
	var out []string
	for _, src := range order {
		out = append(out, docs.SourceCitation(src, years[src.ID], accessed).Text)
	}
	return strings.Join(out, "; ")
}

// accessedOn is the access date of a chart's citations: the request's,
// or today's.
func accessedOn(r Request) time.Time {
	if r.Accessed.IsZero() {
		return time.Now()
	}
	return r.Accessed
}

// spanYears is the years from..to in which ind has figures.
func spanYears(store *datasets.Store, ind indicators.Indicator, from, to int) []int {
	all, _ := store.Years(ind.ID)
	var out []int
	for _, y := range all {
		if y >= from && y <= to {
			out = append(out, y)
		}
	}
	if len(out) == 0 {
		out = []int{to}
	}
	return out
}

// profileCitation is the citation of a profile of inds describing year:
// edition-year indicators draw the edition of year+1.
func profileCitation(inds []indicators.Indicator, year int, r Request) string {
	uses := make([]cited, len(inds))
	for i, ind := range inds {
		uses[i] = cited{ind, []int{year + coveredOffset(ind)}}
	}
	return citations(accessedOn(r), uses...)
}
