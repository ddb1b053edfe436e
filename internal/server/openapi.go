package server

import (
	"net/http"
	"strings"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
)

func nil404(msg string) error { return indicators.Errorf(indicators.ENotFound, "%s", msg) }

// openAPI describes the JSON API (OpenAPI 3.1).
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	str := func(desc string) map[string]any { return map[string]any{"type": "string", "description": desc} }
	param := func(name, desc string, required bool) map[string]any {
		return map[string]any{"name": name, "in": "query", "required": required, "schema": str(desc)}
	}
	format := param("format", "json (default) or csv", false)
	op := func(summary string, params ...map[string]any) map[string]any {
		return map[string]any{"get": map[string]any{
			"summary":    summary,
			"parameters": append(params, format),
			"responses": map[string]any{
				"200": map[string]any{"description": "the document, as `rankings … --format json` prints it"},
				"400": map[string]any{"description": "a bad parameter: {\"error\":{\"code\",\"message\",\"param\",\"value\",\"suggestions\"}}"},
			},
		}}
	}
	country := param("country", "country or territory: a name in English or Russian or an ISO code, e.g. kaz, Crimea, Крым", true)
	groups := strings.Join(countries.GroupNames(), ", ")
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "rankings API", "version": "1",
			"description": "Governance indicators compared honestly: ranks are k of N (N = every country and territory the source ranked that year), directions are stated, trends never cross methodology breaks. Every document equals the CLI's --format json output for the same query."},
		"paths": map[string]any{
			"/api/v1/countries":  op("Countries or territories of a group", param("group", "one of "+groups+" (default post-soviet; territories: the disputed and occupied territories of the region)", false)),
			"/api/v1/indicators": op("Indicator metadata: scale, direction, year meaning, methodology breaks"),
			"/api/v1/sources":    op("Sources with licence and citation"),
			"/api/v1/series":     op("A country's figures by year (rankings show)", country, param("indicator", "indicator ids, comma-separated (default all)", false), param("from", "first year", false), param("to", "last year", false)),
			"/api/v1/compare": op("Countries side by side (rankings compare)", param("countries", "two or more countries, comma-separated, e.g. kaz,uzb", true),
				param("indicator", "indicator ids, comma-separated (default all)", false), param("year", "the indicator's year", false),
				param("since", "base year of trends and change", false), param("group", "group whose median is given: one of "+groups+" (default post-soviet)", false)),
			"/api/v1/rank":      op("A group in order on one indicator (rankings rank)", param("indicator", "indicator id", true), param("year", "year (default latest)", false), param("group", "one of "+groups+" (default post-soviet); all lists the whole field the source ranked, territories included, and says in unlisted how many ranked entries it cannot list", false)),
			"/api/v1/trend":     op("A country's trend per methodology segment (rankings trend)", country, param("indicator", "indicator id", true), param("from", "first year", false), param("to", "last year", false)),
			"/api/v1/elections": op("A country's elections with ODIHR's assessment (rankings elections)", country),
			"/api/v1/correlate": op("Rank correlations between indicators (rankings correlate)", param("year", "year the figures describe", false), param("group", "one of "+groups+" (default post-soviet)", false), param("indicator", "indicator ids (default headline set)", false)),
		},
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeDoc(w, "json", doc)
}
