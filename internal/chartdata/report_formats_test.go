package chartdata

import (
	"bytes"
	"io"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// goldenReport is the report of the format goldens: Kazakhstan and
// Uzbekistan on RSF and WGI Rule of Law, small enough to read whole.
func goldenReport(t *testing.T) charts.Document {
	t.Helper()
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	doc, err := Report(s, cs, ReportOptions{Indicators: []string{"rsf", "wgi-rl"}, Accessed: time.Date(2026, 5, 3, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestReportStructure: the overview comes first, the election table
// appears once, in its own section, and no placeholder is left.
func TestReportStructure(t *testing.T) {
	doc := goldenReport(t)
	var heads []string
	for _, s := range doc.Sections {
		heads = append(heads, s.Heading)
	}
	want := []string{"Overview", "RSF World Press Freedom Index score", "RSF World Press Freedom Index score on the map, 2026 edition",
		"WGI Rule of Law (estimate)", "WGI Rule of Law (estimate) on the map, 2023", "Elections: OSCE/ODIHR assessments", "Sources and citations"}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Fatalf("sections %q, want %q", heads, want)
	}
	var b bytes.Buffer
	if err := charts.WriteDocument(&b, doc, charts.Options{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<caption>National elections"); n != 1 {
		t.Errorf("%d election tables, want 1", n)
	}
	for _, bad := range []string{"[edition year]", "<edition>", "&lt;edition&gt;"} {
		if strings.Contains(page, bad) {
			t.Errorf("the report holds the placeholder %q", bad)
		}
	}
}

// TestReportYearGroup: --year reports each indicator in that year and
// the elections held until then; --group names the median's group.
func TestReportYearGroup(t *testing.T) {
	s := datasets.Embedded()
	cs := []indicators.Country{country(t, s, "kazakhstan"), country(t, s, "uzbekistan")}
	doc, err := Report(s, cs, ReportOptions{Year: 2015, Group: "central-asia", Indicators: []string{"wgi-rl"}})
	if err != nil {
		t.Fatal(err)
	}
	ov := doc.Sections[0].Tables[0]
	if got := ov.Rows[0][2].Text; got != "2015" {
		t.Errorf("overview year %q, want 2015", got)
	}
	if h := ov.Header[len(ov.Header)-1]; !strings.Contains(h, "Central Asia") {
		t.Errorf("median column %q does not name Central Asia", h)
	}
	if h := doc.Sections[2].Heading; h != "WGI Rule of Law (estimate) on the map, 2015" {
		t.Errorf("section 3 is %q, want the map of 2015", h)
	}
	for _, r := range doc.Sections[3].Tables[0].Rows {
		if r[1].Text > "2016" {
			t.Errorf("an election of %s in a report as of 2015", r[1].Text)
		}
	}
	if _, err := Report(s, cs, ReportOptions{Year: 1990, Indicators: []string{"rsf"}}); err == nil || !indicators.IsUserError(err) {
		t.Errorf("a year without figures: %v, want a user error", err)
	}
}

// TestReportHTMLGolden is the HTML report, whole.
func TestReportHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := charts.WriteDocument(&b, goldenReport(t), charts.Options{}); err != nil {
		t.Fatal(err)
	}
	checkReportGolden(t, "report-kaz-uzb.html.golden", b.String())
}

// memFiles collects the files a markdown document writes.
type memFiles map[string]*bytes.Buffer

type memFile struct{ *bytes.Buffer }

func (memFile) Close() error { return nil }

func (m memFiles) create(name string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	m[name] = b
	return memFile{b}, nil
}

// TestReportMarkdownGolden is the markdown report, whole, with the SVG
// file of each chart beside it and linked from it.
func TestReportMarkdownGolden(t *testing.T) {
	files := memFiles{}
	var b bytes.Buffer
	if err := charts.WriteMarkdownDocument(&b, goldenReport(t), charts.MarkdownOptions{Dir: "report-kaz-uzb-files", Create: files.create}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	var names []string
	for n, f := range files {
		names = append(names, n)
		if !strings.Contains(md, "](report-kaz-uzb-files/"+n+")") {
			t.Errorf("%s is not linked", n)
		}
		if !bytes.HasPrefix(bytes.TrimSpace(f.Bytes()), []byte("<?xml")) || !bytes.Contains(f.Bytes(), []byte("<svg")) {
			t.Errorf("%s is not an SVG image", n)
		}
	}
	sort.Strings(names)
	if strings.Join(names, " ") != "02-rsf-timeline.svg 03-rsf-map.svg 04-wgi-rl-timeline.svg 05-wgi-rl-map.svg" {
		t.Errorf("images %v", names)
	}
	if !strings.Contains(md, "Table: Overview") || !strings.Contains(md, "| --- |") && !strings.Contains(md, "|---|") {
		t.Error("no overview pipe table")
	}
	checkReportGolden(t, "report-kaz-uzb.md.golden", md)
}

// utf16Title is how fpdf writes a UTF-8 string in a PDF string literal:
// UTF-16BE with a byte order mark, with \, ( and ) escaped.
func utf16Title(s string) string {
	var b []byte
	b = append(b, 0xfe, 0xff)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", `\r`)
	return r.Replace(string(b))
}

// TestReportPDF parses the PDF document's structure: A4 pages, a title
// page and more, the embedded TrueType fonts, a bookmark per section
// (the headings, Cyrillic-safe as UTF-16), the title, a fixed date and
// output that does not change between runs.
func TestReportPDF(t *testing.T) {
	doc := goldenReport(t)
	var a, b bytes.Buffer
	if err := charts.WritePDFDocument(&a, doc, charts.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := charts.WritePDFDocument(&b, doc, charts.PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs give different PDFs")
	}
	pdf := a.String()
	if !strings.HasPrefix(pdf, "%PDF-1.") || !strings.HasSuffix(strings.TrimSpace(pdf), "%%EOF") {
		t.Fatal("not a PDF file")
	}
	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAllString(pdf, -1))
	if pages < len(doc.Sections)+1 {
		t.Errorf("%d pages; want at least a title page and a page per section (%d)", pages, len(doc.Sections)+1)
	}
	if !strings.Contains(pdf, "/MediaBox [0 0 595.28 841.89]") || strings.Contains(pdf, "/MediaBox [0 0 612") {
		t.Error("the pages are not A4")
	}
	if n := strings.Count(pdf, "/FontFile2"); n < 2 {
		t.Errorf("%d embedded TrueType fonts, want regular and bold", n)
	}
	if !strings.Contains(pdf, "/CreationDate (D:20000101000000") {
		t.Error("the creation date is not the fixed one")
	}
	if !strings.Contains(pdf, "/Title ("+utf16Title(doc.Title)+")") {
		t.Error("the document info lacks the title")
	}
	for _, s := range doc.Sections {
		if !strings.Contains(pdf, "/Title ("+utf16Title(s.Heading)+")") {
			t.Errorf("no bookmark for %q", s.Heading)
		}
	}
}
