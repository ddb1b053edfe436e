package charts_test

import (
	"fmt"
	"io"
	"math"

	"github.com/rankings-dev/rankings/charts"
)

// A ranking chart from plain values: build it, then write it as a page,
// an embeddable fragment, an SVG or a PNG.
func ExampleBuild() {
	nan := math.NaN()
	spec := charts.Spec{
		Kind:           charts.Ranking,
		Indicator:      "rsf",
		Year:           2025,
		Title:          "RSF World Press Freedom Index score, 2025 edition",
		Subtitle:       "Source: Reporters Without Borders (RSF), World Press Freedom Index",
		Citation:       "Reporters Without Borders (RSF), World Press Freedom Index, 2025 edition",
		XLabel:         "score 0–100, higher is better",
		HigherIsBetter: true,
		Decimals:       2,
		Min:            0, Max: 100,
		Series: []charts.Series{
			{Name: "Uzbekistan", Code: "UZB", Points: []charts.Point{{Y: 35.24, Lo: nan, Hi: nan, Rank: 148, RankOf: 180}}},
			{Name: "Kazakhstan", Code: "KAZ", Points: []charts.Point{{Y: 39.34, Lo: nan, Hi: nan, Rank: 141, RankOf: 180}}},
			{Name: "Turkmenistan", Code: "TKM", Points: []charts.Point{{Y: nan, Lo: nan, Hi: nan}}},
		},
	}
	c, err := charts.Build(spec)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ID)
	fmt.Println(c.Description())
	for _, row := range c.Tables()[0].Rows {
		fmt.Printf("%s: %s (rank %q)\n", row[0].Text, row[1].Text, row[2].Text)
	}
	// Write it where it is needed: a page, a fragment to paste into a
	// report, or an image for print.
	if err := c.WriteFragment(io.Discard, charts.Options{}); err != nil {
		fmt.Println(err)
	}
	if err := c.WriteSVG(io.Discard); err != nil {
		fmt.Println(err)
	}
	// Output:
	// rk-ranking-ee8576f89e06
	// RSF World Press Freedom Index score, 2025 edition: 2 countries ordered from best to worst (higher is better). First is Kazakhstan (39.34, 141st of the 180 countries and territories ranked); last is Uzbekistan (35.24, 148th of the 180 countries and territories ranked). No figure for Turkmenistan.
	// Kazakhstan: 39.34 (rank "141 of 180")
	// Uzbekistan: 35.24 (rank "148 of 180")
	// Turkmenistan: no data (rank "")
}
