package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/datasets/ingest"
	"github.com/rankings-dev/rankings/datasets/userdata"
	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/errtext"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// now is the clock imports are dated by; tests fix it.
var now = time.Now

// userData registers --data-dir on the root and layers the data
// directory's imports over the embedded data before every command; after a
// command that used imported figures it says so once per import on stderr.
// A store a test put into Env is left alone.
func userData(root *cobra.Command, env *Env) {
	root.PersistentFlags().String("data-dir", "", "directory of imported data (default $XDG_DATA_HOME/rankings, or ~/.local/share/rankings)")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if env.Store != datasets.Embedded() {
			return nil
		}
		dir := dataDir(cmd, env)
		if dir == "" {
			return nil
		}
		ov, err := userdata.Open(dir).Overlays()
		if err != nil {
			return err
		}
		if len(ov) > 0 {
			env.Store = env.Store.With(ov...)
		}
		return nil
	}
	root.PersistentPostRunE = func(*cobra.Command, []string) error {
		for _, label := range env.Store.Used() {
			fmt.Fprintf(env.Stderr, "%s\n", env.Lang.T("import.using", importLabel(env.Lang, label)))
		}
		return nil
	}
}

// usedLabel recognises the label of an import the store used
// (userdata.Entry.Label).
var usedLabel = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(.+) from import (\d+) of (\d{4}-\d\d-\d\d)$`) })

// importLabel says the label of an import in language l: "rsf 2026 from
// import 3 of 2026-05-03".
func importLabel(l i18n.Lang, label string) string {
	m := usedLabel().FindStringSubmatch(label)
	if l == i18n.EN || m == nil {
		return label
	}
	return l.T("import.label", m[1], m[2], l.DateText(m[3]))
}

// dataDir is the data directory: --data-dir, or the default.
func dataDir(cmd *cobra.Command, env *Env) string {
	if f := cmd.Flag("data-dir"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return userdata.DefaultPath(env.Getenv)
}

// sourceList describes the import sources for help texts, in language l:
// the catalogue's "cli.import_source.<id>", else the importer's own
// description.
func sourceList(l i18n.Lang) string {
	var b strings.Builder
	for _, s := range ingest.Sources() {
		d := s.Description
		if key := "cli.import_source." + s.ID; l != i18n.EN && i18n.Has(key) {
			d = l.T(key)
		}
		fmt.Fprintf(&b, "  %-11s %s\n", s.ID, d)
	}
	return b.String()
}

// replaceYearUsage is the help of --replace-year.
const replaceYearUsage = "let the file replace a year of the embedded data although it has fewer than half of that year's countries"

func newImportCmd(env *Env) *cobra.Command {
	var list bool
	var opt ingest.Options
	var remove int
	var format string
	cmd := &cobra.Command{
		Use:   "import <source> <file> | --list | --remove <id>",
		Short: "Import a publisher's new file or your own data over the embedded data",
		Long:  env.Lang.T("cli.help.import_long", sourceList(env.Lang)),
		Example: `  rankings import rsf 2026.csv
  rankings import long my-index.csv --skip-unknown
  rankings import --list
  rankings import --remove 3`,
		Args: importArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := dataDir(cmd, env)
			removing := cmd.Flags().Changed("remove")
			switch {
			case list && removing:
				return usagef("give either --list or --remove, not both")
			case (list || removing) && len(args) > 0:
				return usagef("--list and --remove take no <source> <file>")
			case !list && !removing && len(args) != 2:
				return usagef("import needs a source and a file: rankings import <source> <file> (sources: %s)", sourceIDs())
			case dir == "":
				return usagef("no data directory: set HOME or XDG_DATA_HOME, or give --data-dir")
			case list:
				return listImports(env, dir, format)
			case removing:
				e, err := userdata.Open(dir).Remove(remove)
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(env.Stdout, "%s\n", env.Lang.T("import.removed", e.ID, e.What, e.File, env.Lang.DateText(e.Date())))
				return err
			}
			return runImport(env, dir, args[0], args[1], nil, opt, false)
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the imports")
	cmd.Flags().IntVar(&remove, "remove", 0, "remove the import with this id (see --list)")
	cmd.Flags().BoolVar(&opt.SkipUnknown, "skip-unknown", false, "leave out rows of countries the registry does not know, listing them, instead of failing")
	cmd.Flags().BoolVar(&opt.ReplaceYear, "replace-year", false, replaceYearUsage)
	encodingFlag(cmd, &opt.Encoding)
	formatFlag(cmd, &format, "table", "json", "csv")
	return cmd
}

func newValidateCmd(env *Env) *cobra.Command {
	var opt ingest.Options
	cmd := &cobra.Command{
		Use:     "validate <source> <file>",
		Short:   "Check a file as import would, storing nothing",
		Long:    env.Lang.T("cli.help.validate_long", sourceList(env.Lang)),
		Example: `  rankings validate rsf 2026.csv`,
		Args:    exactArgs(2, "validate needs a source and a file, e.g. rankings validate rsf 2026.csv (sources: %s)", sourceIDs()),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(env, "", args[0], args[1], nil, opt, true)
		},
	}
	cmd.Flags().BoolVar(&opt.SkipUnknown, "skip-unknown", false, "leave out rows of countries the registry does not know, listing them, instead of failing")
	cmd.Flags().BoolVar(&opt.ReplaceYear, "replace-year", false, replaceYearUsage)
	encodingFlag(cmd, &opt.Encoding)
	return cmd
}

func sourceIDs() string {
	var ids []string
	for _, s := range ingest.Sources() {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ", ")
}

// runImport validates a file completely and, unless validateOnly, stores
// it in the data directory dir. data is the file's content when it was
// downloaded (update); otherwise the file is read from path. opt gives the
// options of the command line (SkipUnknown, ReplaceYear).
//
// The file is read and checked against the data as the command found it;
// the checks that depend on earlier imports (new indicators' metadata,
// indicators earlier imports defined, overlapping imports) are made again
// under the data directory's lock, against its manifest as it is then,
// because a concurrent import may have changed it in between.
func runImport(env *Env, dir, source, path string, data []byte, opt ingest.Options, validateOnly bool) error {
	if _, err := ingest.LookupSource(source); err != nil {
		return err
	}
	var b *ingest.Batch
	opt.CheckOnly, opt.StoreOnly = validateOnly, !validateOnly
	read := func() (err error) {
		b, err = ingest.Read(source, path, data, env.Store, opt)
		return err
	}
	var err error
	if data != nil {
		err = read()
	} else {
		var release func()
		if data, release, err = readInput(path); err != nil {
			return err
		}
		err = readMapped(path, read)
		release() // the batch keeps nothing of data
		data = nil
	}
	if err != nil {
		return importError(err)
	}
	l := env.Lang
	printWarnings := func(warnings []string) {
		for _, w := range warnings {
			fmt.Fprintf(env.Stderr, "%s\n", l.T("import.warning", errtext.Warning(l, env.registry(), w)))
		}
	}
	summary := l.T("import.summary", path, b.What(), counts(l, b))
	if validateOnly {
		printWarnings(importWarnings(l, b, nil))
		_, err := fmt.Fprintf(env.Stdout, "%s\n", l.T("import.valid", summary))
		env.printNotes(b.Notes)
		return err
	}
	stored, err := b.Data()
	if err != nil {
		return err
	}
	d := userdata.Open(dir)
	var said []string // the warnings in the output's language
	entry := userdata.Entry{Source: b.Source, File: path, SHA256: b.SHA256, What: b.What(), Covers: b.Covers}
	e, err := d.AddChecked(entry, stored, now().Truncate(time.Second), func(m userdata.Manifest, e userdata.Entry) (userdata.Entry, error) {
		if err := b.Recheck(datasets.Embedded().With(d.OverlaysOf(m)...)); err != nil {
			return e, importError(err)
		}
		e.Indicators = append(slices.Clone(b.Indicators), inherited(b, m.Imports)...)
		e.Warnings = importWarnings(i18n.EN, b, m.Imports) // the manifest keeps them in English
		said = importWarnings(l, b, m.Imports)
		return e, nil
	})
	if err != nil {
		return err
	}
	printWarnings(said)
	if _, err := fmt.Fprintf(env.Stdout, "%s\n", l.T("import.imported", summary, e.ID, dir)); err != nil {
		return err
	}
	env.printNotes(b.Notes)
	return nil
}

// printNotes prints a batch's notes under its report, in the output's
// language where they are recognised.
func (env *Env) printNotes(notes []string) {
	for _, n := range notes {
		fmt.Fprintf(env.Stdout, "  %s\n", errtext.Warning(env.Lang, env.registry(), n))
	}
}

// counts says how much a batch holds, in language l: "1074 figures of
// 180 countries".
func counts(l i18n.Lang, b *ingest.Batch) string {
	iso := map[string]bool{}
	if len(b.Elections) > 0 {
		for _, e := range b.Elections {
			iso[e.ISO3] = true
		}
		return l.T("import.elections_in", l.N("import.n_elections", len(b.Elections), len(b.Elections)), l.N("import.in_countries", len(iso), len(iso)))
	}
	s := l.T("import.figures_of", l.N("import.n_figures", b.Figures, b.Figures), l.N("import.of_countries", b.Countries, b.Countries))
	if len(b.Indicators) > 0 {
		var ids []string
		for _, m := range b.Indicators {
			ids = append(ids, m.ID)
		}
		s = l.N("import.new_indicators", len(ids), s, strings.Join(ids, ", "))
	}
	return s
}

// importWarnings are the warnings of storing the batch over the earlier
// imports: the batch's own, the imports it overlaps and the rows
// --skip-unknown left out.
// They are said in language l; the batch's own warnings and the rows'
// errors stay as the importer words them.
func importWarnings(l i18n.Lang, b *ingest.Batch, imports []userdata.Entry) []string {
	warnings := append(slices.Clone(b.Warnings), overlaps(l, b, imports)...)
	if len(b.Skipped) > 0 {
		warnings = append(warnings, l.N("import.left_out", len(b.Skipped), len(b.Skipped)))
		for i, s := range b.Skipped {
			if i == 20 {
				warnings = append(warnings, l.T("import.and_more", len(b.Skipped)-20))
				break
			}
			warnings = append(warnings, "  "+s.Err.Error())
		}
	}
	return warnings
}

// inherited returns the metadata of the indicators the batch has figures
// for that an earlier import defined: every import carries the definitions
// it needs, so removing the earlier one does not orphan its figures.
func inherited(b *ingest.Batch, imports []userdata.Entry) []importers.IndicatorMeta {
	var out []importers.IndicatorMeta
	for id := range b.Covers {
		if slices.ContainsFunc(b.Indicators, func(m importers.IndicatorMeta) bool { return m.ID == id }) {
			continue
		}
		for i := len(imports) - 1; i >= 0; i-- {
			if j := slices.IndexFunc(imports[i].Indicators, func(m importers.IndicatorMeta) bool { return m.ID == id }); j >= 0 {
				out = append(out, imports[i].Indicators[j])
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b importers.IndicatorMeta) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// overlaps warns when an earlier import covers the same (indicator, year):
// the new import takes its place while both are kept.
func overlaps(l i18n.Lang, b *ingest.Batch, imports []userdata.Entry) []string {
	var out []string
	for _, e := range imports {
		var shared []string
		for id, years := range b.Covers {
			for _, y := range years {
				if slices.Contains(e.Covers[id], y) {
					shared = append(shared, fmt.Sprintf("%s %d", id, y))
				}
			}
		}
		if len(shared) == 0 {
			continue
		}
		slices.Sort(shared)
		if len(shared) > 4 {
			shared = append(shared[:4], l.T("import.overlap_more", len(shared)-4))
		}
		out = append(out, l.T("import.overlap", e.ID, e.File, l.DateText(e.Date()), strings.Join(shared, ", "), e.ID))
	}
	return out
}

// readInput reads the file to import, refusing what cannot be one: it
// maps a regular file into memory where it can, reads it otherwise.
// release, never nil, frees what data holds; data must not be used after.
func readInput(path string) (data []byte, release func(), err error) {
	release = func() {}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, release, usagef("%s: no such file", path)
	case err != nil:
		return nil, release, usagef("%s: %v", path, err)
	case st.IsDir():
		return nil, release, usagef("%s is a directory, not a file", path)
	case st.Size() > importers.MaxFileSize:
		return nil, release, usagef("%s is larger than %d MiB: not a publisher's file", path, importers.MaxFileSize>>20)
	}
	if st.Mode().IsRegular() {
		if f, err := os.Open(path); err == nil {
			data, unmap, err := mapFile(f, st.Size())
			f.Close() // the mapping stays
			if err == nil {
				return data, unmap, nil
			}
		}
	}
	data, err = os.ReadFile(path)
	if err != nil {
		return nil, release, usagef("%s: %v", path, err)
	}
	return data, release, nil
}

// readMapped runs read on data that may be a mapped file: a file cut short
// while it is read makes the pages past its end fault, which is an error
// here, not a crash of the whole program.
func readMapped(path string, read func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			err = usagef("%s changed while it was read: import it again", path)
		}
	}()
	return read()
}

// importError makes a file's problems user errors (exit code 2); an
// unknown country also points at --skip-unknown.
func importError(err error) error {
	var pe *importers.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	msg := pe.Error()
	if indicators.ErrorCode(pe.Err) == indicators.ENotFound {
		msg += " (--skip-unknown leaves such rows out and lists them)"
	}
	return &usageError{msg}
}

// importList is the document of import --list.
type importList struct {
	DataDir string        `json:"data_dir"`
	Imports []importEntry `json:"imports"`
}

type importEntry struct {
	ID         int                       `json:"id"`
	Date       string                    `json:"date"`
	Source     string                    `json:"source"`
	What       string                    `json:"what"`
	File       string                    `json:"file"`
	SHA256     string                    `json:"sha256"`
	Covers     map[string][]int          `json:"covers"`
	Indicators []importers.IndicatorMeta `json:"indicators"`
	Warnings   []string                  `json:"warnings"`
}

// CSV implements docs.Tabular.
func (l importList) CSV() ([]string, [][]string) {
	var rows [][]string
	for _, e := range l.Imports {
		rows = append(rows, []string{strconv.Itoa(e.ID), e.Date, e.Source, e.What, e.File, e.SHA256})
	}
	return []string{"id", "date", "source", "what", "file", "sha256"}, rows
}

func listImports(env *Env, dir, format string) error {
	m, err := userdata.Open(dir).Manifest()
	if err != nil {
		return err
	}
	doc := importList{DataDir: dir, Imports: []importEntry{}}
	for _, e := range m.Imports {
		ie := importEntry{ID: e.ID, Date: e.Date(), Source: e.Source, What: e.What, File: e.File, SHA256: e.SHA256,
			Covers: e.Covers, Indicators: e.Indicators, Warnings: e.Warnings}
		if ie.Indicators == nil {
			ie.Indicators = []importers.IndicatorMeta{}
		}
		if ie.Warnings == nil {
			ie.Warnings = []string{}
		}
		doc.Imports = append(doc.Imports, ie)
	}
	switch format {
	case "json":
		return writeJSON(env.Stdout, doc)
	case "csv":
		return writeTable(env.Stdout, doc)
	}
	l := env.Lang
	if len(doc.Imports) == 0 {
		_, err := fmt.Fprintf(env.Stdout, "%s\n", l.T("import.none", filepath.Clean(dir)))
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n", l.T("import.list_heading", filepath.Clean(dir)))
	t := &textTable{header: []string{l.T("listing.col.id"), l.T("listing.col.date"), l.T("listing.col.source"), l.T("listing.col.covers"), l.T("listing.col.file")}, right: map[int]bool{0: true}}
	for _, e := range doc.Imports {
		t.add(strconv.Itoa(e.ID), l.DateText(e.Date), e.Source, e.What, e.File)
	}
	return t.write(env.Stdout)
}
