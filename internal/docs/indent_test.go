package docs

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentCases are compact JSON texts with what the indenter must get
// right: empty containers, nesting, escapes and quotes inside strings,
// punctuation inside strings, numbers at the top level.
var indentCases = []string{
	`{}`, `[]`, `[[],{}]`, `{"a":{},"b":[]}`, `0`, `-1.5e+20`, `"x"`, `null`,
	`{"a":1,"b":[1,2,{"c":null}],"d":"x, y: {z} [w]"}`,
	`{"q":"a \"quoted\" word","bs":"C:\\dir\\","u":"\u003cb\u003e \u00e9 ё"}`,
	`[true,false,null,"",{"":""}]`,
	`{"deep":[[[[{"x":[1]}]]]]}`,
}

// TestIndentWriterIsJSONIndent: for every case, written whole and split
// at every byte into two writes, the indenter gives json.Indent's bytes.
func TestIndentWriterIsJSONIndent(t *testing.T) {
	for _, c := range indentCases {
		checkIndent(t, []byte(c+"\n"))
	}
}

// FuzzIndentWriter checks the same on any valid JSON, compacted as the
// encoder writes it.
func FuzzIndentWriter(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, src) != nil {
			return
		}
		compact.WriteByte('\n')
		checkIndent(t, compact.Bytes())
	})
}

func checkIndent(t *testing.T, compact []byte) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Indent(&want, compact, "", "  "); err != nil {
		t.Fatalf("%q: %v", compact, err)
	}
	for split := 0; split <= len(compact); split++ {
		var got bytes.Buffer
		iw := newIndentWriter(&got)
		iw.Write(compact[:split])
		iw.Write(compact[split:])
		if err := iw.Flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%q split at %d:\n got %q\nwant %q", compact, split, got.Bytes(), want.Bytes())
		}
	}
}

// TestWriteJSONIsTheEncoder: WriteJSON prints a document exactly as a
// json.Encoder with two-space indentation does, HTML escapes included.
func TestWriteJSONIsTheEncoder(t *testing.T) {
	doc := map[string]any{"name": "Côte d'Ivoire <&>", "empty": []int{}, "none": map[string]int{},
		"values": []float64{1, 2.5, -3e-9}, "nested": map[string]any{"a": []any{nil, true, "x\ty"}}}
	var want, got bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&got, doc); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("got\n%s\nwant\n%s", got.String(), want.String())
	}
}
