package cli

import (
	"strings"
	"testing"
	"time"
)

// TestLogBuffer: lines wait for a flush, reach the log within the flush
// interval, all arrive in order by Close, and a line after Close is
// written at once.
func TestLogBuffer(t *testing.T) {
	var out syncBuffer
	b := newLogBuffer(&out)
	b.Write([]byte("one\n"))
	b.Write([]byte("two\n"))
	if got := out.String(); got != "" {
		t.Errorf("written before a flush: %q", got)
	}
	deadline := time.Now().Add(20 * logFlushEvery)
	for out.String() == "" && time.Now().Before(deadline) {
		time.Sleep(logFlushEvery / 4)
	}
	if got := out.String(); got != "one\ntwo\n" {
		t.Errorf("after the flush interval: %q", got)
	}
	big := strings.Repeat("x", maxLogBuffer) + "\n"
	b.Write([]byte(big))
	if got := out.String(); got != "one\ntwo\n"+big {
		t.Errorf("a full buffer was not written at once (%d bytes out)", len(got))
	}
	b.Write([]byte("three\n"))
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	b.Write([]byte("four\n"))
	if got := out.String(); !strings.HasSuffix(got, big+"three\nfour\n") {
		t.Errorf("after Close: …%q", got[max(0, len(got)-20):])
	}
}
