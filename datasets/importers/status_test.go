package importers

import (
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/indicators"
)

// A long file's status of a built-in indicator must be one of the
// indicator's categories, as the publishers' importers require (FOTP's
// "is not F, PF or NF"); an indicator without categories takes none.
func TestLongStatusOfBuiltinIndicators(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"unknown FH status", "indicator,iso3,year,value,status\nfh-fiw,KAZ,2025,23,NF\nfh-fiw,RUS,2025,12,XX\n",
			`x.csv:3:5: column "status": "XX" is not a status of fh-fiw: write one of F, PF, NF (F = Free, PF = Partly Free, NF = Not Free), or leave the cell empty`},
		{"lower case", "indicator;iso3;year;value;status\nfh-pr-rating;KAZ;2025;7;nf\n",
			`x.csv:2:5: column "status": "nf" is not a status of fh-pr-rating: write one of F, PF, NF (F = Free, PF = Partly Free, NF = Not Free), or leave the cell empty`},
		{"status without categories", "indicator,iso3,year,value,status\nrsf,KAZ,2026,40,Good\n",
			`x.csv:2:5: column "status": "Good" is a status, but rsf has no statuses: leave the cell empty`},
		{"default indicator", "# indicator: civic\n# name: Civic\n# scale: 0 10\n# direction: higher\n# year: data\niso3,year,value,status\nKAZ,2024,3,anything\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLongFile(strings.NewReader(c.data), "x.csv")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Errorf("err = %v\nwant  %s", err, c.want)
			}
		})
	}
	ok := "indicator,iso3,year,value,status\nfh-fiw,KAZ,2025,23, NF \nfh-fotp,KAZ,2015,85,\nfh-cl,KAZ,2025,17,PF\nwgi-rl,KAZ,2023,-0.5,\n"
	lf, err := ReadLongFile(strings.NewReader(ok), "ok.csv")
	if err != nil || len(lf.Records) != 4 || lf.Records[0].Obs.Status != "NF" {
		t.Errorf("good statuses: %v, %+v", err, lf)
	}
}

// Every built-in indicator that has statuses lists them as "CODE = meaning"
// pairs that statusCodes reads; Freedom House's are F, PF and NF.
func TestBuiltinStatusCodes(t *testing.T) {
	for _, ind := range indicators.Catalog() {
		codes := statusCodes(ind.Status)
		switch {
		case ind.Status == "" && codes != nil:
			t.Errorf("%s: codes %v without a status text", ind.ID, codes)
		case ind.Status != "" && len(codes) < 2:
			t.Errorf("%s: status text %q gives codes %v", ind.ID, ind.Status, codes)
		case strings.HasPrefix(ind.ID, "fh-") && !slices.Equal(codes, []string{"F", "PF", "NF"}):
			t.Errorf("%s: codes %v", ind.ID, codes)
		}
	}
}
