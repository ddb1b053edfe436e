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
	// SourceKind says what the page at SourceURL is (SourceODIHR,
	// SourceOSCEPA, SourceMirror, SourceSecondary); "" when a user's table
	// does not say.
	SourceKind SourceKind
}

// Year returns the election's calendar year.
func (e Election) Year() int {
	y := 0
	for _, c := range e.Date[:4] {
		y = y*10 + int(c-'0')
	}
	return y
}

// SourceKind says what kind of page an election's coding rests on: ODIHR's
// own text, or something one step removed from it.
type SourceKind string

// The source kinds of the ODIHR table, most direct first.
const (
	// SourceODIHR is an OSCE/ODIHR page on osce.org.
	SourceODIHR SourceKind = "odihr"
	// SourceOSCEPA is a page of the OSCE Parliamentary Assembly.
	SourceOSCEPA SourceKind = "osce_pa"
	// SourceMirror is a copy of an ODIHR or OSCE document on another site.
	SourceMirror SourceKind = "mirror"
	// SourceSecondary is a news, reference or academic account of the
	// assessment: a secondary source.
	SourceSecondary SourceKind = "secondary"
)

// SourceKinds lists every source kind in display order.
var SourceKinds = []SourceKind{SourceODIHR, SourceOSCEPA, SourceMirror, SourceSecondary}

// Valid reports whether k is one of the known kinds.
func (k SourceKind) Valid() bool {
	for _, x := range SourceKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Label says in words what the source is, as it is printed next to the
// source's link: "ODIHR's own page", "secondary source: news, reference or
// academic account".
func (k SourceKind) Label() string {
	switch k {
	case SourceODIHR:
		return "ODIHR's own page"
	case SourceOSCEPA:
		return "OSCE Parliamentary Assembly page"
	case SourceMirror:
		return "copy of an OSCE document on another site"
	case SourceSecondary:
		return "secondary source: news, reference or academic account"
	case "":
		return "source kind not stated"
	}
	return string(k)
}

// Primary reports whether the page is the OSCE's own (ODIHR or the OSCE
// Parliamentary Assembly), not a copy or an account of it.
func (k SourceKind) Primary() bool { return k == SourceODIHR || k == SourceOSCEPA }
