package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfCanvas is a vg.Canvas that writes a one-page PDF with fpdf, with its
// fonts embedded as Unicode TrueType fonts so that Cyrillic (and every
// other script the font has) prints as text.
//
// gonum's own vgpdf backend is not used: it encodes text in code page
// 1252, which has no Cyrillic, and registers a bold face under a name its
// SetFont call does not ask for ("undefined font: liberationsans-bold B").
//
// The canvas keeps its own transform (vg's y axis points up; the page's
// down) and gives fpdf page coordinates in points.
type pdfCanvas struct {
	doc *fpdf.Fpdf
	// x0 and y0 are where the canvas's top left corner is on the page, and
	// h is its height, all in points: a one-page image is the whole page,
	// a chart in a document (WritePDFDocument) a box on one of its pages.
	x0, y0 float64
	h      float64
	st     pdfState
	stack  []pdfState
	res    *pdfResources
}

// pdfResources are what every canvas drawing into one fpdf document
// shares: the fonts registered with it and how many images it holds.
type pdfResources struct {
	fonts map[string]bool
	imgs  int
}

// pdfState is what Push saves and Pop restores.
type pdfState struct {
	m     [6]float64 // x' = m0 x + m2 y + m4, y' = m1 x + m3 y + m5 (vg coordinates)
	width vg.Length
	dash  []vg.Length
	off   vg.Length
	col   color.Color
}

func newPDFCanvas(w, h vg.Length) *pdfCanvas {
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: float64(w), Ht: float64(h)}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCompression(true)
	// A fixed creation date keeps the output byte-identical across runs.
	doc.SetCreationDate(pdfEpoch)
	doc.SetModificationDate(pdfEpoch)
	doc.SetCreator("rankings", true)
	doc.AddPage()
	return newPDFCanvasAt(doc, 0, 0, h, &pdfResources{fonts: map[string]bool{}})
}

// newPDFCanvasAt returns a canvas that draws into doc's current page in
// the box whose top left corner is (x, y) on the page, h tall, all in
// points. res is shared by every canvas drawing into doc.
func newPDFCanvasAt(doc *fpdf.Fpdf, x, y float64, h vg.Length, res *pdfResources) *pdfCanvas {
	c := &pdfCanvas{doc: doc, x0: x, y0: y, h: float64(h), res: res}
	c.st = pdfState{m: [6]float64{1, 0, 0, 1, 0, 0}, width: 1, col: color.Black}
	vg.Initialize(c)
	return c
}

// WriteTo writes the PDF.
func (c *pdfCanvas) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	if err := c.doc.Output(&b); err != nil {
		return 0, err
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// page maps a point in vg coordinates to page coordinates.
func (c *pdfCanvas) page(p vg.Point) (float64, float64) {
	m := c.st.m
	x, y := float64(p.X), float64(p.Y)
	return c.x0 + m[0]*x + m[2]*y + m[4], c.y0 + c.h - (m[1]*x + m[3]*y + m[5])
}

// scaleOf is how much the transform stretches lengths (line widths).
func (c *pdfCanvas) scaleOf() float64 {
	m := c.st.m
	return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
}

func (c *pdfCanvas) mul(n [6]float64) {
	m := c.st.m
	c.st.m = [6]float64{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// SetLineWidth implements vg.Canvas.
func (c *pdfCanvas) SetLineWidth(w vg.Length) { c.st.width = w }

// SetLineDash implements vg.Canvas.
func (c *pdfCanvas) SetLineDash(d []vg.Length, off vg.Length) {
	c.st.dash, c.st.off = append([]vg.Length(nil), d...), off
}

// SetColor implements vg.Canvas.
func (c *pdfCanvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	c.st.col = col
}

// Rotate implements vg.Canvas.
func (c *pdfCanvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.mul([6]float64{co, s, -s, co, 0, 0})
}

// Translate implements vg.Canvas.
func (c *pdfCanvas) Translate(p vg.Point) { c.mul([6]float64{1, 0, 0, 1, float64(p.X), float64(p.Y)}) }

// Scale implements vg.Canvas.
func (c *pdfCanvas) Scale(x, y float64) { c.mul([6]float64{x, 0, 0, y, 0, 0}) }

// Push implements vg.Canvas.
func (c *pdfCanvas) Push() { c.stack = append(c.stack, c.st) }

// Pop implements vg.Canvas.
func (c *pdfCanvas) Pop() {
	if n := len(c.stack); n > 0 {
		c.st, c.stack = c.stack[n-1], c.stack[:n-1]
	}
}

// paint sets fpdf's colours and opacity to the current colour.
func (c *pdfCanvas) paint() {
	r, g, b, a := c.st.col.RGBA()
	if a == 0 {
		c.doc.SetAlpha(0, "Normal")
		return
	}
	// RGBA is alpha-premultiplied.
	ri, gi, bi := int(r*255/a), int(g*255/a), int(b*255/a)
	c.doc.SetDrawColor(ri, gi, bi)
	c.doc.SetFillColor(ri, gi, bi)
	c.doc.SetTextColor(ri, gi, bi)
	c.doc.SetAlpha(float64(a)/0xffff, "Normal")
}

// path emits p in page coordinates.
func (c *pdfCanvas) path(p vg.Path) {
	have := false
	var cur vg.Point
	for _, pc := range p {
		switch pc.Type {
		case vg.MoveComp:
			c.doc.MoveTo(c.page(pc.Pos))
			cur, have = pc.Pos, true
		case vg.LineComp:
			c.doc.LineTo(c.page(pc.Pos))
			cur, have = pc.Pos, true
		case vg.CurveComp:
			switch len(pc.Control) {
			case 1:
				// A quadratic as the cubic with the same curve.
				q := pc.Control[0]
				c1 := vg.Point{X: cur.X + (q.X-cur.X)*2/3, Y: cur.Y + (q.Y-cur.Y)*2/3}
				c2 := vg.Point{X: pc.Pos.X + (q.X-pc.Pos.X)*2/3, Y: pc.Pos.Y + (q.Y-pc.Pos.Y)*2/3}
				c.cubic(c1, c2, pc.Pos)
			case 2:
				c.cubic(pc.Control[0], pc.Control[1], pc.Pos)
			default:
				c.doc.LineTo(c.page(pc.Pos))
			}
			cur, have = pc.Pos, true
		case vg.ArcComp:
			cur = c.arc(pc, have)
			have = true
		case vg.CloseComp:
			c.doc.ClosePath()
		}
	}
}

func (c *pdfCanvas) cubic(c1, c2, p vg.Point) {
	x1, y1 := c.page(c1)
	x2, y2 := c.page(c2)
	x, y := c.page(p)
	c.doc.CurveBezierCubicTo(x1, y1, x2, y2, x, y)
}

// arc draws an arc as cubic Bézier pieces of at most a quarter turn, with
// a line from the current point to its start.
func (c *pdfCanvas) arc(pc vg.PathComp, have bool) vg.Point {
	at := func(a float64) vg.Point {
		s, co := math.Sincos(a)
		return vg.Point{X: pc.Pos.X + pc.Radius*vg.Length(co), Y: pc.Pos.Y + pc.Radius*vg.Length(s)}
	}
	start := at(pc.Start)
	if have {
		c.doc.LineTo(c.page(start))
	} else {
		c.doc.MoveTo(c.page(start))
	}
	n := int(math.Ceil(math.Abs(pc.Angle) / (math.Pi / 2)))
	step := pc.Angle / float64(max(n, 1))
	k := 4.0 / 3 * math.Tan(step/4)
	a := pc.Start
	for i := 0; i < n; i++ {
		p0, p3 := at(a), at(a+step)
		s0, c0 := math.Sincos(a)
		s3, c3 := math.Sincos(a + step)
		r := float64(pc.Radius)
		c1 := vg.Point{X: p0.X - vg.Length(k*r*s0), Y: p0.Y + vg.Length(k*r*c0)}
		c2 := vg.Point{X: p3.X + vg.Length(k*r*s3), Y: p3.Y - vg.Length(k*r*c3)}
		c.cubic(c1, c2, p3)
		a += step
	}
	return at(pc.Start + pc.Angle)
}

// Stroke implements vg.Canvas.
func (c *pdfCanvas) Stroke(p vg.Path) {
	if len(p) == 0 || c.st.width <= 0 {
		return
	}
	c.paint()
	sc := c.scaleOf()
	c.doc.SetLineWidth(float64(c.st.width) * sc)
	var dash []float64
	for _, d := range c.st.dash {
		dash = append(dash, float64(d)*sc)
	}
	c.doc.SetDashPattern(dash, float64(c.st.off)*sc)
	c.path(p)
	c.doc.DrawPath("D")
}

// Fill implements vg.Canvas.
func (c *pdfCanvas) Fill(p vg.Path) {
	if len(p) == 0 {
		return
	}
	c.paint()
	c.path(p)
	c.doc.DrawPath("F")
}

// FillString implements vg.Canvas: the text in its embedded font, at the
// baseline point pt, turned with the canvas.
func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 || f.Face == nil || str == "" {
		return
	}
	name, ok := pdfFont(c.doc, c.res.fonts, f)
	if !ok {
		return
	}
	c.paint()
	c.doc.SetFont(name, "", float64(f.Font.Size)*c.scaleOf())
	x, y := c.page(pt)
	m := c.st.m
	angle := math.Atan2(m[1], m[0]) * 180 / math.Pi
	if math.Abs(angle) > 0.01 {
		c.doc.TransformBegin()
		c.doc.TransformRotate(angle, x, y)
		c.doc.Text(x, y, str)
		c.doc.TransformEnd()
		return
	}
	c.doc.Text(x, y, str)
}

// pdfFont registers f's font with doc, once per doc (fonts records which
// are), as a UTF-8 TrueType font embedded as a subset, and returns the
// name to select it by; false when its source cannot be read (the error
// is set on doc).
func pdfFont(doc *fpdf.Fpdf, fonts map[string]bool, f font.Face) (string, bool) {
	name := f.Name()
	if fonts[name] {
		return name, true
	}
	var b bytes.Buffer
	if _, err := f.Face.WriteSourceTo(nil, &b); err != nil {
		doc.SetError(fmt.Errorf("charts: font %s: %w", name, err))
		return "", false
	}
	doc.AddUTF8FontFromBytes(name, "", b.Bytes())
	fonts[name] = true
	return name, true
}

// DrawImage implements vg.Canvas (axis-aligned images only).
func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		c.doc.SetError(err)
		return
	}
	c.res.imgs++
	name := fmt.Sprintf("img%d", c.res.imgs)
	opts := fpdf.ImageOptions{ImageType: "png"}
	c.doc.RegisterImageOptionsReader(name, opts, &b)
	x0, y0 := c.page(vg.Point{X: rect.Min.X, Y: rect.Max.Y})
	x1, y1 := c.page(vg.Point{X: rect.Max.X, Y: rect.Min.Y})
	c.doc.ImageOptions(name, math.Min(x0, x1), math.Min(y0, y1), math.Abs(x1-x0), math.Abs(y1-y0), false, opts, 0, "")
}

// pdfEpoch is the creation date every PDF carries: output depends only on
// the chart.
var pdfEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
