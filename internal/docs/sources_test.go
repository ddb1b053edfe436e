package docs_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

// embeddedSourceKinds counts the source_kind column of the embedded
// elections.csv, read with encoding/csv rather than the store's reader.
func embeddedSourceKinds(t *testing.T) (map[string]int, int) {
	t.Helper()
	data, err := fs.ReadFile(datasets.EmbeddedFS(), "elections.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "source_kind" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("elections.csv has no source_kind column: %v", rows[0])
	}
	counts := map[string]int{}
	for _, r := range rows[1:] {
		counts[r[col]]++
	}
	return counts, len(rows) - 1
}

// TestSourcesStateWhatODIHRRowsRestOn: the sources document's sentence on
// the ODIHR table gives the counts of the embedded table, not a claim that
// every row is an ODIHR report.
func TestSourcesStateWhatODIHRRowsRestOn(t *testing.T) {
	want, total := embeddedSourceKinds(t)
	doc, err := docs.Sources(datasets.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	var odihr *docs.Source
	for i, s := range doc.Sources {
		if s.ID == "odihr" {
			odihr = &doc.Sources[i]
		} else if s.Basis != "" || s.SourceKindCounts != nil {
			t.Errorf("%s has a basis %q / counts %v: only the election table has one", s.ID, s.Basis, s.SourceKindCounts)
		}
	}
	if odihr == nil {
		t.Fatal("no odihr source")
	}
	sum := 0
	for _, k := range indicators.SourceKinds {
		if got := odihr.SourceKindCounts[string(k)]; got != want[string(k)] {
			t.Errorf("source_kind_counts[%s] = %d, elections.csv has %d", k, got, want[string(k)])
		}
		sum += want[string(k)]
	}
	if sum != total {
		t.Errorf("elections.csv: %d of %d rows have a known source kind (%v)", sum, total, want)
	}
	if _, ok := odihr.SourceKindCounts[docs.NotStated]; ok {
		t.Errorf("counts %v have %s, but every embedded row states its kind", odihr.SourceKindCounts, docs.NotStated)
	}
	// The sentence's figures, read back, are the table's.
	re := regexp.MustCompile(`^(\d+) of (\d+) assessments rests? on ODIHR's own pages, (\d+) on the OSCE Parliamentary Assembly's, (\d+) on copies of OSCE documents elsewhere and (\d+) on secondary accounts\.$`)
	m := re.FindStringSubmatch(odihr.Basis)
	if m == nil {
		t.Fatalf("basis = %q", odihr.Basis)
	}
	got := []string{m[1], m[2], m[3], m[4], m[5]}
	exp := []string{strconv.Itoa(want["odihr"]), strconv.Itoa(total), strconv.Itoa(want["osce_pa"]), strconv.Itoa(want["mirror"]), strconv.Itoa(want["secondary"])}
	if fmt.Sprint(got) != fmt.Sprint(exp) {
		t.Errorf("basis %q: figures %v, elections.csv has %v (odihr, total, osce_pa, mirror, secondary)", odihr.Basis, got, exp)
	}
	// The metadata no longer says every row cites an ODIHR report.
	for _, text := range []string{odihr.Licence, odihr.Citation, odihr.Notes} {
		if strings.Contains(text, "cite ODIHR's report given in each row") {
			t.Errorf("the ODIHR metadata still claims every row is an ODIHR report: %q", text)
		}
	}
}

func TestSourceKindSentence(t *testing.T) {
	for _, c := range []struct {
		counts map[string]int
		total  int
		want   string
	}{
		{map[string]int{"odihr": 73, "osce_pa": 10, "mirror": 41, "secondary": 144}, 268,
			"73 of 268 assessments rest on ODIHR's own pages, 10 on the OSCE Parliamentary Assembly's, 41 on copies of OSCE documents elsewhere and 144 on secondary accounts."},
		{map[string]int{"odihr": 1, "osce_pa": 0, "mirror": 0, "secondary": 2}, 3,
			"1 of 3 assessments rests on ODIHR's own pages, 0 on the OSCE Parliamentary Assembly's, 0 on copies of OSCE documents elsewhere and 2 on secondary accounts."},
		{map[string]int{"odihr": 2, "secondary": 1, docs.NotStated: 3}, 6,
			"2 of 6 assessments rest on ODIHR's own pages, 0 on the OSCE Parliamentary Assembly's, 0 on copies of OSCE documents elsewhere and 1 on secondary accounts. 3 of 6 assessments do not say what their source is."},
		{map[string]int{"odihr": 4, docs.NotStated: 1}, 5,
			"4 of 5 assessments rest on ODIHR's own pages, 0 on the OSCE Parliamentary Assembly's, 0 on copies of OSCE documents elsewhere and 0 on secondary accounts. 1 of 5 assessments does not say what its source is."},
	} {
		if got := docs.SourceKindSentence(c.counts, c.total); got != c.want {
			t.Errorf("SourceKindSentence(%v, %d)\n got %q\nwant %q", c.counts, c.total, got, c.want)
		}
	}
}

func TestCountSourceKinds(t *testing.T) {
	got := docs.CountSourceKinds([]indicators.Election{{SourceKind: indicators.SourceODIHR}, {SourceKind: indicators.SourceSecondary},
		{SourceKind: indicators.SourceSecondary}, {SourceKind: ""}})
	want := map[string]int{"odihr": 1, "osce_pa": 0, "mirror": 0, "secondary": 2, docs.NotStated: 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("CountSourceKinds = %v, want %v", got, want)
	}
}

// TestElectionsCarrySourceKind: every election of the elections document
// has its source kind in JSON, and the counts by kind add up.
func TestElectionsCarrySourceKind(t *testing.T) {
	s := datasets.Embedded()
	c, err := s.Registry().Resolve("uzbekistan")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docs.BuildElections(s, c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Elections        []map[string]any `json:"elections"`
		SourceKindCounts map[string]int   `json:"source_kind_counts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range raw.Elections {
		k, ok := e["source_kind"].(string)
		if !ok || !indicators.SourceKind(k).Valid() {
			t.Errorf("%v %v: source_kind = %#v", e["date"], e["type"], e["source_kind"])
		}
		counts[k]++
	}
	for _, k := range indicators.SourceKinds {
		if raw.SourceKindCounts[string(k)] != counts[string(k)] {
			t.Errorf("source_kind_counts[%s] = %d, the elections have %d", k, raw.SourceKindCounts[string(k)], counts[string(k)])
		}
	}
	if counts[string(indicators.SourceSecondary)] == 0 {
		t.Errorf("no secondary source among Uzbekistan's %d elections: the test no longer covers one", len(raw.Elections))
	}
}
