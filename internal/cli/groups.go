package cli

import (
	"strings"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// groupHelp lists the groups for help texts, each with the words readers
// see: "post-soviet (post-Soviet states), …, territories (disputed and
// occupied territories), all (all countries)".
func groupHelp() string {
	var out []string
	for _, g := range countries.GroupNames() {
		out = append(out, g+" ("+countries.GroupTitle(g)+")")
	}
	return strings.Join(out, ", ")
}

// groupHelpIn is groupHelp in language l: each group's id with its title
// in l.
func groupHelpIn(l i18n.Lang) string {
	var out []string
	for _, g := range countries.GroupNames() {
		out = append(out, l.T("cli.help.group_item", g, docs.GroupTitleIn(l, g)))
	}
	return strings.Join(out, ", ")
}
