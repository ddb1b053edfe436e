package docs

import (
	"testing"

	"github.com/rankings-dev/rankings/datasets"
)

// TestRankWholeField checks, on the embedded data, that the group "all"
// lists the whole field the source ranked: territories included, positions
// equal to the ranks, and the listed rows plus the unlisted count equal
// rank_of.
func TestRankWholeField(t *testing.T) {
	s := datasets.Embedded()
	for _, c := range []struct {
		id            string
		year          int
		rankOf, rows  int
		unlisted      int
		names         []string // the unlisted entries, in unmapped.csv order
		mustList      []string // entities the list must have
		positionsRank bool     // every position equals its rank
	}{
		{"fh-fiw", 2024, 210, 210, 0, nil, []string{"XCR", "XAB", "XSO", "XTR", "XNK", "XDB", "HKG", "UKR", "RUS"}, true},
		{"wgi-rl", 2023, 213, 213, 0, nil, []string{"PRI", "HKG", "XKX"}, true},
		{"rsf", 2025, 180, 179, 1, []string{"OECS, the Organisation of Eastern Caribbean States"}, []string{"XKX", "HKG", "TWN"}, false},
		{"rsf", 2012, 179, 176, 3, []string{"Israel (outside Israeli territory)", "United States (outside US territory)", "OECS, the Organisation of Eastern Caribbean States"}, nil, false},
		// Freedom House rated the Soviet Union, a historical state: the
		// whole field lists it.
		{"fh-pr-rating", 1985, 0, 0, 0, nil, []string{"SUN", "DDR", "CSK", "YUG"}, true},
	} {
		doc, err := BuildRank(s, c.id, c.year, "all")
		if err != nil {
			t.Fatalf("%s %d: %v", c.id, c.year, err)
		}
		u := doc.Unlisted
		if u == nil || !doc.WholeField() {
			t.Fatalf("%s %d: no unlisted count for the group all", c.id, c.year)
		}
		if c.rankOf == 0 {
			c.rankOf, c.rows = u.RankOf, u.RankOf
		}
		if len(doc.Rows) != c.rows || u.RankOf != c.rankOf || u.Count != c.unlisted || len(doc.Rows)+u.Count != u.RankOf {
			t.Errorf("%s %d: %d rows, %d unlisted, rank_of %d; want %d + %d = %d", c.id, c.year, len(doc.Rows), u.Count, u.RankOf, c.rows, c.unlisted, c.rankOf)
		}
		if len(u.Entries) != len(c.names) {
			t.Errorf("%s %d: unlisted entries %+v, want %v", c.id, c.year, u.Entries, c.names)
		}
		for i, e := range u.Entries {
			if i < len(c.names) && (e.Name != c.names[i] || e.Reason == "") {
				t.Errorf("%s %d: unlisted entry %d = %+v, want %s", c.id, c.year, i, e, c.names[i])
			}
		}
		listed := map[string]bool{}
		for _, r := range doc.Rows {
			listed[r.ISO3] = true
			if c.positionsRank && (r.Rank == nil || r.Position != *r.Rank) {
				t.Errorf("%s %d: %s is #%d, rank %v", c.id, c.year, r.ISO3, r.Position, r.Rank)
			}
		}
		for _, code := range c.mustList {
			if !listed[code] {
				t.Errorf("%s %d: the whole field lacks %s", c.id, c.year, code)
			}
		}
		if doc.Group.Name != "all" || doc.Group.N != len(doc.Rows) || doc.Group.Of != len(doc.Rows) || len(doc.Group.Missing) != 0 {
			t.Errorf("%s %d: group %+v", c.id, c.year, doc.Group)
		}
		if doc.GroupTitle() != "all countries and territories ranked" || doc.UnlistedSentence() == "" {
			t.Errorf("%s %d: title %q, sentence %q", c.id, c.year, doc.GroupTitle(), doc.UnlistedSentence())
		}
	}
	// Below the unlisted OECS a position is one less than RSF's rank.
	doc, _ := BuildRank(s, "rsf", 2025, "all")
	if last := doc.Rows[len(doc.Rows)-1]; last.Position != 179 || *last.Rank != 180 {
		t.Errorf("RSF 2025 last row: #%d, rank %d", last.Position, *last.Rank)
	}
	if got, want := doc.UnlistedSentence(), "1 of the 180 entries the source ranked in 2025 is not listed: the registry leaves it unmapped on purpose, but it counts in N, so below it # is smaller than the global rank:"; got != want {
		t.Errorf("sentence\n got %q\nwant %q", got, want)
	}
	// Other groups say nothing of the whole field.
	doc, err := BuildRank(s, "rsf", 2025, "post-soviet")
	if err != nil || doc.Unlisted != nil || doc.WholeField() || doc.UnlistedSentence() != "" || doc.GroupTitle() != "post-Soviet states" {
		t.Errorf("post-soviet: %+v, %v", doc.Unlisted, err)
	}
}

// TestRankTerritories checks the group of disputed and occupied territories
// on Freedom House's figures: each territory has its own score and rank,
// apart from the state that claims or holds it.
func TestRankTerritories(t *testing.T) {
	s := datasets.Embedded()
	doc, err := BuildRank(s, "fh-fiw", 2024, "Territories")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		iso3         string
		pos          int
		value        float64
		rank, rankOf int
		status       string
	}
	want := []row{
		{"XAB", 1, 39, 136, 210, "PF"},
		{"XTR", 2, 17, 172, 210, "NF"},
		{"XSO", 3, 12, 182, 210, "NF"},
		{"XCR", 4, 2, 204, 210, "NF"},
		{"XDB", 4, 2, 204, 210, "NF"},
		{"XNK", 6, -3, 210, 210, "NF"},
	}
	if len(doc.Rows) != len(want) {
		t.Fatalf("%d rows: %+v", len(doc.Rows), doc.Rows)
	}
	for i, w := range want {
		r := doc.Rows[i]
		if r.ISO3 != w.iso3 || r.Position != w.pos || r.Value != w.value || *r.Rank != w.rank || *r.RankOf != w.rankOf || r.Status != w.status {
			t.Errorf("row %d = %s #%d %v %d of %d %s; want %+v", i, r.ISO3, r.Position, r.Value, *r.Rank, *r.RankOf, r.Status, w)
		}
	}
	// The Russian-Occupied Territories of Ukraine are scored from the 2025
	// edition only.
	if doc.Group.Name != "territories" || doc.Group.N != 6 || doc.Group.Of != 7 || len(doc.Group.Missing) != 1 || doc.Group.Missing[0] != "XOU" {
		t.Errorf("group %+v", doc.Group)
	}
	if doc.GroupTitle() != "disputed and occupied territories" {
		t.Errorf("title %q", doc.GroupTitle())
	}
	// Ukraine and Russia keep their own figures.
	for _, c := range []struct {
		iso3  string
		value float64
	}{{"UKR", 49}, {"RUS", 13}} {
		o, ok, err := s.At("fh-fiw", c.iso3, 2024)
		if err != nil || !ok || o.Value != c.value {
			t.Errorf("%s 2024 = %v, %v, %v; want %v", c.iso3, o.Value, ok, err, c.value)
		}
	}
}
