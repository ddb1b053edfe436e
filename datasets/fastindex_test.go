package datasets

import (
	"fmt"
	"io/fs"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
)

// sameObs reports whether two observations are equal field by field, the
// floats bit for bit (so NaN, a missing figure, equals NaN).
func sameObs(a, b indicators.Observation) bool {
	fa, fb := []float64{a.Value, a.StdErr, a.Lower, a.Upper, a.Pct, a.PctLower, a.PctUpper},
		[]float64{b.Value, b.StdErr, b.Lower, b.Upper, b.Pct, b.PctLower, b.PctUpper}
	for i := range fa {
		if math.Float64bits(fa[i]) != math.Float64bits(fb[i]) {
			return false
		}
	}
	return a.Indicator == b.Indicator && a.ISO3 == b.ISO3 && a.Year == b.Year && a.Rank == b.Rank &&
		a.RankOf == b.RankOf && a.Status == b.Status && a.Note == b.Note
}

func sameList(t *testing.T, what string, got, want []indicators.Observation) {
	t.Helper()
	if len(got) != len(want) || (got == nil) != (want == nil) {
		t.Fatalf("%s: %d observations (nil %v) from the index, %d (nil %v) from the CSV", what, len(got), got == nil, len(want), want == nil)
	}
	for i := range got {
		if !sameObs(got[i], want[i]) {
			t.Fatalf("%s, #%d: index %+v, CSV %+v", what, i, got[i], want[i])
		}
	}
}

// TestIndexMatchesCSV proves that the fast form the embedded store reads
// (data/index.bin) holds exactly the figures of the CSV files: it is what
// BuildIndex makes of them today, and every query — all figures, each
// year, each country's series, each (country, year) — gives the same
// observations from both, as do the elections.
func TestIndexMatchesCSV(t *testing.T) {
	files := map[string][]byte{}
	names, err := fs.Glob(EmbeddedFS(), "*.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if files[n], err = fs.ReadFile(EmbeddedFS(), n); err != nil {
			t.Fatal(err)
		}
	}
	built, err := BuildIndex(files)
	if err != nil {
		t.Fatal(err)
	}
	if string(built) != embeddedIndex {
		t.Fatalf("data/index.bin is not the index of the CSV files (%d bytes, built %d): run make data", len(embeddedIndex), len(built))
	}

	fast := Embedded()
	csv := Open(EmbeddedFS(), countries.Default())
	n := 0
	for _, ind := range csv.Indicators() {
		if ind.Events {
			continue
		}
		if _, ok := fast.fast.tables[ind.ID]; !ok {
			t.Fatalf("%s: not in the index", ind.ID)
		}
		want, err := csv.Observations(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fast.Observations(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameList(t, ind.ID, got, want)
		n += len(got)
		wy, _ := csv.Years(ind.ID)
		gy, _ := fast.Years(ind.ID)
		if !reflect.DeepEqual(gy, wy) {
			t.Fatalf("%s: years %v from the index, %v from the CSV", ind.ID, gy, wy)
		}
		for _, y := range append(wy, 1900) {
			w, _ := csv.Year(ind.ID, y)
			g, _ := fast.Year(ind.ID, y)
			sameList(t, fmt.Sprintf("%s %d", ind.ID, y), g, w)
		}
		seen := map[string]bool{"ZZZ": false, "AAA": false}
		for _, o := range want {
			seen[o.ISO3] = true
		}
		for iso3 := range seen {
			w, _ := csv.Series(ind.ID, iso3)
			g, _ := fast.Series(ind.ID, iso3)
			sameList(t, ind.ID+" "+iso3, g.Points, w.Points)
		}
		for _, o := range want {
			g, ok, err := fast.At(ind.ID, o.ISO3, o.Year)
			if err != nil || !ok || !sameObs(g, o) {
				t.Fatalf("At(%s, %s, %d) = %+v, %v, %v from the index; the CSV has %+v", ind.ID, o.ISO3, o.Year, g, ok, err, o)
			}
		}
		if _, ok, _ := fast.At(ind.ID, "KAZ", 1800); ok {
			t.Errorf("At(%s, KAZ, 1800) found a figure", ind.ID)
		}
	}
	if n < 100000 {
		t.Errorf("the index holds %d figures, want the whole data set (over 100,000)", n)
	}
	we, err := csv.Elections("")
	if err != nil {
		t.Fatal(err)
	}
	ge, err := fast.Elections("")
	if err != nil {
		t.Fatal(err)
	}
	if len(we) < 100 || !reflect.DeepEqual(ge, we) {
		t.Errorf("elections: %d from the index, %d from elections.csv, or they differ", len(ge), len(we))
	}
}

// TestIndexRejectsDamage checks that a truncated or foreign index is an
// error, not a panic or figures read from the wrong place.
func TestIndexRejectsDamage(t *testing.T) {
	for _, data := range []string{"", "RANKIX00" + embeddedIndex[8:], embeddedIndex[:indexHeader+10], embeddedIndex[:len(embeddedIndex)/2]} {
		if _, err := openIndex(data); err == nil || !strings.HasPrefix(err.Error(), "index.bin: ") {
			t.Errorf("openIndex of %d damaged bytes: error %v", len(data), err)
		}
	}
	if _, err := openIndex(embeddedIndex); err != nil {
		t.Errorf("the embedded index: %v", err)
	}
}
