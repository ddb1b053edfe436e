package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestPublishedFigures: the API's documents carry RSF's originally
// published 2013–2021 figure as published_value, byte for byte as the CLI
// prints them, and the pages give it as a footnote of each table.
func TestPublishedFigures(t *testing.T) {
	for _, c := range []struct {
		url  string
		args []string
	}{
		{"/api/v1/rank/rsf/2015.json", []string{"rank", "-i", "rsf", "--year", "2015", "--format", "json"}},
		{"/api/v1/rank?indicator=rsf&year=2015&format=csv", []string{"rank", "-i", "rsf", "--year", "2015", "--format", "csv"}},
		{"/api/v1/compare?countries=kaz,uzb&indicator=rsf&year=2015", []string{"compare", "kaz", "uzb", "-i", "rsf", "--year", "2015", "--format", "json"}},
		{"/api/v1/trend?country=kaz&indicator=rsf", []string{"trend", "kaz", "-i", "rsf", "--format", "json"}},
	} {
		rec := get(t, c.url)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", c.url, rec.Code, rec.Body)
		}
		if rec.Body.String() != cliJSON(t, c.args...) {
			t.Errorf("%s differs from rankings %s", c.url, strings.Join(c.args, " "))
		}
		if !strings.Contains(rec.Body.String(), "published_value") {
			t.Errorf("%s has no published_value", c.url)
		}
	}
	series := get(t, "/api/v1/series?country=kaz&indicator=rsf").Body.String()
	if !strings.Contains(series, `"value": 44.92,
          "published_value": 55.08,`) {
		t.Errorf("series KAZ rsf 2013: no published_value 55.08 beside 44.92")
	}
	// Every figure has the field: a number for the 9 restated years
	// (2013–2021), null for the 15 others (2002–2012, 2022–2026).
	if n, null := strings.Count(series, `"published_value"`), strings.Count(series, `"published_value": null`); n != 24 || null != 15 {
		t.Errorf("series KAZ rsf: %d published_value fields, %d null; want 24 and 15", n, null)
	}
	for _, c := range []struct{ url, want string }{
		{"/country/KAZ", `<td class="n">44.92¹</td>`},
		{"/country/KAZ", `<p class="note">¹ RSF&#39;s 2013 report published 55.08 on its 2013–2021 scale (lower is better); its current files give 44.92.</p>`},
		{"/indicator/rsf/2015?group=central-asia", `<p class="note">³ RSF&#39;s 2015 report published 53.46 on its 2013–2021 scale (lower is better); its current files give 46.54.</p>`},
		{"/indicator/rsf/2015?group=central-asia", `<p class="rk-table-note">³ RSF&#39;s 2015 report published 53.46`},
		{"/compare?c=kaz,uzb&indicator=rsf&year=2015", `data-label="Kazakhstan">46.54¹ (160 of 180)</td>`},
		{"/compare?c=kaz,uzb&indicator=rsf&year=2015", `<p class="note">² RSF&#39;s 2015 report published 61.14 on its 2013–2021 scale (lower is better); its current files give 38.86.</p>`},
	} {
		rec := get(t, c.url)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d, want %q in the body", c.url, rec.Code, c.want)
		}
	}
	if body := get(t, "/indicator/rsf/2022").Body.String(); strings.Contains(body, "report published") {
		t.Errorf("/indicator/rsf/2022 names a published figure")
	}
}
