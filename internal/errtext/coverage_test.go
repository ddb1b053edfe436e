package errtext

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/spf13/cobra"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// userErrorDirs are the packages whose errors reach a user: their
// messages are printed by the CLI or shown on the web's error pages. The
// importers' (datasets/importers, datasets/userdata, datasets/ingest)
// are covered by their own test.
var userErrorDirs = []string{
	"../../indicators",
	"../../datasets/countries",
	"../../datasets/store.go",
	"../docs",
	"../chartdata",
	"../cli",
	"../server",
}

// userError is one message a user can be shown, as the code writes it.
type userError struct {
	pos    string // file:line
	format string // fmt format string; %w is read as %v
}

// constructor says where an error constructor takes its message: the
// index of its format string (fmt verbs), or of its text (an expression
// whose parts that are not literals are read as %s), and of its error
// code, when it has one (-1: none; a code other than EInvalid or
// ENotFound makes the error internal).
type constructor struct {
	format, text, code int
}

// constructors are the functions that make user errors, by package
// folder ("" for every folder) and name as called (indicators.Errorf or,
// inside package indicators, Errorf).
var constructors = map[string]map[string]constructor{
	"": {
		"indicators.Errorf": {format: 1, text: -1, code: 0},
	},
	"../../indicators": {
		"Errorf": {format: 1, text: -1, code: 0},
	},
	"../chartdata": {
		"invalid": {format: 0, text: -1, code: -1},
	},
	"../cli": {
		"usagef":    {format: 0, text: -1, code: -1},
		"exactArgs": {format: 1, text: -1, code: -1},
		"minArgs":   {format: 1, text: -1, code: -1},
		"maxArgs":   {format: 1, text: -1, code: -1},
		"noArgs":    {format: 0, text: -1, code: -1},
		// The details of a download that is not the pinned package,
		// said inside the message of fetchedECharts.
		"tampered": {format: 0, text: -1, code: -1},
		// The CLI prints its other errors too, in the same line.
		"fmt.Errorf": {format: 0, text: -1, code: -1},
		"errors.New": {format: -1, text: 0, code: -1},
	},
	"../server": {
		"invalid":    {format: 2, text: -1, code: -1},
		"nil404":     {format: -1, text: 0, code: -1},
		"fmt.Errorf": {format: 0, text: -1, code: -1},
		"errors.New": {format: -1, text: 0, code: -1},
	},
}

// collectUserErrors parses the packages of userErrorDirs and returns the
// message of every user error they make, and the places whose message
// cannot be read from the source.
func collectUserErrors(t *testing.T) (found []userError, unreadable []string) {
	t.Helper()
	en := englishCatalogue(t)
	for _, dir := range userErrorDirs {
		files := []string{dir}
		pkgDir := dir
		if !strings.HasSuffix(dir, ".go") {
			var err error
			if files, err = filepath.Glob(filepath.Join(dir, "*.go")); err != nil {
				t.Fatal(err)
			}
		} else {
			pkgDir = filepath.Dir(dir)
		}
		fset := token.NewFileSet()
		var parsed []*ast.File
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			parsed = append(parsed, f)
		}
		consts := stringConsts(parsed)
		for _, f := range parsed {
			c := &collector{fset: fset, dir: filepath.ToSlash(dir), consts: consts, en: en}
			if strings.HasSuffix(dir, ".go") {
				c.dir = filepath.ToSlash(pkgDir)
			}
			c.file(f)
			found = append(found, c.found...)
			unreadable = append(unreadable, c.unreadable...)
		}
	}
	return found, unreadable
}

// collector finds the user errors of one file.
type collector struct {
	fset   *token.FileSet
	dir    string
	consts map[string]string
	en     map[string]string
	// params are the parameters of the function being read: a format
	// that is one of them is a wrapper's, collected at its callers.
	params map[string]bool
	// fn is the name of the function being read.
	fn         string
	found      []userError
	unreadable []string
}

func (c *collector) pos(n ast.Node) string {
	p := c.fset.Position(n.Pos())
	return filepath.ToSlash(p.Filename) + ":" + strconv.Itoa(p.Line)
}

func (c *collector) add(n ast.Node, format string) {
	c.found = append(c.found, userError{pos: c.pos(n), format: strings.ReplaceAll(format, "%w", "%v")})
}

func (c *collector) file(f *ast.File) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			ast.Inspect(d, c.node)
			continue
		}
		c.fn, c.params = fd.Name.Name, map[string]bool{}
		for _, fl := range fd.Type.Params.List {
			for _, n := range fl.Names {
				c.params[n.Name] = true
			}
		}
		ast.Inspect(fd, c.node)
		c.fn, c.params = "", nil
	}
}

func (c *collector) node(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		c.call(n)
	case *ast.CompositeLit:
		c.errorLiteral(n)
	case *ast.AssignStmt:
		// e.Msg = fmt.Sprintf(…), as the country registry builds its
		// errors.
		for i, lhs := range n.Lhs {
			if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Msg" && i < len(n.Rhs) {
				c.text(n.Rhs[i], n)
			}
		}
	}
	return true
}

// callee is a call's function as written: "usagef", "indicators.Errorf".
func callee(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			return x.Name + "." + fn.Sel.Name
		}
	}
	return ""
}

func (c *collector) call(call *ast.CallExpr) {
	name := callee(call)
	switch {
	case name == "UnknownError" || name == "indicators.UnknownError":
		c.unknownError(call)
		return
	case c.fn == "oneLine" && name == "fmt.Sprintf":
		// The CLI's own wording of cobra's and strconv's messages.
		c.format(call.Args[0], call)
		return
	}
	k, ok := constructors[""][name]
	if !ok {
		k, ok = constructors[c.dir][name]
	}
	if !ok {
		return
	}
	if k.code >= 0 && !userCode(call.Args[k.code]) {
		return
	}
	if k.format >= 0 && k.format < len(call.Args) {
		if lit, _ := c.literal(call.Args[k.format]); lit == "%s" && k.format+1 < len(call.Args) {
			// usagef("%s", i18n.EN.T(key, …)): the catalogue's message.
			if arg, ok := call.Args[k.format+1].(*ast.CallExpr); ok && isT(arg) {
				c.format(arg, call)
				return
			}
		}
		c.format(call.Args[k.format], call)
	}
	if k.text >= 0 && k.text < len(call.Args) {
		c.text(call.Args[k.text], call)
	}
}

// userCode reports whether an error code expression is EInvalid or
// ENotFound; a code passed on (a variable) counts as one.
func userCode(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "EInvalid" || e.Sel.Name == "ENotFound"
	case *ast.Ident:
		return e.Name != "EInternal"
	}
	return true
}

// errorLiteral collects the Msg of an indicators.Error literal.
func (c *collector) errorLiteral(lit *ast.CompositeLit) {
	switch typ := lit.Type.(type) {
	case *ast.SelectorExpr:
		if x, ok := typ.X.(*ast.Ident); !ok || x.Name != "indicators" || typ.Sel.Name != "Error" {
			return
		}
	case *ast.Ident:
		if c.dir != "../../indicators" || typ.Name != "Error" {
			return
		}
	default:
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" && !userCode(kv.Value) {
			return
		}
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Msg" {
				c.text(kv.Value, lit)
			}
		}
	}
}

// unknownError collects the two messages indicators.UnknownError makes
// of its what and hint.
func (c *collector) unknownError(call *ast.CallExpr) {
	if len(call.Args) != 4 || c.fn == "UnknownError" {
		return
	}
	what, ok1 := c.literal(call.Args[0])
	hint, ok2 := c.literal(call.Args[3])
	if !ok1 || !ok2 {
		c.unreadable = append(c.unreadable, c.pos(call))
		return
	}
	what = strings.ReplaceAll(what, "%", "%%")
	c.add(call, "unknown "+what+" \"%s\" — did you mean %s?")
	if hint != "" {
		c.add(call, "unknown "+what+" \"%s\" — "+strings.ReplaceAll(hint, "%", "%%"))
	}
}

// literal is a string literal or constant's value.
func (c *collector) literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.Ident:
		s, ok := c.consts[e.Name]
		return s, ok
	}
	return "", false
}

// format collects the format string e.
func (c *collector) format(e ast.Expr, at ast.Node) {
	if s, ok := c.literal(e); ok {
		c.add(at, s)
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		if c.params[e.Name] {
			return // a wrapper's format: collected where it is called
		}
	case *ast.CallExpr:
		// i18n.EN.T("key", …): the English catalogue's message; l.T(…)
		// is said in the output's language already.
		if isT(e) {
			key, ok := c.literal(e.Args[0])
			if x, isSel := e.Fun.(*ast.SelectorExpr).X.(*ast.SelectorExpr); !isSel || x.Sel.Name != "EN" {
				return
			}
			if text, found := c.en[key]; ok && found {
				c.add(at, text)
				return
			}
		}
	}
	c.unreadable = append(c.unreadable, c.pos(at))
}

// isT reports whether call is a catalogue message, l.T("key", …).
func isT(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "T" && len(call.Args) > 0
}

// text collects a message built by concatenation or fmt.Sprintf.
func (c *collector) text(e ast.Expr, at ast.Node) {
	if call, ok := e.(*ast.CallExpr); ok && callee(call) == "fmt.Sprintf" {
		c.format(call.Args[0], at)
		return
	}
	c.add(at, c.textFormat(e))
}

// textFormat is an expression's text as a format string: literals as
// they are, anything else as %s.
func (c *collector) textFormat(e ast.Expr) string {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return c.textFormat(b.X) + c.textFormat(b.Y)
	}
	if s, ok := c.literal(e); ok {
		return strings.ReplaceAll(s, "%", "%%")
	}
	return "%s"
}

// stringConsts are the string constants of a package's files.
func stringConsts(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if v, err := strconv.Unquote(lit.Value); err == nil {
								out[n.Name] = v
							}
						}
					}
				}
			}
		}
	}
	return out
}

// englishCatalogue is the English catalogue's texts by key.
func englishCatalogue(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../i18n/locales/en/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English catalogue: %v", err)
	}
	out := map[string]string{}
	for _, name := range files {
		var msgs map[string]struct {
			Text string `toml:"text"`
		}
		if _, err := toml.DecodeFile(name, &msgs); err != nil {
			t.Fatal(err)
		}
		for k, m := range msgs {
			out[k] = m.Text
		}
	}
	return out
}

// internalErrors are the messages the collector finds that no reader is
// shown, each with the reason; every other message must be said in
// Russian.
var internalErrors = map[string]string{
	"the answer is cached":                          "server's errCached: a route tells the cache it has nothing to write; never written to a response",
	"openapi: example of %s: %v":                    "a self-check of the OpenAPI description's examples, failed only by its tests",
	"openapi: %T has no CSV form":                   "a self-check of the OpenAPI description, failed only by its tests",
	"openapi: kazakstn resolves":                    "a self-check of the OpenAPI description, failed only by its tests",
	"no memory-mapped files on this system":         "mapFile's: readInput then reads the file instead",
	"countries: unknown source %q (want one of %s)": "Registry.Map is called with an importer's own source id, never one a user gives",
	"nothing to map":                                "mapFile's: readInput then reads the file instead",
}

// verb is one fmt verb of a format string.
var verb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// sampleFor fills a format's verbs with sample values: a year for a
// number, a word the patterns take for a name, a value, a list or a
// message; samples gives the messages of formats whose parts are
// sentences of their own.
func sampleFor(format string) []string {
	if s, ok := samples[format]; ok {
		return s
	}
	return []string{verb.ReplaceAllStringFunc(format, func(v string) string {
		switch v[len(v)-1] {
		case '%':
			return "%"
		case 'd':
			return "2023"
		case 'g', 'f':
			return "2.5"
		case 'q':
			return `"xyz"`
		}
		return "xyz"
	})}
}

// samples are messages as the code makes them, for the formats whose
// verbs stand for parts of a sentence (" on rsf", "from 2030"), for flags
// and for messages of their own said inside another.
var samples = map[string][]string{
	"no figures for %s%s: the years with figures are %s": {
		"no figures for Kazakhstan on wjp: the years with figures are 2013–2016, 2018–2025",
		"no figures for Kazakhstan and Uzbekistan: the years with figures are 1990–2026",
	},
	"no figures for %s%s %s: the data runs to %d": {
		"no figures for Kazakhstan from 2030: the data runs to 2026",
		"no figures for Kazakhstan on rsf in 2030: the data runs to 2026",
		"no figures for post-Soviet states (group post-soviet) on rsf from 2030 to 2035: the data runs to 2026",
		"no figures for Kazakhstan and Uzbekistan in 2030: the data runs to 2026",
	},
	"no figures for %s%s %s: the data starts in %d": {
		"no figures for Kazakhstan up to 1900: the data starts in 1990",
		"no figures for Kazakhstan on wjp from 1990 to 2000: the data starts in 2013",
		"no figures for Kazakhstan on wjp in 2000: the data starts in 2013",
		"no figures for Crimea and Abkhazia on rsf up to 1990: the data starts in 2002",
	},
	"no figures for %s%s %s: the years with figures are %s": {
		"no figures for Kazakhstan on wjp in 2017: the years with figures are 2013–2016, 2018–2025",
		"no figures for Central Asia (group central-asia) from 2015 to 2017: the years with figures are 2013–2014, 2018",
	},
	"no figures for %s on %s: %s": {
		"no figures for Mongolia on odihr: Mongolia is an OSCE participating State, but the ODIHR table has no election of it",
		"no figures for Brazil on odihr: Brazil is not an OSCE participating State, and ODIHR observes elections only in OSCE participating States",
	},
	"%s: %q is not a whole number (e.g. %s %s)": {
		`--year: "last" is not a whole number (e.g. --year 2023)`,
		`--width: "wide" is not a whole number (e.g. --width 100)`,
	},
	"%s: %q is not a number (e.g. %s %s)": {`--dpi: "high" is not a number (e.g. --dpi 300)`},
	"%s: %q is neither true nor false: give %s alone, or %s=false": {
		`--force: "maybe" is neither true nor false: give --force alone, or --force=false`,
	},
	"%s %q is not a size: give a number with a unit, e.g. %s 16cm": {
		`--width "3qq" is not a size: give a number with a unit, e.g. --width 16cm`,
	},
	"%s %s is in pixels, which only a PNG has: give the %s size in cm, mm, in or pt, e.g. %s 16cm": {
		"--height 800px is in pixels, which only a PNG has: give the SVG size in cm, mm, in or pt, e.g. --height 16cm",
	},
	"%s %s is more than 20000 pixels: give a smaller size": {"--width 30000px is more than 20000 pixels: give a smaller size"},
	"%s %s is outside 2 to 100 inches (5 to 254 cm): give a size a chart can be laid out at": {
		"--width 3cm is outside 2 to 100 inches (5 to 254 cm): give a size a chart can be laid out at",
	},
	"--offline: %s: %s": {
		"--offline: echarts.min.js: the ECharts file is not echarts 5.5.1 dist/echarts.min.js (sha256 ab12, want cd34)",
		"--offline: echarts.min.js: the ECharts file contains </script and cannot be inlined",
	},
	"--offline: the ECharts package downloaded from %s is not the pinned one (%s), so nothing was stored: try again later, or pass the dist/echarts.min.js of echarts %s with --echarts-js PATH": {
		"--offline: the ECharts package downloaded from https://registry.npmjs.org/echarts/-/echarts-5.5.1.tgz is not the pinned one (larger than 16 MiB), so nothing was stored: try again later, or pass the dist/echarts.min.js of echarts 5.5.1 with --echarts-js PATH",
		"--offline: the ECharts package downloaded from https://registry.npmjs.org/echarts/-/echarts-5.5.1.tgz is not the pinned one (its SHA-256 is ab12, not cd34), so nothing was stored: try again later, or pass the dist/echarts.min.js of echarts 5.5.1 with --echarts-js PATH",
		"--offline: the ECharts package downloaded from https://registry.npmjs.org/echarts/-/echarts-5.5.1.tgz is not the pinned one (it holds no package/dist/echarts.min.js), so nothing was stored: try again later, or pass the dist/echarts.min.js of echarts 5.5.1 with --echarts-js PATH",
	},
	"--offline needs the ECharts %s library and could not fetch it from %s (%s): connect to the network and run the command again, or download that file, take package/dist/echarts.min.js out of it and pass it with --echarts-js PATH or set %s to its path": {
		"--offline needs the ECharts 5.5.1 library and could not fetch it from https://registry.npmjs.org/echarts/-/echarts-5.5.1.tgz (the registry answered 404 Not Found): connect to the network and run the command again, or download that file, take package/dist/echarts.min.js out of it and pass it with --echarts-js PATH or set RANKINGS_ECHARTS_JS to its path",
	},
	"--public-url: %v": {`--public-url: "ftp://example.org" is not an origin: give scheme and host only, such as https://rankings.example.org`},
	"--accessed: %s":   {`--accessed: the access date must be a date such as 2026-05-03 (YYYY-MM-DD), not "2020"`},
	"cannot move %s aside to put the new site in its place: %s; give a folder that is not a mount point or in use": {
		"cannot move / aside to put the new site in its place: the root folder cannot be replaced; give a folder that is not a mount point or in use",
	},
}

// keptIn are words of one format that its Russian keeps as the user
// types them: the units of a size.
var keptIn = map[string][]string{
	"a width or height in pixels sets the resolution itself: leave out --scale and --dpi, or give the size in cm or in": {"in"},
	"%s %s is in pixels, which only a PNG has: give the %s size in cm, mm, in or pt, e.g. %s 16cm":                      {"in"},
}

// formatRegexp matches every message format can make.
func formatRegexp(format string) *regexp.Regexp {
	var b strings.Builder
	last := 0
	for _, m := range verb.FindAllStringIndex(format, -1) {
		b.WriteString(regexp.QuoteMeta(format[last:m[0]]))
		if format[m[1]-1] == '%' {
			b.WriteString("%")
		} else {
			b.WriteString("((?s:.*?))")
		}
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(format[last:]))
	return regexp.MustCompile("^" + b.String() + "$")
}

// hasWords reports whether a format says anything but its verbs and
// punctuation: "%s", "%s: %v" need no translation.
func hasWords(format string) bool {
	return regexp.MustCompile(`[A-Za-z]`).MatchString(verb.ReplaceAllString(format, ""))
}

// TestEveryUserErrorIsInTheCatalogue: every message of a user error the
// code writes (collectUserErrors) must be recognised by a pattern of
// errPatterns whose English catalogue message, given what the pattern
// captured, is the message again; and its Russian must keep no English
// word of it. A user-facing English error written outside the catalogue
// fails here, naming its file and line.
func TestEveryUserErrorIsInTheCatalogue(t *testing.T) {
	found, unreadable := collectUserErrors(t)
	for _, pos := range unreadable {
		t.Errorf("%s: the message of this error cannot be read from the source (a format that is neither a literal nor a constant): write it as a literal so that it can be checked", pos)
	}
	if len(found) < 150 {
		t.Fatalf("found only %d user errors: is the collector still reading the packages?", len(found))
	}
	seen := map[string]bool{}
	checked := 0
	for _, u := range found {
		if !hasWords(u.format) || internalErrors[u.format] != "" || seen[u.format] {
			continue
		}
		seen[u.format] = true
		checked++
		for _, msg := range sampleFor(u.format) {
			if !formatRegexp(u.format).MatchString(msg) {
				t.Errorf("the sample %q is not a message of %q (%s): correct samples", msg, u.format, u.pos)
				continue
			}
			checkSaid(t, u.pos, u.format, msg)
		}
	}
	for f := range internalErrors {
		if !seen[f] && !slicesContainFormat(found, f) {
			t.Errorf("internalErrors lists %q, which the code no longer writes: drop it", f)
		}
	}
	t.Logf("%d user-error formats checked (%d calls)", checked, len(found))
}

func slicesContainFormat(found []userError, f string) bool {
	for _, u := range found {
		if u.format == f {
			return true
		}
	}
	return false
}

// checkEnglish reports when pattern p, which matched msg with the facts m,
// has an English catalogue message that does not give msg back.
func checkEnglish(t *testing.T, pos string, p *errPattern, m []string, msg string) {
	t.Helper()
	args := make([]any, len(m)-1)
	for i := range args {
		args[i] = m[i+1]
	}
	if en := i18n.EN.T(p.key, args...); en != msg {
		t.Errorf("%s: pattern %s recognises %q, but its English message says %q: the catalogue must say what the code says", pos, p.key, msg, en)
	}
}

// checkSaid checks that msg, a message of format written at pos, is
// known to a pattern whose English catalogue message says msg, and that
// its Russian keeps no English word of format.
func checkSaid(t *testing.T, pos, format, msg string) {
	t.Helper()
	p, m := firstPattern(msg)
	if p == nil {
		t.Errorf("%s: no pattern of internal/errtext says %q (format %q) in Russian: add one to errPatterns, and its err.* message to locales/en/cli_errors.toml (the code's format exactly) and locales/ru/cli_errors.toml", pos, msg, format)
		return
	}
	checkEnglish(t, pos, p, m, msg)
	ru := Error(i18n.RU, registry(), msg)
	if w := englishLeft(format, msg, ru); w != "" {
		t.Errorf("%s: %q is said %q, which keeps the English %q", pos, msg, ru, w)
	}
}

// firstPattern is the pattern Error says msg by, with its match.
func firstPattern(msg string) (*errPattern, []string) {
	for i := range errPatterns() {
		if m := errPatterns()[i].re.FindStringSubmatch(msg); m != nil {
			return &errPatterns()[i], m
		}
	}
	return nil, nil
}

var (
	regOnce sync.Once
	reg     *countries.Registry
)

// registry is the embedded data's country registry.
func registry() *countries.Registry {
	regOnce.Do(func() { reg = datasets.Embedded().Registry() })
	return reg
}

// keptWords are the Latin words a Russian message may keep: what the
// user types (commands, chart kinds, formats, ids, examples) and names.
var keptWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`rankings countries indicators sources cite show compare rank trend
		elections correlate chart charts report serve bake import validate update schema help
		ranking timeline profile heatmap scatter slope map
		table json csv markdown html pdf svg png bibtex ris
		rsf wjp wgi odihr vdem cpi kaz uzb kazakhstan uzbekistan central-asia post-soviet all
		en ru lang c indicator year from to group percentile format url maxwidth maxheight
		xyz x y id DIR PATH HOME XDG_DATA_HOME RANKINGS_ECHARTS_JS ECharts echarts make
		PNG SVG PDF HTML CSV JSON GET HEAD YYYY MM DD SHA MiB https http oEmbed api v1 openapi
		cm mm pt true false site ISO SHA-256 s since`) {
		keptWords[w] = true
	}
}

var (
	flagOrPath = regexp.MustCompile(`(?:^|\s|\()--?[A-Za-z][\w-]*|\S*[/.]\S*\w|\w+=\S*`)
	latinWord  = regexp.MustCompile(`[A-Za-z][\w'-]*\w|[A-Za-z]`)
)

// englishLeft is the first word of the English format that the Russian
// ru of its message msg still says, other than keptWords, flags, paths
// and addresses, and the words of the facts msg puts in its verbs (an
// HTTP status, a name).
func englishLeft(format, msg, ru string) string {
	words := map[string]bool{}
	kept := map[string]bool{}
	for _, w := range keptIn[format] {
		kept[strings.ToLower(w)] = true
	}
	if m := formatRegexp(format).FindStringSubmatch(msg); m != nil {
		for _, v := range m[1:] {
			for _, w := range latinWord.FindAllString(v, -1) {
				kept[strings.ToLower(w)] = true
			}
		}
	}
	for _, w := range latinWord.FindAllString(flagOrPath.ReplaceAllString(verb.ReplaceAllString(format, " "), " "), -1) {
		if !keptWords[w] && !keptWords[strings.ToLower(w)] && !kept[strings.ToLower(w)] {
			words[strings.ToLower(w)] = true
		}
	}
	for _, w := range latinWord.FindAllString(flagOrPath.ReplaceAllString(ru, " "), -1) {
		if words[strings.ToLower(w)] && !keptWords[w] {
			return w
		}
	}
	return ""
}

// cobraFacts are the facts of a cobra message, not words to translate.
var cobraFacts = regexp.MustCompile(`"[^"]*"|'[^']*'|--?[\w-]+|\d+|flag: .*$`)

// TestCobraErrorsInRussian: cobra's and pflag's own messages, as the
// cobra this module builds with words them (the first line, as the CLI
// prints it), are said in Russian: a cobra that rewords one fails here.
func TestCobraErrorsInRussian(t *testing.T) {
	var year int
	var force bool
	var scale float64
	newRoot := func() *cobra.Command {
		root := &cobra.Command{Use: "rankings", SilenceErrors: true, SilenceUsage: true}
		root.CompletionOptions.DisableDefaultCmd = true
		run := func(*cobra.Command, []string) error { return nil }
		show := &cobra.Command{Use: "show", Args: cobra.MaximumNArgs(1), RunE: run}
		show.Flags().IntVarP(&year, "year", "y", 0, "")
		show.Flags().BoolVar(&force, "force", false, "")
		show.Flags().Float64Var(&scale, "scale", 0, "")
		exact := &cobra.Command{Use: "trend", Args: cobra.ExactArgs(1), RunE: run}
		least := &cobra.Command{Use: "compare", Args: cobra.MinimumNArgs(2), RunE: run}
		between := &cobra.Command{Use: "chart", Args: cobra.RangeArgs(1, 2), RunE: run}
		none := &cobra.Command{Use: "sources", Args: cobra.NoArgs, RunE: run}
		required := &cobra.Command{Use: "charts", RunE: run}
		required.Flags().IntVar(&year, "year", 0, "")
		if err := required.MarkFlagRequired("year"); err != nil {
			t.Fatal(err)
		}
		root.AddCommand(show, exact, least, between, none, required)
		return root
	}
	for _, args := range [][]string{
		{"comapre"},
		{"show", "kaz", "uzb"},
		{"show", "--colour"},
		{"show", "-Z"},
		{"show", "--year"},
		{"show", "-y"},
		{"show", "--year", "last"},
		{"show", "--force=maybe"},
		{"show", "--scale", "big"},
		{"show", "---x"},
		{"trend"},
		{"compare", "kaz"},
		{"chart", "a", "b", "c"},
		{"sources", "rsf"},
		{"charts"},
	} {
		root := newRoot()
		root.SetArgs(args)
		root.SetOut(new(strings.Builder))
		root.SetErr(new(strings.Builder))
		err := root.Execute()
		if err == nil {
			t.Errorf("rankings %s: cobra finds no error", strings.Join(args, " "))
			continue
		}
		msg, _, _ := strings.Cut(err.Error(), "\n")
		p, _ := firstPattern(msg)
		if p == nil {
			t.Errorf("no pattern of internal/errtext says cobra's %q (rankings %s) in Russian", msg, strings.Join(args, " "))
			continue
		}
		// The words of cobra's message are to be said in Russian, but
		// for its facts: values in quotes, flags, and the Go parser's
		// own words after "flag: ".
		checkSaid(t, "cobra's", cobraFacts.ReplaceAllString(msg, "%s"), msg)
	}
}

// TestUserErrorsRussianExamples says a message of each kind in Russian,
// as a reader should read it: a request that matches no figures, a chart
// request, a flag, a web parameter, and messages said inside another.
func TestUserErrorsRussianExamples(t *testing.T) {
	for en, want := range map[string]string{
		"no figures for Kazakhstan on wjp from 1990 to 2000: the data starts in 2013":                                                                 "Казахстан: нет данных по wjp с 1990 по 2000 год — данные начинаются с 2013 года",
		"no figures for Crimea and Abkhazia up to 1990: the data starts in 2002":                                                                      "Крым и Абхазия: нет данных до 1990 года включительно — данные начинаются с 2002 года",
		"no figures for Brazil on odihr: Brazil is not an OSCE participating State, and ODIHR observes elections only in OSCE participating States":   "Бразилия: нет данных по odihr: Бразилия — не государство-участник ОБСЕ, а БДИПЧ наблюдает за выборами только в государствах-участниках ОБСЕ",
		"a profile needs at least 3 indicators, got 1":                                                                                                "графику profile нужны по меньшей мере три показателя, а указано 1",
		"a slope needs two different years: --from 2020 --to 2020":                                                                                    "графику slope нужны два разных года, а указано --from 2020 --to 2020",
		"France is not on the map of the region: a map shows the post-Soviet states and the countries around them":                                    "Франция: нет на карте региона — карта показывает постсоветские государства и страны вокруг них",
		`--force: "maybe" is neither true nor false: give --force alone, or --force=false`:                                                            "--force: «maybe» — ни true, ни false: укажите --force без значения или --force=false",
		"flag needs an argument: 'i' in -i":                                                                                                           "флагу «i» в -i нужно значение",
		`year must be a year such as 2023, not "x"`:                                                                                                   "параметр year должен быть годом, например 2023, а не «x»",
		`unknown parameter "foo": valid parameters are c, indicator, year, lang`:                                                                      "неизвестный параметр «foo»: допустимые параметры — c, indicator, year, lang",
		`--public-url: "ftp://example.org" is not an origin: give scheme and host only, such as https://rankings.example.org`:                         "--public-url: «ftp://example.org» — не адрес сайта: укажите только схему и хост, например https://rankings.example.org",
		"cannot move / aside to put the new site in its place: the root folder cannot be replaced; give a folder that is not a mount point or in use": "не удалось отодвинуть /, чтобы поставить на её место новый сайт: корневую папку заменить нельзя; укажите папку, которая не является точкой монтирования и не занята",
		"internal error": "внутренняя ошибка",
		// Unknown to every pattern: stays as it is.
		"something else went wrong": "something else went wrong",
	} {
		if got := Error(i18n.RU, registry(), en); got != want {
			t.Errorf("%q is said\n%q, want\n%q", en, got, want)
		}
		if got := Error(i18n.EN, registry(), en); got != en {
			t.Errorf("English %q became %q", en, got)
		}
	}
}
