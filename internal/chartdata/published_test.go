package chartdata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

const (
	kaz2015Note  = "RSF's 2015 report published 53.46 on its 2013–2021 scale (lower is better); its current files give 46.54."
	restatedNote = "RSF's current files give its 2013–2021 scores as 100 minus the score it first published (on the published scale, lower is better); the tooltips and the table give each published figure."
)

// tableText is every cell, caption and footnote of a chart's tables.
func tableText(c *charts.Chart) string {
	var b strings.Builder
	for _, t := range c.Tables() {
		b.WriteString(t.Caption + "\n")
		for _, r := range t.Rows {
			for _, cell := range r {
				b.WriteString(cell.Text + "\t")
			}
			b.WriteString("\n")
		}
		for _, n := range t.Notes {
			b.WriteString(n.Mark + " " + n.Text + "\n")
		}
	}
	return b.String()
}

// TestPublishedFiguresInCharts: a chart of RSF 2013–2021 figures gives the
// figure RSF originally published in each point's tooltip and as a
// footnote of its table, and says so in its description; charts of
// figures as published carry none of it.
func TestPublishedFiguresInCharts(t *testing.T) {
	s := datasets.Embedded()
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	build := func(r Request) *charts.Chart {
		t.Helper()
		spec, err := Build(s, r)
		if err != nil {
			t.Fatal(err)
		}
		c, err := charts.Build(spec)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, c := range []struct {
		name string
		r    Request
		cell string // the table cell of Kazakhstan's 2015 figure, with its mark
	}{
		{"ranking", Request{Kind: charts.Ranking, Indicators: []string{"rsf"}, Year: 2015, Countries: []indicators.Country{kaz}}, "46.54¹²"},
		{"ranking-central-asia", Request{Kind: charts.Ranking, Indicators: []string{"rsf"}, Year: 2015, Group: "central-asia"}, "46.54³"},
		{"timeline", Request{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz, uzb}, From: 2015, To: 2023}, "46.54¹"},
		{"slope", Request{Kind: charts.Slope, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz, uzb}, From: 2015, To: 2021}, "46.54¹"},
		{"heatmap", Request{Kind: charts.Heatmap, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz, uzb}, From: 2015, To: 2016}, "46.54¹"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch := build(c.r)
			var opt map[string]any
			if err := json.Unmarshal(ch.Option(), &opt); err != nil {
				t.Fatal(err)
			}
			plain := string(mustText(t, opt))
			if !strings.Contains(plain, "46.54 · rank 160 of 180\n"+kaz2015Note) {
				t.Errorf("no tooltip gives Kazakhstan's published 2015 figure")
			}
			tables := tableText(ch)
			if !strings.Contains(tables, c.cell+"\t") {
				t.Errorf("the table has no cell %q:\n%s", c.cell, tables)
			}
			mark := strings.TrimPrefix(c.cell, "46.54")
			if !strings.Contains(tables, "\n"+mark+" "+kaz2015Note+"\n") {
				t.Errorf("the table has no footnote %s %q:\n%s", mark, kaz2015Note, tables)
			}
			if !strings.Contains(ch.Description(), restatedNote) || !strings.Contains(plain, restatedNote) {
				t.Errorf("the description does not say that the figures are restated: %s", ch.Description())
			}
			var page bytes.Buffer
			if err := ch.WritePage(&page, charts.Options{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.String(), `<p class="rk-table-note">`+mark+` RSF&#39;s 2015 report published 53.46`) {
				t.Errorf("the page has no footnote under the table")
			}
		})
	}
	// The profile of 2015 uses RSF's 2016 edition; a scatter's note is on
	// the row.
	p := build(Request{Kind: charts.Profile, Countries: []indicators.Country{kaz, uzb}, Year: 2015})
	if tables := tableText(p); !strings.Contains(tables, "RSF's 2016 report published 54.55 on its 2013–2021 scale (lower is better); its current files give 45.45.") {
		t.Errorf("profile table:\n%s", tables)
	}
	sc := build(Request{Kind: charts.Scatter, Indicators: []string{"wgi-rl", "rsf"}, Year: 2015, Group: "central-asia"})
	if tables := tableText(sc); !strings.Contains(tables, "Kazakhstan¹\t") || !strings.Contains(tables, "¹ RSF's 2016 report published 54.55") {
		t.Errorf("scatter table:\n%s", tables)
	}

	// Figures as published: no note anywhere.
	for _, r := range []Request{
		{Kind: charts.Ranking, Indicators: []string{"rsf"}, Year: 2022},
		{Kind: charts.Ranking, Indicators: []string{"rsf"}, Year: 2012},
		{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz}, From: 2002, To: 2012},
		{Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: []indicators.Country{kaz}, From: 2022},
		{Kind: charts.Timeline, Indicators: []string{"wgi-rl"}, Countries: []indicators.Country{kaz}},
	} {
		ch := build(r)
		for _, tb := range ch.Tables() {
			if len(tb.Notes) > 0 {
				t.Errorf("%s %s %d–%d: footnotes %v", r.Kind, r.Indicators[0], r.From, r.To, tb.Notes)
			}
		}
		if strings.Contains(string(ch.Option()), "report published") || strings.Contains(ch.Description(), "first published") {
			t.Errorf("%s %s %d–%d: a published figure where there is none", r.Kind, r.Indicators[0], r.From, r.To)
		}
	}
}

func mustText(t *testing.T, v any) []byte {
	t.Helper()
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			b.WriteString(x + "\n")
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return []byte(b.String())
}

// TestPublishedSentences: the report's sentences name the figure RSF
// originally published for each country where its current files restate
// it.
func TestPublishedSentences(t *testing.T) {
	s := datasets.Embedded()
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	ind, err := s.Indicator("rsf")
	if err != nil {
		t.Fatal(err)
	}
	c, err := indicators.Compare(s, ind, []string{"KAZ", "UZB"}, indicators.CompareOptions{Year: 2015})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Sentences(c, []indicators.Country{kaz, uzb}), "\n")
	for _, want := range []string{
		"RSF's 2015 report published 53.46 for Kazakhstan on its 2013–2021 scale (lower is better); its current files give 46.54.",
		"RSF's 2015 report published 61.14 for Uzbekistan on its 2013–2021 scale (lower is better); its current files give 38.86.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("sentences lack %q:\n%s", want, got)
		}
	}
	latest, err := indicators.Compare(s, ind, []string{"KAZ", "UZB"}, indicators.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(Sentences(latest, []indicators.Country{kaz, uzb}), "\n"); strings.Contains(got, "report published") {
		t.Errorf("the %d sentences name a published figure: %s", latest.Year, got)
	}
}
