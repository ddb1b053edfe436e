package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --encoding names a file's encoding where detection cannot: a KOI8-R file,
// refused without it (the corpus has it), imports with it; a wrong or
// unknown encoding is one line, exit 2, and the data directory unchanged.
func TestImportEncodingFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	koi8 := "testdata/import/corpus/long--koi8r-without-encoding.csv"
	stdout, stderr, code := runData(dir, "validate", "long", koi8, "--encoding", "koi8-r")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "valid: "+koi8+": civic-space 2024, 2 figures of 2 countries") {
		t.Fatalf("validate --encoding koi8-r: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, code = runData(dir, "import", "long", koi8, "--encoding", "koi8-r"); code != 0 || stderr != "" {
		t.Fatalf("import --encoding koi8-r: exit %d, %q", code, stderr)
	}
	stdout, _, code = runData(dir, "indicators", "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "\ncivic-space,Индекс гражданского пространства,import,") {
		t.Errorf("the indicator's name was not decoded as KOI8-R:\n%s", stdout)
	}
	before := treeHash(t, dir)
	cp1251 := "testdata/import/corpus/long--unknown-cyrillic-cp1251.csv"
	xlsx := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(xlsx, generatedCorpus(t)["long--xlsx-bad-value.xlsx"], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"long", cp1251, "--encoding", "utf-8"},
			"rankings: " + cp1251 + ":7:1: is not valid UTF-8 here (byte 0xCA), though --encoding says the file is UTF-8: save it as UTF-8, or give its encoding\n"},
		{[]string{"long", "testdata/import/ok/civic-space.csv", "--encoding", "windows-1251"},
			"rankings: testdata/import/ok/civic-space.csv:3:16: is UTF-8 text (valid UTF-8 with characters beyond ASCII), not windows-1251: leave --encoding out\n"},
		{[]string{"long", xlsx, "--encoding", "koi8-r"},
			"rankings: " + xlsx + ": is a zip archive (an .xlsx workbook?): --encoding applies to CSV text only; leave it out\n"},
		{[]string{"long", cp1251, "--encoding", "cp-1251"},
			"rankings: unknown encoding \"cp-1251\" — did you mean windows-1251, windows-1252? (encodings: auto, utf-8, windows-1251, windows-1252, koi8-r, koi8-u, ibm866, iso-8859-5)\n"},
	} {
		for _, cmd := range []string{"import", "validate"} {
			_, stderr, code := runData(dir, append([]string{cmd}, c.args...)...)
			if code != 2 || stderr != c.want {
				t.Errorf("%s %v: exit %d, %q\nwant %q", cmd, c.args, code, stderr, c.want)
			}
		}
		if treeHash(t, dir) != before {
			t.Fatalf("%v: the data directory changed", c.args)
		}
	}
}
