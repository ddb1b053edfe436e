// Command floor is the lower bound of a cold rankings command: a program
// that links every package rankings links (through internal/cli), so the
// runtime and each package's initialisation run as they do for rankings,
// and then prints one line and does nothing else. bench/run.sh measures
// it beside the hello world: the difference between the two is what the
// dependencies cost before any command starts, the difference between it
// and rankings is what the command itself costs.
package main

import (
	"os"

	_ "github.com/rankings-dev/rankings/internal/cli"
)

func main() { os.Stdout.WriteString("hello\n") }
