package datasets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// Unmapped is a source entry the registry deliberately leaves unmapped
// (unmapped.csv): the source ranked it, so it counts in rank_of, but it is
// no country or territory and has no rows of its own (RSF's OECS, "Israel
// (outside Israeli territory)").
type Unmapped struct {
	Source string // the source id of the entity mapping: rsf, wgi, fh-fiw, fh-ratings …
	Code   string // the source's own code
	Name   string // the source's own name
	Years  []int  // the indicator years in which the source ranked it
	Rows   int    // how many rows it had over all the source's indicators
	Reason string // why it is not mapped, "OECS, …: a regional organisation RSF ranks as one entry"
}

// Label is the entry's name as the reason gives it (the part before ": ",
// which corrects the source's spelling), else the source's name.
func (u Unmapped) Label() string {
	if name, _, ok := strings.Cut(u.Reason, ": "); ok {
		return name
	}
	return u.Name
}

// Why is the reason without the name it starts with.
func (u Unmapped) Why() string {
	if _, why, ok := strings.Cut(u.Reason, ": "); ok {
		return why
	}
	return u.Reason
}

// Unmapped returns the entries of unmapped.csv, or none when the store's
// folder has no such file.
func (s *Store) Unmapped() ([]Unmapped, error) {
	data, err := fs.ReadFile(s.fsys, "unmapped.csv")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("datasets: unmapped.csv: %w", err)
	}
	if len(recs) == 0 || strings.Join(recs[0], ",") != "source,code,name,years,rows,reason" {
		return nil, fmt.Errorf("datasets: unmapped.csv: header is not source,code,name,years,rows,reason")
	}
	var out []Unmapped
	for i, rec := range recs[1:] {
		years, err := parseYears(rec[3])
		if err != nil {
			return nil, fmt.Errorf("datasets: unmapped.csv:%d: years %q: %w", i+2, rec[3], err)
		}
		rows, err := strconv.Atoi(rec[4])
		if err != nil {
			return nil, fmt.Errorf("datasets: unmapped.csv:%d: rows %q is not a whole number", i+2, rec[4])
		}
		out = append(out, Unmapped{Source: rec[0], Code: rec[1], Name: rec[2], Years: years, Rows: rows, Reason: rec[5]})
	}
	return out, nil
}

// UnmappedIn returns the unmapped entries of an indicator's source in one
// year of the indicator. Freedom House's ratings ("fh-ratings") belong to
// the Freedom in the World indicators.
func (s *Store) UnmappedIn(id string, year int) ([]Unmapped, error) {
	ind, err := s.Indicator(id)
	if err != nil {
		return nil, err
	}
	all, err := s.Unmapped()
	if err != nil {
		return nil, err
	}
	var out []Unmapped
	for _, u := range all {
		if (u.Source == ind.Source || u.Source == "fh-ratings" && ind.Source == "fh-fiw") && slices.Contains(u.Years, year) {
			out = append(out, u)
		}
	}
	return out, nil
}

// parseYears reads "2006–2010, 2012" (en dash or hyphen).
func parseYears(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil {
			return nil, fmt.Errorf("%q is not a year", part)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return nil, fmt.Errorf("%q is not a span of years", part)
			}
		}
		for y := a; y <= b; y++ {
			out = append(out, y)
		}
	}
	return out, nil
}
