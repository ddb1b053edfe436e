package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/docs"
)

func newSchemaCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema <document>",
		Short: "Print the JSON Schema of a --format json document (the web API's too)",
		Long: `schema prints the JSON Schema (draft 2020-12) of one of the documents that
--format json prints and the web API serves: ` + strings.Join(docs.SchemaNames(), ", ") + `
("error" is the body of the API's error responses). It is the schema
/api/v1/openapi.json gives for the same document: every field with its
type, what its null means, its unit and direction where it has one.`,
		Example: "  rankings schema compare > compare.schema.json",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("schema needs one document name, e.g. rankings schema compare (documents: %s)", strings.Join(docs.SchemaNames(), ", "))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			b, err := docs.Schema(args[0])
			if err != nil {
				return err
			}
			_, err = env.Stdout.Write(b)
			return err
		},
	}
}
