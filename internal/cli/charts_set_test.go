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
	if len(found) != 2 {
		t.Fatalf("%d linked thumbnails in the index, want 2:\n%s", len(found), index)
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
