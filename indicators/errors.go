package indicators

import (
	"errors"
	"fmt"
)

// Error codes. The CLI maps Invalid and NotFound to exit code 2 and the
// server to HTTP 400; everything else is internal.
const (
	EInvalid  = "invalid"
	ENotFound = "not_found"
	EInternal = "internal"
)

// Error is an error a user can cause and fix: it carries a code and a
// one-line message that says what was wrong and how to fix it.
type Error struct {
	Code string
	Msg  string
	// Suggestions are the nearest valid values, when there are any.
	Suggestions []string
}

func (e *Error) Error() string { return e.Msg }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// IsUserError reports whether err was caused by the user's input.
func IsUserError(err error) bool {
	c := ErrorCode(err)
	return c == EInvalid || c == ENotFound
}
