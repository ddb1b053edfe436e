// Command csvread is the import benchmark's baseline: it reads a CSV file
// with bare encoding/csv (comment lines skipped), parsing the year and
// value columns, and prints the row count.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "csvread:", err)
		os.Exit(1)
	}
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.Comment = '#'
	r.ReuseRecord = true
	n := 0
	sum := 0.0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "csvread:", err)
			os.Exit(1)
		}
		if n > 0 {
			y, _ := strconv.Atoi(rec[2])
			v, _ := strconv.ParseFloat(rec[3], 64)
			sum += v + float64(y)
		}
		n++
	}
	fmt.Println(n-1, "rows", sum > 0)
}
