package datasets

import (
	"io/fs"
	"testing"
)

// BenchmarkIndexFile measures scanning one indicator's file for its years
// (the work of the first query by year; queries by country need no scan).
func BenchmarkIndexFile(b *testing.B) {
	s := Embedded()
	data, err := fs.ReadFile(s.fsys, "wgi-rl.csv")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ix, err := newIndex("wgi-rl.csv", "wgi-rl", data)
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.scan(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeriesCold measures a fresh store answering one series: index
// plus parsing that country's rows.
func BenchmarkSeriesCold(b *testing.B) {
	s := Embedded()
	b.ReportAllocs()
	for b.Loop() {
		fresh := Open(s.fsys, s.reg)
		if _, err := fresh.Series("vdem-polyarchy", "KAZ"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAll parses every row of every indicator through the index.
func BenchmarkLoadAll(b *testing.B) {
	s := Embedded()
	b.ReportAllocs()
	for b.Loop() {
		fresh := Open(s.fsys, s.reg)
		for _, ind := range fresh.Indicators() {
			if ind.Events {
				continue
			}
			if _, err := fresh.Observations(ind.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
}
