package figure

import (
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

func style() text.Style {
	fonts := font.NewCache(liberation.Collection())
	return text.Style{Color: color.Black, Font: font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, 9), Handler: text.Plain{Fonts: fonts}}
}

// canvas is a 400 × 300 pt recording canvas.
func canvas() (*recorder.Canvas, draw.Canvas) {
	rec := &recorder.Canvas{}
	return rec, draw.NewCanvas(rec, 400, 300)
}

// strings are the texts drawn, with where.
func strings(rec *recorder.Canvas) map[string]vg.Point {
	out := map[string]vg.Point{}
	for _, a := range rec.Actions {
		if f, ok := a.(*recorder.FillString); ok {
			out[f.String] = f.Point
		}
	}
	return out
}

func TestNormAndTransforms(t *testing.T) {
	p := New(style())
	p.X.Min, p.X.Max = 0, 100
	p.Y.Min, p.Y.Max = -2.5, 2.5
	if got := p.X.Norm(25); got != 0.25 {
		t.Errorf("Norm(25) on 0–100 = %v, want 0.25", got)
	}
	p.X.Inverted = true
	if got := p.X.Norm(25); got != 0.75 {
		t.Errorf("inverted Norm(25) = %v, want 0.75", got)
	}
	c := draw.Canvas{Rectangle: vg.Rectangle{Min: vg.Point{X: 10, Y: 20}, Max: vg.Point{X: 110, Y: 70}}}
	tx, ty := p.Transforms(&c)
	// Inverted: 100 at the left edge, 0 at the right.
	if tx(100) != 10 || tx(0) != 110 || tx(25) != 85 {
		t.Errorf("inverted x: tx(100), tx(0), tx(25) = %v, %v, %v, want 10, 110, 85", tx(100), tx(0), tx(25))
	}
	if ty(-2.5) != 20 || ty(0) != 45 || ty(2.5) != 70 {
		t.Errorf("y: ty(-2.5), ty(0), ty(2.5) = %v, %v, %v, want 20, 45, 70", ty(-2.5), ty(0), ty(2.5))
	}
}

func TestAddWidensAndALaterScaleStands(t *testing.T) {
	p := New(style())
	p.Add(NewScatter(XYs{{X: 1, Y: 5}, {X: 3, Y: -1}}), NewLine(XYs{{X: -2, Y: 0}, {X: 0, Y: 7}}))
	if p.X.Min != -2 || p.X.Max != 3 || p.Y.Min != -1 || p.Y.Max != 7 {
		t.Errorf("ranges after Add = x %v–%v, y %v–%v, want x -2–3, y -1–7", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	p.Y.Min, p.Y.Max = 0, 10
	p.Add(NewScatter(XYs{{X: 0, Y: 4}}))
	if p.Y.Min != 0 || p.Y.Max != 10 {
		t.Errorf("a point inside the scale set moved it: y %v–%v", p.Y.Min, p.Y.Max)
	}
	// An axis with no data gets a scale to draw.
	q := New(style())
	q.DataCanvas(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 100, Y: 100}}})
	if q.X.Min != 0 || q.X.Max != 1 {
		t.Errorf("empty axis = %v–%v, want 0–1", q.X.Min, q.X.Max)
	}
	q.Y.Min, q.Y.Max = 5, 5
	q.Y.sanitize()
	if q.Y.Min != 4 || q.Y.Max != 6 {
		t.Errorf("single-value axis = %v–%v, want 4–6", q.Y.Min, q.Y.Max)
	}
}

// TestTicksOnTheScaleOnly: a tick outside the scale is neither drawn nor
// given a grid line, but its label still reserves the axis's width (the
// ranking chart reserves its names' room so).
func TestTicksOnTheScaleOnly(t *testing.T) {
	st := style()
	p := New(st)
	p.X.Min, p.X.Max = 0, 10
	p.X.Tick.Marker = ConstantTicks{{Value: 0, Label: "0"}, {Value: 5}, {Value: 10, Label: "10"}, {Value: 12, Label: "12"}}
	p.Y.Min, p.Y.Max = 0, 1
	p.Y.Tick.Marker = ConstantTicks{{Value: -1e9, Label: "Turkmenistan"}}
	p.Add(NewGrid())
	rec, c := canvas()
	dc := p.DataCanvas(c)
	p.Draw(c)
	got := strings(rec)
	if _, ok := got["12"]; ok {
		t.Error("the label of a tick beyond the scale was drawn")
	}
	if _, ok := got["Turkmenistan"]; ok {
		t.Error("the reserving label below the scale was drawn")
	}
	if _, ok := got["10"]; !ok {
		t.Errorf("the label at the scale's end is missing: %v", got)
	}
	// The y axis: padding 5, tick 8, gap 3 and the name's width.
	want := 5 + 8 + 3 + st.Width("Turkmenistan")
	if d := dc.Min.X - c.Min.X; math.Abs(float64(d-want)) > 1e-9 {
		t.Errorf("data area starts %v right of the canvas, want %v", d, want)
	}
	// Grid: one vertical line per labelled tick on the scale (0 and 10),
	// none for the minor tick at 5 or for 12; none horizontal (the y
	// axis's only tick is off the scale).
	tx, _ := p.Transforms(&dc)
	vertical := map[vg.Length]bool{}
	for _, a := range rec.Actions {
		s, ok := a.(*recorder.Stroke)
		if !ok || len(s.Path) != 2 {
			continue
		}
		p0, p1 := s.Path[0].Pos, s.Path[1].Pos
		// (The y axis line runs as high, left of the data area.)
		if p0.X == p1.X && p0.Y == dc.Min.Y && p1.Y == dc.Max.Y && p0.X >= dc.Min.X {
			vertical[p0.X] = true
		}
	}
	if len(vertical) != 2 || !vertical[tx(0)] || !vertical[tx(10)] {
		t.Errorf("vertical grid lines at %v, want at %v and %v only", vertical, tx(0), tx(10))
	}
}

func TestNominalY(t *testing.T) {
	p := New(style())
	p.NominalY("Armenia", "Belarus", "Georgia")
	if p.Y.Min != -0.5 || p.Y.Max != 2.5 {
		t.Errorf("nominal scale = %v–%v, want -0.5–2.5", p.Y.Min, p.Y.Max)
	}
	p.X.Min, p.X.Max = 0, 1
	rec, c := canvas()
	dc := p.DataCanvas(c)
	p.Draw(c)
	_, ty := p.Transforms(&dc)
	got := strings(rec)
	for i, n := range []string{"Armenia", "Belarus", "Georgia"} {
		at, ok := got[n]
		if !ok {
			t.Errorf("%s not drawn", n)
			continue
		}
		// Centred on its row: the text's baseline sits below the row's
		// middle, by less than the text's height.
		if mid := ty(float64(i)); at.Y > mid || mid-at.Y > 9 {
			t.Errorf("%s drawn at y %v, its row's middle is %v", n, at.Y, mid)
		}
	}
	// No room above the top row for a name centred half a row below it.
	if dc.Max.Y != c.Max.Y {
		t.Errorf("data area ends %v below the canvas top, want 0", c.Max.Y-dc.Max.Y)
	}
}

func TestLegendCorner(t *testing.T) {
	p := New(style())
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	a, b := NewScatter(XYs{{X: 0.5, Y: 0.5}}), NewScatter(XYs{{X: 0.2, Y: 0.2}})
	p.Legend.Add("first", a)
	p.Legend.Add("second", b)
	p.Legend.Top = false
	rec, c := canvas()
	dc := p.DataCanvas(c)
	p.Draw(c)
	got := strings(rec)
	f, s := got["first"], got["second"]
	if !(f.Y > s.Y) {
		t.Errorf("first entry at y %v is not above the second at %v", f.Y, s.Y)
	}
	if s.Y > dc.Min.Y+20 || f.X < (dc.Min.X+dc.Max.X)/2 {
		t.Errorf("legend at %v, %v is not in the bottom right corner of %v", f, s, dc.Rectangle)
	}
}
