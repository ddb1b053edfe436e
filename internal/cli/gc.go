package cli

import (
	"math"
	"os"
	"runtime/debug"
)

// A command of the CLI runs for milliseconds and allocates a few
// megabytes. Go's collector would start its first cycle at 4 MB, and a
// cycle scans every global of the binary, faulting in pages a command
// never reads: on `compare` that was a quarter of its CPU time. So a run
// starts with a higher target and a soft limit, which a long command
// (charts, report, import) still keeps in check. `serve`, which runs for
// days, and `bake`, whose heap holds most of a site (1.5 GB), go back to
// Go's defaults: under the 256 MiB limit the bake's collector ran without
// pause and the bake took 145 s instead of 57 s. A GOGC
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

// gcDefaults undoes TuneGCForACommand for serve and bake.
func gcDefaults() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}
