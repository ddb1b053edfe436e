package main

import (
	"flag"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output inside the txtar scripts")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"rankings": main})
}

// TestScript runs the built binary end to end through the scripts in
// testdata/script: exit codes, stdout and stderr as a user sees them.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
	})
}
