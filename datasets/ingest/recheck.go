package ingest

import (
	"fmt"
	"slices"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// earlierUse is an indicator an earlier import defined, as a batch's read
// found it, and the line of the batch's first row of it.
type earlierUse struct {
	ind  indicators.Indicator
	line int
}

// useEarlier notes that the batch has rows of ind, first on line, when an
// earlier import defined ind.
func (b *Batch) useEarlier(ind indicators.Indicator, line int) {
	if ind.Source != "import" {
		return
	}
	if b.earlier == nil {
		b.earlier = map[string]earlierUse{}
	}
	if _, ok := b.earlier[ind.ID]; !ok {
		b.earlier[ind.ID] = earlierUse{ind, line}
	}
}

// metaConflict is the error of a new indicator's metadata m that differs
// from the definition an earlier import gave it (known holds the
// indicators by id), or nil.
func (b *Batch) metaConflict(m importers.IndicatorMeta, known map[string]indicators.Indicator) error {
	prev, ok := known[m.ID]
	if !ok || sameMeta(prev, m.Indicator(0)) {
		return nil
	}
	return &importers.ParseError{File: b.File, Line: m.Line, Col: 1,
		Err: fmt.Errorf("indicator %q was defined by an earlier import with other metadata (%s, %s, %s): use the same metadata, or remove that import first (rankings import --list)",
			m.ID, prev.Name, prev.Scale(), prev.Direction())}
}

// Recheck repeats the checks of Read that depend on earlier imports
// against store, the data as it is now: the embedded data with the data
// directory's imports as its manifest lists them under the directory's
// lock, just before the batch is stored. Another import may have finished
// while this file was read: it may have defined one of the file's new
// indicators with other metadata (the error Read gives for that), or
// removed or redefined an indicator of the file's rows that an earlier
// import defined (an error asking to import the file again). Recheck
// returns the error of the first such indicator in the file, or nil.
func (b *Batch) Recheck(store *datasets.Store) error {
	known := map[string]indicators.Indicator{}
	for _, ind := range store.Indicators() {
		known[ind.ID] = ind
	}
	var errs []*importers.ParseError
	for _, m := range b.Indicators {
		if err := b.metaConflict(m, known); err != nil {
			errs = append(errs, err.(*importers.ParseError))
		}
	}
	for id, use := range b.earlier {
		if now, ok := known[id]; !ok || !sameMeta(now, use.ind) {
			errs = append(errs, &importers.ParseError{File: b.File, Line: use.line,
				Err: fmt.Errorf("indicator %q was removed or redefined by another import while this file was read: import the file again", id)})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return slices.MinFunc(errs, func(a, c *importers.ParseError) int { return a.Line - c.Line })
}
