package importers

import (
	"fmt"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/indicators"
)

// builtinStatus is what a built-in indicator's status may be.
type builtinStatus struct {
	codes   []string // the categories (F, PF, NF); none when the indicator has no statuses
	meaning string   // the catalog's text, "F = Free, PF = Partly Free, NF = Not Free"
}

// builtinStatuses maps every built-in indicator id to its statuses.
var builtinStatuses = sync.OnceValue(func() map[string]builtinStatus {
	m := map[string]builtinStatus{}
	for _, ind := range indicators.Catalog() {
		m[ind.ID] = builtinStatus{codes: statusCodes(ind.Status), meaning: ind.Status}
	}
	return m
})

// statusCodes reads the categories of an indicator's status text, a list
// of "CODE = meaning" pairs separated by commas: "F = Free, PF = Partly
// Free, NF = Not Free" gives F, PF and NF. An empty text gives none.
func statusCodes(text string) []string {
	var codes []string
	for _, part := range strings.Split(text, ",") {
		code, _, ok := strings.Cut(part, "=")
		if code = strings.TrimSpace(code); ok && code != "" {
			codes = append(codes, code)
		}
	}
	return codes
}

// statusError checks the status of a user's row of indicator id (status
// trimmed): a built-in indicator's status must be one of its categories,
// exactly as written there, or empty; an indicator without categories takes
// no status. The statuses of the user's own indicators are free text. It
// returns the reason for the cell's error, or nil.
func statusError(id, status string) error {
	if status == "" {
		return nil
	}
	st, builtin := builtinStatuses()[id]
	switch {
	case !builtin:
		return nil
	case len(st.codes) == 0:
		return fmt.Errorf("is a status, but %s has no statuses: leave the cell empty", id)
	}
	for _, c := range st.codes {
		if status == c {
			return nil
		}
	}
	return fmt.Errorf("is not a status of %s: write one of %s (%s), or leave the cell empty", id, strings.Join(st.codes, ", "), st.meaning)
}
