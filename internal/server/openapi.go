package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/docs"
)

func nil404(msg string) error { return indicators.Errorf(indicators.ENotFound, "%s", msg) }

// openAPI serves the OpenAPI 3.1 description of the JSON API. Its server
// is this service's origin (Options.PublicURL, or the origin the request
// was made to), so the answer is cached per origin.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request, q *query) {
	origin := s.origin(r)
	q.extra = origin
	if q.ready(s.cache) {
		return
	}
	doc, err := s.openAPIDoc(origin)
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	docs.WriteJSON(w, doc)
}

// obj is a JSON object of the OpenAPI description.
type obj = map[string]any

// apiOperation is one GET operation of the API: the document it answers
// with and an example of it, built from the data.
type apiOperation struct {
	path, id, tag, summary, description string
	// document is the name of the schema of the answer (docs.SchemaDef).
	document string
	params   []obj
	// example builds the example answer; exampleSummary says which
	// query it answers.
	example        func() (any, error)
	exampleSummary string
}

// openAPIDoc builds the description with origin as its server. The
// response schemas are the documents' JSON Schemas (docs.Schema), the
// examples are built from the data the service serves.
func (s *Server) openAPIDoc(origin string) (obj, error) {
	store := s.opts.Store
	reg := store.Registry()
	groups := countries.GroupNames()
	kaz, err := reg.Resolve("kaz")
	if err != nil {
		return nil, err
	}
	uzb, err := reg.Resolve("uzb")
	if err != nil {
		return nil, err
	}

	query := func(name, desc string, required bool, schema obj, example any) obj {
		p := obj{"name": name, "in": "query", "required": required, "description": desc, "schema": schema}
		if example != nil {
			p["example"] = example
		}
		return p
	}
	path := func(name, desc string, example any) obj {
		return obj{"name": name, "in": "path", "required": true, "description": desc, "schema": obj{"type": "string"}, "example": example}
	}
	str := obj{"type": "string"}
	year := obj{"type": "integer", "minimum": 1900, "maximum": 2100}
	groupSchema := obj{"type": "string", "enum": groups, "default": "post-soviet"}
	country := query("country", "A country or territory: a name in English or Russian, a common transliteration or old name, or an ISO code (kaz, KZ, Kazakhstan, Казахстан, Crimea, XCR).", true, str, "kaz")
	countryPath := path("code", "A country or territory as for the parameter country, optionally followed by .json (KAZ.json).", "KAZ.json")
	countriesParam := query("countries", "Two or more countries or territories, comma-separated, each as for the parameter country.", true, str, "kaz,uzb")
	countriesPath := path("codes", "Two or more countries or territories, comma-separated, optionally followed by .json (KAZ,UZB.json).", "KAZ,UZB.json")
	someIndicators := query("indicator", "Indicator ids, comma-separated (/api/v1/indicators lists them); every indicator when absent.", false, str, "rsf,wgi-rl")
	oneIndicator := query("indicator", "An indicator id with yearly figures (/api/v1/indicators lists them; odihr, a list of elections, has none).", true, str, "rsf")
	from := query("from", "The first year to include, in the indicator's own year (edition or data year).", false, year, nil)
	to := query("to", "The last year to include, in the indicator's own year.", false, year, nil)
	group := func(desc string) obj { return query("group", desc, false, groupSchema, nil) }
	lang := query("lang", "The language of the words: en (the default) or ru. In ru the countries' names, the indicators' names, units, directions, year notes, notes, segment labels and reasons, and the sources' names, publishers, editions, notes and the sentence on what the elections rest on are in Russian where rankings has a Russian form; a text it has none for (an imported indicator's) stays English, and a publisher's licence is given as the publisher words it. Codes, numbers and field names are the same in both; no other part of the API has a language.", false,
		obj{"type": "string", "enum": []string{"en", "ru"}, "default": "en"}, "ru")

	ops := []apiOperation{
		{path: "/api/v1/compare", id: "getCompare", tag: "analysis", document: "compare",
			summary:     "Countries side by side (rankings compare)",
			description: "Each indicator's figures of the countries in one year, with ranks k of N, who is ahead and whether the difference is distinguishable within the publisher's uncertainty, the trend and change since a base year within one methodology segment, the group's median, and the latest OSCE/ODIHR election assessment of each country.",
			params: []obj{countriesParam, someIndicators,
				query("year", "The year of the figures, in each indicator's own year; each indicator's latest year all the countries have when absent. With a year, elections holds each country's latest assessment dated in or before it.", false, year, nil),
				query("since", "The base year of trends and changes; a year before a methodology break is moved to the break, and notes says so.", false, year, nil),
				group("The group whose median and mean are given.")},
			example: func() (any, error) {
				return docs.BuildCompare(store, docs.CompareOptions{IDs: []string{"rsf"}, Group: "post-soviet", Countries: []indicators.Country{kaz, uzb}})
			},
			exampleSummary: "countries=kaz,uzb&indicator=rsf"},
		{path: "/api/v1/rank", id: "getRank", tag: "analysis", document: "rank",
			summary:     "A group in order on one indicator (rankings rank)",
			description: "The members of a group in order on one indicator in one year, each with its global rank k of N, N being every country and territory the source ranked that year.",
			params: []obj{oneIndicator,
				query("year", "The indicator's own year; the latest year in which a member has a figure when absent.", false, year, nil),
				group("The group to list; all lists the whole field the source ranked, territories included, and says in unlisted how many ranked entries it cannot list.")},
			example:        func() (any, error) { return docs.BuildRank(store, "rsf", 0, "central-asia") },
			exampleSummary: "indicator=rsf&group=central-asia"},
		{path: "/api/v1/trend", id: "getTrend", tag: "analysis", document: "trend",
			summary:     "A country's trend per methodology segment (rankings trend)",
			description: "A country's series on one indicator and its trend fitted separately within each methodology segment, never across a break.",
			params:      []obj{country, oneIndicator, from, to},
			example:     func() (any, error) { return docs.BuildTrend(store, kaz, "rsf", 2022, 0) }, exampleSummary: "country=kaz&indicator=rsf&from=2022"},
		{path: "/api/v1/series", id: "getSeries", tag: "analysis", document: "series",
			summary:     "A country's figures by year (rankings show)",
			description: "A country's figures on each indicator asked for, year by year, with each methodology segment's scale and direction, and its elections assessed by OSCE/ODIHR.",
			params:      []obj{country, someIndicators, from, to},
			example:     func() (any, error) { return docs.ShowCountry(store, kaz, []string{"rsf"}, 2022, 0) }, exampleSummary: "country=kaz&indicator=rsf&from=2022"},
		{path: "/api/v1/elections", id: "getElections", tag: "analysis", document: "elections",
			summary:     "A country's elections with ODIHR's assessment (rankings elections)",
			description: "Every national election of the country in the ODIHR table, with the assessment, its summary and the page it rests on, and counts by assessment and by kind of source page.",
			params:      []obj{country},
			example:     func() (any, error) { return docs.BuildElections(store, kaz) }, exampleSummary: "country=kaz"},
		{path: "/api/v1/correlate", id: "getCorrelate", tag: "analysis", document: "correlate",
			summary:     "Rank correlations between indicators (rankings correlate)",
			description: "Spearman's rank correlation and Kendall's tau-b between every pair of indicators across a group's members, with the number of members both rank.",
			params: []obj{query("year", "The year the figures describe: edition-year indicators use the edition of the next year, which covers it. The latest year most indicators cover when absent.", false, year, nil),
				group("The group whose members are correlated."),
				query("indicator", "Indicator ids, comma-separated; a headline set of one or two per source when absent.", false, str, "rsf,wgi-rl,fh-fiw")},
			example: func() (any, error) {
				return docs.BuildCorrelate(store, 0, "post-soviet", []string{"rsf", "wgi-rl", "fh-fiw"})
			},
			exampleSummary: "indicator=rsf,wgi-rl,fh-fiw"},
		{path: "/api/v1/countries", id: "getCountries", tag: "reference", document: "countries",
			summary:     "The countries or territories of a group (rankings countries)",
			description: "The members of a group with their ISO codes and groups, sorted by name.",
			params:      []obj{group("The group to list; territories are the disputed and occupied territories of the region, all is every country."), lang},
			example:     func() (any, error) { return docs.Countries(reg, "central-asia") }, exampleSummary: "group=central-asia"},
		{path: "/api/v1/indicators", id: "getIndicators", tag: "reference", document: "indicators",
			summary:     "Every indicator's metadata (rankings indicators)",
			description: "Each indicator's scale, direction, what its year means, methodology segments and breaks, the uncertainty its publisher gives and where its ranks come from.",
			params:      []obj{lang},
			example: func() (any, error) {
				var doc docs.IndicatorList
				for _, d := range docs.Indicators(store).Indicators {
					if d.ID == "rsf" || d.ID == "ti-cpi" {
						doc.Indicators = append(doc.Indicators, d)
					}
				}
				return doc, nil
			},
			exampleSummary: "two of the indicators, rsf and ti-cpi"},
		{path: "/api/v1/sources", id: "getSources", tag: "reference", document: "sources",
			summary:     "The sources with licence and citation (rankings sources)",
			description: "Each publisher's dataset: edition, address, licence, how to cite it and the indicators it gives.",
			params:      []obj{lang},
			example:     func() (any, error) { return docs.Sources(store) }, exampleSummary: "every source"},
	}
	// The path forms that a baked, static copy of the site has as files.
	ops = append(ops,
		pathForm(ops[0], "/api/v1/compare/{codes}", "getCompareByPath", countriesPath),
		pathForm(ops[3], "/api/v1/series/{code}", "getSeriesByPath", countryPath),
		pathForm(ops[4], "/api/v1/elections/{code}", "getElectionsByPath", countryPath),
		pathForm(ops[1], "/api/v1/rank/{id}/{year}", "getRankByPath",
			path("id", "An indicator id with yearly figures.", "rsf"),
			path("year", "The indicator's own year, optionally followed by .json (2025.json).", "2025.json")),
		pathForm(ops[6], "/api/v1/countries.json", "getCountriesFile"),
		pathForm(ops[7], "/api/v1/indicators.json", "getIndicatorsFile"),
		pathForm(ops[8], "/api/v1/sources.json", "getSourcesFile"),
	)

	documents := []string{"error", "cite"}
	for _, op := range ops {
		documents = append(documents, op.document)
	}
	schemas, err := docs.SchemaComponents("#/components/schemas/", documents...)
	if err != nil {
		return nil, err
	}
	errExample, err := s.errorExample()
	if err != nil {
		return nil, err
	}
	badRequest := obj{"description": "A parameter the operation does not take, or a value it cannot use: the message says what was wrong and how to fix it, param and value name it.",
		"content": obj{"application/json": obj{"schema": obj{"$ref": "#/components/schemas/ErrorDocument"},
			"examples": obj{"unknownCountry": obj{"$ref": "#/components/examples/unknownCountry"}}}}}
	notModified := obj{"description": "Not modified: the document still has the ETag given in If-None-Match."}
	formatParam := query("format", "json (the default) for the JSON document, csv for its flat CSV form, the CLI's --format csv.", false,
		obj{"type": "string", "enum": []string{"json", "csv"}, "default": "json"}, nil)

	examples := obj{"unknownCountry": obj{"summary": "countries=kazakstn,uzb", "value": errExample}}
	paths := obj{}
	for _, op := range ops {
		ex, err := op.example()
		if err != nil {
			return nil, fmt.Errorf("openapi: example of %s: %w", op.id, err)
		}
		def, err := docs.SchemaDef(op.document)
		if err != nil {
			return nil, err
		}
		csvExample, err := csvExcerpt(ex)
		if err != nil {
			return nil, err
		}
		exName := op.document
		examples[exName] = obj{"summary": op.exampleSummary, "value": ex}
		examples[exName+"CSV"] = obj{"summary": op.exampleSummary + "&format=csv (the first rows)", "value": csvExample}
		ref := func(name string) obj { return obj{"$ref": "#/components/examples/" + name} }
		paths[op.path] = obj{"get": obj{
			"operationId": op.id,
			"tags":        []string{op.tag},
			"summary":     op.summary,
			"description": op.description + " The document is byte for byte what `rankings " + cliName(op.document) + " --format json` prints for the same query.",
			"parameters":  append(append([]obj{}, op.params...), formatParam),
			"responses": obj{
				"200": obj{"description": "The document: JSON, or CSV with format=csv.",
					"content": obj{
						"application/json": obj{"schema": obj{"$ref": "#/components/schemas/" + def},
							"examples": obj{exName: ref(exName)}},
						"text/csv": obj{"schema": obj{"type": "string", "description": "The document's flat CSV form (format=csv): a header row, then one row per figure; an empty cell is a missing figure (null in JSON)."},
							"examples": obj{exName: ref(exName + "CSV")}},
					}},
				"304": notModified,
				"400": badRequest,
			},
		}}
	}
	// The citations answer in the formats reference managers import, not
	// as CSV.
	citeDef, err := docs.SchemaDef("cite")
	if err != nil {
		return nil, err
	}
	citeExample, err := docs.Cite(store, "rsf", 0, time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, err
	}
	examples["cite"] = obj{"summary": "indicator=rsf&accessed=2026-05-03", "value": citeExample}
	text := func(desc string) obj { return obj{"schema": obj{"type": "string", "description": desc}} }
	paths["/api/v1/cite"] = obj{"get": obj{
		"operationId": "getCite",
		"tags":        []string{"reference"},
		"summary":     "How to cite the sources (rankings cite)",
		"description": "The citation of an indicator's source, of a source or of every source, with the edition and, where the source asks for one, the access date: as the CitationList document or in the formats reference managers import. The JSON document is byte for byte what `rankings cite --format json` prints for the same query.",
		"parameters": []obj{
			query("indicator", "An indicator id, a source id, or all (the default).", false, str, "rsf"),
			query("year", "The edition to cite; each source's latest when absent.", false, year, nil),
			query("accessed", "The access date (YYYY-MM-DD) for sources that ask for one; today's when absent.", false, obj{"type": "string", "format": "date"}, nil),
			query("format", "json (the default) for the CitationList document, bibtex, ris or csl-json.", false,
				obj{"type": "string", "enum": []string{"json", "bibtex", "ris", "csl-json"}, "default": "json"}, nil),
		},
		"responses": obj{
			"200": obj{"description": "The citations.",
				"content": obj{
					"application/json": obj{"schema": obj{"$ref": "#/components/schemas/" + citeDef},
						"examples": obj{"cite": obj{"$ref": "#/components/examples/cite"}}},
					"application/x-bibtex":                text("BibTeX entries, one per source (format=bibtex)."),
					"application/x-research-info-systems": text("RIS records, one per source, each ending with ER (format=ris)."),
					"application/vnd.citationstyles.csl+json": obj{"schema": obj{"type": "array", "items": obj{"type": "object"},
						"description": "CSL-JSON items of type dataset, one per source (format=csl-json)."}},
				}},
			"304": notModified,
			"400": badRequest,
		},
	}}
	paths["/api/v1/openapi.json"] = obj{"get": obj{
		"operationId": "getOpenAPI",
		"tags":        []string{"reference"},
		"summary":     "This description of the API",
		"description": "The OpenAPI 3.1 description of the API, with this service's origin as its server.",
		"responses": obj{
			"200": obj{"description": "The OpenAPI description.",
				"content": obj{"application/json": obj{"schema": obj{"type": "object"}}}},
			"304": notModified,
			"400": badRequest,
		},
	}}

	server, sourcesURL := obj{"url": origin, "description": "This service"}, origin+"/api/v1/sources"
	if origin == "" {
		// A baked copy without a public URL: its server is the copy
		// itself, wherever it is hosted, written relative to this
		// document (api/v1/openapi.json); OpenAPI 3.1 resolves the other
		// relative URLs against it.
		server = obj{"url": "../..", "description": "This static copy of the site: it holds the documents whose paths end in .json, not the answers to queries, which the service (rankings serve) gives"}
		sourcesURL = "api/v1/sources.json"
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":       "rankings API",
			"version":     "1",
			"summary":     "Governance indicators of countries compared honestly.",
			"description": apiDescription(origin),
		},
		"externalDocs": obj{"description": "The sources of the data, each with its licence and how to cite it", "url": sourcesURL},
		"servers":      []obj{server},
		"security":     []any{},
		"tags": []obj{
			{"name": "analysis", "description": "Comparisons, rankings, trends, series, elections and correlations: the documents of the CLI's commands."},
			{"name": "reference", "description": "The countries, indicators and sources the data has, and this description."},
		},
		"paths":      paths,
		"components": obj{"schemas": schemas, "examples": examples},
	}, nil
}

// pathForm is op answered at a path that carries some of its parameters
// (those named like params, or none for a file such as countries.json).
func pathForm(op apiOperation, path, id string, params ...obj) apiOperation {
	given := map[string]bool{}
	for _, p := range params {
		given[p["name"].(string)] = true
	}
	// The path's variables stand for the query parameters of the same
	// meaning: code for country, codes for countries.
	alias := map[string]string{"code": "country", "codes": "countries", "id": "indicator"}
	rest := append([]obj{}, params...)
	for _, p := range op.params {
		name := p["name"].(string)
		if given[name] {
			continue
		}
		skip := false
		for v, q := range alias {
			if given[v] && q == name {
				skip = true
			}
		}
		if !skip {
			rest = append(rest, p)
		}
	}
	op.description += " The path form of " + op.path + " for static copies of the site: the path gives what the query would, and the query may not give it again."
	op.path, op.id, op.params = path, id, rest
	return op
}

// cliName is the command that prints a document.
func cliName(document string) string {
	if document == "series" {
		return "show"
	}
	return document
}

// csvExcerpt is the header and first rows of a document's CSV form.
func csvExcerpt(doc any) (string, error) {
	t, ok := doc.(docs.Tabular)
	if !ok {
		return "", fmt.Errorf("openapi: %T has no CSV form", doc)
	}
	var b bytes.Buffer
	if err := docs.WriteCSV(&b, t); err != nil {
		return "", err
	}
	lines := strings.SplitAfter(b.String(), "\n")
	return strings.Join(lines[:min(len(lines), 4)], ""), nil
}

// errorExample is the error body of an unknown country, as the service
// writes it.
func (s *Server) errorExample() (any, error) {
	_, err := s.opts.Store.Registry().Resolve("kazakstn")
	if err == nil {
		return nil, fmt.Errorf("openapi: kazakstn resolves")
	}
	var rec recorder
	rec.reset()
	writeError(&rec, http.StatusBadRequest, bad("countries", "kazakstn", err), "countries", "kazakstn")
	var body any
	if err := json.Unmarshal(rec.body.Bytes(), &body); err != nil {
		return nil, err
	}
	return body, nil
}

// apiDescription is the description of the API: what it serves, how its
// documents read, how they may change, and under which licences the
// figures are.
func apiDescription(origin string) string {
	var b strings.Builder
	b.WriteString("Governance indicators of countries — press freedom, rule of law, democracy and elections — compared honestly: every rank is k of N over the whole field the source ranked that year (N counts every country and territory it ranked), every scale states which direction is better, trends never cross a methodology break, and differences are distinguishable only where the publisher's uncertainty allows it.\n\n")
	b.WriteString("Every document is byte for byte what the rankings CLI prints with --format json for the same query, and has the JSON Schema of components/schemas (`rankings schema <document>` prints it). Countries are identified by iso3, numbers are numbers, and null is a figure the source does not give. Years are each indicator's own: the edition year (RSF, WJP, Freedom House) or the data year (WGI, V-Dem), as /api/v1/indicators says.\n\n")
	b.WriteString("Versions: the documents of /api/v1 change only by adding fields, so a client must ignore fields it does not know; removing or retyping a field would be a new version, /api/v2. The API is public and needs no authentication.\n\n")
	fmt.Fprintf(&b, "Licences: the figures are the publishers', each under its source's licence, which %s/api/v1/sources gives with how to cite it:\n\n", origin)
	for _, src := range indicators.Sources() {
		fmt.Fprintf(&b, "- %s (%s): %s. %s\n", src.Name, src.Publisher, strings.TrimSuffix(src.Licence, "."), src.URL)
	}
	return b.String()
}
