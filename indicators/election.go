package indicators

// Assessment is the coded ODIHR verdict on an election.
type Assessment string

// The assessment codes, from best to worst, then the two without a verdict.
const (
	Met         Assessment = "met"
	MostlyMet   Assessment = "mostly_met"
	PartlyMet   Assessment = "partly_met"
	NotMet      Assessment = "not_met"
	NotObserved Assessment = "not_observed"
	Unknown     Assessment = "unknown"
)

// Assessments lists every assessment code in display order.
var Assessments = []Assessment{Met, MostlyMet, PartlyMet, NotMet, NotObserved, Unknown}

// Score returns the 0–3 score of an assessment, and false for those that
// carry no verdict (not observed, unknown).
func (a Assessment) Score() (int, bool) {
	switch a {
	case Met:
		return 3, true
	case MostlyMet:
		return 2, true
	case PartlyMet:
		return 1, true
	case NotMet:
		return 0, true
	}
	return 0, false
}

// Label returns the assessment in words.
func (a Assessment) Label() string {
	switch a {
	case Met:
		return "met commitments"
	case MostlyMet:
		return "mostly met"
	case PartlyMet:
		return "partly met"
	case NotMet:
		return "not met"
	case NotObserved:
		return "not observed"
	case Unknown:
		return "unknown"
	}
	return string(a)
}

// Valid reports whether a is one of the known codes.
func (a Assessment) Valid() bool {
	for _, x := range Assessments {
		if a == x {
			return true
		}
	}
	return false
}

// Election is one national election and ODIHR's assessment of it.
type Election struct {
	ISO3       string
	Date       string // YYYY-MM-DD
	Type       string // presidential, parliamentary, referendum, presidential_runoff, parliamentary_runoff
	Mission    string // EOM, LEOM, EAM, NAM_only, none, unknown
	Assessment Assessment
	Summary    string
	SourceURL  string
}

// Year returns the election's calendar year.
func (e Election) Year() int {
	y := 0
	for _, c := range e.Date[:4] {
		y = y*10 + int(c-'0')
	}
	return y
}
