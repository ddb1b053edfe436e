// Command gen regenerates the project's curated dataset files from the
// publishers' raw files:
//
//	go run ./datasets/internal/gen -sources ../shared/sources -out datasets/data
//
// The region file for map charts (region.json) is derived from the world
// boundaries in -maps (default: the maps folder next to -sources).
//
// It is what `go generate ./datasets` and `make data` run. Nothing is written
// unless every file imports cleanly.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/generator"
)

func main() {
	sources := flag.String("sources", "../shared/sources", "folder with the publishers' raw files (see its MANIFEST.md)")
	maps := flag.String("maps", "", "folder with the world boundaries (see its README); default: maps next to the sources folder")
	out := flag.String("out", "datasets/data", "folder to write the curated files into")
	flag.Parse()
	if _, err := os.Stat(*sources); err != nil {
		fmt.Fprintf(os.Stderr, "gen: sources folder %s not found: pass -sources with the folder that holds MANIFEST.md\n", *sources)
		os.Exit(2)
	}
	if *maps == "" {
		*maps = filepath.Join(filepath.Dir(filepath.Clean(*sources)), "maps")
	}
	if _, err := os.Stat(filepath.Join(*maps, generator.RegionInput)); err != nil {
		fmt.Fprintf(os.Stderr, "gen: boundaries file %s not found: pass -maps with the folder that holds %s\n", filepath.Join(*maps, generator.RegionInput), generator.RegionInput)
		os.Exit(2)
	}
	g, err := generator.Generate(*sources, countries.Default())
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
	if g[generator.RegionFile], err = generator.RegionOf(*maps, countries.Default()); err != nil {
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
