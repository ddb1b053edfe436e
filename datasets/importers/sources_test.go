package importers

import (
	"math"
	"testing"

	"github.com/rankings-dev/rankings/indicators"
)

func TestWGIFigures(t *testing.T) {
	recs, err := ReadWGI(openSource(t, "wgi/wgidataset.csv"), "wgidataset.csv")
	if err != nil {
		t.Fatal(err)
	}
	find := func(code, ind string, year int) Record {
		for _, r := range recs {
			if r.Code == code && r.Obs.Indicator == ind && r.Obs.Year == year {
				return r
			}
		}
		t.Fatalf("no %s %s %d", code, ind, year)
		return Record{}
	}
	for _, c := range []struct {
		code  string
		year  int
		value float64
	}{{"EST", 1996, 0.57}, {"EST", 2023, 1.43}, {"GEO", 1996, -1.26}, {"KAZ", 2012, -0.77}, {"RUS", 2023, -1.19}, {"TKM", 2012, -1.38}, {"UKR", 2023, -0.89}} {
		if r := find(c.code, "wgi-rl", c.year); r.Obs.Value != c.value {
			t.Errorf("%s rl %d = %v, want %v", c.code, c.year, r.Obs.Value, c.value)
		}
	}
	for code, pct := range map[string]float64{"EST": 89.6, "KAZ": 36.8, "RUS": 12.3} {
		r := find(code, "wgi-rl", 2023)
		if r.Obs.Pct != pct || !(r.Obs.PctLower < pct && pct < r.Obs.PctUpper) || math.IsNaN(r.Obs.StdErr) {
			t.Errorf("%s rl 2023 percentile %v [%v, %v] s.e. %v; want %v inside its bounds", code, r.Obs.Pct, r.Obs.PctLower, r.Obs.PctUpper, r.Obs.StdErr, pct)
		}
	}
	// ".." rows (American Samoa 1996) are skipped, never zero.
	for _, r := range recs {
		if r.Code == "ASM" && r.Obs.Year == 1996 && r.Obs.Indicator == "wgi-cc" {
			t.Errorf("ASM 1996 cc has no estimate but gave %v", r.Obs.Value)
		}
	}
	years := map[int]bool{}
	for _, r := range recs {
		years[r.Obs.Year] = true
	}
	for _, y := range []int{1997, 1999, 2001} {
		if years[y] {
			t.Errorf("WGI has no %d wave, got figures", y)
		}
	}
}

func TestFOTPFigures(t *testing.T) {
	recs, err := ReadFOTP(openSource(t, "freedomhouse_fotp/fotp_2001_2014.csv"), "fotp_2001_2014.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"Russia": 83, "Belarus": 93, "Uzbekistan": 95, "Turkmenistan": 95, "Kazakhstan": 85, "Azerbaijan": 87, "Estonia": 16, "Ukraine": 58}
	got := map[string]float64{}
	var congo Record
	for _, r := range recs {
		if r.Obs.Year == 2015 {
			got[r.Name] = r.Obs.Value
		}
		if r.Obs.Year == 2012 && r.Name == "Congo, Republic of (Brazzaville)" {
			congo = r
		}
		if r.Obs.Year < 2002 || r.Obs.Year > 2015 {
			t.Fatalf("edition %d outside 2002–2015", r.Obs.Year)
		}
	}
	for name, v := range want {
		if got[name] != v {
			t.Errorf("FOTP 2015 %s = %v, want %v", name, got[name], v)
		}
	}
	if congo.Obs.Value != 55 || congo.Obs.Note == "" {
		t.Errorf("Congo-Brazzaville 2012 = %v note %q; want 55 with a note on its parts", congo.Obs.Value, congo.Obs.Note)
	}
}

func TestVDemFigures(t *testing.T) {
	recs, err := ReadVDem(openSource(t, "vdem/vdemlite_v14_subset.csv"), "vdemlite_v14_subset.csv")
	if err != nil {
		t.Fatal(err)
	}
	poly := map[string]float64{}
	elfr := map[int]float64{}
	for _, r := range recs {
		if r.Obs.Indicator == "vdem-polyarchy" && r.Obs.Year == 2023 {
			poly[r.Code] = r.Obs.Value
		}
		if r.Obs.Indicator == "vdem-elfrfair" && r.Code == "RUS" && r.Obs.Year >= 2010 {
			elfr[r.Obs.Year] = r.Obs.Value
		}
	}
	for code, v := range map[string]float64{"EST": 0.895, "LVA": 0.852, "LTU": 0.798, "MDA": 0.713, "ARM": 0.634, "GEO": 0.604, "UKR": 0.415,
		"KGZ": 0.358, "KAZ": 0.284, "UZB": 0.215, "RUS": 0.190, "AZE": 0.188, "TJK": 0.168, "BLR": 0.157, "TKM": 0.150} {
		if poly[code] != v {
			t.Errorf("polyarchy 2023 %s = %v, want %v", code, poly[code], v)
		}
	}
	// v2elfrfair only in election years: Russia 2011, 2012, 2016, 2018, 2021.
	want := map[int]float64{2011: -0.986, 2012: -0.664, 2016: -0.804, 2018: -0.733, 2021: -1.215}
	if len(elfr) != len(want) {
		t.Errorf("Russia v2elfrfair years since 2010 = %v, want only %v", elfr, want)
	}
	for y, v := range want {
		if elfr[y] != v {
			t.Errorf("Russia v2elfrfair %d = %v, want %v", y, elfr[y], v)
		}
	}
}

func TestODIHRRows(t *testing.T) {
	recs, err := ReadODIHR(openSource(t, "odihr/elections.csv"), "elections.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 268 {
		t.Errorf("%d elections, want 268", len(recs))
	}
	// The manifest's counts (revision of 2026-12-01).
	counts := map[string]int{}
	kinds := map[indicators.SourceKind]int{}
	for _, r := range recs {
		counts[string(r.Election.Assessment)]++
		kinds[r.Election.SourceKind]++
	}
	want := map[string]int{"not_met": 60, "not_observed": 59, "mostly_met": 47, "unknown": 42, "partly_met": 35, "met": 25}
	for a, n := range want {
		if counts[a] != n {
			t.Errorf("%s: %d, want %d", a, counts[a], n)
		}
	}
	wantKinds := map[indicators.SourceKind]int{indicators.SourceODIHR: 73, indicators.SourceOSCEPA: 10, indicators.SourceMirror: 41, indicators.SourceSecondary: 144}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("source_kind %s: %d rows, want %d", k, kinds[k], n)
		}
	}
	if len(kinds) != len(wantKinds) {
		t.Errorf("source kinds %v, want those of %v", kinds, wantKinds)
	}
	first := recs[0].Election
	if first.ISO3 != "ARM" || first.Date != "1991-10-16" || first.Type != "presidential" || first.Assessment != "not_observed" {
		t.Errorf("first row = %+v", first)
	}
}
