// Command cold measures cold process runs by the kernel's own accounting:
// for each command it reports the median CPU time (user + system, from
// wait4's rusage, microsecond resolution), the median wall time and the
// largest peak RSS over the runs. The commands are run in turn, round after
// round, so that a disturbance of the machine falls on all of them alike:
//
//	go run ./bench/cold -runs 20 -warmup 3 -- /tmp/hello -- /tmp/rankings --help
//
// Each command's output goes to /dev/null; a command that fails stops the
// measurement (exit 1). The first command is the baseline: every line
// gives its ratio to it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"
)

// sample is one run of a command.
type sample struct {
	cpu, wall time.Duration
	rssKB     int64
}

// run starts argv with no input and its output discarded and waits for it.
func run(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s: %w", strings.Join(argv, " "), err)
	}
	wall := time.Since(t0)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), wall: wall, rssKB: ru.Maxrss}, nil
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func main() {
	runs := flag.Int("runs", 20, "measured runs of each command")
	warmup := flag.Int("warmup", 3, "unmeasured runs of each command first")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: cold [-runs N] [-warmup N] -- baseline args... [-- command args...]...")
		flag.PrintDefaults()
	}
	flag.Parse()
	var cmds [][]string
	for _, a := range flag.Args() {
		if a == "--" || len(cmds) == 0 {
			cmds = append(cmds, nil)
			if a == "--" {
				continue
			}
		}
		cmds[len(cmds)-1] = append(cmds[len(cmds)-1], a)
	}
	for i := 0; i < len(cmds); i++ {
		if len(cmds[i]) == 0 {
			cmds = append(cmds[:i], cmds[i+1:]...)
			i--
		}
	}
	if len(cmds) == 0 {
		flag.Usage()
		os.Exit(2)
	}
	cpu := make([][]time.Duration, len(cmds))
	wall := make([][]time.Duration, len(cmds))
	rss := make([]int64, len(cmds))
	for r := 0; r < *warmup+*runs; r++ {
		for i, argv := range cmds {
			s, err := run(argv)
			if err != nil {
				fmt.Fprintln(os.Stderr, "cold:", err)
				os.Exit(1)
			}
			if r < *warmup {
				continue
			}
			cpu[i] = append(cpu[i], s.cpu)
			wall[i] = append(wall[i], s.wall)
			rss[i] = max(rss[i], s.rssKB)
		}
	}
	base := median(cpu[0])
	fmt.Printf("%-10s %-10s %-9s %-7s %s\n", "cpu_ms", "wall_ms", "rss_kb", "ratio", "command")
	for i, argv := range cmds {
		c := median(cpu[i])
		fmt.Printf("%-10.3f %-10.3f %-9d %-7.2f %s\n", c.Seconds()*1000, median(wall[i]).Seconds()*1000, rss[i], float64(c)/float64(base), strings.Join(argv, " "))
	}
}
