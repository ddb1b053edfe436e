package cli

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/atomicfile"
	"github.com/rankings-dev/rankings/internal/chartdata"
	"github.com/rankings-dev/rankings/internal/docs"
)

// EChartsEnv names the environment variable that points --offline at the
// ECharts library file.
const EChartsEnv = "RANKINGS_ECHARTS_JS"

// echartsCache is where `make echarts` puts the pinned library, relative
// to the repository root.
var echartsCache = filepath.Join(".cache", "echarts", charts.EChartsVersion, "echarts.min.js")

// echartsFlags are the flags that say where the page gets ECharts.
type echartsFlags struct {
	offline bool
	path    string
}

func (f *echartsFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.offline, "offline", false, "inline the ECharts library: one self-contained file that opens with no network")
	cmd.Flags().StringVar(&f.path, "echarts-js", "", "the ECharts "+charts.EChartsVersion+" echarts.min.js file for --offline (default: $"+EChartsEnv+", else "+echartsCache+" found from the current directory up, else a copy rankings fetches once from the npm registry into your cache folder)")
}

// options loads the library for --offline.
func (f *echartsFlags) options(env *Env) (charts.Options, error) {
	if !f.offline {
		return charts.Options{}, nil
	}
	path := f.path
	if path == "" {
		path = env.Getenv(EChartsEnv)
	}
	if path == "" {
		path = findUp(echartsCache)
	}
	if path == "" {
		// No copy given and no repository checkout: the one in the user's
		// cache folder, fetched there on first use.
		js, _, err := fetchedECharts(env)
		if err != nil {
			return charts.Options{}, err
		}
		return charts.Options{EChartsJS: js}, nil
	}
	js, err := os.ReadFile(path)
	if err != nil {
		return charts.Options{}, usagef("--offline: cannot read the ECharts library %s: %v; run \"make echarts\" or pass --echarts-js PATH", path, errText(err))
	}
	if err := charts.CheckECharts(js); err != nil {
		return charts.Options{}, usagef("--offline: %s: %s", path, strings.TrimPrefix(err.Error(), "charts: "))
	}
	return charts.Options{EChartsJS: js}, nil
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// findUp looks for rel in the current directory and its parents.
func findUp(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, rel)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// writeFileAtomic writes a file through a temporary file in the same
// folder and a rename: a failure never leaves a half-written file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return usagef("cannot write %s: %v", path, errText(err))
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usagef("cannot write %s: it is a folder; give -o the name of a file", path)
	}
	return atomicfile.Write(path, write)
}

// render writes a chart in one format.
func render(w io.Writer, c *charts.Chart, format string, embed bool, o charts.Options, img *imageFlags) error {
	switch format {
	case "svg", "png", "pdf":
		io, err := img.options(format, c)
		if err != nil {
			return err
		}
		return c.WriteImage(w, charts.ImageFormat(format), io)
	}
	if embed {
		return c.WriteFragment(w, o)
	}
	return c.WritePage(w, o)
}

// output writes to the file, or stdout for "-".
func output(env *Env, path string, write func(io.Writer) error) error {
	if path == "-" {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		_, err := env.Stdout.Write(b.Bytes())
		return err
	}
	if err := writeFileAtomic(path, write); err != nil {
		return err
	}
	_, err := fmt.Fprintln(env.Stdout, path)
	return err
}

func kindNames() string {
	var out []string
	for _, k := range charts.Kinds() {
		out = append(out, string(k))
	}
	return strings.Join(out, ", ")
}

// defaultName derives a file name from the chart: kind, indicator,
// countries or group, year. A chart of several indicators (a profile)
// names no indicator, so its kind is not said twice: profile-kaz-2023.html.
func defaultName(s charts.Spec, r chartdata.Request, ext string) string {
	parts := []string{string(s.Kind)}
	if s.Indicator != "" && s.Indicator != string(s.Kind) {
		parts = append(parts, s.Indicator)
	}
	if len(r.Countries) > 0 {
		var codes []string
		for _, c := range r.Countries {
			codes = append(codes, strings.ToLower(c.ISO3))
		}
		parts = append(parts, strings.Join(codes, "-"))
	} else if s.Kind != charts.Timeline && s.Kind != charts.Profile {
		parts = append(parts, r.Group)
	}
	if s.Year != 0 {
		parts = append(parts, strconv.Itoa(s.Year))
	}
	return strings.Join(parts, "-") + "." + ext
}

func newChartCmd(env *Env) *cobra.Command {
	var format, group, out string
	var ids []string
	var year, from, to int
	var embed, percentile bool
	var ef echartsFlags
	var img *imageFlags
	cmd := &cobra.Command{
		Use:   "chart <kind> [countries...] --indicator id [--year Y] [--group G] [--embed] [--offline] [--format html|svg|png|pdf] [-o FILE]",
		Short: "Draw one chart: ranking, timeline, profile, heatmap, scatter, slope or map",
		Long: `Draw one chart as an HTML page (interactive, ECharts), an embeddable
fragment (--embed: a <figure> and a <script> to paste into a report), a
self-contained offline page (--offline: ECharts inlined), or an SVG, PNG
or PDF file for print (--format svg|png|pdf). Every chart has a title, the
source with its edition and citation, an axis label that states which direction is
better, and its figures as a table with a text description.

Kinds:
  ranking   one indicator in one year: the group's countries as sorted bars
            labelled with their global rank "k of N", N = every country and
            territory the source ranked (named countries are highlighted;
            --group all draws that whole field)
  timeline  the named countries over the years: gaps for missing years,
            labelled methodology breaks (never joined across), ODIHR
            elections as markers, published uncertainty as a band (WGI;
            --percentile draws WGI's percentile rank with its 90% bounds)
  profile   a dot plot of the named countries across indicators (default:
            the headline set): one row per indicator, each country's dot at
            its percentile in the field the source ranked (100 = best),
            labelled with the published value and "rank k of N"
  heatmap   countries × years for one indicator (current methodology unless
            --from is given)
  scatter   --indicator x,y (two different indicators) across the group in
            one year; named countries are highlighted and labelled, the rest
            of the field is grey
  slope     two years (--from, --to; default ten years back within the
            methodology), one line per country, on the indicator's whole
            scale (or zoomed to the data where the scale is unbounded, as
            the axis says)
  map       the group's countries (post-soviet, central-asia,
            south-caucasus, eastern-europe, baltics) on a map of the region,
            filled by their figures in --year (default: the latest), the
            countries around them grey, the named ones outlined; a slider
            shows the other years of that year's methodology

--year is the indicator's own year (edition year for RSF, WJP, Freedom
House) for ranking and map; for profile and scatter it is the year the figures
describe, and edition-year indices use the edition of the next year.`,
		Example: `  rankings chart ranking --indicator rsf
  rankings chart ranking kazakhstan uzbekistan -i wgi-rl --year 2023 -o rl.html
  rankings chart timeline kaz uzb kgz -i rsf --from 2013 --offline
  rankings chart timeline georgia armenia -i wgi-va --percentile --format svg
  rankings chart profile kazakhstan uzbekistan --year 2023
  rankings chart scatter -i wgi-rl,rsf --group all --format png
  rankings chart slope -i fh-fiw --from 2014 --to 2024 --embed -o - >> report.html
  rankings chart map kazakhstan -i fh-fiw --group central-asia --format svg`,
		Args: minArgs(1, "chart needs a kind (%s), e.g. rankings chart ranking --indicator rsf", kindNames()),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, ok := charts.ParseKind(strings.ToLower(args[0]))
			if !ok {
				return usagef("unknown chart kind %q: use one of %s", args[0], kindNames())
			}
			if format != "html" && (embed || ef.offline) {
				return usagef("--embed and --offline are for --format html")
			}
			if from != 0 && to != 0 && from > to {
				return usagef("--from %d is after --to %d", from, to)
			}
			cs, err := env.Store.Registry().ResolveAll(args[1:])
			if err != nil {
				return err
			}
			if _, err := env.Store.Registry().Group(group); err != nil {
				return err
			}
			opt, err := ef.options(env)
			if err != nil {
				return err
			}
			req := chartdata.Request{Kind: kind, Indicators: ids, Countries: cs, Group: group, Year: year, From: from, To: to, Percentile: percentile, Lang: env.Lang}
			spec, err := chartdata.Build(env.Store, req)
			if err != nil {
				return err
			}
			c, err := charts.Build(spec)
			if err != nil {
				return err
			}
			if out == "" {
				ext := format
				if embed {
					ext = "fragment.html"
				}
				out = defaultName(spec, req, ext)
			}
			if _, err := img.options(format, c); err != nil {
				return err
			}
			return output(env, out, func(w io.Writer) error { return render(w, c, format, embed, opt, img) })
		},
	}
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator id (scatter: x,y; profile: a list, default the headline set)")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year (default: the latest with figures)")
	cmd.Flags().IntVar(&from, "from", 0, "first year (timeline, heatmap) or the earlier year (slope)")
	cmd.Flags().IntVar(&to, "to", 0, "last year (timeline, heatmap) or the later year (slope)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	cmd.Flags().BoolVar(&embed, "embed", false, "write an embeddable fragment (<figure> + <script>) instead of a page")
	cmd.Flags().BoolVar(&percentile, "percentile", false, "timeline of a WGI indicator: draw the percentile rank with its published 90% bounds")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file, - for stdout (default: a name derived from the chart)")
	ef.register(cmd)
	formatFlag(cmd, &format, "html", "svg", "png", "pdf")
	img = addImageFlags(cmd)
	return cmd
}

func newChartsCmd(env *Env) *cobra.Command {
	var format, group, dir string
	var ids []string
	var year int
	var ef echartsFlags
	var img *imageFlags
	cmd := &cobra.Command{
		Use:   "charts --year Y [countries...] [--group G] [-o DIR]",
		Short: "Write the per-year comparison set: a ranking chart and a map per indicator and an index.html",
		Long: `Write the per-year comparison set into a folder: for every indicator with
figures in that year (its own year: the edition year for RSF, WJP and
Freedom House) a ranking chart of the group's countries (rsf-2023.html)
and the group's map (map-rsf-2023.html; the groups on the region map:
post-soviet, central-asia, south-caucasus, eastern-europe, baltics), and an
index.html that links them and lists the indicators without figures that
year. Each bar carries its global rank "k of N", N = every country and
territory the source ranked; --group all charts that whole field (and
has no map). Countries named are highlighted in every chart and outlined
on every map (and added when outside the group); with none named, every
country is drawn alike. The index shows a small picture of each
chart (in thumbnails/). With --offline the pages load one copy of
ECharts written beside them (echarts.min.js): keep the folder together.`,
		Example: `  rankings charts --year 2023
  rankings charts --year 2023 kazakhstan uzbekistan
  rankings charts --year 2024 --group central-asia -o ca-2024 --offline
  rankings charts --year 2023 --format svg -o print`,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if year == 0 {
				return usagef("charts needs --year (the indicators' own year, e.g. --year 2023)")
			}
			cs, err := env.Store.Registry().ResolveAll(args)
			if err != nil {
				return err
			}
			if format != "html" && ef.offline {
				return usagef("--offline is for --format html")
			}
			if _, err := env.Store.Registry().Group(group); err != nil {
				return err
			}
			lib, err := ef.options(env)
			if err != nil {
				return err
			}
			// Offline, the pages share one copy of the library beside them.
			var opt charts.Options
			if lib.EChartsJS != nil {
				opt.ScriptURL = chartsLibFile
			}
			var inds []indicators.Indicator
			if len(ids) == 0 {
				inds = env.Store.Indicators()
			} else {
				for _, id := range ids {
					ind, err := env.Store.Indicator(id)
					if err != nil {
						return err
					}
					inds = append(inds, ind)
				}
			}
			if dir == "" {
				dir = fmt.Sprintf("charts-%d", year)
			}
			// A set that fails (no figure that year, a file that cannot be
			// written) leaves no folder it created behind.
			if made := firstMissingDir(filepath.Join(dir, chartsThumbDir)); made != "" {
				defer func() {
					if err != nil {
						os.RemoveAll(made)
					}
				}()
			}
			if err := os.MkdirAll(filepath.Join(dir, chartsThumbDir), 0o755); err != nil {
				return usagef("cannot create %s: %v", dir, errText(err))
			}
			if lib.EChartsJS != nil {
				if err := atomicfile.WriteBytes(filepath.Join(dir, chartsLibFile), lib.EChartsJS); err != nil {
					return err
				}
			}
			progress := isTerminal(env.Stderr)
			sub := "charts_set.subtitle"
			if !chartdata.OnRegionMap(group) {
				sub = "charts_set.subtitle_no_map"
			}
			doc := charts.Document{Title: env.Lang.T("charts_set.title", year, docs.RankingGroupTitleIn(env.Lang, group)),
				Subtitle: env.Lang.T(sub, year), Lang: env.Lang}
			// Each indicator's charts are drawn by one of as many workers
			// as there are processors (the thumbnails' pictures are most
			// of the time); the index lists them in the indicators' order.
			type setItem struct {
				thumbs, mapThumbs []charts.Thumb
				skipped           bool
				err               error
			}
			one := func(ind indicators.Indicator) (it setItem) {
				// The ranking chart, then the map of the group: a group the
				// region map does not hold (all, territories) has none.
				for _, kind := range []charts.Kind{charts.Ranking, charts.Map} {
					spec, err := chartdata.Build(env.Store, chartdata.Request{Kind: kind, Indicators: []string{ind.ID}, Countries: cs, Group: group, Year: year, Lang: env.Lang})
					if err != nil {
						if indicators.IsUserError(err) {
							continue
						}
						return setItem{err: err}
					}
					c, err := charts.Build(spec)
					if err != nil {
						return setItem{err: err}
					}
					name := env.Lang.IndicatorName(ind.ID, ind.Name)
					base, text := fmt.Sprintf("%s-%d", ind.ID, year), env.Lang.T("charts_set.thumb", name, ind.ID)
					if kind == charts.Map {
						base = fmt.Sprintf("map-%s-%d", ind.ID, year)
					}
					file := base + "." + format
					if _, err := img.options(format, c); err != nil {
						return setItem{err: err}
					}
					if err := writeFileAtomic(filepath.Join(dir, file), func(w io.Writer) error { return render(w, c, format, false, opt, img) }); err != nil {
						return setItem{err: err}
					}
					thumb, err := writeThumb(dir, c, base)
					if err != nil {
						return setItem{err: err}
					}
					thumb.Href, thumb.Text = file, text
					if kind == charts.Map {
						it.mapThumbs = append(it.mapThumbs, thumb)
					} else {
						it.thumbs = append(it.thumbs, thumb)
					}
				}
				it.skipped = len(it.thumbs)+len(it.mapThumbs) == 0
				return it
			}
			items := make([]setItem, len(inds))
			var (
				mu       sync.Mutex
				done     int
				next     = make(chan int)
				finished sync.WaitGroup
				failed   atomic.Bool
			)
			for range max(1, min(runtime.GOMAXPROCS(0), len(inds))) {
				finished.Go(func() {
					for i := range next {
						if !inds[i].Events && !failed.Load() {
							items[i] = one(inds[i])
							if items[i].err != nil {
								failed.Store(true)
							}
						}
						mu.Lock()
						done++
						if progress {
							fmt.Fprintf(env.Stderr, "\r[%d/%d] %-20s", done, len(inds), inds[i].ID)
						}
						mu.Unlock()
					}
				})
			}
			for i := range inds {
				next <- i
			}
			close(next)
			finished.Wait()
			if progress {
				fmt.Fprint(env.Stderr, "\r\x1b[K")
			}
			var thumbs, mapThumbs []charts.Thumb
			var skipped []charts.Cell
			n := 0
			for i, it := range items {
				if it.err != nil {
					return it.err
				}
				thumbs, mapThumbs = append(thumbs, it.thumbs...), append(mapThumbs, it.mapThumbs...)
				n += len(it.thumbs) + len(it.mapThumbs)
				if it.skipped && !inds[i].Events {
					ind := inds[i]
					skipped = append(skipped, charts.Cell{Text: env.Lang.T("charts_set.no_figures_item", ind.ID, env.Lang.IndicatorName(ind.ID, ind.Name), year)})
				}
			}
			if n == 0 {
				return chartsNoFigures(env.Store, inds, year)
			}
			// The rankings, then the maps: each a grid of pictures of one
			// shape.
			doc.Sections = append(doc.Sections, charts.Section{Heading: env.Lang.T("charts_set.rankings"), Thumbs: thumbs})
			if len(mapThumbs) > 0 {
				doc.Sections = append(doc.Sections, charts.Section{Heading: env.Lang.T("charts_set.maps"), Thumbs: mapThumbs})
			}
			if len(skipped) > 0 {
				doc.Sections = append(doc.Sections, charts.Section{Heading: env.Lang.T("charts_set.no_figures", year), List: skipped})
			}
			if err := writeFileAtomic(filepath.Join(dir, "index.html"), func(w io.Writer) error {
				return charts.WriteDocument(w, doc, charts.Options{})
			}); err != nil {
				return err
			}
			msg := sayChartsWritten.in(env.Lang, n, n, dir)
			if len(skipped) > 0 {
				var without []string
				for _, c := range skipped {
					without = append(without, strings.SplitN(c.Text, " — ", 2)[0])
				}
				msg = fmt.Sprintf("%s; %s", msg, sayIndicatorsWithout.in(env.Lang, len(skipped), len(skipped), year, strings.Join(without, ", ")))
			}
			fmt.Fprintln(env.Stderr, msg)
			_, err = fmt.Fprintln(env.Stdout, filepath.Join(dir, "index.html"))
			return err
		},
	}
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator ids (default: all)")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year of the set (required)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group: "+strings.Join(countries.GroupNames(), ", "))
	cmd.Flags().StringVarP(&dir, "output", "o", "", "output folder (default: charts-YEAR)")
	ef.register(cmd)
	formatFlag(cmd, &format, "html", "svg", "png", "pdf")
	img = addImageFlags(cmd)
	return cmd
}

// A chart set's shared files: the ECharts library its pages load when
// offline, and the folder of the index's thumbnails.
const (
	chartsLibFile  = "echarts.min.js"
	chartsThumbDir = "thumbnails"
)

// firstMissingDir returns the outermost folder of dir's path that does not
// exist yet, the one os.MkdirAll(dir) would create first; "" when dir
// exists (or cannot be looked at).
func firstMissingDir(dir string) string {
	missing := ""
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			return missing
		}
		missing = d
		if filepath.Dir(d) == d {
			return missing
		}
	}
}

// thumbScale draws a thumbnail at 0.3 of the chart's screen resolution:
// 288 pixels wide for a chart of the default width.
const thumbScale = 0.3

// writeThumb writes a small PNG of c into the set's thumbnail folder as
// base.png and returns where the index finds it and its size.
func writeThumb(dir string, c *charts.Chart, base string) (charts.Thumb, error) {
	var b bytes.Buffer
	if err := c.WriteImage(&b, charts.PNG, charts.ImageOptions{Scale: thumbScale}); err != nil {
		return charts.Thumb{}, err
	}
	size, err := png.DecodeConfig(bytes.NewReader(b.Bytes()))
	if err != nil {
		return charts.Thumb{}, err
	}
	rel := chartsThumbDir + "/" + base + ".png"
	if err := atomicfile.WriteBytes(filepath.Join(dir, filepath.FromSlash(rel)), b.Bytes()); err != nil {
		return charts.Thumb{}, err
	}
	return charts.Thumb{Src: rel, Width: size.Width, Height: size.Height}, nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newReportCmd(env *Env) *cobra.Command {
	var out, format, group string
	var ids []string
	var year int
	var ef echartsFlags
	cmd := &cobra.Command{
		Use:   "report <country> <country> [<country>...] [-o FILE] [--format html|pdf|markdown]",
		Short: "Write a comparison brief: an overview, per indicator a chart, a table and the facts in sentences",
		Long: `Write a comparison brief: an overview table of the countries on every
indicator (value, rank k of N, who is ahead, the group median), then per
indicator (default: the headline set) a timeline of the countries over
the methodology of the year shown, its figures, and sentences stating the
facts ("In the 2025 edition Kazakhstan ranked 141st of 180 countries and
territories …; Uzbekistan 148th …"), with the direction of the scale and
whether differences are distinguishable; then the OSCE/ODIHR election
table with sources, and the full citation of every source.

--format html (default) writes one page; --offline inlines ECharts so it
opens with no network. --format pdf writes a print document: a title
page with the contents, then each section on its own pages with its
chart as vector art and its fonts embedded. --format markdown writes
report-<codes>.md (or the -o file) and its charts as SVG files in the
folder beside it named after it (report-<codes>-files/), linked from the
text, for pandoc, Word or Google Docs.

--year reports each indicator in that year of its own (an edition year
for RSF, WJP and Freedom House) and the elections held in or before it.`,
		Example: `  rankings report kazakhstan uzbekistan
  rankings report kaz uzb --format pdf -o brief.pdf
  rankings report kaz uzb --format markdown -o brief.md   # and brief-files/*.svg
  rankings report georgia armenia azerbaijan --group south-caucasus --year 2020
  rankings report kaz uzb -i rsf,wgi-rl -o brief.html --offline`,
		Args: minArgs(2, "report needs at least two countries, e.g. rankings report kazakhstan uzbekistan"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ext, ok := reportExt[format]
			if !ok {
				return usagef("unknown format %q: use one of html, pdf, markdown", format)
			}
			if ef.offline && format != "html" {
				return usagef("--offline is for --format html: a %s report needs no chart library", format)
			}
			if format == "markdown" && out == "-" {
				return usagef("--format markdown writes its charts as files beside the report: give -o report.md, not -o -")
			}
			cs, err := env.Store.Registry().ResolveAll(args)
			if err != nil {
				return err
			}
			if _, err := env.Store.Registry().Group(group); err != nil {
				return err
			}
			opt, err := ef.options(env)
			if err != nil {
				return err
			}
			doc, err := chartdata.Report(env.Store, cs, chartdata.ReportOptions{Year: year, Group: group, Indicators: ids, Lang: env.Lang})
			if err != nil {
				return err
			}
			if out == "" {
				var codes []string
				for _, c := range cs {
					codes = append(codes, strings.ToLower(c.ISO3))
				}
				out = "report-" + strings.Join(codes, "-") + ext
			}
			switch format {
			case "pdf":
				return output(env, out, func(w io.Writer) error {
					return charts.WritePDFDocument(w, doc, charts.PDFOptions{Lang: string(env.Lang)})
				})
			case "markdown":
				return writeMarkdownReport(env, out, doc)
			}
			return output(env, out, func(w io.Writer) error { return charts.WriteDocument(w, doc, opt) })
		},
	}
	cmd.Flags().StringSliceVarP(&ids, "indicator", "i", nil, "indicator ids (default: the headline set)")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "each indicator's own year to report (default: the latest all the countries have)")
	cmd.Flags().StringVarP(&group, "group", "g", "post-soviet", "group whose median the overview gives: "+strings.Join(countries.GroupNames(), ", "))
	cmd.Flags().StringVarP(&format, "format", "f", "html", "output format: html, pdf, markdown")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file, - for stdout (default: report-<codes>.html, .pdf or .md)")
	ef.register(cmd)
	return cmd
}

// reportExt is the file extension of each report format.
var reportExt = map[string]string{"html": ".html", "pdf": ".pdf", "markdown": ".md"}

// writeMarkdownReport writes doc as markdown to path and its charts as SVG
// files in the folder beside it named after it ("brief.md",
// "brief-files/03-rsf-map.svg"), each file written whole or not at all.
func writeMarkdownReport(env *Env, path string, doc charts.Document) error {
	if _, err := os.Stat(filepath.Dir(path)); err != nil {
		return usagef("cannot write %s: %v", path, errText(err))
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	dir := filepath.Join(filepath.Dir(path), base+"-files")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usagef("cannot write %s: %v", dir, errText(err))
	}
	o := charts.MarkdownOptions{Dir: base + "-files", Create: func(name string) (io.WriteCloser, error) {
		return &atomicWriter{path: filepath.Join(dir, name)}, nil
	}}
	return output(env, path, func(w io.Writer) error { return charts.WriteMarkdownDocument(w, doc, o) })
}

// atomicWriter collects a file's bytes and writes the file whole on Close.
type atomicWriter struct {
	path string
	b    bytes.Buffer
}

func (a *atomicWriter) Write(p []byte) (int, error) { return a.b.Write(p) }

func (a *atomicWriter) Close() error {
	return atomicfile.Write(a.path, func(w io.Writer) error { _, err := w.Write(a.b.Bytes()); return err })
}
