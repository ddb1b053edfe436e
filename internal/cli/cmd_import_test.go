package cli

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/datasets/userdata"
	"github.com/rankings-dev/rankings/indicators"
)

func init() {
	now = func() time.Time { return time.Date(2026, 5, 3, 12, 0, 0, 0, time.UTC) }
}

// runData runs a command line against the data directory dir, with no
// terminal and an empty environment.
func runData(dir string, args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	args = append(args, "--data-dir", dir)
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return out.String(), errb.String(), code
}

// treeHash hashes the path, mode and bytes of everything under dir ("" when
// dir does not exist), so a test can show a failed import changed nothing.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(h, "%s %v %d\n", rel, info.Mode(), info.Size())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// generatedCorpus are hostile files too big (or too binary) to commit; they
// are written to a temporary folder and named $TMP/<name> in the golden
// files.
func generatedCorpus(t *testing.T) map[string][]byte {
	t.Helper()
	rsf, err := os.ReadFile("testdata/import/ok/rsf-2027.csv")
	if err != nil {
		t.Fatal(err)
	}
	workbook := func(sheet string, rows [][]any) []byte {
		f := excelize.NewFile()
		if sheet != "Sheet1" {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				t.Fatal(err)
			}
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	wjpHeader := []any{"Country", "Year", "Country_year", "Country Code", "Region", "WJP Rule of Law Index: Overall Score"}
	for i := 1; i <= 8; i++ {
		wjpHeader = append(wjpHeader, fmt.Sprintf("Factor %d: x", i))
	}
	wjpRow := func(name, code string, score float64) []any {
		r := []any{name, "2025", name + "_2025", code, "Eastern Europe & Central Asia", score}
		for i := 0; i < 8; i++ {
			r = append(r, 0.5)
		}
		return r
	}
	wjp := workbook("Historical Data", [][]any{wjpHeader, wjpRow("Kazakhstan", "KAZ", 0.52), wjpRow("Georgia", "GEO", 0.6)})
	var garbage bytes.Buffer
	zw := zip.NewWriter(&garbage)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<not really xml"))
	}
	zw.Close()
	// A workbook part that claims 3 GB from a few bytes: a zip bomb, or a
	// lie the xlsx library would allocate memory for.
	var bomb bytes.Buffer
	zb := zip.NewWriter(&bomb)
	var packed bytes.Buffer
	fw, _ := flate.NewWriter(&packed, flate.BestCompression)
	fw.Write(bytes.Repeat([]byte("<row/>"), 1000))
	fw.Close()
	w, _ := zb.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(packed.Len()), UncompressedSize64: 3 << 30})
	w.Write(packed.Bytes())
	zb.Close()
	return map[string][]byte{
		"wjp--zip-bomb.xlsx": bomb.Bytes(),
		// A 10 MB file without a single line break.
		"rsf--10mb-single-line.csv": bytes.Repeat([]byte("ISO"), 10<<20/3),
		// A 4 MB cell where the country code should be.
		"rsf--huge-field.csv": bytes.Replace(rsf, []byte("KAZ;"), append(bytes.Repeat([]byte("K"), 4<<20), ';'), 1),
		// A workbook cut off halfway through the download.
		"wjp--truncated.xlsx":            wjp[:len(wjp)/2],
		"wjp--score-out-of-range.xlsx":   workbook("Historical Data", [][]any{wjpHeader, wjpRow("Kazakhstan", "KAZ", 0.52), wjpRow("Georgia", "GEO", 1.7)}),
		"fh-fiw--no-data-sheet.xlsx":     workbook("Sheet1", [][]any{{"Country/Territory", "Edition"}, {"Kazakhstan", 2025}}),
		"fh-ratings--zip-of-junk.xlsx":   garbage.Bytes(),
		"long--xlsx-bad-value.xlsx":      workbook("Sheet1", [][]any{{"indicator", "iso3", "year", "value"}, {"rsf", "KAZ", 2026, "forty"}}),
		"long--xlsx-formula-text.xlsx":   workbook("Sheet1", [][]any{{"indicator", "iso3", "year", "value", "note"}, {"rsf", "KAZ", 2026, 40, "=1+1"}}),
		"vdem--utf16-no-bom-garbled.csv": append([]byte{'c', 0, 'o', 0, 'u', 0}, bytes.Repeat([]byte{0, 0xD8}, 50)...),
	}
}

// TestImportCorpus feeds every malformed or hostile file to rankings import
// and checks the one-line error against its golden file, the exit code 2,
// and that the data directory (holding an earlier import) is byte for byte
// unchanged. go test ./internal/cli -run ImportCorpus -update rewrites the
// golden files.
func TestImportCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if _, stderr, code := runData(dir, "import", "rsf", "testdata/import/ok/rsf-2027.csv"); code != 0 {
		t.Fatalf("setting up the earlier import: exit %d: %s", code, stderr)
	}
	before := treeHash(t, dir)
	tmp := t.TempDir()
	var files []string
	committed, err := filepath.Glob("testdata/import/corpus/*")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, committed...)
	for name, data := range generatedCorpus(t) {
		path := filepath.Join(tmp, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	sort.Strings(files)
	if len(files) < 30 {
		t.Fatalf("only %d files in the corpus", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		source, _, ok := strings.Cut(name, "--")
		if !ok {
			t.Fatalf("%s: corpus files are named <source>--<what>", name)
		}
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runData(dir, "import", source, path)
			stderr = strings.ReplaceAll(stderr, tmp, "$TMP")
			shown := strings.ReplaceAll(path, tmp, "$TMP")
			if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "rankings: ") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", code, stdout, stderr)
			}
			if len(stderr) > 600 {
				t.Errorf("the message is %d bytes long", len(stderr))
			}
			if after := treeHash(t, dir); after != before {
				t.Fatal("the data directory changed")
			}
			if vout, verr, vcode := runData(dir, "validate", source, path); vcode != 2 || vout != "" || strings.ReplaceAll(verr, tmp, "$TMP") != stderr {
				t.Errorf("validate: exit %d, %q; want the import's error", vcode, verr)
			}
			got := fmt.Sprintf("$ rankings import %s %s\nexit %d\n--- stderr\n%s", source, shown, code, stderr)
			golden := filepath.Join("testdata", "import", "golden", name+".golden")
			checkGolden(t, golden, got, "go test ./internal/cli -run ImportCorpus -update")
		})
	}
	if after := treeHash(t, dir); after != before {
		t.Error("the data directory changed")
	}
}

// smallField is the warning the 14-country test file of RSF 2027 gives.
const smallField = "rankings: warning: rsf 2027: the file has 14 countries, the embedded data about 179 a year: the import replaces the whole year, so only these will have 2027 figures\n"

func TestImportShowCompareListRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	stdout, stderr, code := runData(dir, "import", "rsf", "testdata/import/ok/rsf-2027.csv")
	if code != 0 || stderr != smallField || stdout != "imported testdata/import/ok/rsf-2027.csv: rsf 2027, 14 figures of 14 countries as import 1 into "+dir+"\n" {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	notice := "rankings: using imported data: rsf 2027 from import 1 of 2026-05-03\n"
	stdout, stderr, code = runData(dir, "show", "kazakhstan", "-i", "rsf", "--from", "2025")
	if code != 0 || stderr != notice || !strings.Contains(stdout, "  2025  39.34  141 of 180") || !strings.Contains(stdout, "  2027  39.34    13 of 14") {
		t.Errorf("show: exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	stdout, stderr, code = runData(dir, "compare", "kazakhstan", "russia", "-i", "rsf", "--format", "json")
	var doc struct {
		Indicators []struct {
			ID     string `json:"id"`
			Year   int    `json:"year"`
			Values []struct {
				ISO3   string  `json:"iso3"`
				Value  float64 `json:"value"`
				Rank   int     `json:"rank"`
				RankOf int     `json:"rank_of"`
			} `json:"values"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || code != 0 || stderr != notice {
		t.Fatalf("compare: exit %d, %v, stderr %q", code, err, stderr)
	}
	if ci := doc.Indicators[0]; ci.Year != 2027 || ci.Values[0].ISO3 != "KAZ" || ci.Values[0].Rank != 13 || ci.Values[1].Value != 24.57 || ci.Values[1].RankOf != 14 {
		t.Errorf("compare rsf = %+v", ci)
	}
	// A command that reads no imported figure says nothing.
	if _, stderr, code = runData(dir, "rank", "-i", "wgi-rl"); code != 0 || stderr != "" {
		t.Errorf("rank wgi-rl: exit %d, stderr %q", code, stderr)
	}
	// Another import of the same year takes its place, with a warning.
	stdout, stderr, code = runData(dir, "import", "rsf", "testdata/import/ok/rsf-2027.csv")
	if code != 0 || !strings.Contains(stderr, "rankings: warning: import 1 (testdata/import/ok/rsf-2027.csv of 2026-05-03) also covers rsf 2027: this import takes its place; rankings import --remove 1 drops the old one") {
		t.Errorf("second import: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, code = runData(dir, "import", "--list")
	want := "imports in " + dir + " (later imports take the place of earlier ones where they overlap):\n" +
		"ID  DATE        SOURCE  COVERS    FILE\n" +
		" 1  2026-05-03  rsf     rsf 2027  testdata/import/ok/rsf-2027.csv\n" +
		" 2  2026-05-03  rsf     rsf 2027  testdata/import/ok/rsf-2027.csv\n"
	if code != 0 || stdout != want {
		t.Errorf("list:\n%s\nwant:\n%s", stdout, want)
	}
	if stdout, _, code = runData(dir, "import", "--remove", "1"); code != 0 || stdout != "removed import 1: rsf 2027 (testdata/import/ok/rsf-2027.csv of 2026-05-03)\n" {
		t.Errorf("remove: exit %d, %q", code, stdout)
	}
	if _, stderr, code = runData(dir, "import", "--remove", "1"); code != 2 || stderr != "rankings: no import 1 (imports: 2; see rankings import --list)\n" {
		t.Errorf("remove again: exit %d, %q", code, stderr)
	}
	if _, stderr, code = runData(dir, "show", "kaz", "-i", "rsf"); code != 0 || stderr != "rankings: using imported data: rsf 2027 from import 2 of 2026-05-03\n" {
		t.Errorf("after remove: exit %d, %q", code, stderr)
	}
	runData(dir, "import", "--remove", "2")
	stdout, stderr, code = runData(dir, "show", "kaz", "-i", "rsf", "--from", "2025")
	if code != 0 || stderr != "" || strings.Contains(stdout, "2027") {
		t.Errorf("with no imports left: exit %d, %q\n%s", code, stderr, stdout)
	}
	if stdout, _, _ = runData(dir, "import", "--list", "--format", "json"); stdout != "{\n  \"data_dir\": \""+dir+"\",\n  \"imports\": []\n}\n" {
		t.Errorf("empty list json: %s", stdout)
	}
}

func TestImportCustomIndicator(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	stdout, stderr, code := runData(dir, "import", "long", "testdata/import/ok/civic-space.csv")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "civic-space 2023–2024, 7 figures of 5 countries; new indicator civic-space as import 1") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, _, code = runData(dir, "indicators", "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "\ncivic-space,Civic space index,import,score 0–10,0–10,higher is better,data,,\n") {
		t.Errorf("indicators:\n%s", stdout)
	}
	stdout, stderr, code = runData(dir, "show", "uzbekistan", "-i", "civic-space")
	if code != 0 || stderr != "rankings: using imported data: civic-space 2023–2024 from import 1 of 2026-05-03\n" ||
		!strings.Contains(stdout, "  2023   2.00  2 of 2") || !strings.Contains(stdout, "  2024   2.25  5 of 5  provisional") {
		t.Errorf("show: exit %d, %q\n%s", code, stderr, stdout)
	}
	stdout, _, code = runData(dir, "compare", "kazakhstan", "kyrgyzstan", "-i", "civic-space", "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "civic-space") || !strings.Contains(stdout, "3.5") || !strings.Contains(stdout, "KGZ") {
		t.Errorf("compare: exit %d\n%s", code, stdout)
	}
	stdout, _, code = runData(dir, "rank", "-i", "civic-space", "--group", "all")
	if code != 0 || !strings.Contains(stdout, "Estonia") || !strings.Contains(stdout, "1 of 5") {
		t.Errorf("rank: exit %d\n%s", code, stdout)
	}
	// More years of it need no metadata, and stay after the import that
	// defined it is removed.
	more := filepath.Join(t.TempDir(), "more.csv")
	os.WriteFile(more, []byte("indicator,country,year,value\ncivic-space,Kazakhstan,2025,3.75\ncivic-space,Estonia,2025,9.5\n"), 0o644)
	if _, stderr, code := runData(dir, "import", "long", more); code != 0 || stderr != "" {
		t.Fatalf("more years: exit %d, %q", code, stderr)
	}
	if _, _, code := runData(dir, "import", "--remove", "1"); code != 0 {
		t.Fatal("remove 1")
	}
	stdout, stderr, code = runData(dir, "show", "kazakhstan", "-i", "civic-space")
	if code != 0 || !strings.Contains(stdout, "  2025   3.75  2 of 2") || strings.Contains(stdout, "2024") ||
		stderr != "rankings: using imported data: civic-space 2025 from import 2 of 2026-05-03\n" {
		t.Errorf("after removing the defining import: exit %d, %q\n%s", code, stderr, stdout)
	}
	runData(dir, "import", "long", "testdata/import/ok/civic-space.csv")
	// The same indicator with other metadata is refused.
	other := filepath.Join(t.TempDir(), "other.csv")
	os.WriteFile(other, []byte("# indicator: civic-space\n# name: Civic space index\n# scale: 0 100\n# direction: higher\n# year: data\ncountry,year,value\nGeorgia,2025,60\n"), 0o644)
	_, stderr, code = runData(dir, "import", "long", other)
	if code != 2 || !strings.Contains(stderr, `other.csv:1:1: indicator "civic-space" was defined by an earlier import with other metadata (Civic space index, 0–10, higher is better)`) {
		t.Errorf("redefinition: exit %d, %q", code, stderr)
	}
}

func TestImportElectionsAndSkipUnknown(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if _, stderr, code := runData(dir, "import", "odihr", "testdata/import/ok/odihr-2026.csv"); code != 0 || stderr != "" {
		t.Fatalf("odihr: exit %d, %q", code, stderr)
	}
	stdout, stderr, code := runData(dir, "elections", "kazakhstan")
	if code != 0 || !strings.Contains(stdout, "2026-03-15") || stderr != "rankings: using imported data: odihr 2026 from import 1 of 2026-05-03\n" {
		t.Errorf("elections: exit %d, %q\n%s", code, stderr, stdout)
	}
	before := treeHash(t, dir)
	path := "testdata/import/corpus/rsf--unknown-country.csv"
	_, stderr, code = runData(dir, "import", "rsf", path)
	if code != 2 || !strings.Contains(stderr, "did you mean Kazakhstan?") || !strings.Contains(stderr, "--skip-unknown") || treeHash(t, dir) != before {
		t.Errorf("unknown country: exit %d, %q", code, stderr)
	}
	stdout, stderr, code = runData(dir, "import", "rsf", path, "--skip-unknown")
	wantWarn := strings.Replace(smallField, "14 countries", "13 countries", 1) +
		"rankings: warning: left out 1 row of countries the registry does not know (--skip-unknown):\n" +
		"rankings: warning:   " + path + `:14:1: column "ISO": "KZA" is not a country code the registry knows, nor is the row's name "Kazakstn" a country's name — did you mean Kazakhstan?` + "\n"
	if code != 0 || !strings.Contains(stdout, "rsf 2027, 13 figures of 13 countries as import 2") {
		t.Errorf("--skip-unknown: exit %d\n%s%s", code, stdout, stderr)
	}
	if stderr != wantWarn {
		t.Errorf("--skip-unknown warnings:\n%s\nwant:\n%s", stderr, wantWarn)
	}
	// The skipped row still counts in the field: Russia stays 14th of 14.
	stdout, _, _ = runData(dir, "show", "russia", "-i", "rsf", "--from", "2027")
	if !strings.Contains(stdout, "2027  24.57  14 of 14") {
		t.Errorf("show russia:\n%s", stdout)
	}
}

func TestValidateStoresNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	stdout, stderr, code := runData(dir, "validate", "rsf", "testdata/import/ok/rsf-2027.csv")
	if code != 0 || stderr != smallField || stdout != "valid: testdata/import/ok/rsf-2027.csv: rsf 2027, 14 figures of 14 countries; nothing stored\n" {
		t.Errorf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
	if h := treeHash(t, dir); h != "" {
		t.Error("validate created the data directory")
	}
	if _, stderr, code = runData(dir, "import", "rsf", "testdata/import/ok/missing.csv"); code != 2 || stderr != "rankings: testdata/import/ok/missing.csv: no such file\n" {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
	if _, stderr, code = runData(dir, "import", "rfs", "testdata/import/ok/rsf-2027.csv"); code != 2 || !strings.HasPrefix(stderr, `rankings: unknown source "rfs" — did you mean rsf?`) {
		t.Errorf("unknown source: exit %d, %q", code, stderr)
	}
	if _, stderr, code = runData(dir, "import", "--list", "rsf"); code != 2 || stderr != "rankings: --list and --remove take no source or file, e.g. rankings import --list\n" {
		t.Errorf("list with args: exit %d, %q", code, stderr)
	}
	if h := treeHash(t, dir); h != "" {
		t.Error("a failed command created the data directory")
	}
}

// TestImportRealSourcesMatchEmbedded imports every publisher file of
// ../shared/sources through the command and checks that the figures it
// stores are exactly the embedded ones, year by year.
func TestImportRealSourcesMatchEmbedded(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "sources")
	if _, err := os.Stat(filepath.Join(root, "MANIFEST.md")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs the publishers' files in %s: %v", root, err)
		}
		t.Skipf("publishers' files not found in %s: skipping the real-file import check (CI runs it)", root)
	}
	rsf, _ := filepath.Glob(filepath.Join(root, "rsf", "*.csv"))
	cases := [][2]string{
		{"wgi", "wgi/wgidataset.csv"},
		{"wjp", "wjp/2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"},
		{"fh-fiw", "freedomhouse_fiw/All_data_FIW_2013-2025.xlsx"},
		{"fh-ratings", "freedomhouse_fiw/Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx"},
		{"fh-fotp", "freedomhouse_fotp/fotp_2001_2014.csv"},
		{"vdem", "vdem/vdemlite_v14_subset.csv"},
		{"cpi", "cpi/CPI2025_Results.xlsx"},
		{"odihr", "odihr/elections.csv"},
	}
	for _, f := range rsf {
		rel, _ := filepath.Rel(root, f)
		cases = append(cases, [2]string{"rsf", rel})
	}
	if len(rsf) != 24 {
		t.Errorf("%d RSF files, the manifest lists 24", len(rsf))
	}
	emb := datasets.Embedded()
	for _, c := range cases {
		t.Run(c[1], func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			stdout, stderr, code := runData(dir, "import", c[0], filepath.Join(root, c[1]))
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
			}
			m, err := userdata.Open(dir).Manifest()
			if err != nil || len(m.Imports) != 1 {
				t.Fatalf("manifest: %+v, %v", m, err)
			}
			ov, err := userdata.Open(dir).Overlays()
			if err != nil {
				t.Fatal(err)
			}
			layered := emb.With(ov...)
			n := 0
			for id, years := range m.Imports[0].Covers {
				if id == datasets.ElectionsID {
					got, err1 := layered.Elections("")
					want, err2 := emb.Elections("")
					if err1 != nil || err2 != nil || fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("elections differ from the embedded ones (%v, %v)", err1, err2)
					}
					n += len(got)
					continue
				}
				for _, y := range years {
					got, err1 := layered.Year(id, y)
					want, err2 := emb.Year(id, y)
					if err1 != nil || err2 != nil {
						t.Fatal(err1, err2)
					}
					if longText(got) != longText(want) {
						t.Errorf("%s %d: the import differs from the embedded data", id, y)
					}
					n += len(got)
				}
			}
			if n == 0 || len(layered.Used()) != 1 {
				t.Errorf("compared %d figures; used %v", n, layered.Used())
			}
		})
	}
}

func longText(obs []indicators.Observation) string {
	var b strings.Builder
	for _, o := range obs {
		b.WriteString(strings.Join(importers.LongRecord(o), ",") + "\n")
	}
	return b.String()
}

func TestUpdateDownloadsOverHTTPS(t *testing.T) {
	file, err := os.ReadFile("testdata/import/ok/rsf-2027.csv")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/sites/default/files/import_classement/2027.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(file)))
		w.Write(file[:len(file)/2])
		w.(http.Flusher).Flush()
		w.Write(file[len(file)/2:])
	})
	mux.HandleFunc("/short.csv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(file)))
		w.Write(file[:len(file)/2]) // the connection ends early
	})
	srv := httptest.NewTLSServer(mux)
	defer srv.Close()
	defer func(c func() *http.Client) { httpClient = c }(httpClient)
	httpClient = srv.Client

	dir := filepath.Join(t.TempDir(), "data")
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"update", "rsf", "--url", srv.URL + "/sites/default/files/import_classement/2027.csv", "--data-dir", dir},
		Env{Stdout: &out, Stderr: &errb, TTY: true, Getenv: func(string) string { return "" }})
	if code != 0 {
		t.Fatalf("update: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if !strings.HasSuffix(errb.String(), "\rdownloading 2027.csv [==============================] 100%  418 B of 418 B\n"+smallField) || !strings.Contains(errb.String(), "]  50%  209 B of 418 B\r") {
		t.Errorf("progress bar: %q", errb.String())
	}
	if out.String() != "imported 2027.csv: rsf 2027, 14 figures of 14 countries as import 1 into "+dir+"\n" {
		t.Errorf("stdout: %q", out.String())
	}
	before := treeHash(t, dir)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"update", "rsf", "--url", strings.Replace(srv.URL, "https", "http", 1) + "/x.csv"}, 2, "is not an https:// address"},
		{[]string{"update", "rsf", "--url", srv.URL + "/missing.csv"}, 2, "the server answered 404 Not Found"},
		{[]string{"update", "rsf", "--url", srv.URL + "/short.csv"}, 1, "cannot download"},
		{[]string{"update", "wgi"}, 2, "wgi has no known download address: give the file's https:// address with --url"},
	} {
		_, stderr, code := runData(dir, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %d, %q", c.args, code, stderr, c.code, c.want)
		}
		if treeHash(t, dir) != before {
			t.Errorf("%v changed the data directory", c.args)
		}
	}
	// Without --url, rsf's own address for the year is used (here the
	// client's transport sends it to the test server).
	httpClient = func() *http.Client {
		c := srv.Client()
		c.Transport = rewrite{srv.URL, c.Transport}
		return c
	}
	if stdout, stderr, code := runData(dir, "update", "rsf", "--year", "2027"); code != 0 || !strings.Contains(stdout, "import 2") || !strings.Contains(stderr, "rankings: downloaded 2027.csv (418 B)") {
		t.Errorf("update rsf --year 2027: exit %d\n%s%s", code, stdout, stderr)
	}
}

// rewrite sends every request to the test server.
type rewrite struct {
	base string
	rt   http.RoundTripper
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != "rsf.org" {
		return nil, fmt.Errorf("unexpected host %s", req.URL.Host)
	}
	u := *req.URL
	u.Scheme, u.Host = "https", strings.TrimPrefix(r.base, "https://")
	req2 := req.Clone(req.Context())
	req2.URL = &u
	return r.rt.RoundTrip(req2)
}
