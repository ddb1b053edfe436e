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
// (charts, report, import) still keeps in check. `bake`, whose heap holds
// most of a site (1.5 GB), goes back to Go's defaults: under the 256 MiB
// limit the bake's collector ran without pause and the bake took 145 s
// instead of 57 s. `serve` runs for days with a live heap of a few
// megabytes (the cached answers); it collects when its heap reaches 1.5
// times the live heap (GOGC=50) instead of twice. Under load Go's default
// let the heap grow from 3 to 7 MB, 15% of the server's memory, for 3% of
// its CPU; at 50 it grows to 5 MB, for 6% (GODEBUG=gctrace=1). A GOGC or
// GOMEMLIMIT the user sets is left alone.
const (
	cliGCPercent   = 400
	cliMemoryLimit = 256 << 20
	serveGCPercent = 50
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

// gcDefaults undoes TuneGCForACommand for bake.
func gcDefaults() { gcWith(100) }

// gcForServe sets the collector for serve.
func gcForServe() { gcWith(serveGCPercent) }

// gcWith sets GOGC to percent and no memory limit, unless the user chose
// either.
func gcWith(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}
