package cli

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/charts"
)

// runEnv runs the command line with the given environment variables.
func runEnv(vars map[string]string, args ...string) (stdout, stderr string, code int) {
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }})
	return out.String(), errb.String(), code
}

// echartsFile finds the pinned library (make echarts) for the --offline
// tests; they skip without it, except under CI=true.
func echartsFile(t *testing.T) string {
	t.Helper()
	if p := findUp(echartsCache); p != "" {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the ECharts library is missing (make echarts)")
	}
	t.Skip("the ECharts library is missing: run make echarts")
	return ""
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// noTemp checks that a folder holds no temporary file.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("left a temporary file %s", e.Name())
		}
	}
}

func TestChartEveryKind(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string // in the page
	}{
		{[]string{"ranking", "kazakhstan", "uzbekistan", "-i", "rsf", "--year", "2025"}, "141 of 180"},
		{[]string{"timeline", "kaz", "uzb", "-i", "rsf"}, "figures of 2002–2021 are on earlier methodologies and are not shown: --from 2002 shows them"},
		{[]string{"timeline", "kaz", "uzb", "-i", "rsf", "--from", "2002"}, "in 3 panels, one per methodology, each on its own scale: 2002–2012: old points scale (unbounded) (lower is better)"},
		{[]string{"timeline", "geo", "arm", "-i", "wgi-va", "--percentile"}, "percentile rank among all economies"},
		{[]string{"timeline", "geo", "-i", "vdem-libdem"}, "No uncertainty band: V-Dem publishes credible intervals"},
		{[]string{"profile", "kaz", "uzb", "--year", "2023"}, "Governance profile, 2023: Kazakhstan, Uzbekistan"},
		{[]string{"heatmap", "-i", "fh-fiw", "--group", "central-asia"}, "Freedom in the World total score, 2013–2025: Central Asia"},
		// --group all ranks the whole field: territories are bars too, and
		// the note says which ranked entry cannot be shown.
		{[]string{"ranking", "-i", "rsf", "--group", "all", "--year", "2025"}, "1 of the 180 entries the source ranked is not shown"},
		{[]string{"ranking", "-i", "fh-fiw", "--group", "all", "--year", "2024"}, "Crimea"},
		{[]string{"ranking", "-i", "fh-fiw", "--group", "territories", "--year", "2024"}, "6 territories ordered from best to worst"},
		{[]string{"scatter", "-i", "wgi-rl,rsf", "--year", "2023"}, "Spearman rank correlation"},
		{[]string{"slope", "-i", "fh-fiw", "--from", "2014", "--to", "2024"}, "Freedom in the World total score: 2014 edition and 2024 edition"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(strings.Join(c.args[:2], "-"), ",", "")+".html")
			stdout, stderr, code := run(append(append([]string{"chart"}, c.args...), "-o", out)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if strings.TrimSpace(stdout) != out {
				t.Errorf("stdout = %q, want the file name", stdout)
			}
			page := string(readFile(t, out))
			if !strings.Contains(page, c.want) {
				t.Errorf("page lacks %q", c.want)
			}
			if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, charts.DefaultScriptURL) {
				t.Errorf("not a full page that loads the pinned ECharts")
			}
		})
	}
	noTemp(t, dir)
}

func TestChartImages(t *testing.T) {
	dir := t.TempDir()
	png1 := filepath.Join(dir, "r.png")
	if _, stderr, code := run("chart", "ranking", "-i", "wgi-rl", "--year", "2023", "--format", "png", "-o", png1); code != 0 {
		t.Fatal(stderr)
	}
	img, err := png.Decode(bytes.NewReader(readFile(t, png1)))
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 960*charts.DefaultPNGScale || b.Dy() < 300 {
		t.Errorf("PNG is %v", b)
	}
	svg := filepath.Join(dir, "t.svg")
	if _, stderr, code := run("chart", "timeline", "kaz", "kgz", "-i", "rsf", "--from", "2002", "--format", "svg", "-o", svg); code != 0 {
		t.Fatal(stderr)
	}
	var root struct {
		XMLName xml.Name
		Texts   []string `xml:"g>text"`
	}
	if err := xml.Unmarshal(readFile(t, svg), &root); err != nil {
		t.Fatalf("SVG is not XML: %v", err)
	}
	all := strings.Join(root.Texts, "\n")
	if root.XMLName.Local != "svg" || !strings.Contains(all, "RSF World Press Freedom Index score, 2002–2026") || !strings.Contains(all, "Cite: Reporters Without Borders") {
		t.Errorf("SVG %s lacks the title or citation", root.XMLName.Local)
	}
}

func TestChartEmbedAndStdout(t *testing.T) {
	stdout, stderr, code := run("chart", "slope", "-i", "wgi-cc", "--embed", "-o", "-")
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.Contains(stdout, "<html") || !strings.HasPrefix(strings.TrimSpace(stdout), "<style>") || !strings.Contains(stdout, `<figure class="rk-chart" id="rk-slope-`) {
		t.Errorf("--embed -o - did not write a fragment to stdout: %.200s", stdout)
	}
	again, _, _ := run("chart", "slope", "-i", "wgi-cc", "--embed", "-o", "-")
	if again != stdout {
		t.Error("two runs give different output")
	}
}

func TestChartDefaultName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	stdout, stderr, code := run("chart", "ranking", "-i", "rsf", "--year", "2024")
	if code != 0 {
		t.Fatal(stderr)
	}
	if got := strings.TrimSpace(stdout); got != "ranking-rsf-post-soviet-2024.html" {
		t.Errorf("default name = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "ranking-rsf-post-soviet-2024.html")); err != nil {
		t.Error(err)
	}
}

func TestChartOffline(t *testing.T) {
	lib := findUp(echartsCache) // before leaving the repository
	// No .cache above a temporary folder, an empty user cache, and no
	// registry to fetch the library from.
	fakeRegistry(t, nil, "")
	useRegistry(t, "http://127.0.0.1:1", "")
	dir, _ := os.Getwd()
	out := filepath.Join(dir, "off.html")
	// Without the library: exit 2, one line saying how to get it, no file.
	_, stderr, code := run("chart", "ranking", "-i", "rsf", "--offline", "-o", out)
	if code != 2 || strings.Count(stderr, "\n") != 2 || !strings.Contains(stderr, "--echarts-js") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runEnv(map[string]string{EChartsEnv: filepath.Join(dir, "nope.js")}, "chart", "ranking", "-i", "rsf", "--offline", "-o", out)
	if code != 2 || !strings.Contains(stderr, "cannot read the ECharts library") {
		t.Errorf("bad %s: exit %d, %q", EChartsEnv, code, stderr)
	}
	bad := filepath.Join(dir, "bad.js")
	_ = os.WriteFile(bad, []byte("window.echarts = 1"), 0o644)
	_, stderr, code = run("chart", "ranking", "-i", "rsf", "--offline", "--echarts-js", bad, "-o", out)
	if code != 2 || !strings.Contains(stderr, "is not echarts "+charts.EChartsVersion) {
		t.Errorf("wrong library: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed --offline left a file")
	}
	noTemp(t, dir)
	// With it: one self-contained file.
	js := lib
	if js == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("the ECharts library is missing (make echarts)")
		}
		t.Skip("the ECharts library is missing: run make echarts")
	}
	_, stderr, code = runEnv(map[string]string{EChartsEnv: js}, "chart", "timeline", "kaz", "uzb", "-i", "wgi-rl", "--offline", "-o", out)
	if code != 0 {
		t.Fatal(stderr)
	}
	page := readFile(t, out)
	if !bytes.Contains(page, readFile(t, js)) || regexp.MustCompile(`<script[^>]+src=`).Match(page) {
		t.Error("the offline page does not inline ECharts or still loads a script by URL")
	}
}

func TestChartUsageErrors(t *testing.T) {
	folder := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"chart", "pie", "-i", "rsf"}, `unknown chart kind "pie"`},
		{[]string{"chart", "ranking"}, "needs one indicator"},
		{[]string{"chart", "scatter", "-i", "rsf"}, "needs two indicators"},
		{[]string{"chart", "timeline", "-i", "rsf"}, "needs at least one country"},
		{[]string{"chart", "ranking", "-i", "rsf", "--format", "svg", "--embed"}, "--embed and --offline are for --format html"},
		{[]string{"chart", "ranking", "-i", "rsf", "--format", "jpg"}, `unknown format "jpg": use one of html, svg, png, pdf`},
		{[]string{"chart", "ranking", "-i", "odihr"}, "list of elections"},
		{[]string{"chart", "ranking", "-i", "rsf", "--year", "1990"}, "on rsf in 1990: the data starts in 2002"},
		{[]string{"chart", "slope", "-i", "rsf", "--from", "2012", "--to", "2025"}, "different methodology segments"},
		{[]string{"chart", "timeline", "kazakstn", "-i", "rsf"}, "did you mean Kazakhstan"},
		{[]string{"chart", "ranking", "-i", "rsf", "--group", "asia"}, "unknown group"},
		{[]string{"chart", "timeline", "kaz", "-i", "rsf", "--percentile"}, "--percentile is for WGI"},
		{[]string{"charts"}, "charts needs --year"},
		{[]string{"report", "kaz"}, "report needs at least two countries, e.g. rankings report kazakhstan uzbekistan"},
		{[]string{"chart", "ranking", "-i", "rsf", "-o", folder}, "cannot write " + folder + ": it is a folder; give -o the name of a file"},
	} {
		_, stderr, code := run(c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Errorf("the folder given to -o now holds %d entries", len(entries))
	}
}

func TestChartsPerYearSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")
	stdout, stderr, code := run("charts", "--year", "2023", "--group", "central-asia", "-o", dir)
	if code != 0 {
		t.Fatal(stderr)
	}
	if strings.TrimSpace(stdout) != filepath.Join(dir, "index.html") {
		t.Errorf("stdout = %q", stdout)
	}
	m := regexp.MustCompile(`^wrote (\d+) charts and index.html to \S+; (\d+) indicators? (?:has|have) no figures for 2023: [a-z0-9, -]+\n$`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no count line on stderr: %q", stderr)
	}
	index := string(readFile(t, filepath.Join(dir, "index.html")))
	files, _ := filepath.Glob(filepath.Join(dir, "*-2023.html"))
	maps, _ := filepath.Glob(filepath.Join(dir, "map-*-2023.html"))
	if m[1] != strconv.Itoa(len(files)) || len(files) < 40 || 2*len(maps) != len(files) {
		t.Errorf("count line says %s charts, folder has %d, of which %d maps (want one of each indicator)", m[1], len(files), len(maps))
	}
	for _, f := range files {
		if !strings.Contains(index, `href="`+filepath.Base(f)+`"`) {
			t.Errorf("index.html does not link %s", filepath.Base(f))
		}
	}
	for _, want := range []string{"rsf-2023.html", "wgi-rl-2023.html", "vdem-polyarchy-2023.html", "map-rsf-2023.html", "map-wgi-rl-2023.html", "No figures for 2023", "fh-fotp"} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	if strings.Contains(index, "odihr-2023") {
		t.Error("an election list got a ranking chart")
	}
	page := string(readFile(t, filepath.Join(dir, "wgi-rl-2023.html")))
	if !strings.Contains(page, "WGI Rule of Law (estimate), 2023: Central Asia") {
		t.Error("the WGI chart has the wrong title")
	}
	noTemp(t, dir)
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	_, stderr, code := run("report", "kazakhstan", "uzbekistan", "-o", out)
	if code != 0 {
		t.Fatal(stderr)
	}
	page := string(readFile(t, out))
	for _, want := range []string{
		"In the 2026 edition Kazakhstan ranked 149th of 180 countries and territories on the RSF World Press Freedom Index score (34.41); Uzbekistan 147th (34.95). On this scale (score), higher is better.",
		"Every rank is &#34;k of N&#34; over the whole field the source ranked that year: N counts every country and territory it ranked",
		"the publisher&#39;s 90% intervals overlap: the difference is not distinguishable",
		"National elections and the OSCE/ODIHR assessment, with the page each rests on and what kind of page it is",
		// Uzbekistan's 2024 parliamentary election rests on a press-release wire.
		`<a href="https://www.einpresswire.com/article/790068719/uzbekistan-s-parliamentary-elections-2024-odihr-election-observation-mission-final-report">einpresswire.com</a> <span class="rk-cell-note">(secondary source: news, reference or academic account)</span>`,
		`<a href="https://osce.org/odihr/elections/kazakhstan/539261">osce.org</a> <span class="rk-cell-note">(ODIHR&#39;s own page)</span>`,
		"Sources and citations",
		"Coppedge, M. et al. 2024",
		`<a href="https://`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if n := strings.Count(page, `<figure class="rk-chart"`); n < 10 {
		t.Errorf("report has %d charts", n)
	}
	ids := regexp.MustCompile(`<div class="rk-canvas" id="([^"]+)"`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id[1]] {
			t.Errorf("chart id %s twice", id[1])
		}
		seen[id[1]] = true
	}
	js := echartsFile(t)
	off := filepath.Join(dir, "off.html")
	if _, stderr, code := run("report", "geo", "arm", "-i", "rsf,wgi-va", "--offline", "--echarts-js", js, "-o", off); code != 0 {
		t.Fatal(stderr)
	}
	if b := readFile(t, off); !bytes.Contains(b, readFile(t, js)) || bytes.Count(b, []byte(`<figure class="rk-chart"`)) != 4 {
		t.Error("offline report does not inline ECharts or lacks its 4 charts (a timeline and a map of each indicator)")
	}
	if b := readFile(t, off); !bytes.Contains(b, []byte(`</a> <span class="rk-cell-note">(secondary source: news, reference or academic account)</span>`)) {
		t.Error("the offline report does not label secondary sources")
	}
	noTemp(t, dir)
}
