package countries

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rankings-dev/rankings/indicators"
)

//go:embed countries.csv
var countriesCSV []byte

// Registry holds the entities of countries.csv and the indexes to find them.
// It is read-only after parsing and safe for concurrent use.
type Registry struct {
	all   []indicators.Country // sorted by ISO3
	codes []codeEntry          // ISO3, ISO2 and alternative codes (upper case), sorted
	keys  []keyEntry           // normalized codes, names and aliases, sorted
	names []form               // names and aliases, for suggestions
	rules []rule               // source quirks for Map
}

// form is one normalized name or alias of the entity all[idx].
type form struct {
	key string
	idx int
}

// codeEntry is a code of the entity all[idx].
type codeEntry struct {
	code string
	idx  int
}

// keyEntry is a normalized code, name or alias of the entities all[idx...].
type keyEntry struct {
	key string
	idx []int
}

// byCode returns the index in all of the entity with the code.
func (r *Registry) byCode(code string) (int, bool) {
	i, ok := slices.BinarySearchFunc(r.codes, code, func(e codeEntry, c string) int { return strings.Compare(e.code, c) })
	if !ok {
		return 0, false
	}
	return r.codes[i].idx, true
}

// byKey returns the indexes in all of the entities a normalized form names.
func (r *Registry) byKey(key string) []int {
	i, ok := slices.BinarySearchFunc(r.keys, key, func(e keyEntry, k string) int { return strings.Compare(e.key, k) })
	if !ok {
		return nil
	}
	return r.keys[i].idx
}

var defaultRegistry = sync.OnceValue(func() *Registry {
	return &Registry{all: tableAll, codes: tableCodes, keys: tableKeys, names: tableNames, rules: sourceRules()}
})

// Default returns the registry of the embedded countries.csv. Nothing is
// parsed: registry_table.go holds it parsed, as Go values the linker lays
// out, and TestRegistryTable checks that it is what countries.csv parses to
// (go generate ./datasets/countries rewrites it).
func Default() *Registry { return defaultRegistry() }

// csvHeader is the header row of countries.csv.
const csvHeader = "iso3,iso2,name,name_ru,kind,aliases"

// parse reads a registry in the countries.csv format.
func parse(data []byte) (*Registry, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = 6
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if strings.Join(header, ",") != csvHeader {
		return nil, fmt.Errorf("header is %q, want %s", strings.Join(header, ","), csvHeader)
	}
	r := &Registry{rules: sourceRules()}
	byCode, byKey := map[string]int{}, map[string][]int{}
	addKey := func(key string, idx int) {
		if !slices.Contains(byKey[key], idx) {
			byKey[key] = append(byKey[key], idx)
		}
	}
	var aliases [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		c := indicators.Country{ISO3: rec[0], ISO2: rec[1], Name: strings.TrimSpace(rec[2]), NameRU: strings.TrimSpace(rec[3]), Kind: indicators.Kind(rec[4])}
		switch {
		case !isCode(c.ISO3, 3):
			return nil, fmt.Errorf("line %d: iso3 %q is not three upper-case letters", line, c.ISO3)
		case c.ISO2 != "" && !isCode(c.ISO2, 2):
			return nil, fmt.Errorf("line %d: iso2 %q is not two upper-case letters", line, c.ISO2)
		case c.Name == "" || normalize(c.Name) == "":
			return nil, fmt.Errorf("line %d: %s has no name", line, c.ISO3)
		case c.NameRU == "" || normalize(c.NameRU) == "":
			return nil, fmt.Errorf("line %d: %s has no Russian name", line, c.ISO3)
		case c.Kind != indicators.KindCountry && c.Kind != indicators.KindTerritory && c.Kind != indicators.KindHistorical:
			return nil, fmt.Errorf("line %d: %s has unknown kind %q", line, c.ISO3, c.Kind)
		case len(r.all) > 0 && r.all[len(r.all)-1].ISO3 >= c.ISO3:
			return nil, fmt.Errorf("line %d: %s is out of ISO3 order or repeated", line, c.ISO3)
		}
		var as []string
		for _, a := range strings.Split(rec[5], "|") {
			if a = strings.TrimSpace(a); a != "" {
				as = append(as, a)
			}
		}
		r.all = append(r.all, c)
		aliases = append(aliases, as)
	}
	for i, c := range r.all {
		codes := []string{c.ISO3, c.ISO2}
		for _, a := range aliases[i] {
			if isCode(a, 3) && a != c.ISO3 {
				codes = append(codes, a)
			}
		}
		for _, code := range codes {
			if code == "" {
				continue
			}
			if j, dup := byCode[code]; dup {
				return nil, fmt.Errorf("code %s belongs to both %s and %s", code, r.all[j].ISO3, c.ISO3)
			}
			byCode[code] = i
			addKey(normalize(code), i)
		}
		for _, name := range append([]string{c.Name, c.NameRU}, aliases[i]...) {
			key := normalize(name)
			if key == "" {
				return nil, fmt.Errorf("%s: alias %q has no letters", c.ISO3, name)
			}
			if !isCode(name, 3) {
				r.names = append(r.names, form{key, i})
			}
			addKey(key, i)
		}
	}
	for code, i := range byCode {
		r.codes = append(r.codes, codeEntry{code, i})
	}
	slices.SortFunc(r.codes, func(a, b codeEntry) int { return strings.Compare(a.code, b.code) })
	for key, idx := range byKey {
		r.keys = append(r.keys, keyEntry{key, idx})
	}
	slices.SortFunc(r.keys, func(a, b keyEntry) int { return strings.Compare(a.key, b.key) })
	return r, nil
}

// isCode reports whether s is n upper-case ASCII letters.
func isCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, b := range []byte(s) {
		if b < 'A' || b > 'Z' {
			return false
		}
	}
	return true
}

// All returns every entity (countries, territories, historical states),
// sorted by ISO3.
func (r *Registry) All() []indicators.Country { return slices.Clone(r.all) }

// Countries returns the entities of kind country, sorted by ISO3.
func (r *Registry) Countries() []indicators.Country {
	var out []indicators.Country
	for _, c := range r.all {
		if c.Kind == indicators.KindCountry {
			out = append(out, c)
		}
	}
	return out
}

// ByCode finds an entity by its ISO3 code, ISO2 code or a listed alternative
// code (ROM, ZAR, TMP, KSV, ADO, WBG …), ignoring case and surrounding space.
func (r *Registry) ByCode(code string) (indicators.Country, bool) {
	i, ok := r.byCode(strings.ToUpper(strings.TrimSpace(code)))
	if !ok {
		return indicators.Country{}, false
	}
	return r.all[i], true
}

// Resolve finds the entity a user means by a code, name or alias. It ignores
// case, surrounding space, punctuation and diacritics, and otherwise matches
// exactly. An unknown input gives an *indicators.Error with code ENotFound
// whose Suggestions are up to three nearest names; an input that names
// several entities ("Congo", "Korea") gives one with code EInvalid whose
// Suggestions are their ISO3 codes. Resolve may return territories and
// historical entities.
func (r *Registry) Resolve(input string) (indicators.Country, error) {
	in := strings.TrimSpace(input)
	key := normalize(in)
	if key == "" {
		return indicators.Country{}, indicators.Errorf(indicators.EInvalid, "empty country name %q: give a name or an ISO code", input)
	}
	switch idx := r.byKey(key); len(idx) {
	case 1:
		return r.all[idx[0]], nil
	case 0:
		return indicators.Country{}, r.unknown(in, key)
	default:
		cs := make([]indicators.Country, len(idx))
		for i, j := range idx {
			cs[i] = r.all[j]
		}
		slices.SortFunc(cs, func(a, b indicators.Country) int { return strings.Compare(a.Name, b.Name) })
		labels := make([]string, len(cs))
		e := &indicators.Error{Code: indicators.EInvalid}
		for i, c := range cs {
			labels[i] = fmt.Sprintf("%s (%s)", c.Name, c.ISO3)
			e.Suggestions = append(e.Suggestions, c.ISO3)
		}
		e.Msg = fmt.Sprintf("ambiguous country %q: %s — use one of these", in, orList(labels))
		return indicators.Country{}, e
	}
}

// unknown builds the ENotFound error for in, suggesting up to three names
// within a few typos of it, or starting with it.
func (r *Registry) unknown(in, key string) error {
	n := utf8.RuneCountInString(key)
	limit := maxTypos(n)
	best := map[int]int{} // entity index → best score
	for _, f := range r.names {
		score := -1
		if d := utf8.RuneCountInString(f.key) - n; d <= limit && -d <= limit {
			if d = indicators.EditDistance(key, f.key); d <= limit {
				score = d
			}
		}
		if score < 0 && n >= 3 && strings.HasPrefix(f.key, key) {
			score = limit + 1
		}
		if s, seen := best[f.idx]; score >= 0 && (!seen || score < s) {
			best[f.idx] = score
		}
	}
	idx := make([]int, 0, len(best))
	for i := range best {
		idx = append(idx, i)
	}
	slices.SortFunc(idx, func(a, b int) int {
		if best[a] != best[b] {
			return best[a] - best[b]
		}
		return strings.Compare(r.all[a].Name, r.all[b].Name)
	})
	e := &indicators.Error{Code: indicators.ENotFound}
	for _, i := range idx[:min(3, len(idx))] {
		e.Suggestions = append(e.Suggestions, r.all[i].Name)
	}
	if len(e.Suggestions) == 0 {
		e.Msg = fmt.Sprintf("unknown country %q — run \"rankings countries\" for the list", in)
	} else {
		e.Msg = fmt.Sprintf("unknown country %q — did you mean %s?", in, orList(e.Suggestions))
	}
	return e
}

// orList joins items as "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// ResolveAll resolves every input and rejects two inputs that name the same
// entity ("kaz" and "Kazakhstan"). It returns the first error.
func (r *Registry) ResolveAll(inputs []string) ([]indicators.Country, error) {
	out := make([]indicators.Country, 0, len(inputs))
	seen := map[string]string{} // ISO3 → input
	for _, in := range inputs {
		c, err := r.Resolve(in)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[c.ISO3]; dup {
			return nil, indicators.Errorf(indicators.EInvalid, "%q and %q both name %s (%s): give each country once",
				strings.TrimSpace(prev), strings.TrimSpace(in), c.Name, c.ISO3)
		}
		seen[c.ISO3] = in
		out = append(out, c)
	}
	return out, nil
}
