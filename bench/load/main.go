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
	return drive(ctx, url, conns, d, 0)
}

// drive is Drive, with junk > 0 adding a fresh unknown parameter of junk
// bytes to every request and expecting 400.
func drive(ctx context.Context, url string, conns int, d time.Duration, junk int) Result {
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
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		res.P50 = lat[len(lat)*50/100]
		res.P99 = lat[min(len(lat)-1, len(lat)*99/100)]
	}
	return res
}

func main() {
	conns := flag.Int("c", 64, "concurrent connections")
	dur := flag.Duration("d", 30*time.Second, "duration per URL")
	junk := flag.Int("junk", 0, "add an unknown parameter of this many bytes, new on every request, and expect 400")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "load: give one or more URLs")
		os.Exit(2)
	}
	failed := false
	fmt.Printf("%-70s %10s %10s %10s %8s\n", "URL", "req/s", "p50", "p99", "errors")
	for _, u := range flag.Args() {
		r := drive(context.Background(), u, *conns, *dur, *junk)
		fmt.Printf("%-70s %10.0f %10s %10s %8d\n", u, r.RPS(), r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Errors)
		failed = failed || r.Errors > 0 || r.Requests == 0
	}
	if failed {
		os.Exit(1)
	}
}
