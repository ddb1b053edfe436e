package server

import (
	"container/list"
	"net/http"
	"sync"
)

// cached is a finished 200 response: the data behind it changes only with a
// new build or import, so it can be served again as it is.
type cached struct {
	key    string
	header http.Header
	body   []byte // identity encoding
	gz     []byte // gzip encoding, nil when not compressible
	etag   string
	gzEtag string
	bytes  int // accounted(), computed once the entry is complete
}

// Rough sizes of what an entry holds besides its bytes: the entry itself
// with its list element and index slot, and each header's map slot, slice
// and string headers.
const (
	entryOverhead  = 256
	headerOverhead = 96
	valueOverhead  = 32
)

// accounted is how much memory the entry holds: its key, headers, bodies
// and tags, and the bookkeeping around them.
func (c *cached) accounted() int {
	n := entryOverhead + len(c.key) + cap(c.body) + cap(c.gz) + len(c.etag) + len(c.gzEtag)
	for k, vs := range c.header {
		n += headerOverhead + len(k)
		for _, v := range vs {
			n += valueOverhead + len(v)
		}
	}
	return n
}

func (c *cached) size() int {
	if c.bytes == 0 {
		c.bytes = c.accounted()
	}
	return c.bytes
}

// cacheSlot is where a route names the cache entry of its answer
// (query.ready): key is empty when the answer must not be cached, hit is
// the cached answer when there is one, and spoilt says that the route
// read a parameter after naming the entry, so the name does not cover the
// whole answer.
type cacheSlot struct {
	key    string
	hit    *cached
	spoilt bool
}

// responseCache is a least-recently-used cache of responses bounded by
// total size.
type responseCache struct {
	mu    sync.Mutex
	max   int
	used  int
	order *list.List
	items map[string]*list.Element
}

func newResponseCache(maxBytes int) *responseCache {
	return &responseCache{max: maxBytes, order: list.New(), items: map[string]*list.Element{}}
}

func (c *responseCache) get(key string) (*cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cached), true
}

func (c *responseCache) put(v *cached) {
	if v.size() > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[v.key]; ok {
		c.used -= e.Value.(*cached).size()
		c.order.Remove(e)
	}
	c.items[v.key] = c.order.PushFront(v)
	c.used += v.size()
	for c.used > c.max {
		last := c.order.Back()
		old := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.items, old.key)
		c.used -= old.size()
	}
}
