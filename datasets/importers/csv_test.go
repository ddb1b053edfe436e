package importers

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openSource opens a publisher file from ../shared/sources. Without the
// folder the test is skipped, except in CI where it must be there.
func openSource(t *testing.T, rel string) *os.File {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "sources", rel)
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI needs the publishers' files: %v", err)
		}
		t.Skipf("publishers' files not found (%v): skipping; they live in ../shared/sources", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name, in, want, enc string
	}{
		{"utf8", "a;b\n1;2\n", "a;b\n1;2\n", "UTF-8"},
		{"bom", "\xEF\xBB\xBFa;b\r\n1;2\r\n", "a;b\n1;2\n", "UTF-8 with BOM"},
		{"cr only", "a,b\r1,2\r", "a,b\n1,2\n", "UTF-8"},
		{"cr cr lf", "a;b\r\r\n1;2\r\r\n", "a;b\n1;2\n", "UTF-8"},
		{"two lone CRs are two lines", "a\r\rb", "a\n\nb", "UTF-8"},
		{"windows-1252", "Am\xe9riques;Jama\xefque\n", "Amériques;Jamaïque\n", "Windows-1252"},
		{"windows-1251", "\xca\xe0\xe7\xe0\xf5\xf1\xf2\xe0\xed;1\n", "Казахстан;1\n", "Windows-1251"},
		{"utf16le", "\xff\xfea\x00;\x00b\x00\n\x00", "a;b\n", "UTF-16"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want || enc != c.enc {
				t.Errorf("Decode(%q) = %q, %s; want %q, %s", c.in, got, enc, c.want, c.enc)
			}
		})
	}
}

func TestNumMissingIsNeverZero(t *testing.T) {
	for _, s := range []string{"", "..", "NA", "-", " "} {
		var n Num
		if err := n.UnmarshalCSV(s); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if n.OK || !math.IsNaN(n.Value()) {
			t.Errorf("%q parsed as %v, want missing", s, n)
		}
	}
	var c CommaNum
	if err := c.UnmarshalCSV("93,62"); err != nil || c.V != 93.62 {
		t.Errorf("CommaNum 93,62 = %v, %v", c, err)
	}
	if err := c.UnmarshalCSV("1.234,5"); err == nil {
		t.Error("1.234,5 accepted")
	}
	var n Num
	if err := n.UnmarshalCSV("1,5"); err == nil {
		t.Error("decimal comma accepted where only a point is allowed")
	}
}

func TestReadTableErrorsNameTheRealLine(t *testing.T) {
	// A quoted field spanning two lines shifts record numbers against line
	// numbers: the error must name the file's line 5, not record 4.
	data := "indicator,iso3,year,value,rank,rank_of,stderr,lower,upper,pct,pct_lower,pct_upper,status,note\n" +
		"x,KAZ,2020,1,,,,,,,,,,\"two\nlines\"\n" +
		"x,KAZ,2021,2,,,,,,,,,,\n" +
		"x,KAZ,2022,9x,,,,,,,,,,\n"
	_, err := ReadLong(strings.NewReader(data), "f.csv")
	want := `f.csv:5:4: column "value": "9x" is not a number`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 5 || pe.Col != 4 || pe.Column != "value" || pe.Value != "9x" {
		t.Fatalf("not a located ParseError: %#v", err)
	}
}

func TestReadTableColumns(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"missing column", "indicator,iso3,year\nx,KAZ,2020\n", `f.csv:1: missing column "value"`},
		{"duplicate column", "indicator,iso3,year,value,value,rank,rank_of,stderr,lower,upper,pct,pct_lower,pct_upper,status,note\n",
			`f.csv:1:5: column "value": duplicate column (also column 4)`},
		{"ragged row", strings.Join(LongColumns, ",") + "\nx,KAZ\n", `f.csv:2: wrong number of fields: 2, the header has 14`},
		{"empty file", "", `f.csv: file is empty`},
		{"rank above rank_of", strings.Join(LongColumns, ",") + "\nx,KAZ,2020,1,5,4,,,,,,,,\n", `f.csv:2:5: column "rank": "5" is outside 1–4 (rank_of)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLong(strings.NewReader(c.data), "f.csv")
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("err = %v, want prefix %s", err, c.want)
			}
		})
	}
}

func TestReadLongKeepsMissingMissing(t *testing.T) {
	data := strings.Join(LongColumns, ",") + "\nwgi-rl,KAZ,2023,-0.45,,,0.14,,,36.8,30.7,43.4,,\n"
	obs, err := ReadLong(strings.NewReader(data), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	o := obs[0]
	if o.Value != -0.45 || o.StdErr != 0.14 || o.Pct != 36.8 || o.Rank != 0 || !math.IsNaN(o.Lower) || !math.IsNaN(o.Upper) {
		t.Errorf("got %+v", o)
	}
	if got := strings.Join(LongRecord(o), ","); got != "wgi-rl,KAZ,2023,-0.45,,,0.14,,,36.8,30.7,43.4,," {
		t.Errorf("LongRecord round trip = %s", got)
	}
}
