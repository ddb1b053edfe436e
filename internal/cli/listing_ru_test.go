package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/errtext"
	"github.com/rankings-dev/rankings/internal/i18n"
	"github.com/rankings-dev/rankings/internal/server"
)

// listingRussianCases are the Russian goldens of countries, indicators,
// sources, cite and their errors; they run in TestGolden with the other
// cases.
var listingRussianCases = []struct {
	name string
	args []string
}{
	{"countries-ru", []string{"countries", "--lang", "ru"}},
	{"countries-ru-territories", []string{"countries", "--group", "territories", "--lang", "ru"}},
	{"countries-ru-south-caucasus", []string{"countries", "--group", "south-caucasus", "--lang", "ru"}},
	{"indicators-ru", []string{"indicators", "--lang", "ru"}},
	{"indicators-ru-markdown", []string{"indicators", "--format", "markdown", "--lang", "ru"}},
	{"indicators-ru-rsf", []string{"indicators", "rsf", "--lang", "ru"}},
	{"indicators-ru-ti-cpi", []string{"indicators", "ti-cpi", "--lang", "ru"}},
	{"indicators-ru-wgi-rl-central-asia-markdown", []string{"indicators", "wgi-rl", "--group", "central-asia", "--format", "markdown", "--lang", "ru"}},
	{"indicators-ru-odihr", []string{"indicators", "odihr", "--lang", "ru"}},
	{"sources-ru", []string{"sources", "--lang", "ru"}},
	{"cite-ru-all", []string{"cite", "all", "--accessed", "2026-05-03", "--lang", "ru"}},
	{"cite-ru-all-2020", []string{"cite", "all", "--year", "2020", "--accessed", "2026-05-03", "--lang", "ru"}},
	{"cite-ru-odihr", []string{"cite", "odihr", "--accessed", "2026-05-03", "--lang", "ru"}},
	{"err-ru-unknown-country-no-suggestion", []string{"show", "xyzzy", "--lang", "ru"}},
	{"err-ru-cite-bad-accessed", []string{"cite", "rsf", "--accessed", "3 May 2026", "--lang", "ru"}},
	{"err-ru-cite-no-edition", []string{"cite", "rsf", "--year", "2011", "--lang", "ru"}},
	{"err-ru-cite-unknown", []string{"cite", "rsff", "--lang", "ru"}},
	{"err-ru-cite-unknown-no-suggestion", []string{"cite", "xyzzyq", "--lang", "ru"}},
	{"err-ru-indicators-unknown", []string{"indicators", "xx", "--lang", "ru"}},
	{"err-ru-schema-unknown", []string{"schema", "foo", "--lang", "ru"}},
}

func init() { goldenCases = append(goldenCases, listingRussianCases...) }

// listingAllowed are the words English and Russian output share: command
// and flag names, codes, acronyms and the names publishers keep in Latin.
// (Command lines, "rankings rank --group all", are taken out before; the
// ids of indicators and sources and the words of the command's own
// arguments are allowed too.)
var listingAllowed = map[string]bool{
	"rankings": true, "all": true, "csv": true, "json": true, "compare": true, "source_url": true, "source_kind": true,
	"ISO3": true, "ISO2": true, "RSF": true, "WJP": true, "WGI": true, "CPI": true, "V-Dem": true,
	"ODIHR": true, "OSCE": true, "Freedom": true, "House": true, "Transparency": true, "International": true,
}

// commandWords are the command and flag names inside a sentence.
var commandWords = regexp.MustCompile(`rankings [a-z]+|--[a-z][a-z-]*`)

// isoCode is a registry code (KAZ, XCR).
var isoCode = regexp.MustCompile(`^[A-Z]{3}$`)

// dataTexts are the texts of the data that are English in every language
// (names beside their translation, editions, licences, citations, notes,
// reasons, units), longest first, so that a test can take them out of an
// output before it looks for English words.
func dataTexts(t *testing.T) []string {
	t.Helper()
	store := datasets.Embedded()
	var out []string
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				out = append(out, s, mdEscape(s))
			}
		}
	}
	srcs, err := docs.Sources(store)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs.Sources {
		listingAllowed[s.ID] = true
		add(s.Name, s.Publisher, s.Edition, s.URL, s.Licence, s.Citation, s.Notes, s.Basis)
	}
	for _, d := range docs.Indicators(store).Indicators {
		listingAllowed[d.ID] = true
		add(d.Name, d.YearNote, d.Notes, d.Status, d.Unit)
		for _, s := range d.Segments {
			add(s.Label, s.Reason)
		}
		for _, b := range d.Breaks {
			add(b.Reason)
		}
	}
	for _, year := range []int{0, 2020} {
		cites, err := docs.Cite(store, "all", year, time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cites.Citations {
			add(c.Text, c.Licence)
		}
	}
	add(strings.Join(docs.SchemaNames(), ", ")) // schema's list of documents
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return slices.Compact(out)
}

var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_'-]*[A-Za-z0-9]`)

// listingWords are the words of at least three letters in s once the
// data's texts are taken out.
func listingWords(s string, data, args []string) map[string]bool {
	for _, d := range data {
		s = strings.ReplaceAll(s, d, " ")
	}
	s = commandWords.ReplaceAllString(s, " ")
	own := map[string]bool{}
	for _, a := range args {
		for _, w := range latinWord.FindAllString(a, -1) {
			own[w] = true
		}
	}
	words := map[string]bool{}
	for _, w := range latinWord.FindAllString(s, -1) {
		if len(w) >= 3 && !listingAllowed[w] && !own[w] && !isoCode.MatchString(w) {
			words[w] = true
		}
	}
	return words
}

// TestListingRussianSaysNoEnglish fails when a Russian output of
// countries, indicators, sources or cite keeps a word of the English
// output's own wording (its headings, labels and sentences, not the
// data's English texts, which are said as published and marked).
func TestListingRussianSaysNoEnglish(t *testing.T) {
	data := dataTexts(t)
	union := map[string]bool{}
	defer func() {
		// The test can fail: the English outputs' own words are found.
		for _, w := range []string{"edition", "licence", "countries", "name", "higher", "better", "published", "computed", "Coverage", "Source", "unknown"} {
			if !union[w] {
				t.Errorf("the English outputs' words lack %q: the test would not see it left in Russian", w)
			}
		}
	}()
	for _, c := range listingRussianCases {
		t.Run(c.name, func(t *testing.T) {
			var en []string
			for i := 0; i < len(c.args); i++ {
				if c.args[i] == "--lang" {
					i++
					continue
				}
				en = append(en, c.args[i])
			}
			enOut, enErr, _ := run(en...)
			ruOut, ruErr, _ := run(c.args...)
			english := listingWords(enOut+enErr, data, c.args)
			for w := range english {
				union[w] = true
			}
			if len(english) == 0 {
				t.Fatalf("the English output has no words of its own: %s%s", enErr, enOut)
			}
			var left []string
			for w := range listingWords(ruOut+ruErr, data, c.args) {
				if english[w] {
					left = append(left, w)
				}
			}
			sort.Strings(left)
			if len(left) > 0 {
				t.Errorf("rankings %s says in English: %s\n%s%s", strings.Join(c.args, " "), strings.Join(left, ", "), ruErr, ruOut)
			}
		})
	}
}

// TestImportRussian imports, lists, removes, validates and downloads with
// --lang ru: every line the commands write themselves is Russian, with
// Russian dates and plurals; the manifest keeps the warnings in English.
func TestImportRussian(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ru := func(args ...string) (string, string, int) { return runData(dir, append(args, "--lang", "ru")...) }
	smallRU := "rankings: предупреждение: rsf 2027: стран в файле — 14, во встроенных данных — около 179 в год; импорт заменяет весь год, поэтому данные за 2027 год будут только у этих стран\n"

	stdout, stderr, code := ru("import", "rsf", "testdata/import/ok/rsf-2027.csv")
	if code != 0 || stderr != smallRU || stdout != "импортировано: testdata/import/ok/rsf-2027.csv: rsf 2027, 14 значений по 14 странам — импорт 1 в "+dir+"\n" {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, _ = ru("show", "kaz", "-i", "rsf", "--from", "2027"); stderr != "rankings: используются импортированные данные: rsf 2027 из импорта 1 от 3 мая 2026 г.\n" {
		t.Errorf("show: stderr %q", stderr)
	}
	stdout, stderr, code = ru("import", "rsf", "testdata/import/ok/rsf-2027.csv")
	overlap := "rankings: предупреждение: импорт 1 (testdata/import/ok/rsf-2027.csv от 3 мая 2026 г.) тоже охватывает rsf 2027: этот импорт занимает его место; rankings import --remove 1 удаляет прежний\n"
	if code != 0 || stderr != smallRU+overlap {
		t.Errorf("second import: exit %d\n%s%s", code, stdout, stderr)
	}
	if m, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err != nil || !bytes.Contains(m, []byte("also covers rsf 2027: this import takes its place")) {
		t.Errorf("the manifest's warnings are not English: %v\n%s", err, m)
	}
	if _, _, code = ru("import", "odihr", "testdata/import/ok/odihr-2026.csv"); code != 0 {
		t.Fatalf("odihr: exit %d", code)
	}
	if stdout, _, _ = ru("import", "long", "testdata/import/ok/civic-space.csv"); !strings.Contains(stdout, "civic-space 2023–2024, 7 значений по 5 странам; новый показатель civic-space — импорт 4") {
		t.Errorf("long: %q", stdout)
	}
	stdout, _, _ = ru("import", "--list")
	want := "импорты в " + dir + " (где импорты перекрываются, более поздний занимает место более раннего):\n" +
		"ID  ДАТА           ИСТОЧНИК  ОХВАТ                  ФАЙЛ\n" +
		" 1  3 мая 2026 г.  rsf       rsf 2027               testdata/import/ok/rsf-2027.csv\n" +
		" 2  3 мая 2026 г.  rsf       rsf 2027               testdata/import/ok/rsf-2027.csv\n" +
		" 3  3 мая 2026 г.  odihr     odihr 2026             testdata/import/ok/odihr-2026.csv\n" +
		" 4  3 мая 2026 г.  long      civic-space 2023–2024  testdata/import/ok/civic-space.csv\n"
	if stdout != want {
		t.Errorf("list:\n%s\nwant:\n%s", stdout, want)
	}
	if stdout, _, _ = ru("import", "--remove", "3"); stdout != "удалён импорт 3: odihr 2026 (testdata/import/ok/odihr-2026.csv от 3 мая 2026 г.)\n" {
		t.Errorf("remove: %q", stdout)
	}
	if _, stderr, code = ru("import", "--remove", "3"); code != 2 || stderr != "rankings: импорта 3 нет (импорты: 1, 2, 4; см. rankings import --list)\n" {
		t.Errorf("remove again: exit %d, %q", code, stderr)
	}
	if stdout, _, _ = ru("validate", "rsf", "testdata/import/ok/rsf-2027.csv"); stdout != "проверено: testdata/import/ok/rsf-2027.csv: rsf 2027, 14 значений по 14 странам; ничего не сохранено\n" {
		t.Errorf("validate: %q", stdout)
	}
	_, stderr, _ = ru("import", "rsf", "testdata/import/corpus/rsf--unknown-country.csv", "--skip-unknown")
	if !strings.Contains(stderr, "rankings: предупреждение: пропущена 1 строка со страной, которой нет в реестре (--skip-unknown):\n") {
		t.Errorf("--skip-unknown: %q", stderr)
	}
	_, stderr, code = ru("import", "rsf", "testdata/import/corpus/rsf--unknown-country.csv")
	if code != 2 || !strings.HasSuffix(stderr, " (--skip-unknown пропускает такие строки и перечисляет их)\n") {
		t.Errorf("unknown country: exit %d, %q", code, stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "rsf", "testdata/import/ok/missing.csv"}, "rankings: testdata/import/ok/missing.csv: такого файла нет\n"},
		{[]string{"import", "rsf", "testdata"}, "rankings: testdata — папка, а не файл\n"},
		{[]string{"update", "wgi"}, "rankings: у wgi нет известного адреса для загрузки: укажите https://-адрес файла в --url\n"},
		{[]string{"update", "rsf", "--url", "http://example.org/x.csv"}, "rankings: --url «http://example.org/x.csv» — не https://-адрес\n"},
	} {
		if _, stderr, code := ru(c.args...); code != 2 || stderr != c.want {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, stderr, c.want)
		}
	}
	if stdout, _, _ = runData(filepath.Join(t.TempDir(), "none"), "import", "--list", "--lang", "ru"); !strings.HasPrefix(stdout, "в ") || !strings.HasSuffix(stdout, " импортов нет\n") {
		t.Errorf("empty list: %q", stdout)
	}
}

// TestUpdateProgressRussian draws update's progress in Russian: the bar's
// words, decimal commas in the sizes, and the line off a terminal.
func TestUpdateProgressRussian(t *testing.T) {
	file, err := os.ReadFile("testdata/import/ok/rsf-2027.csv")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/2027.csv", func(w http.ResponseWriter, r *http.Request) { w.Write(file) })
	srv := httptest.NewTLSServer(mux)
	defer srv.Close()
	defer func(c func() *http.Client) { httpClient = c }(httpClient)
	httpClient = srv.Client

	dir := filepath.Join(t.TempDir(), "data")
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"update", "rsf", "--url", srv.URL + "/2027.csv", "--data-dir", dir, "--lang", "ru"},
		Env{Stdout: &out, Stderr: &errb, TTY: true, Getenv: func(string) string { return "" }})
	if code != 0 || !strings.Contains(errb.String(), "\rзагрузка 2027.csv [==============================] 100%  418 Б из 418 Б\n") {
		t.Errorf("update: exit %d, stderr %q", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "импортировано: 2027.csv: rsf 2027, 14 значений по 14 странам — импорт 1 в ") {
		t.Errorf("stdout: %q", out.String())
	}
	for n, want := range map[int64]string{812: "812 Б", 26_700: "26,7 кБ", 1_900_000: "1,9 МБ"} {
		if got := size("ru", n); got != want {
			t.Errorf("size(ru, %d) = %q, want %q", n, got, want)
		}
	}
	if _, stderr, _ := runData(dir, "update", "rsf", "--url", srv.URL+"/2027.csv", "--lang", "ru"); !strings.Contains(stderr, "rankings: загружен 2027.csv (418 Б)\n") {
		t.Errorf("off a terminal: %q", stderr)
	}
}

// TestListingErrorsInRussian says the errors of bake, serve, update and
// the data directory, as the code words them, in Russian: each is
// recognised, and none keeps an English word of its own.
func TestListingErrorsInRussian(t *testing.T) {
	env := &Env{Store: datasets.Embedded()}
	osErr := &os.PathError{Op: "mkdir", Path: "x", Err: os.ErrPermission}
	var msgs []string
	for k := server.BakeDirNotEmpty; k <= server.BakeDirNotReplaceable; k++ {
		msgs = append(msgs, bakeError("site", &server.BakeDirError{Dir: "site", Kind: k, Target: "/gone", Err: osErr}).Error())
	}
	msgs = append(msgs, bakeError("site", context.Canceled).Error())

	// The data directory's errors, as a real directory gives them.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "manifest.json"), []byte("{"), 0o644)
	newer := t.TempDir()
	os.WriteFile(filepath.Join(newer, "manifest.json"), []byte(`{"version": 99}`), 0o644)
	for _, c := range [][]string{
		{bad, "import", "--list"},
		{newer, "import", "--list"},
		{t.TempDir(), "import", "--remove", "5"},
	} {
		_, stderr, code := runData(c[0], c[1:]...)
		if code == 0 {
			t.Fatalf("%v: exit 0", c)
		}
		msgs = append(msgs, strings.TrimSuffix(strings.TrimPrefix(stderr, "rankings: "), "\n"))
	}
	msgs = append(msgs,
		"cannot download https://example.org/x.csv: the server answered 404 Not Found",
		"cannot download https://example.org/x.csv: the connection ended early",
		"https://example.org/x.csv is 99999999 bytes, larger than 64 MiB: not a publisher's file",
		"cannot listen on 127.0.0.1:80: listen tcp 127.0.0.1:80: bind: permission denied",
	)
	english := regexp.MustCompile(`\b(cannot|give|folder|is not|empty|bake|interrupted|directory|manifest|version|import \d|has no|imports|download|server|answered|connection|larger|publisher|listen on)\b`)
	for _, m := range msgs {
		ru := errtext.Error("ru", env.registry(), m)
		if ru == m {
			t.Errorf("not recognised: %s", m)
			continue
		}
		// The operating system's own reason stays as it gives it.
		ru = strings.NewReplacer("permission denied", "", "listen tcp", "", "bind:", "", "404 Not Found", "", "unexpected end of JSON input", "", "manifest.json", "").Replace(ru)
		if w := english.FindString(ru); w != "" {
			t.Errorf("%q is said %q, keeping %q", m, ru, w)
		}
	}
}

// TestBakeWordsRussian says bake's report with the plural its count takes.
func TestBakeWordsRussian(t *testing.T) {
	l := i18n.RU
	for _, c := range []struct {
		key  string
		n    int
		want string
	}{
		{"bake.wrote", 21, "записан 21 файл в site"},
		{"bake.wrote", 4, "записаны 4 файла в site"},
		{"bake.wrote", 5000, "записано 5000 файлов в site"},
		{"bake.wrote_replacing_bake", 5000, "записано 5000 файлов в site вместо прежней сборки"},
		{"bake.wrote_replacing_folder", 2, "записаны 2 файла в site вместо этой папки и всего, что в ней было"},
	} {
		if got := l.N(c.key, c.n, c.n, "site"); got != c.want {
			t.Errorf("%s %d = %q, want %q", c.key, c.n, got, c.want)
		}
	}
	if got := l.N("bake.progress", 5000, 200, 5000); got != "записано файлов: 200 из 5000" {
		t.Errorf("progress = %q", got)
	}
}

// TestIndicatorTextsSaidInRussian fails when a text of the indicator
// catalogue (a year note, note, status or the reason of a methodology
// break) has no Russian in locales/*/cli_listing.toml: an indicator's
// page would then show it in English, marked.
func TestIndicatorTextsSaidInRussian(t *testing.T) {
	for _, d := range docs.Indicators(datasets.Embedded()).Indicators {
		texts := []string{d.YearNote, d.Notes, d.Status}
		for _, s := range d.Segments {
			texts = append(texts, s.Reason)
		}
		for _, b := range d.Breaks {
			texts = append(texts, b.Reason)
		}
		for _, s := range texts {
			if ru, ok := docs.TextIn(i18n.RU, s); !ok || (s != "" && ru == s) {
				t.Errorf("%s: no Russian for %q (add a listing.text.* message)", d.ID, s)
			}
		}
	}
	// The sources' notes too (their editions may name the data's last
	// date, and fall back to English, marked, when it moves).
	srcs, err := docs.Sources(datasets.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs.Sources {
		if _, ok := docs.TextIn(i18n.RU, s.Notes); !ok {
			t.Errorf("source %s: no Russian for its note %q (add a listing.text.* message)", s.ID, s.Notes)
		}
	}
}
