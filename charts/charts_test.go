package charts

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var nan = math.NaN()

func pt(x, y float64) Point { return Point{X: x, Y: y, Lo: nan, Hi: nan} }

// fixture returns a small spec of each kind with the given country names
// (at least three), title and free text, so that the same fixtures serve
// the golden, NaN and hostile-input tests.
func fixture(k Kind, names []string, text string) Spec {
	base := Spec{Kind: k, Indicator: "ind", Title: text + " title", Subtitle: "Source: " + text + " publisher, 2025 edition",
		Citation: text + " citation", XLabel: text + " x, higher is better", YLabel: text + " y, higher is better",
		HigherIsBetter: true, XHigherIsBetter: true, Decimals: 1, Min: 0, Max: 100, Notes: []string{text + " note"}}
	switch k {
	case Ranking:
		base.Year = 2025
		for i, n := range names {
			p := pt(2025, float64(80-20*i))
			p.Rank, p.RankOf = 10+i*50, 180
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Highlight: i == 1, Points: []Point{p}})
		}
	case Timeline:
		base.Breaks = []Break{{Year: 2013, Label: "2013: " + text + " new method"}}
		base.Band = text + " band"
		for i, n := range names {
			var pts []Point
			for y := 2010; y <= 2016; y++ {
				if y == 2011 {
					continue // a gap
				}
				p := pt(float64(y), float64(30+10*i+y-2010))
				if i == 0 {
					p.Lo, p.Hi = p.Y-2, p.Y+2
				}
				pts = append(pts, p)
			}
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Points: pts})
		}
		base.Events = []Event{
			{Country: names[0], Date: "2012-03-04", Class: "partly_met", Label: "partly met", Type: "presidential", Summary: text + " summary", Source: "https://example.org/r1", SourceKind: text + " secondary source"},
			{Country: names[1], Date: "2015-10-11", Class: "met", Label: "met commitments", Type: "parliamentary", Summary: text + " summary 2", Source: "https://example.org/r2"},
		}
	case Profile:
		base.Categories = []string{text + " A", text + " B", text + " C", text + " D"}
		base.CategoryNotes = []string{text + " scale, higher is better", text + " scale; " + text + " percentile", "", text + " scale, lower is better"}
		for i, n := range names {
			var pts []Point
			for j := range base.Categories {
				pts = append(pts, Point{X: float64(j), Y: float64(20 + 15*i + 10*j), Lo: nan, Hi: nan, Text: strconv.Itoa(j), Rank: 150 - 27*i - 18*j, RankOf: 180})
			}
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Points: pts})
		}
	case Heatmap:
		for i, n := range names {
			var pts []Point
			for y := 2020; y <= 2023; y++ {
				if i == 2 && y == 2021 {
					continue
				}
				pts = append(pts, pt(float64(y), float64(10*i+y-2000)))
			}
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Points: pts})
		}
	case Scatter:
		base.Year = 2023
		base.Min, base.Max = nan, nan
		for i, n := range names {
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Points: []Point{{X: float64(i) - 1, Y: float64(30 + 20*i), Lo: nan, Hi: nan, Text: "x; y"}}})
		}
	case Slope:
		for i, n := range names {
			base.Series = append(base.Series, Series{Name: n, Code: "C" + strconv.Itoa(i), Points: []Point{pt(2014, float64(40+10*i)), pt(2024, float64(60-10*i))}})
		}
	case Map:
		base.Year = 2022
		base.Credit = text + " boundaries credit"
		box := func(lon, lat float64) [][][][2]float64 {
			return [][][][2]float64{{{{lon, lat}, {lon + 8, lat}, {lon + 8, lat + 6}, {lon, lat + 6}}}}
		}
		for i, n := range names {
			var pts []Point
			for y := 2020; y <= 2023; y++ {
				if i == 2 && y == 2022 {
					continue // no data in the year shown
				}
				p := pt(float64(y), float64(20+25*i+y-2020))
				p.Rank, p.RankOf = 100-30*i, 180
				pts = append(pts, p)
			}
			code := "C" + strconv.Itoa(i)
			base.Series = append(base.Series, Series{Name: n, Code: code, Highlight: i == 1, Points: pts})
			base.Shapes = append(base.Shapes, Shape{Code: code, Name: n, Polygons: box(50+8*float64(i), 45)})
		}
		base.Shapes = append(base.Shapes, Shape{Code: "CTX", Name: text + " neighbour", Polygons: box(50, 51)})
	}
	return base
}

var plainNames = []string{"Estonia", "Kazakhstan", "Uzbekistan"}

func build(t *testing.T, s Spec) *Chart {
	t.Helper()
	c, err := Build(s)
	if err != nil {
		t.Fatalf("Build(%s): %v", s.Kind, err)
	}
	return c
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./charts -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./charts -update and review the diff)\n got: %.400s\nwant: %.400s", name, got, want)
	}
}

// TestGolden pins the option JSON and the HTML fragment of every kind.
func TestGolden(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			c := build(t, fixture(k, plainNames, "Test"))
			var opt bytes.Buffer
			if err := json.Indent(&opt, c.Option(), "", "  "); err != nil {
				t.Fatal(err)
			}
			opt.WriteByte('\n')
			golden(t, string(k)+".option.json", opt.Bytes())
			var frag bytes.Buffer
			if err := c.WriteFragment(&frag, Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, string(k)+".fragment.html", frag.Bytes())
		})
	}
}

func TestDeterministicIDs(t *testing.T) {
	seen := map[string]Kind{}
	for _, k := range Kinds() {
		a, b := build(t, fixture(k, plainNames, "Test")), build(t, fixture(k, plainNames, "Test"))
		if a.ID != b.ID || !bytes.Equal(a.Option(), b.Option()) {
			t.Errorf("%s: two builds differ: %s vs %s", k, a.ID, b.ID)
		}
		if !regexp.MustCompile(`^rk-[a-z]+-[0-9a-f]{12}$`).MatchString(a.ID) {
			t.Errorf("%s: id %q is not rk-<kind>-<hash>", k, a.ID)
		}
		if other, ok := seen[a.ID]; ok {
			t.Errorf("%s and %s share id %s", k, other, a.ID)
		}
		seen[a.ID] = k
		// Another country set gives another id.
		c := build(t, fixture(k, []string{"Georgia", "Armenia", "Azerbaijan"}, "Test"))
		for i := range c.Spec.Series {
			c.Spec.Series[i].Code = "X" + strconv.Itoa(i)
		}
		if d := build(t, c.Spec); d.ID == a.ID {
			t.Errorf("%s: other countries, same id %s", k, a.ID)
		}
	}
}

// hostile are names that would run script if any output wrote them as
// markup or code; each sets a trap the browser test checks.
var hostile = []string{
	`</script><img src=x onerror="window.__pwned=1">`,
	`__f__window.__pwned=2__f__`,
	`"};window.__pwned=3;//<!--`,
	`<svg onload=window.__pwned=4>{a}{b}&amp;`,
}

var scriptRE = regexp.MustCompile(`(?s)<script[^>]*>(.*?)</script>`)

// TestHostileStringsAreText feeds script-like names, titles, notes and
// summaries through every kind and every output.
func TestHostileStringsAreText(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			spec := fixture(k, hostile[:3], hostile[3]+hostile[1])
			c := build(t, spec)
			opt := c.Option()
			if bytes.ContainsAny(opt, "<>&") {
				t.Errorf("option JSON holds a raw <, > or &: %.300s", opt)
			}
			if bytes.Contains(opt, []byte("__f__")) || bytes.Contains(opt, []byte("__")) {
				t.Errorf("option JSON holds a __f__ marker")
			}
			// The strings survive as text: decoding the option gives them
			// back unchanged.
			var m map[string]any
			if err := json.Unmarshal(opt, &m); err != nil {
				t.Fatal(err)
			}
			if got := m["title"].(map[string]any)["text"]; got != spec.Title {
				t.Errorf("title decodes to %q, want %q", got, spec.Title)
			}
			if !strings.Contains(string(mustJSON(t, m)), hostile[0]) && k != Scatter {
				t.Errorf("the hostile country name is not in the decoded option")
			}
			for _, write := range []func(io.Writer) error{
				func(w io.Writer) error { return c.WritePage(w, Options{}) },
				func(w io.Writer) error { return c.WriteFragment(w, Options{}) },
				func(w io.Writer) error {
					return WriteDocument(w, Document{Title: hostile[0], Subtitle: hostile[1], Sections: []Section{{Heading: hostile[2], Paragraphs: hostile, Chart: c,
						Tables: c.Tables(), List: []Cell{{Text: hostile[0], Href: "javascript:alert(1)"}}}}}, Options{})
				},
			} {
				var b bytes.Buffer
				if err := write(&b); err != nil {
					t.Fatal(err)
				}
				html := b.String()
				for _, bad := range []string{"<img", "<svg", "onerror=\"window", "javascript:alert"} {
					if strings.Contains(html, bad) {
						t.Errorf("HTML holds %q", bad)
					}
				}
				if !strings.Contains(html, "&lt;/script&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;") {
					t.Errorf("the hostile name is not in the HTML as escaped text")
				}
				for _, s := range scriptRE.FindAllStringSubmatch(html, -1) {
					if strings.Contains(s[1], "__f__") || strings.Contains(s[1], "<") && !strings.Contains(s[1], "echarts") {
						t.Errorf("a script holds data markup: %.200s", s[1])
					}
				}
			}
			var svg bytes.Buffer
			if err := c.WriteSVG(&svg); err != nil {
				t.Fatal(err)
			}
			texts := svgTexts(t, svg.Bytes())
			if !strings.Contains(strings.Join(texts, "\n"), spec.Title) {
				t.Errorf("SVG does not hold the title as text")
			}
			if strings.Contains(svg.String(), "<img") || strings.Contains(svg.String(), "<svg onload") {
				t.Errorf("SVG holds injected markup")
			}
			if err := c.WritePNG(io.Discard); err != nil {
				t.Fatal(err)
			}
			for _, tb := range c.Tables() {
				if tb.Caption == "" || len(tb.Rows) == 0 {
					t.Errorf("empty table %+v", tb)
				}
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	// Back to plain text for Contains checks.
	var s strings.Builder
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if str, ok := tok.(string); ok {
			s.WriteString(str + "\n")
		}
	}
	return []byte(s.String())
}

// svgTexts parses an SVG as XML and returns its text elements.
func svgTexts(t *testing.T, b []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var texts []string
	inText := false
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not valid XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = el.Name.Local
			}
			inText = el.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(el))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if root != "svg" {
		t.Fatalf("SVG root element is %q", root)
	}
	return texts
}

// TestNonFiniteNeverReachesECharts: NaN and ±Inf anywhere in a spec are
// gaps; the option is valid JSON with no NaN, and every output renders.
func TestNonFiniteNeverReachesECharts(t *testing.T) {
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			s := fixture(k, plainNames, "Gap")
			s.Min, s.Max = math.Inf(-1), math.NaN()
			gaps := 0
			for i := range s.Series {
				for j := range s.Series[i].Points {
					if (i+j)%2 == 0 {
						p := &s.Series[i].Points[j]
						p.Y = bad[(i+j)%3]
						p.Lo, p.Hi = math.Inf(-1), math.NaN()
						gaps++
					}
				}
			}
			if k == Scatter {
				s.Series[2].Points[0].X = math.NaN()
			}
			c := build(t, s)
			opt := c.Option()
			if !json.Valid(opt) {
				t.Fatalf("option is not valid JSON: %.200s", opt)
			}
			for _, w := range []string{"NaN", "Infinity", "null"} {
				if bytes.Contains(opt, []byte(w)) {
					t.Errorf("option holds %s", w)
				}
			}
			// A profile writes "no data" instead (TestProfileNoData).
			if k == Timeline || k == Slope {
				if !bytes.Contains(opt, []byte(`"-"`)) {
					t.Errorf("missing values are not ECharts gaps (\"-\")")
				}
			}
			var b bytes.Buffer
			if err := c.WritePage(&b, Options{}); err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(`var option = \{.+\};`).Match(b.Bytes()) {
				t.Errorf("page has no non-empty option")
			}
			if err := c.WriteSVG(io.Discard); err != nil {
				t.Fatal(err)
			}
			if err := c.WritePNG(io.Discard); err != nil {
				t.Fatal(err)
			}
			if d := c.Description(); strings.Contains(d, "NaN") || strings.Contains(d, "Inf") {
				t.Errorf("description prints a non-finite number: %s", d)
			}
		})
	}
	if _, err := safeJSON(map[string]any{"v": math.NaN()}); err == nil {
		t.Error("safeJSON accepted NaN: a NaN would blank the chart")
	}
}

func TestStaticImages(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			c := build(t, fixture(k, plainNames, "Static"))
			w, h := c.StaticSize()
			if w != 960*DefaultPNGScale || h < 200 || h > 4000 {
				t.Errorf("StaticSize = %d×%d", w, h)
			}
			var pb bytes.Buffer
			if err := c.WritePNG(&pb); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&pb)
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
				t.Errorf("PNG is %v, want %d×%d", b, w, h)
			}
			// Not blank: the palette's blue or vermillion is drawn.
			coloured := 0
			for y := 0; y < h; y += 2 {
				for x := 0; x < w; x += 2 {
					r, g, b, _ := img.At(x, y).RGBA()
					if r>>8 != g>>8 || g>>8 != b>>8 {
						coloured++
					}
				}
			}
			if coloured < 30 {
				t.Errorf("PNG has only %d coloured pixels", coloured)
			}
			var sb bytes.Buffer
			if err := c.WriteSVG(&sb); err != nil {
				t.Fatal(err)
			}
			texts := strings.Join(svgTexts(t, sb.Bytes()), "\n")
			for _, want := range []string{"Static title", "Source: Static publisher", "Cite: Static citation"} {
				if !strings.Contains(texts, want) {
					t.Errorf("SVG lacks %q", want)
				}
			}
			m := regexp.MustCompile(`viewBox="0 0 ([0-9.]+) ([0-9.]+)"`).FindSubmatch(sb.Bytes())
			if m == nil {
				t.Fatal("SVG has no viewBox")
			}
			vw, _ := strconv.ParseFloat(string(m[1]), 64)
			vh, _ := strconv.ParseFloat(string(m[2]), 64)
			if int(math.Round(vw*StaticDPI*DefaultPNGScale/72)) != w || int(math.Round(vh*StaticDPI*DefaultPNGScale/72)) != h {
				t.Errorf("SVG is %gx%g pt, want %d×%d px", vw, vh, w, h)
			}
			var again bytes.Buffer
			_ = c.WriteSVG(&again)
			if !bytes.Equal(sb.Bytes(), again.Bytes()) {
				t.Error("SVG differs between two writes")
			}
		})
	}
}

// series returns the option's series.
func optionOf(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(c.Option(), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTimelineGapsAndBreaks(t *testing.T) {
	c := build(t, fixture(Timeline, plainNames, "T"))
	m := optionOf(t, c)
	x := m["xAxis"].([]any)[0].(map[string]any)
	if x["type"] != "time" || x["min"] != "2010-01-01" || x["max"] != "2017-01-01" {
		t.Fatalf("x axis = %v %v–%v, want a time axis over 2010–2016", x["type"], x["min"], x["max"])
	}
	var estonia [][]any
	for _, s := range m["series"].([]any) {
		sm := s.(map[string]any)
		if sm["name"] == "Estonia" && sm["stack"] == nil && sm["silent"] != true {
			estonia = append(estonia, sm["data"].([]any))
		}
	}
	if len(estonia) != 2 {
		t.Fatalf("Estonia has %d line segments, want 2 (split at the 2013 break)", len(estonia))
	}
	// value returns the value a segment draws at a year's mid-point, and
	// false when the segment has no point there.
	value := func(seg []any, year int) (any, bool) {
		for _, d := range seg {
			v := d.(map[string]any)["value"].([]any)
			if v[0] == fmt.Sprintf("%d-07-01", year) {
				return v[1], true
			}
		}
		return nil, false
	}
	// Segment 1 ends before 2013, segment 2 starts at 2013: never joined.
	if _, ok := value(estonia[0], 2013); ok {
		t.Error("the first segment runs past the 2013 break")
	}
	if _, ok := value(estonia[1], 2012); ok {
		t.Error("the second segment starts before the 2013 break")
	}
	if v, _ := value(estonia[0], 2011); v != "-" {
		t.Errorf("2011 should be a gap: %v", v)
	}
	if v, _ := value(estonia[0], 2010); v != 30.0 {
		t.Errorf("2010 = %v, want 30", v)
	}
	ml := m["series"].([]any)[0].(map[string]any)["markLine"].(map[string]any)["data"].([]any)
	if len(ml) != 1 || ml[0].(map[string]any)["xAxis"] != "2013-01-01" || ml[0].(map[string]any)["name"] != "2013: T new method" {
		t.Errorf("break markLine = %v", ml)
	}
	// A band for Estonia (it has bounds), stacked, without tooltip.
	bands := 0
	for _, s := range m["series"].([]any) {
		if sm := s.(map[string]any); sm["stack"] != nil {
			bands++
			if sm["tooltip"].(map[string]any)["show"] != false {
				t.Error("band series shows a tooltip")
			}
		}
	}
	if bands != 4 {
		t.Errorf("%d band series, want 4 (lower + width, two segments)", bands)
	}
	// Estonia's 2010 (before the 2011 gap) and 2012 (alone before the
	// break) have no neighbouring interval to make an area with: each is a
	// bar from its lower to its upper bound, so that no interval is lost.
	var bars []string
	for _, s := range m["series"].([]any) {
		sm := s.(map[string]any)
		if sm["silent"] == true && sm["stack"] == nil {
			bars = append(bars, fmt.Sprint(sm["name"], sm["data"]))
			if sm["tooltip"].(map[string]any)["show"] != false {
				t.Error("interval bar shows a tooltip")
			}
		}
	}
	if want := "Estonia[[2010-07-01 28] [2010-07-01 32]],Estonia[[2012-07-01 30] [2012-07-01 34]]"; strings.Join(bars, ",") != want {
		t.Errorf("interval bars = %v, want %s", bars, want)
	}
	// Election markers in their own strip, coloured by assessment.
	var ev []string
	for _, s := range m["series"].([]any) {
		sm := s.(map[string]any)
		if sm["type"] == "scatter" {
			ev = append(ev, sm["name"].(string)+" "+sm["itemStyle"].(map[string]any)["color"].(string))
			d := sm["data"].([]any)[0].(map[string]any)
			if !strings.Contains(d["name"].(string), "T summary") {
				t.Errorf("marker hover text %q lacks the summary", d["name"])
			}
		}
	}
	if strings.Join(ev, ",") != "ODIHR: met commitments #009E73,ODIHR: partly met #E69F00" {
		t.Errorf("election series = %v", ev)
	}
}

func TestRankingOrderAndLabels(t *testing.T) {
	s := fixture(Ranking, plainNames, "R")
	// Lower is better: the lowest value comes first.
	s.HigherIsBetter = false
	m := optionOf(t, build(t, s))
	cats := m["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if cats[0] != "Uzbekistan" || cats[2] != "Estonia" {
		t.Errorf("lower-is-better order = %v", cats)
	}
	if hl, ok := cats[1].(map[string]any); !ok || hl["value"] != "Kazakhstan" {
		t.Errorf("highlighted Kazakhstan is not styled: %v", cats[1])
	}
	// The labelled bars are the indicator's series (a lower-is-better
	// ranking stacks them on an invisible base so that they start at the
	// scale's worst end).
	var data []any
	for _, sr := range m["series"].([]any) {
		if sm := sr.(map[string]any); sm["name"] == "ind" {
			data = sm["data"].([]any)
		}
	}
	label := data[0].(map[string]any)["label"].(map[string]any)["formatter"]
	if label != "40.0  ·  110 of 180" {
		t.Errorf("first bar label = %q", label)
	}
	if x := m["xAxis"].([]any)[0].(map[string]any); x["name"] != "R x, higher is better" || x["max"] != 100.0 {
		t.Errorf("value axis = %v", x)
	}
}

func TestDescribe(t *testing.T) {
	s := fixture(Ranking, plainNames, "R")
	d := Describe(s)
	for _, want := range []string{"3 countries ordered from best to worst (higher is better)", "First is Estonia (80.0, 10th of the 180 countries and territories ranked)",
		"last is Uzbekistan (40.0, 110th of the 180 countries and territories ranked)", "Highlighted (orange bar, bold name): Kazakhstan", "R note"} {
		if !strings.Contains(d, want) {
			t.Errorf("description lacks %q:\n%s", want, d)
		}
	}
	// A chart of territories, or of both, says so in its description and
	// its table.
	for _, c := range []struct {
		e      Entities
		count  string
		header string
	}{{Territories, "3 territories ordered", "Territory"}, {CountriesAndTerritories, "3 countries and territories ordered", "Country or territory"}} {
		st := fixture(Ranking, plainNames, "R")
		st.Entities = c.e
		if d := Describe(st); !strings.Contains(d, c.count) {
			t.Errorf("entities %d: description lacks %q:\n%s", c.e, c.count, d)
		}
		if h := Tables(st)[0].Header[0]; h != c.header {
			t.Errorf("entities %d: table header %q, want %q", c.e, h, c.header)
		}
	}
	sl := Describe(fixture(Slope, plainNames, "S"))
	if !strings.Contains(sl, "Estonia improved from 40.0 to 60.0") || !strings.Contains(sl, "Uzbekistan worsened from 60.0 to 40.0") {
		t.Errorf("slope description: %s", sl)
	}
	// A change too small to show at the chart's precision is not called
	// an improvement.
	tiny := fixture(Slope, plainNames, "S")
	tiny.Series[0].Points[1].Y = tiny.Series[0].Points[0].Y + 0.04
	if sl := Describe(tiny); !strings.Contains(sl, "Estonia unchanged at 40.0") {
		t.Errorf("slope description of a change of 0.04 at one decimal: %s", sl)
	}
	tl := Describe(fixture(Timeline, plainNames, "T"))
	if !strings.Contains(tl, "Methodology breaks in 2013") || !strings.Contains(tl, "Estonia: 33.0 in 2013, 36.0 in 2016") {
		t.Errorf("timeline description: %s", tl)
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st",
		22: "22nd", 23: "23rd", 101: "101st", 111: "111th", 112: "112th", 141: "141st", 148: "148th", 180: "180th"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestFragmentsDoNotClash(t *testing.T) {
	a := build(t, fixture(Ranking, plainNames, "A"))
	b := build(t, fixture(Slope, plainNames, "B"))
	if a.ID == b.ID {
		t.Fatal("two charts share an id")
	}
	var page bytes.Buffer
	_ = a.WriteFragment(&page, Options{})
	_ = b.WriteFragment(&page, Options{})
	for _, s := range scriptRE.FindAllStringSubmatch(page.String(), -1) {
		body := strings.TrimSpace(s[1])
		if !strings.HasPrefix(body, "(function () {") || !strings.HasSuffix(body, "})();") {
			t.Errorf("fragment script is not wrapped in a function (it would declare globals): %.80s", body)
		}
	}
	if n := strings.Count(page.String(), `id="`+a.ID+`"`); n != 1 {
		t.Errorf("id %s appears %d times", a.ID, n)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, s := range []Spec{
		{Kind: "pie", Title: "x", Series: []Series{{Name: "a"}}},
		{Kind: Ranking, Series: []Series{{Name: "a"}}},
		{Kind: Ranking, Title: "x"},
		{Kind: Profile, Title: "x", Categories: []string{"a", "b"}, Series: []Series{{Name: "a"}}},
	} {
		if _, err := Build(s); err == nil {
			t.Errorf("Build(%+v) succeeded", s)
		}
	}
}

func TestDocumentWithoutChartsLoadsNoLibrary(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDocument(&b, Document{Title: "Index", Sections: []Section{{Heading: "Charts", List: []Cell{{Text: "rsf", Href: "rsf-2023.html"}}}}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script") || !strings.Contains(b.String(), `<a href="rsf-2023.html">rsf</a>`) {
		t.Errorf("index page: %s", b.String())
	}
}

func TestCheckECharts(t *testing.T) {
	if err := CheckECharts([]byte("window.echarts = {};")); err == nil || !strings.Contains(err.Error(), "sha256") {
		t.Errorf("CheckECharts accepted a file that is not the pinned ECharts: %v", err)
	}
	c := build(t, fixture(Ranking, plainNames, "A"))
	if err := c.WritePage(io.Discard, Options{EChartsJS: []byte("x</script>")}); err == nil {
		t.Error("WritePage inlined an unchecked library")
	}
}
