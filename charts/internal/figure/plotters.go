package figure

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// XY is a point in data units.
type XY struct{ X, Y float64 }

// XYs are points in data units.
type XYs []XY

// dataRange is the smallest box that holds the points.
func (xys XYs) dataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, p := range xys {
		xmin, xmax = math.Min(xmin, p.X), math.Max(xmax, p.X)
		ymin, ymax = math.Min(ymin, p.Y), math.Max(ymax, p.Y)
	}
	return xmin, xmax, ymin, ymax
}

// Scatter draws a glyph at each point.
type Scatter struct {
	XYs
	GlyphStyle draw.GlyphStyle
}

// NewScatter returns a scatter of the points in a filled circle.
func NewScatter(xys XYs) *Scatter {
	return &Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: color.Black, Radius: 2.5, Shape: draw.CircleGlyph{}}}
}

// Plot implements Plotter.
func (s *Scatter) Plot(c draw.Canvas, p *Plot) {
	tx, ty := p.Transforms(&c)
	for _, q := range s.XYs {
		c.DrawGlyph(s.GlyphStyle, vg.Point{X: tx(q.X), Y: ty(q.Y)})
	}
}

// DataRange implements DataRanger.
func (s *Scatter) DataRange() (xmin, xmax, ymin, ymax float64) { return s.dataRange() }

// Thumbnail implements Thumbnailer: the glyph in the middle of c.
func (s *Scatter) Thumbnail(c *draw.Canvas) { c.DrawGlyph(s.GlyphStyle, c.Center()) }

// Line joins the points in order.
type Line struct {
	XYs
	draw.LineStyle
}

// NewLine returns a thin black line through the points.
func NewLine(xys XYs) *Line {
	return &Line{XYs: xys, LineStyle: draw.LineStyle{Color: color.Black, Width: 1}}
}

// Plot implements Plotter.
func (l *Line) Plot(c draw.Canvas, p *Plot) {
	tx, ty := p.Transforms(&c)
	pts := make([]vg.Point, len(l.XYs))
	for i, q := range l.XYs {
		pts[i] = vg.Point{X: tx(q.X), Y: ty(q.Y)}
	}
	c.StrokeLines(l.LineStyle, c.ClipLinesXY(pts)...)
}

// DataRange implements DataRanger.
func (l *Line) DataRange() (xmin, xmax, ymin, ymax float64) { return l.dataRange() }

// Labels writes a text at each point, moved by Offset, each in its own
// style.
type Labels struct {
	XYs
	Labels    []string
	TextStyle []text.Style
	Offset    vg.Point
}

// NewLabels returns labels for the points, one text each, in st.
func NewLabels(xys XYs, labels []string, st text.Style) *Labels {
	sts := make([]text.Style, len(labels))
	for i := range sts {
		sts[i] = st
	}
	return &Labels{XYs: xys, Labels: labels, TextStyle: sts}
}

// Plot implements Plotter.
func (l *Labels) Plot(c draw.Canvas, p *Plot) {
	tx, ty := p.Transforms(&c)
	for i, q := range l.XYs {
		if i >= len(l.Labels) || l.Labels[i] == "" {
			continue
		}
		c.FillText(l.TextStyle[i], vg.Point{X: tx(q.X) + l.Offset.X, Y: ty(q.Y) + l.Offset.Y}, l.Labels[i])
	}
}

// DataRange implements DataRanger.
func (l *Labels) DataRange() (xmin, xmax, ymin, ymax float64) { return l.dataRange() }

// Grid draws a line across the data area at each major tick of the other
// axis: vertical lines at the x axis's, horizontal at the y axis's. A
// zero Width draws none in that direction.
type Grid struct {
	Vertical, Horizontal draw.LineStyle
}

// NewGrid returns a grid of thin light grey lines.
func NewGrid() *Grid {
	st := draw.LineStyle{Color: color.Gray{Y: 0xc4}, Width: 0.5}
	return &Grid{Vertical: st, Horizontal: st}
}

// Plot implements Plotter.
func (g *Grid) Plot(c draw.Canvas, p *Plot) {
	tx, ty := p.Transforms(&c)
	if g.Vertical.Width > 0 {
		for _, t := range p.X.ticks() {
			if t.Label != "" && p.X.onScale(t.Value) {
				x := tx(t.Value)
				c.StrokeLine2(g.Vertical, x, c.Min.Y, x, c.Max.Y)
			}
		}
	}
	if g.Horizontal.Width > 0 {
		for _, t := range p.Y.ticks() {
			if t.Label != "" && p.Y.onScale(t.Value) {
				y := ty(t.Value)
				c.StrokeLine2(g.Horizontal, c.Min.X, y, c.Max.X, y)
			}
		}
	}
}
