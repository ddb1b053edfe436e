package datasets

import (
	"testing"

	"github.com/rankings-dev/rankings/datasets/countries"
)

// TestRegionShapes: every country of every group a map can show has a
// shape, and the region keeps the internationally recognised borders of
// the boundaries file.
func TestRegionShapes(t *testing.T) {
	r, err := EmbeddedRegion()
	if err != nil {
		t.Fatal(err)
	}
	if r.Credit == "" || r.SHA256 == "" {
		t.Errorf("the region file lacks its credit or its source's hash: %+v", r)
	}
	for _, g := range []string{"post-soviet", "central-asia", "south-caucasus", "eastern-europe", "baltics"} {
		ms, err := countries.Default().Group(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			s, ok := r.Shape(m.ISO3)
			if !ok || len(s.Polygons) == 0 {
				t.Errorf("group %s: %s has no shape", g, m.ISO3)
			}
		}
	}
	shape := func(code string) Shape {
		s, ok := r.Shape(code)
		if !ok {
			t.Fatalf("no shape for %s", code)
		}
		return s
	}
	ukr, rus, mda, geo, aze := shape("UKR"), shape("RUS"), shape("MDA"), shape("GEO"), shape("AZE")
	for _, c := range []struct {
		what     string
		lon, lat float64
		in       Shape
		notIn    []Shape
	}{
		{"Crimea (Simferopol)", 34.10, 44.95, ukr, []Shape{rus}},
		{"Crimea (Kerch)", 36.45, 45.35, ukr, []Shape{rus}},
		{"Crimea (Sevastopol)", 33.55, 44.58, ukr, []Shape{rus}},
		{"Eastern Donbas (Donetsk)", 37.80, 48.00, ukr, []Shape{rus}},
		{"Transnistria (Tiraspol)", 29.62, 46.84, mda, []Shape{ukr}},
		{"Abkhazia (Sukhumi)", 41.02, 43.00, geo, []Shape{rus}},
		{"South Ossetia (Tskhinvali)", 43.96, 42.23, geo, []Shape{rus}},
		{"Nagorno-Karabakh (Stepanakert)", 46.75, 39.82, aze, nil},
		{"Kaliningrad", 20.51, 54.71, rus, nil},
		{"Moscow", 37.62, 55.75, rus, []Shape{ukr}},
		{"Chukotka", 172.0, 67.0, rus, nil},
		{"Chukotka east of the antimeridian", -175.0, 66.0, rus, nil},
	} {
		if !c.in.Contains(c.lon, c.lat) {
			t.Errorf("%s does not lie in %s's shape", c.what, c.in.ISO3)
		}
		for _, s := range c.notIn {
			if s.Contains(c.lon, c.lat) {
				t.Errorf("%s lies in %s's shape", c.what, s.ISO3)
			}
		}
	}
}
