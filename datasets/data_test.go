package datasets

import (
	"bytes"
	"io/fs"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

type spot struct {
	ind, iso3    string
	year         int
	value        float64
	rank, rankOf int // 0: not checked
	status       string
}

// Published figures, read from the publishers' files and reports (see
// ../shared/sources/MANIFEST.md), checked against the embedded data.
var spots = []spot{
	// RSF: ranks and scores of the 2025 edition.
	{"rsf", "RUS", 2025, 24.57, 171, 180, ""},
	{"rsf", "KAZ", 2025, 39.34, 141, 180, ""},
	{"rsf", "TKM", 2019, 14.56, 180, 180, ""},
	// 2013–2021: RSF's files give 100 − the published score (Finland
	// published 6.38, Kazakhstan 55.08).
	{"rsf", "FIN", 2013, 93.62, 1, 179, ""},
	{"rsf", "KAZ", 2013, 44.92, 160, 179, ""},
	// The 2011-12 edition is year 2012, old points scale.
	{"rsf", "EST", 2012, -9, 3, 179, ""},
	{"rsf", "TKM", 2012, 140.67, 177, 179, ""},
	{"rsf", "AZE", 2003, math.NaN(), 113, 166, ""},
	{"rsf", "TJK", 2003, math.NaN(), 113, 166, ""},
	// Freedom House, Freedom in the World 2024 edition, total score.
	{"fh-fiw", "EST", 2024, 95, 0, 0, "F"},
	{"fh-fiw", "LTU", 2024, 89, 0, 0, "F"},
	{"fh-fiw", "LVA", 2024, 88, 0, 0, "F"},
	{"fh-fiw", "MDA", 2024, 61, 0, 0, "PF"},
	{"fh-fiw", "GEO", 2024, 58, 0, 0, "PF"},
	{"fh-fiw", "ARM", 2024, 54, 0, 0, "PF"},
	{"fh-fiw", "UKR", 2024, 49, 0, 0, "PF"},
	{"fh-fiw", "KGZ", 2024, 27, 0, 0, "NF"},
	{"fh-fiw", "KAZ", 2024, 23, 0, 0, "NF"},
	{"fh-fiw", "RUS", 2024, 13, 0, 0, "NF"},
	{"fh-fiw", "UZB", 2024, 12, 0, 0, "NF"},
	{"fh-fiw", "BLR", 2024, 8, 0, 0, "NF"},
	{"fh-fiw", "AZE", 2024, 7, 0, 0, "NF"},
	{"fh-fiw", "TJK", 2024, 5, 0, 0, "NF"},
	{"fh-fiw", "TKM", 2024, 2, 0, 0, "NF"},
	// Electoral process subcategory A, 2024 edition.
	{"fh-electoral", "RUS", 2024, 0, 0, 0, ""},
	{"fh-electoral", "KAZ", 2024, 1, 0, 0, ""},
	{"fh-electoral", "GEO", 2024, 7, 0, 0, ""},
	{"fh-electoral", "EST", 2024, 12, 0, 0, ""},
	// Ratings of the 2024 edition (covering 2023).
	{"fh-pr-rating", "RUS", 2024, 7, 0, 0, "NF"},
	{"fh-cl-rating", "RUS", 2024, 6, 0, 0, "NF"},
	{"fh-pr-rating", "KAZ", 2024, 7, 0, 0, "NF"},
	{"fh-cl-rating", "KAZ", 2024, 5, 0, 0, "NF"},
	{"fh-pr-rating", "GEO", 2024, 4, 0, 0, "PF"},
	{"fh-cl-rating", "GEO", 2024, 3, 0, 0, "PF"},
	{"fh-pr-rating", "EST", 2024, 1, 0, 0, "F"},
	{"fh-cl-rating", "EST", 2024, 1, 0, 0, "F"},
	// V-Dem v14 electoral democracy index, 2023.
	{"vdem-polyarchy", "EST", 2023, 0.895, 0, 0, ""},
	{"vdem-polyarchy", "LVA", 2023, 0.852, 0, 0, ""},
	{"vdem-polyarchy", "GEO", 2023, 0.604, 0, 0, ""},
	{"vdem-polyarchy", "KAZ", 2023, 0.284, 0, 0, ""},
	{"vdem-polyarchy", "RUS", 2023, 0.190, 0, 0, ""},
	{"vdem-polyarchy", "TKM", 2023, 0.150, 0, 0, ""},
	{"vdem-elfrfair", "RUS", 2021, -1.215, 0, 0, ""},
	// WJP ranks computed within each edition match WJP's published ranks.
	{"wjp", "RUS", 2020, math.NaN(), 94, 128, ""},
	{"wjp", "RUS", 2024, math.NaN(), 113, 142, ""},
	{"wjp", "EST", 2020, math.NaN(), 10, 128, ""},
	{"wjp", "GEO", 2020, math.NaN(), 42, 128, ""},
	{"wjp", "BLR", 2021, math.NaN(), 97, 139, ""},
	// WGI rule of law estimates.
	{"wgi-rl", "EST", 1996, 0.57, 0, 0, ""},
	{"wgi-rl", "EST", 2023, 1.43, 0, 0, ""},
	{"wgi-rl", "GEO", 2012, -0.01, 0, 0, ""},
	{"wgi-rl", "KAZ", 2023, -0.45, 0, 0, ""},
	{"wgi-rl", "RUS", 2023, -1.19, 0, 0, ""},
	{"wgi-rl", "TKM", 1996, -1.49, 0, 0, ""},
	{"wgi-rl", "UKR", 2012, -0.82, 0, 0, ""},
	// RSF 2026 (manifest section 1: Norway 92.72 (1), Estonia 88.54 (3),
	// Eritrea 10.24 (180); post-Soviet ranks; scores from rsf/2026.csv).
	{"rsf", "NOR", 2026, 92.72, 1, 180, ""},
	{"rsf", "EST", 2026, 88.54, 3, 180, ""},
	{"rsf", "ERI", 2026, 10.24, 180, 180, ""},
	{"rsf", "KAZ", 2026, 34.41, 149, 180, ""},
	{"rsf", "RUS", 2026, 23.15, 172, 180, ""},
	{"rsf", "LTU", 2026, math.NaN(), 15, 180, ""},
	{"rsf", "GEO", 2026, math.NaN(), 135, 180, ""},
	{"rsf", "TKM", 2026, math.NaN(), 173, 180, ""},
	// Freedom in the World, edition 2025 (manifest section 4b), and its
	// ratings from the All_data workbook's PR and CL rating columns.
	{"fh-fiw", "EST", 2025, 96, 0, 0, "F"},
	{"fh-fiw", "MDA", 2025, 60, 0, 0, "PF"},
	{"fh-fiw", "UKR", 2025, 51, 0, 0, "PF"},
	{"fh-fiw", "KGZ", 2025, 26, 0, 0, "NF"},
	{"fh-fiw", "RUS", 2025, 12, 0, 0, "NF"},
	{"fh-fiw", "TKM", 2025, 1, 0, 0, "NF"},
	{"fh-pr-rating", "KAZ", 2025, 7, 0, 0, "NF"},
	{"fh-cl-rating", "KAZ", 2025, 5, 0, 0, "NF"},
	{"fh-cl-rating", "RUS", 2025, 6, 0, 0, "NF"},
	{"fh-pr-rating", "EST", 2025, 1, 0, 0, "F"},
	// FH's correction of edition 2024: Eastern Donbas total 3 → 2.
	{"fh-fiw", "XDB", 2024, 2, 0, 0, "NF"},
	// FH 2025 scores the Russian-occupied territories of Ukraine as one
	// territory, neither Crimea nor Eastern Donbas nor Ukraine.
	{"fh-fiw", "XOU", 2025, -1, 0, 0, "NF"},
	// WJP 2025 edition: the overall score as stored (shown as 0.90, 0.82,
	// 0.54, 0.41), ranks computed over its 143 countries.
	{"wjp", "DNK", 2025, 0.8978637326116988, 1, 143, ""},
	{"wjp", "EST", 2025, 0.8189234358236023, 10, 143, ""},
	{"wjp", "KAZ", 2025, 0.5363161021036761, 66, 143, ""},
	{"wjp", "RUS", 2025, 0.4073179345375559, 119, 143, ""},
	{"wjp", "VEN", 2025, 0.2597410505231185, 143, 143, ""},
	// CPI (manifest section 7): TI's ranks 2017–2025, rank_of the
	// countries and territories the timeseries scores that year.
	{"ti-cpi", "DNK", 2025, 89, 1, 182, ""},
	{"ti-cpi", "SOM", 2025, 9, 181, 182, ""},
	{"ti-cpi", "SSD", 2025, 9, 181, 182, ""},
	{"ti-cpi", "EST", 2025, 76, 12, 182, ""},
	{"ti-cpi", "KAZ", 2025, 38, 96, 182, ""},
	{"ti-cpi", "TKM", 2025, 17, 167, 182, ""},
	{"ti-cpi", "KAZ", 2024, 40, 88, 180, ""},
	{"ti-cpi", "XKX", 2025, 43, 76, 182, ""},
	// Ranks computed for 2012–2016 (counted by hand from the sheet: 124
	// of its 174 scores for 2014 beat Kazakhstan's 29).
	{"ti-cpi", "KAZ", 2014, 29, 125, 174, ""},
	{"ti-cpi", "RUS", 2014, 27, 135, 174, ""},
	{"ti-cpi", "KAZ", 2012, 28, 132, 175, ""},
	{"ti-cpi", "RUS", 2012, 28, 132, 175, ""},
	{"ti-cpi", "EST", 2016, 70, 22, 176, ""},
	// WGI ranks follow the World Bank's percentile rank (computed from
	// unrounded estimates), not the two-decimal estimate: by estimate,
	// Italy 2000 would share rank 42 with the countries of the same 0.84;
	// by percentile (73.6) it is 54th.
	{"wgi-rl", "ITA", 2000, 0.84, 54, 202, ""},
	{"wgi-cc", "KAZ", 2008, -0.98, 174, 207, ""},
	{"wgi-rq", "RUS", 2020, -0.48, 138, 211, ""},
	{"wgi-rl", "UKR", 2023, -0.89, 171, 213, ""},
	{"wgi-rl", "KAZ", 2023, -0.45, 135, 213, ""},
	// Freedom of the Press, 2015 edition.
	{"fh-fotp", "RUS", 2015, 83, 0, 0, "NF"},
	{"fh-fotp", "BLR", 2015, 93, 0, 0, "NF"},
	{"fh-fotp", "EST", 2015, 16, 0, 0, "F"},
	{"fh-fotp", "UKR", 2015, 58, 0, 0, "PF"},
}

func TestSpotChecks(t *testing.T) {
	s := Embedded()
	for _, c := range spots {
		series, err := s.Series(c.ind, c.iso3)
		if err != nil {
			t.Fatal(err)
		}
		o, ok := series.At(c.year)
		if !ok {
			t.Errorf("%s %s %d: no figure", c.ind, c.iso3, c.year)
			continue
		}
		if !math.IsNaN(c.value) && o.Value != c.value {
			t.Errorf("%s %s %d = %v, want %v", c.ind, c.iso3, c.year, o.Value, c.value)
		}
		if c.rank != 0 && (o.Rank != c.rank || o.RankOf != c.rankOf) {
			t.Errorf("%s %s %d: rank %d of %d, want %d of %d", c.ind, c.iso3, c.year, o.Rank, o.RankOf, c.rank, c.rankOf)
		}
		if c.status != "" && o.Status != c.status {
			t.Errorf("%s %s %d: status %q, want %q", c.ind, c.iso3, c.year, o.Status, c.status)
		}
	}
}

func TestSpotCheckNotes(t *testing.T) {
	s := Embedded()
	// The 2011-12 RSF edition keeps its label.
	est, _ := s.Series("rsf", "EST")
	if o, _ := est.At(2012); o.Note != "edition 2011-12" {
		t.Errorf("RSF 2012 note = %q", o.Note)
	}
	if _, ok := est.At(2011); ok {
		t.Error("RSF has no 2011 edition")
	}
	// The 2002 RSF file lacks Armenia.
	arm, _ := s.Series("rsf", "ARM")
	if _, ok := arm.At(2002); ok {
		t.Error("RSF 2002 has no Armenia")
	}
	// FH ratings say which year an edition covers.
	rus, _ := s.Series("fh-pr-rating", "RUS")
	if o, _ := rus.At(2024); o.Note != "edition 2024, covers 2023" {
		t.Errorf("FH rating note = %q", o.Note)
	}
	// WGI percentile ranks with their 90% bounds.
	for iso, pct := range map[string]float64{"EST": 89.6, "KAZ": 36.8, "RUS": 12.3} {
		se, _ := s.Series("wgi-rl", iso)
		o, _ := se.At(2023)
		if o.Pct != pct || !(o.PctLower < o.Pct && o.Pct < o.PctUpper) || math.IsNaN(o.StdErr) {
			t.Errorf("WGI rl 2023 %s: pct %v [%v, %v] s.e. %v", iso, o.Pct, o.PctLower, o.PctUpper, o.StdErr)
		}
	}
	// CPI: the standard error as stored (the sheet shows 3.53 and 4.1),
	// and the note on a rank rankings computed.
	kaz, _ := s.Series("ti-cpi", "KAZ")
	if o, _ := kaz.At(2025); o.StdErr != 3.533891 || o.Note != "" {
		t.Errorf("CPI 2025 KAZ: s.e. %v note %q, want 3.533891 and no note", o.StdErr, o.Note)
	}
	if o, _ := kaz.At(2012); o.StdErr != 4.1 || o.Note != importers.CPIComputedRankNote {
		t.Errorf("CPI 2012 KAZ: s.e. %v note %q, want 4.1 and the computed-rank note", o.StdErr, o.Note)
	}
	if _, ok := kaz.At(2011); ok {
		t.Error("CPI 2011 is on the 0–10 scale and is not shipped")
	}
	// Every WGI rank is 1 + the number of economies with a higher
	// percentile rank that year.
	for _, id := range []string{"wgi-va", "wgi-pv", "wgi-ge", "wgi-rq", "wgi-rl", "wgi-cc"} {
		all, err := s.Observations(id)
		if err != nil {
			t.Fatal(err)
		}
		byYear := map[int][]indicators.Observation{}
		for _, o := range all {
			byYear[o.Year] = append(byYear[o.Year], o)
		}
		for _, obs := range byYear {
			for _, o := range obs {
				higher := 0
				for _, p := range obs {
					if p.Pct > o.Pct {
						higher++
					}
				}
				if o.Rank != higher+1 {
					t.Fatalf("%s %s %d: rank %d, but %d economies have a higher percentile rank", id, o.ISO3, o.Year, o.Rank, higher)
				}
			}
		}
	}
	// V-Dem's "Russia" before 1991 is the Soviet Union, kept apart.
	sun, _ := s.Series("vdem-polyarchy", "SUN")
	ru, _ := s.Series("vdem-polyarchy", "RUS")
	if _, ok := sun.At(1985); !ok {
		t.Error("no Soviet Union figure for 1985")
	}
	if _, ok := ru.At(1985); ok {
		t.Error("Russia has a 1985 figure: the Soviet Union was mapped to its successor")
	}
}

func TestElections(t *testing.T) {
	s := Embedded()
	all, err := s.Elections("")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 268 {
		t.Errorf("%d elections, want 268", len(all))
	}
	kaz, _ := s.Elections("KAZ")
	var found bool
	for _, e := range kaz {
		if e.Date == "2023-03-19" {
			found = true
			if e.Type != "parliamentary" || e.Assessment != indicators.PartlyMet || e.SourceURL == "" {
				t.Errorf("KAZ 2023-03-19 = %+v", e)
			}
		}
	}
	if !found {
		t.Error("no KAZ 2023-03-19 election")
	}
	for i := 1; i < len(kaz); i++ {
		if kaz[i].Date < kaz[i-1].Date {
			t.Fatal("elections are not in date order")
		}
	}
}

// TestDatasetValid checks the whole embedded dataset: every value within
// its segment's scale, ranks within rank_of, no duplicate (indicator,
// country, year), every code in the registry.
func TestDatasetValid(t *testing.T) {
	s := Embedded()
	reg := s.Registry()
	for _, ind := range s.Indicators() {
		if ind.Events {
			continue
		}
		obs, err := s.Observations(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(obs) == 0 {
			t.Errorf("%s: no figures", ind.ID)
		}
		type key struct {
			iso3 string
			year int
		}
		seen := map[key]bool{}
		for _, o := range obs {
			k := key{o.ISO3, o.Year}
			if seen[k] {
				t.Errorf("%s: %s %d twice", ind.ID, o.ISO3, o.Year)
			}
			seen[k] = true
			if _, ok := reg.ByCode(o.ISO3); !ok {
				t.Errorf("%s: unknown code %s", ind.ID, o.ISO3)
			}
			seg, ok := ind.SegmentAt(o.Year)
			if !ok {
				t.Errorf("%s %s %d: year outside every methodology segment", ind.ID, o.ISO3, o.Year)
				continue
			}
			lo, hi := seg.Scale.Min, seg.Scale.Max
			if seg.Scale.Approximate {
				lo, hi = lo-1, hi+1
			}
			if math.IsNaN(o.Value) || o.Value < lo || o.Value > hi {
				t.Errorf("%s %s %d = %v, outside %s", ind.ID, o.ISO3, o.Year, o.Value, seg.Scale)
			}
			if o.Rank != 0 && (o.Rank < 1 || o.Rank > o.RankOf) {
				t.Errorf("%s %s %d: rank %d of %d", ind.ID, o.ISO3, o.Year, o.Rank, o.RankOf)
			}
			if (o.Rank == 0) != (o.RankOf == 0) {
				t.Errorf("%s %s %d: rank without rank_of", ind.ID, o.ISO3, o.Year)
			}
		}
	}
	es, err := s.Elections("")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if c, ok := reg.ByCode(e.ISO3); !ok || c.ISO3 != e.ISO3 {
			t.Errorf("election of unknown country %q", e.ISO3)
		}
	}
}

// TestIndexAgreesWithReadLong checks the fast, indexed row parser against
// the strict gocsv reader on every row of every embedded file.
func TestIndexAgreesWithReadLong(t *testing.T) {
	s := Embedded()
	for _, ind := range s.Indicators() {
		if ind.Events {
			continue
		}
		data, err := fs.ReadFile(s.fsys, ind.ID+".csv")
		if err != nil {
			t.Fatal(err)
		}
		want, err := importers.ReadLong(bytes.NewReader(data), ind.ID+".csv")
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Observations(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows indexed, %d read", ind.ID, len(got), len(want))
		}
		indicators.SortObservations(want)
		// Every row is also found on its own, by binary search.
		for _, w := range want[:min(len(want), 50)] {
			o, ok, err := s.At(ind.ID, w.ISO3, w.Year)
			if err != nil || !ok || !sameObservation(o, w) {
				t.Fatalf("%s At(%s, %d) = %+v, %v, %v", ind.ID, w.ISO3, w.Year, o, ok, err)
			}
		}
		if _, ok, _ := s.At(ind.ID, "KAZ", 1066); ok {
			t.Errorf("%s has a figure for 1066", ind.ID)
		}
		for i := range want {
			if !sameObservation(got[i], want[i]) {
				t.Fatalf("%s row %d: indexed %+v, read %+v", ind.ID, i, got[i], want[i])
			}
		}
	}
}

func sameObservation(a, b indicators.Observation) bool {
	eq := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return a.Indicator == b.Indicator && a.ISO3 == b.ISO3 && a.Year == b.Year && eq(a.Value, b.Value) &&
		a.Rank == b.Rank && a.RankOf == b.RankOf && eq(a.StdErr, b.StdErr) && eq(a.Lower, b.Lower) && eq(a.Upper, b.Upper) &&
		eq(a.Pct, b.Pct) && eq(a.PctLower, b.PctLower) && eq(a.PctUpper, b.PctUpper) && a.Status == b.Status && a.Note == b.Note
}

func TestSplitCSV(t *testing.T) {
	got, err := splitCSV([]byte(`a,"b, ""c""",,d`), 4)
	if err != nil || got[0] != "a" || got[1] != `b, "c"` || got[2] != "" || got[3] != "d" {
		t.Errorf("splitCSV = %q, %v", got, err)
	}
	if got, err := splitCSV([]byte(`a,b,`), 3); err != nil || got[2] != "" {
		t.Errorf("trailing empty field: %q, %v", got, err)
	}
	for _, bad := range []string{`a,"b`, `a,"b"x,c`, `a,b`} {
		if _, err := splitCSV([]byte(bad), 3); err == nil {
			t.Errorf("splitCSV(%q) accepted", bad)
		}
	}
}

func TestCorruptFileIsAnError(t *testing.T) {
	fsys := fstest.MapFS{"rsf.csv": {Data: []byte("indicator,iso3,year,value,rank,rank_of,stderr,lower,upper,pct,pct_lower,pct_upper,status,note\nrsf,KAZ,2020,x,,,,,,,,,,\n")}}
	s := Open(fsys, Embedded().Registry())
	if _, err := s.Series("rsf", "KAZ"); err == nil || !strings.Contains(err.Error(), `rsf.csv:2: column "value": "x" is not a number`) {
		t.Errorf("err = %v", err)
	}
	if _, err := s.Series("wjp", "KAZ"); err == nil {
		t.Error("a missing file gave no error")
	}
}
