// Package figure lays out the static charts' plot area: two value axes
// with their ticks and titles, the data area between them, and the plotters
// (grids, points, lines, labels, a legend) drawn in it, on a gonum/plot
// vg canvas.
//
// It stands in for gonum/plot's own plot and plotter packages, whose
// initialisation parses every bundled font when the program starts, even a
// program that never draws: a command that prints a table paid for it.
// This package parses nothing; the text styles it is given say which fonts
// they use and load them when they first measure or draw.
package figure

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Tick is a mark on an axis. A tick with a label is a major tick: longer,
// and a grid line runs through it; one without is a minor tick.
type Tick struct {
	Value float64
	Label string
}

// Ticker places the ticks of an axis whose scale runs from min to max.
type Ticker interface {
	Ticks(min, max float64) []Tick
}

// TickerFunc adapts a function to Ticker.
type TickerFunc func(min, max float64) []Tick

// Ticks implements Ticker.
func (f TickerFunc) Ticks(min, max float64) []Tick { return f(min, max) }

// ConstantTicks are the same ticks whatever the scale.
type ConstantTicks []Tick

// Ticks implements Ticker.
func (t ConstantTicks) Ticks(float64, float64) []Tick { return t }

// Axis is one of a plot's two axes: its scale, the line along the data
// area, the ticks and their labels, and its title.
type Axis struct {
	// Min and Max are the ends of the scale. New leaves them empty
	// (Min > Max) and each plotter added widens them to its data.
	Min, Max float64
	// Inverted puts Max at the left (x) or bottom (y) end.
	Inverted bool

	// LineStyle is the axis line's; a zero Width draws none.
	draw.LineStyle
	// Padding is the gap between the axis line and the data area.
	Padding vg.Length

	Label struct {
		Text      string
		TextStyle text.Style
		// Position is where a y axis's title stands along it:
		// draw.PosCenter (the default) or draw.PosTop. An x axis's
		// title is always centred under it.
		Position int
	}

	Tick struct {
		// Marker places the ticks; nil draws none.
		Marker Ticker
		// Label is the tick labels' style.
		Label text.Style
		// LineStyle is the tick marks'; Length is a major tick's (a
		// minor one is half as long).
		draw.LineStyle
		Length vg.Length
	}
}

// Norm is where v falls on the axis, 0 at its left or bottom end and 1 at
// the other.
func (a *Axis) Norm(v float64) float64 {
	f := (v - a.Min) / (a.Max - a.Min)
	if a.Inverted {
		return 1 - f
	}
	return f
}

// ticks are the axis's ticks for its scale.
func (a *Axis) ticks() []Tick {
	if a.Tick.Marker == nil {
		return nil
	}
	return a.Tick.Marker.Ticks(a.Min, a.Max)
}

// onScale reports whether v is within the axis's scale.
func (a *Axis) onScale(v float64) bool {
	eps := (a.Max - a.Min) * 1e-9
	return v >= a.Min-eps && v <= a.Max+eps
}

// sanitize gives an axis with no data, or a single value, a scale to draw.
func (a *Axis) sanitize() {
	if math.IsInf(a.Min, 0) || math.IsInf(a.Max, 0) || math.IsNaN(a.Min) || math.IsNaN(a.Max) || a.Min > a.Max {
		a.Min, a.Max = 0, 1
	}
	if a.Min == a.Max {
		a.Min, a.Max = a.Min-1, a.Max+1
	}
}

// Plotter draws data on a plot's data area; p gives its axes' transforms.
type Plotter interface {
	Plot(c draw.Canvas, p *Plot)
}

// DataRanger is a plotter that widens the axes to its data when it is
// added.
type DataRanger interface {
	DataRange() (xmin, xmax, ymin, ymax float64)
}

// Thumbnailer draws a plotter's sample in a legend entry.
type Thumbnailer interface {
	Thumbnail(c *draw.Canvas)
}

// Plot is a data area with an x axis under it and a y axis left of it.
type Plot struct {
	X, Y Axis
	// BackgroundColor fills the whole canvas the plot is drawn on; nil
	// fills nothing.
	BackgroundColor color.Color
	Legend          Legend

	plotters []Plotter
}

// New returns a plot whose titles, tick labels and legend are written in
// style st (its alignment is the plot's to set) with thin black axes.
func New(st text.Style) *Plot {
	p := &Plot{BackgroundColor: color.White}
	for _, a := range []*Axis{&p.X, &p.Y} {
		a.Min, a.Max = math.Inf(1), math.Inf(-1)
		a.LineStyle = draw.LineStyle{Color: color.Black, Width: 0.5}
		a.Padding = 5
		a.Label.TextStyle = st
		a.Label.Position = draw.PosCenter
		a.Tick.Label = st
		a.Tick.LineStyle = draw.LineStyle{Color: color.Black, Width: 0.5}
		a.Tick.Length = 8
	}
	p.Legend.TextStyle = st
	p.Legend.Top, p.Legend.Left = true, false
	return p
}

// Add adds plotters, to be drawn in the order added; a DataRanger widens
// the axes to its data at once, so a scale set after Add stands.
func (p *Plot) Add(ps ...Plotter) {
	for _, d := range ps {
		if r, ok := d.(DataRanger); ok {
			x0, x1, y0, y1 := r.DataRange()
			p.X.Min, p.X.Max = math.Min(p.X.Min, x0), math.Max(p.X.Max, x1)
			p.Y.Min, p.Y.Max = math.Min(p.Y.Min, y0), math.Max(p.Y.Max, y1)
		}
	}
	p.plotters = append(p.plotters, ps...)
}

// NominalY makes the y axis a list of names, the first at 0 at the bottom,
// the next at 1 above it: no axis line or tick marks, each name level
// with its row.
func (p *Plot) NominalY(names ...string) {
	ticks := make(ConstantTicks, len(names))
	for i, n := range names {
		ticks[i] = Tick{Value: float64(i), Label: n}
	}
	p.Y.Tick.Marker = ticks
	p.Y.Width, p.Y.Tick.Width, p.Y.Tick.Length, p.Y.Padding = 0, 0, 0, 0
	p.Y.Min = math.Min(p.Y.Min, -0.5)
	p.Y.Max = math.Max(p.Y.Max, float64(len(names))-0.5)
}

// Transforms returns the functions that map data values to positions on
// c, the plot's data area (the canvas a plotter is given).
func (p *Plot) Transforms(c *draw.Canvas) (x, y func(float64) vg.Length) {
	x = func(v float64) vg.Length { return c.Min.X + vg.Length(p.X.Norm(v))*(c.Max.X-c.Min.X) }
	y = func(v float64) vg.Length { return c.Min.Y + vg.Length(p.Y.Norm(v))*(c.Max.Y-c.Min.Y) }
	return x, y
}

// Gaps between an axis's tick marks, tick labels and title.
const (
	tickLabelGap  = 3
	axisTitleGap  = 3
	yTitleGap     = 4
	legendRowGap  = 1
	legendPadding = 4
)

// DataCanvas is the part of c, the canvas the whole plot is drawn on, that
// the data area takes: what the axes, their labels and titles leave.
func (p *Plot) DataCanvas(c draw.Canvas) draw.Canvas {
	p.X.sanitize()
	p.Y.sanitize()
	return draw.Crop(c, p.yWidth(), -p.rightRoom(), p.xHeight(), -p.topRoom())
}

// xHeight is the height of the x axis under the data area: its padding,
// tick marks, tick labels and title.
func (p *Plot) xHeight() vg.Length {
	a := &p.X
	h := a.Padding + a.tickLength()
	if lh := labelHeight(a.Tick.Label, a.ticks()); lh > 0 {
		h += tickLabelGap + lh
	}
	if a.Label.Text != "" {
		h += axisTitleGap + a.Label.TextStyle.Height(a.Label.Text)
	}
	return h
}

// yWidth is the width of the y axis left of the data area: its padding,
// tick marks, tick labels and title (turned to run up the axis).
func (p *Plot) yWidth() vg.Length {
	a := &p.Y
	w := a.Padding + a.tickLength()
	widest := vg.Length(0)
	for _, t := range a.ticks() {
		if t.Label != "" {
			widest = max(widest, a.Tick.Label.Width(t.Label))
		}
	}
	if widest > 0 {
		w += tickLabelGap + widest
	}
	if a.Label.Text != "" {
		w += yTitleGap + a.Label.TextStyle.Height(a.Label.Text)
	}
	return w
}

// topRoom keeps a label of a tick at the top end of the y axis, which is
// centred on its tick, inside the canvas. (Names in rows, as NominalY
// places them, stand half a row below the end and need none.)
func (p *Plot) topRoom() vg.Length { return p.Y.endRoom(0.999, p.Y.Tick.Label.Height) }

// rightRoom keeps the x tick label at the right end, which is centred on
// its tick, inside the canvas.
func (p *Plot) rightRoom() vg.Length { return p.X.endRoom(0.5, p.X.Tick.Label.Width) }

// endRoom is half the largest size (along the axis) of the labels of the
// ticks on the scale beyond position from (0 to 1) along it.
func (a *Axis) endRoom(from float64, size func(string) vg.Length) vg.Length {
	room := vg.Length(0)
	for _, t := range a.ticks() {
		if t.Label != "" && a.onScale(t.Value) && a.Norm(t.Value) > from {
			room = max(room, size(t.Label)/2)
		}
	}
	return room
}

// tickLength is the length of the axis's major ticks, none when they are
// not drawn.
func (a *Axis) tickLength() vg.Length {
	if a.Tick.Width <= 0 {
		return 0
	}
	return a.Tick.Length
}

// labelHeight is the height of the tallest label of ticks in style st.
func labelHeight(st text.Style, ticks []Tick) vg.Length {
	h := vg.Length(0)
	for _, t := range ticks {
		if t.Label != "" {
			h = max(h, st.Height(t.Label))
		}
	}
	return h
}

// Draw draws the plot on c: the background, the axes, then the plotters in
// the order added, then the legend.
func (p *Plot) Draw(c draw.Canvas) {
	if p.BackgroundColor != nil {
		c.FillPolygon(p.BackgroundColor, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
	}
	dc := p.DataCanvas(c)
	p.drawX(c, dc)
	p.drawY(c, dc)
	for _, d := range p.plotters {
		d.Plot(dc, p)
	}
	p.Legend.draw(dc)
}

func (p *Plot) drawX(c, dc draw.Canvas) {
	a := &p.X
	tx, _ := p.Transforms(&dc)
	y := dc.Min.Y - a.Padding
	if a.Width > 0 {
		c.StrokeLine2(a.LineStyle, dc.Min.X, y, dc.Max.X, y)
	}
	ticks := a.ticks()
	for _, t := range ticks {
		if !a.onScale(t.Value) {
			continue
		}
		x := tx(t.Value)
		if l := a.tickLength(); l > 0 {
			if t.Label == "" {
				l /= 2
			}
			c.StrokeLine2(a.Tick.LineStyle, x, y, x, y-l)
		}
		if t.Label != "" {
			st := a.Tick.Label
			st.XAlign, st.YAlign = draw.XCenter, draw.YTop
			c.FillText(st, vg.Point{X: x, Y: y - a.tickLength() - tickLabelGap}, t.Label)
		}
	}
	if a.Label.Text != "" {
		st := a.Label.TextStyle
		st.XAlign, st.YAlign = draw.XCenter, draw.YTop
		ly := y - a.tickLength()
		if lh := labelHeight(a.Tick.Label, ticks); lh > 0 {
			ly -= tickLabelGap + lh
		}
		c.FillText(st, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: ly - axisTitleGap}, a.Label.Text)
	}
}

func (p *Plot) drawY(c, dc draw.Canvas) {
	a := &p.Y
	_, ty := p.Transforms(&dc)
	x := dc.Min.X - a.Padding
	if a.Width > 0 {
		c.StrokeLine2(a.LineStyle, x, dc.Min.Y, x, dc.Max.Y)
	}
	for _, t := range a.ticks() {
		if !a.onScale(t.Value) {
			continue
		}
		y := ty(t.Value)
		if l := a.tickLength(); l > 0 {
			if t.Label == "" {
				l /= 2
			}
			c.StrokeLine2(a.Tick.LineStyle, x, y, x-l, y)
		}
		if t.Label != "" {
			st := a.Tick.Label
			st.XAlign, st.YAlign = draw.XRight, draw.YCenter
			c.FillText(st, vg.Point{X: x - a.tickLength() - tickLabelGap, Y: y}, t.Label)
		}
	}
	if a.Label.Text != "" {
		// Turned a quarter to the left, the title reads up the axis; its
		// top faces the canvas's left edge.
		st := a.Label.TextStyle
		st.Rotation = math.Pi / 2
		st.YAlign = draw.YTop
		at := vg.Point{X: c.Min.X, Y: (dc.Min.Y + dc.Max.Y) / 2}
		st.XAlign = draw.XCenter
		if a.Label.Position == draw.PosTop {
			at.Y, st.XAlign = dc.Max.Y, draw.XRight
		}
		c.FillText(st, at, a.Label.Text)
	}
}

// Legend lists named samples of plotters in a corner of the data area.
type Legend struct {
	TextStyle text.Style
	// Top and Left choose the corner.
	Top, Left bool
	entries   []legendEntry
}

type legendEntry struct {
	name   string
	thumbs []Thumbnailer
}

// Add adds an entry: its name and the samples drawn beside it.
func (l *Legend) Add(name string, thumbs ...Thumbnailer) {
	l.entries = append(l.entries, legendEntry{name: name, thumbs: thumbs})
}

// draw draws the entries in a column at the legend's corner of dc, each
// name beside its sample (names right-aligned to samples at the right
// edge, left-aligned to samples at the left).
func (l *Legend) draw(dc draw.Canvas) {
	if len(l.entries) == 0 {
		return
	}
	rowH := l.TextStyle.Height("M") + legendRowGap
	size := l.TextStyle.Height("M")
	for i, e := range l.entries {
		// The first entry on top, wherever the column stands.
		yc := dc.Max.Y - legendPadding - rowH/2 - vg.Length(i)*rowH
		if !l.Top {
			yc = dc.Min.Y + legendPadding + rowH/2 + vg.Length(len(l.entries)-1-i)*rowH
		}
		st := l.TextStyle
		st.YAlign = draw.YCenter
		var box vg.Rectangle
		var at vg.Point
		if l.Left {
			x := dc.Min.X + legendPadding
			box = vg.Rectangle{Min: vg.Point{X: x, Y: yc - size/2}, Max: vg.Point{X: x + size, Y: yc + size/2}}
			st.XAlign, at = draw.XLeft, vg.Point{X: x + size + legendPadding, Y: yc}
		} else {
			x := dc.Max.X - legendPadding
			box = vg.Rectangle{Min: vg.Point{X: x - size, Y: yc - size/2}, Max: vg.Point{X: x, Y: yc + size/2}}
			st.XAlign, at = draw.XRight, vg.Point{X: x - size - legendPadding, Y: yc}
		}
		tc := draw.Canvas{Canvas: dc.Canvas, Rectangle: box}
		for _, t := range e.thumbs {
			t.Thumbnail(&tc)
		}
		dc.FillText(st, at, e.name)
	}
}
