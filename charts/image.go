package charts

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"regexp"
	"sync"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ImageFormat is a static image format.
type ImageFormat string

// The static image formats.
const (
	PNG ImageFormat = "png"
	SVG ImageFormat = "svg"
	PDF ImageFormat = "pdf"
)

// DefaultPNGScale is the resolution of a PNG by default: twice the screen's
// 96 dots per inch, sharp on high-density screens and in print at the
// chart's size.
const DefaultPNGScale = 2

// ImageOptions size a static image.
type ImageOptions struct {
	// Width is the width the chart is laid out at; 0 is its own (10 in).
	// A narrower chart keeps its type sizes and wraps its text.
	Width vg.Length
	// Height fixes the height; 0 is as tall as the content at that width.
	Height vg.Length
	// Scale multiplies a PNG's resolution of 96 dots per inch (0 is
	// DefaultPNGScale): at scale 2 a 16 cm wide figure is 1209 px wide, at
	// 300/96 it is a 300 dpi print file.
	Scale float64
}

// Size is the size in points of the image these options give.
func (c *Chart) Size(o ImageOptions) (w, h vg.Length) {
	cc := *c
	cc.staticW = o.Width
	w, h = cc.staticSize()
	if o.Height > 0 {
		h = o.Height
	}
	return w, h
}

// PixelSize is the size in pixels of the PNG these options give.
func (c *Chart) PixelSize(o ImageOptions) (w, h int) {
	wl, hl := c.Size(o)
	dpi := StaticDPI * o.scale()
	return int(wl.Dots(dpi) + 0.5), int(hl.Dots(dpi) + 0.5)
}

func (o ImageOptions) scale() float64 {
	if o.Scale > 0 {
		return o.Scale
	}
	return DefaultPNGScale
}

// WriteImage writes the chart as a PNG, SVG or PDF image: the same data,
// palette, title, source line and notes as the HTML chart, laid out at the
// options' size. SVG keeps its text as text, in a font list that ends with
// generic families so that it renders where Liberation Sans is not
// installed; PDF embeds its fonts (Cyrillic included); PNG draws its text
// from the glyph outlines.
func (c *Chart) WriteImage(w io.Writer, f ImageFormat, o ImageOptions) error {
	if o.Width < 0 || o.Height < 0 || o.Scale < 0 {
		return fmt.Errorf("charts: negative image size or scale")
	}
	cc := *c
	cc.staticW = o.Width
	wl, hl := cc.Size(o)
	switch f {
	case PNG:
		img := vgimg.NewWith(vgimg.UseWH(wl, hl), vgimg.UseDPI(int(StaticDPI*o.scale()+0.5)), vgimg.UseBackgroundColor(color.White))
		if err := cc.drawStatic(&glyphCanvas{Canvas: img}, wl, hl); err != nil {
			return err
		}
		_, err := vgimg.PngCanvas{Canvas: img}.WriteTo(w)
		return err
	case SVG:
		cv := vgsvg.New(wl, hl)
		if err := cc.drawStatic(cv, wl, hl); err != nil {
			return err
		}
		var b bytes.Buffer
		if _, err := cv.WriteTo(&b); err != nil {
			return err
		}
		_, err := w.Write(svgFontFallback(b.Bytes()))
		return err
	case PDF:
		cv := newPDFCanvas(wl, hl)
		if err := cc.drawStatic(cv, wl, hl); err != nil {
			return err
		}
		_, err := cv.WriteTo(w)
		return err
	}
	return fmt.Errorf("charts: unknown image format %q", f)
}

var svgFamily = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`font-family:([^;"']+);`) })

// svgFontFallback ends every font list of an SVG with common and generic
// families: Word, LibreOffice and browsers without Liberation Sans then
// draw a metric-compatible sans-serif instead of a serif default.
func svgFontFallback(svg []byte) []byte {
	return svgFamily().ReplaceAllFunc(svg, func(m []byte) []byte {
		name := string(svgFamily().FindSubmatch(m)[1])
		return []byte(fmt.Sprintf("font-family:'%s', Arial, Helvetica, sans-serif;", name))
	})
}
