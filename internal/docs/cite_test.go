package docs

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

var citeDay = time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)

func citeAll(t *testing.T) CitationList {
	t.Helper()
	doc, err := Cite(datasets.Embedded(), "all", 0, citeDay)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Citations) != len(indicators.Sources()) {
		t.Fatalf("%d citations, want one per source (%d)", len(doc.Citations), len(indicators.Sources()))
	}
	return doc
}

func TestCitationsAreFull(t *testing.T) {
	for _, c := range citeAll(t).Citations {
		if strings.Contains(c.Text, "<edition>") || c.Edition == "" || c.Publisher == "" || c.Title == "" || c.URL == "" {
			t.Errorf("%s: incomplete citation %+v", c.Source, c)
		}
		src, _ := indicators.SourceByID(c.Source)
		if src.Accessed != (c.Accessed == "2026-05-03") || src.Accessed != strings.HasSuffix(c.Text, ", accessed 2026-05-03") {
			t.Errorf("%s: accessed %q in %q; the source asks for an access date: %v", c.Source, c.Accessed, c.Text, src.Accessed)
		}
	}
}

func TestCitationKeysAreStable(t *testing.T) {
	later, err := Cite(datasets.Embedded(), "all", 0, citeDay.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, c := range citeAll(t).Citations {
		if k := later.Citations[i].Key; k != c.Key {
			t.Errorf("key %q changes with the access date to %q", c.Key, k)
		}
		if seen[c.Key] || !regexp.MustCompile(`^[a-z][a-z0-9-]*$`).MatchString(c.Key) {
			t.Errorf("key %q is repeated or not a plain key", c.Key)
		}
		seen[c.Key] = true
	}
}

func TestBibTeXShape(t *testing.T) {
	bib := citeAll(t).BibTeX()
	entries := regexp.MustCompile(`(?m)^@misc\{([a-z0-9-]+),$`).FindAllStringSubmatch(bib, -1)
	if len(entries) != len(indicators.Sources()) {
		t.Fatalf("%d @misc entries:\n%s", len(entries), bib)
	}
	depth := 0
	for i, r := range bib {
		switch {
		case r == '{' && (i == 0 || bib[i-1] != '\\'):
			depth++
		case r == '}' && (i == 0 || bib[i-1] != '\\'):
			depth--
		}
		if depth < 0 {
			t.Fatalf("unbalanced braces at byte %d", i)
		}
	}
	if depth != 0 {
		t.Fatalf("unbalanced braces: depth %d at the end", depth)
	}
	field := regexp.MustCompile(`^  [a-z]+ += \{.*\},$`)
	for _, l := range strings.Split(strings.TrimSpace(bib), "\n") {
		if l != "" && l != "}" && !strings.HasPrefix(l, "@misc{") && !field.MatchString(l) {
			t.Errorf("not a BibTeX field line: %q", l)
		}
	}
	for _, want := range []string{"urldate      = {2026-05-03}", "doi          = {10.23696/mcwt-fr58}", "author       = {Coppedge, M. and others}", "author       = {{Reporters Without Borders (RSF)}}"} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q", want)
		}
	}
}

func TestRISShape(t *testing.T) {
	ris := citeAll(t).RIS()
	line := regexp.MustCompile(`^[A-Z][A-Z0-9]  - (\S.*)?$`)
	records := 0
	open := false
	for _, l := range strings.Split(strings.TrimSuffix(ris, "\n"), "\n") {
		if !line.MatchString(l) {
			t.Errorf("not a RIS line: %q", l)
		}
		switch {
		case l == "TY  - DATA":
			if open {
				t.Errorf("a record starts before the last one ended")
			}
			open = true
		case l == "ER  - ":
			open = false
			records++
		case !open:
			t.Errorf("%q is outside a record", l)
		}
	}
	if open || records != len(indicators.Sources()) || !strings.HasSuffix(ris, "ER  - \n") {
		t.Errorf("%d records, the last ended: %v", records, !open)
	}
}

func TestCSLJSONShape(t *testing.T) {
	b, err := json.Marshal(citeAll(t).CSL())
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		for _, f := range []string{"id", "type", "title"} {
			if s, _ := it[f].(string); s == "" {
				t.Errorf("item %v lacks %s", it["id"], f)
			}
		}
		if it["type"] != "dataset" {
			t.Errorf("item %v is of type %v", it["id"], it["type"])
		}
	}
}

func TestCiteErrorsAreUserErrors(t *testing.T) {
	store := datasets.Embedded()
	for _, c := range []struct {
		of   string
		year int
	}{{"rsff", 0}, {"rsf", 2011}, {"fh-fotp", 2020}, {"cpi", 1999}} {
		_, err := Cite(store, c.of, c.year, citeDay)
		if !indicators.IsUserError(err) || strings.Contains(err.Error(), "\n") {
			t.Errorf("cite %s --year %d: %v; want one-line user error", c.of, c.year, err)
		}
	}
	doc, err := Cite(store, "all", 2020, citeDay)
	if err != nil || len(doc.Notes) == 0 {
		t.Errorf("cite all --year 2020: %v, notes %q; want a note on fh-fotp", err, doc.Notes)
	}
}

func TestYearsText(t *testing.T) {
	for _, c := range []struct {
		years []int
		want  string
	}{{[]int{2026}, "2026"}, {[]int{2013, 2014, 2015}, "2013–2015"}, {[]int{2002, 2003, 2012, 2014, 2015}, "2002–2003, 2012, 2014–2015"}} {
		if got := YearsText(c.years); got != c.want {
			t.Errorf("YearsText(%v) = %q, want %q", c.years, got, c.want)
		}
	}
}
