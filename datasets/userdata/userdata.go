// Package userdata is the user's data directory: the files a user imported,
// layered over the embedded data.
//
// # Layout
//
//	<dir>/manifest.json        the imports: id, source, file, date, what they cover
//	<dir>/imports/<id>.csv     one import's figures, in the long format (datasets/FORMAT.md)
//	<dir>/imports/<id>-elections.csv   or its elections, in the elections table format
//
// The manifest is the single commit point. Every file is written to a
// temporary file, synced, renamed into place and its directory synced; the
// data file comes first, then the manifest. A process killed at any moment
// so leaves either the old manifest (and perhaps an unreferenced data file,
// which the next change removes) or the new one with its data complete:
// never a half-written import. Changes take an exclusive flock on the
// directory, so concurrent imports queue instead of overwriting each
// other's manifest.
package userdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/datasets/importers"
	"github.com/rankings-dev/rankings/indicators"
)

const (
	manifestName = "manifest.json"
	importsDir   = "imports"
	// Version is the manifest format this package writes.
	Version = 1
)

// DefaultPath is the data directory when no --data-dir is given:
// $XDG_DATA_HOME/rankings, or ~/.local/share/rankings. It is "" when
// neither XDG_DATA_HOME (absolute) nor HOME is set: there is then no user
// data.
func DefaultPath(getenv func(string) string) string {
	if x := getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "rankings")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "rankings")
	}
	return ""
}

// Manifest lists the imports of a data directory, oldest first.
type Manifest struct {
	Version int     `json:"version"`
	NextID  int     `json:"next_id"`
	Imports []Entry `json:"imports"`
}

// Entry is one import.
type Entry struct {
	ID       int       `json:"id"`
	Source   string    `json:"source"`
	File     string    `json:"file"`   // the file as the user named it
	SHA256   string    `json:"sha256"` // of the imported file
	Imported time.Time `json:"imported"`
	What     string    `json:"what"` // "rsf 2026"
	// Covers lists per indicator id (datasets.ElectionsID for elections)
	// the years the import replaces.
	Covers map[string][]int `json:"covers"`
	// Indicators are the new indicators the import defines.
	Indicators []importers.IndicatorMeta `json:"indicators,omitempty"`
	Data       string                    `json:"data"`        // the stored file, relative to the directory
	DataSHA256 string                    `json:"data_sha256"` // of the stored file
	Warnings   []string                  `json:"warnings,omitempty"`
}

// Elections reports whether the import holds elections rather than
// figures.
func (e Entry) Elections() bool { return len(e.Covers[datasets.ElectionsID]) > 0 }

// Date is the day of the import, as commands print it.
func (e Entry) Date() string { return e.Imported.Format("2006-01-02") }

// Label is how commands name the import when they use it: "rsf 2026 from
// import 3 of 2026-05-03".
func (e Entry) Label() string { return fmt.Sprintf("%s from import %d of %s", e.What, e.ID, e.Date()) }

// Dir is a data directory. Its methods may be called by several processes
// at once.
type Dir struct {
	Path string
}

// Open returns the data directory at path; it need not exist yet.
func Open(path string) *Dir { return &Dir{Path: path} }

// Manifest reads the directory's manifest. A directory that does not exist
// or has no manifest has no imports.
func (d *Dir) Manifest() (Manifest, error) {
	b, err := os.ReadFile(filepath.Join(d.Path, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return Manifest{Version: Version, NextID: 1}, nil
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("data directory %s: %w", d.Path, err)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("data directory %s: %s is not a valid manifest (%v): move the directory away to start afresh", d.Path, manifestName, err)
	}
	if m.Version != Version {
		return Manifest{}, fmt.Errorf("data directory %s: manifest version %d, this rankings reads version %d", d.Path, m.Version, Version)
	}
	if m.NextID < 1 {
		m.NextID = 1
	}
	for _, e := range m.Imports {
		if !dataName().MatchString(e.Data) || e.ID < 1 {
			return Manifest{}, fmt.Errorf("data directory %s: %s: import %d has a bad data file %q: move the directory away to start afresh", d.Path, manifestName, e.ID, e.Data)
		}
		if e.ID >= m.NextID {
			m.NextID = e.ID + 1
		}
	}
	return m, nil
}

// dataName is the form of a stored import file (compiled on first use, not
// at every command's start).
var dataName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^imports/[0-9]+(-elections)?\.csv$`) })

// Overlays returns the imports as overlays for datasets.Store.With, oldest
// first. Each import's file is read on first use and checked against its
// checksum.
func (d *Dir) Overlays() ([]datasets.Overlay, error) {
	m, err := d.Manifest()
	if err != nil {
		return nil, err
	}
	return d.OverlaysOf(m), nil
}

// OverlaysOf returns the imports of m, a manifest of the directory, as
// Overlays does.
func (d *Dir) OverlaysOf(m Manifest) []datasets.Overlay {
	out := make([]datasets.Overlay, 0, len(m.Imports))
	for _, e := range m.Imports {
		e := e
		o := datasets.Overlay{Label: e.Label(), Covers: e.Covers}
		for _, meta := range e.Indicators {
			o.Indicators = append(o.Indicators, meta.Indicator(0))
		}
		o.Load = func() ([]indicators.Observation, []indicators.Election, error) { return d.load(e) }
		out = append(out, o)
	}
	return out
}

// load reads one import's stored file.
func (d *Dir) load(e Entry) ([]indicators.Observation, []indicators.Election, error) {
	path := filepath.Join(d.Path, filepath.FromSlash(e.Data))
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: run rankings import --remove %d and import the file again", err, e.ID)
	}
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != e.DataSHA256 {
		return nil, nil, fmt.Errorf("%s was changed after the import (checksum differs): run rankings import --remove %d and import the file again", path, e.ID)
	}
	if e.Elections() {
		recs, err := importers.ReadODIHR(bytes.NewReader(b), path)
		if err != nil {
			return nil, nil, err
		}
		es := make([]indicators.Election, len(recs))
		for i, r := range recs {
			es[i] = r.Election
		}
		return nil, es, nil
	}
	obs, err := importers.ReadLong(bytes.NewReader(b), path)
	return obs, nil, err
}

// Add stores an import: data is its file (long format, or the elections
// table when e covers elections) and e its manifest entry, whose ID, date
// (now), Data and DataSHA256 Add fills in. It returns the stored entry. See
// the package documentation for why a crash leaves the old or the new
// state.
func (d *Dir) Add(e Entry, data []byte, now time.Time) (Entry, error) {
	return d.AddChecked(e, data, now, nil)
}

// AddChecked is Add with a last check. Under the directory's lock, before
// anything is written, check (unless nil) is given the manifest as it is
// then and e: a concurrent import may have changed the manifest since the
// caller read it, so every check that depends on earlier imports belongs
// there. check returns the entry to store (its warnings, say, made again
// from m), or an error, and then AddChecked writes nothing and returns it.
// The entry's ID is the manifest's next id whatever check returns.
func (d *Dir) AddChecked(e Entry, data []byte, now time.Time, check func(m Manifest, e Entry) (Entry, error)) (Entry, error) {
	if err := os.MkdirAll(filepath.Join(d.Path, importsDir), 0o755); err != nil {
		return Entry{}, fmt.Errorf("data directory: %w", err)
	}
	if err := syncDir(filepath.Dir(d.Path)); err != nil {
		return Entry{}, err
	}
	unlock, err := d.lock()
	if err != nil {
		return Entry{}, err
	}
	defer unlock()
	m, err := d.Manifest()
	if err != nil {
		return Entry{}, err
	}
	if check != nil {
		if e, err = check(m, e); err != nil {
			return Entry{}, err
		}
	}
	if err := d.clean(m); err != nil {
		return Entry{}, err
	}
	e.ID, m.NextID = m.NextID, m.NextID+1
	e.Imported = now
	e.Data = fmt.Sprintf("%s/%d.csv", importsDir, e.ID)
	if e.Elections() {
		e.Data = fmt.Sprintf("%s/%d-elections.csv", importsDir, e.ID)
	}
	sum := sha256.Sum256(data)
	e.DataSHA256 = hex.EncodeToString(sum[:])
	if err := writeAtomic(filepath.Join(d.Path, filepath.FromSlash(e.Data)), data, "data"); err != nil {
		return Entry{}, err
	}
	m.Imports = append(m.Imports, e)
	if err := d.writeManifest(m); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// Remove deletes an import: the manifest first (the commit point), then its
// file.
func (d *Dir) Remove(id int) (Entry, error) {
	if _, err := os.Stat(d.Path); errors.Is(err, fs.ErrNotExist) {
		return Entry{}, indicators.Errorf(indicators.ENotFound, "no import %d: the data directory %s has no imports", id, d.Path)
	}
	unlock, err := d.lock()
	if err != nil {
		return Entry{}, err
	}
	defer unlock()
	m, err := d.Manifest()
	if err != nil {
		return Entry{}, err
	}
	at := -1
	ids := make([]string, len(m.Imports))
	for i, e := range m.Imports {
		if e.ID == id {
			at = i
		}
		ids[i] = fmt.Sprint(e.ID)
	}
	if at < 0 {
		if len(ids) == 0 {
			return Entry{}, indicators.Errorf(indicators.ENotFound, "no import %d: the data directory %s has no imports", id, d.Path)
		}
		return Entry{}, indicators.Errorf(indicators.ENotFound, "no import %d (imports: %s; see rankings import --list)", id, strings.Join(ids, ", "))
	}
	e := m.Imports[at]
	m.Imports = append(m.Imports[:at:at], m.Imports[at+1:]...)
	if err := d.writeManifest(m); err != nil {
		return Entry{}, err
	}
	return e, d.clean(m)
}

func (d *Dir) writeManifest(m Manifest) error {
	m.Version = Version
	if m.Imports == nil {
		m.Imports = []Entry{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(d.Path, manifestName), append(b, '\n'), "manifest")
}

// clean removes what a crashed change left behind: temporary files and
// stored files no import refers to. It runs under the lock.
func (d *Dir) clean(m Manifest) error {
	used := map[string]bool{}
	for _, e := range m.Imports {
		used[e.Data] = true
	}
	removed := false
	for _, dir := range []string{"", importsDir} {
		entries, err := os.ReadDir(filepath.Join(d.Path, dir))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return err
		}
		for _, f := range entries {
			rel := strings.TrimPrefix(dir+"/"+f.Name(), "/")
			stale := strings.HasPrefix(f.Name(), ".") && strings.Contains(f.Name(), ".tmp-")
			if dir == importsDir && dataName().MatchString(rel) && !used[rel] {
				stale = true
			}
			if stale && f.Type().IsRegular() {
				if err := os.Remove(filepath.Join(d.Path, dir, f.Name())); err != nil {
					return err
				}
				removed = true
			}
		}
	}
	if removed {
		if err := syncDir(filepath.Join(d.Path, importsDir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return syncDir(d.Path)
	}
	return nil
}

// hook is called at each step of writeAtomic; tests use it to kill the
// process in the middle of a write.
var hook = func(step string) {}

// writeAtomic replaces path with data: a temporary file in the same
// directory, written and synced, renamed over path, then the directory
// synced, so that path holds either its old or its new bytes whatever
// happens. what names the file for the hook ("data", "manifest").
func writeAtomic(path string, data []byte, what string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	hook(what + ": written")
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	hook(what + ": synced")
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	hook(what + ": renamed")
	if err := syncDir(dir); err != nil {
		return err
	}
	hook(what + ": dir synced")
	return nil
}
