package importers

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CheckText reports why s may not be stored as a text field of imported
// data (a note, a status, an election summary, an indicator's name). Such
// text is later printed in tables, written to CSV files a spreadsheet opens
// and placed in HTML charts, so it is refused, never silently altered, when
// it:
//
//   - starts with '=', '+', '-' or '@', which a spreadsheet runs as a
//     formula (=HYPERLINK(…), =cmd|…);
//   - contains '<' or '>' (markup such as <script>);
//   - contains control characters or Unicode bidirectional overrides, which
//     can rewrite what a terminal shows;
//   - is not valid UTF-8.
//
// A nil error means the text is safe to store as it is.
func CheckText(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("is not valid UTF-8 text")
	}
	if t := strings.TrimSpace(s); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return errors.New("starts with " + string(t[0]) + ", which a spreadsheet would run as a formula: text fields may not start with = + - @")
	}
	if strings.ContainsAny(s, "<>") {
		return errors.New("contains < or >: markup is not accepted in text fields")
	}
	for _, r := range s {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return errors.New("contains a control character: text fields are one line of plain text")
		}
	}
	return nil
}
