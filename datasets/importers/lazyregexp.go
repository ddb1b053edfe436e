package importers

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use rather than at
// program start: the importers' patterns are only needed by commands that
// read a publisher's or a user's file, and compiling them all at start
// cost every command (rankings --help included) its share.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// lazyRegexp returns expr as a Regexp; it panics on first use if expr does
// not compile (as regexp.MustCompile would at start; the tests use every
// pattern).
func lazyRegexp(expr string) *Regexp { return &Regexp{expr: expr} }

func (r *Regexp) get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

// MatchString reports whether s contains a match of the expression.
func (r *Regexp) MatchString(s string) bool { return r.get().MatchString(s) }

// FindStringSubmatch returns the leftmost match of the expression in s and
// its submatches, as regexp.Regexp.FindStringSubmatch does.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.get().FindStringSubmatch(s) }

// String returns the expression's source text.
func (r *Regexp) String() string { return r.expr }
