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
}

func (c *cached) size() int { return len(c.body) + len(c.gz) + 512 }

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
