package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/importers"
)

// encodingFlag registers --encoding on import and validate: the text
// encoding of a CSV file, where detection cannot tell it (KOI8-R) or guesses
// wrong.
func encodingFlag(cmd *cobra.Command, encoding *string) {
	cmd.Flags().StringVar(encoding, "encoding", "auto",
		"the file's text encoding: "+strings.Join(importers.Encodings, ", ")+" (auto detects UTF-8, UTF-16, Windows-1251 and Windows-1252)")
}
