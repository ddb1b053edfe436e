package chartdata

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// TestBreaksGolden pins, in a form a reviewer can read, what the RSF
// timeline and heatmap across RSF's two methodology breaks draw: the
// description, the notes, every value axis and colour scale with its
// extent and title, and the table captions.
func TestBreaksGolden(t *testing.T) {
	s := datasets.Embedded()
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	for _, c := range []struct {
		name string
		r    Request
	}{
		{"timeline-rsf-kaz-uzb-2002.golden", Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz, uzb}, From: 2002}},
		{"heatmap-rsf-2002.golden", Request{Kind: charts.Heatmap, Indicators: []string{"rsf"}, From: 2002}},
	} {
		spec, err := Build(s, c.r)
		if err != nil {
			t.Fatal(err)
		}
		ch, err := charts.Build(spec)
		if err != nil {
			t.Fatal(err)
		}
		checkReportGolden(t, c.name, chartSummary(t, ch))
	}
}

// chartSummary is a chart's words and scales, one per line.
func chartSummary(t *testing.T, ch *charts.Chart) string {
	t.Helper()
	var m struct {
		XAxis []map[string]any `json:"xAxis"`
		YAxis []map[string]any `json:"yAxis"`
		VMap  []map[string]any `json:"visualMap"`
	}
	if err := json.Unmarshal(ch.Option(), &m); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n\ndescription: %s\n\n", ch.Spec.Title, ch.Description())
	for _, n := range ch.Spec.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	b.WriteString("\n")
	for k, x := range m.XAxis {
		fmt.Fprintf(&b, "x axis %d: %v %v–%v %q\n", k, x["type"], x["min"], x["max"], x["name"])
	}
	for k, y := range m.YAxis {
		fmt.Fprintf(&b, "y axis %d: %v min %v max %v inverse %v %q\n", k, y["type"], y["min"], y["max"], y["inverse"], y["name"])
	}
	for k, v := range m.VMap {
		fmt.Fprintf(&b, "colour scale %d (series %v): %v–%v, %v, %q\n", k, v["seriesIndex"], v["min"], v["max"], v["inRange"].(map[string]any)["color"], v["text"])
	}
	for _, tb := range ch.Tables() {
		fmt.Fprintf(&b, "table: %s (%d rows)\n", tb.Caption, len(tb.Rows))
	}
	return b.String()
}
