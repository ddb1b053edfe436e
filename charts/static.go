package charts

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"github.com/rankings-dev/rankings/internal/i18n"
	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// StaticDPI is the resolution of PNG output: StaticSize in pixels.
const StaticDPI = 96

const staticWidth = 10 * vg.Inch

// StaticSize returns the size in pixels of the chart's PNG image at its
// own size and the default scale (an SVG or PDF is the same size in
// points at 96 per inch / DefaultPNGScale: see Size).
func (c *Chart) StaticSize() (w, h int) { return c.PixelSize(ImageOptions{}) }

func px(l vg.Length) int { return int(math.Round(l.Dots(StaticDPI))) }

func (c *Chart) staticSize() (vg.Length, vg.Length) {
	s := c.Spec
	head, foot := c.headerHeight(), c.footerHeight()
	var plotH vg.Length
	switch s.Kind {
	case Ranking:
		plotH = vg.Length(18*len(s.Series) + 70)
	case Timeline:
		plotH = 330
		if n := len(s.Panels); n > 1 {
			plotH = vg.Length(200*n + 10)
		}
		if hasBand(s) {
			plotH += 13
		}
		if len(s.Events) > 0 {
			plotH += vg.Length(16*len(s.Series)+70) + legendHeight(c.layoutWidth(), eventItems(s), 6) - 13
		}
	case Profile:
		plotH = profileStaticHeight(s)
	case Heatmap:
		plotH = vg.Length(18*len(s.Series) + 90 + keyRowH*len(s.panels()))
	case Map:
		plotH = staticMapHeight(s, c.layoutWidth())
	default:
		plotH = 400
	}
	return c.layoutWidth(), head + plotH + foot
}

// layoutWidth is the width the static image is laid out at.
func (c *Chart) layoutWidth() vg.Length {
	if c.staticW > 0 {
		return c.staticW
	}
	return staticWidth
}

// wrapChars is how many characters of small text fit a line of the static
// image.
func (c *Chart) wrapChars() int { return max(40, int(c.layoutWidth()/4.8)) }

var (
	titleStyle = textStyle(15, true)
	smallStyle = textStyle(8.5, false)
	labelStyle = textStyle(9, false)
)

func textStyle(size vg.Length, bold bool) text.Style {
	f := sansFont
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: color.Black, Font: font.From(f, size), XAlign: draw.XLeft, YAlign: draw.YTop, Handler: lazyText{}}
}

func (c *Chart) sourceLines() []string { return wrap(c.Spec.sourceLine(), c.wrapChars()) }

func (c *Chart) headerHeight() vg.Length {
	return 10 + 20 + vg.Length(len(c.titleLines())-1)*18 + vg.Length(len(c.sourceLines()))*11 + 8
}

// titleLines is the title wrapped to the image's width.
func (c *Chart) titleLines() []string {
	return wrap(c.Spec.Title, max(20, int((c.layoutWidth()-28)/titleStyle.Width("n"))))
}

func (c *Chart) noteLines() []string {
	var out []string
	var hl []string
	for _, sr := range c.Spec.Series {
		if sr.Highlight {
			hl = append(hl, sr.Name)
		}
	}
	if len(hl) > 0 && c.Spec.Kind == Ranking {
		out = append(out, c.Spec.Lang.T("chart.static.highlighted", strings.Join(hl, ", ")))
	}
	for _, n := range c.Spec.Notes {
		out = append(out, wrap(n, c.wrapChars())...)
	}
	return out
}

func (c *Chart) footerHeight() vg.Length { return vg.Length(len(c.noteLines()))*11 + 10 }

// WriteSVG writes the chart as an SVG image at its own size (see
// WriteImage).
func (c *Chart) WriteSVG(w io.Writer) error { return c.WriteImage(w, SVG, ImageOptions{}) }

// WritePNG writes the chart as a PNG image at its own size and twice the
// screen resolution (see WriteImage).
func (c *Chart) WritePNG(w io.Writer) error { return c.WriteImage(w, PNG, ImageOptions{}) }

// WritePDF writes the chart as a one-page vector PDF with its fonts
// embedded (see WriteImage).
func (c *Chart) WritePDF(w io.Writer) error { return c.WriteImage(w, PDF, ImageOptions{}) }

func (c *Chart) drawStatic(cv vg.Canvas, wl, hl vg.Length) error {
	dc := draw.NewCanvas(cv, wl, hl)
	dc.FillPolygon(color.White, []vg.Point{{X: 0, Y: 0}, {X: wl, Y: 0}, {X: wl, Y: hl}, {X: 0, Y: hl}})
	// Header: title and source line; footer: notes.
	y := hl - 10
	for i, l := range c.titleLines() {
		if i > 0 {
			y -= 18
		}
		dc.FillText(titleStyle, vg.Point{X: 14, Y: y}, l)
	}
	y -= 22
	grey := smallStyle
	grey.Color = color.Gray{Y: 0x44}
	for _, l := range c.sourceLines() {
		dc.FillText(grey, vg.Point{X: 14, Y: y}, l)
		y -= 11
	}
	fy := c.footerHeight() - 6
	for _, l := range c.noteLines() {
		dc.FillText(grey, vg.Point{X: 14, Y: fy}, l)
		fy -= 11
	}
	body := draw.Crop(dc, 6, -14, c.footerHeight(), -c.headerHeight())
	s := c.Spec
	switch s.Kind {
	case Ranking:
		return staticRanking(body, s)
	case Timeline:
		return staticTimeline(body, s)
	case Profile:
		return staticProfile(body, s)
	case Heatmap:
		return staticHeatmap(body, s)
	case Scatter:
		return staticScatter(body, s)
	case Slope:
		return staticSlope(body, s)
	case Map:
		return staticMap(body, s)
	}
	return fmt.Errorf("charts: unknown kind %q", s.Kind)
}

// plotFunc adapts a function to figure.Plotter.
type plotFunc func(draw.Canvas, *figure.Plot)

func (f plotFunc) Plot(c draw.Canvas, p *figure.Plot) { f(c, p) }

// dataRange widens a plot's ranges.
type dataRange struct{ x0, x1, y0, y1 float64 }

func (d dataRange) Plot(draw.Canvas, *figure.Plot) {}

// DataRange returns the range; a NaN end leaves the plot's range alone.
func (d dataRange) DataRange() (xmin, xmax, ymin, ymax float64) {
	lo := func(v float64) float64 {
		if math.IsNaN(v) {
			return math.Inf(1)
		}
		return v
	}
	hi := func(v float64) float64 {
		if math.IsNaN(v) {
			return math.Inf(-1)
		}
		return v
	}
	return lo(d.x0), hi(d.x1), lo(d.y0), hi(d.y1)
}
func newPlot(xl, yl string) *figure.Plot {
	p := figure.New(labelStyle)
	p.X.Label.Text = xl
	p.Y.Label.Text = yl
	return p
}
func lineStyle(col color.Color, w vg.Length, dash []vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: col, Width: w, Dashes: dash}
}

func dashOf(name string) []vg.Length {
	switch name {
	case "dashed":
		return []vg.Length{6, 3}
	case "dotted":
		return []vg.Length{1.5, 2.5}
	}
	return nil
}

func glyphOf(symbol string) draw.GlyphDrawer {
	switch symbol {
	case "rect", "roundRect":
		// Filled, as ECharts draws them.
		return draw.BoxGlyph{}
	case "triangle", "arrow":
		return draw.PyramidGlyph{}
	case "diamond", "pin":
		return diamondGlyph{}
	case "emptyCircle":
		return draw.RingGlyph{}
	case "emptyRect":
		return draw.SquareGlyph{}
	}
	return draw.CircleGlyph{}
}

// diamondGlyph is a filled diamond (ECharts' "diamond").
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius * 1.25
	c.FillPolygon(sty.Color, []vg.Point{{X: pt.X, Y: pt.Y + r}, {X: pt.X + r, Y: pt.Y}, {X: pt.X, Y: pt.Y - r}, {X: pt.X - r, Y: pt.Y}})
}

func (yearTicks) Ticks(min, max float64) []figure.Tick {
	lo, hi := int(math.Ceil(min)), int(math.Floor(max))
	step := 1
	for (hi-lo)/step > 14 {
		step++
	}
	var out []figure.Tick
	for y := lo; y <= hi; y++ {
		t := figure.Tick{Value: float64(y)}
		if (y-lo)%step == 0 {
			t.Label = strconv.Itoa(y)
		}
		out = append(out, t)
	}
	return out
}

// finish sets a plot's text sizes and adds its grid.
func finish(p *figure.Plot) {
	p.X.Label.TextStyle.Font.Size = 9
	p.Y.Label.TextStyle.Font.Size = 9
	p.X.Tick.Label.Font.Size = 8.5
	p.Y.Tick.Label.Font.Size = 8.5
	p.Add(figure.NewGrid())
}

// localizeTicks writes the plot's numeric tick labels with the decimal
// separator of language l (-0,5 in Russian); labels that are not numbers
// (names, years) stay as they are.
func localizeTicks(p *figure.Plot, l i18n.Lang) {
	if l != i18n.RU {
		return
	}
	for _, ax := range []*figure.Axis{&p.X, &p.Y} {
		m := ax.Tick.Marker
		ax.Tick.Marker = figure.TickerFunc(func(min, max float64) []figure.Tick {
			// A copy: a marker may hand out its own slice (ConstantTicks).
			ts := slices.Clone(m.Ticks(min, max))
			for i := range ts {
				if _, err := strconv.ParseFloat(ts[i].Label, 64); err == nil {
					ts[i].Label = strings.Replace(ts[i].Label, ".", ",", 1)
				}
			}
			return ts
		})
	}
}
