package docs

import (
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
)

func TestIndicatorDetailCoverage(t *testing.T) {
	doc, err := BuildIndicatorDetail(datasets.Embedded(), "rsf")
	if err != nil {
		t.Fatal(err)
	}
	c := doc.Coverage
	if c.From == nil || *c.From != 2002 || *c.To < 2026 {
		t.Fatalf("coverage %v–%v, want 2002–2026 or later", c.From, c.To)
	}
	for _, y := range c.Years {
		if y.Year == 2011 {
			t.Error("RSF published no 2011 edition, but the coverage has one")
		}
	}
	kaz, ok := c.Entity("KAZ")
	if !ok || kaz.From != 2002 || !strings.HasPrefix(kaz.Years, "2002–2010, 2012–") {
		t.Errorf("KAZ coverage %+v", kaz)
	}
	if first := c.Entities[0].Name; first != "Afghanistan" {
		t.Errorf("entities are not sorted by name: %s first", first)
	}
	if doc.Source == nil || doc.Source.Citation == "" {
		t.Error("no source with a citation")
	}
	runs, n := c.Runs(), 0
	for _, r := range runs {
		n += r.To - r.From + 1
	}
	if n != len(c.Years) {
		t.Errorf("runs cover %d years, coverage has %d", n, len(c.Years))
	}
}

func TestIndicatorDetailOfElections(t *testing.T) {
	doc, err := BuildIndicatorDetail(datasets.Embedded(), "odihr")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Coverage.Entities) != 15 {
		t.Errorf("%d countries with elections, want the 15 post-Soviet states", len(doc.Coverage.Entities))
	}
}
