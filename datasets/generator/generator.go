// Package generator turns the publishers' raw files into the project's curated
// dataset files (datasets/data): it runs every importer, maps each source
// entity through the country registry, computes ranks where the source
// publishes none and renders one long CSV per indicator.
package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/atomicfile"
)

// input is one publisher file the generator reads, relative to the sources
// folder, with the importer for its format.
type input struct {
	path string
	read func(io.Reader, string) ([]importers.Record, error)
}

func inputs(sourcesDir string) ([]input, error) {
	rsf, err := filepath.Glob(filepath.Join(sourcesDir, "rsf", "*.csv"))
	if err != nil {
		return nil, err
	}
	if len(rsf) == 0 {
		return nil, fmt.Errorf("no RSF files in %s", filepath.Join(sourcesDir, "rsf"))
	}
	sort.Strings(rsf)
	var in []input
	for _, f := range rsf {
		rel, _ := filepath.Rel(sourcesDir, f)
		in = append(in, input{rel, importers.ReadRSF})
	}
	return append(in,
		input{"wgi/wgidataset.csv", importers.ReadWGI},
		input{"wjp/2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx", importers.ReadWJP},
		input{"freedomhouse_fiw/All_data_FIW_2013-2025.xlsx", importers.ReadFHFIW},
		input{"freedomhouse_fiw/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx", importers.ReadFHRatings},
		input{"freedomhouse_fotp/fotp_2001_2014.csv", importers.ReadFOTP},
		input{"vdem/vdemlite_v14_subset.csv", importers.ReadVDem},
		input{"cpi/CPI2025_Results.xlsx", importers.ReadCPI},
	), nil
}

const electionsInput = "odihr/elections.csv"

// Generated is the output of Generate: file name (relative to the data
// folder) to contents.
type Generated map[string][]byte

// Generate runs every importer over the publishers' files in sourcesDir,
// maps each row's entity through the registry, computes ranks where the
// source publishes none, and renders the project's curated files: one long
// CSV per indicator, elections.csv, unmapped.csv (source entities that are
// deliberately not mapped, with the reason) and inputs.csv (the SHA-256 of
// each file read), and index.bin, the fast form of those files that the
// embedded store reads (datasets.BuildIndex). The output depends only on the inputs: running it twice
// gives identical bytes.
//
// A source entity the registry does not know, a duplicate (indicator,
// country, year) or any malformed cell is an error: nothing is dropped
// silently.
func Generate(sourcesDir string, reg *countries.Registry) (Generated, error) {
	ins, err := inputs(sourcesDir)
	if err != nil {
		return nil, err
	}
	out := Generated{}
	var inputRows [][]string
	byIndicator := map[string][]importers.Record{}
	type unmappedKey struct{ source, code, name, reason string }
	unmapped := map[unmappedKey][]int{}
	var dropped [][]string
	for _, in := range ins {
		data, err := os.ReadFile(filepath.Join(sourcesDir, in.path))
		if err != nil {
			return nil, err
		}
		recs, err := in.read(bytes.NewReader(data), in.path)
		if err != nil {
			return nil, err
		}
		inputRows = append(inputRows, []string{in.path, sha256hex(data), strconv.Itoa(len(recs))})
		recs, drop := importers.SplitDropped(recs)
		for _, r := range drop {
			dropped = append(dropped, []string{in.path, strconv.Itoa(r.Line), r.Obs.Indicator, r.Name, strconv.Itoa(r.Obs.Year), r.Dropped})
		}
		um, err := MapEntities(reg, in.path, recs, MapOptions{})
		if err != nil {
			return nil, err
		}
		for _, u := range um.Unmapped {
			k := unmappedKey{u.Source, u.Code, u.Name, u.Reason}
			unmapped[k] = append(unmapped[k], u.Year)
		}
		for _, r := range recs {
			byIndicator[r.Obs.Indicator] = append(byIndicator[r.Obs.Indicator], r)
		}
	}
	for _, id := range []string{"fh-pr-rating", "fh-cl-rating"} {
		if byIndicator[id], err = supplement(id, byIndicator[id], "fh-ratings", "fh-fiw"); err != nil {
			return nil, err
		}
	}
	for _, ind := range indicators.Catalog() {
		if ind.Events {
			continue
		}
		recs := byIndicator[ind.ID]
		if len(recs) == 0 {
			return nil, fmt.Errorf("indicator %s: no figures in the sources", ind.ID)
		}
		delete(byIndicator, ind.ID)
		if ind.Ranks == indicators.RanksComputed {
			RankField(ind, recs)
		}
		obs, err := Observations(ind.ID, recs, "")
		if err != nil {
			return nil, err
		}
		b, err := RenderLong(obs)
		if err != nil {
			return nil, err
		}
		out[ind.ID+".csv"] = b
	}
	for id := range byIndicator {
		return nil, fmt.Errorf("importers produced figures for %q, which is not in the indicator catalog", id)
	}

	elections, electionsHash, err := readElections(sourcesDir, reg)
	if err != nil {
		return nil, err
	}
	inputRows = append(inputRows, []string{electionsInput, electionsHash, strconv.Itoa(len(elections))})
	if out["elections.csv"], err = RenderElections(elections); err != nil {
		return nil, err
	}

	var urows [][]string
	for k, years := range unmapped {
		urows = append(urows, []string{k.source, k.code, k.name, YearSpan(years), strconv.Itoa(len(years)), k.reason})
	}
	sort.Slice(urows, func(i, j int) bool { return strings.Join(urows[i], "\x00") < strings.Join(urows[j], "\x00") })
	if out["unmapped.csv"], err = renderCSV([]string{"source", "code", "name", "years", "rows", "reason"}, urows); err != nil {
		return nil, err
	}
	if out["dropped.csv"], err = renderCSV([]string{"file", "line", "indicator", "name", "year", "reason"}, dropped); err != nil {
		return nil, err
	}
	if out["inputs.csv"], err = renderCSV([]string{"file", "sha256", "records"}, inputRows); err != nil {
		return nil, err
	}
	// The fast form the embedded store reads, derived from the files above
	// alone, so that it can hold nothing the CSV files do not.
	if out[datasets.IndexFile], err = datasets.BuildIndex(out); err != nil {
		return nil, err
	}
	return out, nil
}

// supplement merges the records of one indicator that two sources give:
// the main source's (Record.Source main) for every year it has, the
// other's only for years the main one lacks. Where both have a year they
// must agree on every entity both map (value and status), or the files
// disagree and that is an error: Freedom House's ratings workbook and its
// All_data_FIW workbook give the same ratings for 2013–2024, and the
// latter alone has edition 2025.
func supplement(id string, recs []importers.Record, main, extra string) ([]importers.Record, error) {
	type key struct {
		iso3 string
		year int
	}
	mainYears := map[int]bool{}
	have := map[key]importers.Record{}
	for _, r := range recs {
		if r.Source == main {
			mainYears[r.Obs.Year] = true
			if r.Obs.ISO3 != "" {
				have[key{r.Obs.ISO3, r.Obs.Year}] = r
			}
		}
	}
	out := recs[:0:0]
	for _, r := range recs {
		if r.Source != extra || !mainYears[r.Obs.Year] {
			out = append(out, r)
			continue
		}
		if r.Obs.ISO3 == "" {
			continue
		}
		m, ok := have[key{r.Obs.ISO3, r.Obs.Year}]
		if !ok {
			return nil, fmt.Errorf("%s %d: %s (%q, line %d of the %s file) has a rating, but the %s file has none", id, r.Obs.Year, r.Obs.ISO3, r.Name, r.Line, extra, main)
		}
		if m.Obs.Value != r.Obs.Value || m.Obs.Status != r.Obs.Status {
			return nil, fmt.Errorf("%s %d: the files disagree on %s: %s %s (%s file, line %d) and %s %s (%s file, line %d)", id, r.Obs.Year, r.Obs.ISO3,
				indicators.FormatNumber(m.Obs.Value), m.Obs.Status, main, m.Line, indicators.FormatNumber(r.Obs.Value), r.Obs.Status, extra, r.Line)
		}
	}
	return out, nil
}

// Unmapped is a record whose entity has no rows of its own: a known
// unmapped entity (Reason says why) or, when MapEntities skips unknown
// names, an entity the registry does not know (Err says so, with
// suggestions). Its figure still counts in the field ranks are computed
// over.
type Unmapped struct {
	Source, Code, Name string
	Year               int
	Reason             string
	Err                error // the unknown-country error, when skipped
}

// MapOptions adjust MapEntities for a user's import.
type MapOptions struct {
	// SkipUnknown turns an entity the registry does not know into an
	// Unmapped record (with Err) instead of an error.
	SkipUnknown bool
	// TrustCodes maps a row by its code when the code is known but the
	// row's name is not one of the entity's names (a publisher renamed a
	// country), with a warning, instead of failing as the generator does.
	TrustCodes bool
}

// Mapping is what MapEntities found besides the mapped records.
type Mapping struct {
	Unmapped []Unmapped
	Warnings []string
}

// MapEntities maps each record's entity through the registry, in place: a
// mapped record gets Obs.ISO3 and the mapping's note. Publisher sources go
// through Registry.Map; records of a user's long file (source "long")
// through Registry.ByCode on the iso3 cell or Registry.Resolve on the
// country cell (both must name the same entity when both are given). Known
// unmapped entities keep ISO3 "" and are listed. An entity the registry
// does not know is a *importers.ParseError located in file at the entity's
// cell and suggesting the nearest names (or, with SkipUnknown, is listed
// with its error and keeps ISO3 "").
func MapEntities(reg *countries.Registry, file string, recs []importers.Record, opt MapOptions) (Mapping, error) {
	var out Mapping
	renamed := map[string]bool{}
	for i := range recs {
		r := &recs[i]
		m, err := mapEntity(reg, r)
		if err != nil && opt.TrustCodes && r.Source != "long" && r.Code != "" {
			if c, ok := reg.ByCode(r.Code); ok && indicators.ErrorCode(err) == indicators.ENotFound {
				m, err = countries.Mapping{ISO3: c.ISO3}, nil
				if k := r.Code + "\x00" + r.Name; !renamed[k] {
					renamed[k] = true
					out.Warnings = append(out.Warnings, fmt.Sprintf("%s:%d: %s is not a name the registry knows for %s (%s): mapped by its code %s",
						file, r.Line, importers.Quote(r.Name), c.Name, c.ISO3, r.Code))
				}
			}
		}
		if err != nil {
			value := r.Code
			if value == "" {
				value = r.Name
			}
			err = &importers.ParseError{File: file, Line: r.Line, Col: r.EntityCell.Col, Column: r.EntityCell.Column, Value: value, Err: err}
			if !opt.SkipUnknown || indicators.ErrorCode(err) != indicators.ENotFound {
				return Mapping{}, err
			}
			out.Unmapped = append(out.Unmapped, Unmapped{Source: r.Source, Code: r.Code, Name: r.Name, Year: r.Obs.Year,
				Reason: "unknown to the registry (skipped)", Err: err})
			continue
		}
		if m.ISO3 == "" {
			out.Unmapped = append(out.Unmapped, Unmapped{Source: r.Source, Code: r.Code, Name: r.Name, Year: r.Obs.Year, Reason: m.Unmapped})
			continue
		}
		r.Obs.ISO3 = m.ISO3
		if m.Note != "" {
			r.Obs.Note = joinNotes(r.Obs.Note, m.Note)
		}
	}
	return out, nil
}

// mapEntity maps one record. Its errors are *indicators.Error whose
// message reads after the quoted cell value ("is an unknown country — did
// you mean Kazakhstan?"); ENotFound marks an entity the registry does not
// know.
func mapEntity(reg *countries.Registry, r *importers.Record) (countries.Mapping, error) {
	if r.Source == "long" {
		if r.Code == "" {
			c, err := reg.Resolve(r.Name)
			if err != nil {
				return countries.Mapping{}, predicate(err)
			}
			return countries.Mapping{ISO3: c.ISO3}, nil
		}
		c, ok := reg.ByCode(r.Code)
		if !ok {
			return countries.Mapping{}, unknownCode(reg, r.Code, r.Name)
		}
		if r.Name != "" {
			named, err := reg.Resolve(r.Name)
			if err != nil {
				return countries.Mapping{}, indicators.Errorf(indicators.EInvalid, "is %s (%s), but the country cell %s %s",
					c.Name, c.ISO3, importers.Quote(r.Name), predicate(err).Error())
			}
			if named.ISO3 != c.ISO3 {
				return countries.Mapping{}, indicators.Errorf(indicators.EInvalid, "is %s (%s), but the country cell %s is %s (%s)",
					c.Name, c.ISO3, importers.Quote(r.Name), named.Name, named.ISO3)
			}
		}
		return countries.Mapping{ISO3: c.ISO3}, nil
	}
	m, err := reg.Map(r.Source, r.Code, r.Name, r.Obs.Year)
	if err == nil {
		return m, nil
	}
	if r.Code == "" {
		return m, predicate(err)
	}
	c, ok := reg.ByCode(r.Code)
	if !ok {
		return m, unknownCode(reg, r.Code, r.Name)
	}
	return m, indicators.Errorf(indicators.ENotFound, "is %s (%s), but the row's name %s is not a name the registry knows for it", c.Name, c.ISO3, importers.Quote(r.Name))
}

// unknownCode is the error of a code the registry does not know: the row's
// name, when it has one, says which country was meant.
func unknownCode(reg *countries.Registry, code, name string) error {
	if name != "" {
		if c, err := reg.Resolve(name); err == nil {
			return indicators.Errorf(indicators.ENotFound, "is not a country code the registry knows; the row's name %s is %s (%s)", importers.Quote(name), c.Name, c.ISO3)
		}
	}
	key, msg := code, "is not a country code the registry knows"
	if name != "" {
		key, msg = name, msg+", nor is the row's name "+importers.Quote(name)+" a country's name"
	}
	c, err := reg.Resolve(key)
	if err == nil {
		// Not a code, but readable as a name ("!AX" reads as "ax", Åland's
		// ISO2): say so rather than guess.
		return &indicators.Error{Code: indicators.ENotFound, Suggestions: []string{c.ISO3},
			Msg: fmt.Sprintf("is not a country code the registry knows; did you mean %s (%s)?", c.ISO3, c.Name)}
	}
	p := predicate(err)
	return &indicators.Error{Code: indicators.ENotFound, Suggestions: p.Suggestions,
		Msg: msg + strings.TrimPrefix(p.Msg, "is an unknown country")}
}

// predicate rewrites a Registry.Resolve error to read after the quoted
// cell value: "is an unknown country — did you mean Kazakhstan?", "is
// ambiguous: Congo (COG) or DR Congo (COD) — use its ISO3 code".
func predicate(err error) *indicators.Error {
	var e *indicators.Error
	if !errors.As(err, &e) {
		return &indicators.Error{Code: indicators.EInternal, Msg: err.Error()}
	}
	switch {
	case e.Code == indicators.ENotFound && len(e.Suggestions) > 0:
		return &indicators.Error{Code: e.Code, Suggestions: e.Suggestions, Msg: "is an unknown country — did you mean " + orList(e.Suggestions) + "?"}
	case e.Code == indicators.ENotFound:
		return &indicators.Error{Code: e.Code, Msg: "is an unknown country — run \"rankings countries --group all\" for the list"}
	}
	msg := e.Msg
	if _, rest, ok := strings.Cut(msg, "\": "); ok && strings.HasPrefix(msg, "ambiguous") {
		msg = "is ambiguous: " + strings.TrimSuffix(rest, " — use one of these") + " — use its ISO3 code"
	}
	return &indicators.Error{Code: e.Code, Suggestions: e.Suggestions, Msg: msg}
}

// orList joins items as "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// RankField computes ranks within each year over every record the source
// scored that year (mapped or not: the whole field), better values first,
// ties sharing the lowest rank. It is used for indicators whose ranks are
// computed (indicators.RanksComputed), by Generate and by imports. An
// indicator ranked by its percentile (ind.RankByPercentile, WGI) is ranked
// by the published percentile rank, higher first, over the records that
// have one.
func RankField(ind indicators.Indicator, recs []importers.Record) {
	byYear := map[int][]int{}
	for i, r := range recs {
		if ind.RankByPercentile {
			recs[i].Obs.Rank, recs[i].Obs.RankOf = 0, 0
			if math.IsNaN(r.Obs.Pct) {
				continue
			}
		}
		byYear[r.Obs.Year] = append(byYear[r.Obs.Year], i)
	}
	for year, idx := range byYear {
		dir := ind.Direction()
		if seg, ok := ind.SegmentAt(year); ok {
			dir = seg.Direction
		}
		values := make([]float64, len(idx))
		for k, i := range idx {
			values[k] = recs[i].Obs.Value
			if ind.RankByPercentile {
				values[k] = recs[i].Obs.Pct
			}
		}
		if ind.RankByPercentile {
			dir = indicators.HigherIsBetter
		}
		ranks := indicators.CompetitionRanks(values, dir)
		for k, i := range idx {
			recs[i].Obs.Rank, recs[i].Obs.RankOf = ranks[k], len(idx)
		}
	}
}

// Observations keeps the records of indicator id whose entity is mapped,
// checks that no (country, year) appears twice, and sorts them. A duplicate
// is an error naming both lines, located in file when file is not "".
func Observations(id string, recs []importers.Record, file string) ([]indicators.Observation, error) {
	type key struct {
		iso3 string
		year int
	}
	seen := map[key]importers.Record{}
	var obs []indicators.Observation
	for _, r := range recs {
		if r.Obs.ISO3 == "" {
			continue
		}
		k := key{r.Obs.ISO3, r.Obs.Year}
		if prev, dup := seen[k]; dup {
			if file != "" {
				value := r.Code
				if value == "" {
					value = r.Name
				}
				return nil, &importers.ParseError{File: file, Line: r.Line, Col: r.EntityCell.Col, Column: r.EntityCell.Column, Value: value,
					Err: fmt.Errorf("is a second %s figure for %s %d (first on line %d): duplicate row", id, k.iso3, k.year, prev.Line)}
			}
			return nil, fmt.Errorf("indicator %s: %s %d twice: %q (line %d) and %q (line %d)",
				id, k.iso3, k.year, prev.Name, prev.Line, r.Name, r.Line)
		}
		seen[k] = r
		obs = append(obs, r.Obs)
	}
	indicators.SortObservations(obs)
	return obs, nil
}

func readElections(sourcesDir string, reg *countries.Registry) ([]indicators.Election, string, error) {
	data, err := os.ReadFile(filepath.Join(sourcesDir, electionsInput))
	if err != nil {
		return nil, "", err
	}
	recs, err := importers.ReadODIHR(bytes.NewReader(data), electionsInput)
	if err != nil {
		return nil, "", err
	}
	out := make([]indicators.Election, len(recs))
	for i, r := range recs {
		c, ok := reg.ByCode(r.Election.ISO3)
		if !ok || c.ISO3 != r.Election.ISO3 {
			return nil, "", fmt.Errorf("%s:%d: unknown country code %q", electionsInput, r.Line, r.Election.ISO3)
		}
		if r.Election.SourceKind == "" {
			return nil, "", fmt.Errorf("%s:%d: no source_kind: every row of the project's table says what its source is", electionsInput, r.Line)
		}
		out[i] = r.Election
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ISO3 != out[j].ISO3 {
			return out[i].ISO3 < out[j].ISO3
		}
		return out[i].Date < out[j].Date
	})
	return out, sha256hex(data), nil
}

// ElectionColumns is the header of elections.csv, the same as the ODIHR
// table's so that one reader serves both.
var ElectionColumns = []string{"country_iso3", "election_date", "election_type", "odihr_mission",
	"assessment", "score", "summary", "source_url", "source_kind"}

// RenderElections renders elections as elections.csv (ElectionColumns),
// in the order given.
func RenderElections(es []indicators.Election) ([]byte, error) {
	rows := make([][]string, len(es))
	for i, e := range es {
		score := ""
		if s, ok := e.Assessment.Score(); ok {
			score = strconv.Itoa(s)
		}
		rows[i] = []string{e.ISO3, e.Date, e.Type, e.Mission, string(e.Assessment), score, e.Summary, e.SourceURL, string(e.SourceKind)}
	}
	return renderCSV(ElectionColumns, rows)
}

// RenderLong renders observations of one indicator as a long-format file
// (importers.LongColumns), sorted by country, then year: the store finds a
// country's rows, or one (country, year) row, by binary search over the
// file, so a command reads only the rows it needs.
func RenderLong(obs []indicators.Observation) ([]byte, error) {
	sorted := append([]indicators.Observation(nil), obs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].ISO3 != sorted[j].ISO3 {
			return sorted[i].ISO3 < sorted[j].ISO3
		}
		return sorted[i].Year < sorted[j].Year
	})
	rows := make([][]string, len(sorted))
	for i, o := range sorted {
		rows[i] = importers.LongRecord(o)
	}
	return renderCSV(importers.LongColumns, rows)
}

func renderCSV(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// YearSpan renders a set of years compactly: "2002–2005, 2009".
func YearSpan(years []int) string {
	ys := append([]int(nil), years...)
	sort.Ints(ys)
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] <= ys[j]+1 {
			j++
		}
		if ys[i] == ys[j] {
			parts = append(parts, strconv.Itoa(ys[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// Write stores the generated files in dir, each through a temporary file
// and a rename, and removes .csv files in dir that the generator no longer
// produces.
func (g Generated) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(g))
	for name := range g {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := atomicfile.WriteBytes(filepath.Join(dir, name), g[name]); err != nil {
			return err
		}
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, f := range old {
		if _, ok := g[filepath.Base(f)]; !ok {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	return nil
}
