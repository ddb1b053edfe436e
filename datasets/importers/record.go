// Package importers reads the publishers' files exactly as they ship them
// (RSF's yearly CSVs, WGI's long CSV, WJP's and Freedom House's workbooks,
// Freedom of the Press, the V-Dem subset and the ODIHR elections table) and
// turns them into observations keyed by the source's own entity names.
// Mapping those names to the country registry is the generator's job.
package importers

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rankings-dev/rankings/indicators"
)

// Record is one observation as a source gives it: the entity is still the
// source's own code and name; Obs.ISO3 is empty until the entity is mapped.
type Record struct {
	Source string // source id used for entity mapping: rsf, wgi, wjp, fh-fiw, fh-ratings, fh-fotp, vdem, cpi, long
	Code   string // the source's entity code, "" if it has none
	Name   string // the source's entity name
	Line   int    // line (CSV) or row (xlsx) of the file the figure comes from
	// EntityCell and ValueCell locate the cell naming the entity (its code
	// where the source has codes) and the cell holding the value, so that
	// checks made after reading (unknown country, value outside the
	// indicator's scale, duplicate row) can name the file's own column.
	EntityCell, ValueCell Cell
	Obs                   indicators.Observation
	// Dropped, when set, says why this row of the source is read but not
	// shipped (Freedom House's split rating of South Africa in 1973, an
	// all-zero placeholder row): such a record has no figure, is no part
	// of the field ranks are computed over, and the generator lists it in
	// unmapped.csv with this reason, so that nothing is dropped in silence.
	Dropped string
}

// SplitDropped separates the records an importer read but does not ship
// (Record.Dropped) from the others, keeping the order of each.
func SplitDropped(recs []Record) (kept, dropped []Record) {
	for _, r := range recs {
		if r.Dropped != "" {
			dropped = append(dropped, r)
			continue
		}
		kept = append(kept, r)
	}
	if len(dropped) == 0 {
		return recs, nil
	}
	return kept, dropped
}

// Cell is a column of a file: its 1-based number (CSV field or spreadsheet
// column) and its header as the file writes it.
type Cell struct {
	Col    int
	Column string
}

// ElectionRecord is one row of the ODIHR elections table.
type ElectionRecord struct {
	Line     int
	ISO3Cell Cell // the country_iso3 column
	Election indicators.Election
}

// ParseError is an error in a source file, located by file, line (or
// spreadsheet row), column number and column name. It prints as
//
//	rsf-2026.csv:14:2: column "Score 2026": "9x,5" is not a number
//
// Err says what was expected. Long values are shortened and every value is
// quoted, so that a hostile file cannot inject text into a terminal.
type ParseError struct {
	File   string
	Line   int
	Col    int    // 1-based column number (CSV field or spreadsheet column); 0 if the error is not in one cell
	Column string // column name as in the file's header, or a cell reference
	Value  string
	Err    error
}

func (e *ParseError) Error() string {
	why := safeText(fmt.Sprint(e.Err))
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, e.Line)
		if e.Col > 0 {
			loc = fmt.Sprintf("%s:%d", loc, e.Col)
		}
	}
	switch {
	case e.Column != "" && e.Value != "":
		return fmt.Sprintf("%s: column %s: %s %s", loc, Quote(e.Column), Quote(e.Value), why)
	case e.Column != "":
		return fmt.Sprintf("%s: column %s: %s", loc, Quote(e.Column), why)
	case e.Value != "":
		return fmt.Sprintf("%s: %s %s", loc, Quote(e.Value), why)
	}
	return fmt.Sprintf("%s: %s", loc, why)
}

// maxReason is the longest explanation an error prints whole.
const maxReason = 400

// safeText makes an explanation safe for a terminal: the libraries behind
// the importers (zip, XML) quote bytes of the file in their messages, so
// invalid UTF-8, control characters and bidirectional overrides are escaped
// and a long text is cut.
func safeText(s string) string {
	var b strings.Builder
	for n := 0; len(s) > 0; n++ {
		if n == maxReason {
			b.WriteString("…")
			break
		}
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[0])
		case unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// maxQuoted is the longest text Quote prints whole.
const maxQuoted = 60

// Quote quotes s for a message, as %q does, shortening it to its first
// characters and its length when it is long (a 10 MB cell must not become a
// 10 MB error message).
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return fmt.Sprintf("%q", s)
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxQuoted-20 {
			break
		}
		b.WriteRune(r)
		n++
	}
	return fmt.Sprintf("%q… (%d bytes)", b.String(), len(s))
}
