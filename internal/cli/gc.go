package cli

import (
	"math"
	"os"
	"runtime/debug"
)

// A command of the CLI runs for milliseconds and allocates a few
// megabytes. Go's collector would start its first cycle at 4 MB, and a
// cycle scans every global of the binary, faulting in pages a command
// never reads: on `compare` that was a tenth of its CPU time. So a run
// starts with a higher target and a soft limit, which a long command
// (charts, report, import, bake) still keeps in check; `serve`, which
// runs for days with a steady heap, goes back to Go's defaults. A GOGC
// or GOMEMLIMIT the user sets is left alone.
const (
	cliGCPercent   = 400
	cliMemoryLimit = 256 << 20
)

// TuneGCForACommand sets the collector for a short command, unless the
// user chose its settings.
func TuneGCForACommand() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(cliGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(cliMemoryLimit)
	}
}

// gcDefaultsForAServer undoes TuneGCForACommand for the server.
func gcDefaultsForAServer() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}
