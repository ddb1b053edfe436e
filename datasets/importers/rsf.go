package importers

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rankings-dev/rankings/indicators"
)

// rsfRow is one row of an RSF yearly file. Column names changed over the
// years; rsfColumn maps each spelling to these canonical names.
type rsfRow struct {
	Year      string   `csv:"year"`
	ISO       string   `csv:"iso"`
	Country   string   `csv:"country"`
	Rank      Int      `csv:"rank"`
	Score     CommaNum `csv:"score"`
	Political CommaNum `csv:"political"`
	RankPol   Int      `csv:"rank_pol"`
	Economic  CommaNum `csv:"economic"`
	RankEco   Int      `csv:"rank_eco"`
	Legal     CommaNum `csv:"legal"`
	RankLeg   Int      `csv:"rank_leg"`
	Social    CommaNum `csv:"social"`
	RankSoc   Int      `csv:"rank_soc"`
	Safety    CommaNum `csv:"safety"`
	RankSaf   Int      `csv:"rank_saf"`
}

var (
	rsfScoreYear = lazyRegexp(`^Score (\d{4})$`)
	twoYearLabel = lazyRegexp(`^(\d{4})-(\d{2})$`)
)

func rsfColumn(h string) string {
	switch h {
	case "Year (N)":
		return "year"
	case "ISO":
		return "iso"
	case "EN_country", "Country_EN":
		return "country"
	case "Rank N", "Rank":
		return "rank"
	case "Score N", "Score":
		return "score"
	case "Political Context":
		return "political"
	case "Rank_Pol":
		return "rank_pol"
	case "Economic Context":
		return "economic"
	case "Rank_Eco":
		return "rank_eco"
	case "Legal Context":
		return "legal"
	case "Rank_Leg":
		return "rank_leg"
	case "Social Context":
		return "social"
	case "Rank_Soc":
		return "rank_soc"
	case "Safety":
		return "safety"
	case "Rank_Saf":
		return "rank_saf"
	}
	if rsfScoreYear.MatchString(h) {
		return "score"
	}
	return ""
}

// rsfEditionYear turns the "Year (N)" cell into the edition year: "2011-12"
// is the 2012 edition.
func rsfEditionYear(s string) (int, error) {
	s = strings.TrimSpace(s)
	if y, err := strconv.Atoi(s); err == nil && y >= 1990 && y < 2100 {
		return y, nil
	}
	if m := twoYearLabel.FindStringSubmatch(s); m != nil {
		first, _ := strconv.Atoi(m[1])
		second, _ := strconv.Atoi(m[2])
		if second == (first+1)%100 {
			return first - first%100 + second + 100*((first%100+1)/100), nil
		}
	}
	return 0, fmt.Errorf("is not an edition year (expected e.g. 2025 or 2011-12)")
}

// ReadRSF reads one of RSF's yearly World Press Freedom Index files: `;`
// separated, decimal commas, any of RSF's column sets (2002–2021, 2022–2024,
// 2025 and later). It returns the score (indicator rsf) and, from 2022 on,
// the five indicator scores with RSF's own ranks; rank_of is the number of
// countries ranked in the file.
func ReadRSF(r io.Reader, file string) ([]Record, error) {
	data, err := readAll(r, file)
	if err != nil {
		return nil, err
	}
	var rows []rsfRow
	ti, err := readTable(data, table{file: file, comma: ';', aliases: rsfColumn,
		required: []string{"year", "iso", "country", "rank", "score"}}, &rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &ParseError{File: file, Err: fmt.Errorf("no rows after the header")}
	}
	type sub struct {
		id, scoreCol, rankCol string
		score                 func(rsfRow) CommaNum
		rank                  func(rsfRow) Int
	}
	subs := []sub{
		{"rsf", "score", "rank", func(r rsfRow) CommaNum { return r.Score }, func(r rsfRow) Int { return r.Rank }},
		{"rsf-political", "political", "rank_pol", func(r rsfRow) CommaNum { return r.Political }, func(r rsfRow) Int { return r.RankPol }},
		{"rsf-economic", "economic", "rank_eco", func(r rsfRow) CommaNum { return r.Economic }, func(r rsfRow) Int { return r.RankEco }},
		{"rsf-legal", "legal", "rank_leg", func(r rsfRow) CommaNum { return r.Legal }, func(r rsfRow) Int { return r.RankLeg }},
		{"rsf-social", "social", "rank_soc", func(r rsfRow) CommaNum { return r.Social }, func(r rsfRow) Int { return r.RankSoc }},
		{"rsf-safety", "safety", "rank_saf", func(r rsfRow) CommaNum { return r.Safety }, func(r rsfRow) Int { return r.RankSaf }},
	}
	// rank_of: how many entities each indicator ranks in this edition.
	rankOf := map[string]int{}
	for _, s := range subs {
		for _, row := range rows {
			if s.rank(row).OK {
				rankOf[s.id]++
			}
		}
	}
	year := 0
	var out []Record
	for i, row := range rows {
		line := ti.lines[i]
		y, err := rsfEditionYear(row.Year)
		if err != nil {
			return nil, ti.errAt(i, "year", "%v", err)
		}
		if year == 0 {
			year = y
		} else if y != year {
			return nil, ti.errAt(i, "year", "differs from the file's edition %d", year)
		}
		if strings.TrimSpace(row.ISO) == "" {
			return nil, ti.errAt(i, "iso", "is empty")
		}
		for _, s := range subs {
			score, rank := s.score(row), s.rank(row)
			if !score.OK {
				if rank.OK {
					return nil, ti.errAt(i, s.rankCol, "is a rank without a score in column %q", ti.cell(s.scoreCol).Column)
				}
				continue
			}
			if y >= 2013 && (score.V < 0 || score.V > 100) {
				return nil, ti.errAt(i, s.scoreCol, "is outside the 0–100 scale")
			}
			if s.id != "rsf" && y < 2022 {
				continue
			}
			o := indicators.NewObservation(s.id, "", y, score.V)
			if rank.OK {
				if rank.V < 1 || rank.V > rankOf[s.id] {
					return nil, ti.errAt(i, s.rankCol, "is outside 1–%d (the number of countries ranked)", rankOf[s.id])
				}
				o.Rank, o.RankOf = rank.V, rankOf[s.id]
			}
			if row.Year != strconv.Itoa(y) {
				o.Note = "edition " + strings.TrimSpace(row.Year)
			}
			out = append(out, Record{Source: "rsf", Code: strings.TrimSpace(row.ISO),
				Name: strings.TrimSpace(row.Country), Line: line, EntityCell: ti.cell("iso"), ValueCell: ti.cell(s.scoreCol), Obs: o})
		}
	}
	return out, nil
}
