package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChartImageSizes: a print figure is one flag away, and every size
// mistake is one line with exit 2.
func TestChartImageSizes(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		w    int
	}{
		{[]string{"--format", "png"}, 1920},                                    // 10 in at 2 × 96 dpi
		{[]string{"--format", "png", "--width", "16cm", "--dpi", "300"}, 1890}, // 16 cm at 300 dpi
		{[]string{"--format", "png", "--width", "1200"}, 1200},
		{[]string{"--format", "png", "--scale", "1"}, 960},
	} {
		out := filepath.Join(dir, "c.png")
		args := append([]string{"chart", "ranking", "-i", "rsf", "--year", "2025", "-o", out}, c.args...)
		if _, stderr, code := run(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		img, err := png.Decode(bytes.NewReader(readFile(t, out)))
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != c.w {
			t.Errorf("%v: %d px wide, want %d", c.args, img.Bounds().Dx(), c.w)
		}
	}
	pdf := filepath.Join(dir, "c.pdf")
	if _, stderr, code := run("chart", "timeline", "kaz", "uzb", "-i", "rsf", "--format", "pdf", "--width", "16cm", "-o", pdf); code != 0 {
		t.Fatalf("pdf: exit %d: %s", code, stderr)
	}
	if b := readFile(t, pdf); !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/FontFile2")) || !bytes.Contains(b, []byte("/MediaBox [0 0 453.54")) {
		t.Errorf("the PDF is not a 16 cm (453.54 pt) wide page with embedded fonts")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "svg", "--width", "1200"}, "--width 1200 is in pixels, which only a PNG has"},
		{[]string{"--scale", "2"}, "use them with --format svg, png or pdf"},
		{[]string{"--format", "pdf", "--dpi", "300"}, "--format pdf is vector art and has none"},
		{[]string{"--format", "png", "--width", "wide"}, `--width "wide" is not a size`},
		{[]string{"--format", "png", "--width", "500cm"}, "is outside 2 to 100 inches"},
		{[]string{"--format", "png", "--scale", "2", "--dpi", "300"}, "give --scale or --dpi, not both"},
	} {
		args := append([]string{"chart", "ranking", "-i", "rsf", "-o", filepath.Join(dir, "x")}, c.args...)
		_, stderr, code := run(args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a refused size wrote a file")
	}
}
