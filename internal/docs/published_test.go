package docs

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

func resolve(t *testing.T, store *datasets.Store, name string) indicators.Country {
	t.Helper()
	c, err := store.Registry().Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestPublishedValue: RSF's current files give 2013–2021 scores as 100 −
// the score RSF published; every document carrying such a value carries the
// published figure beside it, and no other value has one.
func TestPublishedValue(t *testing.T) {
	store := datasets.Embedded()
	kaz := resolve(t, store, "kazakhstan")
	show, err := ShowCountry(store, kaz, []string{"rsf"}, 2012, 2022)
	if err != nil {
		t.Fatal(err)
	}
	byYear := map[int]Value{}
	for _, v := range show.Indicators[0].Values {
		byYear[v.Year] = v
	}
	for _, c := range []struct {
		year       int
		value      float64
		published  float64 // 0: none
		hasPublish bool
	}{
		{2012, 77.5, 0, false},     // old points scale: as published
		{2013, 44.92, 55.08, true}, // RSF 2013 published 55.08
		{2015, 46.54, 53.46, true},
		{2021, 49.72, 50.28, true},
		{2022, 48.28, 0, false}, // new methodology: as published
	} {
		v, ok := byYear[c.year]
		if !ok {
			t.Fatalf("show kaz rsf has no %d", c.year)
		}
		if v.Value != c.value {
			t.Errorf("%d: value %v, want %v", c.year, v.Value, c.value)
		}
		switch {
		case c.hasPublish && (v.PublishedValue == nil || *v.PublishedValue != c.published):
			t.Errorf("%d: published_value %v, want %v", c.year, v.PublishedValue, c.published)
		case !c.hasPublish && v.PublishedValue != nil:
			t.Errorf("%d: published_value %v, want none", c.year, *v.PublishedValue)
		}
	}

	// In JSON the field is a number where there is a published figure and
	// null everywhere else (a missing figure is null, never absent).
	var b bytes.Buffer
	if err := WriteJSON(&b, show); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Indicators []struct {
			Values []map[string]any `json:"values"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	for _, v := range raw.Indicators[0].Values {
		year := int(v["year"].(float64))
		pub, has := v["published_value"]
		if want := year >= 2013 && year <= 2021; !has || (pub != nil) != want {
			t.Errorf("JSON %d: published_value %v (present %v), want a number %v", year, pub, has, want)
		}
		if year == 2013 && (v["value"] != 44.92 || pub != 55.08) {
			t.Errorf("JSON 2013: value %v, published_value %v; want 44.92, 55.08", v["value"], pub)
		}
	}
	if !strings.Contains(b.String(), `"value": 44.92,
          "published_value": 55.08,`) {
		t.Errorf("published_value does not follow value in the show document:\n%s", b.String())
	}

	// Other indicators never carry one.
	wgi, err := ShowCountry(store, kaz, []string{"wgi-rl", "fh-fiw", "rsf-political"}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range wgi.Indicators {
		for _, v := range s.Values {
			if v.PublishedValue != nil {
				t.Errorf("%s %d has a published_value", s.ID, v.Year)
			}
		}
	}

	// rank, compare and trend carry it as well.
	rank, err := BuildRank(store, "rsf", 2015, "central-asia")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rank.Rows {
		if r.PublishedValue == nil || *r.PublishedValue != round2(100-r.Value) {
			t.Errorf("rank 2015 %s: value %v published_value %v", r.ISO3, r.Value, r.PublishedValue)
		}
	}
	uzb := resolve(t, store, "uzbekistan")
	cmp, err := BuildCompare(store, CompareOptions{Year: 2015, IDs: []string{"rsf", "wgi-rl"}, Countries: []indicators.Country{kaz, uzb}})
	if err != nil {
		t.Fatal(err)
	}
	if v := cmp.Indicators[0].Values[0]; v.ISO3 != "KAZ" || *v.Value != 46.54 || v.PublishedValue == nil || *v.PublishedValue != 53.46 {
		t.Errorf("compare rsf 2015 KAZ: %+v", v)
	}
	if v := cmp.Indicators[1].Values[0]; v.PublishedValue != nil {
		t.Errorf("compare wgi-rl 2015 KAZ has a published_value")
	}
	latest, err := BuildRank(store, "rsf", 0, "post-soviet")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range latest.Rows {
		if r.PublishedValue != nil {
			t.Errorf("rank %d %s has a published_value", latest.Year, r.ISO3)
		}
	}
	tr, err := BuildTrend(store, kaz, "rsf", 2013, 2013)
	if err != nil {
		t.Fatal(err)
	}
	if v := tr.Values[0]; v.PublishedValue == nil || *v.PublishedValue != 55.08 {
		t.Errorf("trend kaz rsf 2013: %+v", v)
	}

	// CSV: a published_value column, empty where the figure is as published.
	header, rows := show.CSV()
	col := -1
	for i, h := range header {
		if h == "published_value" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("show CSV has no published_value column: %v", header)
	}
	want := map[string]string{"2012": "", "2013": "55.08", "2022": ""}
	for _, r := range rows {
		if w, ok := want[r[2]]; ok && r[col] != w {
			t.Errorf("show CSV %s: published_value %q, want %q", r[2], r[col], w)
		}
	}
	for name, doc := range map[string]Tabular{"rank": rank, "compare": cmp} {
		header, rows := doc.CSV()
		col := slices.Index(header, "published_value")
		if col < 0 {
			t.Fatalf("%s CSV has no published_value column: %v", name, header)
		}
		if rows[0][col] == "" {
			t.Errorf("%s CSV: first row has no published_value: %v", name, rows[0])
		}
	}
}

func round2(v float64) float64 { return *round(v, 2) }
