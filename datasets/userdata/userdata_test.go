package userdata

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/ingest"
)

var day = time.Date(2026, 5, 3, 10, 0, 0, 0, time.UTC)

// prepare validates a test file as `rankings import` does and returns its
// manifest entry and stored bytes.
func prepare(t *testing.T, source, file string) (Entry, []byte) {
	t.Helper()
	e, data, err := entryFor(source, file)
	if err != nil {
		t.Fatal(err)
	}
	return e, data
}

func entryFor(source, file string) (Entry, []byte, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return Entry{}, nil, err
	}
	// The test files replace RSF 2026 with a few countries: --replace-year.
	b, err := ingest.Read(source, filepath.Base(file), raw, datasets.Embedded(), ingest.Options{ReplaceYear: true})
	if err != nil {
		return Entry{}, nil, err
	}
	data, err := b.Data()
	return Entry{Source: b.Source, File: b.File, SHA256: b.SHA256, What: b.What(), Covers: b.Covers, Indicators: b.Indicators, Warnings: b.Warnings}, data, err
}

// kazRSF2026 is what the store of dir shows for Kazakhstan's RSF 2026
// score (the embedded 34.41 when no import covers 2026), or -1 when there
// is none.
func kazRSF2026(t *testing.T, dir string) float64 {
	t.Helper()
	ov, err := Open(dir).Overlays()
	if err != nil {
		t.Fatal(err)
	}
	s, err := datasets.Embedded().With(ov...).Series("rsf", "KAZ")
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := s.At(2026); ok {
		return o.Value
	}
	return -1
}

func TestAddListRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rankings")
	d := Open(dir)
	if m, err := d.Manifest(); err != nil || len(m.Imports) != 0 {
		t.Fatalf("a missing directory: %+v, %v", m, err)
	}
	e1, data1 := prepare(t, "rsf", "testdata/rsf-2026-v1.csv")
	got, err := d.Add(e1, data1, day)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 1 || got.Data != "imports/1.csv" || got.Label() != "rsf 2026 from import 1 of 2026-05-03" {
		t.Errorf("entry = %+v, label %q", got, got.Label())
	}
	if v := kazRSF2026(t, dir); v != 40 {
		t.Errorf("KAZ 2026 = %v, want 40", v)
	}
	e2, data2 := prepare(t, "rsf", "testdata/rsf-2026-v2.csv")
	if got, err = d.Add(e2, data2, day.Add(24*time.Hour)); err != nil || got.ID != 2 {
		t.Fatalf("second add: %+v, %v", got, err)
	}
	if v := kazRSF2026(t, dir); v != 45.5 {
		t.Errorf("KAZ 2026 = %v, want 45.5 (the later import wins)", v)
	}
	if _, err := d.Remove(2); err != nil {
		t.Fatal(err)
	}
	if v := kazRSF2026(t, dir); v != 40 {
		t.Errorf("after removing import 2, KAZ 2026 = %v, want 40", v)
	}
	if _, err := os.Stat(filepath.Join(dir, "imports", "2.csv")); !os.IsNotExist(err) {
		t.Errorf("imports/2.csv still there: %v", err)
	}
	if _, err := d.Remove(7); err == nil || err.Error() != "no import 7 (imports: 1; see rankings import --list)" {
		t.Errorf("remove 7: %v", err)
	}
	// Ids are never reused.
	if got, err = d.Add(e2, data2, day); err != nil || got.ID != 3 {
		t.Errorf("third add: id %d, %v; want 3", got.ID, err)
	}
	if _, err := d.Remove(1); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Remove(3); err != nil {
		t.Fatal(err)
	}
	if v := kazRSF2026(t, dir); v != 34.41 {
		t.Errorf("with no imports left KAZ 2026 = %v, want the embedded 34.41", v)
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/x/data", "HOME": "/home/u"}, "/x/data/rankings"},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/u"}, "/home/u/.local/share/rankings"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/rankings"},
		{map[string]string{}, ""},
	}
	for _, c := range cases {
		if got := DefaultPath(env(c.env)); got != c.want {
			t.Errorf("DefaultPath(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

func TestConcurrentAddsAllLand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rankings")
	e, data := prepare(t, "rsf", "testdata/rsf-2026-v1.csv")
	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := Open(dir).Add(e, data, day)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	m, err := Open(dir).Manifest()
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for _, e := range m.Imports {
		ids = append(ids, e.ID)
		if _, err := os.Stat(filepath.Join(dir, e.Data)); err != nil {
			t.Errorf("import %d: %v", e.ID, err)
		}
	}
	sort.Ints(ids)
	if len(ids) != n || ids[0] != 1 || ids[n-1] != n || m.NextID != n+1 {
		t.Errorf("ids = %v, next %d: concurrent imports overwrote each other", ids, m.NextID)
	}
	files, _ := os.ReadDir(filepath.Join(dir, "imports"))
	if len(files) != n {
		t.Errorf("%d files in imports/, want %d (no temporary files left)", len(files), n)
	}
}

func TestTamperedImportIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rankings")
	e, data := prepare(t, "rsf", "testdata/rsf-2026-v1.csv")
	if _, err := Open(dir).Add(e, data, day); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "imports", "1.csv")
	if err := os.WriteFile(path, bytes.Replace(data, []byte("40"), []byte("99"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	ov, err := Open(dir).Overlays()
	if err != nil {
		t.Fatal(err)
	}
	_, err = datasets.Embedded().With(ov...).Series("rsf", "KAZ")
	if err == nil || !strings.Contains(err.Error(), "was changed after the import (checksum differs): run rankings import --remove 1") {
		t.Errorf("err = %v", err)
	}
}

func TestBadManifest(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ body, want string }{
		{"{", "is not a valid manifest"},
		{`{"version":2,"next_id":1,"imports":[]}`, "manifest version 2"},
		{`{"version":1,"next_id":1,"imports":[{"id":1,"data":"../../etc/passwd"}]}`, `bad data file "../../etc/passwd"`},
	} {
		if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(dir).Manifest(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.body, err, c.want)
		}
	}
}

// The crash test: a child process (this test binary, switched by
// USERDATA_CRASH_AT) imports a second file and stops at one step of the
// write sequence; the parent kills it with SIGKILL there. Before the
// manifest's rename the directory must read exactly as before; after it,
// as with the new import; and the next import cleans up what the dead one
// left.
func TestMain(m *testing.M) {
	if step := os.Getenv("USERDATA_CRASH_AT"); step != "" {
		os.Exit(crashChild(step, os.Getenv("USERDATA_DIR")))
	}
	os.Exit(m.Run())
}

func crashChild(step, dir string) int {
	e, data, err := entryFor("rsf", "testdata/rsf-2026-v2.csv")
	if err != nil {
		fmt.Println(err)
		return 1
	}
	hook = func(s string) {
		if s == step {
			fmt.Println("at " + s)
			select {} // wait for SIGKILL
		}
	}
	_, err = Open(dir).Add(e, data, day)
	fmt.Println("finished", err)
	return 0
}

var steps = []string{
	"data: written", "data: synced", "data: renamed", "data: dir synced",
	"manifest: written", "manifest: synced", "manifest: renamed", "manifest: dir synced",
}

func TestKillDuringImportLeavesOldOrNewState(t *testing.T) {
	for _, step := range steps {
		t.Run(strings.ReplaceAll(step, " ", ""), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "rankings")
			e, data := prepare(t, "rsf", "testdata/rsf-2026-v1.csv")
			if _, err := Open(dir).Add(e, data, day); err != nil {
				t.Fatal(err)
			}
			oldManifest, _ := os.ReadFile(filepath.Join(dir, manifestName))
			oldData, _ := os.ReadFile(filepath.Join(dir, "imports", "1.csv"))

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "USERDATA_CRASH_AT="+step, "USERDATA_DIR="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || line != "at "+step+"\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child said %q, %v", line, err)
			}
			if err := cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
				t.Fatalf("child was not killed: %v", err)
			}

			newManifest, _ := os.ReadFile(filepath.Join(dir, manifestName))
			committed := step == "manifest: renamed" || step == "manifest: dir synced"
			if data, _ := os.ReadFile(filepath.Join(dir, "imports", "1.csv")); !bytes.Equal(data, oldData) {
				t.Error("the earlier import's file changed")
			}
			if !committed {
				if !bytes.Equal(newManifest, oldManifest) {
					t.Errorf("manifest changed before its rename:\n%s", newManifest)
				}
				if v := kazRSF2026(t, dir); v != 40 {
					t.Errorf("KAZ 2026 = %v, want the previous state's 40", v)
				}
			} else {
				m, err := Open(dir).Manifest()
				if err != nil || len(m.Imports) != 2 {
					t.Fatalf("after the manifest's rename: %+v, %v", m, err)
				}
				if v := kazRSF2026(t, dir); v != 45.5 {
					t.Errorf("KAZ 2026 = %v, want the new state's 45.5", v)
				}
			}
			// The next import works and leaves no debris of the killed one.
			if _, err := Open(dir).Add(e, data, day); err != nil {
				t.Fatal(err)
			}
			m, _ := Open(dir).Manifest()
			want := map[string]bool{manifestName: true, "imports": true}
			for _, e := range m.Imports {
				want[e.Data] = true
			}
			filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				rel, _ := filepath.Rel(dir, path)
				if rel != "." && !want[filepath.ToSlash(rel)] {
					t.Errorf("left behind: %s", rel)
				}
				return nil
			})
		})
	}
}
