package docs

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func resolveAll(t *testing.T, s *datasets.Store, names ...string) []indicators.Country {
	t.Helper()
	cs, err := s.Registry().ResolveAll(names)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestCompareChangeCarriesBothFields: Uzbekistan on WJP ranked 73 of 99 in
// the 2014 edition and 83 of 142 in 2024. The JSON change keeps
// rank_change (−10) and adds both ranks with their field sizes and the
// change of percentile: 100·(142−83)/142 − 100·(99−73)/99 = 41.55 − 26.26
// = +15.3 points.
func TestCompareChangeCarriesBothFields(t *testing.T) {
	s := datasets.Embedded()
	doc, err := BuildCompare(s, CompareOptions{Year: 2024, Since: 2014, IDs: []string{"wjp"}, Countries: resolveAll(t, s, "kaz", "uzb")})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, doc); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Year       *int `json:"year"`
		Indicators []struct {
			Changes []map[string]any `json:"changes"`
		} `json:"indicators"`
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Year == nil || *got.Year != 2024 || got.Notes == nil || len(got.Notes) != 0 {
		t.Errorf("year %v, notes %q; want 2024 and no notes", got.Year, got.Notes)
	}
	uzb := got.Indicators[0].Changes[1]
	for k, want := range map[string]any{"iso3": "UZB", "from": 2014.0, "to": 2024.0, "rank_change": -10.0,
		"rank": 83.0, "rank_of": 142.0, "since_rank": 73.0, "since_rank_of": 99.0, "percentile_change": 15.3} {
		if uzb[k] != want {
			t.Errorf("UZB %s = %v, want %v", k, uzb[k], want)
		}
	}
	if !doc.Indicators[0].Changes[1].FieldChanged() {
		t.Error("99 → 142 is a changed field")
	}
}

// TestCompareSinceBeforeABreakSaysSo: RSF's change from 2021 to 2022 would
// cross its 2022 methodology break, so there is none, and the document says
// what it did with --since; a --since before a series' first year is used
// from that year and says so too.
func TestCompareSinceBeforeABreakSaysSo(t *testing.T) {
	s := datasets.Embedded()
	cs := resolveAll(t, s, "kaz", "uzb")
	doc, err := BuildCompare(s, CompareOptions{Year: 2022, Since: 2021, IDs: []string{"rsf"}, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	ci := doc.Indicators[0]
	if ci.Since != 2022 {
		t.Errorf("since %d; want 2022, the break", ci.Since)
	}
	for _, ch := range ci.Changes {
		if ch.Value != nil || ch.RankChange != nil || ch.PercentileChange != nil || ch.Reason != "2021 is before the methodology break of 2022" {
			t.Errorf("%s: change %+v across the 2022 break", ch.ISO3, ch)
		}
	}
	want := "--since 2021 is before the 2022 methodology break of rsf: the trend starts in 2022, and no change across the break is shown."
	if len(doc.Notes) != 1 || doc.Notes[0] != want {
		t.Errorf("notes %q; want %q", doc.Notes, want)
	}
	doc, err = BuildCompare(s, CompareOptions{Since: 2010, IDs: []string{"wjp"}, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	if want := "--since 2010 is before the first year of the series of wjp: using 2013."; len(doc.Notes) != 1 || doc.Notes[0] != want {
		t.Errorf("notes %q; want %q", doc.Notes, want)
	}
	if ch := doc.Indicators[0].Changes[0]; ch.From == nil || *ch.From != 2013 || ch.Value == nil {
		t.Errorf("KAZ wjp change since 2010: %+v; want one from 2013", ch)
	}
}

// TestCompareElectionsAsOfTheYear: with a year, the latest assessment of
// each country is the latest dated in or before it, not today's.
func TestCompareElectionsAsOfTheYear(t *testing.T) {
	s := datasets.Embedded()
	cs := resolveAll(t, s, "kaz", "uzb")
	doc, err := BuildCompare(s, CompareOptions{Year: 2015, IDs: []string{"rsf"}, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"KAZ": "2015-04-26", "UZB": "2015-03-29"}
	if len(doc.Elections) != 2 {
		t.Fatalf("elections %+v", doc.Elections)
	}
	for _, e := range doc.Elections {
		if e.Date != want[e.ISO3] {
			t.Errorf("%s: latest as of 2015 is %s, want %s", e.ISO3, e.Date, want[e.ISO3])
		}
	}
	doc, err = BuildCompare(s, CompareOptions{Year: 1990, Countries: cs})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Elections) != 0 || len(doc.Notes) != 2 || !strings.Contains(doc.Notes[0], "Kazakhstan has no election in the ODIHR table dated in or before 1990") {
		t.Errorf("1990: elections %+v, notes %q", doc.Elections, doc.Notes)
	}
}
