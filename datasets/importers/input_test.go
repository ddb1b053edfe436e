package importers

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeRefusesWhatIsNotText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"xlsx", "PK\x03\x04rest", "is a zip archive (an .xlsx workbook?), not CSV text"},
		{"utf32", "\xff\xfe\x00\x00a\x00\x00\x00", "is UTF-32 text: save it as UTF-8"},
		{"nul", "a,b\n1,\x002\n", "2: has NUL bytes or control characters: this is a binary file, not CSV text"},
		{"mixed", "name\nCôte d'Ivoire\nAm\xe9riques\n", "3:3: is not valid UTF-8 here, though the rest of the file is UTF-8: the file mixes encodings; save it as UTF-8"},
		{"bom then cp1252", "\xEF\xBB\xBFa\nAm\xe9riques\n", "2:3: has a UTF-8 byte-order mark but is not valid UTF-8 here: save the file as UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Decode([]byte(c.in))
			if err == nil || strings.TrimLeft(err.Error(), ": ") != c.want {
				t.Errorf("Decode(%q) err = %v, want %q", c.in, err, c.want)
			}
		})
	}
}

func TestDecodeUTF16WithoutBOM(t *testing.T) {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		enc, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("iso3;year\nKAZ;2024\n"))
		if err != nil {
			t.Fatal(err)
		}
		got, name, err := Decode(enc)
		if err != nil || string(got) != "iso3;year\nKAZ;2024\n" || !strings.HasPrefix(name, "UTF-16") {
			t.Errorf("order %v: Decode = %q, %s, %v", order, got, name, err)
		}
	}
}

func TestSniffDelimiter(t *testing.T) {
	cases := []struct {
		text string
		def  rune
		want rune
		skip int
	}{
		{"a;b;c\n1;2;3\n", ',', ';', 0},
		{"a\tb\tc\n", ',', '\t', 0},
		{"a,b,c\n", ';', ',', 0},
		{"\"x;y\",b,c\n", ';', ',', 0}, // separators inside quotes do not count
		{"sep=;\na;b\n", ',', ';', 1},
		{"single\n", ';', ';', 0},
		{"a,b;c\n", ';', ';', 0}, // a tie keeps the format's own
		{"\n\na;b\n", ',', ';', 0},
	}
	for _, c := range cases {
		got, skip := SniffDelimiter([]byte(c.text), c.def)
		if got != c.want || skip != c.skip {
			t.Errorf("SniffDelimiter(%q, %q) = %q, %d; want %q, %d", c.text, c.def, got, skip, c.want, c.skip)
		}
	}
}

// The same WGI rows saved by a spreadsheet in a European locale: semicolons,
// decimal commas, Windows-1252, CR line endings. They must read the same.
func TestWGIVariantsReadAlike(t *testing.T) {
	plain := "code,countryname,year,indicator,estimate,stddev,pctrank,pctranklower,pctrankupper\n" +
		"KAZ,Kazakhstan,2023,rl,-0.45,0.14,36.8,30.7,43.4\nCIV,Côte d'Ivoire,2023,rl,..,..,..,..,..\n"
	euro := strings.NewReplacer(",", ";", "-0.45", "-0,45", "0.14", "0,14", "36.8", "36,8", "30.7", "30,7", "43.4", "43,4", "\n", "\r").Replace(plain)
	cp, err := charmap.Windows1252.NewEncoder().String(euro)
	if err != nil {
		t.Fatal(err)
	}
	tab := "\xEF\xBB\xBF" + strings.ReplaceAll(plain, ",", "\t")
	want, err := ReadWGI(strings.NewReader(plain), "plain.csv")
	if err != nil || len(want) != 1 {
		t.Fatalf("plain: %v, %d records", err, len(want))
	}
	for name, data := range map[string]string{"euro": cp, "tab": tab, "excel sep line": "sep=,\r\n" + plain} {
		got, err := ReadWGI(strings.NewReader(data), name+".csv")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(got) != 1 || got[0].Obs.Value != -0.45 || got[0].Obs.StdErr != 0.14 || got[0].Obs.PctUpper != 43.4 || got[0].Line != want[0].Line+btoi(name == "excel sep line") {
			t.Errorf("%s: got %+v", name, got)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestDecimalCommaInCommaSeparatedFileIsExplained(t *testing.T) {
	data := "code,countryname,year,indicator,estimate,stddev,pctrank,pctranklower,pctrankupper\nKAZ,Kazakhstan,2023,rl,\"-0,45\",0.14,36.8,30.7,43.4\n"
	_, err := ReadWGI(strings.NewReader(data), "w.csv")
	want := `w.csv:2:5: column "estimate": "-0,45" is not a number (a decimal comma in a comma-separated file: write a decimal point, or separate the columns with ';')`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestParseErrorQuotesAndShortensValues(t *testing.T) {
	e := &ParseError{File: "f.csv", Line: 3, Col: 2, Column: "note", Value: strings.Repeat("x", 1000) + "\x1b[31m", Err: errors.New("is bad")}
	got := e.Error()
	if len(got) > 200 || !strings.Contains(got, "(1005 bytes)") || strings.Contains(got, "\x1b") {
		t.Errorf("Error() = %q", got)
	}
	if got := (&ParseError{File: "f.csv", Line: 3, Err: errors.New("x")}).Error(); got != "f.csv:3: x" {
		t.Errorf("no column: %q", got)
	}
	// Libraries quote the file's bytes in their errors (found by FuzzReadWJP).
	xmlErr := &ParseError{File: "w.xlsx", Err: errors.New("XML syntax error on line 2: invalid XML name: a:fon\xb3t\x1b[2J\u202e")}
	if got := xmlErr.Error(); got != `w.xlsx: XML syntax error on line 2: invalid XML name: a:fon\xb3t\u001b[2J\u202e` {
		t.Errorf("library error = %q", got)
	}
}

func TestCheckText(t *testing.T) {
	for _, ok := range []string{"", "edition 2011-12", "Côte d'Ivoire; covers 2023", "free, but not fair", "100 − score"} {
		if err := CheckText(ok); err != nil {
			t.Errorf("CheckText(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", " =1", "<script>alert(1)</script>", "a\x1b[2Jb", "a\u202Eb", "a\nb", "\xff"} {
		if err := CheckText(bad); err == nil {
			t.Errorf("CheckText(%q) accepted", bad)
		}
	}
}

const longMeta = `# indicator: civic-space
# name: Civic space index
# unit: score 0–10
# scale: 0 10
# direction: higher
# year: data
# source: Example Monitor 2026
`

func TestReadLongFileWithMetadata(t *testing.T) {
	data := longMeta + "country;year;value;note\nKazakhstan;2024;3,5;\nКыргызстан;2024;4;provisional\nUZB;2024;2,25;\n"
	lf, err := ReadLongFile(strings.NewReader(data), "civic.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(lf.Indicators) != 1 {
		t.Fatalf("indicators = %+v", lf.Indicators)
	}
	m := lf.Indicators[0]
	if m.ID != "civic-space" || m.Name != "Civic space index" || *m.Min != 0 || *m.Max != 10 || m.Direction != "higher" || m.Year != "data" || m.Ranks != "computed" || m.Line != 1 {
		t.Errorf("meta = %+v", m)
	}
	ind := m.Indicator(2024)
	if ind.Scale().Min != 0 || ind.Scale().Max != 10 || ind.Direction().String() != "higher is better" || ind.Segments[0].From != 2024 {
		t.Errorf("indicator = %+v", ind)
	}
	if len(lf.Records) != 3 {
		t.Fatalf("records = %+v", lf.Records)
	}
	r := lf.Records[1]
	if r.Name != "Кыргызстан" || r.Line != 10 || r.Obs.Value != 4 || r.Obs.Note != "provisional" || r.Obs.Indicator != "civic-space" || r.EntityCell != (Cell{1, "country"}) {
		t.Errorf("record = %+v", r)
	}
	if lf.Records[0].Obs.Value != 3.5 || lf.Records[2].Obs.Value != 2.25 || !math.IsNaN(lf.Records[0].Obs.StdErr) {
		t.Errorf("decimal commas: %v %v", lf.Records[0].Obs, lf.Records[2].Obs)
	}
}

func TestReadLongFileRejects(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"no metadata, no indicator column", "iso3,year,value\nKAZ,2024,1\n",
			`x.csv:1: missing column "indicator" (it may be left out only when the metadata header defines exactly one indicator)`},
		{"missing direction", "# indicator: x\n# name: X\n# scale: 0 1\n# year: data\niso3,year,value\n",
			`x.csv:1:1: indicator "x": metadata direction missing (name, scale, direction and year are required)`},
		{"unknown key", "# indicator: x\n# colour: red\n", `x.csv:2:1: metadata line "colour: red" is not "# key: value" with a key among indicator, name, unit, scale, direction, year, ranks, decimals, source, notes`},
		{"bad scale", "# indicator: x\n# scale: 10 0\n", `x.csv:2:1: scale "10 0" is not "min max" with min below max`},
		{"formula in name", "# indicator: x\n# name: =HYPERLINK(\"http://evil\")\n", `x.csv:2:1: name "=HYPERLINK(\"http://evil\")" starts with =, which a spreadsheet would run as a formula: text fields may not start with = + - @`},
		{"misspelt column", "indicator,iso3,year,value,stderror\nrsf,KAZ,2026,1,0.1\n",
			`x.csv:1:5: column "stderror": unknown column (the columns are: indicator, iso3, year, value, rank, rank_of, stderr, lower, upper, pct, pct_lower, pct_upper, status, note, country)`},
		{"script in note", "indicator,iso3,year,value,note\nrsf,KAZ,2026,1,<script>alert(1)</script>\n",
			`x.csv:2:5: column "note": "<script>alert(1)</script>" contains < or >: markup is not accepted in text fields`},
		{"no country column", "indicator,year,value\nrsf,2026,1\n", `x.csv:1: missing column "iso3" or "country": every row needs its country`},
		{"bad id", "indicator,iso3,year,value\nRSF 2026,KAZ,2026,1\n", `x.csv:2:1: column "indicator": "RSF 2026" is not an indicator id (lower-case letters, digits and hyphens)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLongFile(strings.NewReader(c.data), "x.csv")
			if err == nil || err.Error() != c.want {
				t.Errorf("err = %v\nwant  %s", err, c.want)
			}
		})
	}
}

func TestReadLongFileFromXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"# indicator: civic-space"}, {"# name: Civic space index"}, {"# scale: 0 10"}, {"# direction: higher"}, {"# year: data"},
		{"country", "year", "value"},
		{"Kazakhstan", 2024, 3.5},
		{},
		{"Georgia", 2024, "6,5"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	lf, err := ReadLongFile(&buf, "civic.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(lf.Records) != 2 || lf.Records[0].Obs.Value != 3.5 || lf.Records[1].Obs.Value != 6.5 || lf.Records[1].Line != 9 || lf.Indicators[0].ID != "civic-space" {
		t.Errorf("records = %+v", lf.Records)
	}
}
