package importers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/rankings-dev/rankings/indicators"
)

// longCases are long files that exercise the scanner's edges: where errors
// of different passes meet, metadata, separators, encodings.
var longCases = []string{
	"",
	"\n\n",
	"indicator,iso3,year,value\n",
	"indicator,iso3,year,value\nrsf,KAZ,2024,1\n",
	"indicator,iso3,year,value,rank,rank_of,note,status\nrsf,KAZ,2024,1,2,3,x,F\nrsf,UZB,2024,2.5,,,,\n",
	longMeta + "country;year;value;note\nKazakhstan;2024;3,5;\nКыргызстан;2024;4;provisional\nUZB;2024;2,25;1,5\n",
	longMeta + "\n\n  \n# name: again\ncountry;year;value\nKazakhstan;2024;3,5\n",
	longMeta + "  \ncountry;year;value\nKazakhstan;2024;3,5\n",
	"# indicator: x\n   \n# name: X\n# scale: 0 1\n# direction: higher\n# year: data\niso3,year,value\nKAZ,2024,1\n",
	"sep=;\n# indicator: x\n# name: X\n# scale: 0 1\n# direction: higher\n# year: data\niso3;year;value\nKAZ;2024;0,5\n",
	"\"#x\",a\nindicator,iso3,year,value\n",
	// passes: a later pass's error comes first in the file
	"indicator,iso3,year,value\nrsf,KAZ,2024,x\nrsf,KAZ,2024\n",
	"indicator,iso3,year,value\nrsf,KAZ,2024\nrsf,KAZ,2024,x\n",
	"indicator,iso3,year,value\nrsf,KAZ,2024\nrsf,KAZ,2024,1,2\n",
	"indicator,iso3,year,value\nrsf,KAZ,2024,1\nrsf,KAZ,2024\n",
	"indicator,iso3,year,value\nrsf,KAZ,1700,1\nrsf,KAZ,2024,x\n",
	"indicator,iso3,year,value\nrsf,KAZ,1700,1\nrsf,KAZ,2024,\"1\n",
	"indicator,iso3,year,value\nrsf,KAZ,2024,1\nrsf,KAZ,2024,1\"x\n",
	"indicator,iso3,year,value,value\nrsf,KAZ,2024,1,\"2\n",
	"indicator,year,value\nrsf,2024,x\n",
	"indicator,year,value\nrsf,2024,1\n",
	"iso3,year,value\nKAZ,2024,1\n",
	"iso3,year,value\nKAZ,2024,x\n",
	"indicator,iso3,year,value\nRSF,KAZ,2024,1\nrsf,KAZ,2024,x\n",
	"indicator,iso3,year,value\nRSF,KAZ,2024,1\nrsf,KAZ,1700,1\n",
	"indicator,iso3,year,value\nrsf,KAZ,1700,1\nRSF,KAZ,2024,1\n",
	"# indicator: x\n# colour: red\niso3,year,value\nKAZ,2024,\"1\n",
	"# indicator: x\n# colour: red\niso3,year,value,value\n",
	"indicator,iso3,year,value,stderror\nrsf,KAZ,2026,1,0.1\n",
	"indicator,iso3,year,country,value\nrsf,KAZ,2026,Kazakhstan,\"3,5\"\n",
	"indicator,iso3,year,value,lower,upper,pct,stderr\nrsf,KAZ,2026,5,1,4,,\nrsf,KAZ,2026,5,1,6,101,\n",
	"indicator,iso3,year,value,lower,upper,pct,stderr\nrsf,KAZ,2026,5,1,6,50,-1\n",
	"indicator,iso3,year,value,rank\nrsf,KAZ,2026,5,1\n",
	"indicator,iso3,year,value,rank,rank_of\nrsf,KAZ,2026,5,4,3\nrsf,KAZ,2026,5,1,0\n",
	"indicator,iso3,year,value,note\nrsf,KAZ,2026,5,=1+1\n",
	"indicator,iso3,year,value,status\nrsf,KAZ,2026,5,<b>\n",
	"indicator,iso3,year,value\n,KAZ,2026,5\n",
	"indicator,iso3,year,value\nrsf,,2026,5\n",
	"indicator,country,year,value\nrsf,,2026,5\n",
	"indicator,iso3,year,value\nrsf,KAZ,,5\n",
	"indicator,iso3,year,value\nrsf,KAZ,2026,NA\n",
	"indicator,iso3,year,value\nrsf,KAZ,2026,0x1p3\n",
	"indicator;iso3;year;value\nrsf;KAZ;2026;1,5\nrsf;KAZ;2,026;1\n",
	"indicator\tiso3\tyear\tvalue\r\nrsf\tKAZ\t2026\t1.5\r\nrsf\tKAZ\t2027\t1e3\r",
	"\xEF\xBB\xBFindicator,iso3,year,value\nrsf,KAZ,2026,1\n",
	"indicator,iso3,year,value\nrsf,KAZ,2026,1\nrsf,KAZ,2026",
	"indicator,iso3,year,value\nrsf,KAZ,2026,1,\n",
	"indicator,iso3,year,value\nrsf,KAZ,2026,1\na\x00b\n",
	"indicator,iso3,,year,value\nrsf,KAZ,x,2026,1\n",
	" indicator , iso3 ,year,value\n rsf , KAZ ,2026, 1 \n",
}

// sameResult reports how two results of a long reader differ, or "".
func sameResult(got, want any, gotErr, wantErr error) string {
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		return fmt.Sprintf("error %v\nwant  %v", gotErr, wantErr)
	}
	if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
		return fmt.Sprintf("result %.2000s\nwant   %.2000s", g, w)
	}
	return ""
}

// showLongFile prints a LongFile with the scales its metadata points to.
func showLongFile(lf *LongFile) string {
	var b strings.Builder
	for _, m := range lf.Indicators {
		lo, hi := m.Min, m.Max
		m.Min, m.Max = nil, nil
		fmt.Fprintf(&b, "%+v", m)
		for _, p := range []*float64{lo, hi} {
			if p != nil {
				fmt.Fprintf(&b, " %v", *p)
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%+v\n%v\n%+v\n", lf.Records, lf.Ranked, lf.IndicatorCell)
	return b.String()
}

// compareLong reads data with the streaming readers and the reference
// ones (gocsv over materialised records) and fails on any difference.
func compareLong(t *testing.T, data []byte) {
	t.Helper()
	lf, err := ReadLongFile(bytes.NewReader(data), "f.csv")
	ref, refErr := refReadLongFile(bytes.NewReader(data), "f.csv")
	var got, want any
	if err == nil && refErr == nil {
		got, want = showLongFile(lf), showLongFile(ref)
	}
	if d := sameResult(got, want, err, refErr); d != "" {
		t.Errorf("ReadLongFile(%q):\n%s", data, d)
	}
	obs, err := ReadLong(bytes.NewReader(data), "f.csv")
	refObs, refErr := refReadLong(bytes.NewReader(data), "f.csv")
	if d := sameResult(obs, refObs, err, refErr); d != "" {
		t.Errorf("ReadLong(%q):\n%s", data, d)
	}
	// Nothing read may keep the input's bytes (the scanner's fields are
	// those bytes): results printed before and after scribbling over the
	// input are the same.
	in := bytes.Clone(data)
	lf, lfErr := ScanLongFile(in, "f.csv", nil, func(*Record) {})
	recs, recsErr := ReadLongFile(bytes.NewReader(in), "f.csv") // readAll copies: scribble below is harmless to it
	obs, err = ReadLong(bytes.NewReader(in), "f.csv")
	before := fmt.Sprintf("%v %v %v %v %+v %v", lf != nil && lf.Indicators != nil, lfErr, recsErr, err, obs, recs != nil)
	if lf != nil {
		before += showLongFile(lf)
	}
	for i := range in {
		in[i] = 'X'
	}
	after := fmt.Sprintf("%v %v %v %v %+v %v", lf != nil && lf.Indicators != nil, lfErr, recsErr, err, obs, recs != nil)
	if lf != nil {
		after += showLongFile(lf)
	}
	if before != after {
		t.Errorf("the result of reading %q changes with its bytes:\n%s\n%s", data, before, after)
	}
}

func TestLongReadersMatchReference(t *testing.T) {
	var files [][]byte
	for _, c := range longCases {
		files = append(files, []byte(c))
		// The same file as others save it.
		if cp, err := charmap.Windows1251.NewEncoder().String(c); err == nil {
			files = append(files, []byte(cp))
		}
		if u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(c); err == nil {
			files = append(files, []byte(u16))
		}
		files = append(files, []byte(strings.ReplaceAll(c, "\n", "\r\n")))
	}
	for _, dir := range []string{"testdata/fuzz", "../../internal/cli/testdata/import/corpus", "../../internal/cli/testdata/import/ok"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				files = append(files, b)
			}
		}
	}
	if len(files) < 150 {
		t.Fatalf("only %d files", len(files))
	}
	for _, data := range files {
		compareLong(t, data)
	}
}

// FuzzLongMatchesReference: the streaming readers give exactly the
// records and errors of the earlier ones, whatever the input.
func FuzzLongMatchesReference(f *testing.F) {
	for _, c := range longCases {
		f.Add([]byte(c))
	}
	fuzzSeeds(f, "long")
	f.Fuzz(func(t *testing.T, b []byte) {
		compareLong(t, b)
	})
}

// The scanner hands rows on as it reads them: the same records as
// ReadLongFile, its metadata first.
func TestScanLongFileStreamsRows(t *testing.T) {
	data := []byte(longMeta + "country;year;value;note\nKazakhstan;2024;3,5;\nКыргызстан;2024;4;provisional\n")
	var started bool
	var lines []int
	var notes []string
	lf, err := ScanLongFile(data, "civic.csv", func(lf *LongFile) {
		started = len(lf.Indicators) == 1 && lf.Indicators[0].ID == "civic-space"
	}, func(r *Record) {
		if !started {
			t.Error("a row before the metadata")
		}
		lines = append(lines, r.Line)
		notes = append(notes, r.Obs.Note)
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(lines, notes) != "[9 10] [ provisional]" || lf.Records != nil || len(lf.Indicators) != 1 {
		t.Errorf("lines %v, notes %q, records %v", lines, notes, lf.Records)
	}
	// A bad row at the end is still the error, though rows came before.
	_, err = ScanLongFile(append(data, "Uzbekistan;2024;x;\n"...), "civic.csv", nil, func(*Record) {})
	if err == nil || err.Error() != `civic.csv:11:3: column "value": "x" is not a number` {
		t.Errorf("err = %v", err)
	}
}

// readCSV splits lines as encoding/csv does, quotes or not, and locates
// encoding/csv's errors on the lines of the whole text.
func TestReadCSVSplitsAsEncodingCSV(t *testing.T) {
	bodies := []string{
		"", "\n", "a,b\n\nc,d", "a,b,\n,\n ,x\n", "a;b,c\nd;e\n",
		"a,b\nc,\"d\ne\",f\ng,h\n", "a,b\nc,d\"e\n", "a,b\nc,\"d\n", "a,b\r\nc,d\r\n", "a\rb,c\n",
		"x,y\n\"\",\"\"\"\"\n\nz,w", "é,ü\n\"é\",x\n",
	}
	for _, body := range bodies {
		for _, comma := range []rune{',', ';'} {
			type rec struct {
				fields string
				line   int
			}
			var got, want []rec
			err := readCSV("f.csv", []byte("h\nh\n"+body), []byte(body), comma, 2, 0, func(f []string, line int) {
				got = append(got, rec{fmt.Sprintf("%q", f), line})
			})
			cr := newCSVReader([]byte("h\nh\n"+body), comma)
			var wantErr error
			for n := 0; ; n++ {
				f, err := cr.Read()
				if err != nil {
					if err.Error() != "EOF" {
						wantErr = csvError("f.csv", []byte("h\nh\n"+body), comma, err)
					}
					break
				}
				if line, _ := cr.FieldPos(0); n >= 2 {
					want = append(want, rec{fmt.Sprintf("%q", f), line})
				}
			}
			if fmt.Sprint(got, err) != fmt.Sprint(want, wantErr) {
				t.Errorf("readCSV(%q, %q) = %v, %v\nwant %v, %v", body, comma, got, err, want, wantErr)
			}
		}
	}
}

// AppendLongRecord writes the bytes csv.Writer writes for LongRecord.
func TestAppendLongRecordIsCSVWriter(t *testing.T) {
	nan := math.NaN()
	obs := []indicators.Observation{
		indicators.NewObservation("rsf", "KAZ", 2024, 39.34),
		{Indicator: "wgi-rl", ISO3: "UZB", Year: 1996, Value: -0.000001, Rank: 3, RankOf: 200, StdErr: 0.14, Lower: math.Inf(-1),
			Upper: math.Inf(1), Pct: 1e21, PctLower: 5e-324, PctUpper: nan, Status: "PF", Note: "edition 2011-12"},
		{Indicator: "x", ISO3: "", Year: -5, Value: 0, StdErr: nan, Lower: nan, Upper: nan, Pct: nan, PctLower: nan, PctUpper: nan,
			Status: " F", Note: `a "quoted", note` + "\nsecond\rline"},
		{Indicator: `\.`, ISO3: "a,b", Value: math.Copysign(0, -1), StdErr: nan, Lower: nan, Upper: nan, Pct: nan, PctLower: nan, PctUpper: nan,
			Status: "\u00a0nbsp", Note: "é \u2028 \"x\""},
	}
	for _, o := range obs {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		if err := w.Write(LongRecord(o)); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if got := AppendLongRecord([]byte("prefix"), o); string(got) != "prefix"+want.String() {
			t.Errorf("AppendLongRecord(%+v) = %q\nwant %q", o, got, "prefix"+want.String())
		}
	}
}
