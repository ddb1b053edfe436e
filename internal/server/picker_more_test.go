package server_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestPickerTakesSixCountriesAndAYear: the start page's form offers six
// country selects (the four beyond two empty by default, behind a control
// that needs no JavaScript) and a year, and the compare page takes what
// the form sends, ignoring the selects left empty.
func TestPickerTakesSixCountriesAndAYear(t *testing.T) {
	page := get(t, "/").Body.String()
	if n := strings.Count(page, `name="c"`); n != 6 {
		t.Errorf("the picker has %d country selects, want 6", n)
	}
	for _, id := range []string{"c3", "c4", "c5", "c6"} {
		if !regexp.MustCompile(`<select id="` + id + `" name="c"><option value="" selected>None</option>`).MatchString(page) {
			t.Errorf("select %s does not start empty", id)
		}
	}
	if !strings.Contains(page, "<details>\n<summary>Add a country (up to six)</summary>") {
		t.Error("no control that adds a country")
	}
	if !strings.Contains(page, `<select id="year" name="year" aria-describedby="year-note"><option value="">Latest figures</option><option value="2026">2026</option>`) {
		t.Error("no year select, latest first")
	}
	rec := get(t, "/compare?c=KAZ&c=UZB&c=KGZ&c=&c=&c=&indicator=&year=2020")
	if to := rec.Header().Get("Location"); rec.Code != 303 || to != "/compare/KAZ,UZB,KGZ?year=2020" {
		t.Fatalf("the form's query: %d to %q, want 303 to the page's address", rec.Code, to)
	}
	rec = get(t, "/compare/KAZ,UZB,KGZ?year=2020")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "<h1>Kazakhstan vs Uzbekistan vs Kyrgyzstan</h1>") || !strings.Contains(body, "Each indicator in 2020") {
		t.Errorf("the form's query: %d %s", rec.Code, body)
	}
}
