package server_test

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

// sourceCell is the page's source cell of an election: the link, then what
// kind of page it is.
func sourceCell(e indicators.Election) string {
	host := strings.TrimPrefix(strings.TrimPrefix(e.SourceURL, "https://"), "http://")
	if i := strings.IndexByte(host, '/'); i > 0 {
		host = host[:i]
	}
	class := "kind indirect"
	if e.SourceKind.Primary() {
		class = "kind"
	}
	return fmt.Sprintf(`<a href="%s" rel="noopener noreferrer">%s</a> <span class="%s">(%s)</span>`,
		template.HTMLEscapeString(e.SourceURL), strings.TrimPrefix(host, "www."), class, template.HTMLEscapeString(e.SourceKind.Label()))
}

// TestPagesLabelSecondarySources: the country, elections and compare pages
// say next to each source link what kind of page it is, secondary and
// mirror sources marked as such.
func TestPagesLabelSecondarySources(t *testing.T) {
	es, err := datasets.Embedded().Elections("UZB")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[indicators.SourceKind]bool{}
	for _, url := range []string{"/country/UZB", "/elections/UZB"} {
		body := get(t, url).Body.String()
		for _, e := range es {
			seen[e.SourceKind] = true
			if want := sourceCell(e); !strings.Contains(body, want) {
				t.Errorf("%s: %s %s (%s source): no %s", url, e.Date, e.Type, e.SourceKind, want)
			}
		}
		if !strings.Contains(body, `<span class="kind indirect">(secondary source: news, reference or academic account)</span>`) {
			t.Errorf("%s: no source is labelled secondary", url)
		}
	}
	if !seen[indicators.SourceSecondary] || !seen[indicators.SourceODIHR] {
		t.Errorf("Uzbekistan's elections have the source kinds %v: the test needs a secondary and an ODIHR one", seen)
	}
	body := get(t, "/compare/KAZ,UZB").Body.String()
	for _, iso3 := range []string{"KAZ", "UZB"} {
		all, _ := datasets.Embedded().Elections(iso3)
		l, ok := docs.LatestAssessed(all)
		if !ok {
			t.Fatalf("%s has no assessed election", iso3)
		}
		if want := sourceCell(l); !strings.Contains(body, want) {
			t.Errorf("/compare/KAZ,UZB: %s's latest election lacks %s", iso3, want)
		}
	}
	counts := docs.CountSourceKinds(es)
	if want := template.HTMLEscapeString(docs.SourceKindSentence(counts, len(es))); !strings.Contains(get(t, "/elections/UZB").Body.String(), want) {
		t.Errorf("/elections/UZB does not state %q", want)
	}
}

// TestAPISourceKinds: the API's elections carry source_kind, the elections
// document its counts by kind, and the sources document what the ODIHR
// rows rest on.
func TestAPISourceKinds(t *testing.T) {
	var el struct {
		Elections []struct {
			Date       string  `json:"date"`
			SourceKind *string `json:"source_kind"`
		} `json:"elections"`
		SourceKindCounts map[string]int `json:"source_kind_counts"`
	}
	rec := get(t, "/api/v1/elections/KAZ.json")
	if err := json.Unmarshal(rec.Body.Bytes(), &el); err != nil || len(el.Elections) == 0 {
		t.Fatalf("%d %v: %s", rec.Code, err, rec.Body.String())
	}
	n := 0
	for _, e := range el.Elections {
		if e.SourceKind == nil || !indicators.SourceKind(*e.SourceKind).Valid() {
			t.Errorf("KAZ %s: source_kind %v", e.Date, e.SourceKind)
		}
	}
	for _, k := range indicators.SourceKinds {
		n += el.SourceKindCounts[string(k)]
	}
	if n != len(el.Elections) {
		t.Errorf("source_kind_counts %v add up to %d, not the %d elections", el.SourceKindCounts, n, len(el.Elections))
	}
	var src struct {
		Sources []struct {
			ID               string         `json:"id"`
			Basis            string         `json:"basis"`
			SourceKindCounts map[string]int `json:"source_kind_counts"`
		} `json:"sources"`
	}
	rec = get(t, "/api/v1/sources")
	if err := json.Unmarshal(rec.Body.Bytes(), &src); err != nil {
		t.Fatal(err)
	}
	all, _ := datasets.Embedded().Elections("")
	for _, s := range src.Sources {
		if s.ID != "odihr" {
			continue
		}
		if want := docs.SourceKindSentence(docs.CountSourceKinds(all), len(all)); s.Basis != want {
			t.Errorf("odihr basis = %q, want %q", s.Basis, want)
		}
		return
	}
	t.Error("no odihr source in /api/v1/sources")
}
