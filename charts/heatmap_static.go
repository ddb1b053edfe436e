package charts

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func staticHeatmap(dc draw.Canvas, s Spec) error {
	lo, hi := yearSpan(s)
	p := newPlot(s.XLabel, "")
	finish(p)
	p.X.Tick.Marker = yearTicks{}
	n := len(s.Series)
	var names []string
	for i := n - 1; i >= 0; i-- {
		names = append(names, s.Series[i].Name)
	}
	p.NominalY(names...)
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for _, sr := range s.Series {
		for _, pt := range sr.Points {
			if !pt.Missing() {
				vmin, vmax = math.Min(vmin, pt.Y), math.Max(vmax, pt.Y)
			}
		}
	}
	if finite(s.Min) && finite(s.Max) {
		vmin, vmax = s.Min, s.Max
	}
	if !finite(vmin) || vmin == vmax {
		vmin, vmax = 0, 1
	}
	colors := sequential
	if !s.HigherIsBetter {
		colors = reverse(sequential)
	}
	p.Add(dataRange{float64(lo) - 0.5, float64(hi) + 0.5, -0.5, float64(n) - 0.5})
	showText := hi-lo <= 24
	p.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) {
		tx, ty := p.Transforms(&c)
		for i, sr := range s.Series {
			row := float64(n - 1 - i)
			for _, pt := range sr.Points {
				if pt.Missing() || !finite(pt.X) {
					continue
				}
				f := (pt.Y - vmin) / (vmax - vmin)
				col := ramp(colors, f)
				x0, x1 := tx(pt.X-0.5), tx(pt.X+0.5)
				y0, y1 := ty(row-0.5), ty(row+0.5)
				c.FillPolygon(col, []vg.Point{{X: x0 + 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y0 + 0.5}, {X: x1 - 0.5, Y: y1 - 0.5}, {X: x0 + 0.5, Y: y1 - 0.5}})
				if showText {
					st := textStyle(6, false)
					st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
					if f < 0.6 {
						st.Color = color.White
					}
					c.FillText(st, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, s.format(pt.Y))
				}
			}
		}
		for _, b := range s.Breaks {
			if b.Year > lo && b.Year <= hi {
				x := tx(float64(b.Year) - 0.5)
				c.StrokeLine2(lineStyle(color.Black, 2, nil), x, c.Min.Y, x, c.Max.Y)
			}
		}
	}))
	// Colour key.
	key := fmt.Sprintf("colour: %s (%s) to %s (%s)", s.format(vmin), pick(s.HigherIsBetter, "worse", "better"), s.format(vmax), pick(s.HigherIsBetter, "better", "worse"))
	p.X.Label.Text = s.XLabel + "    " + key
	p.Draw(dc)
	return nil
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
