package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// outputFiles are the files whose outputs say their words from the
// catalogue (locales/*/cli_outputs.toml, compare.toml).
var outputFiles = []string{"cmd_show.go", "cmd_analytics.go", "cmd_compare.go", "words.go", "output.go"}

// englishPhrase is a literal that reads as English words: two words of
// letters with a space between; headingWord a table's heading (VALUE,
// GLOBAL RANK).
var (
	englishPhrase = regexp.MustCompile(`[A-Za-z]{2,} [A-Za-z]{2,}`)
	headingWord   = regexp.MustCompile(`^ *[A-Z]{3,}[A-Z/ ]*$`)
)

// readsEnglish reports whether a literal reads as English: a heading, or
// words with a space among them (a key or an id has none) that are
// English phrases or words the outputs use (englishWords).
func readsEnglish(s string) bool {
	if headingWord.MatchString(s) {
		return true
	}
	return strings.Contains(s, " ") && (englishPhrase.MatchString(s) || englishWords.MatchString(s))
}

// notOutput are the calls whose string arguments are not output the
// catalogue says: help texts and errors (said in Russian by the help and
// error catalogues), flags, patterns, and the English texts that match the
// data.
var notOutput = map[string]bool{
	"usagef": true, "Errorf": true, "exactArgs": true, "noArgs": true, "minArgs": true,
	"StringVarP": true, "StringSliceVarP": true, "IntVarP": true, "IntVar": true, "StringVar": true,
	"MustCompile": true, "lazyRegexp": true, "Getenv": true, "Contains": true,
}

// TestOutputsHaveNoEnglishLiterals fails on an English phrase written as a
// Go string literal in the output code of show, rank, trend, elections,
// correlate and compare, outside help texts (cobra.Command fields, which
// the help catalogue overrides), errors and the table of the indicator
// catalogue's units.
func TestOutputsHaveNoEnglishLiterals(t *testing.T) {
	fset := token.NewFileSet()
	for _, name := range outputFiles {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !readsEnglish(s) || exempt(stack) {
				return true
			}
			t.Errorf("%s: English output outside the catalogue: %q", fset.Position(lit.Pos()), s)
			return true
		})
	}
}

// exempt reports whether the literal at the top of stack is a help text,
// an error, a flag's usage, a pattern or the English key of a map to "unit.*" keys.
func exempt(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.CallExpr:
			name := ""
			switch fn := n.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			if notOutput[name] {
				return true
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Use" || k.Name == "Short" || k.Name == "Long" || k.Name == "Example" || k.Name == "Args") {
				return true
			}
			if _, ok := n.Key.(*ast.BasicLit); ok && strings.HasPrefix(keyOf(n), "unit.") {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// keyOf is the value of a map entry whose value is a string literal.
func keyOf(kv *ast.KeyValueExpr) string {
	if lit, ok := kv.Value.(*ast.BasicLit); ok {
		s, _ := strconv.Unquote(lit.Value)
		return s
	}
	return ""
}
