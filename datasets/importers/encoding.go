package importers

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/rankings-dev/rankings/indicators"
)

// A file that is not valid UTF-8 may be in a legacy single-byte encoding
// (RSF's 2025 file is Windows-1252; a spreadsheet saved on a Russian
// Windows is Windows-1251), or it may be a UTF-8 file with a few stray
// bytes, which decoded as a legacy encoding would be stored as mojibake.
// Decode tells the two apart by whether the whole file reads as text in the
// legacy encoding ("plausibly legacy"): decoded byte by byte,
//
//   - every non-ASCII byte is a character the encoding defines, not a
//     control character;
//   - for Windows-1251, at least 90% of the non-ASCII bytes are Cyrillic
//     letters;
//   - at least 90% of the words that hold a non-ASCII character are
//     well-formed. A word is a run of letters and non-ASCII characters
//     between ASCII non-letters (spaces, digits, punctuation, separators)
//     or non-ASCII spaces; non-letters at its ends (« », “ ”) are not part
//     of it. A well-formed word has no non-letter inside it but an
//     apostrophe (’ ‘ ´), its letters are all of the encoding's script
//     (ASCII letters count as Latin), and each of its parts between
//     apostrophes that has a non-ASCII letter is cased as words are: all
//     lower case, all upper case, or a capital followed by lower case. In
//     Windows-1252 a well-formed word of more than one letter also has an
//     ASCII letter: accented letters stand among unaccented ones in the
//     Latin languages, while Cyrillic text read as Windows-1252 makes
//     words of accented letters only ("Êàçàõñòàí").
//
// So a Russian file in Windows-1251 or a French one in Windows-1252 is
// read, while a stray byte inside an ASCII word ("fi\xd0\xe9ne", UTF-8's ’
// cut to "d\xe2\x80Ivoire") makes a malformed word and the file is refused
// at its first invalid byte. A stray byte standing alone between
// separators, where it reads as a one-letter word or a symbol, cannot be
// told from legacy text and is read as such. KOI8-R read as Windows-1251 or
// Windows-1252 is wrongly cased throughout and is refused: --encoding
// names it.

// legacyEncoding is a single-byte encoding Decode recognises.
type legacyEncoding struct {
	name   string
	cm     *charmap.Charmap
	script *unicode.RangeTable
	// letters: at least 90% of the non-ASCII bytes must be letters of
	// the script (Windows-1251, whose upper half is Cyrillic letters).
	letters bool
	// mixed: a word of more than one letter must have an ASCII letter
	// (Windows-1252: accented letters among unaccented ones).
	mixed bool
}

// legacyEncodings are tried in this order: Cyrillic text read as
// Windows-1252 could pass for Latin, Latin text read as Windows-1251 mixes
// scripts within words.
var legacyEncodings = []legacyEncoding{
	{"Windows-1251", charmap.Windows1251, unicode.Cyrillic, true, false},
	{"Windows-1252", charmap.Windows1252, unicode.Latin, false, true},
}

// legacyOf returns the first of legacyEncodings in which b, which is not
// valid UTF-8, is plausibly written, or false.
func legacyOf(b []byte) (legacyEncoding, bool) {
	for _, e := range legacyEncodings {
		if e.plausible(b) {
			return e, true
		}
	}
	return legacyEncoding{}, false
}

// plausible reports whether b reads as text in the encoding as a whole
// (see above).
func (e legacyEncoding) plausible(b []byte) bool {
	high, letters, words, malformed := 0, 0, 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf && !asciiLetter(c) {
			i++
			continue
		}
		j := i
		for j < len(b) && (asciiLetter(b[j]) || b[j] >= utf8.RuneSelf && !unicode.IsSpace(e.cm.DecodeByte(b[j]))) {
			j++
		}
		if j == i { // a non-ASCII space
			j++
		}
		for _, c := range b[i:j] {
			if c < utf8.RuneSelf {
				continue
			}
			high++
			r := e.cm.DecodeByte(c)
			if r == utf8.RuneError || unicode.IsControl(r) {
				return false
			}
			if unicode.IsLetter(r) && unicode.Is(e.script, r) {
				letters++
			}
		}
		if word, ok := e.word(b[i:j]); word {
			words++
			if !ok {
				malformed++
			}
		}
		i = j
	}
	if e.letters && letters*10 < high*9 {
		return false
	}
	return malformed*10 <= words
}

// word judges a run of ASCII letters and non-ASCII characters: whether it
// is a word with a non-ASCII character (once non-letters at its ends are
// left out) and whether that word is well-formed.
func (e legacyEncoding) word(run []byte) (word, ok bool) {
	isLetter := func(c byte) bool { return asciiLetter(c) || c >= utf8.RuneSelf && unicode.IsLetter(e.cm.DecodeByte(c)) }
	for len(run) > 0 && !isLetter(run[0]) {
		run = run[1:]
	}
	for len(run) > 0 && !isLetter(run[len(run)-1]) {
		run = run[:len(run)-1]
	}
	ascii, script, n := false, false, 0
	var upper, lower, firstUpper, highLetter bool
	nUpper := 0
	partOK := true
	endPart := func() {
		if highLetter && !(!upper || !lower || firstUpper && nUpper == 1) {
			partOK = false
		}
		upper, lower, firstUpper, highLetter, nUpper = false, false, false, false, 0
	}
	start := true
	for _, c := range run {
		if c < utf8.RuneSelf {
			ascii = true
		} else {
			word = true
		}
		r := rune(c)
		if c >= utf8.RuneSelf {
			r = e.cm.DecodeByte(c)
		}
		switch {
		case r == '’' || r == '‘' || r == '´':
			endPart()
			start = true
			continue
		case !unicode.IsLetter(r):
			return word, false
		case c >= utf8.RuneSelf:
			highLetter = true
			if !unicode.Is(e.script, r) {
				return word, false
			}
			script = script || e.script != unicode.Latin
		}
		n++
		switch {
		case unicode.IsUpper(r):
			upper = true
			nUpper++
			firstUpper = firstUpper || start
		case unicode.IsLower(r):
			lower = true
		}
		start = false
	}
	endPart()
	switch {
	case ascii && script:
		return word, false // Latin and Cyrillic letters in one word
	case e.mixed && !ascii && n > 1:
		return word, false // accented letters only
	}
	return word, partOK
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// firstInvalid locates the first byte of b that is not valid UTF-8: its
// line and its column (1-based, in characters, an invalid byte counting as
// one), as a text editor shows them, and the byte. Lines end at LF, CR LF
// or a lone CR, as Decode counts them.
func firstInvalid(b []byte) (line, col int, bad byte) {
	line, col = 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return line, col, b[i]
		case b[i] == '\n' || b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n'):
			line, col = line+1, 1
		case b[i] != '\r':
			col++
		}
		i += size
	}
	return line, col, 0
}

// invalidUTF8 is Decode's error for a file that is not valid UTF-8 and
// not plausibly in a legacy encoding, at its first invalid byte.
func invalidUTF8(b []byte) error {
	line, col, c := firstInvalid(b)
	names := make([]any, len(legacyEncodings))
	for i, e := range legacyEncodings {
		names[i] = e.name
	}
	return &ParseError{Line: line, Col: col,
		Err: fmt.Errorf("is not valid UTF-8 here (byte 0x%02X), and the file does not read as %s or %s text as a whole: save it as UTF-8, or name its encoding with --encoding", append([]any{c}, names...)...)}
}

// Encodings are the names Transcode takes (rankings import --encoding),
// "auto" first: Decode's detection.
var Encodings = []string{"auto", "utf-8", "windows-1251", "windows-1252", "koi8-r", "koi8-u", "ibm866", "iso-8859-5"}

// singleByte are the single-byte encodings of Encodings.
var singleByte = map[string]*charmap.Charmap{
	"windows-1251": charmap.Windows1251,
	"windows-1252": charmap.Windows1252,
	"koi8-r":       charmap.KOI8R,
	"koi8-u":       charmap.KOI8U,
	"ibm866":       charmap.CodePage866,
	"iso-8859-5":   charmap.ISO8859_5,
}

// encodingAliases are other common names of Encodings.
var encodingAliases = map[string]string{
	"utf8": "utf-8", "cp1251": "windows-1251", "cp1252": "windows-1252", "cp866": "ibm866",
	"koi8r": "koi8-r", "koi8u": "koi8-u",
}

// unknownEncoding is the error of an encoding name Transcode does not
// know, suggesting the nearest encodings (an alias stands for its
// encoding).
func unknownEncoding(name string) error {
	var sug []string
	for _, n := range indicators.Nearest(name, slices.Concat(Encodings, slices.Sorted(maps.Keys(encodingAliases))), 3) {
		if c, ok := encodingAliases[n]; ok {
			n = c
		}
		if !slices.Contains(sug, n) {
			sug = append(sug, n)
		}
	}
	all := strings.Join(Encodings, ", ")
	if len(sug) == 0 {
		return indicators.Errorf(indicators.EInvalid, "unknown encoding %q (encodings: %s)", name, all)
	}
	return &indicators.Error{Code: indicators.EInvalid, Suggestions: sug,
		Msg: fmt.Sprintf("unknown encoding %q — did you mean %s? (encodings: %s)", name, strings.Join(sug, ", "), all)}
}

// Transcode turns data, a file whose encoding the user names (rankings
// import --encoding), into UTF-8 for the importers, line for line. "" and
// "auto" leave data to Decode's detection; "utf-8" refuses any byte that is
// not valid UTF-8, at its line and column; a single-byte encoding decodes
// every byte as it says, but refuses a file that is plainly UTF-8 (a UTF-8
// byte-order mark, or valid UTF-8 with characters beyond ASCII), which it
// would turn into mojibake. Workbooks have no text encoding and are refused
// with one. An unknown name is an EInvalid *indicators.Error suggesting the
// nearest; the file's problems are *ParseError.
func Transcode(data []byte, file, encoding string) ([]byte, error) {
	name := strings.ToLower(strings.TrimSpace(encoding))
	if a, ok := encodingAliases[name]; ok {
		name = a
	}
	if name == "" || name == "auto" {
		return data, nil
	}
	cm, single := singleByte[name]
	if name != "utf-8" && !single {
		return nil, unknownEncoding(encoding)
	}
	if bytes.HasPrefix(data, zipMagic) {
		return nil, &ParseError{File: file, Err: fmt.Errorf("is a zip archive (an .xlsx workbook?): --encoding applies to CSV text only; leave it out")}
	}
	bom := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	switch {
	case name == "utf-8":
		if !utf8.Valid(data) {
			line, col, c := firstInvalid(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))
			return nil, &ParseError{File: file, Line: line, Col: col,
				Err: fmt.Errorf("is not valid UTF-8 here (byte 0x%02X), though --encoding says the file is UTF-8: save it as UTF-8, or give its encoding", c)}
		}
		return data, nil
	case bom:
		return nil, &ParseError{File: file, Line: 1, Col: 1,
			Err: fmt.Errorf("starts with a UTF-8 byte-order mark: it is UTF-8 text, not %s; leave --encoding out", name)}
	case utf8.Valid(data):
		if i := bytes.IndexFunc(data, func(r rune) bool { return r >= utf8.RuneSelf }); i >= 0 {
			line, col, _ := firstInvalid(data[:i])
			return nil, &ParseError{File: file, Line: line, Col: col,
				Err: fmt.Errorf("is UTF-8 text (valid UTF-8 with characters beyond ASCII), not %s: leave --encoding out", name)}
		}
		return data, nil
	}
	out, err := cm.NewDecoder().Bytes(data)
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	return out, nil
}
