package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/docs"
)

func newSchemaCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:     "schema <document>",
		Short:   "Print the JSON Schema of a --format json document (the web API's too)",
		Long:    env.Lang.T("cli.help.schema_long", strings.Join(docs.SchemaNames(), ", ")),
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
