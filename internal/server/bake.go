package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
	"github.com/rankings-dev/rankings/internal/i18n"
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
	// Every page again in Russian, under /ru (see ruPrefix); the API's
	// documents and the files are the same in both.
	for _, p := range paths {
		if isPage(p) {
			paths = append(paths, langPath(i18n.RU, p))
		}
	}
	return paths, nil
}

// isPage reports whether the site's path p is a page a reader reads, which
// has a version in each language: not an API document, an asset or a
// file.
func isPage(p string) bool {
	return !strings.HasPrefix(p, "/api/") && !strings.HasPrefix(p, "/assets/") && !isFileExt(path.Ext(p))
}

// fileFor maps a URL path to the file that serves it statically: a path
// with an extension (.json, .svg, .png, .js …) is that file, any other
// path a page, index.html in a folder of that name.
func fileFor(p string) string {
	switch {
	case p == "/":
		return "index.html"
	case isFileExt(path.Ext(p)):
		return strings.TrimPrefix(p, "/")
	}
	return strings.TrimPrefix(p, "/") + "/index.html"
}

// isFileExt reports whether ext, a path's extension, makes it a file, not
// a page: a dot and one or more lower-case letters or digits.
func isFileExt(ext string) bool {
	if len(ext) < 2 || ext[0] != '.' {
		return false
	}
	for _, c := range []byte(ext[1:]) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// staticPath is the path at which a baked copy serves the site's URL u (a
// path with an optional query). A path without a query is itself. A
// static file cannot answer a query string, so a URL with one is baked
// at a path that spells its parameters out, in name order, after the
// route's own path: /chart/timeline?indicator=rsf&c=KAZ,UZB is baked at
// /chart/timeline/c=KAZ,UZB&indicator=rsf (a page) and
// /chart/timeline.png?… at /chart/timeline/c=…&indicator=rsf.png. The
// "=" keeps these apart from the path forms, whose segments have none;
// any character but letters, digits and ",_-=&" is written as ~ and its
// hexadecimal code, so that the name is a file name on every system.
func staticPath(u *url.URL) string {
	if u.RawQuery == "" {
		return u.Path
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		q = url.Values{"": {u.RawQuery}}
	}
	names := make([]string, 0, len(q))
	for n := range q {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		for _, v := range q[n] {
			parts = append(parts, fileSafe(n)+"="+fileSafe(v))
		}
	}
	base, ext := u.Path, path.Ext(u.Path)
	if isFileExt(ext) {
		base = strings.TrimSuffix(base, ext)
	} else {
		ext = ""
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.Join(parts, "&") + ext
}

// fileSafe writes s with only letters, digits and ",_-", every other byte
// as ~ and two hexadecimal digits.
func fileSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == ',', c == '_', c == '-':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "~%02X", c)
		}
	}
	return b.String()
}

// replaceLinks calls f on each link of a page the site renders, an href or
// src attribute in double quotes as the templates write them (a space, tab
// or line break, href= or src=, and the value up to the next quote), and
// puts what f returns in the match's place. attr is the match up to its
// opening quote, value what the quotes hold. It finds what the expression
// (\s(?:href|src)=)"([^"]*)" finds (TestReplaceLinksIsTheExpression),
// scanning the page once: the expression took a seventh of a bake.
func replaceLinks(page []byte, f func(match, attr, value []byte) []byte) []byte {
	out := make([]byte, 0, len(page))
	last := 0
	for i := 0; i < len(page); i++ {
		switch page[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		rest := page[i+1:]
		n := 0
		switch {
		case bytes.HasPrefix(rest, []byte(`href="`)):
			n = len(`href="`)
		case bytes.HasPrefix(rest, []byte(`src="`)):
			n = len(`src="`)
		default:
			continue
		}
		start := i + 1 + n
		end := bytes.IndexByte(page[start:], '"')
		if end < 0 {
			break
		}
		end += start
		out = append(out, page[last:i]...)
		out = append(out, f(page[i:end+1], page[i:start-1], page[start:end])...)
		last = end + 1
		i = end
	}
	return append(out, page[last:]...)
}

// internalLink resolves an attribute value found in the page at base to a
// URL of the site, or reports that it is not one (another origin, a
// fragment of the same page, a mailto: or data: address).
func internalLink(base *url.URL, raw string) (*url.URL, bool) {
	v := html.UnescapeString(raw)
	if v == "" || strings.HasPrefix(v, "#") || strings.HasPrefix(v, "//") {
		return nil, false
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return nil, false
	}
	return base.ResolveReference(u), true
}

// bakeLinks rewrites the links of a page at base that a static copy
// cannot serve as they are (those with a query string, and relative ones)
// to the paths staticPath bakes them at, and returns the page and the
// site URLs (path and query) it links to.
func bakeLinks(base *url.URL, page []byte) ([]byte, []string) {
	var links []string
	out := replaceLinks(page, func(m, attr, value []byte) []byte {
		u, ok := internalLink(base, string(value))
		if !ok {
			return m
		}
		target := u.EscapedPath()
		if u.RawQuery != "" {
			target += "?" + u.RawQuery
		}
		links = append(links, target)
		if u.RawQuery == "" && bytes.HasPrefix(value, []byte("/")) {
			return m
		}
		p := (&url.URL{Path: staticPath(u)}).EscapedPath()
		if u.Fragment != "" {
			p += "#" + u.EscapedFragment()
		}
		return []byte(string(attr) + `"` + html.EscapeString(p) + `"`)
	})
	return out, links
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
	// Stale are the hidden folders beside the site that an earlier bake
	// into it, stopped before it finished (killed, or the machine went
	// down), left behind; they are never removed unasked, as another bake
	// may be writing one.
	Stale []StaleBake
}

// StaleBake is a folder an interrupted bake left beside the site.
type StaleBake struct {
	Dir string
	// HoldsSite: the bake had already moved the previous site into the
	// folder's "old" subfolder, so it may be the only copy of it.
	HoldsSite bool
}

// staleBakes finds the folders interrupted bakes into dir left beside it.
func staleBakes(dir string) []StaleBake {
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	entries, _ := os.ReadDir(parent)
	var out []StaleBake
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "."+base+".bake-") {
			continue
		}
		m := filepath.Join(parent, e.Name())
		_, err := os.Stat(filepath.Join(m, "old"))
		out = append(out, StaleBake{Dir: m, HoldsSite: err == nil})
	}
	return out
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

// BakeWith writes the whole site into dir: every path BakePaths lists
// and every page, document and image those pages link to, followed link
// by link, so that no link of a baked page leads nowhere. A link with a
// query string is baked at the path staticPath spells out and rewritten
// in the page to point there. A new or empty dir is filled;
// a dir holding a previous bake (its BakeMarker) is replaced whole, so
// files the new site no longer has are gone; any other non-empty dir is
// refused with a *BakeDirError, or replaced whole with o.Force. A
// replacement is built in a new folder beside dir and renamed into place
// only once complete, so a failed or stopped bake leaves dir as it was. A
// path that does not give 200 stops the bake with an error that names the
// page linking to it.
func (s *Server) BakeWith(dir string, o BakeOptions) (BakeResult, error) {
	if _, err := inspectBakeDir(dir, o.Force); err != nil {
		return BakeResult{}, err // refuse before any work
	}
	paths, err := s.BakePaths()
	if err != nil {
		return BakeResult{}, err
	}
	return s.bakeTo(dir, paths, -1, o)
}

// staticCopy is a server like s that renders pages for a baked copy
// (Server.baking), with a cache of its own so that no page of the copy is
// served live.
func (s *Server) staticCopy() *Server {
	c := New(s.opts)
	c.baking = true
	return c
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

// bakeTo writes the given URL paths into dir as BakeWith describes, and
// the pages they link to up to depth links away from them (every page
// reachable when depth is negative).
func (s *Server) bakeTo(dir string, paths []string, depth int, o BakeOptions) (BakeResult, error) {
	if !s.baking {
		return s.staticCopy().bakeTo(dir, paths, depth, o)
	}
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
	res := BakeResult{Replaced: t.replaced, Stale: staleBakes(t.dir)}

	if t.empty {
		// Fill the empty folder where it is (it may be a mount point, which
		// cannot be swapped); on failure, take out what was written.
		files, err := s.writeSite(ctx, t.dir, paths, depth, o.Progress)
		if err != nil {
			for _, name := range topNames(files) {
				os.RemoveAll(filepath.Join(t.dir, name))
			}
			return BakeResult{}, err
		}
		res.Files = len(files)
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
		var files []string
		files, err = s.writeSite(ctx, site, paths, depth, o.Progress)
		res.Files = len(files)
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

// writeSite writes every path into dir, and every page they link to up to
// depth links away (all when depth is negative), then the marker. It
// returns the files it wrote, the marker not included, also on failure.
func (s *Server) writeSite(ctx context.Context, dir string, paths []string, depth int, progress func(done, total int)) (files []string, err error) {
	type item struct {
		url   string // path and query, as the site serves it
		from  string // the page that links to it; "" for a listed path
		depth int
	}
	var queue []item
	seen := map[string]bool{} // baked paths (staticPath)
	add := func(raw, from string, d int) error {
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("bake %s: a link to %q that is not a URL", from, raw)
		}
		if p := staticPath(u); !seen[p] {
			seen[p] = true
			queue = append(queue, item{raw, from, d})
		}
		return nil
	}
	for _, p := range paths {
		if err := add(p, "", 0); err != nil {
			return nil, err
		}
	}
	// Workers render and write pages side by side; this goroutine alone
	// keeps the queue and follows links.
	type result struct {
		it    item
		name  string // the file it is baked as, "" if it failed to render
		links []string
		err   error
	}
	jobs, results := make(chan item), make(chan result)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for it := range jobs {
				r := result{it: it}
				var body []byte
				r.name, body, r.links, r.err = s.bakeOne(it.url, it.from)
				if r.err == nil {
					r.err = writeFile(filepath.Join(dir, filepath.FromSlash(r.name)), body)
				}
				results <- r
			}
		}()
	}
	busy := 0
	defer func() {
		close(jobs)
		for ; busy > 0; busy-- { // wait for the pages still being written
			if r := <-results; r.name != "" && r.err == nil {
				files = append(files, r.name)
			}
		}
	}()

	next, faulted := 0, -1
	for next < len(queue) || busy > 0 {
		var send chan item
		var it item
		if next < len(queue) && ctx.Err() == nil {
			it = queue[next]
			if bakeFault != nil && faulted < next {
				faulted = next
				if err := bakeFault(it.url); err != nil {
					return files, err
				}
			}
			send = jobs
		}
		if send == nil && busy == 0 {
			return files, ctx.Err()
		}
		select {
		case send <- it:
			next++
			busy++
			continue
		case r := <-results:
			busy--
			if r.name != "" {
				files = append(files, r.name)
			}
			if r.err != nil {
				return files, r.err
			}
			if depth < 0 || r.it.depth < depth {
				for _, l := range r.links {
					if err := add(l, r.it.url, r.it.depth+1); err != nil {
						return files, err
					}
				}
			}
			if progress != nil {
				progress(len(files), len(queue))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return files, err
	}
	return files, writeFile(filepath.Join(dir, BakeMarker), []byte(markerLine))
}

// bakeOne renders the site's URL raw (path and query), linked from the
// page from ("" for a listed path), and returns the file it is baked as,
// its content with the links rewritten for a static copy, and the site
// URLs a page links to.
func (s *Server) bakeOne(raw, from string) (name string, body []byte, links []string, err error) {
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, raw, nil))
	if rec.Code != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(rec.Body, 300))
		if from != "" {
			return "", nil, nil, fmt.Errorf("bake %s (linked from %s): status %d: %s", raw, from, rec.Code, bytes.TrimSpace(msg))
		}
		return "", nil, nil, fmt.Errorf("bake %s: status %d: %s", raw, rec.Code, bytes.TrimSpace(msg))
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", nil, nil, err
	}
	body = rec.Body.Bytes()
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body, links = bakeLinks(u, body)
	}
	return fileFor(staticPath(u)), body, links, nil
}

// topNames lists the entries a bake of these files creates directly in
// its folder, the marker included.
func topNames(files []string) []string {
	names := []string{BakeMarker}
	for _, f := range files {
		first, _, _ := strings.Cut(f, "/")
		if !slices.Contains(names, first) {
			names = append(names, first)
		}
	}
	return names
}

// writeFile writes a baked file, making its folder first. The file is
// new in a folder no one serves yet (a new site being built, or an empty
// folder being filled), so it is written in place without the sync and
// rename of an atomic write: syncing each of thousands of files would
// take most of the bake's time, and a failed bake is removed whole.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
