package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/datasets/ingest"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// httpClient is the client update downloads with; tests point it at a
// local TLS server.
var httpClient = func() *http.Client { return &http.Client{Timeout: 10 * time.Minute} }

// downloadURL is where a publisher's current file can be downloaded, for
// the sources that have a stable address; year is the edition wanted.
func downloadURL(source string, year int) (string, bool) {
	switch source {
	case "rsf":
		return fmt.Sprintf("https://rsf.org/sites/default/files/import_classement/%d.csv", year), true
	}
	return "", false
}

func newUpdateCmd(env *Env) *cobra.Command {
	var rawURL string
	var year int
	var opt ingest.Options
	cmd := &cobra.Command{
		Use:   "update <source> [--year Y] [--url https://…]",
		Short: "Download a publisher's current file over HTTPS and import it",
		Long: `Download a publisher's current file over HTTPS, with a progress bar on a
terminal, then import it exactly as "rankings import" does (checked
completely first; nothing is stored on any error). RSF has a stable
address per edition (--year, default this year); for other sources give
the file's address with --url. Only https:// addresses are accepted.`,
		Example: `  rankings update rsf --year 2026
  rankings update wgi --url https://example.org/wgidataset.csv`,
		Args: exactArgs(1, "update needs one source, e.g. rankings update rsf --year 2026 (sources: %s)", sourceIDs()),
		RunE: func(cmd *cobra.Command, args []string) error {
			source := args[0]
			if _, err := ingest.LookupSource(source); err != nil {
				return err
			}
			dir := dataDir(cmd, env)
			if dir == "" {
				return usagef("no data directory: set HOME or XDG_DATA_HOME, or give --data-dir")
			}
			if year == 0 {
				year = now().Year()
			}
			if rawURL == "" {
				u, ok := downloadURL(source, year)
				if !ok {
					return usagef("%s has no known download address: give the file's https:// address with --url", source)
				}
				rawURL = u
			}
			u, err := url.Parse(rawURL)
			if err != nil || u.Scheme != "https" || u.Host == "" {
				return usagef("--url %q is not an https:// address", rawURL)
			}
			name := path.Base(u.Path)
			if name == "." || name == "/" {
				name = source
			}
			data, err := download(cmd.Context(), env, u.String(), name)
			if err != nil {
				return err
			}
			return runImport(env, dir, source, name, data, opt, false)
		},
	}
	cmd.Flags().StringVar(&rawURL, "url", "", "https:// address of the file (default: the publisher's address, where known)")
	cmd.Flags().IntVar(&year, "year", 0, "edition to download (rsf; default this year)")
	cmd.Flags().BoolVar(&opt.SkipUnknown, "skip-unknown", false, "leave out rows of countries the registry does not know, listing them, instead of failing")
	cmd.Flags().BoolVar(&opt.ReplaceYear, "replace-year", false, replaceYearUsage)
	return cmd
}

// download fetches rawURL, drawing a progress bar on stderr when the
// output is a terminal, and refuses bodies larger than an importer reads.
func download(ctx context.Context, env *Env, rawURL, name string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "rankings/"+buildVersion())
	resp, err := httpClient().Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot download %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, usagef("cannot download %s: the server answered %s", rawURL, resp.Status)
	}
	if resp.ContentLength > importers.MaxFileSize {
		return nil, usagef("%s is %d bytes, larger than %d MiB: not a publisher's file", rawURL, resp.ContentLength, importers.MaxFileSize>>20)
	}
	p := &progress{w: env.Stderr, tty: env.TTY, lang: env.Lang, name: name, total: resp.ContentLength}
	body := io.TeeReader(io.LimitReader(resp.Body, importers.MaxFileSize+1), p)
	data, err := io.ReadAll(body)
	p.done(err)
	if err != nil {
		return nil, fmt.Errorf("cannot download %s: %w", rawURL, err)
	}
	if len(data) > importers.MaxFileSize {
		return nil, usagef("%s is larger than %d MiB: not a publisher's file", rawURL, importers.MaxFileSize>>20)
	}
	if resp.ContentLength >= 0 && int64(len(data)) != resp.ContentLength {
		return nil, errors.New("cannot download " + rawURL + ": the connection ended early")
	}
	return data, nil
}

// progress draws a download's progress bar: redrawn in place on a
// terminal, one line when done elsewhere.
type progress struct {
	w       io.Writer
	tty     bool
	lang    i18n.Lang
	name    string
	total   int64 // -1 when unknown
	n       int64
	lastPct int
	drawn   bool
}

func (p *progress) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if !p.tty {
		return len(b), nil
	}
	pct := -1
	if p.total > 0 {
		pct = int(p.n * 100 / p.total)
	}
	if p.drawn && pct == p.lastPct && pct >= 0 {
		return len(b), nil
	}
	p.lastPct, p.drawn = pct, true
	fmt.Fprintf(p.w, "\r%s", p.line())
	return len(b), nil
}

// line renders the bar: "2026.csv [=========>          ]  48%  12.8 kB of 26.7 kB".
func (p *progress) line() string {
	l := p.lang
	if p.total <= 0 {
		return l.T("update.downloading", p.name, size(l, p.n))
	}
	const width = 30
	filled := int(p.n * width / p.total)
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	return l.T("update.downloading_bar", p.name, bar, p.n*100/p.total, size(l, p.n), size(l, p.total))
}

func (p *progress) done(err error) {
	if err != nil {
		if p.drawn {
			fmt.Fprintln(p.w)
		}
		return
	}
	if p.tty {
		if !p.drawn || p.lastPct != 100 {
			fmt.Fprintf(p.w, "\r%s", p.line())
		}
		fmt.Fprintln(p.w)
		return
	}
	fmt.Fprintf(p.w, "%s\n", p.lang.T("update.downloaded", p.name, size(p.lang, p.n)))
}

// size renders a byte count in language l: "812 B", "26.7 kB", "1.9 MB"
// («26,7 кБ»).
func size(l i18n.Lang, n int64) string {
	switch {
	case n < 1000:
		return l.T("update.bytes", n)
	case n < 1000_000:
		return l.T("update.kilobytes", l.Figure(fmt.Sprintf("%.1f", float64(n)/1e3)))
	}
	return l.T("update.megabytes", l.Figure(fmt.Sprintf("%.1f", float64(n)/1e6)))
}
