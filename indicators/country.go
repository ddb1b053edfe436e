package indicators

import "golang.org/x/text/language"

// Kind classifies the entities in the country registry.
type Kind string

const (
	// KindCountry is a state with an ISO 3166-1 code.
	KindCountry Kind = "country"
	// KindTerritory is a territory or disputed area a source scores on its
	// own (Crimea, Abkhazia, Hong Kong …).
	KindTerritory Kind = "territory"
	// KindHistorical is an entity that no longer exists (Soviet Union,
	// Yugoslavia, Serbia and Montenegro …). It is never its successor.
	KindHistorical Kind = "historical"
)

// Country is an entity of the registry: a country, territory or historical
// state, keyed by an ISO 3166-1 alpha-3 code (former codes for historical
// states, codes from the user-assigned X range for entities ISO does not
// code).
type Country struct {
	ISO3 string
	ISO2 string
	// Name is the English name, the one the project shows by default.
	Name string
	// NameRU is the Russian name ("Казахстан", "Кыргызстан", "Молдова"):
	// the standard short form, as the state itself and the UN write it in
	// Russian. Every entity of the registry has one; a Country built by
	// hand may leave it empty.
	NameRU string
	Kind   Kind
}

// DisplayName returns the entity's name in lang: the Russian name for
// Russian (any region: ru, ru-RU, ru-KZ …), the English name otherwise or
// when no Russian name is set.
func (c Country) DisplayName(lang language.Tag) string {
	if base, _ := lang.Base(); base.String() == "ru" && c.NameRU != "" {
		return c.NameRU
	}
	return c.Name
}
