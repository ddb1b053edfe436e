package ingest

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
)

// benchLong writes a long file of about rows rows as bench/genlong does:
// custom indicators, each with its metadata header, over the registry's
// countries and 100 years.
func benchLong(rows int) []byte {
	cs := countries.Default().Countries()
	const years = 100
	n := (rows + len(cs)*years - 1) / (len(cs) * years)
	var w bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&w, "# indicator: bench-%d\n# name: Benchmark indicator %d\n# scale: 0 100\n# direction: higher\n# year: data\n# ranks: computed\n", i, i)
	}
	w.WriteString("indicator,iso3,year,value,note\n")
	written := 0
	for i := 0; i < n && written < rows; i++ {
		for y := 0; y < years && written < rows; y++ {
			for k, c := range cs {
				if written == rows {
					break
				}
				v := float64((i*7919+y*104729+k*1299709)%10000) / 100
				fmt.Fprintf(&w, "bench-%d,%s,%d,%g,\n", i, c.ISO3, 1924+y, v)
				written++
			}
		}
	}
	return w.Bytes()
}

// BenchmarkReadLong measures what `rankings validate long` does with a
// user's 100,000-row long file: read, check, map countries, rank, compare.
// (make bench measures the 1,000,000-row file against bare encoding/csv.)
func BenchmarkReadLong(b *testing.B) {
	data := benchLong(100_000)
	store := datasets.Embedded()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		batch, err := Read("long", "bench.csv", data, store, Options{Embedded: store})
		if err != nil {
			b.Fatal(err)
		}
		if len(batch.Observations) != 100_000 {
			b.Fatalf("%d observations", len(batch.Observations))
		}
	}
}
