package errtext

import (
	"testing"

	"github.com/rankings-dev/rankings/internal/i18n"
)

// TestImportNotesRussian says the importer's usual warnings and notes, as
// datasets/ingest words them, in Russian.
func TestImportNotesRussian(t *testing.T) {
	for en, want := range map[string]string{
		"rsf 2027: ranks are computed over the 14 countries in the file, but the embedded data ranks about 180: a rank is only honest over the whole field": "rsf 2027: места вычислены только среди стран файла (их 14), а во встроенных данных оценено около 180: место честно только среди всех оценённых",
		"wgi-rl 2020 is already embedded with different figures: KAZ -0.41 ≠ -0.45; the import replaces the whole year":                                     "wgi-rl 2020 уже есть во встроенных данных с другими значениями: KAZ -0.41 ≠ -0.45; импорт заменяет весь год",
		"odihr 2024 is already embedded with different elections: KAZ 2024-03-19; the import replaces the whole year":                                       "odihr 2024 уже есть во встроенных данных с другими выборами: KAZ 2024-03-19; импорт заменяет весь год",
		"odihr.csv:7: skipped: unknown country code \"XYZ\"":                                                                                                "odihr.csv:7: пропущено: неизвестный код страны \"XYZ\"",
		"rsf 2024–2025: the same figures as the embedded data":                                                                                              "rsf 2024–2025: те же значения, что во встроенных данных",
		"odihr 2024: the same elections as the embedded data":                                                                                               "odihr 2024: те же выборы, что во встроенных данных",
	} {
		if got := Warning(i18n.RU, nil, en); got != want {
			t.Errorf("%q is said\n%q, want\n%q", en, got, want)
		}
		if got := Warning(i18n.EN, nil, en); got != en {
			t.Errorf("English %q became %q", en, got)
		}
	}
}
