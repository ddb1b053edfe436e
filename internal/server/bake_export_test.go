package server

import "net/url"

// BakedPage is the page at URL path p as a bake writes it: body with its
// links rewritten for a static copy.
func BakedPage(p string, body []byte) []byte {
	b, _ := bakeLinks(&url.URL{Path: p}, body)
	return b
}

// BakeSome bakes the given paths and the pages they link to up to depth
// links away, as a full bake does for the site's every path.
func (s *Server) BakeSome(dir string, paths []string, depth int) (int, error) {
	res, err := s.bakeTo(dir, paths, depth, BakeOptions{})
	return res.Files, err
}
