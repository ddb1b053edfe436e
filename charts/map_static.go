package charts

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// mapKeyH is the height of a static map's keys under the map: the colour
// bar, the "no data" and context swatches, and the credit line.
const mapKeyH = 3*keyRowH + 8

// staticMapHeight is the height of a static map's drawing at a layout
// width: the frame's shape and the keys.
func staticMapHeight(s Spec, w vg.Length) vg.Length {
	_, f := mapGeometry(s)
	return (w-20)*vg.Length(f.h()/f.w()) + mapKeyH
}

func staticMap(dc draw.Canvas, s Spec) error {
	shapes, f := mapGeometry(s)
	y := mapYear(s)
	series := map[string]Series{}
	for _, sr := range s.Series {
		series[sr.Code] = sr
	}
	vmin, vmax := mapRange(s)
	colours := mapColours(s)
	// The map's rectangle: above the keys, the frame scaled to fit and
	// centred.
	area := draw.Crop(dc, 0, 0, mapKeyH, 0)
	aw, ah := float64(area.Max.X-area.Min.X), float64(area.Max.Y-area.Min.Y)
	k := math.Min(aw/f.w(), ah/f.h())
	ox := float64(area.Min.X) + (aw-k*f.w())/2
	oy := float64(area.Min.Y) + (ah-k*f.h())/2
	pt := func(p xy) vg.Point {
		return vg.Point{X: vg.Length(ox + (p.x-f.x0)*k), Y: vg.Length(oy + (p.y-f.y0)*k)}
	}
	ring := func(r []xy) []vg.Point {
		out := make([]vg.Point, 0, len(r)+1)
		for _, p := range r {
			out = append(out, pt(p))
		}
		return append(out, out[0])
	}
	frame := []vg.Point{pt(xy{f.x0, f.y0}), pt(xy{f.x1, f.y0}), pt(xy{f.x1, f.y1}), pt(xy{f.x0, f.y1})}
	dc.FillPolygon(rgb("#f7fbff"), frame)
	white := lineStyle(color.White, 0.5, nil)
	for _, ps := range shapes {
		sr, ok := series[ps.code]
		fill := rgb(mapContextBG)
		missing := false
		if ok {
			if p := mapPoint(sr, y); p.Missing() {
				fill, missing = rgb(mapNoData), true
			} else {
				fill = ramp(colours, (p.Y-vmin)/(vmax-vmin))
			}
		}
		for _, p := range ps.polys {
			dc.FillPolygon(fill, ring(p[0]))
			if missing {
				hatch(dc, p, pt)
			}
		}
		border := white
		if ok {
			border = lineStyle(rgb("#555555"), 0.4, nil)
		}
		for _, p := range ps.polys {
			for _, r := range p {
				dc.StrokeLines(border, ring(r))
			}
		}
	}
	// The named countries' outlines on top of every fill.
	for _, ps := range shapes {
		if sr, ok := series[ps.code]; ok && sr.Highlight {
			for _, p := range ps.polys {
				dc.StrokeLines(lineStyle(color.Black, 1.4, nil), ring(p[0]))
			}
		}
	}
	dc.StrokeLines(lineStyle(rgb("#999999"), 0.5, nil), append(frame, frame[0]))
	mapLabels(dc, s, shapes, series, pt)
	// Keys: the colour bar, then the swatches, then the credit.
	base := dc.Min.Y
	colourKey{label: s.YLabel, lo: s.format(vmin), hi: s.format(vmax), colors: colours, higher: s.HigherIsBetter, lang: s.Lang}.draw(dc, base+2*keyRowH+6)
	st := smallStyle
	st.YAlign = draw.YCenter
	x := dc.Min.X + 40
	mid := base + keyRowH + 4 + keyRowH/2
	for _, sw := range []struct {
		fill  string
		hatch bool
		text  string
	}{{mapNoData, true, s.Lang.T("chart.no_data")}, {mapContextBG, false, s.Lang.T("chart.not_in_group")}} {
		box := []vg.Point{{X: x, Y: mid - 4.5}, {X: x + 16, Y: mid - 4.5}, {X: x + 16, Y: mid + 4.5}, {X: x, Y: mid + 4.5}}
		dc.FillPolygon(rgb(sw.fill), box)
		if sw.hatch {
			r := make([]xy, len(box))
			for i, b := range box {
				r[i] = xy{float64(b.X), float64(b.Y)}
			}
			hatch(dc, [][]xy{r}, func(p xy) vg.Point { return vg.Point{X: vg.Length(p.x), Y: vg.Length(p.y)} })
		}
		dc.StrokeLines(lineStyle(rgb("#777777"), 0.5, nil), append(box, box[0]))
		dc.FillText(st, vg.Point{X: x + 22, Y: mid}, sw.text)
		x += 22 + st.Width(sw.text) + 24
	}
	if s.Credit != "" {
		grey := smallStyle
		grey.Color = color.Gray{Y: 0x55}
		grey.YAlign = draw.YCenter
		dc.FillText(grey, vg.Point{X: dc.Min.X + 40, Y: base + keyRowH/2}, s.Credit)
	}
	return nil
}

// mapLabels writes the group's names at their label points, the named
// countries first and in bold, then by size; a name that would overlap
// one already written, or leave the map, is left out (the table has
// every country).
func mapLabels(dc draw.Canvas, s Spec, shapes []projShape, series map[string]Series, pt func(xy) vg.Point) {
	type lab struct {
		ps projShape
		sr Series
	}
	var labs []lab
	for _, ps := range shapes {
		if sr, ok := series[ps.code]; ok {
			labs = append(labs, lab{ps, sr})
		}
	}
	sort.SliceStable(labs, func(i, j int) bool { return labs[i].sr.Highlight && !labs[j].sr.Highlight })
	var taken []vg.Rectangle
	for _, l := range labs {
		st := textStyle(7, l.sr.Highlight)
		st.XAlign, st.YAlign = draw.XCenter, draw.YCenter
		p := pt(l.ps.label)
		w, h := st.Width(l.sr.Name), st.Height(l.sr.Name)
		r := vg.Rectangle{Min: vg.Point{X: p.X - w/2 - 1, Y: p.Y - h/2}, Max: vg.Point{X: p.X + w/2 + 1, Y: p.Y + h/2}}
		if r.Min.X < dc.Min.X || r.Max.X > dc.Max.X {
			continue
		}
		clash := false
		for _, t := range taken {
			if r.Min.X < t.Max.X && t.Min.X < r.Max.X && r.Min.Y < t.Max.Y && t.Min.Y < r.Max.Y {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		taken = append(taken, r)
		halo := st
		halo.Color = color.White
		for _, d := range [][2]vg.Length{{-0.7, 0}, {0.7, 0}, {0, -0.7}, {0, 0.7}, {-0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}, {0.5, -0.5}} {
			dc.FillText(halo, vg.Point{X: p.X + d[0], Y: p.Y + d[1]}, l.sr.Name)
		}
		dc.FillText(st, p, l.sr.Name)
	}
}

// hatch draws "no data" hatching inside a polygon (its rings by the
// even–odd rule): diagonal lines 3 points apart, each cut to the stretches
// inside.
func hatch(dc draw.Canvas, poly [][]xy, pt func(xy) vg.Point) {
	var pts [][]vg.Point
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range poly {
		var q []vg.Point
		for _, p := range r {
			v := pt(p)
			q = append(q, v)
			lo, hi = math.Min(lo, float64(v.X-v.Y)), math.Max(hi, float64(v.X-v.Y))
		}
		pts = append(pts, q)
	}
	style := lineStyle(rgb(mapHatch), 0.5, nil)
	const gap = 3.0
	for c := math.Floor(lo/gap) * gap; c <= hi; c += gap {
		// Points on the line x − y = c, by x.
		var xs []float64
		for _, r := range pts {
			for i := range r {
				a, b := r[i], r[(i+1)%len(r)]
				ga, gb := float64(a.X-a.Y)-c, float64(b.X-b.Y)-c
				if (ga > 0) != (gb > 0) {
					t := ga / (ga - gb)
					xs = append(xs, float64(a.X)+t*float64(b.X-a.X))
				}
			}
		}
		sort.Float64s(xs)
		for i := 0; i+1 < len(xs); i += 2 {
			x0, x1 := xs[i], xs[i+1]
			dc.StrokeLine2(style, vg.Length(x0), vg.Length(x0-c), vg.Length(x1), vg.Length(x1-c))
		}
	}
}
