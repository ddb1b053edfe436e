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

// BenchmarkReadLong measures what rankings does with a user's
// 100,000-row long file: validate (Read with CheckOnly: every check, no
// observations kept), the observations (Read: ranked and sorted) and
// import (Read with StoreOnly, then the stored file, Batch.Data). make
// bench measures the whole command on 1,000,000 rows against bare
// encoding/csv.
func BenchmarkReadLong(b *testing.B) {
	data := benchLong(100_000)
	store := datasets.Embedded()
	read := func(b *testing.B, opt Options) *Batch {
		batch, err := Read("long", "bench.csv", data, store, opt)
		if err != nil {
			b.Fatal(err)
		}
		if batch.Figures != 100_000 || batch.Countries != 197 {
			b.Fatalf("%d figures of %d countries", batch.Figures, batch.Countries)
		}
		return batch
	}
	b.Run("validate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			read(b, Options{Embedded: store, CheckOnly: true})
		}
	})
	b.Run("observations", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if batch := read(b, Options{Embedded: store}); len(batch.Observations) != 100_000 {
				b.Fatalf("%d observations", len(batch.Observations))
			}
		}
	})
	b.Run("import", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			batch := read(b, Options{Embedded: store, StoreOnly: true})
			if out, err := batch.Data(); err != nil || len(out) < len(data)/2 {
				b.Fatalf("%d bytes, %v", len(out), err)
			}
		}
	})
}
