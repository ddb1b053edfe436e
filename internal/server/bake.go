package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/atomicfile"
)

// BakePaths lists every URL of the site in its path form: pages, API
// documents for every country, indicator and year, and assets.
func (s *Server) BakePaths() ([]string, error) {
	st := s.opts.Store
	reg := st.Registry()
	paths := []string{"/", "/api/v1/countries.json", "/api/v1/indicators.json", "/api/v1/sources.json", "/api/v1/openapi.json"}
	if s.opts.EChartsJS != nil {
		paths = append(paths, "/assets/echarts.min.js")
	}
	for _, c := range reg.All() {
		paths = append(paths, "/country/"+c.ISO3, "/api/v1/series/"+c.ISO3+".json")
	}
	group, err := reg.Group("post-soviet")
	if err != nil {
		return nil, err
	}
	member := map[string]bool{}
	for _, c := range group {
		member[c.ISO3] = true
	}
	for i, a := range group {
		paths = append(paths, "/elections/"+a.ISO3, "/api/v1/elections/"+a.ISO3+".json")
		for _, b := range group[i+1:] {
			pair := a.ISO3 + "," + b.ISO3
			paths = append(paths, "/compare/"+pair, "/api/v1/compare/"+pair+".json")
		}
	}
	for _, ind := range st.Indicators() {
		if ind.Events {
			continue
		}
		paths = append(paths, "/indicator/"+ind.ID, "/embed/ranking/"+ind.ID, "/chart/ranking/"+ind.ID+".svg")
		years, err := st.Years(ind.ID)
		if err != nil {
			return nil, err
		}
		for _, y := range years {
			// A year in which no post-Soviet state has a figure (e.g. the
			// Soviet era) has no ranking page for the default group.
			obs, err := st.Year(ind.ID, y)
			if err != nil {
				return nil, err
			}
			if slices.ContainsFunc(obs, func(o indicators.Observation) bool { return member[o.ISO3] }) {
				paths = append(paths, fmt.Sprintf("/indicator/%s/%d", ind.ID, y), fmt.Sprintf("/api/v1/rank/%s/%d.json", ind.ID, y))
			}
		}
	}
	return paths, nil
}

// fileFor maps a URL path to the file that serves it statically: pages
// become index.html in a folder of that name.
func fileFor(p string) string {
	switch {
	case p == "/":
		return "index.html"
	case path.Ext(p) == ".json" || path.Ext(p) == ".js" || path.Ext(p) == ".svg" || path.Ext(p) == ".png":
		return strings.TrimPrefix(p, "/")
	}
	return strings.TrimPrefix(p, "/") + "/index.html"
}

// Bake writes the whole site into dir as static files that any web server
// can serve at the same URLs. progress, when not nil, is told how far it
// has come. A path that does not give 200 stops the bake with an error.
func (s *Server) Bake(dir string, progress func(done, total int)) (int, error) {
	paths, err := s.BakePaths()
	if err != nil {
		return 0, err
	}
	sort.Strings(paths)
	for i, p := range paths {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			body, _ := io.ReadAll(io.LimitReader(rec.Body, 300))
			return i, fmt.Errorf("bake %s: status %d: %s", p, rec.Code, bytes.TrimSpace(body))
		}
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(fileFor(p))), rec.Body.Bytes()); err != nil {
			return i, err
		}
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	return len(paths), nil
}

// writeFile writes a baked file, making its folder first.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteBytes(name, data)
}
