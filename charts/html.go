package charts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sync"

	"github.com/rankings-dev/rankings/internal/i18n"
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
	// Tools are the download links and embed code shown under the chart
	// of WritePage and WriteFragment; nil shows none.
	Tools *Tools
}

// Tools are what a web chart offers its reader under the drawing: its
// files to download and the code that embeds it in another page.
type Tools struct {
	// Downloads link the chart's files, in order (PNG, SVG, PDF, CSV).
	Downloads []Download
	// EmbedCode is the HTML a reader pastes into a page to embed the
	// chart; "" offers none.
	EmbedCode string
}

// Download is one file of a chart: the link's text ("PNG"), its address
// and the file name it saves under.
type Download struct {
	Label, Href, File string
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
	Tools       *Tools
	Kind        Kind
	// Words are the page's own words around the chart, in the spec's
	// language.
	Words chartWords

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
		Source: c.Spec.sourceLine(), Notes: c.Spec.Notes, Tables: c.Tables(), Option: template.JS(c.option), Kind: c.Spec.Kind,
		Geo: template.JS(c.geo), GeoName: geoNameOf(c), Words: wordsOf(c.Spec.Lang)}
}

// chartWords are the words of a chart's tools and table toggle.
type chartWords struct {
	Download, Embed, EmbedHelp, Table string
	// Copied and PressCopy are the copy status messages, as JavaScript
	// string literals.
	Copied, PressCopy template.JS
}

func wordsOf(l i18n.Lang) chartWords {
	return chartWords{Download: l.T("chart.html.download"), Embed: l.T("chart.html.embed"),
		EmbedHelp: l.T("chart.html.embed_help"), Table: l.T("chart.html.table"),
		Copied: jsString(l.T("chart.html.copied")), PressCopy: jsString(l.T("chart.html.press_copy"))}
}

// jsString is s as a JavaScript string literal that is safe inside a
// <script> element (json escapes <, > and &).
func jsString(s string) template.JS {
	b, err := json.Marshal(s)
	if err != nil {
		return `""`
	}
	return template.JS(b)
}

// htmlLang is the lang attribute of a page in language l.
func htmlLang(l i18n.Lang) string {
	if l == i18n.RU {
		return "ru"
	}
	return "en"
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
	v.Lang = htmlLang(c.Spec.Lang)
	if err != nil {
		return err
	}
	cv := c.view()
	cv.Tools = o.Tools
	v.Charts = []chartView{cv}
	return tpl().ExecuteTemplate(w, "page", v)
}

// WriteFragment writes the chart as an embeddable fragment: a <figure> with
// the chart, description and table, and a <script> that draws it. It works
// pasted into any HTML page: it loads ECharts once if the page has not (or
// inlines it when o.EChartsJS is set), declares no global names, and its
// element ids are derived from the chart's content, so several fragments
// on one page do not clash.
func (c *Chart) WriteFragment(w io.Writer, o Options) error {
	v, err := newView(o, c.Spec.Title)
	v.Lang = htmlLang(c.Spec.Lang)
	if err != nil {
		return err
	}
	cv := c.view()
	cv.Tools = o.Tools
	v.Charts = []chartView{cv}
	return tpl().ExecuteTemplate(w, "fragment", v)
}

// Document is a page of several sections (a report, or the index of a set
// of charts). Every string is text; Href cells are links.
type Document struct {
	Title    string
	Subtitle string
	Sections []Section
	// Lang is the language the document is written in (the zero value is
	// English): the page's lang attribute, and the PDF's language and its
	// own words unless PDFOptions.Lang says otherwise.
	Lang i18n.Lang
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
	v.Lang = htmlLang(d.Lang)
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
	return tpl().ExecuteTemplate(w, "document", v)
}

// tpl parses the templates on first use, not at start: every command
// would otherwise pay for it (0.46 ms), though few draw an HTML chart.
var tpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("charts").Funcs(template.FuncMap{"wrap": wrapDraw}).Parse(tplText))
})

// tplText is the charts' page, fragment and document templates.
const tplText = `
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
.rk-tools{display:flex;flex-wrap:wrap;gap:4px 18px;align-items:baseline;margin:6px 0 0;font-size:13px;color:#444}
.rk-tools a{color:#0b5394}
.rk-embed summary{cursor:pointer;color:#0b5394}
.rk-embed[open]{flex-basis:100%}
.rk-embed label{display:block;margin:6px 0 4px}
.rk-embed textarea{box-sizing:border-box;width:100%;max-width:720px;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;padding:6px;border:1px solid #bbb;resize:vertical}
.rk-copied{display:block;color:#1b6e3a;min-height:1.2em}
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
{{- with .Tools}}
<div class="rk-tools" id="{{$.ID}}-tools">
{{- if .Downloads}}<span>{{$.Words.Download}}{{range $i, $d := .Downloads}}{{if $i}} ·{{end}} <a href="{{$d.Href}}" download="{{$d.File}}">{{$d.Label}}</a>{{end}}</span>{{end}}
{{- if .EmbedCode}}
<details class="rk-embed"><summary>{{$.Words.Embed}}</summary>
<label class="rk-embed-help" for="{{$.ID}}-code">{{$.Words.EmbedHelp}}</label>
<textarea id="{{$.ID}}-code" readonly rows="4" spellcheck="false">{{.EmbedCode}}</textarea>
<span class="rk-copied" role="status"></span>
</details>
{{- end}}
</div>
{{- end}}
<figcaption>
<p class="rk-description">{{.Description}}</p>
<p class="rk-source">{{.Source}}</p>
{{- range .Notes}}
<p class="rk-note">{{.}}</p>
{{- end}}
</figcaption>
<details class="rk-data"><summary>{{.Words.Table}}</summary>
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
  var baseW = {{.Chart.Width}}, baseH = {{.Chart.Height}}, kind = {{.Chart.Kind}};
  var measure;
  function textWidth(text, font) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = font;
    return measure.measureText(text).width;
  }
  // wrapText breaks text at spaces into lines no wider than width.
  function wrapText(text, font, width) {
    var words = String(text).split("\n").join(" ").split(" "), lines = [], cur = "";
    for (var i = 0; i < words.length; i++) {
      if (!words[i]) { continue; }
      var next = cur ? cur + " " + words[i] : words[i];
      if (cur && textWidth(next, font) > width) { lines.push(cur); cur = words[i]; } else { cur = next; }
    }
    if (cur) { lines.push(cur); }
    return lines;
  }
  function list(v) { return v === undefined ? [] : (Array.isArray(v) ? v : [v]); }
  // legendRows is how many rows a legend of these items takes in width
  // pixels: measured (wrap) or, as the chart was laid out for its full
  // width, estimated at 7 pixels a character.
  function legendRows(lg, width, font) {
    var rows = 1, x = 0, iw = (lg.itemWidth || 25) + 5;
    list(lg.data).forEach(function (d) {
      var name = typeof d === "object" ? d.name : d;
      var w = iw + (font ? textWidth(name, font) : 7 * name.length) + 10;
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }
  // drawn measures what the chart drew: the legend's height (-1: none)
  // and each grid's rectangle.
  function drawn(chart) {
    var model = chart.getModel(), lm = model.getComponent("legend"), out = {legend: -1, grids: []};
    var v = lm && chart.getViewOfComponentModel ? chart.getViewOfComponentModel(lm) : null;
    if (v && v.group) { out.legend = v.group.getBoundingRect().height; }
    model.eachComponent("grid", function (g) { out.grids.push(g.coordinateSystem ? g.coordinateSystem.getRect() : null); });
    return out;
  }
  // fit lays the option out for a chart w pixels wide: the title, source
  // line, legend and axis names wrap, the plots move down by what they
  // gained and wide side margins shrink. seen is what the chart drew at
  // this width (drawn), or null before it is drawn: then the legend's
  // height is estimated. It returns the option and the chart's height.
  function fit(w, seen) {
    var legendH = seen ? seen.legend : -1;
    var o = JSON.parse(JSON.stringify(option));
    if (!(w > 0) || w >= baseW) { return {option: o, height: baseH}; }
    var fam = (o.textStyle && o.textStyle.fontFamily) || "sans-serif", avail = w - 24, dy = 0;
    var t = o.title;
    if (t && !Array.isArray(t)) {
      var tl = wrapText(t.text || "", "bold " + ((t.textStyle || {}).fontSize || 17) + "px " + fam, avail);
      var oldSub = t.subtext ? t.subtext.split("\n").length : 0;
      var sl = t.subtext ? wrapText(t.subtext, "11px " + fam, avail) : [];
      t.text = tl.join("\n");
      t.subtext = sl.join("\n");
      t.textStyle = t.textStyle || {};
      t.subtextStyle = t.subtextStyle || {};
      t.textStyle.lineHeight = 22;
      t.textStyle.width = t.subtextStyle.width = avail + 4;
      t.textStyle.overflow = t.subtextStyle.overflow = "break";
      dy += 22 * Math.max(0, tl.length - 1) + 15 * (sl.length - oldSub);
    }
    var dl = 0, lg = o.legend;
    if (lg && !Array.isArray(lg) && lg.show !== false && list(lg.data).length) {
      // The chart made room for the legend's rows at 24 pixels a row.
      var had = 24 * legendRows(lg, 860);
      dl = legendH >= 0 ? legendH + 10 - had : 24 * legendRows(lg, w - (lg.left || 0) - (lg.right || 0), "12px " + fam) - had;
      if (typeof lg.top === "number") { lg.top += dy; }
    }
    // A map's drawing moves down as the grids do, and its height follows
    // its width: the box keeps the shape of the map's frame (its
    // boundingCoords), so no band is left empty above or below it.
    var dm = 0;
    list(o.series).forEach(function (sr) {
      if (sr.type !== "map") { return; }
      if (typeof sr.top === "number") { sr.top += dy + dl; }
      var bc = sr.boundingCoords;
      if (Array.isArray(bc) && bc.length === 2 && typeof sr.left === "number" && typeof sr.right === "number") {
        var asp = Math.abs(bc[0][1] - bc[1][1]) / Math.abs(bc[1][0] - bc[0][0]);
        dm += Math.round((w - sr.left - sr.right) * asp) - Math.round((baseW - sr.left - sr.right) * asp);
      }
    });
    // A map's credit line wraps; what sits above it (its keys and the
    // map) moves up by the lines it gained.
    var credit = list(o.graphic).filter(function (g) { return g.id === "rk-credit"; })[0];
    if (credit && credit.style && typeof credit.bottom === "number") {
      var cf = (credit.style.fontSize || 10) + "px " + fam, cl = wrapText(credit.style.text || "", cf, w - (credit.left || 0) - 12);
      var up = 13 * Math.max(0, cl.length - 1);
      credit.style.text = cl.join("\n");
      credit.style.lineHeight = 13;
      if (up > 0) {
        list(o.graphic).forEach(function (g) { if (g !== credit && typeof g.bottom === "number" && g.bottom > credit.bottom) { g.bottom += up; } });
        list(o.visualMap).forEach(function (v) { if (typeof v.bottom === "number") { v.bottom += up; } });
        list(o.series).forEach(function (sr) { if (sr.type === "map" && typeof sr.bottom === "number") { sr.bottom += up; } });
        dm += up;
      }
    }
    var k = w / baseW, grids = list(o.grid);
    grids.forEach(function (g) {
      if (typeof g.top === "number") { g.top += dy + dl; }
      ["left", "right"].forEach(function (s) {
        if (typeof g[s] === "number" && g[s] > 40) { g[s] = Math.max(Math.min(g[s], 110), Math.round(g[s] * k)); }
      });
    });
    // Axis names: below an axis they wrap (the chart grows by the lines
    // added); above one they are cut short with an ellipsis.
    var below = 0, above = 0;
    list(o.xAxis).concat(list(o.yAxis)).forEach(function (a) {
      if (!a.name) { return; }
      var g = grids[a.gridIndex || 0] || {};
      var left = typeof g.left === "number" ? g.left : 16, right = typeof g.right === "number" ? g.right : 16;
      if (a.nameLocation === "middle") {
        // Centred under the plot, within the chart.
        var r = seen && seen.grids[a.gridIndex || 0], cx = r ? r.x + r.width / 2 : (left + w - right) / 2;
        var room = Math.max(120, 2 * Math.min(cx, w - cx) - 8);
        var ns = a.nameTextStyle || {}, lines = [];
        a.name.split("\n").forEach(function (line) {
          lines = lines.concat(wrapText(line, (ns.fontWeight === "bold" ? "bold " : "") + (ns.fontSize || 12) + "px " + fam, room));
        });
        var more = (ns.lineHeight || 15) * (lines.length - a.name.split("\n").length);
        if (typeof g.bottom === "number") { g.bottom += more; }
        below = Math.max(below, more);
        a.name = lines.join("\n");
        ns.lineHeight = ns.lineHeight || 15;
        a.nameTextStyle = ns;
      } else {
        // Above the plot: wrapped, and the plot and those below it move
        // down by the lines added.
        var ns2 = a.nameTextStyle || {}, room2 = Math.max(80, w - left - 12);
        var font2 = (ns2.fontWeight === "bold" ? "bold " : "") + (ns2.fontSize || 12) + "px " + fam;
        var lines2 = wrapText(a.name, font2, room2);
        if (lines2.length > 1 && typeof g.top === "number") {
          var more2 = (ns2.lineHeight || 15) * (lines2.length - 1), top = g.top;
          grids.forEach(function (h) { if (typeof h.top === "number" && h.top >= top) { h.top += more2; } });
          a.name = lines2.join("\n");
          ns2.lineHeight = ns2.lineHeight || 15;
          a.nameTextStyle = ns2;
          above += more2;
        } else {
          a.nameTruncate = {maxWidth: room2, ellipsis: "…"};
        }
      }
    });
    // Category labels (names of countries and indicators) take at most
    // 40% of the width, cut short with an ellipsis; value axes get fewer
    // ticks.
    list(o.yAxis).forEach(function (a) {
      if (a.type !== "category") { return; }
      var al = a.axisLabel = a.axisLabel || {};
      al.width = Math.round(0.4 * w);
      al.overflow = "truncate";
      al.ellipsis = "…";
    });
    list(o.xAxis).forEach(function (a) {
      if (a.type !== "value") { return; }
      var most = Math.max(2, Math.floor((w - 140) / 45));
      if (typeof a.interval === "number" && typeof a.min === "number" && typeof a.max === "number") {
        var steps = [1, 2, 2.5, 5, 10];
        for (var i = 0; i < steps.length && (a.max - a.min) / (a.interval * steps[i]) > most; i++) { /* coarser */ }
        a.interval *= steps[Math.min(i, steps.length - 1)];
      } else {
        a.splitNumber = Math.min(a.splitNumber || 5, most);
      }
    });
    // A horizontal colour key keeps its end labels inside the chart; when
    // it cannot, the scale's name before the lower end goes (the
    // description says it).
    list(o.visualMap).forEach(function (v) {
      if (v.orient !== "horizontal" || !Array.isArray(v.text) || v.text.length !== 2) { return; }
      var font = "12px " + fam;
      var bar = function () { return w - 24 - textWidth(v.text[0], font) - textWidth(v.text[1], font) - 30; };
      if (bar() < 80 && v.text[1].indexOf(":   ") >= 0) { v.text[1] = v.text[1].split(":   ").pop(); }
      v.itemHeight = Math.max(60, Math.min(v.itemHeight || 220, bar()));
    });
    // A profile's figures beside its markers do not fit a narrow plot;
    // they are in the tooltips and the table.
    if (kind === "profile" && w < 560) {
      list(o.series).forEach(function (sr) {
        if (sr.type !== "scatter") { return; }
        sr.label = {show: false};
        list(sr.data).forEach(function (d) { if (d && d.label) { d.label.show = false; } });
      });
    }
    return {option: o, height: baseH + dy + dl + below + above + dm};
  }
  // tools copies the embed code when its box is opened.
  function tools() {
    var box = document.getElementById(id + "-tools");
    var code = box && box.querySelector("textarea");
    if (!code) { return; }
    var status = box.querySelector(".rk-copied");
    // Root-relative addresses are completed with the origin the page is
    // read at.
    if (location.protocol === "http:" || location.protocol === "https:") {
      code.value = code.value.split('src="/').join('src="' + location.origin + "/");
    }
    box.querySelector("summary").addEventListener("click", function () {
      setTimeout(function () {
        code.focus();
        code.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(code.value).then(function () {
            status.textContent = {{.Chart.Words.Copied}};
          }, function () {
            status.textContent = {{.Chart.Words.PressCopy}};
          });
        } else {
          status.textContent = {{.Chart.Words.PressCopy}};
        }
      }, 0);
    });
  }
  function draw() {
    var el = document.getElementById(id);
    if (!el || el.getAttribute("data-drawn")) { return; }
    el.setAttribute("data-drawn", "1");
    {{if .Chart.Geo}}window.echarts.registerMap({{.Chart.GeoName}}, {{.Chart.Geo}});
    {{end -}}
    var chart, width = 0, f;
    // layout fits the chart to its width: laid out once with the legend's
    // height estimated, then again with the height it drew.
    function layout() {
      width = el.clientWidth;
      f = fit(width, null);
      el.style.height = f.height + "px";
      if (chart) { chart.resize(); chart.setOption(f.option, true); } else {
        chart = window.echarts.init(el, null, {renderer: "canvas"});
        chart.setOption(f.option);
      }
      if (width < baseW) {
        f = fit(width, drawn(chart));
        el.style.height = f.height + "px";
        chart.resize();
        chart.setOption(f.option, true);
      }
    }
    layout();
    var pending = false;
    function refit() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        if (el.clientWidth !== width && el.clientWidth > 0) { layout(); } else { chart.resize(); }
      });
    }
    if (window.ResizeObserver) { new ResizeObserver(refit).observe(el); } else { window.addEventListener("resize", refit); }
  }
  tools();
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
`

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
