package server

import (
	"html/template"

	"github.com/rankings-dev/rankings/internal/docs"
)

// chartScripts are the scripts a page with charts loads.
func (s *Server) chartScripts() []string { return []string{s.EChartsURL()} }

// compareChart renders one indicator's chart for the compare page as an
// embed fragment.
func (s *Server) compareChart(kind, id string, doc docs.Compare) template.HTML { return "" }

// rankChart renders the ranking chart of an indicator page.
func (s *Server) rankChart(doc docs.Rank) template.HTML { return "" }
