package countries

import (
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// GroupNames returns the names Group accepts, in display order.
func GroupNames() []string {
	return []string{"post-soviet", "central-asia", "south-caucasus", "eastern-europe", "baltics", "all"}
}

// groupCodes returns the ISO3 codes of a named group; "all" has none listed
// because it is every entity of kind country.
func groupCodes(name string) ([]string, bool) {
	switch name {
	case "post-soviet":
		return []string{"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"}, true
	case "central-asia":
		return []string{"KAZ", "KGZ", "TJK", "TKM", "UZB"}, true
	case "south-caucasus":
		return []string{"ARM", "AZE", "GEO"}, true
	case "eastern-europe":
		return []string{"BLR", "MDA", "RUS", "UKR"}, true
	case "baltics":
		return []string{"EST", "LTU", "LVA"}, true
	case "all":
		return nil, true
	}
	return nil, false
}

// Group returns the members of a named group sorted by ISO3; "all" is every
// entity of kind country. Case, spaces and underscores in name are forgiven
// ("Central Asia"). An unknown name gives an *indicators.Error with code
// EInvalid that lists the valid groups.
func (r *Registry) Group(name string) ([]indicators.Country, error) {
	n := strings.ToLower(strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '\t' }), "-"))
	codes, ok := groupCodes(n)
	if !ok {
		e := indicators.Errorf(indicators.EInvalid, "unknown group %q: valid groups are %s", strings.TrimSpace(name), strings.Join(GroupNames(), ", "))
		e.Suggestions = GroupNames()
		return nil, e
	}
	if n == "all" {
		return r.Countries(), nil
	}
	out := make([]indicators.Country, len(codes))
	for i, code := range codes {
		c, ok := r.ByCode(code)
		if !ok {
			return nil, indicators.Errorf(indicators.EInternal, "group %s: %s is not in the registry", n, code)
		}
		out[i] = c
	}
	return out, nil
}
