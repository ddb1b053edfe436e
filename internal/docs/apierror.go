package docs

// ErrorDocument is the body of every error response of the web API (HTTP
// 400 for a request the user can fix, 404 for an address that names
// nothing): what was wrong in one sentence, which parameter held it and the
// nearest valid values. The CLI prints the same message as one line on
// stderr and exits with code 2.
type ErrorDocument struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what was wrong with a request.
type ErrorDetail struct {
	// Code is "invalid" (a value that cannot be used), "not_found" (a
	// value that names nothing the data has, or an address that serves
	// nothing) or "internal" (a fault of the service, HTTP 500).
	Code string `json:"code"`
	// Message says in one sentence what was wrong and how to fix it, e.g.
	// "unknown country \"kazakstn\" — did you mean Kazakhstan?".
	Message string `json:"message"`
	// Param is the query parameter (or path part) that held the bad
	// value; absent when no single parameter did.
	Param string `json:"param,omitempty"`
	// Value is the bad value as given; absent when it was empty.
	Value string `json:"value,omitempty"`
	// Suggestions are the nearest valid values; absent when there are
	// none.
	Suggestions []string `json:"suggestions,omitempty"`
}
