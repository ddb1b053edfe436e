package indicators

import (
	"math"
	"sort"
)

// Source is a publisher's dataset from which indicators are drawn.
type Source struct {
	ID        string
	Name      string
	Publisher string
	Edition   string // which release the embedded data comes from
	URL       string
	Licence   string
	Citation  string // how to cite it in a report
	Notes     string
	// Accessed is set where the source's own citation guidance asks for
	// the date the data was accessed (the World Bank's "Accessed on" for
	// the WGI); a citation of such a source ends with that date.
	Accessed bool
}

var inf = math.Inf(1)

func scale(min, max float64) Scale { return Scale{Min: min, Max: max} }

func higher(from int, sc Scale) []Segment {
	return []Segment{{From: from, Scale: sc, Direction: HigherIsBetter}}
}

func lower(from int, sc Scale) []Segment {
	return []Segment{{From: from, Scale: sc, Direction: LowerIsBetter}}
}

var sources = []Source{
	{
		ID:        "rsf",
		Name:      "World Press Freedom Index",
		Publisher: "Reporters Without Borders (RSF)",
		Edition:   "editions 2002–2026 (RSF's yearly download files; 2026 rebuilt from a verified copy of RSF's file)",
		URL:       "https://rsf.org/en/index",
		Licence:   "No licence stated; RSF's terms of use apply: cite RSF as the source.",
		Citation:  "Reporters Without Borders (RSF), World Press Freedom Index, <edition> edition, https://rsf.org/en/index",
	},
	{
		ID:        "wjp",
		Name:      "WJP Rule of Law Index",
		Publisher: "World Justice Project",
		Edition:   "2025 historical data file (editions 2012-2013 to 2025)",
		URL:       "https://worldjusticeproject.org/rule-of-law-index/",
		Licence:   "WJP terms of use: free to use with attribution to the World Justice Project.",
		Citation:  "World Justice Project, WJP Rule of Law Index 2025, historical data file, https://worldjusticeproject.org/rule-of-law-index/",
	},
	{
		ID:        "wgi",
		Name:      "Worldwide Governance Indicators",
		Publisher: "World Bank (D. Kaufmann and A. Kraay)",
		Edition:   "2024 update (data years 1996–2023)",
		URL:       "https://www.worldbank.org/en/publication/worldwide-governance-indicators",
		Licence:   "CC BY 4.0",
		Citation:  "Kaufmann, D. and A. Kraay, Worldwide Governance Indicators, 2024 Update, World Bank, www.govindicators.org",
		Notes:     "The 2024 update revised the whole back-series: its figures, and especially its percentile ranks, differ from earlier WGI releases.",
		Accessed:  true,
	},
	{
		ID:        "fh-fiw",
		Name:      "Freedom in the World",
		Publisher: "Freedom House",
		Edition:   "All data FIW 2013–2025 and Country and Territory Ratings and Statuses 1973–2024 (the 2025 ratings come from the former, which agrees with the latter on 2013–2024)",
		URL:       "https://freedomhouse.org/report/freedom-world",
		Licence:   "Freedom House terms of use: free to use with attribution to Freedom House.",
		Citation:  "Freedom House, Freedom in the World <edition>, https://freedomhouse.org/report/freedom-world",
	},
	{
		ID:        "fh-fotp",
		Name:      "Freedom of the Press",
		Publisher: "Freedom House",
		Edition:   "editions 2002–2015, as reshaped by a third party (tidy CSV); the 2016–2017 editions are not included",
		URL:       "https://freedomhouse.org/report/freedom-press",
		Licence:   "Freedom House terms of use: free to use with attribution to Freedom House.",
		Citation:  "Freedom House, Freedom of the Press <edition>, https://freedomhouse.org/report/freedom-press",
		Notes:     "The report was discontinued after the 2017 edition.",
	},
	{
		ID:        "vdem",
		Name:      "Varieties of Democracy (V-Dem) dataset",
		Publisher: "V-Dem Institute, University of Gothenburg",
		Edition:   "v14 (March 2024), country-year, 1970–2023, via the vdemlite subset",
		URL:       "https://www.v-dem.net/data/the-v-dem-dataset/",
		Licence:   "CC BY-SA 4.0",
		Citation:  "Coppedge, M. et al. 2024. V-Dem [Country-Year/Country-Date] Dataset v14. Varieties of Democracy (V-Dem) Project. https://doi.org/10.23696/mcwt-fr58",
		Notes:     "The subset carries point estimates only; V-Dem's published credible intervals are not in it, so V-Dem differences are never called distinguishable.",
	},
	{
		ID:        "cpi",
		Name:      "Corruption Perceptions Index",
		Publisher: "Transparency International",
		Edition:   "CPI 2025 results workbook (released 10 February 2026), scores 2012–2025",
		URL:       "https://www.transparency.org/en/cpi/2025",
		Licence:   "CC BY-ND 4.0: free to reuse with attribution to Transparency International (reformatting the figures is not an adaptation).",
		Citation:  "Transparency International, Corruption Perceptions Index <edition>, CC BY-ND 4.0, https://www.transparency.org/en/cpi",
		Notes:     "Scores from 2012 on are on one 0–100 scale that TI says is comparable across years; the 0–10 scores of 1995–2011 are not, and are not included.",
	},
	{
		ID:        "odihr",
		Name:      "OSCE/ODIHR election assessments",
		Publisher: "OSCE Office for Democratic Institutions and Human Rights (coded for rankings)",
		Edition:   "elections 1991-05-26 to 2025-11-30 in the 15 post-Soviet states",
		URL:       "https://www.osce.org/odihr/elections",
		Licence:   "Coding compiled for rankings from pages of ODIHR and the OSCE Parliamentary Assembly, from copies of OSCE documents on other sites and from news, reference or academic accounts; each row's source kind says which its source URL is. Cite that page, and say so where it is a copy or a secondary account.",
		Citation:  "OSCE/ODIHR election assessments, as coded by rankings from the page each election names (see its source URL and source kind)",
		Notes:     "The assessment is a coding of ODIHR's headline language (met, mostly met, partly met, not met); always read it with the summary and the source.",
	},
}

func rsfSub(id, name string) Indicator {
	return Indicator{
		ID: id, Name: "RSF press freedom: " + name + " indicator", Source: "rsf",
		Unit:     "score 0–100",
		Segments: higher(2022, scale(0, 100)),
		Year:     EditionYear, YearNote: rsfYearNote,
		Ranks: RanksPublished, Decimals: 2,
		Notes: "One of the five indicators of the methodology introduced in 2022; there is no earlier series.",
	}
}

const rsfYearNote = "Edition year: an edition published in spring of year N mostly covers year N−1; the 2011-12 edition is year 2012 and there is no 2011."

func wjpFactor(n, name string) Indicator {
	return Indicator{
		ID: "wjp-f" + n, Name: "WJP Rule of Law Index, factor " + n + ": " + name, Source: "wjp",
		Unit: "score 0–1", Segments: higher(2013, scale(0, 1)),
		Year: EditionYear, YearNote: wjpYearNote, Ranks: RanksComputed, Decimals: 2,
	}
}

const wjpYearNote = "Edition year; the combined 2012-2013 edition is year 2013 and 2017-2018 is year 2018. Each edition's survey data is mostly from the year before."

// wgiScale is the WGI estimates' scale. The estimates are in units of a
// standard normal distribution, so the World Bank's "about −2.5 to 2.5" is
// no bound: published estimates reach −3.31 (wgi-pv). Its hard bounds, ±5,
// are rankings' own choice, documented in datasets/FORMAT.md: five standard
// deviations from the mean, twice as far out as the nominal ends and half
// again beyond the most extreme estimate ever published, so a value past
// them is a wrong column or a typo, never an estimate.
var wgiScale = Scale{Min: -2.5, Max: 2.5, Approximate: true, HardMin: -5, HardMax: 5}

// elfrfairScale is V-Dem's v2elfrfair scale: the latent scale of V-Dem's
// measurement model, read like a normal ("Z") score, nominally about −3 to 3
// (published values reach −3.38 and 2.87), so the nominal ends are given
// with some room. Its hard bounds, ±6, are rankings' own choice, documented
// in datasets/FORMAT.md: far enough out that no estimate of the model
// reaches them, close enough that a misplaced 99 or a percentage is caught.
var elfrfairScale = Scale{Min: -3.5, Max: 3.5, Approximate: true, HardMin: -6, HardMax: 6}

func wgi(code, name string) Indicator {
	return Indicator{
		ID: "wgi-" + code, Name: "WGI " + name + " (estimate)", Source: "wgi",
		Unit:      "estimate in standard normal units",
		Segments:  higher(1996, wgiScale),
		Year:      DataYear,
		YearNote:  "Data year: the 2024 update covers 1996–2023; no figures exist for 1997, 1999 and 2001.",
		Uncertain: Uncertainty{StdErr: true, Percentile: true, PercentileLevel: 0.90},
		Ranks:     RanksComputed, Decimals: 2, RankByPercentile: true,
		Notes: "The estimate has a standard error; the percentile rank among all economies comes with 90% bounds. Differences whose 90% intervals overlap are not distinguishable. " +
			"Ranks follow the World Bank's percentile rank, which it computes from the unrounded estimates (the published estimates are rounded to two decimals); economies whose percentile ranks tie share the lowest rank.",
	}
}

func fhTotal(id, name, unit string, max float64) Indicator {
	return Indicator{
		ID: id, Name: name, Source: "fh-fiw", Unit: fhUnit(id, unit),
		Segments: higher(2013, scale(fhMin(id), max)),
		Year:     EditionYear, YearNote: fhYearNote,
		Ranks:  RanksComputed,
		Status: "F = Free, PF = Partly Free, NF = Not Free",
	}
}

// fhMin is the lowest possible score: the political rights score (and so the
// total) can fall below zero through the additional discretionary question,
// which subtracts up to 4 points.
func fhMin(id string) float64 {
	if id == "fh-fiw" || id == "fh-pr" {
		return -4
	}
	return 0
}

// fhUnit says where a score can fall below 0: the discretionary question
// subtracts up to 4 points from political rights, and so from the total.
func fhUnit(id, unit string) string {
	if fhMin(id) < 0 {
		return unit + " (down to −4: a discretionary question can subtract points)"
	}
	return unit
}

const fhYearNote = "Edition year: an edition covers the previous calendar year (edition 2024 covers 2023)."

func vdem(id, variable, name string, dir Direction, note string) Indicator {
	return Indicator{
		ID: id, Name: "V-Dem " + name + " (" + variable + ")", Source: "vdem",
		Unit:     "index 0–1",
		Segments: []Segment{{From: 1970, Scale: scale(0, 1), Direction: dir}},
		Year:     DataYear, YearNote: "Data year: the calendar year described (as of 31 December).",
		Ranks: RanksComputed, Notes: note, Decimals: 3,
	}
}

var catalog = []Indicator{
	{
		ID: "rsf", Name: "RSF World Press Freedom Index score", Source: "rsf",
		Unit: "score",
		Segments: []Segment{
			{From: 2002, To: 2012, Label: "old points scale (unbounded)",
				Scale: Scale{Min: -inf, Max: inf}, Direction: LowerIsBetter},
			{From: 2013, To: 2021, Label: "0–100 index",
				Scale: scale(0, 100), Direction: HigherIsBetter,
				Restated: &Restatement{Pivot: 100, Publisher: "RSF", Published: LowerIsBetter},
				Reason:   "RSF introduced a 0–100 index in 2013; scores of the old points scale are not comparable with it. RSF's current download files give 2013–2021 scores as 100 minus the originally published score, so higher is better."},
			{From: 2022, Label: "0–100, new methodology",
				Scale: scale(0, 100), Direction: HigherIsBetter,
				Reason: "RSF changed its methodology in 2022 (five indicators: political, economic, legal, social, safety) and says scores before 2022 are not comparable with later ones."},
		},
		Year: EditionYear, YearNote: rsfYearNote,
		Ranks: RanksPublished, Decimals: 2,
		Notes: "Ranks (1 = most free) run across all editions; rank_of is the number of countries and territories RSF ranked in that edition. Scores of 2002–2012 are on an unbounded points scale where lower is better.",
	},
	rsfSub("rsf-political", "political"),
	rsfSub("rsf-economic", "economic"),
	rsfSub("rsf-legal", "legal"),
	rsfSub("rsf-social", "social"),
	rsfSub("rsf-safety", "safety"),
	{
		ID: "wjp", Name: "WJP Rule of Law Index overall score", Source: "wjp",
		Unit: "score 0–1", Segments: higher(2013, scale(0, 1)),
		Year: EditionYear, YearNote: wjpYearNote, Ranks: RanksComputed, Decimals: 2,
		Notes: "The file has no rank column: ranks are computed within each edition from the unrounded overall score (ties take the lowest rank), as WJP does.",
	},
	wjpFactor("1", "constraints on government powers"),
	wjpFactor("2", "absence of corruption"),
	wjpFactor("3", "open government"),
	wjpFactor("4", "fundamental rights"),
	wjpFactor("5", "order and security"),
	wjpFactor("6", "regulatory enforcement"),
	wjpFactor("7", "civil justice"),
	wjpFactor("8", "criminal justice"),
	wgi("va", "Voice and Accountability"),
	wgi("pv", "Political Stability and Absence of Violence/Terrorism"),
	wgi("ge", "Government Effectiveness"),
	wgi("rq", "Regulatory Quality"),
	wgi("rl", "Rule of Law"),
	wgi("cc", "Control of Corruption"),
	fhTotal("fh-fiw", "Freedom in the World total score", "score 0–100", 100),
	fhTotal("fh-pr", "Freedom in the World political rights score", "score 0–40", 40),
	fhTotal("fh-cl", "Freedom in the World civil liberties score", "score 0–60", 60),
	fhTotal("fh-electoral", "Freedom in the World electoral process (subcategory A)", "score 0–12", 12),
	{
		ID: "fh-pr-rating", Name: "Freedom in the World political rights rating", Source: "fh-fiw",
		Unit: "rating 1–7 (1 = most free)", Segments: lower(1973, scale(1, 7)),
		Year: EditionYear, YearNote: fhRatingsYearNote, Ranks: RanksComputed,
		Status: "F = Free, PF = Partly Free, NF = Not Free",
	},
	{
		ID: "fh-cl-rating", Name: "Freedom in the World civil liberties rating", Source: "fh-fiw",
		Unit: "rating 1–7 (1 = most free)", Segments: lower(1973, scale(1, 7)),
		Year: EditionYear, YearNote: fhRatingsYearNote, Ranks: RanksComputed,
		Status: "F = Free, PF = Partly Free, NF = Not Free",
	},
	{
		ID: "fh-fotp", Name: "Freedom of the Press score", Source: "fh-fotp",
		Unit: "score 0–100 (0 = most free)", Segments: lower(2002, scale(0, 100)),
		Year: EditionYear, YearNote: "Edition year: edition N covers year N−1 (editions 2002–2015).",
		Ranks: RanksComputed, Status: "F = Free, PF = Partly Free, NF = Not Free",
	},
	{
		ID: "ti-cpi", Name: "Corruption Perceptions Index score", Source: "cpi",
		Unit:      "score 0–100 (100 = very clean)",
		Segments:  []Segment{{From: 2012, Label: "0–100 scale", Scale: scale(0, 100), Direction: HigherIsBetter}},
		Year:      DataYear,
		YearNote:  "TI's edition label, which is not the year of publication: CPI N is released early in year N+1 (CPI 2025 was released on 10 February 2026) and draws on assessments made over the two years up to its release.",
		Uncertain: Uncertainty{StdErr: true, StdErrLevel: 0.90},
		Ranks:     RanksPublished, RanksComputedTo: 2016, Decimals: 0,
		Notes: "Higher means less corruption perceived in the public sector. Each score has a published standard error; the score ± 1.645 standard errors is its 90% interval, and differences whose intervals overlap are not distinguishable. " +
			"Ranks 2017–2025 are TI's own. TI's timeseries has no rank for 2012–2016: rankings computes those from the file's scores (ties share the lowest rank, as TI's do), over the countries and territories the file scores that year. The file lacks a few that TI ranked at the time (it has 174 scores for 2014, when TI ranked 175), so a computed rank can differ by a place from the one TI published, and rank_of counts the file's entries.",
	},
	vdem("vdem-polyarchy", "v2x_polyarchy", "electoral democracy index", HigherIsBetter, ""),
	vdem("vdem-libdem", "v2x_libdem", "liberal democracy index", HigherIsBetter, ""),
	vdem("vdem-rule", "v2x_rule", "rule of law index", HigherIsBetter, ""),
	vdem("vdem-frefair", "v2xel_frefair", "clean elections index", HigherIsBetter, ""),
	vdem("vdem-altinf", "v2xme_altinf", "alternative sources of information index", HigherIsBetter, ""),
	vdem("vdem-civlib", "v2x_civlib", "civil liberties index", HigherIsBetter, ""),
	vdem("vdem-corr", "v2x_corr", "political corruption index", LowerIsBetter,
		"Higher means more corrupt: lower is better."),
	{
		ID: "vdem-elfrfair", Name: "V-Dem election free and fair (v2elfrfair)", Source: "vdem",
		Unit:     "latent scale, about −3 to +3",
		Segments: higher(1970, elfrfairScale),
		Year:     DataYear, YearNote: "Election years only: V-Dem carries the value forward between elections, so rankings keeps only years with a national election.",
		Ranks: RanksComputed, Decimals: 3,
		Notes: "Measurement-model estimate; ranks compare the countries that held a national election that year.",
	},
	{
		ID: "odihr", Name: "OSCE/ODIHR election assessment", Source: "odihr",
		Unit:     "assessment: met (3), mostly met (2), partly met (1), not met (0)",
		Segments: higher(1991, scale(0, 3)),
		Year:     DataYear, YearNote: "The date of the election.",
		Events: true,
	},
}

const fhRatingsYearNote = "Edition year; two-year edition labels take the later year (1983-84 is 1984, 2001-02 is 2002) and the Jan.–Feb. 1973–1977 surveys take their year. There is no 1983 edition."

// Sources returns the publishers' datasets, in display order.
func Sources() []Source { return append([]Source(nil), sources...) }

// SourceByID returns the source with the given id.
func SourceByID(id string) (Source, bool) {
	for _, s := range sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Catalog returns the metadata of every built-in indicator, in display
// order.
func Catalog() []Indicator { return append([]Indicator(nil), catalog...) }

// Lookup returns the built-in indicator with the given id, or an
// ENotFound *Error naming the nearest ids.
func Lookup(id string) (Indicator, error) {
	for _, ind := range catalog {
		if ind.ID == id {
			return ind, nil
		}
	}
	ids := make([]string, len(catalog))
	for i, ind := range catalog {
		ids[i] = ind.ID
	}
	return Indicator{}, UnknownError("indicator", id, ids, `run "rankings indicators" for the list`)
}

// UnknownError builds the ENotFound error for an unknown name, suggesting
// the nearest of the valid names.
func UnknownError(what, got string, valid []string, hint string) *Error {
	sug := Nearest(got, valid, 3)
	msg := "unknown " + what + " \"" + got + "\""
	if len(sug) > 0 {
		msg += " — did you mean " + joinOr(sug) + "?"
	} else if hint != "" {
		msg += " — " + hint
	}
	return &Error{Code: ENotFound, Msg: msg, Suggestions: sug}
}

func joinOr(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	s := xs[0]
	for _, x := range xs[1 : len(xs)-1] {
		s += ", " + x
	}
	return s + " or " + xs[len(xs)-1]
}

// Nearest returns up to n of the candidates closest to s by edit distance,
// counting a candidate that starts with s as close; distant candidates are
// left out.
func Nearest(s string, candidates []string, n int) []string {
	type scored struct {
		c string
		d int
	}
	var out []scored
	for _, c := range candidates {
		d := EditDistance(s, c)
		if len(s) >= 2 && len(c) > len(s) && c[:len(s)] == s {
			d = 1
		}
		limit := len(s)/3 + 1
		if d <= limit {
			out = append(out, scored{c, d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].d < out[j].d })
	var res []string
	for _, x := range out {
		if len(res) == n {
			break
		}
		res = append(res, x.c)
	}
	return res
}

// EditDistance is the optimal-string-alignment (restricted Damerau–
// Levenshtein) distance over runes: insertions, deletions, substitutions and
// transpositions of adjacent runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
