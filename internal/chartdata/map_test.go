package chartdata

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestMapGolden pins the spec of a map: its words, colour scale, notes
// (the territories Freedom House scores on their own), the figures of
// every year of the segment and the shapes it draws.
func TestMapGolden(t *testing.T) {
	s := datasets.Embedded()
	kaz := country(t, s, "kazakhstan")
	spec, err := Build(s, Request{Kind: charts.Map, Indicators: []string{"fh-fiw"}, Year: 2024, Countries: []indicators.Country{kaz}})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := charts.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(chartSummary(t, ch))
	fmt.Fprintf(&b, "\ncredit: %s\n", spec.Credit)
	for _, sr := range spec.Series {
		fmt.Fprintf(&b, "%s %s highlight=%v:", sr.Code, sr.Name, sr.Highlight)
		for _, p := range sr.Points {
			fmt.Fprintf(&b, " %g=%g(%d/%d)", p.X, p.Y, p.Rank, p.RankOf)
			if p.Note != "" {
				fmt.Fprintf(&b, "[%s]", p.Note)
			}
		}
		b.WriteString("\n")
	}
	var codes []string
	for _, sh := range spec.Shapes {
		codes = append(codes, sh.Code)
	}
	fmt.Fprintf(&b, "shapes: %s\n", strings.Join(codes, " "))
	checkReportGolden(t, "map-fh-fiw-2024-kaz.golden", b.String())
}

// TestMapErrors: what a user can get wrong is an invalid-input error.
func TestMapErrors(t *testing.T) {
	s := datasets.Embedded()
	usa := country(t, s, "united states")
	for _, r := range []Request{
		{Kind: charts.Map, Indicators: []string{"rsf"}, Group: "all"},
		{Kind: charts.Map, Indicators: []string{"rsf"}, Group: "territories"},
		{Kind: charts.Map, Indicators: []string{"rsf"}, Countries: []indicators.Country{usa}},
		{Kind: charts.Map, Indicators: []string{"rsf", "wjp"}},
	} {
		if _, err := Build(s, r); indicators.ErrorCode(err) != indicators.EInvalid {
			t.Errorf("%+v: %v, want an invalid-input error", r, err)
		}
	}
	if _, err := Build(s, Request{Kind: charts.Map, Indicators: []string{"rsf"}, Year: 1990}); err == nil {
		t.Error("a year without figures gave no error")
	}
}
