package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/indicators"
)

// verbs lists the arguments a format string uses, as "index:verb" in
// argument order, %% left out: "%d of %[1]d" uses 1:d twice.
func verbs(f string) ([]string, error) {
	var out []string
	next := 1
	re := regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)
	for _, m := range re.FindAllStringSubmatch(f, -1) {
		if m[4] == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			i, _ = strconv.Atoi(m[2])
		}
		out = append(out, fmt.Sprintf("%d:%s", i, m[4]))
		next = i + 1
	}
	if strings.Count(f, "%")-2*strings.Count(f, "%%") != len(out) {
		return nil, fmt.Errorf("a %% that is not a verb in %q", f)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func forms(m message) []string {
	if !m.plural() {
		return []string{m.Text}
	}
	var out []string
	for _, f := range []string{m.One, m.Few, m.Many, m.Other} {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// TestRussianCatalogueIsComplete: every English message has a Russian
// form with the same arguments, every plural message all four Russian
// forms, and the Russian catalogue holds nothing English does not (but
// the names of indicators, checked against the indicator catalogue).
func TestRussianCatalogueIsComplete(t *testing.T) {
	cat, err := load()
	if err != nil {
		t.Fatal(err)
	}
	en, ru := cat[EN], cat[RU]
	if len(en) < 50 {
		t.Fatalf("the English catalogue has only %d messages", len(en))
	}
	for _, k := range Keys(EN) {
		e := en[k]
		r, ok := ru[k]
		if !ok {
			t.Errorf("%s has no Russian form", k)
			continue
		}
		if e.plural() != r.plural() {
			t.Errorf("%s: plural in one language only", k)
			continue
		}
		if e.plural() && (e.One == "" || e.Other == "") {
			t.Errorf("%s: an English plural message needs one and other", k)
		}
		if r.plural() && (r.One == "" || r.Few == "" || r.Many == "" || r.Other == "") {
			t.Errorf("%s: a Russian plural message needs one, few, many and other", k)
		}
		want, err := verbs(forms(e)[0])
		if err != nil {
			t.Error(err)
			continue
		}
		for _, f := range append(forms(e), forms(r)...) {
			got, err := verbs(f)
			if err != nil {
				t.Error(err)
			} else if !slices.Equal(got, want) {
				t.Errorf("%s: %q takes arguments %v, the English %q %v", k, f, got, forms(e)[0], want)
			}
		}
	}
	ids := map[string]bool{}
	for _, ind := range indicators.Catalog() {
		ids[ind.ID] = true
		if _, ok := ru[indicatorPrefix+ind.ID]; !ok {
			t.Errorf("indicator %s has no Russian name", ind.ID)
		}
	}
	for k := range ru {
		if id, ok := strings.CutPrefix(k, indicatorPrefix); ok {
			if !ids[id] {
				t.Errorf("%s names no indicator", k)
			}
			continue
		}
		if _, ok := en[k]; !ok {
			t.Errorf("%s is in the Russian catalogue only", k)
		}
	}
}

func TestVerbs(t *testing.T) {
	for f, want := range map[string]string{
		"%d of %d":           "1:d 2:d",
		"%[2]s, %[1]d":       "1:d 2:s",
		"100%% of %s":        "1:s",
		"%.2f and %5d, %-3s": "1:f 2:d 3:s",
	} {
		got, err := verbs(f)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("verbs(%q) = %v %v, want %s", f, got, err, want)
		}
	}
}

func TestPlurals(t *testing.T) {
	m := message{One: "%d страна", Few: "%d страны", Many: "%d стран", Other: "%d страны"}
	for n, want := range map[int]string{1: "1 страна", 2: "2 страны", 4: "4 страны", 5: "5 стран", 11: "11 стран", 12: "12 стран",
		21: "21 страна", 22: "22 страны", 25: "25 стран", 101: "101 страна", 111: "111 стран", 0: "0 стран"} {
		if got := formatPlural(RU, m, n, n); got != want {
			t.Errorf("Russian %d: %q, want %q", n, got, want)
		}
	}
	e := message{One: "%d country", Other: "%d countries"}
	for n, want := range map[int]string{1: "1 country", 2: "2 countries", 0: "0 countries", 21: "21 countries"} {
		if got := formatPlural(EN, e, n, n); got != want {
			t.Errorf("English %d: %q, want %q", n, got, want)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		v    float64
		prec int
		want string
	}{
		{EN, 39.34, 2, "39.34"}, {RU, 39.34, 2, "39,34"}, {RU, -0.45, 2, "-0,45"},
		{RU, 2026, 0, "2026"}, {RU, 12345.6, 1, "12\u202f345,6"}, {RU, 1234567, 0, "1\u202f234\u202f567"},
		{EN, 12345.6, 1, "12345.6"}, {RU, 100, 0, "100"},
	} {
		if got := c.l.Number(c.v, c.prec); got != c.want {
			t.Errorf("%s Number(%v, %d) = %q, want %q", c.l, c.v, c.prec, got, c.want)
		}
	}
	for _, c := range []struct {
		l        Lang
		in, want string
	}{{RU, "39.34", "39,34"}, {RU, "-0.45", "-0,45"}, {RU, "2026", "2026"}, {EN, "39.34", "39.34"}, {"", "39.34", "39.34"}} {
		if got := c.l.Figure(c.in); got != c.want {
			t.Errorf("%q.Figure(%q) = %q, want %q", c.l, c.in, got, c.want)
		}
	}
	if got := RU.Int(455000); got != "455\u202f000" {
		t.Errorf("RU.Int(455000) = %q", got)
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2023, 3, 19, 0, 0, 0, 0, time.UTC)
	if got := RU.Date(d); got != "19 марта 2023 г." {
		t.Errorf("RU.Date = %q", got)
	}
	if got := EN.Date(d); got != "2023-03-19" {
		t.Errorf("EN.Date = %q", got)
	}
	if got := RU.DateText("2024-10-27"); got != "27 октября 2024 г." {
		t.Errorf("RU.DateText = %q", got)
	}
	if got := RU.DateText("2024"); got != "2024" {
		t.Errorf("RU.DateText of a year = %q", got)
	}
}

func TestChoosingTheLanguage(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, c := range []struct {
		env      func(string) string
		want     Lang
		wrongVar string
	}{
		{env(), EN, ""},
		{env("LANG", "ru_RU.UTF-8"), RU, ""},
		{env("LANG", "C.UTF-8"), EN, ""},
		{env("LC_MESSAGES", "ru_RU.UTF-8", "LANG", "en_US.UTF-8"), RU, ""},
		{env("LC_ALL", "en_GB.UTF-8", "LC_MESSAGES", "ru_RU.UTF-8"), EN, ""},
		{env("RANKINGS_LANG", "ru", "LC_ALL", "en_GB.UTF-8"), RU, ""},
		{env("RANKINGS_LANG", "de", "LANG", "ru_RU"), EN, "de"},
	} {
		got, bad := FromEnv(c.env)
		if got != c.want || bad != c.wrongVar {
			t.Errorf("FromEnv = %s %q, want %s %q", got, bad, c.want, c.wrongVar)
		}
	}
	for h, want := range map[string]Lang{"": EN, "ru": RU, "ru-RU,ru;q=0.9,en;q=0.8": RU, "en-US,en;q=0.9,ru;q=0.5": EN, "de-DE": EN, "uk-UA,ru;q=0.8": RU, "garbage;;": EN} {
		if got := FromAcceptLanguage(h); got != want {
			t.Errorf("FromAcceptLanguage(%q) = %s, want %s", h, got, want)
		}
	}
}

func TestMessages(t *testing.T) {
	if got := RU.T("assessment.met"); got != "в целом соответствовали обязательствам ОБСЕ" {
		t.Errorf("RU assessment.met = %q", got)
	}
	if got := EN.T("elections.heading_as_of", 2015); got != "Latest OSCE/ODIHR election assessment as of 2015 (elections dated in or before it)" {
		t.Errorf("EN elections.heading_as_of = %q", got)
	}
	if got := RU.IndicatorNameFirst("ti-cpi", "Corruption Perceptions Index score"); got != "Индекс восприятия коррупции: балл (Corruption Perceptions Index score)" {
		t.Errorf("RU IndicatorNameFirst = %q", got)
	}
	if got := EN.IndicatorName("ti-cpi", "Corruption Perceptions Index score"); got != "Corruption Perceptions Index score" {
		t.Errorf("EN IndicatorName = %q", got)
	}
	if got := EN.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("a missing key reads %q", got)
	}
}
