package datasets

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/rankings-dev/rankings/datasets/countries"
)

// TestUnmappedAccountsForRankOf checks, on the embedded data, that the
// entries the registry leaves unmapped are exactly what a year's rank_of
// counts beyond its rows: RSF 2012 ranked 179 entries, 176 have rows and
// three (Israel and the United States outside their territory, the OECS)
// are unmapped.
func TestUnmappedAccountsForRankOf(t *testing.T) {
	s := Embedded()
	for _, c := range []struct {
		id    string
		year  int
		codes []string
	}{
		{"rsf", 2012, []string{"ISR2", "USA1", "XCD"}},
		{"rsf", 2025, []string{"CSS"}},
		{"rsf-political", 2025, []string{"CSS"}},
		{"rsf", 2004, []string{"ISR3", "USA_I"}},
		{"fh-fiw", 2024, nil},
		{"wgi-rl", 2023, nil},
	} {
		us, err := s.UnmappedIn(c.id, c.year)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, u := range us {
			codes = append(codes, u.Code)
			if u.Label() == "" || u.Why() == "" || u.Why() == u.Reason {
				t.Errorf("%s: label %q, why %q", u.Code, u.Label(), u.Why())
			}
		}
		if !slices.Equal(codes, c.codes) {
			t.Errorf("UnmappedIn(%s, %d) = %v, want %v", c.id, c.year, codes, c.codes)
		}
		obs, err := s.Year(c.id, c.year)
		if err != nil {
			t.Fatal(err)
		}
		rankOf, ranked := 0, 0
		for _, o := range obs {
			if o.HasRank() {
				ranked++
				rankOf = max(rankOf, o.RankOf)
			}
		}
		if ranked+len(us) != rankOf {
			t.Errorf("%s %d: %d ranked rows + %d unmapped entries, rank_of %d", c.id, c.year, ranked, len(us), rankOf)
		}
	}
	us, _ := s.UnmappedIn("rsf", 2025)
	if len(us) != 1 || us[0].Label() != "OECS, the Organisation of Eastern Caribbean States" || us[0].Why() != "a regional organisation RSF ranks as one entry" {
		t.Errorf("RSF 2025 unmapped = %+v", us)
	}
}

func TestUnmappedFile(t *testing.T) {
	fsys := fstest.MapFS{"unmapped.csv": {Data: []byte("source,code,name,years,rows,reason\n" +
		"rsf,ISR2,Israel (outside Israeli territory),\"2006–2010, 2012\",6,\"Israel (outside Israeli territory): RSF scored a government's conduct outside its own territory, not a country\"\n" +
		"fh-ratings,ZZZ,Somewhere,1990,1,no colon here\n")}}
	s := Open(fsys, countries.Default())
	us, err := s.Unmapped()
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 2 || !slices.Equal(us[0].Years, []int{2006, 2007, 2008, 2009, 2010, 2012}) || us[0].Rows != 6 {
		t.Fatalf("Unmapped() = %+v", us)
	}
	if us[1].Label() != "Somewhere" || us[1].Why() != "no colon here" {
		t.Errorf("an entry without a colon: label %q, why %q", us[1].Label(), us[1].Why())
	}
	// Freedom House's ratings belong to the Freedom in the World indicators.
	if got, _ := s.UnmappedIn("fh-pr-rating", 1990); len(got) != 1 || got[0].Code != "ZZZ" {
		t.Errorf("UnmappedIn(fh-pr-rating, 1990) = %+v", got)
	}
	if got, _ := Open(fstest.MapFS{}, countries.Default()).Unmapped(); got != nil {
		t.Errorf("a folder without unmapped.csv: %+v", got)
	}
	for _, bad := range []string{"2006–", "x", "2010-2006"} {
		if _, err := parseYears(bad); err == nil {
			t.Errorf("parseYears(%q): no error", bad)
		}
	}
}
