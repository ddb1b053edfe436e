package docs

import (
	"bufio"
	"io"
	"strings"
)

// indentWriter indents compact JSON as it passes through, two spaces a
// level, exactly as json.Indent does: empty objects and arrays stay "{}"
// and "[]", a colon is followed by one space. It holds no copy of the
// document: a cold command that prints a large document touches a small
// buffer instead of a second document's worth of fresh memory.
//
// It takes the output of a json.Encoder without indentation, which is
// compact and valid; it does not check what it is given.
type indentWriter struct {
	w          *bufio.Writer
	depth      int
	needIndent bool // after { or [: the newline waits, in case the next byte closes it
	inString   bool
	escaped    bool // inside a string, after a backslash
}

func newIndentWriter(w io.Writer) *indentWriter {
	return &indentWriter{w: bufio.NewWriterSize(w, 32<<10)}
}

// Flush writes what is buffered and returns the first error of any write.
func (iw *indentWriter) Flush() error { return iw.w.Flush() }

func (iw *indentWriter) newline() {
	iw.w.WriteByte('\n')
	for range iw.depth {
		iw.w.WriteString("  ")
	}
}

// Write indents p, which continues whatever the earlier writes began.
func (iw *indentWriter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		if iw.inString {
			// Copy the string up to its closing quote or the next escape.
			j := i
			for j < len(p) && (iw.escaped || (p[j] != '"' && p[j] != '\\')) {
				iw.escaped = false
				j++
			}
			if j < len(p) {
				iw.inString = p[j] != '"'
				iw.escaped = p[j] == '\\'
				j++
			}
			iw.w.Write(p[i:j])
			i = j
			continue
		}
		c := p[i]
		if iw.needIndent && c != '}' && c != ']' {
			iw.needIndent = false
			iw.depth++
			iw.newline()
		}
		switch c {
		case '"':
			iw.inString = true
			iw.w.WriteByte(c)
		case '{', '[':
			iw.needIndent = true
			iw.w.WriteByte(c)
		case ',':
			iw.w.WriteByte(c)
			iw.newline()
		case ':':
			iw.w.WriteString(": ")
		case '}', ']':
			if iw.needIndent {
				iw.needIndent = false
			} else {
				iw.depth--
				iw.newline()
			}
			iw.w.WriteByte(c)
		default:
			// A number, true, false or null: up to the next punctuation.
			j := i + 1
			for j < len(p) && !strings.ContainsRune(`"{}[],:`, rune(p[j])) {
				j++
			}
			iw.w.Write(p[i:j])
			i = j
			continue
		}
		i++
	}
	return len(p), nil
}
