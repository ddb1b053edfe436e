package datasets

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// regionJSON is the region file for map charts (datasets/data/region.json,
// written by the generator from ../shared/maps).
//
//go:embed data/region.json
var regionJSON []byte

// Region is the boundaries of the post-Soviet states and of the countries
// around them, simplified for map charts.
type Region struct {
	// Source names the boundaries file the region was derived from, and
	// SHA256 is that file's hash.
	Source, SHA256 string
	// Credit is the line every map must carry.
	Credit string
	// Simplified says how the lines were simplified.
	Simplified string
	// Shapes are the countries, by ISO3 code.
	Shapes []Shape
}

// Shape is one country's outline.
type Shape struct {
	ISO3 string
	// Name is the boundaries file's short name (maps label countries with
	// the registry's names).
	Name string
	// Role is "post-soviet" for the 15 states, "neighbour" for a country
	// that borders one, "context" for one a map's frame may reach.
	Role string
	// Polygons are the country's polygons, the largest first; each is its
	// rings (the outer ring first, then holes) of longitude, latitude
	// pairs in degrees. Longitudes run from −120° to 240°: Russia's far
	// east continues past 180°, so that no ring crosses the antimeridian.
	Polygons [][][][2]float64
}

type regionFile struct {
	Source     string `json:"source"`
	SHA256     string `json:"sha256"`
	Credit     string `json:"credit"`
	Simplified string `json:"simplified"`
	Countries  []struct {
		ISO3     string        `json:"iso3"`
		Name     string        `json:"name"`
		Role     string        `json:"role"`
		Polygons [][][]float64 `json:"polygons"`
	} `json:"countries"`
}

var (
	regionOnce sync.Once
	region     *Region
	regionErr  error
)

// EmbeddedRegion returns the region file embedded in the binary, parsed
// once.
func EmbeddedRegion() (*Region, error) {
	regionOnce.Do(func() { region, regionErr = ParseRegion(regionJSON) })
	return region, regionErr
}

// ParseRegion reads a region file (the format is in datasets/FORMAT.md).
func ParseRegion(data []byte) (*Region, error) {
	var f regionFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("region file: %w", err)
	}
	r := &Region{Source: f.Source, SHA256: f.SHA256, Credit: f.Credit, Simplified: f.Simplified}
	for _, c := range f.Countries {
		s := Shape{ISO3: c.ISO3, Name: c.Name, Role: c.Role}
		for _, p := range c.Polygons {
			var rings [][][2]float64
			for _, flat := range p {
				if len(flat)%2 != 0 || len(flat) < 8 {
					return nil, fmt.Errorf("region file: %s: a ring of %d numbers is not a ring of at least 4 points", c.ISO3, len(flat))
				}
				ring := make([][2]float64, len(flat)/2)
				for i := range ring {
					ring[i] = [2]float64{flat[2*i], flat[2*i+1]}
				}
				rings = append(rings, ring)
			}
			s.Polygons = append(s.Polygons, rings)
		}
		r.Shapes = append(r.Shapes, s)
	}
	return r, nil
}

// Shape returns the outline of the country with ISO3 code iso3.
func (r *Region) Shape(iso3 string) (Shape, bool) {
	for _, s := range r.Shapes {
		if s.ISO3 == iso3 {
			return s, true
		}
	}
	return Shape{}, false
}

// Contains reports whether the point (lon, lat) lies inside the shape: in
// one of its polygons' outer rings and in none of that polygon's holes.
// Longitudes west of 120°W are taken as east of 180° (Chukotka at −174° is
// 186°), as the region file has them.
func (s Shape) Contains(lon, lat float64) bool {
	if lon < -120 {
		lon += 360
	}
	for _, p := range s.Polygons {
		if len(p) == 0 || !inRing(p[0], lon, lat) {
			continue
		}
		hole := false
		for _, h := range p[1:] {
			if inRing(h, lon, lat) {
				hole = true
				break
			}
		}
		if !hole {
			return true
		}
	}
	return false
}

// inRing is the even–odd rule.
func inRing(r [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > y) != (b[1] > y) && x < (b[0]-a[0])*(y-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
