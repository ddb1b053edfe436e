package server

import (
	"net/http"
	"strings"
	"sync"
)

// addressCache remembers, for a request's address as it came (path, query
// and the headers the answer may depend on), the response cache's key of
// its answer. A request seen before then finds its cached answer without
// routing and parsing its parameters again, which was a sixth of the
// server's time on an embed. What the route computed stays the only name
// of an answer: an address leads to a key, and a key that has left the
// response cache sends the request down the usual path.
type addressCache struct {
	mu   sync.Mutex
	keys map[string]string
}

const (
	// maxAddresses bounds the cache; when it is full it starts afresh.
	maxAddresses = 4096
	// maxAddressLen keeps long, junk addresses out.
	maxAddressLen = 512
)

// requestAddress is what a request's answer can depend on besides the data:
// its path (with any /ru prefix) and query, the Accept-Language a page's
// language may follow, and the origin oEmbed answers for. The method is
// not in it: HEAD is GET without the body, and other methods are never
// cached.
func requestAddress(r *http.Request) string {
	var b strings.Builder
	b.WriteString(r.URL.Path)
	b.WriteByte('?')
	b.WriteString(r.URL.RawQuery)
	b.WriteByte(0)
	b.WriteString(r.Header.Get("Accept-Language"))
	b.WriteByte(0)
	b.WriteString(r.Host)
	if r.TLS != nil {
		b.WriteString("\x00tls")
	}
	return b.String()
}

// get returns the response cache's key for address a.
func (c *addressCache) get(a string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[a]
	return k, ok
}

// put remembers that address a is answered by the response cache's key k.
func (c *addressCache) put(a, k string) {
	if k == "" || len(a) > maxAddressLen {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.keys == nil || len(c.keys) >= maxAddresses {
		c.keys = make(map[string]string)
	}
	c.keys[a] = k
}
