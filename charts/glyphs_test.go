package charts

import (
	"bytes"
	"image/color"
	"image/png"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// kerningStrings are the labels that printed with broken spacing when the
// PNG backend kerned them itself ("WGI V oice", "and T erritory",
// "201 1-12", "1 14 of 180", "andA. Kraay").
var kerningStrings = []string{"WGI Voice and Accountability", "Country and Territory", "2011-12 edition", "114 of 180", "D. Kaufmann and A. Kraay"}

// renderStrings draws the strings at the static charts' small and title
// sizes into a PNG, each on a line of its own.
func renderStrings(t *testing.T, strs []string, styles ...text.Style) []byte {
	t.Helper()
	lineH := vg.Length(22)
	w, h := 5*vg.Inch, vg.Length(len(strs)*len(styles))*lineH+8
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(StaticDPI), vgimg.UseBackgroundColor(color.White))
	dc := draw.NewCanvas(&glyphCanvas{Canvas: img}, w, h)
	y := h - lineH
	for _, s := range strs {
		for _, st := range styles {
			dc.FillText(st, vg.Point{X: 6, Y: y}, s)
			y -= lineH
		}
	}
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestKerningGolden pins the rendering of those strings, and checks that
// each small line's ink spans exactly where the font's metrics put it:
// from the first glyph's left edge to the last glyph's right edge, with
// every advance and kerning pair at the text's size in between (the
// backend's own kerning, at the wrong size, drew kerned lines short).
func TestKerningGolden(t *testing.T) {
	golden(t, "kerning.png", renderStrings(t, kerningStrings, smallStyle, titleStyle))
	face := smallStyle.Handler.Cache().Lookup(smallStyle.Font, smallStyle.Font.Size)
	var buf sfnt.Buffer
	upem := face.Face.UnitsPerEm()
	scale := face.Font.Size / vg.Length(upem)
	bounds := func(r rune) (xmin, xmax, adv vg.Length) {
		idx, err := face.Face.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		b, a, err := face.Face.GlyphBounds(&buf, idx, fixed.Int26_6(upem), 0)
		if err != nil {
			t.Fatal(err)
		}
		return vg.Length(b.Min.X) * scale, vg.Length(b.Max.X) * scale, vg.Length(a) * scale
	}
	for _, s := range kerningStrings {
		img, err := png.Decode(bytes.NewReader(renderStrings(t, []string{s}, smallStyle)))
		if err != nil {
			t.Fatal(err)
		}
		left, right := img.Bounds().Dx(), -1
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < img.Bounds().Dx(); x++ {
				if r, _, _, _ := img.At(x, y).RGBA(); r < 0xf000 {
					left, right = min(left, x), max(right, x+1)
				}
			}
		}
		rs := []rune(s)
		l0, _, _ := bounds(rs[0])
		_, r1, a1 := bounds(rs[len(rs)-1])
		wantL := 6 + l0
		wantR := 6 + face.Width(s) - a1 + r1
		if d := float64(left) - wantL.Dots(StaticDPI); d < -1.5 || d > 1.5 {
			t.Errorf("%q: ink starts at %d px, the metrics say %.1f", s, left, wantL.Dots(StaticDPI))
		}
		if d := float64(right) - wantR.Dots(StaticDPI); d < -1.5 || d > 1.5 {
			t.Errorf("%q: ink ends at %d px, the metrics say %.1f", s, right, wantR.Dots(StaticDPI))
		}
	}
}
