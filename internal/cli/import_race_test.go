package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentImportsDefineOneIndicator runs two imports that define the
// same new indicator with different metadata into one data directory at the
// same time, many times over. Whichever takes the lock second must see the
// first one's definition and be refused, so that exactly one succeeds, the
// other fails with the conflict message, and the directory holds the one
// import, whose figures show under its own name.
func TestConcurrentImportsDefineOneIndicator(t *testing.T) {
	src := t.TempDir()
	a := filepath.Join(src, "a.csv")
	b := filepath.Join(src, "b.csv")
	os.WriteFile(a, []byte("# indicator: race-index\n# name: Race index A\n# scale: 0 10\n# direction: higher\n# year: data\ncountry,year,value\nKazakhstan,2024,3\nGeorgia,2024,6\n"), 0o644)
	os.WriteFile(b, []byte("# indicator: race-index\n# name: Race index B\n# scale: 0 100\n# direction: lower\n# year: data\ncountry,year,value\nKazakhstan,2024,70\nGeorgia,2024,40\n"), 0o644)
	rounds := 50
	if testing.Short() {
		rounds = 10
	}
	for round := range rounds {
		dir := filepath.Join(t.TempDir(), "data")
		var wg sync.WaitGroup
		type result struct {
			stdout, stderr string
			code           int
		}
		res := make([]result, 2)
		for i, file := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stdout, stderr, code := runData(dir, "import", "long", file)
				res[i] = result{stdout, stderr, code}
			}()
		}
		wg.Wait()
		won := -1
		for i, r := range res {
			if r.code == 0 {
				if won >= 0 {
					t.Fatalf("round %d: both imports succeeded:\n%s%s", round, res[0].stdout, res[1].stdout)
				}
				won = i
			}
		}
		if won < 0 {
			t.Fatalf("round %d: neither import succeeded: %q, %q", round, res[0].stderr, res[1].stderr)
		}
		lost := res[1-won]
		if lost.code != 2 || lost.stdout != "" || strings.Count(lost.stderr, "\n") != 1 ||
			!strings.Contains(lost.stderr, `:1:1: indicator "race-index" was defined by an earlier import with other metadata`) {
			t.Fatalf("round %d: the second import: exit %d, %q, %q; want the conflict", round, lost.code, lost.stdout, lost.stderr)
		}
		checkOneImport(t, dir, []string{"Race index A", "Race index B"}[won])
	}
}

// checkOneImport checks that dir holds exactly one import, of the file
// that defines the indicator race-index as name, and nothing else.
func checkOneImport(t *testing.T, dir, name string) {
	t.Helper()
	stdout, _, code := runData(dir, "import", "--list", "--format", "json")
	var doc importList
	if err := json.Unmarshal([]byte(stdout), &doc); code != 0 || err != nil {
		t.Fatalf("import --list: exit %d, %v\n%s", code, err, stdout)
	}
	if len(doc.Imports) != 1 || doc.Imports[0].ID != 1 || len(doc.Imports[0].Indicators) != 1 || doc.Imports[0].Indicators[0].Name != name {
		t.Fatalf("manifest: %+v; want one import 1 defining %q", doc.Imports, name)
	}
	files, err := os.ReadDir(filepath.Join(dir, "imports"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	if !slices.Equal(names, []string{"1.csv"}) {
		t.Fatalf("imports/ holds %q; want only 1.csv", names)
	}
	stdout, stderr, code := runData(dir, "indicators", "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "\nrace-index,"+name+",import,") {
		t.Fatalf("indicators: exit %d, %q\n%s", code, stderr, stdout)
	}
	stdout, _, code = runData(dir, "show", "kazakhstan", "-i", "race-index")
	if want := map[string]string{"Race index A": "3.00", "Race index B": "70.00"}[name]; code != 0 || !strings.Contains(stdout, fmt.Sprintf(" %s ", want)) {
		t.Fatalf("show: exit %d\n%s", code, stdout)
	}
}
