package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// importEnglish finds the English words of the importers' messages in a
// Russian one, once the file's own text («…») and the paths are left out.
var importEnglish = regexp.MustCompile(`\b(is|are|not|the|an?|of|and|or|with|for|from|than|this|that|which|must|has|have|column|file|row|line|sheet|cell|missing|empty|number|value|outside|duplicate|unknown|did you mean|expected|save|leave|contains|starts|more|only|bytes|readable|workbook|registry|figures?|separator|header|fields?|wrong|valid|archive|here|usually|correct|check|holds|before|first|second|country|formula|calculated|skipped)\b`)

// importPaths are the paths and flags of a message (the corpus's and
// $TMP's files, --skip-unknown) and the file's own text.
var importPaths = regexp.MustCompile(`\S*(?:testdata|\$TMP)/\S*|--[a-z][\w-]*|«[^»]*»`)

// TestImportCorpusRussian feeds every malformed or hostile file of the
// import corpus (TestImportCorpus) to rankings import --lang ru: each
// error is one line with exit code 2 and says no English word of its
// own; the Russian messages are kept in a golden file (go test
// ./internal/cli -run ImportCorpusRussian -update rewrites it).
func TestImportCorpusRussian(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	tmp := t.TempDir()
	files, err := filepath.Glob("testdata/import/corpus/*")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range generatedCorpus(t) {
		path := filepath.Join(tmp, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	sort.Strings(files)
	if len(files) < 60 {
		t.Fatalf("only %d files in the corpus", len(files))
	}
	var b strings.Builder
	for _, path := range files {
		source, _, _ := strings.Cut(filepath.Base(path), "--")
		stdout, stderr, code := runData(dir, "import", source, path, "--lang", "ru")
		stderr = strings.ReplaceAll(stderr, tmp, "$TMP")
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and one line", path, code, stdout, stderr)
		}
		if w := importEnglish.FindString(importPaths.ReplaceAllString(stderr, " ")); w != "" {
			t.Errorf("%s: %q says %q in English", path, stderr, w)
		}
		fmt.Fprintf(&b, "$ rankings import %s %s --lang ru\n%s", source, strings.ReplaceAll(path, tmp, "$TMP"), stderr)
	}
	got := b.String()
	golden := filepath.Join("testdata", "golden", "import-corpus-ru.golden")
	checkGolden(t, golden, got, "go test ./internal/cli -run ImportCorpusRussian -update")
}

// TestImportErrorsRussianEndToEnd runs import, validate and update with
// --lang ru on bad files: a CSV with a bad number, one missing a column,
// an unknown country code, a CSV given as a workbook, an unknown
// encoding. Each error is said in Russian, as the user sees it.
func TestImportErrorsRussianEndToEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "rsf", "testdata/import/corpus/rsf--bad-number.csv"},
			"rankings: testdata/import/corpus/rsf--bad-number.csv:14:2: столбец «Score 2026»: «9x,5» — не число\n"},
		{[]string{"validate", "wgi", "testdata/import/corpus/wgi--missing-column.csv"},
			"rankings: testdata/import/corpus/wgi--missing-column.csv:1: нет столбца «stddev» (в заголовке: «code», «countryname», «year», «indicator», «estimate», «nsource», «pctrank», «pctranklower», «pctrankupper»; разделитель ',')\n"},
		{[]string{"import", "rsf", "testdata/import/corpus/rsf--unknown-country.csv"},
			"rankings: testdata/import/corpus/rsf--unknown-country.csv:14:1: столбец «ISO»: «KZA» — реестр не знает ни такого кода страны, ни названия строки «Kazakstn»; может быть, Казахстан? (--skip-unknown пропускает такие строки и перечисляет их)\n"},
		{[]string{"import", "wjp", "testdata/import/ok/rsf-2027.csv"},
			"rankings: testdata/import/ok/rsf-2027.csv: не читается как книга xlsx: это не архив zip\n"},
		{[]string{"validate", "fh-fiw", "testdata/import/ok/rsf-2027.csv"},
			"rankings: testdata/import/ok/rsf-2027.csv: не читается как книга xlsx: это не архив zip\n"},
		{[]string{"import", "rsf", "testdata/import/corpus/rsf--zip-not-csv.csv"},
			"rankings: testdata/import/corpus/rsf--zip-not-csv.csv: это архив zip (книга .xlsx?), а не текст CSV\n"},
		{[]string{"import", "long", "testdata/import/corpus/long--unknown-indicator.csv"},
			"rankings: testdata/import/corpus/long--unknown-indicator.csv:2:1: столбец «indicator»: «rsf-politcal» — неизвестный показатель: новому показателю нужен заголовок метаданных (см. datasets/FORMAT.md); может быть, rsf-political, rsf-social, rsf-legal?\n"},
		{[]string{"validate", "rsf", "testdata/import/ok/rsf-2027.csv", "--encoding", "koi9"},
			"rankings: неизвестная кодировка «koi9» — может быть, koi8-r, koi8-u? (кодировки: auto, utf-8, windows-1251, windows-1252, koi8-r, koi8-u, ibm866, iso-8859-5)\n"},
	} {
		stdout, stderr, code := runData(dir, append(c.args, "--lang", "ru")...)
		if code != 2 || stdout != "" || stderr != c.want {
			t.Errorf("rankings %s --lang ru: exit %d, stdout %q\nstderr %q\nwant   %q", strings.Join(c.args, " "), code, stdout, stderr, c.want)
		}
		if _, en, _ := runData(dir, c.args...); en == c.want || importEnglish.FindString(en) == "" {
			t.Errorf("rankings %s in English says %q", strings.Join(c.args, " "), en)
		}
	}

	// update downloads the file and imports it: a CSV given as WJP's
	// workbook.
	file, err := os.ReadFile("testdata/import/ok/rsf-2027.csv")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(file) }))
	defer srv.Close()
	defer func(c func() *http.Client) { httpClient = c }(httpClient)
	httpClient = srv.Client
	_, stderr, code := runData(dir, "update", "wjp", "--url", srv.URL+"/wjp.xlsx", "--lang", "ru")
	if want := "rankings: wjp.xlsx: не читается как книга xlsx: это не архив zip\n"; code != 2 || !strings.HasSuffix(stderr, want) {
		t.Errorf("update: exit %d, stderr %q, want it to end %q", code, stderr, want)
	}
}

// TestImportWarningsRussian prints the warnings and notes of imports in
// Russian: the formulas of a workbook, a row mapped by its code, the rows
// --skip-unknown leaves out, a placeholder row not imported.
func TestImportWarningsRussian(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	tmp := t.TempDir()

	book := filepath.Join(tmp, "civic.xlsx")
	if err := os.WriteFile(book, formulaWorkbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runData(dir, "validate", "long", book, "--lang", "ru")
	want := "rankings: предупреждение: " + book + ": в ячейке C10 листа «Sheet1» формула «=C9+1»: используется значение, вычисленное таблицей в последний раз, — «4»\n" +
		"rankings: предупреждение: " + book + ": в ячейке C11 листа «Sheet1» формула «=C10+1»: используется значение, вычисленное таблицей в последний раз, — «5»\n" +
		"rankings: предупреждение: " + book + ": в ячейке C12 листа «Sheet1» формула «=C11+1»: используется значение, вычисленное таблицей в последний раз, — «6»\n" +
		"rankings: предупреждение: " + book + ": ещё ячеек с формулами в листе «Sheet1»: 2 (C13, C14): проверьте, что последние вычисленные по ним значения — те, что вы имеете в виду\n"
	if code != 0 || stderr != want {
		t.Errorf("formulas: exit %d, stdout %q\nstderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	if _, en, _ := runData(dir, "validate", "long", book); !strings.Contains(en, `: cell C10 of sheet "Sheet1" is a formula, "=C9+1": the value the spreadsheet last calculated, "4", is used`) {
		t.Errorf("formulas in English: %q", en)
	}

	rsf, err := os.ReadFile("testdata/import/ok/rsf-2027.csv")
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(tmp, "rsf-renamed.csv")
	if err := os.WriteFile(renamed, bytes.Replace(rsf, []byte(";Kazakhstan;"), []byte(";Qazaqstan Republic;"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, _ := runData(dir, "validate", "rsf", renamed, "--lang", "ru"); !strings.Contains(stderr,
		"rankings: предупреждение: "+renamed+":14: реестр не знает «Qazaqstan Republic» как названия страны Казахстан (KAZ): строка сопоставлена по коду KAZ\n") {
		t.Errorf("renamed: %q", stderr)
	}

	if _, stderr, _ := runData(dir, "validate", "rsf", "testdata/import/corpus/rsf--unknown-country.csv", "--skip-unknown", "--lang", "ru"); !strings.Contains(stderr,
		"rankings: предупреждение:   testdata/import/corpus/rsf--unknown-country.csv:14:1: столбец «ISO»: «KZA» — реестр не знает ни такого кода страны, ни названия строки «Kazakstn»; может быть, Казахстан?\n") {
		t.Errorf("--skip-unknown: %q", stderr)
	}

	fotp := filepath.Join(tmp, "fotp.csv")
	if err := os.WriteFile(fotp, []byte("country,year.collected,year.reported,a,b,c,score,status\nKosovo,2008,2009,0,0,0,0,0\nKazakhstan,2008,2009,28,30,20,78,NF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, _ = runData(dir, "validate", "fh-fotp", fotp, "--replace-year", "--lang", "ru")
	if !strings.HasSuffix(stdout, "\n  "+fotp+":2: Косово, fh-fotp, 2009 год — не импортировано: строка-заглушка, а не оценка: все баллы — 0, а статус — «0» (настоящий балл 0 означал бы самую свободную прессу в мире)\n") {
		t.Errorf("placeholder row: %q", stdout)
	}
	if !strings.Contains(stderr, "rankings: предупреждение: fh-fotp 2009 уже есть во встроенных данных с другими значениями: значений с расхождениями: 1 из 195 (KAZ: место 168/195 → 1/1), только во встроенных данных: 194 (AFG; AGO; ALB; AND; ARE; и ещё 189); импорт заменяет весь год\n") {
		t.Errorf("different figures: %q", stderr)
	}
	for _, out := range []string{stdout, stderr} {
		if w := importEnglish.FindString(importPaths.ReplaceAllString(out, " ")); w != "" {
			t.Errorf("%q says %q in English", out, w)
		}
	}
}

// formulaWorkbook is a user's long-format workbook whose values from row
// 10 on are formulas, written part by part as a spreadsheet writes it
// (shared strings, a formula cell's cached value), with nothing but
// archive/zip.
func formulaWorkbook(t *testing.T) []byte {
	t.Helper()
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	strs := []string{"# indicator: civic-space", "# name: Civic space index", "# scale: 0 10", "# direction: higher", "# year: data",
		"iso3", "year", "value", "KAZ", "UZB", "KGZ", "TJK", "GEO", "ARM"}
	index := map[string]int{}
	var sst strings.Builder
	for i, s := range strs {
		index[s] = i
		fmt.Fprintf(&sst, "<si><t>%s</t></si>", s)
	}
	var rows strings.Builder
	str := func(ref, s string) string { return fmt.Sprintf(`<c r="%s" t="s"><v>%d</v></c>`, ref, index[s]) }
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&rows, `<row r="%d">%s</row>`, i+1, str(fmt.Sprintf("A%d", i+1), strs[i]))
	}
	fmt.Fprintf(&rows, `<row r="8">%s%s%s</row>`, str("A8", "iso3"), str("B8", "year"), str("C8", "value"))
	for i, code := range []string{"KAZ", "UZB", "KGZ", "TJK", "GEO", "ARM"} {
		r := 9 + i
		value := fmt.Sprintf("<v>%d</v>", 3+i)
		if i > 0 {
			value = fmt.Sprintf("<f>C%d+1</f><v>%d</v>", r-1, 3+i)
		}
		fmt.Fprintf(&rows, `<row r="%d">%s<c r="B%d"><v>2024</v></c><c r="C%d">%s</c></row>`, r, str(fmt.Sprintf("A%d", r), code), r, r, value)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ` + ns + ` xmlns:r="` + rel + `"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst %s count="%d" uniqueCount="%d">%s</sst>`, ns, len(strs), len(strs), sst.String())},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + ns + `><sheetData>` + rows.String() + `</sheetData></worksheet>`},
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
