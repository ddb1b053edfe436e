package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rankings-dev/rankings/charts"
)

// tgzOf packs files (name → content) as an npm tarball does.
func tgzOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for name, data := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write(data)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return b.Bytes()
}

// fakeRegistry serves tgz at the pinned tarball's path, pins the
// download to pin (the SHA-256 a test expects), keeps the user cache in a
// temporary folder, and runs the test outside the repository so that no
// .cache copy is found. It returns the cache file and a request counter.
func fakeRegistry(t *testing.T, tgz []byte, pin string) (cached string, hits *atomic.Int32) {
	t.Helper()
	hits = new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != "/echarts/-/echarts-"+charts.EChartsVersion+".tgz" {
			http.NotFound(w, r)
			return
		}
		w.Write(tgz)
	}))
	t.Cleanup(srv.Close)
	useRegistry(t, srv.URL, pin)
	cache := t.TempDir()
	userCacheDir = func() (string, error) { return cache, nil }
	t.Cleanup(func() { userCacheDir = os.UserCacheDir })
	t.Chdir(t.TempDir())
	return filepath.Join(cache, "rankings", "echarts", charts.EChartsVersion, "echarts.min.js"), hits
}

func useRegistry(t *testing.T, url, pin string) {
	oldURL, oldPin := echartsRegistry, echartsTarballSHA256
	echartsRegistry, echartsTarballSHA256 = url, pin
	t.Cleanup(func() { echartsRegistry, echartsTarballSHA256 = oldURL, oldPin })
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// noCacheFile fails if the cache holds the library or anything beside it.
func noCacheFile(t *testing.T, cached string) {
	t.Helper()
	if _, err := os.Stat(cached); !os.IsNotExist(err) {
		t.Errorf("%s was stored", cached)
	}
	if entries, _ := os.ReadDir(filepath.Dir(cached)); len(entries) > 0 {
		t.Errorf("the cache folder holds %v", entries)
	}
}

func TestOfflineFetchesTheLibraryOnceIntoTheUserCache(t *testing.T) {
	js := readFile(t, echartsFile(t)) // before leaving the repository
	tgz := tgzOf(t, map[string][]byte{"package/package.json": []byte(`{"name":"echarts"}`), "package/dist/echarts.min.js": js})
	cached, hits := fakeRegistry(t, tgz, sha(tgz))

	_, stderr, code := run("chart", "ranking", "-i", "rsf", "--offline", "-o", "a.html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stderr, "\n"); n != 1 || !strings.Contains(stderr, "fetching ECharts "+charts.EChartsVersion) {
		t.Errorf("stderr %q, want one line saying what is fetched", stderr)
	}
	if got, err := os.ReadFile(cached); err != nil || !bytes.Equal(got, js) {
		t.Errorf("the cache does not hold the library: %v", err)
	}
	if !bytes.Contains(readFile(t, "a.html"), js[:4096]) {
		t.Error("the page does not inline the fetched library")
	}

	// The second time the cached copy serves, with no download and no note.
	_, stderr, code = run("chart", "ranking", "-i", "rsf", "--offline", "-o", "b.html")
	if code != 0 || hits.Load() != 1 || stderr != "" {
		t.Errorf("second run: exit %d, %d downloads, stderr %q", code, hits.Load(), stderr)
	}
}

func TestOfflineRefusesAPackageThatIsNotThePinnedOne(t *testing.T) {
	good := tgzOf(t, map[string][]byte{"package/dist/echarts.min.js": []byte("window.echarts = {};")})
	for _, c := range []struct {
		name string
		tgz  []byte
		pin  string
		want string
	}{
		// The tarball's checksum is wrong.
		{"tarball", tgzOf(t, map[string][]byte{"package/dist/echarts.min.js": []byte("alert(1)")}), sha(good), "SHA-256"},
		// The tarball is the pinned one, the library in it is not.
		{"library", good, sha(good), "is not echarts " + charts.EChartsVersion},
	} {
		t.Run(c.name, func(t *testing.T) {
			cached, _ := fakeRegistry(t, c.tgz, c.pin)
			_, stderr, code := run("chart", "ranking", "-i", "rsf", "--offline", "-o", "a.html")
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != 2 || !strings.Contains(lines[1], "nothing was stored") || !strings.Contains(lines[1], c.want) || !strings.Contains(lines[1], "--echarts-js") {
				t.Errorf("stderr %q, want the note and one line naming the mismatch", stderr)
			}
			noCacheFile(t, cached)
			if _, err := os.Stat("a.html"); !os.IsNotExist(err) {
				t.Error("a page was written")
			}
		})
	}
}

func TestOfflineWithoutNetworkSaysHowToSupplyTheLibrary(t *testing.T) {
	cached, _ := fakeRegistry(t, nil, "")
	srv := httptest.NewServer(http.NotFoundHandler())
	dead := srv.URL
	srv.Close() // nothing answers there now
	useRegistry(t, dead, echartsTarballSHA256)

	_, stderr, code := run("charts", "--year", "2024", "-i", "rsf", "--offline", "-o", "set")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], dead+"/echarts/-/echarts-") || !strings.Contains(lines[1], "--echarts-js") || !strings.Contains(lines[1], EChartsEnv) {
		t.Errorf("stderr %q, want the note and one line saying how to supply the file", stderr)
	}
	noCacheFile(t, cached)
}
