package importers

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func cp1251(t *testing.T, s string) string {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A file that is not valid UTF-8 is read in a legacy encoding only when
// it reads as text of that encoding as a whole; otherwise it is refused at
// its first invalid byte, with its line and column, instead of being
// stored as mojibake.
func TestDecodeLegacyOnlyWhenPlausible(t *testing.T) {
	ok := []struct{ name, in, want, enc string }{
		{"russian", cp1251(t, "страна;год;примечание\nКазахстан;2024;«предварительно»\nКЫРГЫЗСТАН;2024;\n"),
			"страна;год;примечание\nКазахстан;2024;«предварительно»\nКЫРГЫЗСТАН;2024;\n", "Windows-1251"},
		{"ukrainian and belarusian", cp1251(t, "Україна;Беларусь;Ґрунт;ЇЖАК\n"), "Україна;Беларусь;Ґрунт;ЇЖАК\n", "Windows-1251"},
		// One word in ten may be malformed: a Latin letter typed for a
		// Cyrillic one is a user's slip, not another encoding.
		{"one homoglyph in ten words", cp1251(t, "Казахстaн Россия Грузия Армения Молдова Латвия Литва Эстония Украина Беларусь\n"),
			"Казахстaн Россия Грузия Армения Молдова Латвия Литва Эстония Украина Беларусь\n", "Windows-1251"},
		{"western european", "Am\xe9riques;C\xf4te d\x92Ivoire;S\xe3o Tom\xe9;\xc9QUATEUR;na\xefve\n", "Amériques;Côte d’Ivoire;São Tomé;ÉQUATEUR;naïve\n", "Windows-1252"},
		{"symbols on their own", "price;\x80 5;\xa9 RSF\n", "price;€ 5;© RSF\n", "Windows-1252"},
	}
	for _, c := range ok {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(c.in))
			if err != nil || string(got) != c.want || enc != c.enc {
				t.Errorf("Decode = %q, %s, %v; want %q, %s", got, enc, err, c.want, c.enc)
			}
		})
	}
	bad := []struct{ name, in, want string }{
		// Two stray bytes in an ASCII word: Cyrillic letters inside a
		// Latin word, or Ð inside a lower-case one.
		{"stray bytes in a word", "iso3,year,value,note\nKAZ,2024,1,ok\nRUS,2024,2,fi\xd0\xe9ne\n",
			"3:14: is not valid UTF-8 here (byte 0xD0), and the file does not read as Windows-1251 or Windows-1252 text as a whole: save it as UTF-8, or name its encoding with --encoding"},
		// UTF-8's ’ cut short: "â€" between letters.
		{"truncated sequence", "note\nCote d\xe2\x80Ivoire\n",
			"2:7: is not valid UTF-8 here (byte 0xE2), and the file does not read as Windows-1251 or Windows-1252 text as a whole: save it as UTF-8, or name its encoding with --encoding"},
		{"undefined in both", "a\nb\x98\x81\n",
			"2:2: is not valid UTF-8 here (byte 0x98), and the file does not read as Windows-1251 or Windows-1252 text as a whole: save it as UTF-8, or name its encoding with --encoding"},
		// KOI8-R read as Windows-1251 or 1252 is wrongly cased throughout:
		// it needs --encoding.
		{"koi8-r", "\xeb\xc1\xda\xc1\xc8\xd3\xd4\xc1\xce;\xf2\xcf\xd3\xd3\xc9\xd1\n",
			"1:1: is not valid UTF-8 here (byte 0xEB), and the file does not read as Windows-1251 or Windows-1252 text as a whole: save it as UTF-8, or name its encoding with --encoding"},
		// Two malformed words in ten: more than a slip.
		{"two homoglyphs in ten words", cp1251(t, "Казахстaн Россия Грузия Армения Молдова Латвия Литва Эстония Украинa Беларусь\n"),
			"1:1: is not valid UTF-8 here (byte 0xCA), and the file does not read as Windows-1251 or Windows-1252 text as a whole: save it as UTF-8, or name its encoding with --encoding"},
		{"column counts characters", "name\nКазахстан\xff\n",
			"2:10: is not valid UTF-8 here, though the rest of the file is UTF-8: the file mixes encodings; save it as UTF-8"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(c.in))
			if err == nil || strings.TrimLeft(err.Error(), ": ") != c.want {
				t.Errorf("Decode(%q) = %q, %s, %v\nwant %s", c.in, got, enc, err, c.want)
			}
		})
	}
}

// --encoding names a file's encoding: a single-byte one is decoded as
// given, utf-8 refuses any invalid byte, and a name that is not an
// encoding, a workbook, or UTF-8 text said to be something else are errors.
func TestTranscode(t *testing.T) {
	koi8 := "\xeb\xc1\xda\xc1\xc8\xd3\xd4\xc1\xce;\xf2\xcf\xd3\xd3\xc9\xd1\n"
	ok := []struct{ in, enc, want string }{
		{koi8, "koi8-r", "Казахстан;Россия\n"},
		{koi8, "KOI8-R", "Казахстан;Россия\n"},
		{cp1251(t, "Казахстан\n"), "windows-1251", "Казахстан\n"},
		{cp1251(t, "Казахстан\n"), "cp1251", "Казахстан\n"},
		{"Am\xe9riques\n", "windows-1252", "Amériques\n"},
		{"\x8a\xa0\xa7\xa0\xe5\xe1\xe2\xa0\xad\n", "ibm866", "Казахстан\n"},
		{"plain ASCII\n", "koi8-r", "plain ASCII\n"},
		{"Côte d’Ivoire\n", "utf-8", "Côte d’Ivoire\n"},
		{"Am\xe9riques\n", "auto", "Am\xe9riques\n"},
		{"Am\xe9riques\n", "", "Am\xe9riques\n"},
	}
	for _, c := range ok {
		got, err := Transcode([]byte(c.in), "x.csv", c.enc)
		if err != nil || string(got) != c.want {
			t.Errorf("Transcode(%q, %s) = %q, %v; want %q", c.in, c.enc, got, err, c.want)
		}
	}
	bad := []struct{ in, enc, want string }{
		{"ok\nfi\xd0\xe9ne\n", "utf-8", "x.csv:2:3: is not valid UTF-8 here (byte 0xD0), though --encoding says the file is UTF-8: save it as UTF-8, or give its encoding"},
		{"a\nКазахстан\n", "windows-1251", `x.csv:2:1: is UTF-8 text (valid UTF-8 with characters beyond ASCII), not windows-1251: leave --encoding out`},
		{"\xef\xbb\xbfa\n", "koi8-r", `x.csv:1:1: starts with a UTF-8 byte-order mark: it is UTF-8 text, not koi8-r; leave --encoding out`},
		{"PK\x03\x04rest", "koi8-r", "x.csv: is a zip archive (an .xlsx workbook?): --encoding applies to CSV text only; leave it out"},
		{"a\n", "koi8", `unknown encoding "koi8" — did you mean koi8-r, koi8-u? (encodings: auto, utf-8, windows-1251, windows-1252, koi8-r, koi8-u, ibm866, iso-8859-5)`},
	}
	for _, c := range bad {
		_, err := Transcode([]byte(c.in), "x.csv", c.enc)
		if err == nil || err.Error() != c.want {
			t.Errorf("Transcode(%q, %s) err = %v\nwant %s", c.in, c.enc, err, c.want)
		}
	}
}
