// Command gen regenerates the project's curated dataset files from the
// publishers' raw files:
//
//	go run ./datasets/internal/gen -sources ../shared/sources -out datasets/data
//
// It is what `go generate ./datasets` and `make data` run. Nothing is written
// unless every file imports cleanly.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/generator"
)

func main() {
	sources := flag.String("sources", "../shared/sources", "folder with the publishers' raw files (see its MANIFEST.md)")
	out := flag.String("out", "datasets/data", "folder to write the curated files into")
	flag.Parse()
	if _, err := os.Stat(*sources); err != nil {
		fmt.Fprintf(os.Stderr, "gen: sources folder %s not found: pass -sources with the folder that holds MANIFEST.md\n", *sources)
		os.Exit(2)
	}
	g, err := generator.Generate(*sources, countries.Default())
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	if err := g.Write(*out); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	names := make([]string, 0, len(g))
	for n := range g {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "wrote %s/%s (%d bytes)\n", *out, n, len(g[n]))
	}
}
