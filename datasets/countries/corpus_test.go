package countries

import (
	"encoding/csv"
	"os"
	"slices"
	"testing"

	"github.com/rankings-dev/rankings/indicators"
)

// The corpus in ../../../shared/names is GPL-3-derived test data (from the R
// package countrycode): it is read in place, never copied into the project.

// corpusPostSovietExceptions are corpus rows for the 15 post-Soviet states
// that deliberately do not resolve to the corpus's ISO3.
var corpusPostSovietExceptions = map[string]string{
	"USSR":                  "the Soviet Union is SUN (historical), never RUS: a historical entity is not its successor",
	"Soviet Union":          "the Soviet Union is SUN (historical), never RUS (the corpus row is countrycode's regex outcome, not a test)",
	"Russia (Soviet Union)": "Gleditsch–Ward's label for one series spanning the USSR and Russia: it names two entities, so it resolves to neither",
	"bessarabia":            "a historical region now split between Moldova and Ukraine, not a name of the state",
	"bassarabia":            "misspelling of Bessarabia, a historical region split between Moldova and Ukraine",
}

// corpusWrongCountryExceptions are corpus rows that deliberately resolve to
// a country other than the corpus's ISO3, or to a country where the corpus
// expects none.
var corpusWrongCountryExceptions = map[string]string{
	"Micronesia": "the usual short name of the Federated States of Micronesia (FSM), which Freedom House uses; the corpus reads it as the region",
	"Kosovo":     "the registry has Kosovo as XKX (a country that FH, WGI, RSF, WJP and V-Dem score); countrycode gives it no ISO3",
}

var postSoviet = []string{"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"}

func TestNamesCorpus(t *testing.T) {
	r := Default()
	usedA, usedB := map[string]bool{}, map[string]bool{}
	for _, file := range []string{"names_en.csv", "names_ru.csv", "names_tests.csv"} {
		f, err := os.Open(sharedFile(t, "names/"+file))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(recs) < 2 || !slices.Equal(recs[0], []string{"variant", "iso3", "origin"}) {
			t.Fatalf("%s: %d records, header %q, %v", file, len(recs), recs[0], err)
		}
		var exact, wrongKind, failed int
		for _, rec := range recs[1:] {
			variant, want := rec[0], rec[1]
			got, err := r.Resolve(variant)
			switch {
			case err != nil:
				failed++
			case got.ISO3 == want:
				exact++
			default:
				wrongKind++ // a different entity (often a historical one)
			}
			// (a) post-Soviet rows resolve to exactly their state.
			if slices.Contains(postSoviet, want) && got.ISO3 != want {
				if _, ok := corpusPostSovietExceptions[variant]; ok {
					usedA[variant] = true
				} else {
					t.Errorf("(a) %s: %q → %s, %v; want %s", file, variant, got.ISO3, err, want)
				}
			}
			// (b) never a different country, nor a country where none is
			// expected.
			if err == nil && got.Kind == indicators.KindCountry && got.ISO3 != want {
				if _, ok := corpusWrongCountryExceptions[variant]; ok {
					usedB[variant] = true
				} else {
					t.Errorf("(b) %s: %q → %s (%s), corpus says %q", file, variant, got.ISO3, got.Name, want)
				}
			}
		}
		n := len(recs) - 1
		t.Logf("%s: %d rows; %d (%.0f%%) resolve to the corpus ISO3, %d to another entity, %d not resolved",
			file, n, exact, 100*float64(exact)/float64(n), wrongKind, failed)
	}
	// Keep the exception lists honest.
	for v := range corpusPostSovietExceptions {
		if !usedA[v] {
			t.Errorf("(a) exception %q is no longer needed", v)
		}
	}
	for v := range corpusWrongCountryExceptions {
		if !usedB[v] {
			t.Errorf("(b) exception %q is no longer needed", v)
		}
	}
}

// corpusRussianExceptions are the rows of names_ru.csv that deliberately do
// not resolve to the corpus's ISO3, with the reason; the project's rule
// wins over the corpus there. The Russian corpus (UN and CLDR names) maps
// no historical entity or territory to a state (it has no СССР row); were
// a row to do so, it would be listed here with the rule it breaks, as
// corpusPostSovietExceptions does for the English "USSR".
var corpusRussianExceptions = map[string]string{
	"Конго": "names both Congos in Russian as in English (CLDR's short form for COG); the registry asks which one: Республика Конго (COG) or ДР Конго (COD)",
}

// TestRussianNamesCorpus checks that every Russian name of the corpus (the
// UN's and CLDR's names, names_ru.csv) resolves to the corpus's ISO3 code,
// apart from the exceptions above, and lists those that do not.
func TestRussianNamesCorpus(t *testing.T) {
	f, err := os.Open(sharedFile(t, "names/names_ru.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) < 250 || !slices.Equal(recs[0], []string{"variant", "iso3", "origin"}) {
		t.Fatalf("names_ru.csv: %d records, %v; want the corpus of about 286 rows with header variant,iso3,origin", len(recs), err)
	}
	r := Default()
	used := map[string]bool{}
	var exact int
	for _, rec := range recs[1:] {
		variant, want := rec[0], rec[1]
		got, err := r.Resolve(variant)
		if err == nil && got.ISO3 == want {
			exact++
			if _, ok := corpusRussianExceptions[variant]; ok {
				t.Errorf("%q resolves to %s as the corpus says: its exception is no longer needed", variant, want)
			}
			continue
		}
		if _, ok := corpusRussianExceptions[variant]; ok {
			used[variant] = true
			continue
		}
		w, _ := r.ByCode(want)
		if err != nil {
			t.Errorf("%q (%s, corpus: %s %s): %v", variant, rec[2], want, w.Name, err)
		} else {
			t.Errorf("%q (%s) → %s %s, corpus: %s %s", variant, rec[2], got.ISO3, got.Name, want, w.Name)
		}
	}
	for v := range corpusRussianExceptions {
		if !used[v] {
			t.Errorf("exception %q matches no corpus row that fails", v)
		}
	}
	t.Logf("names_ru.csv: %d of %d rows resolve to the corpus ISO3, %d are exceptions", exact, len(recs)-1, len(used))
}
