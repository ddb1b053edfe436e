package charts

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// profileFixture is a small profile: two countries, three indicators, one
// figure missing and one ranked near the best end.
func profileFixture() Spec {
	mk := func(j int, pct float64, text string, k, n int) Point {
		return Point{X: float64(j), Y: pct, Lo: nan, Hi: nan, Text: text, Rank: k, RankOf: n}
	}
	return Spec{Kind: Profile, Title: "Governance profile, 2023: Kazakhstan, Uzbekistan", Subtitle: "Sources: test",
		HigherIsBetter: true, Decimals: 1, Min: 0, Max: 100, XLabel: "percentile",
		Categories:    []string{"Press (2024 ed.)", "Rule of law", "Corruption"},
		CategoryNotes: []string{"score 0–100, higher is better", "estimate about -2.5 to 2.5, higher is better; percentile rank as published (World Bank)", "index 0–1, lower is better"},
		Series: []Series{
			{Name: "Kazakhstan", Code: "KAZ", Points: []Point{mk(0, 100*31.0/180, "34.41", 149, 180), mk(1, 36.8, "-0.45", 135, 213), mk(2, 90, "0.12", 19, 179)}},
			// Uzbekistan has no figure on the second row.
			{Name: "Uzbekistan", Code: "UZB", Points: []Point{mk(0, 100*32.0/180, "32.8", 148, 180), mk(2, 12.3, "0.841", 157, 179)}},
		}}
}

// TestProfileNoData: a row without a figure for a country says "no data"
// for it in the chart, the image, the table and the description, and is
// never drawn as a dot.
func TestProfileNoData(t *testing.T) {
	c := build(t, profileFixture())
	m := optionOf(t, c)
	uzb := m["series"].([]any)[1].(map[string]any)["data"].([]any)
	if len(uzb) != 3 {
		t.Fatalf("Uzbekistan has %d items, want one per row", len(uzb))
	}
	nd := uzb[1].(map[string]any)
	label := nd["label"].(map[string]any)
	if label["formatter"] != "Uzbekistan: no data" || nd["symbolSize"] != float64(1) ||
		nd["itemStyle"].(map[string]any)["color"] != "rgba(0,0,0,0)" {
		t.Errorf("missing figure drawn as %v", nd)
	}
	if v := nd["value"].([]any); v[0] == float64(0) {
		t.Errorf("missing figure placed at 0: %v", v)
	}
	// The table: the row is there, with "no data" and no rank.
	rows := c.Tables()[0].Rows
	if len(rows) != 6 {
		t.Fatalf("table has %d rows, want 3 indicators × 2 countries", len(rows))
	}
	r := rows[3] // Rule of law, Uzbekistan
	if r[0].Text != "Rule of law" || r[2].Text != "Uzbekistan" || r[3].Text != "no data" || r[4].Text != "" || r[5].Text != "" {
		t.Errorf("no-data row = %+v", r)
	}
	if d := c.Description(); !strings.Contains(d, "Uzbekistan has no figure on the Rule of law.") {
		t.Errorf("description does not say what is missing: %s", d)
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "Uzbekistan: no data") {
		t.Errorf("the SVG does not say no data")
	}
}

// TestProfileLabels: each dot is at the percentile and labelled with the
// published figure and "rank k of N"; the tooltip has the scale and
// direction; labels near the best end go to the left; the table has value,
// rank and percentile; the image prints the same labels.
func TestProfileLabels(t *testing.T) {
	c := build(t, profileFixture())
	m := optionOf(t, c)
	kaz := m["series"].([]any)[0].(map[string]any)
	d := kaz["data"].([]any)
	first := d[0].(map[string]any)
	if v := first["value"].([]any); v[0].(float64) != 100*31.0/180 || v[1] != float64(0) {
		t.Errorf("KAZ press at %v, want the percentile 17.2 in row 0", v)
	}
	lab := first["label"].(map[string]any)
	if lab["formatter"] != "34.41 · rank 149 of 180" || lab["position"] != "right" {
		t.Errorf("label = %v", lab)
	}
	if lab := d[2].(map[string]any)["label"].(map[string]any); lab["position"] != "left" {
		t.Errorf("a label at percentile 90 goes %v, want left", lab["position"])
	}
	tip := first["name"].(string)
	for _, w := range []string{"Kazakhstan", "Press (2024 ed.)", "34.41 (score 0–100, higher is better)", "rank 149 of 180 · percentile 17.2"} {
		if !strings.Contains(tip, w) {
			t.Errorf("tooltip %q lacks %q", tip, w)
		}
	}
	if kaz["symbol"] == m["series"].([]any)[1].(map[string]any)["symbol"] {
		t.Errorf("two countries share a marker shape")
	}
	x := m["xAxis"].([]any)[0].(map[string]any)
	if x["min"] != float64(0) || x["max"] != float64(100) || x["axisLine"].(map[string]any)["onZero"] != false {
		t.Errorf("x axis = %v", x)
	}
	y := m["yAxis"].([]any)[0].(map[string]any)
	if y["type"] != "category" || !strings.Contains(y["data"].([]any)[2].(string), "{s|index 0–1, lower is better}") {
		t.Errorf("y axis = %v", y)
	}
	r := c.Tables()[0].Rows[0]
	if r[1].Text != "score 0–100, higher is better" || r[3].Text != "34.41" || r[4].Text != "149 of 180" || r[5].Text != "17.2" {
		t.Errorf("table row = %+v", r)
	}
	desc := c.Description()
	if !strings.Contains(desc, "Kazakhstan stands highest on the Corruption, at percentile 90.0 (0.12, rank 19 of 179), and lowest on the Press (2024 ed.), at percentile 17.2 (34.41, rank 149 of 180).") {
		t.Errorf("description: %s", desc)
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	var root struct {
		Texts []string `xml:"g>text"`
	}
	if err := xml.Unmarshal(svg.Bytes(), &root); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(root.Texts, "\n")
	for _, w := range []string{"34.41 · rank 149 of 180", "0.841 · rank 157 of 179", "Press (2024 ed.)", "index 0–1, lower is better", "percentile rank as published (World Bank)"} {
		if !strings.Contains(all, w) {
			t.Errorf("the SVG lacks %q", w)
		}
	}
}

// TestProfileNoteMarks: a figure's note travels with it: its label carries
// the mark its table cell carries, the tooltip has the note, and the image
// prints the note under the plot.
func TestProfileNoteMarks(t *testing.T) {
	s := profileFixture()
	s.Series[1].Points[0].Note = "RSF's 2016 report published 54.55."
	c := build(t, s)
	tb := c.Tables()[0]
	if tb.Rows[1][3].Text != "32.8¹" || len(tb.Notes) != 1 || tb.Notes[0].Text != "RSF's 2016 report published 54.55." {
		t.Fatalf("table: %+v %+v", tb.Rows[1], tb.Notes)
	}
	d := optionOf(t, c)["series"].([]any)[1].(map[string]any)["data"].([]any)[0].(map[string]any)
	if d["label"].(map[string]any)["formatter"] != "32.8¹ · rank 148 of 180" || !strings.HasSuffix(d["name"].(string), "\nRSF's 2016 report published 54.55.") {
		t.Errorf("label %v, tooltip %q", d["label"], d["name"])
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "¹ RSF&#39;s 2016 report published 54.55.") && !strings.Contains(svg.String(), "¹ RSF's 2016 report published 54.55.") {
		t.Errorf("the SVG does not print the note")
	}
}
