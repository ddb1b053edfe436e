package cli

import (
	"io"
	"sync"
	"time"
)

// logBuffer gathers the server's log lines and writes them to w in
// batches: when maxLogBuffer bytes are waiting, every logFlushEvery, and
// on Close. One write per request was the server's largest cost after the
// socket's own (a system call for each log line); a line still reaches the
// log within logFlushEvery.
type logBuffer struct {
	mu     sync.Mutex
	w      io.Writer
	buf    []byte
	err    error
	stop   chan struct{}
	done   chan struct{}
	closed bool
}

const (
	maxLogBuffer  = 64 << 10
	logFlushEvery = 200 * time.Millisecond
)

// newLogBuffer starts a logBuffer writing to w; Close stops it.
func newLogBuffer(w io.Writer) *logBuffer {
	b := &logBuffer{w: w, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(logFlushEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.Flush()
			case <-b.stop:
				return
			}
		}
	}()
	return b
}

// Write keeps p, a whole log line as slog writes it, for the next flush.
// After Close it writes p at once.
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return b.w.Write(p)
	}
	b.buf = append(b.buf, p...)
	if len(b.buf) >= maxLogBuffer {
		b.flushLocked()
	}
	return len(p), nil
}

// Flush writes what is waiting.
func (b *logBuffer) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

func (b *logBuffer) flushLocked() {
	if len(b.buf) == 0 {
		return
	}
	if _, err := b.w.Write(b.buf); err != nil && b.err == nil {
		b.err = err
	}
	b.buf = b.buf[:0]
}

// Close stops the timer and writes what is waiting; it returns the first
// error writing to w.
func (b *logBuffer) Close() error {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return b.err
	}
	b.closed = true
	b.mu.Unlock()
	close(b.stop)
	<-b.done
	b.Flush()
	return b.err
}
