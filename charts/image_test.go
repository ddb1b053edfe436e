package charts

import (
	"bytes"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestPNGScaleAndWidth: a PNG is twice the screen's resolution by default;
// Scale and Width change it as asked.
func TestPNGScaleAndWidth(t *testing.T) {
	c := build(t, fixture(Timeline, plainNames, "P"))
	for _, tc := range []struct {
		o     ImageOptions
		wantW int
	}{
		{ImageOptions{}, 1920},                  // 10 in at 2 × 96 dpi
		{ImageOptions{Scale: 1}, 960},           // 10 in at 96 dpi
		{ImageOptions{Scale: 300.0 / 96}, 3000}, // 10 in at 300 dpi
		{ImageOptions{Width: 16 * vg.Centimeter, Scale: 300.0 / 96}, 1890},
	} {
		var b bytes.Buffer
		if err := c.WriteImage(&b, PNG, tc.o); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != tc.wantW || h < w/4 {
			t.Errorf("%+v: %d×%d px, want %d wide", tc.o, w, h, tc.wantW)
		}
		if w, h := c.PixelSize(tc.o); w != img.Bounds().Dx() || h != img.Bounds().Dy() {
			t.Errorf("%+v: PixelSize says %d×%d, the image is %v", tc.o, w, h, img.Bounds())
		}
	}
}

// TestSVGFontFallback: every font list of an SVG ends with generic families.
func TestSVGFontFallback(t *testing.T) {
	for _, k := range Kinds() {
		c := build(t, fixture(k, plainNames, "F"))
		var b bytes.Buffer
		if err := c.WriteSVG(&b); err != nil {
			t.Fatal(err)
		}
		lists := regexp.MustCompile(`font-family:([^;]*);`).FindAllStringSubmatch(b.String(), -1)
		if len(lists) == 0 {
			t.Fatalf("%s: no font-family in the SVG", k)
		}
		for _, l := range lists {
			if l[1] != "'Liberation Sans', Arial, Helvetica, sans-serif" {
				t.Errorf("%s: font list %q", k, l[1])
				break
			}
		}
	}
}

// TestPDF: a PDF of every kind is one page of the chart's size in points,
// with its fonts embedded and its text (Cyrillic included) in them.
func TestPDF(t *testing.T) {
	for _, k := range Kinds() {
		s := fixture(k, []string{"Казахстан", "Uzbekistan", "Estonia"}, "П")
		c := build(t, s)
		var b bytes.Buffer
		if err := c.WritePDF(&b); err != nil {
			t.Fatal(err)
		}
		pdf := b.String()
		if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") {
			t.Fatalf("%s: not a PDF", k)
		}
		w, h := c.Size(ImageOptions{})
		box := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindStringSubmatch(pdf)
		if box == nil || !near(box[1], float64(w)) || !near(box[2], float64(h)) {
			t.Errorf("%s: media box %v, want %.2f × %.2f pt", k, box, float64(w), float64(h))
		}
		if n := strings.Count(pdf, "/Type /Page\n") + strings.Count(pdf, "/Type /Page "); n > 1 {
			t.Errorf("%s: %d pages", k, n)
		}
		if !strings.Contains(pdf, "/FontFile2") {
			t.Errorf("%s: no embedded TrueType font", k)
		}
	}
}

func near(s string, want float64) bool {
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && v > want-1 && v < want+1
}

// TestStaticKeys: a static heatmap carries its colour bar with both ends
// named and the values in cells wide enough for them; a static timeline
// with uncertainty says in its legend what the shaded band is.
func TestStaticKeys(t *testing.T) {
	texts := func(s Spec) string {
		var b bytes.Buffer
		if err := build(t, s).WriteSVG(&b); err != nil {
			t.Fatal(err)
		}
		return strings.Join(svgTexts(t, b.Bytes()), "\n")
	}
	h := texts(fixture(Heatmap, plainNames, "K"))
	for _, want := range []string{"K y, higher is better:", "0.0 (worse)", "100.0 (better)", "20.0", "43.0"} {
		if !strings.Contains(h, want) {
			t.Errorf("heatmap SVG lacks %q", want)
		}
	}
	tl := texts(fixture(Timeline, plainNames, "K"))
	if !strings.Contains(tl, "Shaded band, in each country's colour: the K band.") {
		t.Errorf("timeline SVG does not explain its band:\n%s", tl)
	}
}
