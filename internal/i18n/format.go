package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Number is v with prec decimals in language l: "39.34" in English,
// "39,34" in Russian, whose thousands are grouped with a narrow no-break
// space from five digits on ("12 345,6"; a four-digit number is not
// grouped, as Russian typography has it). English output is as it always
// was: no grouping. NaN and infinities are "–".
func (l Lang) Number(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if l != RU {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	whole = group(whole)
	if hasFrac {
		return sign + whole + "," + frac
	}
	return sign + whole
}

// Figure is a figure already formatted the English way ("39.34",
// "-0.45", as indicators.Indicator.Format writes it) with the decimal
// separator of language l ("39,34"); English, and "" read as English,
// leave it as it is.
func (l Lang) Figure(s string) string {
	if l != RU {
		return s
	}
	return strings.ReplaceAll(s, ".", ",")
}

// Int is n in language l (see Number).
func (l Lang) Int(n int) string {
	if l != RU {
		return strconv.Itoa(n)
	}
	return l.Number(float64(n), 0)
}

// narrowNBSP groups Russian thousands.
const narrowNBSP = "\u202f"

// group inserts a narrow no-break space every three digits of a whole
// number of five digits or more.
func group(digits string) string {
	if len(digits) < 5 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(narrowNBSP)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// monthsGenitive are the Russian month names as a date says them
// ("19 марта").
var monthsGenitive = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// Date is a calendar date in language l: ISO 8601 in English (2023-03-19,
// as rankings has always printed dates), "19 марта 2023 г." in Russian.
func (l Lang) Date(t time.Time) string {
	if l != RU {
		return t.Format(time.DateOnly)
	}
	return strconv.Itoa(t.Day()) + " " + monthsGenitive[t.Month()-1] + " " + strconv.Itoa(t.Year()) + " г."
}

// DateText is Date of a date written YYYY-MM-DD; any other text is
// returned as it is.
func (l Lang) DateText(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return l.Date(t)
}
