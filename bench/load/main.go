// Command load drives an HTTP server with a fixed number of concurrent
// connections for a fixed time and reports requests per second, latency
// percentiles and errors, for each URL given:
//
//	go run ./bench/load -c 64 -d 30s http://127.0.0.1:8080/api/v1/compare?countries=kaz,uzb
//
// Any status other than 200 or a transport error counts as an error; the
// exit status is 1 when there were errors.
//
// With -junk N every request carries a parameter no route knows, with a
// name never sent before and a value of N bytes, as a cache-inflation
// attack would; the expected answer is then 400, and anything else counts
// as an error:
//
//	go run ./bench/load -junk 15000 -d 30s http://127.0.0.1:8080/healthz
//
// With -rounds N each URL's time is cut into N slices and the URLs take
// turns, slice by slice, so that a machine that slows down or speeds up
// during the run affects every URL alike (as bench/cold alternates the
// commands it times); each URL's figures are those of all its slices.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Result is the outcome of driving one URL.
type Result struct {
	URL      string
	Requests int
	Errors   int
	Bytes    int64
	Elapsed  time.Duration
	P50, P99 time.Duration
}

// RPS is requests per second.
func (r Result) RPS() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

// Drive sends requests to url from conns goroutines for d.
func Drive(ctx context.Context, url string, conns int, d time.Duration) Result {
	var t tally
	t.add(drive(ctx, url, conns, d, 0))
	return t.result()
}

// tally adds up the slices of one URL's run.
type tally struct {
	res Result
	lat []time.Duration
}

func (t *tally) add(r Result, lat []time.Duration) {
	t.res.URL = r.URL
	t.res.Requests += r.Requests
	t.res.Errors += r.Errors
	t.res.Bytes += r.Bytes
	t.res.Elapsed += r.Elapsed
	t.lat = append(t.lat, lat...)
}

// result is the URL's figures over every slice: latency percentiles of
// all its requests.
func (t *tally) result() Result {
	r := t.res
	sort.Slice(t.lat, func(i, j int) bool { return t.lat[i] < t.lat[j] })
	if len(t.lat) > 0 {
		r.P50 = t.lat[len(t.lat)*50/100]
		r.P99 = t.lat[min(len(t.lat)-1, len(t.lat)*99/100)]
	}
	return r
}

// drive sends requests to url from conns goroutines for d and returns the
// counts and every request's latency; junk > 0 adds a fresh unknown
// parameter of junk bytes to every request and expects 400.
func drive(ctx context.Context, url string, conns int, d time.Duration, junk int) (Result, []time.Duration) {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, DisableCompression: false}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	defer tr.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	res := Result{URL: url}
	var lat []time.Duration
	var wg sync.WaitGroup
	var seq atomic.Int64
	value := strings.Repeat("a", junk)
	want := http.StatusOK
	if junk > 0 {
		want = http.StatusBadRequest
	}
	start := time.Now()
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []time.Duration
			var n, errs int
			var bytes int64
			for ctx.Err() == nil {
				t0 := time.Now()
				u := url
				if junk > 0 {
					sep := "?"
					if strings.Contains(u, "?") {
						sep = "&"
					}
					u += fmt.Sprintf("%sk%d=%s", sep, seq.Add(1), value)
				}
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() != nil {
						break
					}
					errs++
					continue
				}
				b, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != want {
					if ctx.Err() != nil {
						break
					}
					errs++
					continue
				}
				n++
				bytes += b
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			res.Requests += n
			res.Errors += errs
			res.Bytes += bytes
			lat = append(lat, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res, lat
}

func main() {
	conns := flag.Int("c", 64, "concurrent connections")
	dur := flag.Duration("d", 30*time.Second, "duration per URL")
	junk := flag.Int("junk", 0, "add an unknown parameter of this many bytes, new on every request, and expect 400")
	rounds := flag.Int("rounds", 1, "cut each URL's time into this many slices, the URLs taking turns")
	flag.Parse()
	if flag.NArg() == 0 || *rounds < 1 {
		fmt.Fprintln(os.Stderr, "load: give one or more URLs (and -rounds 1 or more)")
		os.Exit(2)
	}
	tallies := make([]tally, flag.NArg())
	for range *rounds {
		for i, u := range flag.Args() {
			tallies[i].add(drive(context.Background(), u, *conns, *dur/time.Duration(*rounds), *junk))
		}
	}
	failed := false
	fmt.Printf("%-70s %10s %10s %10s %8s\n", "URL", "req/s", "p50", "p99", "errors")
	for i, u := range flag.Args() {
		r := tallies[i].result()
		fmt.Printf("%-70s %10.0f %10s %10s %8d\n", u, r.RPS(), r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Errors)
		failed = failed || r.Errors > 0 || r.Requests == 0
	}
	if failed {
		os.Exit(1)
	}
}
