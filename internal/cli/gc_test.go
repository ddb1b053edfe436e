package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestGCSettings: a command raises the collector's target and sets a soft
// limit, the bake goes back to Go's defaults, the server collects at 50,
// and a GOGC or GOMEMLIMIT of the user's is kept.
func TestGCSettings(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	TuneGCForACommand()
	if got := debug.SetGCPercent(-1); got != cliGCPercent {
		t.Errorf("a command's GOGC is %d, want %d", got, cliGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != cliMemoryLimit {
		t.Errorf("a command's memory limit is %d, want %d", got, cliMemoryLimit)
	}
	gcDefaults()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("the bake's GOGC is %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("the bake's memory limit is %d, want none", got)
	}
	TuneGCForACommand()
	gcForServe()
	if got := debug.SetGCPercent(-1); got != 50 {
		t.Errorf("the server's GOGC is %d, want 50", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("the server's memory limit is %d, want none", got)
	}
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetGCPercent(50)
	TuneGCForACommand()
	if got := debug.SetGCPercent(-1); got != 50 {
		t.Errorf("the user's GOGC=50 became %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("the user's GOMEMLIMIT was replaced by %d", got)
	}
}
