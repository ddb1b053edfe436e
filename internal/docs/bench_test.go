package docs

import (
	"testing"

	"github.com/rankings-dev/rankings/datasets"
)

// BenchmarkBuildCompare is the compare command's work on a warm store.
func BenchmarkBuildCompare(b *testing.B) {
	store := datasets.Embedded()
	cs, err := store.Registry().ResolveAll([]string{"kazakhstan", "uzbekistan"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BuildCompare(store, CompareOptions{Countries: cs}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildCompareCold includes indexing every indicator's file, as a
// fresh process does.
func BenchmarkBuildCompareCold(b *testing.B) {
	emb := datasets.Embedded()
	cs, err := emb.Registry().ResolveAll([]string{"kazakhstan", "uzbekistan"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		store := datasets.Open(datasets.EmbeddedFS(), emb.Registry())
		if _, err := BuildCompare(store, CompareOptions{Countries: cs}); err != nil {
			b.Fatal(err)
		}
	}
}
