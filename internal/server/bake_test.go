package server

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A full bake takes minutes under the race detector, so these tests bake a
// handful of paths through the same code.
var smallSite = []string{"/", "/api/v1/countries.json", "/api/v1/indicators.json", "/country/KAZ"}

var (
	bakeSrvOnce sync.Once
	bakeSrv     *Server
)

func bakeServer() *Server {
	bakeSrvOnce.Do(func() { bakeSrv = New(Options{Version: "test", NoGzip: true}) }) // as rankings bake builds it
	return bakeSrv
}

// bakeSmall bakes smallSite into dir.
func bakeSmall(dir string, o BakeOptions) (BakeResult, error) {
	return bakeServer().bakeTo(dir, smallSite, 0, o)
}

// tree reads every file under dir, keyed by its slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// onlyEntry fails unless parent holds exactly name: no temporary or
// backup folder is left next to the site.
func onlyEntry(t *testing.T, parent, name string) {
	t.Helper()
	if got := names(t, parent); len(got) != 1 || got[0] != name {
		t.Errorf("%s holds %q, want only %q", parent, got, name)
	}
}

func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is gone", what, name)
		} else if g != w {
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s appeared", what, name)
		}
	}
}

func dirKind(err error) BakeDirKind {
	var de *BakeDirError
	if errors.As(err, &de) {
		return de.Kind
	}
	return 0
}

func TestBakeRefusesAFolderOfYourOwn(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "www")
	if err := os.MkdirAll(filepath.Join(dir, "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	mine := map[string]string{"index.html": "<h1>my own page</h1>\n", "img/logo.svg": "<svg/>", "notes.txt": "keep"}
	for name, body := range mine {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := bakeSmall(dir, BakeOptions{})
	if dirKind(err) != BakeDirNotEmpty {
		t.Errorf("err = %v, want a BakeDirNotEmpty refusal", err)
	}
	sameTree(t, "the refused folder", tree(t, dir), mine)
	onlyEntry(t, parent, "www")
}

func TestBakeWritesAMarker(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := bakeSmall(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, BakeMarker))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), markerPrefix) || !strings.HasSuffix(string(b), "\n") {
		t.Errorf("marker holds %q", b)
	}
}

func TestRebakeRemovesStaleFiles(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	if _, err := bakeSmall(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	fresh := tree(t, dir)
	for _, stale := range []string{"country/XXX/index.html", "api/v1/gone.json", "old.html"} {
		p := filepath.Join(dir, filepath.FromSlash(stale))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("stale"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := bakeSmall(dir, BakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != ReplacedBake || res.Files != len(smallSite) {
		t.Errorf("result %+v, want %d files replacing a previous bake", res, len(smallSite))
	}
	sameTree(t, "the rebaked site", tree(t, dir), fresh)
	onlyEntry(t, parent, "site")
}

// oldSite bakes a site into parent/site and changes its front page, so
// that any file a later bake writes over it shows.
func oldSite(t *testing.T, parent string) (dir string, before map[string]string) {
	t.Helper()
	dir = filepath.Join(parent, "site")
	if _, err := bakeSmall(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("yesterday's site"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stale.html"), []byte("a page no longer baked"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, tree(t, dir)
}

// failOn makes the bake fail at the n-th path it writes (from 1).
func failOn(t *testing.T, n int) error {
	boom := errors.New("injected failure")
	i := 0
	bakeFault = func(string) error {
		if i++; i == n {
			return boom
		}
		return nil
	}
	t.Cleanup(func() { bakeFault = nil })
	return boom
}

func TestFailedRebakeLeavesThePreviousSiteWhole(t *testing.T) {
	parent := t.TempDir()
	dir, before := oldSite(t, parent)
	boom := failOn(t, 3) // "/" is written first
	if _, err := bakeSmall(dir, BakeOptions{}); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	sameTree(t, "the previous site after a failed rebake", tree(t, dir), before)
	onlyEntry(t, parent, "site")
}

func TestFailedBakeIntoAnEmptyFolderLeavesItEmpty(t *testing.T) {
	dir := t.TempDir()
	boom := failOn(t, 3)
	if _, err := bakeSmall(dir, BakeOptions{}); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("a failed bake left %q in a folder that was empty", got)
	}
}

func TestFailedBakeIntoANewFolderCreatesNothing(t *testing.T) {
	parent := t.TempDir()
	boom := failOn(t, 2)
	if _, err := bakeSmall(filepath.Join(parent, "site"), BakeOptions{}); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	if got := names(t, parent); len(got) != 0 {
		t.Errorf("a failed bake left %q", got)
	}
}

func TestCancelledRebakeLeavesThePreviousSiteWhole(t *testing.T) {
	parent := t.TempDir()
	dir, before := oldSite(t, parent)
	ctx, cancel := context.WithCancel(context.Background())
	bakeFault = func(p string) error {
		if p != "/" {
			cancel()
		}
		return nil
	}
	defer func() { bakeFault = nil }()
	if _, err := bakeSmall(dir, BakeOptions{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	sameTree(t, "the previous site after a cancelled rebake", tree(t, dir), before)
	onlyEntry(t, parent, "site")
}

func TestFailedSwapPutsThePreviousSiteBack(t *testing.T) {
	parent := t.TempDir()
	dir, before := oldSite(t, parent)
	boom := errors.New("injected rename failure")
	failed := false
	bakeRename = func(from, to string) error {
		if to == dir && !failed { // the new site going into place
			failed = true
			return boom
		}
		return os.Rename(from, to)
	}
	defer func() { bakeRename = os.Rename }()
	if _, err := bakeSmall(dir, BakeOptions{}); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	sameTree(t, "the previous site after a failed swap", tree(t, dir), before)
	onlyEntry(t, parent, "site")
}

func TestForceReplacesAForeignFolderWholesale(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "www")
	os.MkdirAll(filepath.Join(dir, "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "img", "logo.svg"), []byte("<svg/>"), 0o644)
	res, err := bakeSmall(dir, BakeOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != ReplacedFolder {
		t.Errorf("Replaced = %v, want ReplacedFolder", res.Replaced)
	}
	got := tree(t, dir)
	if _, ok := got["img/logo.svg"]; ok {
		t.Error("--force kept a file of the folder it replaced")
	}
	if got["index.html"] == "mine" {
		t.Error("--force kept the folder's own index.html")
	}
	if _, ok := got[BakeMarker]; !ok || len(got) != len(smallSite)+1 {
		t.Errorf("the forced bake holds %d files, want the site and its marker", len(got))
	}
	onlyEntry(t, parent, "www")
}

func TestBakeRefusesAFileOrADanglingLink(t *testing.T) {
	parent := t.TempDir()
	file := filepath.Join(parent, "site.html")
	os.WriteFile(file, []byte("a file"), 0o644)
	if _, err := bakeSmall(file, BakeOptions{Force: true}); dirKind(err) != BakeDirNotFolder {
		t.Errorf("-o a file: err = %v, want BakeDirNotFolder", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "a file" {
		t.Errorf("the file now holds %q", b)
	}
	if _, err := bakeSmall(filepath.Join(file, "sub"), BakeOptions{}); dirKind(err) != BakeDirUnusable {
		t.Errorf("-o below a file: err = %v, want BakeDirUnusable", err)
	}
	if runtime.GOOS == "windows" {
		return // symbolic links need privileges there
	}
	link := filepath.Join(parent, "link")
	if err := os.Symlink(filepath.Join(parent, "nowhere"), link); err != nil {
		t.Fatal(err)
	}
	if _, err := bakeSmall(link, BakeOptions{Force: true}); dirKind(err) != BakeDirDanglingLink {
		t.Errorf("-o a dangling link: err = %v, want BakeDirDanglingLink", err)
	}
	if _, err := os.Lstat(filepath.Join(parent, "nowhere")); err == nil {
		t.Error("the bake created the link's target")
	}
	fileLink := filepath.Join(parent, "filelink")
	os.Symlink(file, fileLink)
	if _, err := bakeSmall(fileLink, BakeOptions{}); dirKind(err) != BakeDirNotFolder {
		t.Errorf("-o a link to a file: err = %v, want BakeDirNotFolder", err)
	}
}

func TestRebakeThroughALinkKeepsTheLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	parent := t.TempDir()
	real, _ := oldSite(t, parent)
	link := filepath.Join(parent, "current")
	if err := os.Symlink("site", link); err != nil {
		t.Fatal(err)
	}
	if _, err := bakeSmall(link, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	got := tree(t, real)
	if _, ok := got["stale.html"]; ok || got["index.html"] == "yesterday's site" {
		t.Error("the folder the link points to was not rebaked")
	}
	if n := len(names(t, parent)); n != 2 {
		t.Errorf("%s holds %q, want the folder and the link", parent, names(t, parent))
	}
}

func TestAMarkerMustBeBakes(t *testing.T) {
	dir := t.TempDir()
	// A file of that name that bake did not write does not make a folder
	// bake's to replace.
	os.WriteFile(filepath.Join(dir, BakeMarker), []byte("something else\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("mine"), 0o644)
	if _, err := bakeSmall(dir, BakeOptions{}); dirKind(err) != BakeDirNotEmpty {
		t.Errorf("err = %v, want BakeDirNotEmpty", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); !bytes.Equal(b, []byte("mine")) {
		t.Errorf("index.html now holds %.60q", b)
	}
}

func TestASwapThatCannotBeUndoneSaysWhereTheOldSiteIs(t *testing.T) {
	parent := t.TempDir()
	dir, before := oldSite(t, parent)
	boom := errors.New("injected rename failure")
	bakeRename = func(from, to string) error {
		if to == dir {
			return boom // neither the new site nor the old one can go back
		}
		return os.Rename(from, to)
	}
	defer func() { bakeRename = os.Rename }()
	_, err := bakeSmall(dir, BakeOptions{})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the injected failure", err)
	}
	kept := names(t, parent)
	if len(kept) != 1 || !strings.HasPrefix(kept[0], ".site.bake-") {
		t.Fatalf("%s holds %q, want only the folder holding the old site", parent, kept)
	}
	old := filepath.Join(parent, kept[0], "old")
	if !strings.Contains(err.Error(), old) {
		t.Errorf("err = %v does not name %s", err, old)
	}
	sameTree(t, "the previous site where the error says it is", tree(t, old), before)
}

func TestARebakeKeepsTheFolderMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes on Windows")
	}
	dir, _ := oldSite(t, t.TempDir())
	if err := os.Chmod(dir, 0o775); err != nil {
		t.Fatal(err)
	}
	if _, err := bakeSmall(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o775 {
		t.Errorf("mode after a rebake: %v (%v), want 0775", st.Mode().Perm(), err)
	}
}

// TestBakeReportsWhatAnInterruptedBakeLeft: a bake that was killed leaves
// its hidden folder beside the site; the next bake into the site names
// each such folder, says which one holds the previous site, and removes
// none (another bake may be writing it).
func TestBakeReportsWhatAnInterruptedBakeLeft(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	building := filepath.Join(parent, ".site.bake-111")
	swapping := filepath.Join(parent, ".site.bake-222")
	other := filepath.Join(parent, ".www.bake-333") // another site's
	for _, d := range []string{filepath.Join(building, "site"), filepath.Join(swapping, "old"), other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	res, err := bakeSmall(dir, BakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []StaleBake{{Dir: building}, {Dir: swapping, HoldsSite: true}}
	if !slices.Equal(res.Stale, want) {
		t.Errorf("stale = %+v, want %+v", res.Stale, want)
	}
	for _, d := range []string{building, swapping, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed", d)
		}
	}
	// A bake that finishes leaves nothing beside the site.
	os.RemoveAll(building)
	os.RemoveAll(swapping)
	os.RemoveAll(other)
	if _, err := bakeSmall(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	if res, err := bakeSmall(dir, BakeOptions{}); err != nil || len(res.Stale) != 0 {
		t.Errorf("after clean bakes: %+v, %v", res, err)
	}
	onlyEntry(t, parent, "site")
}
