package countries

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalize reduces a country name or code to the form it is looked up by:
// lower case, no diacritics, no punctuation or spaces, "&" read as "and" and
// the word "the" dropped, so "Côte d'Ivoire", "COTE D’IVOIRE" and
// "Cote dIvoire" are all "cotedivoire". Cyrillic letters are kept, and so is
// the breve of "й" (which NFD splits into "и" and U+0306), so Russian names
// still compare letter for letter; "ё" becomes "е" as Russians usually write.
func normalize(s string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 && w.String() != "the" {
			words = append(words, w.String())
		}
		w.Reset()
	}
	var prev rune
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if r == '\u0306' && unicode.Is(unicode.Cyrillic, prev) {
				w.WriteRune(r)
			}
			continue // marks do not change prev: "й" is base + mark
		case isApostrophe(r):
			// "d'Ivoire", "O'zbekiston": joined, not split
		case r == '&':
			flush()
			words = append(words, "and")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			w.WriteString(fold(r))
		default:
			flush()
		}
		prev = r
	}
	flush()
	return norm.NFC.String(strings.Join(words, ""))
}

// fold spells out the Latin letters that have no decomposition.
func fold(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ł':
		return "l"
	case 'ı':
		return "i"
	case 'ə': // Azerbaijani schwa: "Azərbaycan" is also typed "Azerbaycan"
		return "e"
	case 'þ':
		return "th"
	}
	return string(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '´', '‘', '’', 'ʻ', 'ʼ':
		return true
	}
	return false
}

// maxTypos is how far (in edits) a form of n runes may be from a name for
// the name to be suggested.
func maxTypos(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	default:
		return 3
	}
}
