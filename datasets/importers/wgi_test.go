package importers

import (
	"strings"
	"testing"
)

// codeindyr is the row's key, code + indicator + year: a row where it
// says otherwise has been edited or shifted and is refused.
func TestWGICodeIndYrMustMatchTheRow(t *testing.T) {
	header := "codeindyr,code,countryname,year,indicator,estimate,stddev,nsource,pctrank,pctranklower,pctrankupper\n"
	good := "KAZrl2023,KAZ,Kazakhstan,2023,rl,-0.5,0.14,10,36.2,26.2,45.2\n"
	cases := []struct{ name, row, want string }{
		{"other code", "UZBrl2023,KAZ,Kazakhstan,2023,rl,-0.5,0.14,10,36.2,26.2,45.2\n",
			`x.csv:3:1: column "codeindyr": "UZBrl2023" contradicts the row's code, indicator and year, which make "KAZrl2023": correct the row or its key`},
		{"other indicator", "KAZcc2023,KAZ,Kazakhstan,2023,rl,-0.5,0.14,10,36.2,26.2,45.2\n",
			`x.csv:3:1: column "codeindyr": "KAZcc2023" contradicts the row's code, indicator and year, which make "KAZrl2023": correct the row or its key`},
		{"other year", "KAZrl2022,KAZ,Kazakhstan,2023,rl,-0.5,0.14,10,36.2,26.2,45.2\n",
			`x.csv:3:1: column "codeindyr": "KAZrl2022" contradicts the row's code, indicator and year, which make "KAZrl2023": correct the row or its key`},
		{"matches", "GEOrl2023,GEO,Georgia,2023,rl,0.3,0.14,10,60,50,70\n", ""},
		{"empty", ",GEO,Georgia,2023,rl,0.3,0.14,10,60,50,70\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadWGI(strings.NewReader(header+good+c.row), "x.csv")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("err = %v\nwant  %s", err, c.want)
			}
		})
	}
}
