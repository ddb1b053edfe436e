package chartdata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// ruAccessed is the access date of the Russian tests' citations.
var ruAccessed = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// ruRequests are one Russian request of every chart kind, with the
// countries that make each say most (elections, highlights, a band,
// methodology breaks).
func ruRequests(t *testing.T, s *datasets.Store) map[string]Request {
	kaz, uzb := country(t, s, "kazakhstan"), country(t, s, "uzbekistan")
	two := []indicators.Country{kaz, uzb}
	rq := map[string]Request{
		"ranking":           {Kind: charts.Ranking, Indicators: []string{"rsf"}, Countries: two},
		"timeline":          {Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: two},
		"timeline-breaks":   {Kind: charts.Timeline, Indicators: []string{"rsf"}, Countries: two, From: 2002},
		"timeline-wgi-band": {Kind: charts.Timeline, Indicators: []string{"wgi-rl"}, Countries: two, Percentile: true},
		"profile":           {Kind: charts.Profile, Countries: two},
		"heatmap":           {Kind: charts.Heatmap, Indicators: []string{"rsf"}, From: 2002},
		"heatmap-cpi":       {Kind: charts.Heatmap, Indicators: []string{"ti-cpi"}},
		"scatter":           {Kind: charts.Scatter, Indicators: []string{"wgi-rl", "rsf"}, Countries: two},
		"slope":             {Kind: charts.Slope, Indicators: []string{"rsf"}},
		"map":               {Kind: charts.Map, Indicators: []string{"fh-fiw"}, Year: 2024, Countries: []indicators.Country{kaz}},
	}
	for k, r := range rq {
		r.Lang, r.Accessed = i18n.RU, ruAccessed
		rq[k] = r
	}
	return rq
}

func buildRU(t *testing.T, s *datasets.Store, r Request) *charts.Chart {
	t.Helper()
	spec, err := Build(s, r)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := charts.Build(spec)
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

// TestRussianChartGolden pins the Russian words of a timeline with
// elections, a ranking and a map: title, source line, description, notes,
// axes, legend, tables and an election's tooltip.
func TestRussianChartGolden(t *testing.T) {
	s := datasets.Embedded()
	rq := ruRequests(t, s)
	for _, name := range []string{"timeline", "ranking", "map"} {
		ch := buildRU(t, s, rq[name])
		var b strings.Builder
		b.WriteString(chartSummary(t, ch))
		fmt.Fprintf(&b, "\nsubtitle: %s\ncredit: %s\n", ch.Spec.Subtitle, ch.Spec.Credit)
		var m struct {
			Legend any   `json:"legend"`
			Series []any `json:"series"`
		}
		if err := json.Unmarshal(ch.Option(), &m); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "legend: %v\n", legendData(m.Legend))
		for _, sr := range m.Series {
			sm, _ := sr.(map[string]any)
			data, _ := sm["data"].([]any)
			if len(data) == 0 {
				continue
			}
			if d, ok := data[0].(map[string]any); ok && d["name"] != nil {
				fmt.Fprintf(&b, "series %q, first point: %q\n", sm["name"], d["name"])
			}
		}
		for _, tb := range ch.Tables() {
			fmt.Fprintf(&b, "\n%s\n%s\n", tb.Caption, strings.Join(tb.Header, " | "))
			for i, r := range tb.Rows {
				if i == 3 {
					fmt.Fprintf(&b, "… %d rows\n", len(tb.Rows))
					break
				}
				var cells []string
				for _, c := range r {
					cells = append(cells, c.Text)
				}
				b.WriteString(strings.Join(cells, " | ") + "\n")
			}
		}
		checkReportGolden(t, name+"-ru.golden", b.String())
	}
}

// legendData is the names of a legend option (one legend or several).
func legendData(l any) []any {
	switch v := l.(type) {
	case map[string]any:
		d, _ := v["data"].([]any)
		return d
	case []any:
		var out []any
		for _, x := range v {
			out = append(out, legendData(x)...)
		}
		return out
	}
	return nil
}

// TestRussianTimelineSVGGolden pins the static SVG of a Russian timeline
// with its election strip.
func TestRussianTimelineSVGGolden(t *testing.T) {
	s := datasets.Embedded()
	ch := buildRU(t, s, ruRequests(t, s)["timeline"])
	var b bytes.Buffer
	if err := ch.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	checkReportGolden(t, "timeline-rsf-kaz-uzb-ru.svg.golden", b.String())
}

// englishLeft are words the charts' English strings use: none may be left
// in a Russian chart's words. Publishers' names and citations may be
// English; summaries of elections stay English, marked as such.
var englishLeft = regexp.MustCompile(`\b(higher|lower|better|worse|Source|Sources|edition|editions|rank|ranked|countries|Countries|country|territories|ODIHR|no data|elections?|figures?|Highlighted|ordered|percentile|Percentile|Other|zoomed|Cite|Note|panels?|methodology|Shaded|Gaps|assessments?|unknown|not ranked|Indicator|Scale|Value|Rank|Year|Date|Type|Summary|interval|Spearman|improved|worsened|unchanged|lacks|best|worst|First|last|blank|blocks|across|up|met|observed|Made with|Boundaries|hover)\b`)

// summaryMark ends an English election summary in Russian.
const summaryMark = "(резюме на английском)"

// TestRussianChartsHaveNoEnglish builds every chart kind in Russian and
// fails on an English word of the charts' own strings in the spec's title,
// source line, axes, legend, notes, tooltips, tables and description, and
// in its CSV.
func TestRussianChartsHaveNoEnglish(t *testing.T) {
	s := datasets.Embedded()
	for name, r := range ruRequests(t, s) {
		ch := buildRU(t, s, r)
		var texts []string
		texts = append(texts, ch.Spec.Title, ch.Spec.Subtitle, ch.Spec.XLabel, ch.Spec.YLabel, ch.Spec.Credit, ch.Spec.Band, ch.Description())
		texts = append(texts, ch.Spec.Notes...)
		texts = append(texts, ch.Spec.Categories...)
		for _, tb := range ch.Tables() {
			texts = append(texts, tb.Caption)
			texts = append(texts, tb.Header...)
			for _, r := range tb.Rows {
				for _, c := range r {
					texts = append(texts, c.Text, c.Note)
				}
			}
			for _, n := range tb.Notes {
				texts = append(texts, n.Text)
			}
		}
		var opt any
		if err := json.Unmarshal(ch.Option(), &opt); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, optionStrings(opt)...)
		var csv bytes.Buffer
		if err := ch.WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(csv.String(), "\n") {
			// The citation stays as the publisher writes it.
			if !strings.HasPrefix(line, "# Ссылка: ") {
				texts = append(texts, line)
			}
		}
		var svg bytes.Buffer
		if err := ch.WriteSVG(&svg); err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`>([^<>]+)</text>`).FindAllStringSubmatch(svg.String(), -1) {
			texts = append(texts, m[1])
		}
		checked := 0
		for _, text := range texts {
			for _, line := range strings.Split(text, "\n") {
				line = withoutSummaries(withoutCitation(ch.Spec, line))
				if line == "" || strings.HasPrefix(line, "http") {
					continue
				}
				checked++
				if w := englishLeft.FindString(line); w != "" {
					t.Errorf("%s: English %q left in %q", name, w, line)
				}
			}
		}
		if checked < 10 {
			t.Errorf("%s: only %d texts checked", name, checked)
		}
	}
}

// withoutCitation is line with the spec's citation, as the publisher
// writes it, taken out.
// A static image wraps the source line, so a line may hold the start or
// a part of the citation only.
func withoutCitation(s charts.Spec, line string) string {
	if s.Citation == "" {
		return line
	}
	line = strings.ReplaceAll(line, s.Citation, "")
	if i := strings.Index(line, "Ссылка: "); i >= 0 && strings.HasPrefix(s.Citation, strings.TrimSpace(line[i+len("Ссылка: "):])) {
		line = line[:i]
	}
	if t := strings.TrimSpace(line); t != "" && strings.Contains(s.Citation, t) {
		return ""
	}
	return line
}

// withoutSummaries is line with an election summary (English, marked as
// such) taken out.
func withoutSummaries(line string) string {
	if i := strings.Index(line, summaryMark); i >= 0 {
		return ""
	}
	return line
}

// optionStrings are the string values of an ECharts option, but for its
// technical ones (types, positions, colours, formatter templates).
func optionStrings(v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			switch k {
			case "type", "position", "nameLocation", "align", "fontWeight", "fontStyle", "orient", "left", "right", "top", "bottom",
				"trigger", "symbol", "color", "borderColor", "areaColor", "fill", "stroke", "fontFamily", "extraCssText", "axisType",
				"map", "id", "verticalAlign", "textBorderColor", "shadowColor", "formatter", "xAxis", "value", "dimension", "lineDash":
				if k == "formatter" {
					if s, ok := e.(string); ok && !strings.Contains(s, "{") {
						out = append(out, s)
					}
				}
				continue
			}
			out = append(out, optionStrings(e)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, optionStrings(e)...)
		}
	case string:
		if !strings.HasPrefix(x, "#") && !strings.HasPrefix(x, "rgb") {
			out = append(out, x)
		}
	}
	return out
}
