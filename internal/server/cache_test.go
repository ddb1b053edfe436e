package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestCacheCountsEverything: an entry's accounted size covers its key and
// headers as well as its bodies, so a cache of long keys cannot hold more
// than its bound.
func TestCacheCountsEverything(t *testing.T) {
	key := "/healthz?" + strings.Repeat("k", 20000)
	h := http.Header{}
	h.Set("Content-Security-Policy", strings.Repeat("c", 5000))
	c := &cached{key: key, header: h, body: []byte("ok"), etag: `"e"`, gzEtag: `"e-gz"`}
	if min := len(key) + 5000 + len("Content-Security-Policy") + 2; c.size() < min {
		t.Errorf("an entry holding %d bytes is accounted as %d", min, c.size())
	}
	rc := newResponseCache(100 << 10)
	for i := range 100 {
		e := *c
		e.key = key + strings.Repeat("x", i)
		rc.put(&e)
	}
	held := 0
	for _, e := range rc.items {
		held += len(e.Value.(*cached).key)
	}
	if held > rc.max {
		t.Errorf("a cache bounded at %d bytes holds %d bytes of keys alone", rc.max, held)
	}
}
