package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
)

// The ECharts release the pages are written for. Offline pages inline this
// exact file (the npm package echarts@EChartsVersion, dist/echarts.min.js);
// online pages load it from DefaultScriptURL with a Subresource Integrity
// hash, so a changed file is refused by the browser.
const (
	EChartsVersion   = "5.6.0"
	EChartsSHA256    = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"
	DefaultScriptURL = "https://cdn.jsdelivr.net/npm/echarts@" + EChartsVersion + "/dist/echarts.min.js"
	scriptIntegrity  = "sha384-pPi0zxBAoDu6+JXW/C68UZLvBUUtU+7zonhif43rqj7pxsGyqyqzcian2Rj37Rss"
)

// Options say where a page gets the ECharts library.
type Options struct {
	// EChartsJS is the library's source, inlined so that the page opens
	// with no network (offline). It must pass CheckECharts.
	EChartsJS []byte
	// ScriptURL loads the library when it is not inlined; empty means
	// DefaultScriptURL (with its integrity hash).
	ScriptURL string
}

// CheckECharts verifies that js is the pinned ECharts build (SHA-256) and
// that it cannot close the <script> element it is inlined into.
func CheckECharts(js []byte) error {
	sum := sha256.Sum256(js)
	if got := hex.EncodeToString(sum[:]); got != EChartsSHA256 {
		return fmt.Errorf("charts: the ECharts file is not echarts %s dist/echarts.min.js (sha256 %s, want %s)", EChartsVersion, got, EChartsSHA256)
	}
	if bytes.Contains(bytes.ToLower(js), []byte("</script")) {
		return fmt.Errorf("charts: the ECharts file contains </script and cannot be inlined")
	}
	return nil
}

func (o Options) check() error {
	if o.EChartsJS != nil {
		return CheckECharts(o.EChartsJS)
	}
	return nil
}

// view is what the templates see.
type view struct {
	Title     string
	Lang      string
	Inline    template.JS
	Offline   bool
	ScriptURL string
	Integrity string
	Charts    []chartView
	Doc       *Document
	Sections  []sectionView
	// NoLib: the page draws no chart and loads no library.
	NoLib bool
}

type chartView struct {
	ID          string
	Title       string
	Width       int
	Height      int
	Description string
	Source      string
	Notes       []string
	Tables      []Table
	Option      template.JS

	// Geo and GeoName are a map's outlines and the name they are
	// registered under; empty for other kinds.
	Geo     template.JS
	GeoName string
}

type sectionView struct {
	Section
	Chart *chartView
}

func (c *Chart) view() chartView {
	return chartView{ID: c.ID, Title: c.Spec.Title, Width: c.Width, Height: c.Height, Description: describe(c.Spec),
		Source: c.Spec.sourceLine(), Notes: c.Spec.Notes, Tables: c.Tables(), Option: template.JS(c.option),
		Geo: template.JS(c.geo), GeoName: geoNameOf(c)}
}

func newView(o Options, title string) (view, error) {
	if err := o.check(); err != nil {
		return view{}, err
	}
	v := view{Title: title, Lang: "en", Offline: o.EChartsJS != nil, ScriptURL: o.ScriptURL}
	if v.Offline {
		v.Inline = template.JS(o.EChartsJS)
	}
	if v.ScriptURL == "" {
		v.ScriptURL, v.Integrity = DefaultScriptURL, scriptIntegrity
	}
	return v, nil
}

// WritePage writes the chart as a complete HTML page: the chart, its
// description, source and data table.
func (c *Chart) WritePage(w io.Writer, o Options) error {
	v, err := newView(o, c.Spec.Title)
	if err != nil {
		return err
	}
	v.Charts = []chartView{c.view()}
	return tpl.ExecuteTemplate(w, "page", v)
}

// WriteFragment writes the chart as an embeddable fragment: a <figure> with
// the chart, description and table, and a <script> that draws it. It works
// pasted into any HTML page: it loads ECharts once if the page has not (or
// inlines it when o.EChartsJS is set), declares no global names, and its
// element ids are derived from the chart's content, so several fragments
// on one page do not clash.
func (c *Chart) WriteFragment(w io.Writer, o Options) error {
	v, err := newView(o, c.Spec.Title)
	if err != nil {
		return err
	}
	v.Charts = []chartView{c.view()}
	return tpl.ExecuteTemplate(w, "fragment", v)
}

// Document is a page of several sections (a report, or the index of a set
// of charts). Every string is text; Href cells are links.
type Document struct {
	Title    string
	Subtitle string
	Sections []Section
}

// Section is a heading, paragraphs, an optional chart and tables.
type Section struct {
	Heading    string
	Paragraphs []string
	Chart      *Chart
	Tables     []Table
	// List is a list of links or lines (the index of a chart set).
	List []Cell
	// Thumbs are linked pictures with captions, shown as a grid (the
	// index of a chart set, a picture of each chart).
	Thumbs []Thumb
	// NoEventTable leaves the election table out of the chart's figures:
	// the document has a section of its own for the elections.
	NoEventTable bool
}

// Thumb is a small picture of a linked page with its caption: Src is the
// picture's address, Width and Height its size on the page in CSS pixels.
type Thumb struct {
	Href, Src, Text string
	Width, Height   int
}

// WriteDocument writes d as one HTML page; with o.EChartsJS set it is
// self-contained and opens with no network.
func WriteDocument(w io.Writer, d Document, o Options) error {
	v, err := newView(o, d.Title)
	if err != nil {
		return err
	}
	v.Doc = &d
	v.NoLib = true
	seen := map[string]bool{}
	for _, s := range d.Sections {
		sv := sectionView{Section: s}
		if s.Chart != nil {
			if seen[s.Chart.ID] {
				return fmt.Errorf("charts: two charts with id %s in one document", s.Chart.ID)
			}
			seen[s.Chart.ID] = true
			v.NoLib = false
			cv := s.Chart.view()
			if s.NoEventTable {
				cv.Tables = s.chartTables()
			}
			sv.Chart = &cv
		}
		v.Sections = append(v.Sections, sv)
	}
	return tpl.ExecuteTemplate(w, "document", v)
}

var tpl = template.Must(template.New("charts").Funcs(template.FuncMap{"wrap": wrapDraw}).Parse(`
{{- define "style" -}}
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;margin:0;padding:24px;background:#fff;line-height:1.45}
main{max-width:960px;margin:0 auto}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-top:1px solid #ddd;padding-top:16px}
.rk-sub{color:#444;margin:0 0 16px}
.rk-thumbs{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:20px 16px}
.rk-thumbs a{display:block;color:#0b5394;font-size:14px}.rk-thumbs img{display:block;width:100%;height:auto;border:1px solid #e3e3e3;margin-bottom:4px}
</style>
{{template "rkstyle"}}
{{- end -}}

{{- define "rkstyle" -}}
<style>
.rk-chart{margin:0 0 32px 0}
.rk-chart .rk-canvas{width:100%;border:1px solid #e3e3e3}
.rk-chart figcaption p{margin:8px 0;font-size:14px}
.rk-chart .rk-source,.rk-chart .rk-note{color:#444;font-size:13px}
.rk-table{border-collapse:collapse;font-size:13px;margin:8px 0 16px}
.rk-table caption{text-align:left;font-weight:600;padding:4px 0}
.rk-table th,.rk-table td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
.rk-table td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.rk-table thead th{border-bottom:2px solid #999}
.rk-table-note{color:#444;font-size:13px;margin:2px 0}
details.rk-data summary{cursor:pointer;font-size:14px;color:#0b5394}
@media print{details.rk-data{display:block}details.rk-data>summary{display:none}.rk-chart{break-inside:avoid}}
</style>
{{- end -}}

{{- define "loader" -}}
{{if .Offline}}<script>{{.Inline}}</script>{{else}}<script src="{{.ScriptURL}}"{{if .Integrity}} integrity="{{.Integrity}}" crossorigin="anonymous"{{end}} data-rankings-echarts></script>{{end}}
{{- end -}}

{{- define "table" -}}
<table class="rk-table">
<caption>{{.Caption}}</caption>
<thead><tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if eq $i 0}}<th scope="row">{{$c.Text}}</th>{{else if $c.Href}}<td><a href="{{$c.Href}}">{{$c.Text}}</a>{{with $c.Note}} <span class="rk-cell-note">({{.}})</span>{{end}}</td>{{else}}<td{{if $c.Num}} class="num"{{end}}>{{$c.Text}}{{with $c.Note}} <span class="rk-cell-note">({{.}})</span>{{end}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
{{- range .Notes}}
<p class="rk-table-note">{{.Mark}} {{.Text}}</p>
{{- end}}
{{- end -}}

{{- define "figure" -}}
<figure class="rk-chart" id="{{.ID}}-figure">
<div class="rk-canvas" id="{{.ID}}" role="img" aria-label="{{.Title}}" style="max-width:{{.Width}}px;height:{{.Height}}px"></div>
<figcaption>
<p class="rk-description">{{.Description}}</p>
<p class="rk-source">{{.Source}}</p>
{{- range .Notes}}
<p class="rk-note">{{.}}</p>
{{- end}}
</figcaption>
<details class="rk-data"><summary>The figures as a table</summary>
{{range .Tables}}{{template "table" .}}
{{end}}</details>
</figure>
{{- end -}}

{{- define "draw" -}}
<script>
(function () {
  "use strict";
  var id = {{.Chart.ID}};
  var option = {{.Chart.Option}};
  function draw() {
    var el = document.getElementById(id);
    if (!el || el.getAttribute("data-drawn")) { return; }
    el.setAttribute("data-drawn", "1");
    {{if .Chart.Geo}}window.echarts.registerMap({{.Chart.GeoName}}, {{.Chart.Geo}});
    {{end -}}
    var chart = window.echarts.init(el, null, {renderer: "canvas"});
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (window.echarts) { draw(); return; }
  var s = document.querySelector("script[data-rankings-echarts]");
  if (!s) {
    s = document.createElement("script");
    s.src = {{.ScriptURL}};
    {{if .Integrity}}s.integrity = {{.Integrity}};
    s.crossOrigin = "anonymous";
    {{end}}s.setAttribute("data-rankings-echarts", "");
    document.head.appendChild(s);
  }
  s.addEventListener("load", draw);
})();
</script>
{{- end -}}

{{- define "page" -}}
<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{template "style"}}
{{template "loader" .}}
</head>
<body>
<main>
{{range .Charts}}{{template "figure" .}}
{{template "draw" (wrap $ .)}}
{{end}}</main>
</body>
</html>
{{end -}}

{{- define "fragment" -}}
{{template "rkstyle"}}
{{if .Offline}}{{template "loader" .}}
{{end}}{{range .Charts}}{{template "figure" .}}
{{template "draw" (wrap $ .)}}
{{end}}
{{- end -}}

{{- define "document" -}}
<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{template "style"}}
{{if not .NoLib}}{{template "loader" .}}{{end}}
</head>
<body>
<main>
<h1>{{.Doc.Title}}</h1>
{{if .Doc.Subtitle}}<p class="rk-sub">{{.Doc.Subtitle}}</p>{{end}}
{{range .Sections}}<section>
{{if .Heading}}<h2>{{.Heading}}</h2>{{end}}
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}{{if .List}}<ul>{{range .List}}<li>{{if .Href}}<a href="{{.Href}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</li>{{end}}</ul>
{{end}}{{if .Thumbs}}<ul class="rk-thumbs">{{range .Thumbs}}<li><a href="{{.Href}}"><img src="{{.Src}}" alt="" width="{{.Width}}" height="{{.Height}}" loading="lazy">{{.Text}}</a></li>{{end}}</ul>
{{end}}{{if .Chart}}{{template "figure" .Chart}}
{{template "draw" (wrap $ .Chart)}}
{{end}}{{range .Tables}}{{template "table" .}}
{{end}}</section>
{{end}}</main>
</body>
</html>
{{end -}}
`))

// drawView is the data of the "draw" template: the chart and where the
// library comes from.
type drawView struct {
	Chart     *chartView
	ScriptURL string
	Integrity string
}

func wrapDraw(v view, c any) drawView {
	d := drawView{ScriptURL: v.ScriptURL, Integrity: v.Integrity}
	switch c := c.(type) {
	case chartView:
		d.Chart = &c
	case *chartView:
		d.Chart = c
	}
	return d
}
