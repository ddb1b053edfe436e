package countries

import "slices"

// osceParticipants are the 57 participating States of the Organization for
// Security and Co-operation in Europe, by ISO3 and sorted: the states whose
// elections OSCE/ODIHR may observe. Mongolia joined last, in 2012. A
// territory is never one of them, whatever state claims or holds it.
var osceParticipants = []string{
	"ALB", "AND", "ARM", "AUT", "AZE", "BEL", "BGR", "BIH", "BLR", "CAN",
	"CHE", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR",
	"GEO", "GRC", "HRV", "HUN", "IRL", "ISL", "ITA", "KAZ", "KGZ", "LIE",
	"LTU", "LUX", "LVA", "MCO", "MDA", "MKD", "MLT", "MNE", "MNG", "NLD",
	"NOR", "POL", "PRT", "ROU", "RUS", "SMR", "SRB", "SVK", "SVN", "SWE",
	"TJK", "TKM", "TUR", "UKR", "USA", "UZB", "VAT",
}

// OSCEParticipant reports whether iso3 is an OSCE participating State (the
// Holy See counts as VAT). ODIHR observes elections only in these states.
func OSCEParticipant(iso3 string) bool {
	_, ok := slices.BinarySearch(osceParticipants, iso3)
	return ok
}

// OSCEParticipants returns the ISO3 codes of the 57 OSCE participating
// States, sorted.
func OSCEParticipants() []string { return slices.Clone(osceParticipants) }
