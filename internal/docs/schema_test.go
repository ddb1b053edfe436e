package docs

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"
)

var updateSchemas = flag.Bool("update", false, "rewrite schema.json after an intended addition to a document")

// schemaDocuments are the documents that schema.json describes, by the name
// `rankings schema` and the OpenAPI description know them: every document
// `--format json` prints and the web API serves, and the API's error body.
var schemaDocuments = map[string]any{
	"compare":    Compare{},
	"rank":       Rank{},
	"trend":      TrendDocument{},
	"elections":  ElectionsDocument{},
	"correlate":  CorrelateDocument{},
	"show":       Show{},
	"series":     Show{},
	"countries":  CountryList{},
	"indicators": IndicatorList{},
	"indicator":  IndicatorDetail{},
	"sources":    SourceList{},
	"cite":       CitationList{},
	"error":      ErrorDocument{},
}

// generateSchemas reflects the document types into schema.json's form,
// with the doc comments of this package's source as descriptions.
func generateSchemas(t *testing.T) []byte {
	t.Helper()
	r := &jsonschema.Reflector{
		// A client must ignore fields it does not know: documents gain
		// fields within /api/v1.
		AllowAdditionalProperties: true,
	}
	if err := r.AddGoComments("github.com/rankings-dev/rankings/internal/docs", ".", jsonschema.WithFullComment()); err != nil {
		t.Fatal(err)
	}
	for k, v := range r.CommentMap {
		r.CommentMap[k] = unwrapComment(v)
	}
	set := struct {
		Documents map[string]string             `json:"documents"`
		Defs      map[string]*jsonschema.Schema `json:"$defs"`
	}{map[string]string{}, map[string]*jsonschema.Schema{}}
	types := map[string]reflect.Type{}
	for name, v := range schemaDocuments {
		s := r.Reflect(v)
		set.Documents[name] = strings.TrimPrefix(s.Ref, defsRef)
		for def, ds := range s.Definitions {
			set.Defs[def] = ds
		}
		collectTypes(reflect.TypeOf(v), types)
	}
	for name, typ := range types {
		def, ok := set.Defs[name]
		if !ok {
			t.Fatalf("no definition of %s", name)
		}
		markNullable(typ, def)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, set); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var softBreak = regexp.MustCompile(`([^\n])\n([^\n])`)

// unwrapComment joins the lines of a comment's paragraphs.
func unwrapComment(s string) string {
	return strings.TrimSpace(softBreak.ReplaceAllString(s, "$1 $2"))
}

// collectTypes finds the struct types reachable from t, by name.
func collectTypes(t reflect.Type, seen map[string]reflect.Type) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		collectTypes(t.Elem(), seen)
	case reflect.Struct:
		if _, ok := seen[t.Name()]; ok {
			return
		}
		seen[t.Name()] = t
		for f := range t.Fields() {
			collectTypes(f.Type, seen)
		}
	}
}

// markNullable lets every field of struct type t that encoding/json writes
// as null be null in its definition: a pointer without omitempty, and the
// pointer elements of slices and maps (compare's spark).
func markNullable(t reflect.Type, def *jsonschema.Schema) {
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p, ok := def.Properties.Get(name)
		if !ok {
			continue
		}
		omit := slices.Contains(strings.Split(opts, ","), "omitempty")
		def.Properties.Set(name, nullableValue(f.Type, p, !omit))
	}
}

// nullableValue returns s, the schema of a value of type t, allowing null
// where encoding/json writes one; top says whether a nil pointer at the top
// is written (false for an omitempty field, which is left out instead).
func nullableValue(t reflect.Type, s *jsonschema.Schema, top bool) *jsonschema.Schema {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if s.Items != nil {
			s.Items = nullableValue(t.Elem(), s.Items, true)
		}
	case reflect.Map:
		if s.AdditionalProperties != nil {
			s.AdditionalProperties = nullableValue(t.Elem(), s.AdditionalProperties, true)
		}
	case reflect.Pointer:
		if t.Elem().Kind() != reflect.Struct {
			s = nullableValue(t.Elem(), s, false)
		}
		if top {
			desc := s.Description
			s.Description = ""
			return &jsonschema.Schema{Description: desc, OneOf: []*jsonschema.Schema{s, {Type: "null"}}}
		}
	}
	return s
}

// TestSchemaGolden checks that schema.json is what the document types
// generate. With -update it rewrites the file for additions (a new field,
// a new document, a changed description); a field removed, retyped or no
// longer always present fails even then, naming it: /api/v1 documents
// change only by adding fields, and a breaking change is /api/v2.
func TestSchemaGolden(t *testing.T) {
	got := generateSchemas(t)
	want, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var old, cur SchemaSet
	if err := json.Unmarshal(want, &old); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &cur); err != nil {
		t.Fatal(err)
	}
	for _, p := range breakingChanges(old, cur) {
		t.Error(p)
	}
	if t.Failed() {
		t.Fatal("/api/v1 documents change only by adding fields: keep the field, or make the change a new version (/api/v2)")
	}
	if bytes.Equal(got, want) {
		return
	}
	if *updateSchemas {
		if err := os.WriteFile("schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("schema.json is not what the document types generate (a field was added or a doc comment changed): review and run go test ./internal/docs -run SchemaGolden -update")
}

// breakingChanges lists what cur removes or changes of old: documents,
// definitions, fields, their types and whether they are always present.
func breakingChanges(old, cur SchemaSet) []string {
	var out []string
	for name, def := range old.Documents {
		if cur.Documents[name] != def {
			out = append(out, fmt.Sprintf("document %s: its schema %s was removed or renamed", name, def))
		}
	}
	for name, raw := range old.Defs {
		craw, ok := cur.Defs[name]
		if !ok {
			out = append(out, fmt.Sprintf("schema %s was removed", name))
			continue
		}
		var o, c struct {
			Properties map[string]any `json:"properties"`
			Required   []string       `json:"required"`
			Rest       map[string]any `json:"-"`
		}
		json.Unmarshal(raw, &o)
		json.Unmarshal(craw, &c)
		if shape(raw, "properties") != shape(craw, "properties") {
			out = append(out, fmt.Sprintf("schema %s changed its type", name))
		}
		for field, op := range o.Properties {
			cp, ok := c.Properties[field]
			if !ok {
				out = append(out, fmt.Sprintf("field %s.%s was removed", name, field))
				continue
			}
			if a, b := fieldType(op), fieldType(cp); a != b {
				out = append(out, fmt.Sprintf("field %s.%s was retyped from %s to %s", name, field, a, b))
			}
			if slices.Contains(o.Required, field) && !slices.Contains(c.Required, field) {
				out = append(out, fmt.Sprintf("field %s.%s is no longer always present", name, field))
			}
		}
	}
	slices.Sort(out)
	return out
}

// fieldType is a field's schema without its descriptions: what a client
// relies on.
func fieldType(v any) string {
	b, _ := json.Marshal(stripDescriptions(v))
	return string(b)
}

// shape is a definition's schema without the keys given and descriptions.
func shape(raw json.RawMessage, drop ...string) string {
	var m map[string]any
	json.Unmarshal(raw, &m)
	for _, k := range append(drop, "required") {
		delete(m, k)
	}
	return fieldType(m)
}

func stripDescriptions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k != "description" && k != "examples" && k != "title" {
				out[k] = stripDescriptions(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripDescriptions(e)
		}
		return out
	}
	return v
}

// TestBreakingChangesNameTheField checks the check itself: a removed,
// a retyped and an optional field are each reported by name.
func TestBreakingChangesNameTheField(t *testing.T) {
	old := SchemaSet{Documents: map[string]string{"x": "X"}, Defs: map[string]json.RawMessage{
		"X": json.RawMessage(`{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"},"c":{"type":"number"}},"required":["a","b","c"]}`)}}
	cur := SchemaSet{Documents: map[string]string{"x": "X"}, Defs: map[string]json.RawMessage{
		"X": json.RawMessage(`{"type":"object","properties":{"b":{"type":"number","description":"new"},"c":{"type":"number"},"d":{"type":"string"}},"required":["b"]}`)}}
	got := breakingChanges(old, cur)
	want := []string{"field X.a was removed", `field X.b was retyped from {"type":"string"} to {"type":"number"}`, "field X.c is no longer always present"}
	if !slices.Equal(got, want) {
		t.Errorf("breaking changes %q, want %q", got, want)
	}
	if got := breakingChanges(old, old); len(got) != 0 {
		t.Errorf("no change reported as %q", got)
	}
}

// TestSchemaNames checks that every document name has a schema and that
// an unknown one is a user error listing the names.
func TestSchemaNames(t *testing.T) {
	for name := range schemaDocuments {
		b, err := Schema(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	_, err := Schema("comprae")
	if err == nil || !strings.Contains(err.Error(), "compare, correlate") || strings.Contains(err.Error(), "\n") {
		t.Errorf("unknown document: %v", err)
	}
}

// TestSchemaDocuments: the list help names is the documents of schema.json.
func TestSchemaDocuments(t *testing.T) {
	var want []string
	for n := range Schemas().Documents {
		want = append(want, n)
	}
	slices.Sort(want)
	if got := SchemaNames(); !slices.Equal(got, want) {
		t.Errorf("SchemaNames() = %v, schema.json has %v: update schemaDocuments", got, want)
	}
}
