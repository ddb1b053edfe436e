package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// serveStderr starts serve with args, waits until it listens, stops it and
// returns what it printed on stderr.
func serveStderr(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve"}, args...), Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }})
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(errb.String(), `"msg":"listening"`) {
		select {
		case code := <-done:
			t.Fatalf("serve %v exited with %d: %s", args, code, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve %v did not start: %s", args, errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve %v: exit %d: %s", args, code, errb.String())
	}
	return errb.String()
}

// TestServeSaysWhenItListensEverywhere: an address without a host, or with
// a wildcard one, gets a one-line notice on stderr; loopback gets none.
func TestServeSaysWhenItListensEverywhere(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0"} {
		out := serveStderr(t, "--addr", addr)
		var notices []string
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "every network interface") {
				notices = append(notices, line)
			}
		}
		if len(notices) != 1 || !strings.HasPrefix(notices[0], "rankings: ") || !strings.Contains(notices[0], "--addr 127.0.0.1:") {
			t.Errorf("--addr %s: want one notice naming the loopback alternative, got %q", addr, out)
		}
	}
	if out := serveStderr(t, "--addr", "127.0.0.1:0"); strings.Contains(out, "every network interface") {
		t.Errorf("loopback: %q", out)
	}
}

// TestServePublicURL: --public-url must be an origin.
func TestServePublicURL(t *testing.T) {
	var errb syncBuffer
	code := Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--public-url", "rankings.example.org/x"},
		Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }})
	if out := errb.String(); code != 2 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "--public-url") || !strings.Contains(out, "https://rankings.example.org") {
		t.Errorf("exit %d: %q", code, out)
	}
	if out := serveStderr(t, "--addr", "127.0.0.1:0", "--public-url", "https://rankings.example.org/"); strings.Contains(out, "rankings: ") {
		t.Errorf("a good public URL: %q", out)
	}
}

// TestServeLogsEachRequest: the log's lines are written in batches, yet a
// request's line reaches stderr within a moment, and the last lines are
// there when serve stops.
func TestServeLogsEachRequest(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, Env{Stdout: io.Discard, Stderr: &errb, Getenv: func(string) string { return "" }})
	}()
	addr := regexp.MustCompile(`"addr":"(http://[^"]+)"`)
	wait := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !ok(errb.String()) {
			if time.Now().After(deadline) {
				t.Fatalf("no %s on stderr: %s", what, errb.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
		return errb.String()
	}
	out := wait("listening line", func(s string) bool { return addr.MatchString(s) })
	res, err := http.Get(addr.FindStringSubmatch(out)[1] + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	wait("request line", func(s string) bool { return strings.Contains(s, `"msg":"request","method":"GET","path":"/healthz"`) })
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out := errb.String(); !strings.Contains(out, `"msg":"shutting down: finishing requests in flight"`) {
		t.Errorf("no shutdown line: %s", out)
	}
}
