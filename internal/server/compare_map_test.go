package server_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestComparePageHoldsTheMaps checks that the compare page shows, in the
// sections of the press freedom, rule of law, corruption and freedom
// indicators, the map of the post-Soviet states in the year the comparison
// shows, the compared countries outlined, with the download links of the
// page's other charts; and no map for the other indicators.
func TestComparePageHoldsTheMaps(t *testing.T) {
	body := get(t, "/compare?c=kaz,uzb").Body.String()
	if n := strings.Count(body, "registerMap("); n != 4 {
		t.Fatalf("%d maps on the compare page, want 4", n)
	}
	section := func(id string) string {
		i := strings.Index(body, `<h2 id="h-`+id+`">`)
		if i < 0 {
			t.Fatalf("no section %s", id)
		}
		rest := body[i:]
		if j := strings.Index(rest[1:], "<section"); j >= 0 {
			rest = rest[:j+1]
		}
		return rest
	}
	for _, c := range []struct{ id, title, csv string }{
		{"rsf", "RSF World Press Freedom Index score, 2026 edition: post-Soviet states", "/chart/map.csv?c=KAZ,UZB&amp;indicator=rsf&amp;year=2026"},
		{"wgi-rl", "WGI Rule of Law (estimate), 2023: post-Soviet states", "/chart/map.csv?c=KAZ,UZB&amp;indicator=wgi-rl&amp;year=2023"},
		{"ti-cpi", "Corruption Perceptions Index", "/chart/map.csv?c=KAZ,UZB&amp;indicator=ti-cpi&amp;year="},
		{"fh-fiw", "Freedom in the World", "/chart/map.csv?c=KAZ,UZB&amp;indicator=fh-fiw&amp;year="},
	} {
		s := section(c.id)
		if strings.Count(s, "registerMap(") != 1 {
			t.Errorf("section %s holds %d maps, want 1", c.id, strings.Count(s, "registerMap("))
			continue
		}
		m := s[strings.Index(s, `<div class="chart-embed chart-map">`):]
		if !strings.Contains(m, `aria-label="`+c.title) {
			t.Errorf("the map of %s is not titled %q", c.id, c.title)
		}
		if !strings.Contains(m, `Outlined in black: Kazakhstan, Uzbekistan.`) {
			t.Errorf("the map of %s does not outline the compared countries", c.id)
		}
		if !strings.Contains(m, "Boundaries: Natural Earth") {
			t.Errorf("the map of %s has no boundaries credit", c.id)
		}
		// The tools of the page's other charts: PNG, SVG, PDF, CSV and the
		// embed code.
		tools := regexp.MustCompile(`<a href="(/chart/map\.(png|svg|pdf|csv)\?[^"]+)" download="(map-[a-z-]+-kaz-uzb-\d{4}\.(png|svg|pdf|csv))">`).FindAllStringSubmatch(m, -1)
		if len(tools) != 4 || !strings.HasPrefix(tools[3][1], c.csv) {
			t.Errorf("the map of %s offers %q, want PNG, SVG, PDF and CSV links like %s", c.id, tools, c.csv)
		}
		if !strings.Contains(m, "/embed/map?c=KAZ,UZB&amp;amp;indicator="+c.id) && !strings.Contains(m, "/embed/map?c=KAZ,UZB&amp;indicator="+c.id) {
			t.Errorf("the map of %s offers no embed code", c.id)
		}
	}
	for _, id := range []string{"wjp", "wgi-va", "vdem-polyarchy"} {
		if strings.Contains(section(id), "registerMap(") {
			t.Errorf("section %s holds a map", id)
		}
	}
}
