package errtext

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// impRegistry is the embedded data's country registry.
var impRegistry = sync.OnceValue(func() *countries.Registry { return datasets.Embedded().Registry() })

// TestImportPatternsCompile: the import's patterns are compiled when a
// message in another language first needs them; compile them all here.
func TestImportPatternsCompile(t *testing.T) {
	for _, list := range [][]errPattern{importReasons(), importMessages()} {
		for _, p := range list {
			if _, err := regexp.Compile(p.re.src); err != nil {
				t.Errorf("%s: %v", p.key, err)
			}
			if !i18n.Has(p.key) {
				t.Errorf("%s is not in the catalogue", p.key)
			}
		}
	}
	for _, re := range []func() *regexp.Regexp{columnPrefix, valuePrefix, wherePrefix, quotedItem, moreColumns,
		scaleText, whereText, figuresDiff, electionsDiff, shownMore, figureChange, electionChange} {
		re()
	}
}

// TestImportErrorsRussian says parse errors as importers.ParseError
// writes them, and the import's warnings and notes as datasets/ingest and
// the importers write them, in Russian; in English they stay as they are.
func TestImportErrorsRussian(t *testing.T) {
	pe := func(e importers.ParseError) string { return e.Error() }
	for _, c := range []struct{ en, ru string }{
		// The frame: location, column, value, reason.
		{pe(importers.ParseError{File: "rsf-2026.csv", Line: 14, Col: 2, Column: "Score 2026", Value: "9x,5", Err: errors.New("is not a number")}),
			"rsf-2026.csv:14:2: столбец «Score 2026»: «9x,5» — не число"},
		{pe(importers.ParseError{File: "a.csv", Line: 5, Col: 2, Column: "ISO", Err: errors.New("is empty")}),
			"a.csv:5:2: столбец «ISO»: пустая ячейка"},
		{pe(importers.ParseError{File: "a.csv", Line: 3, Err: errors.New("has NUL bytes or control characters: this is a binary file, not CSV text")}),
			"a.csv:3: в файле есть нулевые байты или управляющие символы: это двоичный файл, а не текст CSV"},
		{pe(importers.ParseError{File: "a.csv", Err: errors.New("file is empty")}), "a.csv: файл пуст"},
		{pe(importers.ParseError{File: "C:\\data\\my: file.csv", Line: 2, Col: 1, Column: "iso3", Value: "KAZ\x1b", Err: errors.New("is empty")}),
			`C:\data\my: file.csv:2:1: столбец «iso3»: «KAZ\x1b» — пустая ячейка`},
		{pe(importers.ParseError{File: "a.csv", Line: 2, Col: 1, Column: "ISO", Value: strings.Repeat("K", 100), Err: errors.New("is not a number")}),
			"a.csv:2:1: столбец «ISO»: «" + strings.Repeat("K", 40) + "»… (100 Б) — не число"},
		// A reason inside a reason, and hints.
		{pe(importers.ParseError{File: "a.csv", Line: 3, Col: 2, Column: "value", Value: "3,5", Err: errors.New("is not a number (a decimal comma in a comma-separated file: write a decimal point, or separate the columns with ';')")}),
			"a.csv:3:2: столбец «value»: «3,5» — не число (десятичная запятая в файле, где столбцы разделены запятыми: пишите десятичную точку или разделяйте столбцы ';')"},
		{"rsf.csv:14: wrong number of fields: 2, the header has 5 (separator ';'; it is the last line: is the file cut short?)",
			"rsf.csv:14: неверное число полей: 2, а в заголовке 5 (разделитель ';'; это последняя строка: не обрезан ли файл?)"},
		{"book.xlsx:7: wrong number of fields: 6, the header has 5 (separator none: a spreadsheet)",
			"book.xlsx:7: неверное число полей: 6, а в заголовке 5 (разделитель не нужен: это электронная таблица)"},
		{`wgi.csv:1: missing column "stddev" (the header has: "code", "year", … (40 columns); separator tab)`,
			"wgi.csv:1: нет столбца «stddev» (в заголовке: «code», «year», … (всего столбцов: 40); разделитель табуляция)"},
		{"wjp.xlsx: not a readable xlsx workbook: zip: not a valid zip file", "wjp.xlsx: не читается как книга xlsx: это не архив zip"},
		{`wjp.xlsx: not a readable xlsx workbook: part "xl/workbook.xml" is not well-formed XML (line 3)`,
			"wjp.xlsx: не читается как книга xlsx: часть «xl/workbook.xml» не является корректным XML (строка 3)"},
		{`wjp.xlsx: no sheet "Historical Data" (sheets: "Sheet1", "Data \"2\"")`,
			`wjp.xlsx: нет листа «Historical Data» (листы: «Sheet1», «Data \"2\"»)`},
		// A workbook's sheet and cell come before the column.
		{`fh.xlsx:5:2: column "1973 PR": "9" sheet "Country Ratings, Statuses " cell B5: is not a rating 1–7`,
			"fh.xlsx:5:2: лист «Country Ratings, Statuses », ячейка B5, столбец «1973 PR»: «9» — не оценка от 1 до 7"},
		{`fh.xlsx:5:1: column "A": sheet "Country Ratings, Statuses" cell A5: no country or territory name`,
			"fh.xlsx:5:1: лист «Country Ratings, Statuses», ячейка A5, столбец «A»: нет названия страны или территории"},
		{`wjp.xlsx:12: sheet "Historical Data": rows out of order: row 12 after row 14`,
			"wjp.xlsx:12: лист «Historical Data»: строки не по порядку: строка 12 после строки 14"},
		{`fh.xlsx: sheet "Territory Ratings, Statuses": some library's own words`,
			"fh.xlsx: лист «Territory Ratings, Statuses»: some library's own words"},
		// Countries: names in Russian, the CLI's hint kept.
		{`rsf.csv:14:1: column "ISO": "KZA" is not a country code the registry knows, nor is the row's name "Kazakstn" a country's name — did you mean Kazakhstan or Kyrgyzstan? (--skip-unknown leaves such rows out and lists them)`,
			"rsf.csv:14:1: столбец «ISO»: «KZA» — реестр не знает ни такого кода страны, ни названия строки «Kazakstn»; может быть, Казахстан или Кыргызстан? (--skip-unknown пропускает такие строки и перечисляет их)"},
		{`long.csv:2:2: column "iso3": "KAZ" is Kazakhstan (KAZ), but the country cell "Uzbekstan" is an unknown country — did you mean Uzbekistan?`,
			"long.csv:2:2: столбец «iso3»: «KAZ» — это Казахстан (KAZ), но в ячейке страны «Uzbekstan» — неизвестная страна; может быть, Узбекистан?"},
		// Scales and figures with the language's decimal comma.
		{`wgi.csv:3:5: column "estimate": "40" is outside the hard bounds -5 to 5 of wgi-rl (usually about -2.5 to 2.5), which no figure of it leaves: correct the value, or check that the column holds wgi-rl figures`,
			"wgi.csv:3:5: столбец «estimate»: «40» — вне жёстких границ от -5 до 5 показателя wgi-rl (обычно примерно от -2,5 до 2,5), за которые не выходит ни одно его значение: исправьте значение или проверьте, что в столбце значения wgi-rl"},
		{`long.csv:3:5: column "status": "XX" is not a status of fh-fiw: write one of F, PF, NF (F = Free, PF = Partly Free, NF = Not Free), or leave the cell empty`,
			"long.csv:3:5: столбец «status»: «XX» — не статус fh-fiw: напишите один из статусов F, PF, NF (F — свободна, PF — частично свободна, NF — несвободна) или оставьте ячейку пустой"},
		// Warnings and notes.
		{`book.xlsx: cell D3 of sheet "Sheet1" is a formula, "=D2*2": the value the spreadsheet last calculated, "40", is used`,
			"book.xlsx: в ячейке D3 листа «Sheet1» формула «=D2*2»: используется значение, вычисленное таблицей в последний раз, — «40»"},
		{`book.xlsx: 4 more cells of sheet "Sheet1" are formulas (D6, D7, D8, …): check that the values they last calculated are the figures you mean`,
			"book.xlsx: ещё ячеек с формулами в листе «Sheet1»: 4 (D6, D7, D8, …): проверьте, что последние вычисленные по ним значения — те, что вы имеете в виду"},
		{`rsf.csv:3: "Kazakstan" is not a name the registry knows for Kazakhstan (KAZ): mapped by its code KAZ`,
			"rsf.csv:3: реестр не знает «Kazakstan» как названия страны Казахстан (KAZ): строка сопоставлена по коду KAZ"},
		{"wgi.csv:40: wgi-rl 2020: 9.5 is far outside the usual range about -2.5 to 2.5",
			"wgi.csv:40: wgi-rl, 2020 год: 9,5 — далеко за пределами обычного диапазона (примерно от -2,5 до 2,5)"},
		{`fh.xlsx:240: South Africa fh-pr-rating 1973 not imported: split rating PR 2(5), CL 3(6), status F (NF) in edition Jan.-Feb. 1973: Freedom House rated two populations separately and gave the country no rating of its own`,
			"fh.xlsx:240: ЮАР, fh-pr-rating, 1973 год — не импортировано: раздельная оценка PR 2(5), CL 3(6), статус F (NF) в выпуске Jan.-Feb. 1973: Freedom House оценила две группы населения по отдельности и не дала стране общей оценки"},
		{`rsf 2024 is already embedded with different figures: 2 of 180 figures differ (KAZ value 39.34 → 40, rank 141/180 → 139/180; UZB note "" → "provisional"), 1 country only in the import (XKX), 3 only in the embedded data (ARM; GEO; and 1 more); the import replaces the whole year`,
			"rsf 2024 уже есть во встроенных данных с другими значениями: значений с расхождениями: 2 из 180 (KAZ: значение 39,34 → 40, место 141/180 → 139/180; UZB: примечание «» → «provisional»), стран только в импорте: 1 (XKX), только во встроенных данных: 3 (ARM; GEO; и ещё 1); импорт заменяет весь год"},
		{`odihr 2024 is already embedded with different elections: 2 changed (KAZ 2024-03-19 presidential met → partly_met; UZB 2024-10-27 parliamentary summary, mission or source), 1 new (GEO 2024-10-26 parliamentary); the import replaces the whole year`,
			"odihr 2024 уже есть во встроенных данных с другими выборами: изменённых выборов: 2 (KAZ 2024-03-19 presidential: met → partly_met; UZB 2024-10-27 parliamentary: сводка, миссия или источник), новых выборов: 1 (GEO 2024-10-26 parliamentary); импорт заменяет весь год"},
		// --skip-unknown's list: an indented parse error.
		{`  rsf.csv:14:1: column "ISO": "KZA" is not a country code the registry knows — did you mean Kazakhstan?`,
			"  rsf.csv:14:1: столбец «ISO»: «KZA» — реестр не знает такого кода страны; может быть, Казахстан?"},
	} {
		ru := Error(i18n.RU, impRegistry(), c.en)
		if ru != c.ru {
			t.Errorf("%q is said\n%q, want\n%q", c.en, ru, c.ru)
		}
		if w := Warning(i18n.RU, impRegistry(), c.en); w != ru {
			t.Errorf("as a warning %q is said %q, as an error %q", c.en, w, ru)
		}
		if en := Error(i18n.EN, impRegistry(), c.en); en != c.en {
			t.Errorf("English %q became %q", c.en, en)
		}
	}
	// Messages that are not the importers' are left to errtext's other
	// patterns.
	for _, msg := range []string{
		"odihr.csv:7: skipped: unknown country code \"XYZ\"",
		"data directory /x: lock: permission denied",
		"x.csv: no such file",
	} {
		if s, ok := sayImport(i18n.RU, impRegistry(), msg); ok {
			t.Errorf("%q is taken for an import's message: %q", msg, s)
		}
	}
}

// The packages (or files) whose errors, warnings and notes rankings
// import, validate and update print: the importers, the checks of an
// import, the data directory, and the generator's mapping of a file's
// rows to countries.
var impSources = []string{
	"../../datasets/importers",
	"../../datasets/ingest",
	"../../datasets/userdata",
	"../../datasets/generator/generator.go",
}

// impFormat is one message, or part of one, as the code writes it.
type impFormat struct {
	pos    string     // file:line
	format string     // fmt's verbs; the parts of a concatenation that are not literals are %s
	args   []ast.Expr // the arguments of the verbs, where known
}

// impFormatAt are the functions that take a format (or a text) and its
// arguments, by the index of the format.
var impFormatAt = map[string]int{"fmt.Errorf": 0, "fmt.Sprintf": 0, "errors.New": 0, "indicators.Errorf": 1, "xlsxErrorf": 1}

// impHelpers are the importers' local functions that build a cell's
// error from a reason (bad, errAt, fail, hdrErr): their reason is the
// literal argument with a space or a verb in it (a column name has
// neither), its arguments the ones after it.
var impHelpers = map[string]bool{"bad": true, "errAt": true, "fail": true, "hdrErr": true}

// impFields are the fields of composite literals, and the variables,
// that hold a message or a part of one.
var impFields = map[string]bool{"Msg": true, "Dropped": true, "Reason": true, "msg": true, "hint": true, "reason": true}

// collectImportFormats reads the messages of impSources.
func collectImportFormats(t *testing.T) []impFormat {
	t.Helper()
	fset := token.NewFileSet()
	var out []impFormat
	var files []string
	for _, src := range impSources {
		if strings.HasSuffix(src, ".go") {
			files = append(files, src)
			continue
		}
		names, err := filepath.Glob(filepath.Join(src, "*.go"))
		if err != nil || len(names) == 0 {
			t.Fatalf("%s: no Go files (%v)", src, err)
		}
		files = append(files, names...)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		add := func(n ast.Node, format string, args []ast.Expr) {
			p := fset.Position(n.Pos())
			out = append(out, impFormat{pos: filepath.Base(filepath.Dir(p.Filename)) + "/" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line), format: format, args: args})
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := impCallee(n)
				if i, ok := impFormatAt[name]; ok && len(n.Args) > i {
					if s, parts, ok := impLiteral(n.Args[i]); ok {
						add(n, s, append(parts, n.Args[i+1:]...))
					}
					return true
				}
				if impHelpers[name[strings.LastIndex(name, ".")+1:]] {
					for i, a := range n.Args {
						if s, parts, ok := impLiteral(a); ok && strings.ContainsAny(s, " %") {
							add(n, s, append(parts, n.Args[i+1:]...))
							break
						}
					}
				}
			case *ast.CompositeLit:
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && impFields[k.Name] {
							if s, parts, ok := impLiteral(kv.Value); ok {
								add(n, s, parts)
							}
						}
					} else if id, ok := n.Type.(*ast.Ident); ok && id.Name == "cellError" {
						if s, parts, ok := impLiteral(el); ok {
							add(n, s, parts)
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && impFields[id.Name] && i < len(n.Rhs) {
						if s, parts, ok := impLiteral(n.Rhs[i]); ok && s != "" {
							add(n, s, parts)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

// impCallee names a call's function: "fmt.Errorf", "bad", "errAt"; a
// method of another expression by its own name ("Sheets").
func impCallee(call *ast.CallExpr) string {
	if name := callee(call); name != "" {
		return name
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return ""
}

// impLiteral reads a string literal, or a concatenation with one, as a
// format: the parts that are not literals become %s, and are returned.
func impLiteral(e ast.Expr) (string, []ast.Expr, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, nil, err == nil
		}
	case *ast.ParenExpr:
		return impLiteral(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", nil, false
		}
		a, pa, oka := impLiteral(e.X)
		b, pb, okb := impLiteral(e.Y)
		if !oka && !okb {
			return "", nil, false
		}
		if !oka {
			a, pa = "%s", []ast.Expr{e.X}
		}
		if !okb {
			b, pb = "%s", []ast.Expr{e.Y}
		}
		return a + b, append(pa, pb...), true
	}
	return "", nil, false
}

// impVerb is one fmt verb.
var impVerb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

// impSampleOf is the sample value of a verb's argument that the code
// gives it, by the function or the name it comes from.
var impSampleOf = map[string]string{
	"Quote": `"v"`, "delimiterName": `';'`, "xlsxColName": "B", "cellName": "B5", "FormatNumber": "1.5", "orNone": "1.5",
	"rankText": "3/14", "plural": "5 countries", "yearList": "2020–2021", "shown": "KAZ; UZB", "where": `sheet "S" cell B5`,
	"suggest": "; did you mean rsf-political?", "Join": "k1, k2", "prev": `sheet "S" cell B6`, "Direction": "higher is better", "Scale": "0–10", "sc": "0–10", "dir": "higher is better",
	"hint": "", "label": "1978", "string": "=", "ISO3": "KAZ", "iso3": "KAZ", "Code": "KAZ", "Name": "Kazakhstan",
	"ID": "rsf", "id": "rsf", "Type": "presidential", "Date": "2024-03-19", "File": "f.csv", "file": "f.csv",
}

// impSample fills format's verbs with sample values for args.
func impSample(f impFormat) string {
	i := 0
	return impVerb.ReplaceAllStringFunc(f.format, func(v string) string {
		c := v[len(v)-1]
		if c == '%' {
			return "%"
		}
		var arg ast.Expr
		if i < len(f.args) {
			arg = f.args[i]
		}
		i++
		name := ""
		switch a := arg.(type) {
		case *ast.CallExpr:
			name = impCallee(a)
			name = name[strings.LastIndex(name, ".")+1:]
			if name == "Sheets" || name == "GetSheetList" {
				return `["Sheet1"]`
			}
		case *ast.SelectorExpr:
			name = a.Sel.Name
		case *ast.Ident:
			name = a.Name
		}
		if s, ok := impSampleOf[name]; ok && c != 'd' {
			if c == 'q' {
				return strconv.Quote(strings.Trim(s, `"`))
			}
			return s
		}
		switch c {
		case 'd':
			return "7"
		case 'q':
			return `"v"`
		case 'X':
			return "FF"
		}
		return "x"
	})
}

// impNotMessages are the formats the collector finds that are no error,
// warning or note an import prints, each with the reason.
var impNotMessages = map[string]string{
	"edition %d, covers %d":                                   "an observation's note: data, said by the listings' own catalogue",
	"the source's parts a+b+c add up to %s, not to the score": "an observation's note: data",
	"%s from import %d of %s":                                 "an overlay's label, which the CLI says in its own words (cmd_import.go, usedLabel)",
	"%s/%d-elections.csv":                                     "a file name in the data directory",
	"CPI score %d":                                            "a column of TI's workbook, named in an error as the file names it",
	"sync %s: %w":                                             "the data directory's fsync: an operating system's error, not the user's",
	"unknown to the registry (skipped)":                       "Unmapped.Reason: the generator's unmapped.csv; an import prints the row's error instead",
	// The generator's own errors, met only by go generate.
	"no RSF files in %s":                      "the generator's",
	"indicator %s: no figures in the sources": "the generator's",
	"importers produced figures for %q, which is not in the indicator catalog":               "the generator's",
	"%s %d: %s (%q, line %d of the %s file) has a rating, but the %s file has none":          "the generator's",
	"%s %d: the files disagree on %s: %s %s (%s file, line %d) and %s %s (%s file, line %d)": "the generator's",
	"indicator %s: %s %d twice: %q (line %d) and %q (line %d)":                               "the generator's (an import names its file, and gets the duplicate row's parse error)",
	"%s:%d: unknown country code %q":                                                         "the generator's reading of the project's own elections table",
	"%s:%d: no source_kind: every row of the project's table says what its source is":        "the generator's reading of the project's own elections table",
}

// impNotMessagesIn are more such formats, of a file that may not be
// there (the workbook reader, xlsx.go, replaces a library's).
var impNotMessagesIn = map[string]map[string]string{
	"../../datasets/importers/xlsx.go": {
		"R%dC%d":    "the name of a cell beyond column XFD, inside a reason that names the cell",
		"not UTF-8": "the charset reader's: the XML decoder's error, which xlsxDecoder.fail replaces by its reason",
	},
}

// impFragments are the formats that are parts of a message, each with
// messages as the code makes them that hold it.
var impFragments = map[string][]string{
	"; it is the last line: is the file cut short?":    {"rsf.csv:14: wrong number of fields: 2, the header has 5 (separator ';'; it is the last line: is the file cut short?)"},
	"; columns must be separated by ',', ';' or a tab": {`rsf.csv:1: missing column "year" (the header has: "ISO|Score"; separator ';'; columns must be separated by ',', ';' or a tab)`},
	"… (%d columns)": {`rsf.csv:1: missing column "year" (the header has: "a", "b", … (40 columns); separator ',')`},
	"%q… (%d bytes)": {`rsf.csv:1: missing column "year" (the header has: "ISOISOISOISOISOISOISOISOISOISOISOISOISOI"… (99 bytes); separator ';')`},
	"sheet %q cell %s%d": {
		`fh.xlsx:5:2: column "1973 PR": "9" sheet "Country Ratings, Statuses" cell B5: is not a rating 1–7`,
		`fh.xlsx:7:3: column "1974 CL": "2" sheet "Country Ratings, Statuses" cell C7: second fh-cl-rating rating of Kazakhstan for 1974 (first at sheet "Country Ratings, Statuses" cell C6)`,
	},
	"%s: column %s: %s %s": {`a.csv:3:2: column "value": "x" is not a number`},
	"%s: column %s: %s":    {`a.csv:3:2: column "value": is empty`},
	"%s: %s %s":            {`a.csv:3: "x" is not a number`},
	"is not a country code the registry knows": {
		`rsf.csv:14:1: column "ISO": "KZA" is not a country code the registry knows — did you mean Kazakhstan?`,
		`rsf.csv:14:1: column "ISO": "XYZ" is not a country code the registry knows — run "rankings countries --group all" for the list`,
	},
	"%s, nor is the row's name %s a country's name": {
		`rsf.csv:14:1: column "ISO": "KZA" is not a country code the registry knows, nor is the row's name "Kazakstn" a country's name — did you mean Kazakhstan?`,
		`rsf.csv:14:1: column "ISO": "<script>" is not a country code the registry knows, nor is the row's name "<x>" a country's name — run "rankings countries --group all" for the list`,
	},
	"%d of %d figures differ (%s)": {`rsf 2024 is already embedded with different figures: 1 of 180 figures differ (KAZ value 39.34 → 40); the import replaces the whole year`},
	"%s only in the import (%s)":   {`rsf 2024 is already embedded with different figures: 2 countries only in the import (XKX; TWN); the import replaces the whole year`},
	"%d only in the embedded data (%s)": {
		`rsf 2024 is already embedded with different figures: 1 only in the embedded data (ARM); the import replaces the whole year`,
		`odihr 2024 is already embedded with different elections: 1 only in the embedded data (ARM 2024-06-01 parliamentary); the import replaces the whole year`,
	},
	"%s %s → %s": {
		`rsf 2024 is already embedded with different figures: 1 of 180 figures differ (KAZ stderr 1.2 → none, pct_lower none → 3); the import replaces the whole year`,
		`odihr 2024 is already embedded with different elections: 1 changed (KAZ 2024-03-19 presidential met → partly_met); the import replaces the whole year`,
	},
	"rank %s → %s":    {`rsf 2024 is already embedded with different figures: 1 of 180 figures differ (KAZ rank 141/180 → none); the import replaces the whole year`},
	"status %s → %s":  {`fh-fiw 2024 is already embedded with different figures: 1 of 195 figures differ (KAZ status "NF" → "PF"); the import replaces the whole year`},
	"note %s → %s":    {`rsf 2024 is already embedded with different figures: 1 of 180 figures differ (KAZ note "" → "x"); the import replaces the whole year`},
	"; and %d more":   {`rsf 2024 is already embedded with different figures: 9 countries only in the import (A; B; C; D; E; and 4 more); the import replaces the whole year`},
	"%d changed (%s)": {`odihr 2024 is already embedded with different elections: 1 changed (KAZ 2024-03-19 presidential summary, mission or source); the import replaces the whole year`},
	"%d new (%s)":     {`odihr 2024 is already embedded with different elections: 1 new (GEO 2024-10-26 parliamentary); the import replaces the whole year`},
}

// impKept are the Latin words that the Russian of the import's messages
// keeps as the file or the command line has them: codes, names,
// abbreviations, the long format's keys and values.
var impKept = map[string]bool{}

// impKeptIn are more such words, for the formats that have them.
var impKeptIn = map[string][]string{
	"rank and rank_of must both be given or both be empty":                                                                    {"rank"},
	"lower and upper must both be given or both be empty":                                                                     {"upper"},
	"%s: the file's rank and rank_of are ignored: the indicator's metadata says ranks: none":                                  {"rank", "ranks", "none"},
	"%s: the file's rank and rank_of are ignored (%d differ): ranks of %s are computed within each year over the whole field": {"rank"},
	"indicator %q: metadata %s missing (name, scale, direction and year are required)":                                        {"name", "scale", "direction", "year"},
	"metadata key %q before the \"# indicator: id\" line that starts a block":                                                 {"indicator"},
	"missing column \"indicator\" (it may be left out only when the metadata header defines exactly one indicator)":           {"indicator"},
	"missing column \"iso3\" or \"country\": every row needs its country":                                                     {"country"},
	"direction %s is not higher or lower (which end of the scale is better)":                                                  {"direction"},
	"year %s is not data (the year the figures describe) or edition (the year of publication)":                                {"year", "data", "edition"},
	"ranks %s is not computed, published or none":                                                                             {"ranks", "none"},
	"decimals %s is not a whole number 0–6":                                                                                   {"decimals"},
	"scale %s %v": {"scale"},
	"is not one of EOM, LEOM, EAM, NAM_only, none, unknown":                     {"none", "unknown"},
	"is not one of met, mostly_met, partly_met, not_met, not_observed, unknown": {"unknown"},
}

func init() {
	for _, w := range strings.Fields(`ISO ISO3 UTF UTF-8 UTF-16 UTF-32 alpha-3 ASCII CSV xlsx zip XML MiB PR CL F PF NF c t rank_of iso3 country_name
		odihr osce_pa mirror secondary va pv ge rq rl cc presidential parliamentary referendum presidential_runoff
		parliamentary_runoff EOM LEOM EAM NAM_only met mostly_met partly_met not_met not_observed Freedom House alpha
		http s min max unbounded computed published higher lower id x v B`) {
		impKept[w] = true
	}
}

var (
	// impCommand is a command line a message names: rankings countries
	// --group all, rankings import --list.
	impCommand = regexp.MustCompile(`rankings(?: --?[a-z][\w-]*| [a-z][\w-]*)*`)
	// impFlagOrPath are flags, paths, file names and abbreviations with
	// points (e.g., Jan.-Feb.).
	impFlagOrPath = regexp.MustCompile(`(?:^|\s|\()--?[A-Za-z][\w-]*|\S*[/.]\S*\w`)
	// impQuotedRU is a value in Russian quotes: the file's own text.
	impQuotedRU = regexp.MustCompile(`«[^»]*»`)
)

// impEnglishLeft is the first word of the English format that its Russian
// ru still says, other than the words kept (impKept, impKeptIn), the
// words of the sample's facts, commands, flags, paths and quoted values.
func impEnglishLeft(format, ru string) string {
	words := map[string]bool{}
	for _, w := range latinWord.FindAllString(impFlagOrPath.ReplaceAllString(impCommand.ReplaceAllString(impVerb.ReplaceAllString(format, " "), " "), " "), -1) {
		if !impKept[w] && !slices.Contains(impKeptIn[format], w) {
			words[strings.ToLower(w)] = true
		}
	}
	ru = impQuotedRU.ReplaceAllString(impCommand.ReplaceAllString(ru, " "), " ")
	for _, w := range latinWord.FindAllString(impFlagOrPath.ReplaceAllString(ru, " "), -1) {
		if words[strings.ToLower(w)] && !impKept[w] {
			return w
		}
	}
	return ""
}

// impSaid says an English message of format in Russian as the CLI would
// print it: as a warning or note, as an error, or as a parse error's
// reason. It returns the first Russian that keeps no English word of
// format, or the reason's Russian and the word it keeps.
func impSaid(format, msg string) (ru, left string) {
	reg := impRegistry()
	tries := []string{
		Warning(i18n.RU, reg, msg),
		Error(i18n.RU, reg, msg),
	}
	framed := []string{`f.csv:3:2: column "c": "v" ` + msg, `f.csv:3: ` + msg}
	for _, f := range framed {
		tries = append(tries, Error(i18n.RU, reg, f))
	}
	inputs := []string{msg, msg, framed[0], framed[1]}
	for i, ru := range tries {
		if ru == inputs[i] {
			continue
		}
		if w := impEnglishLeft(format, ru); w == "" {
			return ru, ""
		}
	}
	ru = tries[2]
	left = impEnglishLeft(format, ru)
	if left == "" {
		left = "(not recognised)"
	}
	return ru, left
}

// impCheckEnglish checks that the pattern that recognises msg (as a
// whole message or as a reason, maybe after a workbook's sheet) has an
// English catalogue message that says msg again, given what it captured.
func impCheckEnglish(t *testing.T, pos, msg string) {
	t.Helper()
	for _, list := range []struct {
		patterns []errPattern
		reasons  bool // reasons, maybe after a workbook's sheet
	}{{importMessages(), false}, {importReasons(), true}, {errPatterns(), false}, {warnPatterns(), false}} {
		s := msg
		if m := wherePrefix().FindStringSubmatch(s); m != nil && list.reasons {
			s = s[len(m[0]):]
		}
		p, m := match(list.patterns, s)
		if m == nil {
			continue
		}
		checkEnglish(t, pos, &p, m, s)
		return
	}
}

// TestEveryImportMessageIsSaid: every error, warning and note an import
// prints, as the code of impSources writes it (a format, its verbs filled
// with sample values), is said in Russian with no English word of its
// own left, by a pattern whose English catalogue message is the code's.
// A new English message without a pattern fails here, naming its file
// and line; a format that is no message is listed in impNotMessages, a
// part of one in impFragments.
func TestEveryImportMessageIsSaid(t *testing.T) {
	found := collectImportFormats(t)
	if len(found) < 200 {
		t.Fatalf("found only %d formats: is the collector still reading %v?", len(found), impSources)
	}
	notMessages := maps.Clone(impNotMessages)
	for file, formats := range impNotMessagesIn {
		if _, err := os.Stat(file); err == nil {
			maps.Copy(notMessages, formats)
		}
	}
	seen := map[string]bool{}
	checked := 0
	for _, f := range found {
		if seen[f.format] {
			continue
		}
		seen[f.format] = true
		if notMessages[f.format] != "" {
			continue
		}
		msgs := []string{impSample(f)}
		if ex, ok := impFragments[f.format]; ok {
			msgs = ex
			lit := ""
			for _, part := range impVerb.Split(f.format, -1) {
				if len(part) > len(lit) {
					lit = part
				}
			}
			for _, m := range ex {
				if !strings.Contains(m, lit) {
					t.Errorf("impFragments: %q does not hold %q (of %q)", m, lit, f.format)
				}
			}
		}
		for _, msg := range msgs {
			if !latinWord.MatchString(impFlagOrPath.ReplaceAllString(impVerb.ReplaceAllString(f.format, " "), " ")) {
				continue // "%s: %s", "%q": nothing to say
			}
			checked++
			ru, left := impSaid(f.format, msg)
			if left != "" {
				t.Errorf("%s: %q (format %q) is said %q, which keeps the English %q: add a pattern to internal/errtext/import.go and its message to locales/{en,ru}/cli_errors_import.toml", f.pos, msg, f.format, ru, left)
				continue
			}
			impCheckEnglish(t, f.pos, msg)
		}
	}
	for f := range notMessages {
		if !seen[f] {
			t.Errorf("impNotMessages lists %q, which the code no longer writes: drop it", f)
		}
	}
	for f := range impFragments {
		if !seen[f] {
			t.Errorf("impFragments lists %q, which the code no longer writes: drop it", f)
		}
	}
	t.Logf("%d formats found, %d messages checked", len(seen), checked)
}

// TestImportCatalogueHasNoStrays: every message of cli_errors_import.toml
// is one import.go says, so that a pattern dropped does not leave its
// message behind.
func TestImportCatalogueHasNoStrays(t *testing.T) {
	src, err := os.ReadFile("import.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, k := range i18n.Keys(i18n.EN) {
		if !strings.HasPrefix(k, "err.import.") && !strings.HasPrefix(k, "warn.import.") {
			continue
		}
		n++
		used := strings.Contains(string(src), `"`+k+`"`)
		if f, ok := strings.CutPrefix(k, "warn.import.field_"); ok {
			used = strings.Contains(string(src), `"warn.import.field_"+`) && regexp.MustCompile(`\b`+f+`\b`).Match(src)
		}
		if !used {
			t.Errorf("%s is in the catalogue but import.go does not say it", k)
		}
	}
	if n < 150 {
		t.Errorf("only %d err.import.* and warn.import.* messages in the catalogue", n)
	}
}
