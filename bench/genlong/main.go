// Command genlong writes a long-format file of the given number of rows for
// the import benchmark: custom indicators (each with its metadata header)
// over the registry's countries and a run of years.
//
//	go run ./bench/genlong -rows 1000000 -o /tmp/long.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/rankings-dev/rankings/datasets/countries"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "rows to write")
	out := flag.String("o", "long.csv", "output file")
	flag.Parse()
	cs := countries.Default().Countries()
	years := 100
	perIndicator := len(cs) * years
	n := (*rows + perIndicator - 1) / perIndicator
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlong:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "# indicator: bench-%d\n# name: Benchmark indicator %d\n# scale: 0 100\n# direction: higher\n# year: data\n# ranks: computed\n", i, i)
	}
	fmt.Fprintln(w, "indicator,iso3,year,value,note")
	written := 0
	for i := 0; i < n && written < *rows; i++ {
		for y := 0; y < years && written < *rows; y++ {
			for k, c := range cs {
				if written == *rows {
					break
				}
				v := float64((i*7919+y*104729+k*1299709)%10000) / 100
				fmt.Fprintf(w, "bench-%d,%s,%d,%g,\n", i, c.ISO3, 1924+y, v)
				written++
			}
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "genlong:", err)
		os.Exit(1)
	}
	f.Close()
}
