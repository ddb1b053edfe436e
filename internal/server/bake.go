package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/atomicfile"
)

// BakePaths lists every URL of the site in its path form: pages, API
// documents for every country, indicator and year, and assets.
func (s *Server) BakePaths() ([]string, error) {
	st := s.opts.Store
	reg := st.Registry()
	paths := []string{"/", "/api/v1/countries.json", "/api/v1/indicators.json", "/api/v1/sources.json", "/api/v1/openapi.json"}
	if s.opts.EChartsJS != nil {
		paths = append(paths, "/assets/echarts.min.js")
	}
	for _, c := range reg.All() {
		paths = append(paths, "/country/"+c.ISO3, "/api/v1/series/"+c.ISO3+".json")
	}
	group, err := reg.Group("post-soviet")
	if err != nil {
		return nil, err
	}
	member := map[string]bool{}
	for _, c := range group {
		member[c.ISO3] = true
	}
	for i, a := range group {
		paths = append(paths, "/elections/"+a.ISO3, "/api/v1/elections/"+a.ISO3+".json")
		for _, b := range group[i+1:] {
			pair := a.ISO3 + "," + b.ISO3
			paths = append(paths, "/compare/"+pair, "/api/v1/compare/"+pair+".json")
		}
	}
	for _, ind := range st.Indicators() {
		if ind.Events {
			continue
		}
		paths = append(paths, "/indicator/"+ind.ID, "/embed/ranking/"+ind.ID, "/chart/ranking/"+ind.ID+".svg")
		years, err := st.Years(ind.ID)
		if err != nil {
			return nil, err
		}
		for _, y := range years {
			// A year in which no post-Soviet state has a figure (e.g. the
			// Soviet era) has no ranking page for the default group.
			obs, err := st.Year(ind.ID, y)
			if err != nil {
				return nil, err
			}
			if slices.ContainsFunc(obs, func(o indicators.Observation) bool { return member[o.ISO3] }) {
				paths = append(paths, fmt.Sprintf("/indicator/%s/%d", ind.ID, y), fmt.Sprintf("/api/v1/rank/%s/%d.json", ind.ID, y))
			}
		}
	}
	return paths, nil
}

// fileFor maps a URL path to the file that serves it statically: pages
// become index.html in a folder of that name.
func fileFor(p string) string {
	switch {
	case p == "/":
		return "index.html"
	case path.Ext(p) == ".json" || path.Ext(p) == ".js" || path.Ext(p) == ".svg" || path.Ext(p) == ".png":
		return strings.TrimPrefix(p, "/")
	}
	return strings.TrimPrefix(p, "/") + "/index.html"
}

// BakeMarker is the file a bake writes last into the folder it fills. A
// folder that holds it holds a previous bake, which the next bake replaces
// whole; a folder without it is someone else's.
const BakeMarker = ".rankings-bake"

// markerPrefix begins the marker's one line; the number after it is the
// version of the baked layout.
const markerPrefix = "rankings-bake "

const markerLine = markerPrefix + "1\n"

// BakeOptions control a bake.
type BakeOptions struct {
	// Force replaces a folder that is not empty and holds no previous
	// bake, deleting everything in it, instead of refusing it.
	Force bool
	// Context, when not nil, stops the bake once it is done; the folder
	// is then left as it was.
	Context context.Context
	// Progress, when not nil, is told how many files are written.
	Progress func(done, total int)
}

// BakeReplaced says what was in the folder a bake wrote.
type BakeReplaced int

const (
	// ReplacedNothing: the folder was new or empty.
	ReplacedNothing BakeReplaced = iota
	// ReplacedBake: the folder held a previous bake.
	ReplacedBake
	// ReplacedFolder: the folder held other files, replaced with Force.
	ReplacedFolder
)

// BakeResult reports a finished bake.
type BakeResult struct {
	// Files is how many files the site has, not counting the marker.
	Files int
	// Replaced says what the folder held before.
	Replaced BakeReplaced
	// Leftover, when not empty, is a folder holding the replaced site
	// that could not be removed after the new one was in place.
	Leftover string
}

// BakeDirKind says why a folder cannot be baked into.
type BakeDirKind int

const (
	// BakeDirNotEmpty: the folder holds files and no previous bake.
	BakeDirNotEmpty BakeDirKind = iota + 1
	// BakeDirNotFolder: the path names a file (or a link to one).
	BakeDirNotFolder
	// BakeDirDanglingLink: the path is a symbolic link to nothing.
	BakeDirDanglingLink
	// BakeDirUnusable: the path cannot be looked at (no permission, a
	// parent is a file, a loop of links).
	BakeDirUnusable
	// BakeDirUnwritable: the folder's parent does not let bake create the
	// new site beside it.
	BakeDirUnwritable
	// BakeDirNotReplaceable: the folder cannot be renamed away (a mount
	// point, a folder in use, the root).
	BakeDirNotReplaceable
)

// BakeDirError is a folder a bake refused or could not use; the site's
// previous contents, if any, are untouched.
type BakeDirError struct {
	Dir  string
	Kind BakeDirKind
	// Target is where a dangling link points.
	Target string
	// Err is the underlying error, if any.
	Err error
}

func (e *BakeDirError) Error() string {
	switch e.Kind {
	case BakeDirNotEmpty:
		return fmt.Sprintf("%s is not empty and holds no previous bake", e.Dir)
	case BakeDirNotFolder:
		return fmt.Sprintf("%s is a file, not a folder", e.Dir)
	case BakeDirDanglingLink:
		return fmt.Sprintf("%s is a symbolic link to %s, which does not exist", e.Dir, e.Target)
	}
	return fmt.Sprintf("cannot bake into %s: %v", e.Dir, e.Err)
}

func (e *BakeDirError) Unwrap() error { return e.Err }

// Bake writes the whole site into dir as static files that any web server
// can serve at the same URLs; it is BakeWith with no options but progress.
func (s *Server) Bake(dir string, progress func(done, total int)) (int, error) {
	res, err := s.BakeWith(dir, BakeOptions{Progress: progress})
	return res.Files, err
}

// BakeWith writes the whole site into dir. A new or empty dir is filled;
// a dir holding a previous bake (its BakeMarker) is replaced whole, so
// files the new site no longer has are gone; any other non-empty dir is
// refused with a *BakeDirError, or replaced whole with o.Force. A
// replacement is built in a new folder beside dir and renamed into place
// only once complete, so a failed or stopped bake leaves dir as it was. A
// path that does not give 200 stops the bake with an error.
func (s *Server) BakeWith(dir string, o BakeOptions) (BakeResult, error) {
	if _, err := inspectBakeDir(dir, o.Force); err != nil {
		return BakeResult{}, err // refuse before any work
	}
	paths, err := s.BakePaths()
	if err != nil {
		return BakeResult{}, err
	}
	return s.bakeTo(dir, paths, o)
}

// bakeTarget is a folder found fit to bake into.
type bakeTarget struct {
	dir      string // absolute, links resolved
	exists   bool
	empty    bool
	perm     fs.FileMode
	replaced BakeReplaced
}

// inspectBakeDir decides what baking into dir means, or refuses it.
func inspectBakeDir(dir string, force bool) (bakeTarget, error) {
	fail := func(kind BakeDirKind, err error) (bakeTarget, error) {
		return bakeTarget{}, &BakeDirError{Dir: dir, Kind: kind, Err: err}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fail(BakeDirUnusable, err)
	}
	fi, err := os.Lstat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return bakeTarget{dir: abs}, nil
	}
	if err != nil {
		return fail(BakeDirUnusable, err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		// Bake into the folder the link names and keep the link.
		real, err := filepath.EvalSymlinks(abs)
		if errors.Is(err, fs.ErrNotExist) {
			to, _ := os.Readlink(abs)
			return bakeTarget{}, &BakeDirError{Dir: dir, Kind: BakeDirDanglingLink, Target: to, Err: err}
		}
		if err != nil {
			return fail(BakeDirUnusable, err)
		}
		abs = real
		if fi, err = os.Stat(abs); err != nil {
			return fail(BakeDirUnusable, err)
		}
	}
	if !fi.IsDir() {
		return fail(BakeDirNotFolder, nil)
	}
	t := bakeTarget{dir: abs, exists: true, perm: fi.Mode().Perm()}
	if t.empty, err = isEmptyDir(abs); err != nil {
		return fail(BakeDirUnusable, err)
	}
	switch {
	case t.empty:
		return t, nil
	case isBake(abs):
		t.replaced = ReplacedBake
	case force:
		t.replaced = ReplacedFolder
	default:
		return fail(BakeDirNotEmpty, nil)
	}
	if filepath.Dir(abs) == abs {
		return fail(BakeDirNotReplaceable, errors.New("the root folder cannot be replaced"))
	}
	return t, nil
}

// isEmptyDir reports whether dir has no entries.
func isEmptyDir(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// isBake reports whether dir holds a marker a bake wrote.
func isBake(dir string) bool {
	name := filepath.Join(dir, BakeMarker)
	if fi, err := os.Lstat(name); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(markerPrefix))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == markerPrefix
}

// bakeFault, when a test sets it, is called before each path is written;
// an error it returns stops the bake as a failed write would.
var bakeFault func(urlPath string) error

// bakeRename moves folders into and out of place; tests replace it.
var bakeRename = os.Rename

// bakeTo writes the given URL paths into dir as BakeWith describes.
func (s *Server) bakeTo(dir string, paths []string, o BakeOptions) (BakeResult, error) {
	t, err := inspectBakeDir(dir, o.Force)
	if err != nil {
		return BakeResult{}, err
	}
	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	paths = slices.Clone(paths)
	sort.Strings(paths)
	res := BakeResult{Files: len(paths), Replaced: t.replaced}

	if t.empty {
		// Fill the empty folder where it is (it may be a mount point, which
		// cannot be swapped); on failure, take out what was written.
		if err := s.writeSite(ctx, t.dir, paths, o.Progress); err != nil {
			for _, name := range topNames(paths) {
				os.RemoveAll(filepath.Join(t.dir, name))
			}
			return BakeResult{}, err
		}
		return res, nil
	}

	parent, base := filepath.Dir(t.dir), filepath.Base(t.dir)
	if !t.exists {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return BakeResult{}, &BakeDirError{Dir: dir, Kind: BakeDirUnwritable, Err: err}
		}
	}
	// One hidden folder beside dir holds the new site while it is built
	// and the old one while it is removed; nothing is ever renamed over a
	// folder, which Windows does not allow.
	hold, err := os.MkdirTemp(parent, "."+base+".bake-*")
	if err != nil {
		return BakeResult{}, &BakeDirError{Dir: dir, Kind: BakeDirUnwritable, Err: err}
	}
	site := filepath.Join(hold, "site")
	perm := fs.FileMode(0o755)
	if t.exists {
		perm = t.perm
	}
	err = os.Mkdir(site, perm)
	if err == nil && t.exists {
		err = os.Chmod(site, perm) // the replacement keeps the folder's mode
	}
	if err == nil {
		err = s.writeSite(ctx, site, paths, o.Progress)
	}
	if err != nil {
		os.RemoveAll(hold)
		return BakeResult{}, err
	}

	if !t.exists {
		if err := bakeRename(site, t.dir); err != nil {
			os.RemoveAll(hold)
			return BakeResult{}, err
		}
		os.Remove(hold)
		return res, nil
	}
	old := filepath.Join(hold, "old")
	if err := bakeRename(t.dir, old); err != nil {
		os.RemoveAll(hold)
		return BakeResult{}, &BakeDirError{Dir: dir, Kind: BakeDirNotReplaceable, Err: err}
	}
	if err := bakeRename(site, t.dir); err != nil {
		if rerr := bakeRename(old, t.dir); rerr != nil {
			// Keep hold: it is where the previous site now is.
			return BakeResult{}, fmt.Errorf("bake %s: %w; the previous site could not be put back and is in %s", dir, err, old)
		}
		os.RemoveAll(hold)
		return BakeResult{}, err
	}
	if err := os.RemoveAll(hold); err != nil {
		res.Leftover = hold
	}
	return res, nil
}

// writeSite writes every path into dir, then the marker.
func (s *Server) writeSite(ctx context.Context, dir string, paths []string, progress func(done, total int)) error {
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if bakeFault != nil {
			if err := bakeFault(p); err != nil {
				return err
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			body, _ := io.ReadAll(io.LimitReader(rec.Body, 300))
			return fmt.Errorf("bake %s: status %d: %s", p, rec.Code, bytes.TrimSpace(body))
		}
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(fileFor(p))), rec.Body.Bytes()); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	return writeFile(filepath.Join(dir, BakeMarker), []byte(markerLine))
}

// topNames lists the entries a bake of paths creates directly in its
// folder, the marker included.
func topNames(paths []string) []string {
	names := []string{BakeMarker}
	for _, p := range paths {
		first, _, _ := strings.Cut(fileFor(p), "/")
		if !slices.Contains(names, first) {
			names = append(names, first)
		}
	}
	return names
}

// writeFile writes a baked file, making its folder first.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return atomicfile.WriteBytes(name, data)
}
