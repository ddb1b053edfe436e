package cli

import (
	"strings"
	"testing"
)

// TestPublishedNotes: every table cell showing an RSF 2013–2021 figure
// carries a footnote mark, and the note under the table gives the figure RSF
// originally published; figures as published (2002–2012, 2022–) carry none.
func TestPublishedNotes(t *testing.T) {
	for _, c := range []struct {
		args    []string
		want    []string
		notWant []string
	}{
		{[]string{"show", "kaz", "-i", "rsf"},
			[]string{"  2013  44.92¹  160 of 179",
				"  ¹ RSF's 2013 report published 55.08 on its 2013–2021 scale (lower is better); its current files give 44.92.\n",
				"  ⁹ RSF's 2021 report published 50.28 on its 2013–2021 scale (lower is better); its current files give 49.72.\n"},
			[]string{"¹⁰", "77.50¹", "48.28¹"}},
		{[]string{"trend", "kaz", "-i", "rsf", "--from", "2012", "--to", "2022"},
			[]string{"2015  46.54³", "³ RSF's 2015 report published 53.46 on its 2013–2021 scale (lower is better); its current files give 46.54.\n"},
			[]string{"77.50¹", "48.28¹"}},
		// A ranking is of one year: a PUBLISHED column and one note for it.
		{[]string{"rank", "-i", "rsf", "--year", "2015", "-g", "central-asia"},
			[]string{"COUNTRY             VALUE  PUBLISHED  GLOBAL RANK", "Kazakhstan (KAZ)    46.54      53.46   160 of 180",
				"PUBLISHED: the score as RSF's 2015 report published it, on its 2013–2021 scale (lower is better); VALUE is what RSF's current files give, 100 minus it.\n"},
			[]string{"¹"}},
		{[]string{"compare", "kaz", "uzb", "-i", "rsf,wgi-rl", "--year", "2015", "--width", "200"},
			[]string{"46.54¹", "38.86²", "² RSF's 2015 report published 61.14 on its 2013–2021 scale (lower is better); its current files give 38.86.\n"},
			[]string{"³"}},
		{[]string{"compare", "kaz", "uzb", "-i", "rsf", "--year", "2015", "-f", "markdown"},
			[]string{"| 46.54¹ (rank 160 of 180) |", "\n¹ RSF's 2015 report published 53.46 on its 2013–2021 scale (lower is better); its current files give 46.54.\n"},
			nil},
		// Figures as published: no marks, no notes.
		{[]string{"rank", "-i", "rsf", "--year", "2022"}, nil, []string{"¹", "report published"}},
		{[]string{"rank", "-i", "rsf", "--year", "2012"}, []string{"¹ Edition 2011-12.\n"}, []string{"PUBLISHED", "report published"}},
		{[]string{"compare", "kaz", "uzb", "-i", "rsf"}, nil, []string{"¹", "report published"}},
		{[]string{"show", "kaz", "-i", "wgi-rl,fh-fiw"}, nil, []string{"¹", "report published"}},
	} {
		stdout, stderr, code := run(c.args...)
		if code != 0 {
			t.Fatalf("rankings %s: exit %d: %s", strings.Join(c.args, " "), code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stdout, w) {
				t.Errorf("rankings %s: output lacks %q:\n%s", strings.Join(c.args, " "), w, stdout)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(stdout, w) {
				t.Errorf("rankings %s: output holds %q:\n%s", strings.Join(c.args, " "), w, stdout)
			}
		}
	}
}

func TestTextTableHangsFootnoteMarks(t *testing.T) {
	var b strings.Builder
	var fn footnotes
	tb := &textTable{header: []string{"YEAR", "VALUE", "RANK"}, right: map[int]bool{1: true, 2: true}}
	tb.add("2012", "77.50", "1 of 2")
	tb.add("2013", fn.mark("44.92", "a note"), "2 of 2")
	tb.add("2014", fn.mark("4.92", "a note"), "2 of 2")
	tb.add("2015", fn.mark("45.00", "another note"), "")
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	fn.write(&b, "")
	want := "YEAR  VALUE     RANK\n" +
		"2012  77.50   1 of 2\n" +
		"2013  44.92¹  2 of 2\n" +
		"2014   4.92¹  2 of 2\n" +
		"2015  45.00²\n" +
		"¹ A note.\n² Another note.\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if superscript(120) != "¹²⁰" {
		t.Errorf("superscript(120) = %q", superscript(120))
	}
}

// TestComputedRankNote: CPI ranks of 2012–2016 are rankings' own (TI's
// timeseries has none), and a ranking says so under the table; TI's own
// ranks carry no such note.
func TestComputedRankNote(t *testing.T) {
	stdout, _, code := run("rank", "-i", "ti-cpi", "--year", "2014", "-g", "central-asia")
	if code != 0 || !strings.Contains(stdout, "Kazakhstan (KAZ)       29   125 of 174¹") ||
		!strings.Contains(stdout, "¹ Rank computed by rankings from the scores in TI's timeseries (it gives no rank for this year)") {
		t.Errorf("CPI 2014: exit %d\n%s", code, stdout)
	}
	stdout, _, _ = run("rank", "-i", "ti-cpi", "--year", "2025", "-g", "central-asia")
	if !strings.Contains(stdout, "Kazakhstan (KAZ)       38    96 of 182 ") || strings.Contains(stdout, "¹") {
		t.Errorf("CPI 2025 has TI's own ranks:\n%s", stdout)
	}
}
