package countries

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite registry_table.go from countries.csv")

// TestRegistryTable checks that registry_table.go, the registry Default
// returns without parsing, is exactly what countries.csv parses to; with
// -update it rewrites the file.
func TestRegistryTable(t *testing.T) {
	r, err := parse(countriesCSV)
	if err != nil {
		t.Fatal(err)
	}
	src, err := renderTable(r)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("registry_table.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile("registry_table.go")
	if err != nil || !bytes.Equal(committed, src) {
		t.Fatalf("registry_table.go is not the table of countries.csv (%v): run go generate ./datasets/countries", err)
	}
	d := Default()
	if !reflect.DeepEqual(d.all, r.all) || !reflect.DeepEqual(d.codes, r.codes) || !reflect.DeepEqual(d.keys, r.keys) ||
		!reflect.DeepEqual(d.names, r.names) || !reflect.DeepEqual(d.rules, r.rules) {
		t.Fatal("Default differs from the parsed countries.csv")
	}
	if len(d.all) < 250 || len(d.keys) < 1000 {
		t.Errorf("%d entities, %d forms: want the whole registry", len(d.all), len(d.keys))
	}
}
