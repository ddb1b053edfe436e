package server

import (
	"html/template"
	"net/http"

	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// CacheStats reports the response cache's accounted size, its bound and
// how many entries it holds.
func (s *Server) CacheStats() (used, max, entries int) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	return s.cache.used, s.cache.max, len(s.cache.items)
}

// HandleInjected serves at path a page that puts html into its body
// unescaped, as an HTML-injection bug would, next to a real ranking chart:
// the Content-Security-Policy must allow the chart's script and not the
// injected one.
func (s *Server) HandleInjected(path string, html string) {
	t := template.Must(template.Must(s.pages[i18n.EN]["index"].Clone()).Parse(`{{define "content"}}<h1>injected</h1>
{{.Data.Chart}}
{{.Data.Injected}}
{{end}}`))
	s.pages[i18n.EN]["injected"] = t
	s.mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		doc, err := docs.BuildRank(s.opts.Store, "rsf", 0, "post-soviet")
		if err != nil {
			fail(w, err)
			return
		}
		s.render(w, r, nil, i18n.EN, "injected", page{Title: "injected", Data: map[string]any{
			"Chart": s.rankChart(w, i18n.EN, doc), "Injected": template.HTML(html)}})
	})
}

// StaticCopy is the server a bake of s renders its pages through.
func (s *Server) StaticCopy() *Server { return s.staticCopy() }
