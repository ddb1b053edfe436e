package countries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// Mapping is where Map puts one source row's entity.
type Mapping struct {
	ISO3     string // "" when the entity is deliberately not mapped
	Unmapped string // reason, when ISO3 == "" (a known unmapped entity, e.g. RSF's "Israel (outside Israeli territory)", "OECS"); listed by the generator, never silently dropped
	Note     string // optional note for the row (e.g. "RSF ranked Israel's own territory separately")
}

// sources returns the source names Map accepts.
func sources() []string {
	return []string{"rsf", "wgi", "wjp", "fh-fiw", "fh-ratings", "fh-fotp", "vdem", "cpi", "odihr"}
}

// rule is a source quirk: rows of source whose code (if set) and normalized
// name (if set) match, in years from–to (0 = open), map to iso3 or are known
// unmapped.
type rule struct {
	source, code, name string
	from, to           int
	iso3, unmapped     string
	note               string
}

func (ru rule) matches(source, code, key string, year int) bool {
	return ru.source == source &&
		(ru.code == "" || ru.code == code) &&
		(ru.name == "" || normalize(ru.name) == key) &&
		(ru.from == 0 || year >= ru.from) &&
		(ru.to == 0 || year <= ru.to)
}

// sourceRules lists every row Map does not settle by code or name alone.
func sourceRules() []rule {
	const (
		notCountry = "RSF scored a government's conduct outside its own territory, not a country"
		fry        = "the Federal Republic of Yugoslavia (1992–2003), renamed Serbia and Montenegro in 2003"
	)
	return []rule{
		{source: "rsf", code: "ISR1", iso3: "ISR", note: "RSF ranked Israel's own territory separately (2003–2012)"},
		{source: "rsf", code: "ISR2", unmapped: "Israel (outside Israeli territory): " + notCountry},
		{source: "rsf", code: "ISR3", unmapped: "Israel (occupied territories): " + notCountry},
		{source: "rsf", code: "USA2", iso3: "USA", note: "RSF ranked the United States' own territory separately (2003–2012)"},
		{source: "rsf", code: "USA1", unmapped: "United States (outside US territory): " + notCountry},
		{source: "rsf", code: "USA_I", unmapped: "United States (in Iraq): " + notCountry},
		{source: "rsf", code: "CSS", unmapped: "OECS, the Organisation of Eastern Caribbean States: a regional organisation RSF ranks as one entry"},
		{source: "rsf", code: "XCD", unmapped: "OECS, the Organisation of Eastern Caribbean States: a regional organisation RSF ranks as one entry"},
		{source: "rsf", code: "YUG", iso3: "SCG", note: "RSF's YUG row is " + fry},
		{source: "rsf", code: "MAR", name: "Morocco / Western Sahara", iso3: "MAR", note: "RSF's label since 2023; scored as Morocco"},
		{source: "rsf", code: "CTU", name: "Northern Cyprus (Occupied)", iso3: "XNC"},

		{source: "vdem", code: "RUS", to: 1990, iso3: "SUN", note: "V-Dem codes the Soviet Union as Russia up to 1990"},
		{source: "vdem", code: "SRB", to: 1991, iso3: "YUG", note: "V-Dem codes Yugoslavia as Serbia up to 1991"},
		{source: "vdem", code: "SRB", from: 1992, to: 2005, iso3: "SCG", note: "V-Dem codes the FRY/Serbia and Montenegro as Serbia 1992–2005 (and Montenegro on its own from 1998)"},
		{source: "vdem", code: "CZE", to: 1992, iso3: "CSK", note: "V-Dem codes Czechoslovakia as Czechia up to 1992"},
		{source: "vdem", code: "DEU", to: 1989, iso3: "XWG", note: "V-Dem codes West Germany as Germany up to 1989"},
		{source: "vdem", code: "YEM", to: 1989, iso3: "XNY", note: "V-Dem codes North Yemen as Yemen up to 1989"},
		{source: "vdem", code: "VNM", to: 1975, iso3: "VDR", note: "V-Dem codes North Vietnam as Vietnam up to 1975"},
		{source: "vdem", code: "VDR", iso3: "XRV", note: "V-Dem's own code VDR is South Vietnam; in ISO 3166-3 VDR is North Vietnam"},
		{source: "vdem", code: "PSE", iso3: "XWB", note: "V-Dem's Palestine/West Bank; Gaza is coded separately (PSG) from 2007"},
		{source: "vdem", code: "PSG", iso3: "XGZ"},
		{source: "vdem", code: "SML", iso3: "XSL"},
		{source: "vdem", code: "ZZB", iso3: "XZN"},

		{source: "fh-fiw", name: "Russian-Occupied Territories of Ukraine", iso3: "XOU", note: "from edition 2025 Freedom House rates the Russian-occupied territories of Ukraine as one territory; up to edition 2024 it rated Crimea and Eastern Donbas separately, and their figures are not merged into this one"},
		{source: "fh-ratings", name: "Yugoslavia", from: 1993, to: 2003, iso3: "SCG", note: "Freedom House's Yugoslavia row of the 1992-93 to 2003 editions (covering 1992–2002) is " + fry},
		{source: "fh-fotp", name: "Israeli-Occupied Territories and Palestinian Authority", iso3: "PSE", note: "FOTP's name for the West Bank and Gaza Strip until the 2011 edition"},
	}
}

// Map maps one source row's entity to the registry, for the data generator.
// source is one of "rsf", "wgi", "wjp", "fh-fiw", "fh-ratings", "fh-fotp", "vdem", "cpi", "odihr"; code is the source's own code ("" if it has
// none), name its name and year the row's year (the year the data describe;
// V-Dem rows need it, see the package policy). A row maps to exactly one
// entity or is a known unmapped one (Mapping.Unmapped says why). An entity
// Map does not know, or a code whose name does not fit it, is an error, so a
// new source row is never dropped silently.
func (r *Registry) Map(source, code, name string, year int) (Mapping, error) {
	if !slices.Contains(sources(), source) {
		return Mapping{}, indicators.Errorf(indicators.EInvalid, "countries: unknown source %q (want one of %s)", source, strings.Join(sources(), ", "))
	}
	code, name = strings.ToUpper(strings.TrimSpace(code)), strings.TrimSpace(name)
	if source == "vdem" && year <= 0 {
		return Mapping{}, indicators.Errorf(indicators.EInvalid, "countries: vdem row %s %q needs a year", code, name)
	}
	key := normalize(name)
	for _, ru := range r.rules {
		if ru.matches(source, code, key, year) {
			return Mapping{ISO3: ru.iso3, Unmapped: ru.unmapped, Note: ru.note}, nil
		}
	}
	switch {
	case code != "":
		c, ok := r.ByCode(code)
		if !ok {
			return Mapping{}, indicators.Errorf(indicators.ENotFound, "countries: %s code %q (%q, %d) is not in the registry", source, code, name, year)
		}
		if name != "" && !slices.ContainsFunc(r.byKey(key), func(i int) bool { return r.all[i].ISO3 == c.ISO3 }) {
			return Mapping{}, indicators.Errorf(indicators.ENotFound, "countries: %s code %s is %s (%s) but its name %q is not a name of it", source, code, c.Name, c.ISO3, name)
		}
		return Mapping{ISO3: c.ISO3}, nil
	case name != "":
		c, err := r.Resolve(name)
		if err != nil {
			return Mapping{}, fmt.Errorf("countries: %s row %q (%d): %w", source, name, year, err)
		}
		return Mapping{ISO3: c.ISO3}, nil
	}
	return Mapping{}, indicators.Errorf(indicators.EInvalid, "countries: %s row of %d has neither code nor name", source, year)
}
