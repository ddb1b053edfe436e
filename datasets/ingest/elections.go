package ingest

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// readElections reads an ODIHR elections table: every country code must be
// in the registry and no election may appear twice.
func (b *Batch) readElections(data []byte, store *datasets.Store, opt Options) error {
	recs, err := importers.ReadODIHR(bytes.NewReader(data), b.File)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return &importers.ParseError{File: b.File, Err: fmt.Errorf("has no elections after the header")}
	}
	type key struct{ iso3, date, typ string }
	seen := map[key]int{}
	for _, r := range recs {
		e := r.Election
		bad := func(format string, args ...any) error {
			return &importers.ParseError{File: b.File, Line: r.Line, Col: r.ISO3Cell.Col, Column: r.ISO3Cell.Column, Value: e.ISO3, Err: fmt.Errorf(format, args...)}
		}
		c, ok := store.Registry().ByCode(e.ISO3)
		if !ok || c.ISO3 != e.ISO3 {
			if ok {
				return bad("is not an ISO3 code: %s is %s", c.Name, c.ISO3)
			}
			if opt.SkipUnknown {
				b.Warnings = append(b.Warnings, fmt.Sprintf("%s:%d: skipped: unknown country code %q", b.File, r.Line, e.ISO3))
				continue
			}
			return bad("is not a country code the registry knows — run \"rankings countries --group all\" for the list")
		}
		k := key{e.ISO3, e.Date, e.Type}
		if prev, dup := seen[k]; dup {
			return bad("is a second row for the %s election of %s (first on line %d): duplicate row", e.Type, e.Date, prev)
		}
		seen[k] = r.Line
		b.Elections = append(b.Elections, e)
		b.Covers[datasets.ElectionsID] = append(b.Covers[datasets.ElectionsID], e.Year())
	}
	if len(b.Elections) == 0 {
		return &importers.ParseError{File: b.File, Err: fmt.Errorf("has no election of a country the registry knows")}
	}
	sort.SliceStable(b.Elections, func(i, j int) bool {
		if b.Elections[i].ISO3 != b.Elections[j].ISO3 {
			return b.Elections[i].ISO3 < b.Elections[j].ISO3
		}
		return b.Elections[i].Date < b.Elections[j].Date
	})
	years := b.Covers[datasets.ElectionsID]
	sort.Ints(years)
	b.Covers[datasets.ElectionsID] = slices.Compact(years)

	embedded, err := opt.Embedded.Elections("")
	if err != nil {
		return err
	}
	var same []int
	for _, y := range b.Covers[datasets.ElectionsID] {
		var old, imported []indicators.Election
		for _, e := range embedded {
			if e.Year() == y {
				old = append(old, e)
			}
		}
		for _, e := range b.Elections {
			if e.Year() == y {
				imported = append(imported, e)
			}
		}
		if len(old) == 0 {
			continue
		}
		if d := electionsDiff(old, imported); d != "" {
			b.Warnings = append(b.Warnings, fmt.Sprintf("odihr %d is already embedded with different elections: %s; the import replaces the whole year", y, d))
		} else {
			same = append(same, y)
		}
	}
	if len(same) > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("odihr %s: the same elections as the embedded data", yearList(same)))
	}
	return nil
}

func electionsDiff(old, imported []indicators.Election) string {
	label := func(e indicators.Election) string { return e.ISO3 + " " + e.Date + " " + e.Type }
	was := map[string]indicators.Election{}
	for _, e := range old {
		was[label(e)] = e
	}
	var changed, added []string
	for _, e := range imported {
		p, ok := was[label(e)]
		delete(was, label(e))
		switch {
		case !ok:
			added = append(added, label(e))
		case p.Assessment != e.Assessment:
			changed = append(changed, fmt.Sprintf("%s %s → %s", label(e), p.Assessment, e.Assessment))
		case p != e:
			changed = append(changed, label(e)+" summary, mission or source")
		}
	}
	var dropped []string
	for l := range was {
		dropped = append(dropped, l)
	}
	sort.Strings(dropped)
	var parts []string
	if len(changed) > 0 {
		parts = append(parts, fmt.Sprintf("%d changed (%s)", len(changed), shown(changed)))
	}
	if len(added) > 0 {
		parts = append(parts, fmt.Sprintf("%d new (%s)", len(added), shown(added)))
	}
	if len(dropped) > 0 {
		parts = append(parts, fmt.Sprintf("%d only in the embedded data (%s)", len(dropped), shown(dropped)))
	}
	return strings.Join(parts, ", ")
}
