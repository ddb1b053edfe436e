package importers

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/indicators"
)

type odihrRow struct {
	ISO3       string `csv:"country_iso3"`
	Date       string `csv:"election_date"`
	Type       string `csv:"election_type"`
	Mission    string `csv:"odihr_mission"`
	Assessment string `csv:"assessment"`
	Score      Int    `csv:"score"`
	Summary    string `csv:"summary"`
	SourceURL  string `csv:"source_url"`
}

var (
	electionTypes = map[string]bool{"presidential": true, "parliamentary": true, "referendum": true,
		"presidential_runoff": true, "parliamentary_runoff": true}
	missionTypes = map[string]bool{"EOM": true, "LEOM": true, "EAM": true, "NAM_only": true, "none": true, "unknown": true}
)

// ReadODIHR reads the ODIHR election-assessment table compiled for the
// project. Every row is checked: a real date, a known election type and
// mission type, an assessment code whose score agrees with it (empty for
// not_observed and unknown), and an http(s) source URL.
func ReadODIHR(r io.Reader, file string) ([]ElectionRecord, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	var rows []odihrRow
	lines, err := readTable(data, table{file: file, comma: ',', required: []string{
		"country_iso3", "election_date", "election_type", "odihr_mission", "assessment", "score", "summary", "source_url"}}, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]ElectionRecord, 0, len(rows))
	for i, row := range rows {
		line := lines[i]
		bad := func(col, val, format string, args ...any) error {
			return &ParseError{File: file, Line: line, Column: col, Value: val, Err: fmt.Errorf(format, args...)}
		}
		if _, err := time.Parse("2006-01-02", row.Date); err != nil {
			return nil, bad("election_date", row.Date, "is not a date YYYY-MM-DD")
		}
		if !electionTypes[row.Type] {
			return nil, bad("election_type", row.Type, "is not one of presidential, parliamentary, referendum, presidential_runoff, parliamentary_runoff")
		}
		if !missionTypes[row.Mission] {
			return nil, bad("odihr_mission", row.Mission, "is not one of EOM, LEOM, EAM, NAM_only, none, unknown")
		}
		a := indicators.Assessment(row.Assessment)
		if !a.Valid() {
			return nil, bad("assessment", row.Assessment, "is not one of met, mostly_met, partly_met, not_met, not_observed, unknown")
		}
		want, scored := a.Score()
		switch {
		case scored && (!row.Score.OK || row.Score.V != want):
			return nil, bad("score", fmt.Sprint(row.Score.V), "must be %d for %s", want, a)
		case !scored && row.Score.OK:
			return nil, bad("score", fmt.Sprint(row.Score.V), "must be empty for %s", a)
		}
		if u, err := url.Parse(row.SourceURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, bad("source_url", row.SourceURL, "is not an http(s) URL")
		}
		if strings.TrimSpace(row.Summary) == "" {
			return nil, bad("summary", "", "is empty")
		}
		out = append(out, ElectionRecord{Line: line, Election: indicators.Election{
			ISO3: strings.TrimSpace(row.ISO3), Date: row.Date, Type: row.Type, Mission: row.Mission,
			Assessment: a, Summary: strings.TrimSpace(row.Summary), SourceURL: row.SourceURL}})
	}
	return out, nil
}
