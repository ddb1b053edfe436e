package docs

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// Tabular is a document that also has a flat CSV form: the CLI's
// --format csv and the API's ?format=csv print the same rows.
type Tabular interface {
	CSV() (header []string, rows [][]string)
}

// NumText renders an optional number ("" for null).
func NumText(p *float64) string {
	if p == nil {
		return ""
	}
	return indicators.FormatNumber(*p)
}

// IntText renders an optional integer ("" for null).
func IntText(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

func boolText(p *bool) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

func strText(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// ScaleText renders a scale ("0–100", "about -2.5 to 2.5", "unbounded").
func ScaleText(s Scale) string {
	if s.Min == nil || s.Max == nil {
		return "unbounded"
	}
	return indicators.Scale{Min: *s.Min, Max: *s.Max, Approximate: s.Approximate}.String()
}

// BreaksText lists the break years ("2013 2022").
func BreaksText(bs []Break) string {
	var ys []string
	for _, b := range bs {
		ys = append(ys, fmt.Sprint(b.Year))
	}
	return strings.Join(ys, " ")
}

// UncertaintyText says which uncertainty fields an indicator publishes.
func UncertaintyText(u Uncertainty) string {
	var parts []string
	if u.StdErr {
		parts = append(parts, "stderr")
	}
	if u.Bounds {
		parts = append(parts, fmt.Sprintf("%g%% bounds", *u.BoundsLevel*100))
	}
	if u.Percentile {
		parts = append(parts, fmt.Sprintf("percentile rank with %g%% bounds", *u.PercentileLevel*100))
	}
	return strings.Join(parts, "; ")
}

// CSV implements Tabular.
func (d CountryList) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, c := range d.Countries {
		rows = append(rows, []string{c.ISO3, c.ISO2, c.Name, c.Kind, strings.Join(c.Groups, " ")})
	}
	return []string{"iso3", "iso2", "name", "kind", "groups"}, rows
}

// CSV implements Tabular.
func (d IndicatorList) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, i := range d.Indicators {
		rows = append(rows, []string{i.ID, i.Name, i.Source, i.Unit, ScaleText(i.Scale), i.Direction,
			i.YearMeaning, BreaksText(i.Breaks), UncertaintyText(i.Uncertainty)})
	}
	return []string{"id", "name", "source", "unit", "scale", "direction", "year", "breaks", "uncertainty"}, rows
}

// CSV implements Tabular.
func (d SourceList) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, s := range d.Sources {
		rows = append(rows, []string{s.ID, s.Name, s.Publisher, s.Edition, s.URL, s.Licence, s.Citation, strings.Join(s.Indicators, " "), s.Basis})
	}
	return []string{"id", "name", "publisher", "edition", "url", "licence", "citation", "indicators", "basis"}, rows
}

// CSV implements Tabular. published_value is empty where the figure is as
// published (see Value.PublishedValue).
func (d Show) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, s := range d.Indicators {
		for _, v := range s.Values {
			rows = append(rows, []string{s.ID, d.Country.ISO3, fmt.Sprint(v.Year), indicators.FormatNumber(v.Value),
				IntText(v.Rank), IntText(v.RankOf), NumText(v.StdErr), NumText(v.Pct), NumText(v.PctLower), NumText(v.PctUpper), v.Status, v.Note,
				NumText(v.PublishedValue)})
		}
	}
	return []string{"indicator", "iso3", "year", "value", "rank", "rank_of", "stderr", "pct", "pct_lower", "pct_upper", "status", "note", "published_value"}, rows
}

// CSV implements Tabular: one row per indicator and country;
// published_value is empty where the figure is as published. since,
// change and rank_change are the change since a base year (ChangeDoc);
// since_rank and since_rank_of are the base year's rank k of N, to be read
// with rank and rank_of, and percentile_change the change of percentile.
func (d Compare) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, ci := range d.Indicators {
		for i, v := range ci.Values {
			tr, ch := ci.Trends[i], ci.Changes[i]
			rows = append(rows, []string{ci.ID, fmt.Sprint(ci.Year), v.ISO3, NumText(v.Value), IntText(v.Rank), IntText(v.RankOf),
				NumText(v.Percentile), NumText(tr.Slope), NumText(tr.CILow), NumText(tr.CIHigh), fmt.Sprint(tr.N),
				IntText(ch.From), NumText(ch.Value), IntText(ch.RankChange), strText(ci.Leader), boolText(ci.Distinguishable),
				fmt.Sprint(ci.HigherIsBetter), NumText(v.PublishedValue), IntText(ch.SinceRank), IntText(ch.SinceRankOf), NumText(ch.PercentileChange)})
		}
	}
	return []string{"indicator", "year", "iso3", "value", "rank", "rank_of", "percentile",
		"slope", "ci_low", "ci_high", "n", "since", "change", "rank_change", "leader", "distinguishable", "higher_is_better", "published_value",
		"since_rank", "since_rank_of", "percentile_change"}, rows
}

// CSV implements Tabular; published_value is empty where the figure is as
// published.
func (d Rank) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, r := range d.Rows {
		rows = append(rows, []string{fmt.Sprint(r.Position), r.ISO3, r.Name, indicators.FormatNumber(r.Value),
			IntText(r.Rank), IntText(r.RankOf), NumText(r.Percentile), r.Status, NumText(r.PublishedValue)})
	}
	return []string{"position", "iso3", "name", "value", "rank", "rank_of", "percentile", "status", "published_value"}, rows
}

// CSV implements Tabular: one row per methodology segment.
func (d TrendDocument) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, s := range d.Segments {
		tr := s.Trend
		rows = append(rows, []string{fmt.Sprint(s.From), IntText(s.To), s.Label, fmt.Sprint(s.HigherIsBetter), fmt.Sprint(tr.N),
			IntText(tr.From), IntText(tr.To), NumText(tr.Slope), NumText(tr.CILow), NumText(tr.CIHigh), NumText(tr.TheilSen), NumText(tr.RSquared)})
	}
	return []string{"segment_from", "segment_to", "segment", "higher_is_better", "n", "from", "to", "slope", "ci_low", "ci_high", "theil_sen", "r_squared"}, rows
}

// CSV implements Tabular.
func (d ElectionsDocument) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, e := range d.Elections {
		rows = append(rows, []string{e.ISO3, e.Date, e.Type, e.Mission, e.Assessment, IntText(e.Score), e.Summary, e.SourceURL, e.SourceKind})
	}
	return []string{"iso3", "date", "type", "mission", "assessment", "score", "summary", "source_url", "source_kind"}, rows
}

// CSV implements Tabular: one row per pair of indicators.
func (d CorrelateDocument) CSV() ([]string, [][]string) {
	var rows [][]string
	for i, a := range d.Indicators {
		for j, b := range d.Indicators {
			c := d.Matrix[i][j]
			rows = append(rows, []string{a.ID, b.ID, NumText(c.Spearman), NumText(c.KendallB), fmt.Sprint(c.N)})
		}
	}
	return []string{"a", "b", "spearman", "kendall_tau_b", "n"}, rows
}

// WriteJSON writes a document as the CLI prints it and the API serves it:
// indented, one document, a final newline. The bytes are those of a
// json.Encoder with SetIndent("", "  "); the indentation is added while
// writing instead of in a second copy of the document (see indentWriter).
func WriteJSON(w io.Writer, doc any) error {
	iw := newIndentWriter(w)
	if err := json.NewEncoder(iw).Encode(doc); err != nil {
		return err
	}
	return iw.Flush()
}

// WriteCSV writes a document's CSV form.
func WriteCSV(w io.Writer, doc Tabular) error {
	header, rows := doc.CSV()
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	return cw.WriteAll(rows)
}
