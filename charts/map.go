package charts

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Shape is a country's outline on a map: its polygons, each its rings (the
// outer ring first, then holes) of longitude, latitude pairs in degrees.
// Longitudes may run past 180° (Russia's far east at 180°–190°E) so that
// no ring crosses the antimeridian.
type Shape struct {
	Code     string // ISO3 code; a series with this code fills the shape
	Name     string // display name, for the context countries' tooltips
	Polygons [][][][2]float64
}

// The projection of every map: Albers equal-area conic with standard
// parallels 45°N and 65°N, centred on 60°E and 55°N, on a sphere of the
// Earth's mean radius; x and y are kilometres east and north of the centre.
// Areas are true everywhere, so Russia is as large against Armenia as it
// is; shapes are true along the standard parallels, which the region lies
// between or near.
const (
	albersLon0   = 60.0
	albersLat0   = 55.0
	albersLat1   = 45.0
	albersLat2   = 65.0
	earthRadius  = 6371.0
	mapContextBG = "#e4e4e4" // countries outside the group: light grey
	mapNoData    = "#ffffff" // a group country without a figure: hatched white
	mapHatch     = "#8a8a8a"
	mapBorder    = "#ffffff"
)

var albersN, albersC, albersRho0 = func() (n, c, rho0 float64) {
	rad := math.Pi / 180
	s1, s2 := math.Sin(albersLat1*rad), math.Sin(albersLat2*rad)
	n = (s1 + s2) / 2
	c = math.Cos(albersLat1*rad)*math.Cos(albersLat1*rad) + 2*n*s1
	rho0 = math.Sqrt(c-2*n*math.Sin(albersLat0*rad)) / n
	return n, c, rho0
}()

// Project returns the map coordinates (kilometres east and north of the
// projection's centre) of the point at lon, lat degrees, in the Albers
// equal-area conic projection every map uses, HTML and static alike.
func Project(lon, lat float64) (x, y float64) {
	n, c, rho0 := albersN, albersC, albersRho0
	rad := math.Pi / 180
	d := math.Mod(lon-albersLon0+540, 360) - 180
	rho := math.Sqrt(c-2*n*math.Sin(lat*rad)) / n
	th := n * d * rad
	return earthRadius * rho * math.Sin(th), earthRadius * (rho0 - rho*math.Cos(th))
}

// xy is a point in map coordinates.
type xy struct{ x, y float64 }

// projShape is a shape in map coordinates, clipped to the map's frame.
type projShape struct {
	code, name string
	polys      [][][]xy
	area       float64
	label      xy
}

// mapFrame is the rectangle a map shows, in map coordinates.
type mapFrame struct{ x0, y0, x1, y1 float64 }

func (f mapFrame) w() float64 { return f.x1 - f.x0 }
func (f mapFrame) h() float64 { return f.y1 - f.y0 }

// mapGeometry projects a map's shapes and frames them: the frame is the
// box around the series' countries with a margin (a quarter of it at the
// top), at least 0.55 and at most
// 0.72 of its width high; the context countries are clipped to it.
func mapGeometry(s Spec) ([]projShape, mapFrame) {
	g, _ := cachedGeometry(s)
	return g.shapes, g.frame
}

// geometry is a map's projected, framed shapes and their GeoJSON (made
// safe by safeJSON).
type geometry struct {
	shapes []projShape
	frame  mapFrame
	geo    []byte
	// keep holds the spec's shapes, so that the address in the cache key
	// stays theirs.
	keep []Shape
}

// geometries caches the geometry of each set of shapes and group: every
// map of a group over the embedded region file has the same one, and a
// bake of the site draws hundreds of them. Callers must not modify the
// shapes a geometry holds.
var geometries sync.Map

// cachedGeometry is the geometry of s's shapes framed on its series'
// countries, computed once per shapes (by identity) and group.
func cachedGeometry(s Spec) (*geometry, error) {
	codes := make([]string, 0, len(s.Series))
	for _, sr := range s.Series {
		codes = append(codes, sr.Code)
	}
	sort.Strings(codes)
	id := "none"
	if len(s.Shapes) > 0 {
		id = fmt.Sprintf("%p", &s.Shapes[0])
	}
	key := fmt.Sprintf("%s/%d/%s", id, len(s.Shapes), strings.Join(codes, ","))
	if g, ok := geometries.Load(key); ok {
		return g.(*geometry), nil
	}
	shapes, f := projectMap(s)
	geo, err := safeJSON(geoJSON(shapes))
	if err != nil {
		return nil, err
	}
	g := &geometry{shapes: shapes, frame: f, geo: geo, keep: s.Shapes}
	geometries.Store(key, g)
	return g, nil
}

// projectMap computes mapGeometry.
func projectMap(s Spec) ([]projShape, mapFrame) {
	inGroup := map[string]bool{}
	for _, sr := range s.Series {
		inGroup[sr.Code] = true
	}
	var out []projShape
	f := mapFrame{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, sh := range s.Shapes {
		ps := projShape{code: sh.Code, name: sh.Name}
		for _, p := range sh.Polygons {
			var rings [][]xy
			for _, r := range p {
				ring := make([]xy, len(r))
				for i, q := range r {
					x, y := Project(q[0], q[1])
					ring[i] = xy{x, y}
					if inGroup[sh.Code] {
						f.x0, f.x1 = math.Min(f.x0, x), math.Max(f.x1, x)
						f.y0, f.y1 = math.Min(f.y0, y), math.Max(f.y1, y)
					}
				}
				rings = append(rings, ring)
			}
			ps.polys = append(ps.polys, rings)
		}
		out = append(out, ps)
	}
	if !finite(f.x0) {
		f = mapFrame{-3000, -2000, 3000, 2000}
	}
	// A margin shows the neighbours around the group; above it, to the
	// north, is mostly the Arctic Ocean, so the top margin is a quarter.
	m := math.Max(f.w(), f.h()) * 0.04
	f = mapFrame{f.x0 - m, f.y0 - m, f.x1 + m, f.y1 + m/4}
	if min := f.w() * 0.55; f.h() < min {
		c := (f.y0 + f.y1) / 2
		f.y0, f.y1 = c-min/2, c+min/2
	}
	if min := f.h() / 0.72; f.w() < min {
		c := (f.x0 + f.x1) / 2
		f.x0, f.x1 = c-min/2, c+min/2
	}
	kept := out[:0]
	for _, ps := range out {
		var polys [][][]xy
		for _, p := range ps.polys {
			outer := clipRing(p[0], f)
			if len(outer) < 3 {
				continue
			}
			rings := [][]xy{outer}
			for _, h := range p[1:] {
				if c := clipRing(h, f); len(c) >= 3 {
					rings = append(rings, c)
				}
			}
			polys = append(polys, rings)
		}
		if len(polys) == 0 {
			continue
		}
		ps.polys = polys
		for _, p := range polys {
			ps.area += math.Abs(ringArea(p[0]))
		}
		ps.label = labelPoint(polys)
		kept = append(kept, ps)
	}
	// Larger shapes first, so that an enclave is drawn over the country
	// around it.
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].area > kept[j].area })
	return kept, f
}

// clipRing clips a ring to the frame (Sutherland–Hodgman: the frame is
// convex, so each of its four sides cuts in turn).
func clipRing(r []xy, f mapFrame) []xy {
	type side struct {
		in  func(p xy) bool
		cut func(a, b xy) xy
	}
	at := func(a, b xy, t float64) xy { return xy{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }
	sides := []side{
		{func(p xy) bool { return p.x >= f.x0 }, func(a, b xy) xy { return at(a, b, (f.x0-a.x)/(b.x-a.x)) }},
		{func(p xy) bool { return p.x <= f.x1 }, func(a, b xy) xy { return at(a, b, (f.x1-a.x)/(b.x-a.x)) }},
		{func(p xy) bool { return p.y >= f.y0 }, func(a, b xy) xy { return at(a, b, (f.y0-a.y)/(b.y-a.y)) }},
		{func(p xy) bool { return p.y <= f.y1 }, func(a, b xy) xy { return at(a, b, (f.y1-a.y)/(b.y-a.y)) }},
	}
	out := r
	for _, sd := range sides {
		in := out
		out = nil
		for i := range in {
			a, b := in[(i+len(in)-1)%len(in)], in[i]
			switch ina, inb := sd.in(a), sd.in(b); {
			case ina && inb:
				out = append(out, b)
			case ina:
				out = append(out, sd.cut(a, b))
			case inb:
				out = append(out, sd.cut(a, b), b)
			}
		}
		if len(out) == 0 {
			return nil
		}
	}
	return out
}

// ringArea is the signed area of a ring.
func ringArea(r []xy) float64 {
	var a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return a / 2
}

// labelPoint is where a country's name goes: on the horizontal line
// through the centroid of its largest polygon, the middle of the widest
// stretch of that line inside the polygon (a centroid can fall outside a
// bent country).
func labelPoint(polys [][][]xy) xy {
	best, ba := 0, -1.0
	for i, p := range polys {
		if a := math.Abs(ringArea(p[0])); a > ba {
			best, ba = i, a
		}
	}
	r := polys[best][0]
	var cx, cy, a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		k := p.x*q.y - q.x*p.y
		a += k
		cx += (p.x + q.x) * k
		cy += (p.y + q.y) * k
	}
	if a == 0 {
		return r[0]
	}
	cx, cy = cx/(3*a), cy/(3*a)
	var xs []float64
	for _, ring := range polys[best] {
		for i := range ring {
			p, q := ring[i], ring[(i+1)%len(ring)]
			if (p.y > cy) != (q.y > cy) {
				xs = append(xs, p.x+(cy-p.y)*(q.x-p.x)/(q.y-p.y))
			}
		}
	}
	sort.Float64s(xs)
	out, w := xy{cx, cy}, -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if d := xs[i+1] - xs[i]; d > w {
			w = d
			out = xy{(xs[i] + xs[i+1]) / 2, cy}
		}
	}
	return out
}

// mapYears are the years of a map's points, in order, and the index of
// the year the map shows first (Spec.Year, or the latest).
func mapYears(s Spec) ([]int, int) {
	seen := map[int]bool{}
	var years []int
	for _, sr := range s.Series {
		for _, p := range sr.Points {
			if y := int(p.X); finite(p.X) && !seen[y] {
				seen[y] = true
				years = append(years, y)
			}
		}
	}
	sort.Ints(years)
	cur := len(years) - 1
	for i, y := range years {
		if y == s.Year {
			cur = i
		}
	}
	return years, cur
}

// mapPoint is a series' point of year y; a missing point when it has none.
func mapPoint(sr Series, y int) Point {
	for _, p := range sr.Points {
		if finite(p.X) && int(p.X) == y {
			return p
		}
	}
	return Point{X: float64(y), Y: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
}

// mapYear is the year a map shows (its spec's, or its latest).
func mapYear(s Spec) int {
	years, cur := mapYears(s)
	if cur < 0 {
		return s.Year
	}
	return years[cur]
}

// mapRange is the colour scale of a map: the scale's bounds, or the range
// of every figure of every year it has.
func mapRange(s Spec) (float64, float64) {
	return heatRange(s, Panel{From: math.MinInt32, HigherIsBetter: s.HigherIsBetter, Min: s.Min, Max: s.Max})
}

// mapColours is the ramp from the scale's lowest value to its highest: dark
// is worse and yellow better, whichever way the scale runs.
func mapColours(s Spec) []string { return heatColours(Panel{HigherIsBetter: s.HigherIsBetter}) }

// frameTitle is the title of the map of year y: the spec's title with its
// year replaced.
func frameTitle(s Spec, y int) string {
	cur := strconv.Itoa(mapYear(s))
	if y == mapYear(s) || !strings.Contains(s.Title, cur) {
		return s.Title
	}
	return strings.Replace(s.Title, cur, strconv.Itoa(y), 1)
}

// mapTooltip is the hover text of a country in year y: name, year, value,
// rank and note. It is HTML-escaped here, because ECharts writes a
// formatter string into the tooltip as markup.
func mapTooltip(s Spec, sr Series, y int) string {
	p := mapPoint(sr, y)
	var t string
	if p.Missing() {
		t = fmt.Sprintf("%s, %d: no data", sr.Name, y)
	} else {
		t = fmt.Sprintf("%s, %d: %s", sr.Name, y, tooltipLine(s, p))
	}
	return html.EscapeString(escapeTpl(t))
}

// mapNames are the map's feature names: the shapes' codes, made unique.
func mapName(ps projShape) string { return "c-" + ps.code }

// mapItems are the map series' data of year y: the group's countries
// filled by value (the highlighted ones outlined and in bold), a group
// country without a figure hatched, the context countries grey.
func mapItems(s Spec, shapes []projShape, y int) []any {
	series := map[string]Series{}
	for _, sr := range s.Series {
		series[sr.Code] = sr
	}
	var items []any
	for _, ps := range shapes {
		sr, ok := series[ps.code]
		if !ok {
			// The series' own style, label (none) and value (none) are
			// the context's: every year repeats these items.
			items = append(items, map[string]any{"name": mapName(ps),
				"emphasis": map[string]any{"disabled": true},
				"tooltip":  map[string]any{"formatter": html.EscapeString(escapeTpl(ps.name))}})
			continue
		}
		p := mapPoint(sr, y)
		label := map[string]any{"show": true, "formatter": escapeTpl(sr.Name)}
		style := map[string]any{"borderColor": "#555555", "borderWidth": 0.8}
		if sr.Highlight {
			label["fontWeight"] = "bold"
			label["fontSize"] = 12
			style = map[string]any{"borderColor": "#000000", "borderWidth": 2.2}
		}
		item := map[string]any{"name": mapName(ps), "label": label, "itemStyle": style,
			"tooltip": map[string]any{"formatter": mapTooltip(s, sr, y)}}
		if p.Missing() {
			item["value"] = "-"
			style["areaColor"] = mapNoData
			style["decal"] = hatchDecal()
		} else {
			item["value"] = p.Y
		}
		items = append(items, item)
	}
	return items
}

// hatchDecal is ECharts' pattern for "no data": grey diagonal lines.
func hatchDecal() map[string]any {
	return map[string]any{"symbol": "rect", "symbolSize": 1, "color": mapHatch, "dashArrayX": []any{1, 0},
		"dashArrayY": []any{1.5, 4}, "rotation": -math.Pi / 4, "backgroundColor": mapNoData}
}

// geoJSON is the map's outlines as GeoJSON in map coordinates, for
// echarts.registerMap; each feature is named by its country's code and
// carries its label point. Coordinates are whole kilometres (a pixel of a
// map 876 pixels wide is 2 km of the smallest group's frame and 12 km of
// the post-Soviet one), and a point that rounds onto the one before it is
// left out: the outlines are most of a page's weight.
func geoJSON(shapes []projShape) map[string]any {
	var feats []any
	r := func(v float64) float64 { return math.Round(v) }
	for _, ps := range shapes {
		var coords []any
		for _, p := range ps.polys {
			var rings []any
			for _, ring := range p {
				var pts []any
				var last [2]float64
				for i, q := range ring {
					pt := [2]float64{r(q.x), r(q.y)}
					if i > 0 && pt == last {
						continue
					}
					last = pt
					pts = append(pts, []any{pt[0], pt[1]})
				}
				if len(pts) < 3 {
					if len(rings) == 0 {
						break // the outer ring is gone, and its holes with it
					}
					continue
				}
				pts = append(pts, []any{r(ring[0].x), r(ring[0].y)})
				rings = append(rings, pts)
			}
			if len(rings) > 0 {
				coords = append(coords, rings)
			}
		}
		feats = append(feats, map[string]any{"type": "Feature",
			"properties": map[string]any{"name": mapName(ps), "cp": []any{r(ps.label.x), r(ps.label.y)}},
			"geometry":   map[string]any{"type": "MultiPolygon", "coordinates": coords}})
	}
	return map[string]any{"type": "FeatureCollection", "features": feats}
}

// geoName is the name a map's outlines are registered under in ECharts:
// one per chart, so that two maps on one page keep their own outlines.
func geoName(s Spec) string { return "geo-" + chartID(s) }

// mapTitleGap is the room other charts keep under the source line for an
// axis name, which a map does not need.
const mapTitleGap = 18

// mapHeight is the height in pixels of a map's HTML drawing of a frame.
func mapHeight(f mapFrame) int {
	return int(math.Round(876 * f.h() / f.w()))
}

func buildMap(s Spec) (map[string]any, int, []byte, error) {
	if len(s.Shapes) == 0 {
		return nil, 0, nil, fmt.Errorf("charts: map %q has no shapes", s.Title)
	}
	g, err := cachedGeometry(s)
	if err != nil {
		return nil, 0, nil, err
	}
	shapes, f := g.shapes, g.frame
	years, cur := mapYears(s)
	if cur < 0 {
		years, cur = []int{s.Year}, 0
	}
	h := layout(s, false)
	// A map has no axis name above it: it starts under the source line.
	top := h.plotTop - mapTitleGap
	mapH := mapHeight(f)
	slider := len(years) > 1
	// Under the map, from the bottom up: the slider, the credit, the
	// swatches, the colour bar.
	base := 0
	if slider {
		base = 46
	}
	bottom := base + 96
	height := top + mapH + bottom
	vmin, vmax := mapRange(s)
	name := geoName(s)
	series := map[string]any{"type": "map", "map": name, "aspectScale": 1, "roam": false, "selectedMode": false, "showLegendSymbol": false,
		"boundingCoords": []any{[]any{f.x0, f.y1}, []any{f.x1, f.y0}},
		// The box is the frame's shape at the chart's width (the page's
		// fit keeps it so at any width), so the map fills it.
		"top": top, "left": 12, "right": 12, "bottom": bottom,
		"itemStyle":   map[string]any{"areaColor": mapContextBG, "borderColor": mapBorder, "borderWidth": 0.6},
		"label":       map[string]any{"show": false, "fontSize": 10, "color": "#111111", "textBorderColor": "#ffffff", "textBorderWidth": 2.5},
		"emphasis":    map[string]any{"itemStyle": map[string]any{"areaColor": "#f28e2b"}, "label": map[string]any{"show": true}},
		"labelLayout": map[string]any{"hideOverlap": true},
		"data":        mapItems(s, shapes, years[cur])}
	better, worse := s.Lang.T("chart.better"), s.Lang.T("chart.worse")
	m := map[string]any{
		"series": []any{series},
		"visualMap": []any{map[string]any{"type": "continuous", "min": vmin, "max": vmax, "calculable": false, "seriesIndex": 0,
			"orient": "horizontal", "left": 24, "bottom": base + 62, "itemWidth": 12, "itemHeight": 220,
			"text":       []any{fmt.Sprintf("%s (%s)", s.format(vmax), pick(s.HigherIsBetter, better, worse)), fmt.Sprintf("%s:   %s (%s)", s.YLabel, s.format(vmin), pick(s.HigherIsBetter, worse, better))},
			"inRange":    map[string]any{"color": mapColours(s)},
			"outOfRange": map[string]any{"color": mapContextBG},
			"textStyle":  map[string]any{"fontSize": 11, "color": "#222222"}}},
		"graphic": mapLegend(s, base),
		"legend":  map[string]any{"show": false},
	}
	if slider {
		m["timeline"] = map[string]any{"axisType": "category", "data": intStrings(years), "currentIndex": cur, "autoPlay": false,
			"playInterval": 1500, "left": 40, "right": 40, "bottom": 4, "symbolSize": 8,
			"label": map[string]any{"fontSize": 10, "color": "#333333"}, "checkpointStyle": map[string]any{"color": "#0072B2"},
			"controlStyle": map[string]any{"itemSize": 16}}
		var opts []any
		for _, y := range years {
			opts = append(opts, map[string]any{"title": map[string]any{"text": frameTitle(s, y)},
				"series": []any{map[string]any{"data": mapItems(s, shapes, y)}}})
		}
		m["options"] = opts
	}
	return m, height, g.geo, nil
}

// mapLegend draws the keys a colour bar cannot: "no data" (hatched) and
// the grey of the countries outside the group, and the boundaries credit.
func mapLegend(s Spec, base int) []any {
	y := base + 34
	swatch := func(x int, fill string, hatch bool, text string) []any {
		kids := []any{map[string]any{"type": "rect", "shape": map[string]any{"x": 0, "y": 0, "width": 18, "height": 12},
			"style": map[string]any{"fill": fill, "stroke": "#777777", "lineWidth": 0.8}}}
		if hatch {
			for _, d := range [][4]float64{{0, 6, 6, 0}, {0, 12, 12, 0}, {6, 12, 18, 0}, {12, 12, 18, 6}} {
				kids = append(kids, map[string]any{"type": "line", "shape": map[string]any{"x1": d[0], "y1": d[1], "x2": d[2], "y2": d[3]},
					"style": map[string]any{"stroke": mapHatch, "lineWidth": 1}})
			}
		}
		return []any{map[string]any{"type": "group", "left": x, "bottom": y, "silent": true, "children": kids},
			map[string]any{"type": "text", "left": x + 24, "bottom": y, "silent": true,
				"style": map[string]any{"text": text, "fontSize": 11, "fill": "#222222"}}}
	}
	var els []any
	noData := s.Lang.T("chart.no_data")
	els = append(els, swatch(24, mapNoData, true, noData)...)
	els = append(els, swatch(24+24+textPx(noData)+24, mapContextBG, false, s.Lang.T("chart.not_in_group"))...)
	if s.Credit != "" {
		// The page's fit wraps the credit at narrow widths, by its id.
		els = append(els, map[string]any{"type": "text", "id": "rk-credit", "left": 24, "bottom": y - 24, "silent": true,
			"style": map[string]any{"text": s.Credit, "fontSize": 10, "fill": "#555555"}})
	}
	return els
}

// textPx estimates the width in pixels of text at 11 pixels.
func textPx(t string) int { return 6 * len([]rune(t)) }

func intStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

// ---- description and table ----

func describeMap(b *strings.Builder, s Spec) {
	y := mapYear(s)
	type row struct {
		name string
		p    Point
	}
	var have []row
	var missing []string
	for _, sr := range s.Series {
		if p := mapPoint(sr, y); !p.Missing() {
			have = append(have, row{sr.Name, p})
		} else {
			missing = append(missing, sr.Name)
		}
	}
	sort.SliceStable(have, func(i, j int) bool {
		if s.HigherIsBetter {
			return have[i].p.Y > have[j].p.Y
		}
		return have[i].p.Y < have[j].p.Y
	})
	b.WriteString(s.Lang.T("chart.map.describe", s.Title, s.Entities.countIn(s.Lang, len(s.Series)), s.direction()))
	if len(have) > 0 {
		place := func(r row) string {
			if r.p.Rank > 0 && r.p.RankOf > 0 {
				return s.Lang.T("chart.map.place_rank", r.name, s.text(r.p), ordinalIn(s.Lang, r.p.Rank), r.p.RankOf)
			}
			return fmt.Sprintf("%s (%s)", r.name, s.text(r.p))
		}
		if len(have) > 1 {
			b.WriteString(s.Lang.T("chart.map.best_worst", place(have[0]), place(have[len(have)-1])))
		} else {
			b.WriteString(s.Lang.T("chart.map.best", place(have[0])))
		}
	}
	if len(missing) > 0 {
		b.WriteString(s.Lang.T("chart.map.missing", strings.Join(missing, ", ")))
	}
	var hl []string
	for _, sr := range s.Series {
		if sr.Highlight {
			hl = append(hl, sr.Name)
		}
	}
	if len(hl) > 0 {
		b.WriteString(s.Lang.T("chart.map.outlined", strings.Join(hl, ", ")))
	}
	if years, _ := mapYears(s); len(years) > 1 {
		b.WriteString(s.Lang.T("chart.map.slider", years[0], years[len(years)-1]))
	}
}

func mapTable(s Spec) Table {
	y := mapYear(s)
	t := Table{Caption: s.Lang.T("chart.table.figures_dir", s.Title, s.direction()), Header: []string{s.Entities.headerIn(s.Lang), s.Lang.T("chart.col.value"), s.Lang.T("chart.col.global_rank")}}
	var fn footnotes
	rows := make([]Series, len(s.Series))
	copy(rows, s.Series)
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := mapPoint(rows[i], y), mapPoint(rows[j], y)
		if a.Missing() != b.Missing() {
			return !a.Missing()
		}
		if s.HigherIsBetter {
			return a.Y > b.Y
		}
		return a.Y < b.Y
	})
	for _, sr := range rows {
		p := mapPoint(sr, y)
		rank := ""
		if p.Rank > 0 && p.RankOf > 0 && !p.Missing() {
			rank = s.Lang.T("chart.k_of_n", p.Rank, p.RankOf)
		}
		t.Rows = append(t.Rows, []Cell{{Text: sr.Name}, {Text: fn.mark(s.text(p), pointNote(p)), Num: true}, {Text: rank, Num: true}})
	}
	t.Notes = fn.notes
	return t
}

// geoNameOf is the registered name of a built chart's outlines, "" when it
// has none.
func geoNameOf(c *Chart) string {
	if len(c.geo) == 0 {
		return ""
	}
	return geoName(c.Spec)
}
