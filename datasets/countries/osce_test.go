package countries

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/rankings-dev/rankings/indicators"
)

func TestOSCEParticipants(t *testing.T) {
	ps := OSCEParticipants()
	if len(ps) != 57 {
		t.Fatalf("%d OSCE participating States, want 57", len(ps))
	}
	if !slices.IsSorted(ps) {
		t.Error("OSCEParticipants is not sorted, so OSCEParticipant's binary search fails")
	}
	r := Default()
	for _, code := range ps {
		if c, ok := r.ByCode(code); !ok || c.Kind != indicators.KindCountry {
			t.Errorf("%s is not a country of the registry", code)
		}
	}
	for code, want := range map[string]bool{"MNG": true, "KAZ": true, "VAT": true, "USA": true, "CHN": false, "XCR": false, "ISR": false} {
		if got := OSCEParticipant(code); got != want {
			t.Errorf("OSCEParticipant(%s) = %v, want %v", code, got, want)
		}
	}
}

func TestSortByNameIsByNameNotCode(t *testing.T) {
	r := Default()
	var cs []indicators.Country
	for _, code := range []string{"ZWE", "CIV", "TUR", "CRI", "ALA", "AFG"} {
		c, ok := r.ByCode(code)
		if !ok {
			t.Fatalf("%s not in the registry", code)
		}
		cs = append(cs, c)
	}
	SortByName(cs, language.English)
	var got []string
	for _, c := range cs {
		got = append(got, c.Name)
	}
	want := []string{"Afghanistan", "Åland Islands", "Costa Rica", "Côte d'Ivoire", "Turkey", "Zimbabwe"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}
