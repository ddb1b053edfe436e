package indicators

import (
	"math"
	"testing"
)

// memData is an in-memory Data for tests.
type memData map[string][]Observation // indicator → observations

func (m memData) Series(id, iso3 string) (Series, error) {
	s := Series{Indicator: id, ISO3: iso3}
	for _, o := range m[id] {
		if o.ISO3 == iso3 {
			s.Points = append(s.Points, o)
		}
	}
	return s, nil
}

func (m memData) Year(id string, year int) ([]Observation, error) {
	var out []Observation
	for _, o := range m[id] {
		if o.Year == year {
			out = append(out, o)
		}
	}
	return out, nil
}

func (m memData) Years(id string) ([]int, error) { return nil, nil }

func (m memData) At(id, iso3 string, year int) (Observation, bool, error) {
	for _, o := range m[id] {
		if o.ISO3 == iso3 && o.Year == year {
			return o, true, nil
		}
	}
	return Observation{}, false, nil
}

func ob(id, iso string, year int, v float64) Observation { return NewObservation(id, iso, year, v) }

// press is an RSF-like indicator: a break in 2022.
var press = Indicator{ID: "press", Segments: []Segment{
	{From: 2013, To: 2021, Scale: Scale{Min: 0, Max: 100}, Direction: HigherIsBetter},
	{From: 2022, Scale: Scale{Min: 0, Max: 100}, Direction: HigherIsBetter, Reason: "new method"},
}}

func pressData() memData {
	var obs []Observation
	// A: 80 in every year of the old method, then 40, 42, 44, 46: a fit
	// across the break would show a steep fall; within 2022– it rises by 2.
	for y := 2015; y <= 2021; y++ {
		obs = append(obs, ob("press", "AAA", y, 80))
		obs = append(obs, ob("press", "BBB", y, 70))
	}
	for i, y := range []int{2022, 2023, 2024, 2025} {
		obs = append(obs, ob("press", "AAA", y, 40+2*float64(i)))
		obs = append(obs, ob("press", "BBB", y, 50))
	}
	return memData{"press": obs}
}

func TestCompareNeverCrossesABreak(t *testing.T) {
	c, err := Compare(pressData(), press, []string{"AAA", "BBB"}, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Year != 2025 || c.Since != 2022 {
		t.Fatalf("year %d since %d; want 2025 since 2022 (10 years back, clamped to the break)", c.Year, c.Since)
	}
	fa := c.Fits[0]
	if fa.N != 4 || fa.From != 2022 || !near(fa.Slope, 2) {
		t.Errorf("AAA fit %+v; want n=4 from 2022, slope +2", fa.Fit)
	}
	ch := c.Changes[0]
	if ch.From != 2022 || ch.Value != 6 {
		t.Errorf("AAA change %+v; want +6 since 2022", ch)
	}
	if c.Leader != "BBB" || c.Distinguishable != nil {
		t.Errorf("leader %q distinguishable %v; want BBB, nil (no published uncertainty)", c.Leader, c.Distinguishable)
	}
	// Asking for a change since 2018 is refused rather than crossing 2022.
	c, err = Compare(pressData(), press, []string{"AAA", "BBB"}, CompareOptions{Since: 2018})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(c.Changes[0].Value) || c.Changes[0].Reason != "2018 is before the methodology break of 2022" {
		t.Errorf("change since 2018 = %+v", c.Changes[0])
	}
	if c.Fits[0].N != 4 {
		t.Errorf("fit since 2018 used %d points; only 2022– may be used", c.Fits[0].N)
	}
}

func TestCompareInsufficientData(t *testing.T) {
	c, err := Compare(pressData(), press, []string{"AAA", "BBB"}, CompareOptions{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if f := c.Fits[0]; !f.Insufficient || f.N != 3 || !math.IsNaN(f.Slope) {
		t.Errorf("three points in the segment gave %+v; want insufficient data", f.Fit)
	}
}

func TestCompareStrictYear(t *testing.T) {
	_, err := Compare(pressData(), press, []string{"AAA", "BBB"}, CompareOptions{Year: 2012, Strict: true})
	want := "press has no figure for AAA in 2012: years with figures are 2015–2025"
	if err == nil || err.Error() != want || ErrorCode(err) != ENotFound {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestCompareDirectionAndDistinguishable(t *testing.T) {
	rating := Indicator{ID: "rating", Segments: []Segment{{From: 2000, Scale: Scale{Min: 1, Max: 7}, Direction: LowerIsBetter}}}
	d := memData{"rating": {ob("rating", "AAA", 2020, 6), ob("rating", "BBB", 2020, 2)}}
	c, err := Compare(d, rating, []string{"AAA", "BBB"}, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Leader != "BBB" || c.Pairs[0].AAhead || c.Pairs[0].Difference != 4 {
		t.Errorf("lower is better: leader %q, pair %+v; want BBB ahead, A − B = 4", c.Leader, c.Pairs[0])
	}

	gov := Indicator{ID: "gov", Segments: []Segment{{From: 1996, Scale: Scale{Min: -2.5, Max: 2.5}, Direction: HigherIsBetter}}}
	with := func(iso string, v, lo, hi float64) Observation {
		o := ob("gov", iso, 2023, v)
		o.Pct, o.PctLower, o.PctUpper = v, lo, hi
		return o
	}
	for _, tc := range []struct {
		name string
		a, b Observation
		want bool
	}{
		{"overlapping", with("AAA", 40, 30, 50), with("BBB", 35, 25, 45), false},
		{"disjoint", with("AAA", 80, 70, 90), with("BBB", 35, 25, 45), true},
	} {
		c, err := Compare(memData{"gov": {tc.a, tc.b}}, gov, []string{"AAA", "BBB"}, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Distinguishable == nil || *c.Distinguishable != tc.want || c.Leader != "AAA" {
			t.Errorf("%s: leader %q distinguishable %v, want AAA %v", tc.name, c.Leader, c.Distinguishable, tc.want)
		}
	}

	tie := memData{"rating": {ob("rating", "AAA", 2020, 3), ob("rating", "BBB", 2020, 3)}}
	c, _ = Compare(tie, rating, []string{"AAA", "BBB"}, CompareOptions{})
	if c.Leader != "" || !c.Pairs[0].Tie {
		t.Errorf("a tie has leader %q", c.Leader)
	}
}

func TestGroupAggregate(t *testing.T) {
	d := memData{"press": {ob("press", "AAA", 2025, 10), ob("press", "BBB", 2025, 40), ob("press", "CCC", 2025, 20), ob("press", "ZZZ", 2025, 99)}}
	a, err := GroupAggregate(d, press, "g", []string{"AAA", "BBB", "CCC", "DDD"}, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if a.N != 3 || a.Of != 4 || a.Median != 20 || !near(a.Mean, 70.0/3) || a.Best != "BBB" || a.Worst != "AAA" || len(a.Missing) != 1 || a.Missing[0] != "DDD" {
		t.Errorf("aggregate = %+v", a)
	}
}

// TestCompareStandardErrorInterval: CPI publishes a standard error, and
// its 90% interval is the score ± 1.645 SE. Kazakhstan 38 (SE 3.53) and
// Uzbekistan 31 (SE 2.0, invented): [32.2, 43.8] and [27.7, 34.3]
// overlap, so not distinguishable; Estonia 76 (SE 1.07) against
// Kazakhstan: [74.2, 77.8] is disjoint from [32.2, 43.8].
func TestCompareStandardErrorInterval(t *testing.T) {
	cpi, err := Lookup("ti-cpi")
	if err != nil {
		t.Fatal(err)
	}
	if z := cpi.Uncertain.StdErrZ(); z != 1.645 {
		t.Fatalf("ti-cpi z = %v, want 1.645", z)
	}
	with := func(iso string, v, se float64) Observation {
		o := ob("ti-cpi", iso, 2025, v)
		o.StdErr = se
		return o
	}
	for _, tc := range []struct {
		a, b Observation
		want bool
	}{
		{with("KAZ", 38, 3.53), with("UZB", 31, 2.0), false},
		{with("EST", 76, 1.07), with("KAZ", 38, 3.53), true},
	} {
		c, err := Compare(memData{"ti-cpi": {tc.a, tc.b}}, cpi, []string{tc.a.ISO3, tc.b.ISO3}, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Distinguishable == nil || *c.Distinguishable != tc.want || c.Leader != tc.a.ISO3 {
			t.Errorf("%s vs %s: leader %q distinguishable %v, want %s %v", tc.a.ISO3, tc.b.ISO3, c.Leader, c.Distinguishable, tc.a.ISO3, tc.want)
		}
	}
	// An indicator whose standard error has no stated level (V-Dem, an
	// import) gets no verdict from it.
	plain := Indicator{ID: "plain", Segments: cpi.Segments, Uncertain: Uncertainty{StdErr: true}}
	c, _ := Compare(memData{"plain": {with("EST", 76, 1.07), with("KAZ", 38, 3.53)}}, plain, []string{"EST", "KAZ"}, CompareOptions{})
	if c.Distinguishable != nil {
		t.Errorf("a standard error without a level gave a verdict: %v", *c.Distinguishable)
	}
}

// TestPublishedValue: RSF's files give 2013–2021 scores as 100 − the
// published score; the published one is carried beside it.
func TestPublishedValue(t *testing.T) {
	rsf, err := Lookup("rsf")
	if err != nil {
		t.Fatal(err)
	}
	kaz2013 := ob("rsf", "KAZ", 2013, 44.92)
	if v, ok := rsf.PublishedValue(kaz2013); !ok || v != 55.08 {
		t.Errorf("KAZ 2013 published %v %v, want 55.08", v, ok)
	}
	if got, want := rsf.PublishedNote(ob("rsf", "KAZ", 2015, 46.54)), "RSF's 2015 report published 53.46 on its 2013–2021 scale (lower is better); its current files give 46.54"; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	for _, o := range []Observation{ob("rsf", "KAZ", 2012, 38.33), ob("rsf", "KAZ", 2022, 48.59), ob("rsf", "KAZ", 2026, 34.41)} {
		if v, ok := rsf.PublishedValue(o); ok || rsf.PublishedNote(o) != "" {
			t.Errorf("%d: published %v, want none: the file's figure is RSF's own", o.Year, v)
		}
	}
}

// TestChangeCarriesBothFields: a rank change keeps the field size of each
// year, and the percentile change compares the positions within them.
func TestChangeCarriesBothFields(t *testing.T) {
	var obs []Observation
	for _, x := range []struct {
		year, rank, of int
		v              float64
	}{{2014, 73, 99, 0.45}, {2024, 83, 142, 0.49}} {
		o := ob("law", "UZB", x.year, x.v)
		o.Rank, o.RankOf = x.rank, x.of
		obs = append(obs, o)
	}
	law := Indicator{ID: "law", Segments: []Segment{{From: 2013, Scale: Scale{Min: 0, Max: 1}, Direction: HigherIsBetter}}}
	// Since 2010 is before the first edition, not before a break: the
	// change is taken from the first year with a figure.
	c, err := Compare(memData{"law": obs}, law, []string{"UZB"}, CompareOptions{Year: 2024, Since: 2010})
	if err != nil {
		t.Fatal(err)
	}
	ch := c.Changes[0]
	if ch.Reason != "" || ch.From != 2014 || !ch.HasRank || ch.RankChange != -10 {
		t.Fatalf("change %+v; want from 2014, 10 places down", ch)
	}
	if ch.Rank != 83 || ch.RankOf != 142 || ch.SinceRank != 73 || ch.SinceRankOf != 99 || !ch.FieldChanged() {
		t.Errorf("ranks %d/%d from %d/%d; want 83/142 from 73/99, a changed field", ch.Rank, ch.RankOf, ch.SinceRank, ch.SinceRankOf)
	}
	// 100·(142−83)/142 − 100·(99−73)/99 = 41.549 − 26.263 = 15.286.
	if got := ch.PercentileChange(); math.Abs(got-15.286) > 0.001 {
		t.Errorf("percentile change %.3f; want 15.286", got)
	}
}
