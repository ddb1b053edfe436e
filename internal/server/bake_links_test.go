package server

import (
	"html"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// linkSeeds holds a page of every kind the site has, and the query-string
// chart page a compare page links to for an indicator it draws no chart of.
var linkSeeds = []string{
	"/",
	"/compare/KAZ,UZB",
	"/country/KAZ",
	"/indicator/rsf",
	"/indicator/rsf/2024",
	"/elections/KAZ",
	"/elections/KAZ,UZB",
	"/embed/ranking/rsf",
	"/chart/ranking/rsf.svg",
	"/chart/timeline?c=KAZ,UZB&indicator=wgi-rl",
	"/api/v1/countries.json",
	"/api/v1/openapi.json",
	// Every kind of page in Russian, under /ru.
	"/ru/",
	"/ru/compare/KAZ,UZB",
	"/ru/country/KAZ",
	"/ru/indicator/rsf",
	"/ru/indicator/rsf/2024",
	"/ru/elections/KAZ",
	"/ru/embed/ranking/rsf",
}

// anyLink matches every href and src attribute, in either quotes.
var anyLink = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// pageURL is the address a static server serves a baked file at.
func pageURL(file string) string {
	switch {
	case file == "index.html":
		return "/"
	case strings.HasSuffix(file, "/index.html"):
		return "/" + strings.TrimSuffix(file, "index.html")
	}
	return "/" + file
}

// servedFile reports whether a static server finds a file for the URL
// path p in dir: the file itself, or index.html in the folder.
func servedFile(dir, p string) bool {
	name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	if fi, err := os.Stat(name); err == nil {
		if !fi.IsDir() {
			return !strings.HasSuffix(p, "/")
		}
		fi, err := os.Stat(filepath.Join(name, "index.html"))
		return err == nil && !fi.IsDir()
	}
	return false
}

// brokenLinks crawls the given files of a baked site (slash paths in dir)
// and lists every internal link in them that a static server cannot
// answer: one with a query string, or one to no file. It also returns
// how many internal links it checked.
func brokenLinks(t *testing.T, dir string, files []string) (broken []string, checked int) {
	t.Helper()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		base, _ := url.Parse(pageURL(f))
		for _, m := range anyLink.FindAllStringSubmatch(string(b), -1) {
			raw := html.UnescapeString(m[1] + m[2])
			if raw == "" || strings.HasPrefix(raw, "#") || strings.HasPrefix(raw, "//") {
				continue
			}
			u, err := url.Parse(raw)
			if err != nil {
				broken = append(broken, f+": "+raw+" is not a URL")
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // another site, mailto:, data:
			}
			checked++
			u = base.ResolveReference(u)
			switch {
			case u.RawQuery != "":
				broken = append(broken, f+": "+raw+" has a query string, which a static copy cannot answer")
			case !servedFile(dir, u.Path):
				broken = append(broken, f+": "+raw+" leads to no file")
			}
		}
	}
	return broken, checked
}

func TestBakedPagesHaveNoBrokenLink(t *testing.T) {
	s := bakeServer()
	dir := filepath.Join(t.TempDir(), "site")
	// The seeds, and every page they link to; a full bake follows links
	// from those too, through the same code.
	if _, err := s.bakeTo(dir, linkSeeds, 1, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range linkSeeds {
		u, _ := url.Parse(p)
		files = append(files, fileFor(staticPath(u)))
	}
	broken, checked := brokenLinks(t, dir, files)
	for _, b := range broken {
		t.Error(b)
	}
	if checked < 100 {
		t.Errorf("only %d internal links checked: the crawl missed the pages' links", checked)
	}
}

// TestLinkSeedsCoverEveryKindOfPage makes sure the seeds of the link test
// hold a page of every route the bake lists, so that no kind of page goes
// unchecked.
func TestLinkSeedsCoverEveryKindOfPage(t *testing.T) {
	s := bakeServer()
	pattern := func(p string) string {
		r := withLangPrefix(httptest.NewRequest("GET", p, nil))
		_, pat := s.mux.Handler(r)
		if strings.HasPrefix(p, ruPrefix+"/") {
			pat += " (in Russian)"
		}
		return pat
	}
	seeded := map[string]bool{}
	for _, p := range linkSeeds {
		seeded[pattern(p)] = true
	}
	paths, err := s.BakePaths()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if ext := path.Ext(p); ext == ".json" || ext == ".js" {
			continue // documents hold no links
		}
		if pat := pattern(p); !seeded[pat] {
			t.Errorf("no seed of the link test is a %s page such as %s", pat, p)
			seeded[pat] = true
		}
	}
}

// TestAFullBakeHasNoBrokenLink bakes the whole site and checks every page
// of it; it takes minutes, so it runs only when RANKINGS_FULL_BAKE is set.
func TestAFullBakeHasNoBrokenLink(t *testing.T) {
	if os.Getenv("RANKINGS_FULL_BAKE") == "" {
		t.Skip("set RANKINGS_FULL_BAKE=1 to bake the whole site")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := bakeServer().BakeWith(dir, BakeOptions{}); err != nil {
		t.Fatal(err)
	}
	var pages []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".svg")) {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	broken, checked := brokenLinks(t, dir, pages)
	for i, b := range broken {
		if i == 20 {
			t.Errorf("… and %d more", len(broken)-20)
			break
		}
		t.Error(b)
	}
	t.Logf("%d pages, %d internal links checked", len(pages), checked)
}

func TestStaticPathSpellsOutTheQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/compare/KAZ,UZB", "/compare/KAZ,UZB"},
		{"/chart/timeline?indicator=rsf&c=KAZ,UZB", "/chart/timeline/c=KAZ,UZB&indicator=rsf"},
		{"/chart/timeline.png?c=KAZ&indicator=rsf", "/chart/timeline/c=KAZ&indicator=rsf.png"},
		{"/api/v1/compare/KAZ,UZB.json?year=2020", "/api/v1/compare/KAZ,UZB/year=2020.json"},
		{"/x?a=b/c.d&a=e%20f", "/x/a=b~2Fc~2Ed&a=e~20f"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := staticPath(u); got != c.want {
			t.Errorf("staticPath(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestBakeLinksRewritesWhatAStaticCopyCannotServe(t *testing.T) {
	base, _ := url.Parse("/compare/KAZ,UZB")
	page := `<a href="/chart/timeline?c=KAZ,UZB&amp;indicator=rsf#top">t</a> <a href="/country/KAZ">k</a> ` +
		`<img src="rsf.svg"> <a href="https://example.org/?q=1">x</a> <a href="#h-rsf">h</a>`
	got, links := bakeLinks(base, []byte(page))
	want := `<a href="/chart/timeline/c=KAZ,UZB&amp;indicator=rsf#top">t</a> <a href="/country/KAZ">k</a> ` +
		`<img src="/compare/rsf.svg"> <a href="https://example.org/?q=1">x</a> <a href="#h-rsf">h</a>`
	if string(got) != want {
		t.Errorf("page\n%s\nwant\n%s", got, want)
	}
	if strings.Join(links, " ") != "/chart/timeline?c=KAZ,UZB&indicator=rsf /country/KAZ /compare/rsf.svg" {
		t.Errorf("links %q", links)
	}
}
