package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/generator"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

// refReadLong is Read for source long as it was before readLong: the whole
// file read into records, every check a pass over all of them
// (readRecords). The tests compare readLong with it.
func refReadLong(file string, data []byte, store *datasets.Store, opt Options) (*Batch, error) {
	if opt.Embedded == nil {
		opt.Embedded = datasets.Embedded()
	}
	sum := sha256.Sum256(data)
	b := &Batch{Source: "long", File: file, SHA256: hex.EncodeToString(sum[:]), Covers: map[string][]int{}}
	lf, err := importers.ReadLongFile(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	custom := map[string]indicators.Indicator{}
	if err := b.checkMeta(lf, store, custom); err != nil {
		return nil, err
	}
	for i := range lf.Records {
		if err := b.checkRowIndicator(lf, &lf.Records[i], store, custom); err != nil {
			return nil, err
		}
	}
	if err := b.readRecords(lf.Records, store, opt, custom, lf.Ranked); err != nil {
		return nil, err
	}
	return b, nil
}

const civicMeta = "# indicator: civic-space\n# name: Civic space\n# scale: 0 10\n# direction: higher\n# year: data\n"

// ingestCases are long files for the comparison: every check of Read,
// errors of several passes in one file, ranks of every kind.
var ingestCases = []string{
	civicMeta + "country,year,value\nKazakhstan,2024,3.5\nUzbekistan,2024,3.5\nKAZ,2023,1\nGeorgia,2024,7\nkyrgyzstan,2023,2\n",
	civicMeta + "country,year,value\nKazakhstan,2024,3.5\nKazakhstan,2023,3.5\nKAZ,2024,1\nUZB,2023,2\nUZB,2023,2\n",
	civicMeta + "iso3,country,year,value\nKAZ,Kazakhstan,2024,3.5\nKAZ,Uzbekistan,2024,1\n",
	civicMeta + "iso3,country,year,value\nKAZ,,2024,3.5\nXXX,Kazakstan,2024,1\n",
	civicMeta + "country,year,value\nKazakhstan,2024,3.5\nNarnia,2024,1\nNarnia,2023,2\nUzbekistan,2023,11\n",
	civicMeta + "country,year,value\nKazakhstan,2024,3.5\nUzbekistan,2024,11\nNarnia,2023,2\n",
	civicMeta + "country,year,value\nCongo,2024,3.5\n",
	civicMeta + "country,year,value\nNarnia,2024,3.5\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Kazakhstan,2024,3.5\nrsff,Kazakhstan,2024,3.5\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Narnia,2024,3.5\nodihr,Kazakhstan,2024,3.5\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Narnia,2024,3.5\nrsf,Kazakhstan,1990,3.5\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Kazakhstan,2024,11\nrsf,Kazakhstan,1990,3.5\n",
	civicMeta + "indicator,country,year,value\nrsf,Kazakhstan,2024,101\ncivic-space,Kazakhstan,2024,11\n",
	civicMeta + "indicator,country,year,value\nrsf,Kazakhstan,2024,50\nrsf,Kazakhstan,2024,51\ncivic-space,Kazakhstan,2024,11\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Kazakhstan,2024,1\ncivic-space,KAZ,2024,2\nrsf,Kazakhstan,2024,50\nrsf,Kazakhstan,2024,51\n",
	civicMeta + "indicator,country,year,value\nrsf,Kazakhstan,2024,50\nrsf,Kazakhstan,2024,51\ncivic-space,Kazakhstan,2023,1\ncivic-space,KAZ,2023,2\n",
	"# indicator: rsf\n# name: RSF\n# scale: 0 100\n# direction: higher\n# year: edition\niso3,year,value\nKAZ,2024,1\n",
	"indicator,iso3,year,value,rank,rank_of\nwjp,KAZ,2024,0.5,1,3\nwjp,UZB,2024,0.6,2,3\nwjp,GEO,2024,0.6,3,3\nwjp,KAZ,2023,0.4,,\n",
	"indicator,iso3,year,value,rank,rank_of\nwjp,KAZ,2024,0.5,3,3\nwjp,UZB,2024,0.6,1,3\nwjp,GEO,2024,0.6,1,3\n",
	"indicator,iso3,year,value,rank,rank_of\nrsf,KAZ,2024,50,3,3\nrsf,UZB,2024,60,1,3\nrsf,GEO,2010,10,1,3\nrsf,ARM,2010,20,2,3\n",
	"indicator,iso3,year,value\nwjp,KAZ,2024,0.5\nwjp,UZB,2024,0.6\nwjp,GEO,2024,0.6\n",
	"# indicator: quiet\n# name: Quiet\n# scale: unbounded\n# direction: lower\n# year: edition\n# ranks: none\niso3,year,value,rank,rank_of\nKAZ,2024,1,1,2\nUZB,2024,2,2,2\n",
	"# indicator: pub\n# name: Pub\n# scale: 0 5\n# direction: lower\n# year: edition\n# ranks: published\niso3,year,value,rank,rank_of\nKAZ,2024,1,2,2\nUZB,2024,2,1,2\n",
	"# indicator: low\n# name: Low\n# scale: 0 5\n# direction: lower\n# year: data\niso3,year,value\nKAZ,2024,1\nUZB,2024,2\nGEO,2024,1\n",
	"indicator,iso3,year,value\nwgi-rl,KAZ,2020,-0.4\nwgi-rl,UZB,2020,9\nwgi-rl,GEO,2020,-9\nwgi-rl,ARM,2020,4\nwgi-rl,AZE,2020,5\nwgi-rl,TJK,2021,-0.4\n",
	"indicator,iso3,year,value\nwgi-rl,KAZ,2020,-0.4\nwgi-rl,UZB,2020,9\n",
	"indicator,iso3,year,value\nwgi-rl,ZZZ,2020,-0.4\nwgi-rl,UZB,2020,9\n",
	civicMeta + "country,year,value,rank,rank_of\nKazakhstan,2024,3.5,,\nUzbekistan,2024,3.5,1,2\n",
	civicMeta + "country,year,value,rank,rank_of\nKazakhstan,2024,3.5,2,2\nUzbekistan,2024,3.5,1,2\n",
	civicMeta + "country,year,value\nKazakhstan,2024,3.5\nKAZ,2024,3.5\nNarnia,2024,1\n",
	civicMeta + "indicator,country,year,value\ncivic-space,Kazakhstan,2024,3.5\ncivic-space,KAZ,2024,3.5\nrsff,Kazakhstan,2024,1\n",
	civicMeta + "indicator,country,year,value\nwjp,Kazakhstan,2024,0.5\ncivic-space,KAZ,2024,3.5\nwjp,Kazakhstan,2024,0.5\n",
	civicMeta + "# indicator: other\n# name: Other\n# scale: -1 1\n# direction: lower\n# year: edition\n" +
		"indicator,country,year,value,note,status\nother,Kazakhstan,2024,0.5,a note,PF\ncivic-space,Uzbekistan,2020,2,,\nother,UZB,2024,0.5,,\ncivic-space,KAZ,2021,2,x,\nother,GEO,2023,0.25,,F\n",
}

// batchText prints a batch for comparison.
func batchText(b *Batch) string {
	if b == nil {
		return "<nil>"
	}
	var s strings.Builder
	fmt.Fprintf(&s, "%s %s %s %s: %d figures of %d countries\n", b.Source, b.File, b.SHA256, b.What(), b.Figures, b.Countries)
	for _, o := range b.Observations {
		fmt.Fprintf(&s, "%+v\n", o)
	}
	fmt.Fprintf(&s, "covers %v\nwarnings %q\nnotes %q\n", b.Covers, b.Warnings, b.Notes)
	for _, u := range b.Skipped {
		fmt.Fprintf(&s, "skipped %s %s %s %d %s %v\n", u.Source, u.Code, u.Name, u.Year, u.Reason, u.Err)
	}
	for _, m := range b.Indicators {
		fmt.Fprintf(&s, "indicator %s %s %v\n", m.ID, m.Name, m.Indicator(0).Scale())
	}
	return s.String()
}

// compareRead reads data with Read and with refReadLong and fails on any
// difference.
func compareRead(t *testing.T, data []byte, opt Options) {
	t.Helper()
	store := datasets.Embedded()
	var got, want *Batch
	var err, wantErr error
	// A panic below both paths (in generator or the registry) is the same
	// behaviour, and not this comparison's to find.
	gotPanic := fmt.Sprint(catch(func() { got, err = Read("long", "f.csv", data, store, opt) }))
	wantPanic := fmt.Sprint(catch(func() { want, wantErr = refReadLong("f.csv", data, store, opt) }))
	if gotPanic != wantPanic {
		t.Fatalf("Read(%q, %+v): panic %v, the reference's %v", data, opt, gotPanic, wantPanic)
	}
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("Read(%q, %+v):\nerror %v\nwant  %v", data, opt, err, wantErr)
	}
	if g, w := batchText(got), batchText(want); g != w {
		t.Fatalf("Read(%q, %+v):\n%s\nwant\n%s", data, opt, g, w)
	}
	if gotPanic != "<nil>" {
		return
	}
	// CheckOnly: the same error, or the same batch without its
	// observations.
	opt.CheckOnly = true
	check, checkErr := Read("long", "f.csv", data, store, opt)
	if fmt.Sprint(checkErr) != fmt.Sprint(err) {
		t.Fatalf("Read(%q, %+v):\nerror %v\nwant  %v", data, opt, checkErr, err)
	}
	scribble(t, data, Options{SkipUnknown: opt.SkipUnknown, ReplaceYear: opt.ReplaceYear})
	scribble(t, data, Options{SkipUnknown: opt.SkipUnknown, ReplaceYear: opt.ReplaceYear, StoreOnly: true})
	scribble(t, data, opt)
	if err != nil {
		return
	}
	if check.Observations != nil {
		t.Fatalf("Read(%q, %+v): %d observations", data, opt, len(check.Observations))
	}
	if check.SHA256 != "" {
		t.Errorf("a CheckOnly batch has a SHA-256")
	}
	check.Observations, check.SHA256 = got.Observations, got.SHA256
	if g, w := batchText(check), batchText(got); g != w {
		t.Fatalf("Read(%q, %+v):\n%s\nwant\n%s", data, opt, g, w)
	}
	// StoreOnly: the same batch, its Data rendered from the rows.
	opt.CheckOnly, opt.StoreOnly = false, true
	stored, err := Read("long", "f.csv", data, store, opt)
	if err != nil || stored.Observations != nil {
		t.Fatalf("Read(%q, %+v): %v, %d observations", data, opt, err, len(stored.Observations))
	}
	gotData, _ := got.Data()
	storedData, _ := stored.Data()
	stored.Observations = got.Observations
	if g, w := batchText(stored), batchText(got); g != w || !bytes.Equal(storedData, gotData) {
		t.Fatalf("Read(%q, %+v):\n%s\n%s\nwant\n%s\n%s", data, opt, g, storedData, w, gotData)
	}
}

// scribble reads data and checks that nothing the batch or the error keeps
// is the input's bytes (the importer's fields are): they print the same
// after scribbling over them.
func scribble(t *testing.T, data []byte, opt Options) {
	t.Helper()
	in := bytes.Clone(data)
	b, err := Read("long", "f.csv", in, datasets.Embedded(), opt)
	show := func() string {
		text := batchText(b) + fmt.Sprint(err)
		if b != nil {
			stored, _ := b.Data()
			text += string(stored)
		}
		return text
	}
	before := show()
	for i := range in {
		in[i] = 'X'
	}
	if after := show(); after != before {
		t.Fatalf("Read(%q, %+v) changes with its input's bytes:\n%s\n%s", data, opt, before, after)
	}
}

// catch runs f and returns what it panicked with.
func catch(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

func TestReadLongMatchesReference(t *testing.T) {
	files := [][]byte{benchLong(5000)}
	for _, c := range ingestCases {
		files = append(files, []byte(c))
	}
	paths, _ := filepath.Glob("../../internal/cli/testdata/import/*/long*")
	okPaths, _ := filepath.Glob("../../internal/cli/testdata/import/ok/*")
	for _, p := range append(paths, okPaths...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	files = append(files, embeddedYear(t, "rsf", 2025, func(o *indicators.Observation) {
		if o.ISO3 == "KAZ" {
			o.Value = 39.5
		}
	}), embeddedYear(t, "rsf", 2025, func(o *indicators.Observation) {
		if o.ISO3 == "KAZ" {
			o.Value = 40 // above the 39.86 of rank 140
		}
	}), embeddedYear(t, "wjp", 2024, func(o *indicators.Observation) { o.Rank = 1 }))
	for _, data := range files {
		for _, skip := range []bool{false, true} {
			for _, replace := range []bool{false, true} {
				compareRead(t, data, Options{SkipUnknown: skip, ReplaceYear: replace})
			}
		}
	}
}

// FuzzReadLongMatchesReference: readLong gives exactly the batch and the
// error of the reference path, whatever the file.
func FuzzReadLongMatchesReference(f *testing.F) {
	for _, c := range ingestCases {
		f.Add([]byte(c), false)
		f.Add([]byte(c), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, skip bool) {
		compareRead(t, data, Options{SkipUnknown: skip})
		compareRead(t, data, Options{SkipUnknown: skip, ReplaceYear: true})
	})
}

// The long path's batch for a small file, spelt out: ranks computed per
// year over the whole field (ties share the lowest rank, the unknown
// country counts), the rows in order, the unknown country listed.
func TestReadLongBatch(t *testing.T) {
	data := civicMeta + "country,year,value\nUzbekistan,2024,3.5\nKazakhstan,2024,7\nNarnia,2024,9\nGeorgia,2024,3.5\nKazakhstan,2023,1\n"
	b, err := Read("long", "civic.csv", []byte(data), datasets.Embedded(), Options{SkipUnknown: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range b.Observations {
		got = append(got, fmt.Sprintf("%s %d %s %g %d/%d", o.Indicator, o.Year, o.ISO3, o.Value, o.Rank, o.RankOf))
	}
	want := []string{"civic-space 2023 KAZ 1 1/1", "civic-space 2024 GEO 3.5 3/4", "civic-space 2024 KAZ 7 2/4", "civic-space 2024 UZB 3.5 3/4"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("observations %q\nwant %q", got, want)
	}
	if len(b.Skipped) != 1 || b.Skipped[0].Name != "Narnia" || !strings.HasPrefix(b.Skipped[0].Err.Error(), `civic.csv:9:1: column "country": "Narnia" is an unknown country`) {
		t.Errorf("skipped %+v", b.Skipped)
	}
	if fmt.Sprint(b.Covers) != "map[civic-space:[2023 2024]]" || b.What() != "civic-space 2023–2024" {
		t.Errorf("covers %v, what %q", b.Covers, b.What())
	}
}

// Data writes the bytes generator.RenderLong writes for the batch, in its
// order, whatever the batch holds.
func TestDataIsRenderLong(t *testing.T) {
	var batches [][]indicators.Observation
	for _, data := range [][]byte{benchLong(3000), []byte(ingestCases[len(ingestCases)-1]),
		embeddedYear(t, "wgi-rl", 2020, func(*indicators.Observation) {})} {
		b, err := Read("long", "f.csv", data, datasets.Embedded(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		batches = append(batches, b.Observations)
	}
	odd := indicators.NewObservation("x", "KAZ", -1, 1) // a year the sort key cannot hold
	odd.Note = `a "note", with
a line end`
	batches = append(batches, []indicators.Observation{indicators.NewObservation("x", "UZB", 2000, 2), odd,
		indicators.NewObservation("x", "KAZ", 2000, 3)}, nil)
	for _, data := range [][]byte{benchLong(3000), []byte(ingestCases[len(ingestCases)-1])} {
		b, err := Read("long", "f.csv", data, datasets.Embedded(), Options{StoreOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		full, err := Read("long", "f.csv", data, datasets.Embedded(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := b.Data()
		want, _ := generator.RenderLong(full.Observations)
		if b.Observations != nil || !bytes.Equal(got, want) {
			t.Errorf("StoreOnly: %d observations; Data() differs from RenderLong:\n%.300s\nwant\n%.300s", len(b.Observations), got, want)
		}
	}
	for _, obs := range batches {
		b := &Batch{Source: "long", Observations: obs}
		got, err := b.Data()
		if err != nil {
			t.Fatal(err)
		}
		want, err := generator.RenderLong(obs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("Data() differs from RenderLong for %d observations:\n%.300s\nwant\n%.300s", len(obs), got, want)
		}
	}
}

// A CheckOnly batch counts what a full one holds and gives the same
// warnings, keeping no observations.
func TestCheckOnly(t *testing.T) {
	for _, data := range [][]byte{benchLong(3000), embeddedYear(t, "wjp", 2024, func(o *indicators.Observation) { o.Value /= 2 })} {
		full, err := Read("long", "f.csv", data, datasets.Embedded(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		check, err := Read("long", "f.csv", data, datasets.Embedded(), Options{CheckOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if check.Observations != nil || check.Figures != len(full.Observations) || check.Countries != full.Countries ||
			fmt.Sprint(check.Warnings, check.Notes, check.Covers) != fmt.Sprint(full.Warnings, full.Notes, full.Covers) {
			t.Errorf("check only: %d observations, %d figures of %d countries, %q\nfull: %d figures of %d countries, %q",
				len(check.Observations), check.Figures, check.Countries, check.Warnings, len(full.Observations), full.Countries, full.Warnings)
		}
	}
	if b, err := Read("long", "f.csv", benchLong(3000), datasets.Embedded(), Options{}); err != nil || b.Figures != 3000 || b.Countries != 197 {
		t.Errorf("figures %d of %d countries, %v", b.Figures, b.Countries, err)
	}
}
