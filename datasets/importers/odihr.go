package importers

import (
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
	SourceKind string `csv:"source_kind"`
}

var (
	electionTypes = map[string]bool{"presidential": true, "parliamentary": true, "referendum": true,
		"presidential_runoff": true, "parliamentary_runoff": true}
	missionTypes = map[string]bool{"EOM": true, "LEOM": true, "EAM": true, "NAM_only": true, "none": true, "unknown": true}
)

// ReadODIHR reads the ODIHR election-assessment table compiled for the
// project. Every row is checked: a real date, a known election type and
// mission type, an assessment code whose score agrees with it (empty for
// not_observed and unknown), an http(s) source URL and, where the table has
// the column source_kind (the project's own table does; a user's older
// table may not, or may leave a cell empty: not stated), what that page is:
// odihr, osce_pa, mirror or secondary.
func ReadODIHR(r io.Reader, file string) ([]ElectionRecord, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []odihrRow
	ti, err := readTable(data, table{file: file, comma: ',', required: []string{
		"country_iso3", "election_date", "election_type", "odihr_mission", "assessment", "score", "summary", "source_url"}}, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]ElectionRecord, 0, len(rows))
	for i, row := range rows {
		bad := func(col, format string, args ...any) error { return ti.errAt(i, col, format, args...) }
		if iso := strings.TrimSpace(row.ISO3); len(iso) != 3 || strings.ToUpper(iso) != iso || !isLetters(iso) {
			return nil, bad("country_iso3", "is not an ISO 3166-1 alpha-3 code (three capital letters)")
		}
		if _, err := time.Parse("2006-01-02", row.Date); err != nil {
			return nil, bad("election_date", "is not a date YYYY-MM-DD")
		}
		if !electionTypes[row.Type] {
			return nil, bad("election_type", "is not one of presidential, parliamentary, referendum, presidential_runoff, parliamentary_runoff")
		}
		if !missionTypes[row.Mission] {
			return nil, bad("odihr_mission", "is not one of EOM, LEOM, EAM, NAM_only, none, unknown")
		}
		a := indicators.Assessment(row.Assessment)
		if !a.Valid() {
			return nil, bad("assessment", "is not one of met, mostly_met, partly_met, not_met, not_observed, unknown")
		}
		want, scored := a.Score()
		switch {
		case scored && (!row.Score.OK || row.Score.V != want):
			return nil, bad("score", "must be %d for %s", want, a)
		case !scored && row.Score.OK:
			return nil, bad("score", "must be empty for %s", a)
		}
		if u, err := url.Parse(row.SourceURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, bad("source_url", "is not an http(s) URL")
		}
		if err := CheckText(row.SourceURL); err != nil {
			return nil, bad("source_url", "%v", err)
		}
		kind := indicators.SourceKind(strings.TrimSpace(row.SourceKind))
		if kind != "" && !kind.Valid() {
			return nil, bad("source_kind", "is not one of odihr, osce_pa, mirror, secondary (or empty: not stated)")
		}
		if strings.TrimSpace(row.Summary) == "" {
			return nil, bad("summary", "is empty")
		}
		if err := CheckText(row.Summary); err != nil {
			return nil, bad("summary", "%v", err)
		}
		out = append(out, ElectionRecord{Line: ti.lines[i], ISO3Cell: ti.cell("country_iso3"), Election: indicators.Election{
			ISO3: strings.TrimSpace(row.ISO3), Date: row.Date, Type: row.Type, Mission: row.Mission,
			Assessment: a, Summary: strings.TrimSpace(row.Summary), SourceURL: row.SourceURL, SourceKind: kind}})
	}
	return out, nil
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}
