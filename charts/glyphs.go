package charts

import (
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// glyphCanvas draws text as the outlines of its glyphs, placed by the
// font's own advances and kerning at the text's size.
//
// The PNG backend (gonum's vgimg, through gg and x/image's opentype face)
// kerns every pair at 32 pixels per em whatever the size: its Face.Kern
// asks sfnt for the kerning at ppem = units per em, as a 26.6 number,
// which is 2048/64 = 32 px for Liberation, and never scales it to the
// face. Text smaller than that is kerned too hard ("andA. Kraay"), while
// gonum measures the same text correctly, so labels also drift from where
// they were laid out. Drawing the outlines here puts every glyph where the
// measurement says and lets the rasteriser anti-alias it at sub-pixel
// positions. SVG output keeps real text and is not wrapped.
type glyphCanvas struct {
	vg.Canvas
	buf  sfnt.Buffer
	path vg.Path // reused from string to string
}

// FillString implements vg.Canvas.
func (c *glyphCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 || f.Face == nil {
		return
	}
	upem := f.Face.UnitsPerEm()
	// At ppem = units per em (as a 26.6 number) sfnt returns outlines,
	// advances and kerning in font units.
	ppem := fixed.Int26_6(upem)
	scale := f.Font.Size / vg.Length(upem)
	x := pt.X
	// The whole string is one path, filled once: a fill per glyph set up
	// the rasteriser for every letter, most of the time of a chart's PNG.
	// Glyphs that touch fill the same as apart (non-zero winding, one
	// colour).
	path := c.path[:0]
	prev, havePrev := sfnt.GlyphIndex(0), false
	for _, r := range str {
		idx, err := f.Face.GlyphIndex(&c.buf, r)
		if err != nil || idx == 0 {
			// No glyph: leave it to the backend (it draws its own
			// fallback), keeping the pen where the measurement has it.
			c.Canvas.FillString(f, vg.Point{X: x, Y: pt.Y}, string(r))
			x += f.Width(string(r))
			havePrev = false
			continue
		}
		if havePrev {
			if k, err := f.Face.Kern(&c.buf, prev, idx, ppem, 0); err == nil {
				x += vg.Length(k) * scale
			}
		}
		adv, err := f.Face.GlyphAdvance(&c.buf, idx, ppem, 0)
		if err != nil {
			continue
		}
		segs, err := f.Face.LoadGlyph(&c.buf, idx, ppem, nil)
		if err == nil && len(segs) > 0 {
			at := func(p fixed.Point26_6) vg.Point {
				// sfnt's y axis points down.
				return vg.Point{X: x + vg.Length(p.X)*scale, Y: pt.Y - vg.Length(p.Y)*scale}
			}
			start := len(path)
			for _, s := range segs {
				switch s.Op {
				case sfnt.SegmentOpMoveTo:
					if len(path) > start {
						path.Close()
					}
					path.Move(at(s.Args[0]))
				case sfnt.SegmentOpLineTo:
					path.Line(at(s.Args[0]))
				case sfnt.SegmentOpQuadTo:
					path.QuadTo(at(s.Args[0]), at(s.Args[1]))
				case sfnt.SegmentOpCubeTo:
					path.CubeTo(at(s.Args[0]), at(s.Args[1]), at(s.Args[2]))
				}
			}
			path.Close()
		}
		x += vg.Length(adv) * scale
		prev, havePrev = idx, true
	}
	if len(path) > 0 {
		c.Canvas.Fill(path)
	}
	c.path = path
}
