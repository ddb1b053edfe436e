package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/internal/server"
)

func newBakeCmd(env *Env) *cobra.Command {
	var out string
	var force bool
	var opts serverOptions
	cmd := &cobra.Command{
		Use:   "bake -o DIR [--force]",
		Short: "Write the whole site as static files any web server or CDN can serve",
		Long: `Write every page, every API document (each country, indicator and year),
and the assets into DIR at the same URLs the service uses; query-string
routes are written at their path equivalents (/compare/KAZ,UZB,
/api/v1/rank/rsf/2025.json …). Bake follows the links of every page it
writes and writes what they lead to, so that no link of the copy is
broken. A static server cannot answer a query string, so a link with one
(/chart/timeline?c=KAZ,UZB&indicator=wgi-rl) is written at a path that
spells its parameters out in name order
(/chart/timeline/c=KAZ,UZB&indicator=wgi-rl) and the page's link is
rewritten to point there. The copy's charts offer their figures as CSV;
their PNG, SVG and PDF files and their embed code are the service's
(rankings serve) and rankings chart's.

DIR may be new, empty, or a previous bake: bake writes a file named
` + server.BakeMarker + ` into every site it makes. A rebake builds the new
site in a hidden folder beside DIR and swaps it in only once it is
complete, so the previous site stays whole until then and files the new
site no longer has are gone (so is anything you added to DIR). A folder
holding other files is refused, so that none of them is overwritten;
--force replaces such a folder the same way, deleting everything in it. A
failed or interrupted bake leaves DIR as it was.`,
		Args: noArgs("bake takes no arguments: give the folder with -o, e.g. rankings bake -o site"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			gcDefaults()
			if out == "" {
				return usagef("bake needs -o DIR")
			}
			if opts.publicURL != "" {
				if _, err := server.ParseOrigin(opts.publicURL); err != nil {
					return usagef("--public-url: %v", err)
				}
			}
			opts.noGzip = true
			h, err := opts.build(env, nil)
			if err != nil {
				return err
			}
			progress := func(done, total int) {
				if done%200 == 0 || done == total {
					fmt.Fprintf(env.Stderr, "%s\n", env.Lang.N("bake.progress", total, done, total))
				}
			}
			res, err := h.BakeWith(out, server.BakeOptions{Force: force, Context: cmd.Context(), Progress: progress})
			if err != nil {
				return bakeError(out, err)
			}
			wrote := "bake.wrote"
			switch res.Replaced {
			case server.ReplacedBake:
				wrote = "bake.wrote_replacing_bake"
			case server.ReplacedFolder:
				wrote = "bake.wrote_replacing_folder"
			}
			fmt.Fprintf(env.Stdout, "%s\n", env.Lang.N(wrote, res.Files, res.Files, out))
			if res.Leftover != "" {
				fmt.Fprintf(env.Stderr, "%s\n", env.Lang.T("bake.leftover", res.Leftover))
			}
			for _, st := range res.Stale {
				key := "bake.stale"
				if st.HoldsSite {
					key = "bake.stale_site"
				}
				fmt.Fprintf(env.Stderr, "%s\n", env.Lang.T(key, st.Dir))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "folder to write the site into: new, empty or a previous bake")
	cmd.Flags().BoolVar(&force, "force", false, "replace DIR even if it holds files that are not a previous bake, deleting them all")
	cmd.Flags().StringVar(&opts.publicURL, "public-url", "", "the public origin of the service the copy is of, such as https://rankings.example.org: the copy's API description names it as the server that answers queries (default: the copy itself, which holds the .json documents)")
	opts.register(cmd)
	return cmd
}

// bakeError turns a folder the bake refused into one line that says what
// was wrong and how to go on.
func bakeError(out string, err error) error {
	var de *server.BakeDirError
	if errors.As(err, &de) {
		switch de.Kind {
		case server.BakeDirNotEmpty:
			return usagef("%s is not empty and holds no previous bake; give a new or empty folder, or add --force to delete everything in it and write the site there", out)
		case server.BakeDirNotFolder:
			return usagef("-o %s is a file, not a folder; give the folder to write the site into", out)
		case server.BakeDirDanglingLink:
			return usagef("-o %s is a symbolic link to %s, which does not exist; create that folder or give another one", out, de.Target)
		case server.BakeDirUnusable:
			return usagef("cannot use %s as the site's folder: %s; give another folder", out, osErrText(de.Err))
		case server.BakeDirUnwritable:
			return usagef("cannot create a folder beside %s to build the site in: %s; give a folder whose parent you can write to", out, osErrText(de.Err))
		case server.BakeDirNotReplaceable:
			return usagef("cannot move %s aside to put the new site in its place: %s; give a folder that is not a mount point or in use", out, osErrText(de.Err))
		}
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("the bake was interrupted and left %s as it was", out)
	}
	return err
}

// osErrText is the reason an operating-system error gives, without the
// operation and path the message around it already names.
func osErrText(err error) string {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case err == nil:
		return "unknown error"
	case errors.As(err, &pe):
		return pe.Err.Error()
	case errors.As(err, &le):
		return le.Err.Error()
	}
	return err.Error()
}
