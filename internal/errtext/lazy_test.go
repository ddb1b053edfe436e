package errtext

import (
	"regexp"
	"testing"
)

// TestErrorPatternsCompile: the patterns that recognise English errors
// and import warnings are compiled only when a Russian message needs them,
// so a malformed one would surface there; compile them all here.
func TestErrorPatternsCompile(t *testing.T) {
	for _, list := range [][]errPattern{errPatterns(), warnPatterns()} {
		for _, p := range list {
			if _, err := regexp.Compile(p.re.src); err != nil {
				t.Errorf("%s: %v", p.key, err)
			}
		}
	}
}
