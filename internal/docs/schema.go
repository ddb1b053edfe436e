package docs

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/indicators"
)

// schemaFile holds the JSON Schemas of the documents, generated from the Go
// types of this package and their doc comments by TestSchemaGolden
// (go test ./internal/docs -run SchemaGolden -update rewrites it; a removed
// or retyped field fails even then, since /api/v1 documents change only by
// adding fields).
//
//go:embed schema.json
var schemaFile []byte

// SchemaSet is the layout of schema.json: which definition each document
// is, and the definitions (JSON Schema 2020-12), keyed by Go type name.
type SchemaSet struct {
	// Documents maps a document's name (compare, rank, …) to the name of
	// its definition in Defs.
	Documents map[string]string `json:"documents"`
	// Defs are the definitions; a reference between them is
	// "#/$defs/Name".
	Defs map[string]json.RawMessage `json:"$defs"`
}

// defsRef is how a definition refers to another in schema.json.
const defsRef = "#/$defs/"

// loadSchemas parses schema.json when a schema is first asked for, not at
// start: most commands never need one.
var loadSchemas = sync.OnceValue(func() SchemaSet {
	var s SchemaSet
	if err := json.Unmarshal(schemaFile, &s); err != nil {
		panic(fmt.Sprintf("docs: schema.json: %v", err))
	}
	return s
})

// Schemas returns the documents' definitions as schema.json holds them.
func Schemas() SchemaSet { return loadSchemas() }

// SchemaNames lists the documents that have a schema, in name order.
func SchemaNames() []string { return slices.Clone(documentNames) }

// documentNames are the documents schema.json describes, in name order,
// so that help can name them without parsing the schemas (which cost
// every `rankings --help` a tenth of its time); TestSchemaDocuments checks
// the list against the file.
var documentNames = []string{"cite", "compare", "correlate", "countries", "elections", "error", "indicator",
	"indicators", "rank", "series", "show", "sources", "trend"}

// SchemaDef returns the name of the definition of the document name
// (compare → Compare); an unknown name is a user error listing the names.
func SchemaDef(name string) (string, error) {
	if def, ok := loadSchemas().Documents[strings.ToLower(name)]; ok {
		return def, nil
	}
	names := SchemaNames()
	e := indicators.Errorf(indicators.EInvalid, "unknown document %q: the documents are %s", name, strings.Join(names, ", "))
	e.Suggestions = indicators.Nearest(name, names, 3)
	return "", e
}

// Schema returns the JSON Schema (draft 2020-12) of the document name as
// one self-contained JSON document: the document's definition and every
// definition it refers to. `rankings schema <name>` prints it; the web
// API's OpenAPI description holds the same definitions.
func Schema(name string) ([]byte, error) {
	def, err := SchemaDef(name)
	if err != nil {
		return nil, err
	}
	reach := map[string]json.RawMessage{}
	for _, d := range schemaReach(def) {
		reach[d] = loadSchemas().Defs[d]
	}
	doc := struct {
		Schema string                     `json:"$schema"`
		Title  string                     `json:"title"`
		Ref    string                     `json:"$ref"`
		Defs   map[string]json.RawMessage `json:"$defs"`
	}{"https://json-schema.org/draft/2020-12/schema", strings.ToLower(name), defsRef + def, reach}
	var b bytes.Buffer
	if err := WriteJSON(&b, doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// schemaReach lists def and every definition it refers to, directly or
// not, in name order.
func schemaReach(defs ...string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(d string) {
		if seen[d] {
			return
		}
		seen[d] = true
		for _, r := range schemaRefs(loadSchemas().Defs[d]) {
			visit(r)
		}
	}
	for _, d := range defs {
		visit(d)
	}
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

// schemaRefs lists the definitions raw refers to.
func schemaRefs(raw json.RawMessage) []string {
	var out []string
	rest := string(raw)
	for {
		i := strings.Index(rest, `"`+defsRef)
		if i < 0 {
			return out
		}
		rest = rest[i+1+len(defsRef):]
		j := strings.IndexByte(rest, '"')
		out = append(out, rest[:j])
		rest = rest[j:]
	}
}

// SchemaComponents returns the definitions of the documents named and
// every definition they refer to, with their references rewritten to
// prefix (an OpenAPI description's "#/components/schemas/"); an unknown
// name is an error.
func SchemaComponents(prefix string, documents ...string) (map[string]json.RawMessage, error) {
	var defs []string
	for _, name := range documents {
		def, err := SchemaDef(name)
		if err != nil {
			return nil, err
		}
		defs = append(defs, def)
	}
	out := map[string]json.RawMessage{}
	for _, d := range schemaReach(defs...) {
		out[d] = json.RawMessage(strings.ReplaceAll(string(loadSchemas().Defs[d]), `"`+defsRef, `"`+prefix))
	}
	return out, nil
}
