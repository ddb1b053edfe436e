package charts

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/rankings-dev/rankings/charts/internal/figure"
	"github.com/rankings-dev/rankings/internal/i18n"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func staticHeatmap(dc draw.Canvas, s Spec) error {
	lo, _ := yearSpan(s)
	cols, col := heatColumns(s)
	panels := s.panels()
	p := newPlot(s.XLabel, "")
	finish(p)
	p.X.Tick.Marker = figure.TickerFunc(func(min, max float64) []figure.Tick {
		var out []figure.Tick
		step := 1
		for len(cols)/step > 24 {
			step++
		}
		for c, l := range cols {
			if strings.TrimSpace(l) != "" && c%step == 0 {
				out = append(out, figure.Tick{Value: float64(c), Label: l})
			}
		}
		return out
	})
	n := len(s.Series)
	var names []string
	for i := n - 1; i >= 0; i-- {
		names = append(names, s.Series[i].Name)
	}
	p.NominalY(names...)
	p.Add(dataRange{-0.5, float64(len(cols)) - 0.5, -0.5, float64(n) - 0.5})
	var keys []colourKey
	for _, pn := range panels {
		pn := pn
		vmin, vmax := heatRange(s, pn)
		colors := heatColours(pn)
		label := s.YLabel
		if len(s.Panels) > 1 {
			label = pn.Title
		}
		keys = append(keys, colourKey{label: label, lo: s.format(vmin), hi: s.format(vmax), colors: colors, higher: pn.HigherIsBetter, lang: s.Lang})
		p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
			tx, ty := p.Transforms(&c)
			for i, sr := range s.Series {
				row := float64(n - 1 - i)
				for _, pt := range inPanel(sr.Points, pn) {
					cx, ok := col[int(pt.X)]
					if pt.Missing() || !ok {
						continue
					}
					f := (pt.Y - vmin) / (vmax - vmin)
					x0, x1 := tx(float64(cx)-0.5), tx(float64(cx)+0.5)
					y0, y1 := ty(row-0.5), ty(row+0.5)
					cell := []vg.Point{{X: x0 + 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y1 - 0.5}, {X: x0 + 0.5, Y: y1 - 0.5}}
					c.FillPolygon(ramp(colors, f), cell)
					if sr.Highlight {
						// The named countries' rows are outlined.
						c.StrokeLines(lineStyle(color.Black, 1.2, nil), append(cell, cell[0]))
					}
					// The value, where the cell has room for it.
					st := textStyle(6, false)
					st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
					if txt := s.format(pt.Y); st.Width(txt) <= x1-x0-2 && st.Height(txt) <= y1-y0-1 {
						// Light text on the dark end of the ramp, which
						// is the low end of a higher-is-better scale and
						// the high end of a lower-is-better one.
						if dark := f < 0.6 && pn.HigherIsBetter || f > 0.4 && !pn.HigherIsBetter; dark {
							st.Color = color.White
						}
						c.FillText(st, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, txt)
					}
				}
			}
		}))
	}
	if len(s.Panels) < 2 {
		p.Add(plotFunc(func(c draw.Canvas, p *figure.Plot) {
			tx, _ := p.Transforms(&c)
			for _, b := range s.Breaks {
				if cx, ok := col[b.Year]; ok && b.Year > lo {
					x := tx(float64(cx) - 0.5)
					c.StrokeLine2(lineStyle(color.Black, 2, nil), x, c.Min.Y, x, c.Max.Y)
				}
			}
		}))
	}
	// Colour bars, one per panel, under the axis title.
	keyH := vg.Length(keyRowH*len(keys) + 4)
	for k, key := range keys {
		key.draw(dc, dc.Min.Y+keyH-vg.Length(keyRowH*(k+1)))
	}
	localizeTicks(p, s.Lang)
	p.Draw(draw.Crop(dc, 0, 0, keyH, 0))
	return nil
}

// keyRowH is the height of one colour bar row.
const keyRowH = 16

// colourKey is a heatmap panel's colour bar: its label, the ends of its
// scale with which end is better, and its ramp.
type colourKey struct {
	label, lo, hi string
	colors        []string
	higher        bool
	lang          i18n.Lang
}

// draw draws the key as "label  lo (worse) [gradient] hi (better)" on the
// line at y.
func (k colourKey) draw(dc draw.Canvas, y vg.Length) {
	st := smallStyle
	st.YAlign = draw.YCenter
	x := dc.Min.X + 40
	mid := y + keyRowH/2
	dc.FillText(st, vg.Point{X: x, Y: mid}, k.label+":")
	x += st.Width(k.label+":") + 8
	left := fmt.Sprintf("%s (%s)", k.lo, pick(k.higher, k.lang.T("chart.worse"), k.lang.T("chart.better")))
	dc.FillText(st, vg.Point{X: x, Y: mid}, left)
	x += st.Width(left) + 6
	const barW, steps = 160, 64
	for i := 0; i < steps; i++ {
		x0 := x + vg.Length(i)*barW/steps
		x1 := x + vg.Length(i+1)*barW/steps + 0.3
		dc.FillPolygon(ramp(k.colors, (float64(i)+0.5)/steps), []vg.Point{{X: x0, Y: mid - 4}, {X: x1, Y: mid - 4}, {X: x1, Y: mid + 4}, {X: x0, Y: mid + 4}})
	}
	dc.FillText(st, vg.Point{X: x + barW + 6, Y: mid}, fmt.Sprintf("%s (%s)", k.hi, pick(k.higher, k.lang.T("chart.better"), k.lang.T("chart.worse"))))
}

// ramp interpolates a colour scale at f in [0, 1].
func ramp(stops []string, f float64) color.NRGBA {
	f = math.Max(0, math.Min(1, f))
	pos := f * float64(len(stops)-1)
	i := int(math.Floor(pos))
	if i >= len(stops)-1 {
		return rgb(stops[len(stops)-1])
	}
	t := pos - float64(i)
	a, b := rgb(stops[i]), rgb(stops[i+1])
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
}
