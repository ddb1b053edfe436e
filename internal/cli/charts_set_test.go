package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestChartsOfflineSharesOneLibrary checks that an offline chart set
// holds the library once, beside the pages, and that every page loads
// that copy instead of inlining its own.
func TestChartsOfflineSharesOneLibrary(t *testing.T) {
	js := readFile(t, echartsFile(t))
	dir := filepath.Join(t.TempDir(), "set")
	if _, stderr, code := run("charts", "--year", "2024", "-i", "rsf,fh-fiw", "--offline", "--echarts-js", echartsFile(t), "-o", dir); code != 0 {
		t.Fatal(stderr)
	}
	if got := readFile(t, filepath.Join(dir, chartsLibFile)); !bytes.Equal(got, js) {
		t.Errorf("%s is not the library", chartsLibFile)
	}
	for _, page := range []string{"rsf-2024.html", "fh-fiw-2024.html"} {
		b := readFile(t, filepath.Join(dir, page))
		if len(b) > len(js)/4 || bytes.Contains(b, js[:2048]) {
			t.Errorf("%s inlines the library (%d bytes)", page, len(b))
		}
		if !bytes.Contains(b, []byte(`<script src="`+chartsLibFile+`"`)) {
			t.Errorf("%s does not load %s", page, chartsLibFile)
		}
	}
}

// TestChartsIndexShowsAThumbnailOfEachChart checks that the index links
// each chart through a small PNG picture of it.
func TestChartsIndexShowsAThumbnailOfEachChart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")
	if _, stderr, code := run("charts", "--year", "2024", "-i", "rsf,fh-fiw", "-o", dir); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, chartsLibFile)); !os.IsNotExist(err) {
		t.Error("an online set holds a copy of the library")
	}
	index := string(readFile(t, filepath.Join(dir, "index.html")))
	thumb := regexp.MustCompile(`<a href="([^"]+)"><img src="([^"]+)" alt="" width="(\d+)" height="(\d+)"`)
	found := thumb.FindAllStringSubmatch(index, -1)
	// A ranking chart and a map of each of the two indicators.
	if len(found) != 4 {
		t.Fatalf("%d linked thumbnails in the index, want 4:\n%s", len(found), index)
	}
	for _, m := range found {
		if !strings.HasSuffix(m[1], "-2024.html") || m[2] != chartsThumbDir+"/"+strings.TrimSuffix(m[1], ".html")+".png" {
			t.Errorf("thumbnail %s for %s", m[2], m[1])
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(m[2])))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", m[2], err)
		}
		if cfg.Width > 400 || m[3] != strconv.Itoa(cfg.Width) || m[4] != strconv.Itoa(cfg.Height) {
			t.Errorf("%s is %d×%d, the index says %s×%s", m[2], cfg.Width, cfg.Height, m[3], m[4])
		}
	}
}

// TestChartsSetHoldsEachIndicatorsMap checks that a set of a group on the
// region map holds, beside each indicator's ranking chart, the group's map
// of that year, linked from the index through its thumbnail under "Maps";
// and that a group the map does not hold gets ranking charts only.
func TestChartsSetHoldsEachIndicatorsMap(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "set")
	_, stderr, code := run("charts", "--year", "2023", "--group", "central-asia", "-i", "rsf,wgi-rl", "kaz", "-o", dir)
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.HasPrefix(stderr, "wrote 4 charts and index.html to ") {
		t.Errorf("stderr = %q, want 4 charts: a ranking and a map of each indicator", stderr)
	}
	index := string(readFile(t, filepath.Join(dir, "index.html")))
	maps := strings.Index(index, "<h2>Maps</h2>")
	if maps < 0 || strings.Index(index, "<h2>Ranking charts</h2>") > maps {
		t.Fatalf("the index has no Maps section after the ranking charts:\n%s", index)
	}
	for _, c := range []struct{ file, title string }{
		{"map-rsf-2023.html", "RSF World Press Freedom Index score, 2023 edition: Central Asia"},
		{"map-wgi-rl-2023.html", "WGI Rule of Law (estimate), 2023: Central Asia"},
	} {
		page := string(readFile(t, filepath.Join(dir, c.file)))
		if !strings.Contains(page, "<title>"+c.title+"</title>") || !strings.Contains(page, "registerMap(") {
			t.Errorf("%s is not the map %q", c.file, c.title)
		}
		if !strings.Contains(page, "Outlined in black: Kazakhstan.") {
			t.Errorf("%s does not outline Kazakhstan", c.file)
		}
		thumb := chartsThumbDir + "/" + strings.TrimSuffix(c.file, ".html") + ".png"
		if i := strings.Index(index, `<a href="`+c.file+`"><img src="`+thumb+`"`); i < maps {
			t.Errorf("the index does not show %s through %s under Maps", c.file, thumb)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(thumb))); err != nil {
			t.Error(err)
		}
	}

	svg := filepath.Join(t.TempDir(), "svg")
	if _, stderr, code := run("charts", "--year", "2023", "-i", "rsf", "--format", "svg", "-o", svg); code != 0 {
		t.Fatal(stderr)
	}
	if b := string(readFile(t, filepath.Join(svg, "map-rsf-2023.svg"))); !strings.HasPrefix(strings.TrimSpace(b), "<?xml") && !strings.Contains(b, "<svg") {
		t.Error("map-rsf-2023.svg is not an SVG image")
	}

	all := filepath.Join(t.TempDir(), "all")
	_, stderr, code = run("charts", "--year", "2023", "--group", "all", "-i", "rsf", "-o", all)
	if code != 0 {
		t.Fatal(stderr)
	}
	if files, _ := filepath.Glob(filepath.Join(all, "map-*")); len(files) != 0 || !strings.HasPrefix(stderr, "wrote 1 chart and") {
		t.Errorf("--group all: map files %v, stderr %q; want the ranking chart only", files, stderr)
	}
	if index := string(readFile(t, filepath.Join(all, "index.html"))); strings.Contains(index, "<h2>Maps</h2>") || strings.Contains(index, "and a map") {
		t.Error("the index of --group all promises maps")
	}
}
