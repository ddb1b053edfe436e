package cli

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rankings-dev/rankings/charts"
	"github.com/rankings-dev/rankings/internal/atomicfile"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// echartsTarballSHA256 pins the npm package --offline takes the ECharts
// library from when it has no copy: the same tarball `make echarts`
// fetches (ECHARTS_TGZ_SHA256 in the Makefile). Tests pin their own.
var echartsTarballSHA256 = "e1b82487dd7f8d9f0438eec1f1433051148e0095ac7a15d4db890afda45cf610"

// The library's place in the tarball, and a bound on the download.
const (
	echartsTarballMember = "package/dist/echarts.min.js"
	// echartsTarballMax bounds the download; the tarball is about 9 MB.
	echartsTarballMax = 64 << 20
)

// echartsRegistry is the npm registry the tarball is fetched from; tests
// point it at a stand-in.
var echartsRegistry = "https://registry.npmjs.org"

// userCacheDir is the user's cache folder; tests replace it.
var userCacheDir = os.UserCacheDir

// echartsFetchTimeout bounds the whole download.
const echartsFetchTimeout = 5 * time.Minute

// echartsTarballURL is the address of the pinned tarball at registry base.
func echartsTarballURL(base string) string {
	return fmt.Sprintf("%s/echarts/-/echarts-%s.tgz", base, charts.EChartsVersion)
}

// echartsUserCache is where rankings keeps the library it fetched itself:
// rankings/echarts/VERSION/echarts.min.js in the user's cache folder.
func echartsUserCache() (string, error) {
	dir, err := userCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "rankings", "echarts", charts.EChartsVersion, "echarts.min.js"), nil
}

// tamperedError is a download that is not the pinned package; Detail
// says how it differs.
type tamperedError struct{ Detail string }

func (e *tamperedError) Error() string { return "not the pinned package: " + e.Detail }

func tampered(format string, args ...any) error {
	return &tamperedError{fmt.Sprintf(format, args...)}
}

// fetchECharts downloads the pinned tarball from the registry at base,
// checks its SHA-256 and that of the library in it, and stores the
// library at dest, saying so in one line on note first. Nothing is stored
// unless both checks pass.
func fetchECharts(ctx context.Context, base, dest string, note io.Writer, l i18n.Lang) ([]byte, error) {
	src := echartsTarballURL(base)
	fmt.Fprintf(note, "%s\n", l.T("echarts.fetching", charts.EChartsVersion, src, filepath.Dir(dest)))
	ctx, cancel := context.WithTimeout(ctx, echartsFetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "rankings/"+buildVersion())
	resp, err := httpClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the registry answered %s", resp.Status)
	}
	tgz, err := io.ReadAll(io.LimitReader(resp.Body, echartsTarballMax+1))
	if err != nil {
		return nil, err
	}
	if len(tgz) > echartsTarballMax {
		return nil, tampered("larger than %d MiB", echartsTarballMax>>20)
	}
	if sum := sha256.Sum256(tgz); hex.EncodeToString(sum[:]) != echartsTarballSHA256 {
		return nil, tampered("its SHA-256 is %s, not %s", hex.EncodeToString(sum[:]), echartsTarballSHA256)
	}
	js, err := tarMember(tgz, echartsTarballMember)
	if err != nil {
		return nil, tampered("%v", err)
	}
	if err := charts.CheckECharts(js); err != nil {
		return nil, tampered("%s", strings.TrimPrefix(err.Error(), "charts: "))
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteBytes(dest, js); err != nil {
		return nil, err
	}
	return js, nil
}

// tarMember reads the file name from a gzipped tar archive.
func tarMember(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("it holds no %s", name)
		}
		if err != nil {
			return nil, err
		}
		if h.Name == name && h.Typeflag == tar.TypeReg {
			return io.ReadAll(io.LimitReader(tr, echartsTarballMax))
		}
	}
}

// fetchedECharts returns the library rankings keeps in the user's cache
// folder, fetching it there first when it is not yet there (or is not the
// pinned file). An error is one line saying how to supply the file.
func fetchedECharts(env *Env) ([]byte, string, error) {
	dest, err := echartsUserCache()
	if err != nil {
		return nil, "", usagef("--offline needs the ECharts %s library and there is no user cache folder to fetch it into (%v): pass --echarts-js PATH or set %s", charts.EChartsVersion, err, EChartsEnv)
	}
	if js, err := os.ReadFile(dest); err == nil && charts.CheckECharts(js) == nil {
		return js, dest, nil
	}
	js, err := fetchECharts(context.Background(), echartsRegistry, dest, env.Stderr, env.Lang)
	var te *tamperedError
	switch {
	case errors.As(err, &te):
		return nil, "", fmt.Errorf("--offline: the ECharts package downloaded from %s is not the pinned one (%s), so nothing was stored: try again later, or pass the dist/echarts.min.js of echarts %s with --echarts-js PATH", echartsTarballURL(echartsRegistry), te.Detail, charts.EChartsVersion)
	case err != nil:
		return nil, "", usagef("--offline needs the ECharts %s library and could not fetch it from %s (%s): connect to the network and run the command again, or download that file, take package/dist/echarts.min.js out of it and pass it with --echarts-js PATH or set %s to its path", charts.EChartsVersion, echartsTarballURL(echartsRegistry), fetchErrText(err), EChartsEnv)
	}
	return js, dest, nil
}

// fetchErrText is a download error without the URL the message around it
// already names.
func fetchErrText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
