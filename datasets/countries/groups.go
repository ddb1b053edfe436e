package countries

import (
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// GroupAll is the group of every country. Where a ranking is listed
// (rankings rank, ranking charts) the group "all" stands for the whole
// field the source ranked that year, territories and historical states
// included: see internal/docs.BuildRank.
const GroupAll = "all"

// groups are the named groups in display order: the name users type, the
// title shown to readers and the members (nil for "all": every entity of
// kind country).
var groups = []struct {
	name, title string
	codes       []string
}{
	{"post-soviet", "post-Soviet states", []string{"ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"}},
	{"central-asia", "Central Asia", []string{"KAZ", "KGZ", "TJK", "TKM", "UZB"}},
	{"south-caucasus", "South Caucasus", []string{"ARM", "AZE", "GEO"}},
	{"eastern-europe", "Eastern Europe", []string{"BLR", "MDA", "RUS", "UKR"}},
	{"baltics", "Baltic states", []string{"EST", "LTU", "LVA"}},
	// The disputed and occupied territories of the region that a source
	// scores on its own (Freedom House): each is a territory of its own,
	// never part of the state that claims or holds it. XOU is Freedom
	// House's Russian-Occupied Territories of Ukraine (from the 2025
	// edition), which is neither Crimea nor Eastern Donbas.
	{"territories", "disputed and occupied territories", []string{"XAB", "XCR", "XDB", "XNK", "XOU", "XSO", "XTR"}},
	{GroupAll, "all countries", nil},
}

// GroupNames returns the names Group accepts, in display order.
func GroupNames() []string {
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = g.name
	}
	return out
}

// GroupTitle returns the words a group is shown to readers with
// ("post-Soviet states", "disputed and occupied territories"); a name that
// is not a group is returned as given.
func GroupTitle(name string) string {
	if id, err := GroupID(name); err == nil {
		for _, g := range groups {
			if g.name == id {
				return g.title
			}
		}
	}
	return name
}

// GroupID returns the name of the group name means. Case, spaces,
// underscores and hyphens are forgiven ("Central Asia"), and a group's
// title is accepted too ("Disputed and occupied territories"). An unknown
// name gives an *indicators.Error with code EInvalid that lists the valid
// groups.
func GroupID(name string) (string, error) {
	n := groupKey(name)
	for _, g := range groups {
		if n == g.name || n == groupKey(g.title) {
			return g.name, nil
		}
	}
	e := indicators.Errorf(indicators.EInvalid, "unknown group %q: valid groups are %s", strings.TrimSpace(name), strings.Join(GroupNames(), ", "))
	e.Suggestions = GroupNames()
	return "", e
}

func groupKey(name string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '\t' }), "-"))
}

// Group returns the members of a named group sorted by ISO3; "all" is every
// entity of kind country. Names are read as GroupID reads them; an unknown
// name gives an *indicators.Error with code EInvalid that lists the valid
// groups.
func (r *Registry) Group(name string) ([]indicators.Country, error) {
	id, err := GroupID(name)
	if err != nil {
		return nil, err
	}
	if id == GroupAll {
		return r.Countries(), nil
	}
	var codes []string
	for _, g := range groups {
		if g.name == id {
			codes = g.codes
		}
	}
	out := make([]indicators.Country, len(codes))
	for i, code := range codes {
		c, ok := r.ByCode(code)
		if !ok {
			return nil, indicators.Errorf(indicators.EInternal, "group %s: %s is not in the registry", id, code)
		}
		out[i] = c
	}
	return out, nil
}
