// Package importers reads the publishers' files exactly as they ship them
// (RSF's yearly CSVs, WGI's long CSV, WJP's and Freedom House's workbooks,
// Freedom of the Press, the V-Dem subset and the ODIHR elections table) and
// turns them into observations keyed by the source's own entity names.
// Mapping those names to the country registry is the generator's job.
package importers

import (
	"fmt"

	"github.com/rankings-dev/rankings/indicators"
)

// Record is one observation as a source gives it: the entity is still the
// source's own code and name; Obs.ISO3 is empty until the entity is mapped.
type Record struct {
	Source string // source id used for entity mapping: rsf, wgi, wjp, fh-fiw, fh-ratings, fh-fotp, vdem
	Code   string // the source's entity code, "" if it has none
	Name   string // the source's entity name
	Line   int    // line (CSV) or row (xlsx) of the file the figure comes from
	Obs    indicators.Observation
}

// ElectionRecord is one row of the ODIHR elections table.
type ElectionRecord struct {
	Line     int
	Election indicators.Election
}

// ParseError is an error in a source file, located by file, line (or
// spreadsheet row) and column.
type ParseError struct {
	File   string
	Line   int
	Column string // column name as in the file's header, or a cell reference
	Value  string
	Err    error
}

func (e *ParseError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, e.Line)
	}
	switch {
	case e.Column != "" && e.Value != "":
		return fmt.Sprintf("%s: column %q: %q %v", loc, e.Column, e.Value, e.Err)
	case e.Column != "":
		return fmt.Sprintf("%s: column %q: %v", loc, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", loc, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
