package server_test

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
)

// rsfTable is the RSF table of a country page, unescaped.
func rsfTable(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `<a href="/indicator/rsf">`)
	if i < 0 {
		t.Fatal("the country page has no RSF table")
	}
	j := strings.Index(body[i:], "</table>")
	return html.UnescapeString(body[i : i+j])
}

// TestCountryPageSegmentHeadings: /country/KAZ heads each methodology
// segment of RSF with its own scale and direction, right above its rows,
// and the caption claims no direction for the whole table: 2002–2012 is
// lower-is-better, 2013– higher-is-better.
func TestCountryPageSegmentHeadings(t *testing.T) {
	rec := get(t, "/country/KAZ")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	table := rsfTable(t, rec.Body.String())
	caption := table[:strings.Index(table, "</caption>")]
	if strings.Contains(caption, "higher is better") || strings.Contains(caption, "lower is better") {
		t.Errorf("the caption states one direction for three segments: %s", caption)
	}
	heads := regexp.MustCompile(`<th scope="rowgroup" colspan="4">([^<]*)</th></tr>\s*<tr><td>(\d{4})</td>`).FindAllStringSubmatch(table, -1)
	want := [][2]string{
		{"2002–2012: old points scale (unbounded), lower is better", "2002"},
		{"Methodology break, not comparable with the years above. 2013–2021: 0–100 index, higher is better", "2013"},
		{"Methodology break, not comparable with the years above. 2022–: 0–100, new methodology, higher is better", "2022"},
	}
	if len(heads) != len(want) {
		t.Fatalf("segment headings %q; want %d", heads, len(want))
	}
	for i, w := range want {
		if heads[i][1] != w[0] || heads[i][2] != w[1] {
			t.Errorf("segment %d: %q above %s; want %q above %s", i, heads[i][1], heads[i][2], w[0], w[1])
		}
	}
	if n := strings.Count(table, "<tbody>"); n != 3 {
		t.Errorf("%d row groups; want one per segment (3)", n)
	}
	// A single-segment indicator keeps its direction in the caption.
	if !strings.Contains(html.UnescapeString(rec.Body.String()), "WJP Rule of Law Index overall score</a> — score 0–1, higher is better</span></caption>") {
		t.Error("the WJP table's caption lost its direction")
	}
}

// TestComparePageChangeAndYear: the "Change" column gives a rank change
// with both field sizes, leading with the percentile where WJP's field grew
// from 99 (2014) to 142 (2024); with a year the elections are the latest as
// of it.
func TestComparePageChangeAndYear(t *testing.T) {
	rec := get(t, "/compare?c=kaz,uzb&indicator=wjp&year=2024")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	body := html.UnescapeString(rec.Body.String())
	for _, want := range []string{
		"+0.04 points since 2014; percentile +15.3 points (rank 83/142 from 73/99: the field grew from 99 to 142, so the places are not comparable)",
		"<h2>Latest OSCE/ODIHR election assessment as of 2024</h2>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the compare page lacks %q", want)
		}
	}
	rec = get(t, "/compare?c=kaz,uzb&year=2015&indicator=rsf")
	body = html.UnescapeString(rec.Body.String())
	if !strings.Contains(body, "as of 2015") || !strings.Contains(body, "2015-04-26") || strings.Contains(body, "2023-03-19") {
		t.Error("the compare page for 2015 does not show the elections as of 2015")
	}
}

// TestAPICompareNotes: the API's compare document says what it did with a
// --since before RSF's 2022 break.
func TestAPICompareNotes(t *testing.T) {
	rec := get(t, "/api/v1/compare?countries=kaz,uzb&indicator=rsf&since=2010")
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var doc struct {
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := "--since 2010 is before the 2022 methodology break of rsf: the trend starts in 2022, and no change across the break is shown."
	if len(doc.Notes) != 1 || doc.Notes[0] != want {
		t.Errorf("notes %q; want %q", doc.Notes, want)
	}
}
