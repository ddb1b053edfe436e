package server

import "net/url"

// BakedPage is the page at URL path p as a bake writes it: body with its
// links rewritten for a static copy.
func BakedPage(p string, body []byte) []byte {
	b, _ := bakeLinks(&url.URL{Path: p}, body)
	return b
}
