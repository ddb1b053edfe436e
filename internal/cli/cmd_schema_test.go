package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// runCLI runs args and returns stdout, stderr and the exit code.
func runCLI(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return out.String(), errb.String(), code
}

// TestSchemaDescribesTheJSON checks that each --format json document is
// valid under the schema `rankings schema` prints for it: the CLI's
// documents and the API's have one schema.
func TestSchemaDescribesTheJSON(t *testing.T) {
	cases := []struct {
		document string
		args     []string
	}{
		{"compare", []string{"compare", "kaz", "uzb", "mng", "--since", "2010", "--format", "json"}},
		{"compare", []string{"compare", "est", "lva", "--year", "2015", "--format", "json"}},
		{"rank", []string{"rank", "-i", "rsf", "-g", "all", "--format", "json"}},
		{"trend", []string{"trend", "russia", "-i", "rsf", "--format", "json"}},
		{"elections", []string{"elections", "geo", "--format", "json"}},
		{"correlate", []string{"correlate", "--format", "json"}},
		{"show", []string{"show", "crimea", "--format", "json"}},
		{"countries", []string{"countries", "--group", "all", "--format", "json"}},
		{"indicators", []string{"indicators", "--format", "json"}},
		{"indicator", []string{"indicators", "ti-cpi", "--format", "json"}},
		{"sources", []string{"sources", "--format", "json"}},
	}
	for _, c := range cases {
		schema, stderr, code := runCLI("schema", c.document)
		if code != 0 {
			t.Fatalf("rankings schema %s: exit %d: %s", c.document, code, stderr)
		}
		doc, stderr, code := runCLI(c.args...)
		if code != 0 {
			t.Fatalf("rankings %s: exit %d: %s", strings.Join(c.args, " "), code, stderr)
		}
		s, err := jsonschema.UnmarshalJSON(strings.NewReader(schema))
		if err != nil {
			t.Fatal(err)
		}
		comp := jsonschema.NewCompiler()
		if err := comp.AddResource(c.document+".json", s); err != nil {
			t.Fatal(err)
		}
		sch, err := comp.Compile(c.document + ".json")
		if err != nil {
			t.Fatalf("schema %s: %v", c.document, err)
		}
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("rankings %s is not valid under rankings schema %s: %v", strings.Join(c.args, " "), c.document, err)
		}
	}
}

// TestSchemaUnknownDocument checks that an unknown or missing name is one
// line listing the names, exit code 2.
func TestSchemaUnknownDocument(t *testing.T) {
	for _, args := range [][]string{{"schema", "comparison"}, {"schema"}, {"schema", "compare", "rank"}} {
		out, stderr, code := runCLI(args...)
		if code != 2 || out != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "compare, correlate, countries") {
			t.Errorf("rankings %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), code, out, stderr)
		}
	}
}
