package indicators

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
	Name string
	Kind Kind
}
