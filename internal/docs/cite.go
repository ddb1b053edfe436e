package docs

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rankings-dev/rankings/datasets"
	"github.com/rankings-dev/rankings/indicators"
)

// CitationList is the document of `rankings cite` and of /api/v1/cite: the
// full citation of each source asked for, with the fields reference
// managers import (BibTeX, RIS and CSL-JSON are rendered from it).
type CitationList struct {
	// Of is what was asked for: an indicator id, a source id or "all".
	Of string `json:"of"`
	// Year is the year asked for (--year, the indicator's own year: an
	// edition year or a data year); null: each source's latest edition.
	Year *int `json:"year"`
	// Accessed is the access date (YYYY-MM-DD) that the citations of
	// sources asking for one carry: the date of the run unless one is
	// given.
	Accessed string `json:"accessed"`
	// Citations holds one citation per source, in the catalogue's order.
	Citations []Citation `json:"citations"`
	// Notes say, a sentence each, where the year asked for could not be
	// used for a source and which edition is cited instead.
	Notes []string `json:"notes"`
}

// Citation is the citation of one source's edition.
type Citation struct {
	// Key is a stable citation key: the source id and the edition cited
	// ("rsf-2026", "wgi-2024"); it is the same on every run.
	Key string `json:"key"`
	// Source is the source's id (see `rankings sources`).
	Source string `json:"source"`
	// Indicators are the indicators of the source that the citation
	// covers.
	Indicators []string `json:"indicators"`
	// Type is the kind of work cited: always "dataset".
	Type string `json:"type"`
	// Authors are the people the source's own citation names as its
	// authors ("Kaufmann, D."); empty where the publisher is the author.
	Authors []string `json:"authors"`
	// EtAl says that the source's citation names more authors than
	// Authors lists ("et al.").
	EtAl bool `json:"et_al,omitempty"`
	// Publisher is the organisation that publishes the data.
	Publisher string `json:"publisher"`
	// Title is the index's (dataset's) name.
	Title string `json:"title"`
	// Edition is the edition cited: an edition year or label ("2026",
	// "2013–2026" for a span of editions) or the release the data comes
	// from ("2024 update", "v14").
	Edition string `json:"edition"`
	// Issued is the year of publication of the edition; null when the
	// source states none.
	Issued *int `json:"issued"`
	// URL is the address the source's citation gives, or its page.
	URL string `json:"url"`
	// DOI is the dataset's DOI, where its citation gives one.
	DOI string `json:"doi,omitempty"`
	// Accessed is the access date (YYYY-MM-DD), only where the source's
	// citation guidance asks for one.
	Accessed string `json:"accessed,omitempty"`
	// Licence is the source's licence or terms of use.
	Licence string `json:"licence"`
	// Note is what a reader must know to cite it rightly (for the ODIHR
	// coding: that each assessment's page is its source).
	Note string `json:"note,omitempty"`
	// Text is the full citation in words, as every chart, table and
	// report ends with it.
	Text string `json:"text"`
}

// citeAs is what a source's citation says beyond the catalogue: the
// people its own citation guidance names as authors, and whether the data
// is rankings' own coding of the publisher's documents.
type citeAs struct {
	authors []string
	etAl    bool
	coded   bool
}

var citeAsBySource = map[string]citeAs{
	"wgi":   {authors: []string{"Kaufmann, D.", "Kraay, A."}},
	"vdem":  {authors: []string{"Coppedge, M."}, etAl: true},
	"odihr": {coded: true},
}

// The sentences of citations; each is a whole sentence (or phrase) with
// its arguments, to be translated as a whole.
const (
	// sayAccessed ends a citation with the access date.
	sayAccessed = "%s, accessed %s"
	// sayCodedTitle is the title of a source that is rankings' coding.
	sayCodedTitle = "%s, as coded by rankings"
	// sayCodedNote says what the coding of the ODIHR assessments rests on.
	sayCodedNote = "rankings coded these assessments from documents of the %s, which did not publish them as a dataset. Each assessment's source is the page its row names (source_url; source_kind says whether it is the publisher's own page, a copy or a secondary account): cite that page for an assessment."
	// sayNoEdition refuses a year that is not one of a source's editions.
	sayNoEdition = "%s has no figures for %d: its years are %s"
	// sayLatestInstead notes that a source of `all` lacks the year asked.
	sayLatestInstead = "%s has no figures for %d (its years are %s): its latest edition, %s, is cited."
	// sayOwnData refuses to cite an imported indicator of the user's own.
	sayOwnData = "%s is not from a catalogued source (it was imported): cite where its data comes from"
	// sayUnknownCited is the hint of an unknown indicator or source.
	sayUnknownCited = `give an indicator id, a source id or "all" (see "rankings sources")`
	// sayBadAccessed refuses an access date that is not a date.
	sayBadAccessed = "the access date must be a date such as 2026-05-03 (YYYY-MM-DD), not %q"
)

// DateLayout is the layout of access dates: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseAccessed reads an access date given as YYYY-MM-DD; a malformed one
// is an EInvalid error.
func ParseAccessed(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, indicators.Errorf(indicators.EInvalid, sayBadAccessed, s)
	}
	return t, nil
}

// hasEditions reports whether a source's citation names the edition
// cited (its "<edition>" placeholder); the others name their release.
func hasEditions(src indicators.Source) bool {
	return strings.Contains(src.Citation, "<edition>")
}

// publishedNextYear reports whether a source's editions are labelled with
// the year they describe and published in the next (CPI 2025 was released
// in 2026): its indicators use the data year.
func publishedNextYear(src indicators.Source) bool {
	for _, ind := range indicators.Catalog() {
		if ind.Source == src.ID {
			return ind.Year == indicators.DataYear
		}
	}
	return false
}

var (
	yearIn = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(19|20)\d\d\b`) })
	urlIn  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`https?://\S+`) })
)

// SourceCitation is the citation of src for the given editions (edition
// years, or data years of a data-year source; ignored for a source whose
// citation names its release); accessed is the access date used where the
// source asks for one.
func SourceCitation(src indicators.Source, editions []int, accessed time.Time) Citation {
	as := citeAsBySource[src.ID]
	c := Citation{Source: src.ID, Type: "dataset", Authors: append([]string{}, as.authors...), EtAl: as.etAl,
		Publisher: publisherOf(src), Title: src.Name, URL: src.URL, Licence: src.Licence, Indicators: []string{}}
	if u := urlIn().FindString(src.Citation); u != "" {
		c.URL = u
		c.DOI, _ = strings.CutPrefix(u, "https://doi.org/")
		if c.DOI == u {
			c.DOI = ""
		}
	}
	text := src.Citation
	key := src.ID
	if hasEditions(src) && len(editions) > 0 {
		eds := slices.Clone(editions)
		slices.Sort(eds)
		eds = slices.Compact(eds)
		c.Edition = YearsText(eds)
		text = strings.ReplaceAll(text, "<edition>", c.Edition)
		last := eds[len(eds)-1]
		if publishedNextYear(src) {
			last++
		}
		c.Issued = &last
		key += "-" + strconv.Itoa(eds[0])
		if len(eds) > 1 {
			key += "-" + strconv.Itoa(eds[len(eds)-1])
		}
	} else {
		c.Edition = src.Edition
		if i := strings.Index(c.Edition, " ("); i > 0 {
			c.Edition = c.Edition[:i]
		}
		if m := yearIn().FindString(src.Citation); m != "" {
			y, _ := strconv.Atoi(m)
			c.Issued = &y
			key += "-" + m
		}
	}
	if as.coded {
		c.Title = fmt.Sprintf(sayCodedTitle, src.Name)
		c.Publisher = "rankings"
		c.Note = fmt.Sprintf(sayCodedNote, publisherOf(src))
	}
	if src.Accessed && !accessed.IsZero() {
		c.Accessed = accessed.Format(DateLayout)
		text = fmt.Sprintf(sayAccessed, text, c.Accessed)
	}
	c.Key, c.Text = key, text
	return c
}

// publisherOf is a source's publisher without the bracketed authors or
// remark ("World Bank", not "World Bank (D. Kaufmann and A. Kraay)").
func publisherOf(src indicators.Source) string {
	p := src.Publisher
	// An abbreviation in brackets, "(RSF)", is part of the name.
	if i := strings.Index(p, " ("); i > 0 && strings.HasSuffix(p, ")") && strings.Contains(p[i+2:], " ") {
		p = p[:i]
	}
	return p
}

// YearsText writes sorted years as runs: "2026", "2013–2026",
// "2002–2010, 2012".
func YearsText(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// Cite builds the citations of of: an indicator id, a source id or "all".
// year (0: the latest) is the indicator's own year to cite; an indicator
// or source without figures for it is an EInvalid error, and for "all" a
// note says which edition is cited instead. accessed is the access date
// of the sources that ask for one.
func Cite(store *datasets.Store, of string, year int, accessed time.Time) (CitationList, error) {
	doc := CitationList{Of: of, Year: Int(year), Accessed: accessed.Format(DateLayout), Citations: []Citation{}, Notes: []string{}}
	bySource := map[string][]indicators.Indicator{}
	var order []indicators.Source
	add := func(ind indicators.Indicator) {
		src, ok := indicators.SourceByID(ind.Source)
		if !ok {
			return
		}
		if _, seen := bySource[src.ID]; !seen {
			order = append(order, src)
		}
		bySource[src.ID] = append(bySource[src.ID], ind)
	}
	switch ind, err := store.Indicator(of); {
	case of == "all":
		for _, src := range indicators.Sources() {
			for _, ind := range store.Indicators() {
				if ind.Source == src.ID {
					add(ind)
				}
			}
		}
	case err == nil:
		if _, ok := indicators.SourceByID(ind.Source); !ok {
			return CitationList{}, indicators.Errorf(indicators.EInvalid, sayOwnData, of)
		}
		add(ind)
	default:
		src, ok := indicators.SourceByID(of)
		if !ok {
			valid := []string{"all"}
			for _, s := range indicators.Sources() {
				valid = append(valid, s.ID)
			}
			for _, ind := range store.Indicators() {
				if !slices.Contains(valid, ind.ID) {
					valid = append(valid, ind.ID)
				}
			}
			return CitationList{}, indicators.UnknownError("indicator or source", of, valid, sayUnknownCited)
		}
		for _, ind := range store.Indicators() {
			if ind.Source == src.ID {
				add(ind)
			}
		}
	}
	for _, src := range order {
		inds := bySource[src.ID]
		years, err := yearsOf(store, inds)
		if err != nil {
			return CitationList{}, err
		}
		var eds []int
		if len(years) > 0 {
			eds = []int{years[len(years)-1]}
		}
		if year != 0 && len(years) > 0 {
			switch {
			case slices.Contains(years, year):
				eds = []int{year}
			case of != "all":
				return CitationList{}, indicators.Errorf(indicators.EInvalid, sayNoEdition, of, year, YearsText(years))
			case hasEditions(src):
				doc.Notes = append(doc.Notes, fmt.Sprintf(sayLatestInstead, src.ID, year, YearsText(years), YearsText(eds)))
			}
		}
		c := SourceCitation(src, eds, accessed)
		for _, ind := range inds {
			c.Indicators = append(c.Indicators, ind.ID)
		}
		doc.Citations = append(doc.Citations, c)
	}
	return doc, nil
}

// yearsOf is every year in which any of the yearly indicators inds has
// figures, sorted.
func yearsOf(store *datasets.Store, inds []indicators.Indicator) ([]int, error) {
	var years []int
	for _, ind := range inds {
		if ind.Events {
			continue
		}
		ys, err := store.Years(ind.ID)
		if err != nil {
			return nil, err
		}
		years = append(years, ys...)
	}
	slices.Sort(years)
	return slices.Compact(years), nil
}

// The content types of the citation formats.
const (
	BibTeXType  = "application/x-bibtex; charset=utf-8"
	RISType     = "application/x-research-info-systems; charset=utf-8"
	CSLJSONType = "application/vnd.citationstyles.csl+json; charset=utf-8"
)

// bibEscape escapes the characters BibTeX treats specially and writes an
// en dash as BibTeX's "--".
var bibEscape = strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`,
	"$", `\$`, "#", `\#`, "_", `\_`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`, "–", "--", "—", "---")

// BibTeX renders the citations as BibTeX @misc entries, one per source,
// keyed by Key; an organisation as author is braced so that it is not
// read as a person's name.
func (l CitationList) BibTeX() string {
	var b strings.Builder
	for i, c := range l.Citations {
		if i > 0 {
			b.WriteString("\n")
		}
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %-12s = {%s},\n", name, value)
			}
		}
		fmt.Fprintf(&b, "@misc{%s,\n", c.Key)
		if len(c.Authors) > 0 {
			as := make([]string, len(c.Authors))
			for i, a := range c.Authors {
				as[i] = bibEscape.Replace(a)
			}
			if c.EtAl {
				as = append(as, "others")
			}
			field("author", strings.Join(as, " and "))
		} else {
			field("author", "{"+bibEscape.Replace(c.Publisher)+"}")
		}
		field("title", "{"+bibEscape.Replace(c.Title)+"}")
		if c.Issued != nil {
			field("year", strconv.Itoa(*c.Issued))
		}
		field("publisher", bibEscape.Replace(c.Publisher))
		field("version", bibEscape.Replace(c.Edition))
		field("howpublished", "Dataset")
		field("doi", c.DOI)
		field("url", c.URL)
		field("urldate", c.Accessed)
		field("note", bibEscape.Replace(c.noteText()))
		b.WriteString("}\n")
	}
	return b.String()
}

// noteText is the note a reference manager keeps with the entry: the
// edition in words, the access date and the citation's own note.
func (c Citation) noteText() string {
	var parts []string
	if c.Edition != "" {
		parts = append(parts, fmt.Sprintf(sayEditionNote, c.Edition))
	}
	if c.Accessed != "" {
		parts = append(parts, fmt.Sprintf(sayAccessedNote, c.Accessed))
	}
	if c.Note != "" {
		parts = append(parts, c.Note)
	}
	return strings.Join(parts, " ")
}

const (
	// sayEditionNote names the edition cited in a reference's note.
	sayEditionNote = "Edition: %s."
	// sayAccessedNote gives the access date in a reference's note.
	sayAccessedNote = "Accessed %s."
)

// RIS renders the citations as RIS records of type DATA, one per source:
// lines "XX  - value", each record ending with "ER  - ".
func (l CitationList) RIS() string {
	var b strings.Builder
	for _, c := range l.Citations {
		tag := func(t, value string) {
			if value = strings.Join(strings.Fields(value), " "); value != "" {
				fmt.Fprintf(&b, "%s  - %s\n", t, value)
			}
		}
		tag("TY", "DATA")
		tag("ID", c.Key)
		if len(c.Authors) > 0 {
			for _, a := range c.Authors {
				tag("AU", a)
			}
		} else {
			tag("AU", c.Publisher)
		}
		tag("TI", c.Title)
		if c.Issued != nil {
			tag("PY", strconv.Itoa(*c.Issued))
		}
		tag("ET", c.Edition)
		tag("PB", c.Publisher)
		tag("DO", c.DOI)
		tag("UR", c.URL)
		if c.Accessed != "" {
			tag("Y2", strings.ReplaceAll(c.Accessed, "-", "/"))
		}
		tag("N1", c.noteText())
		b.WriteString("ER  - \n")
	}
	return b.String()
}

// CSLItem is one item of CSL-JSON, the format of citeproc-based reference
// managers (Zotero, Mendeley, Pandoc): the fields used here of the CSL
// data schema.
type CSLItem struct {
	// ID is the citation key.
	ID string `json:"id"`
	// Type is the CSL item type: "dataset".
	Type string `json:"type"`
	// Title is the dataset's name.
	Title string `json:"title"`
	// Author holds the people named as authors, or the publisher as one
	// literal name.
	Author []CSLName `json:"author,omitempty"`
	// Publisher is the organisation that publishes the data.
	Publisher string `json:"publisher,omitempty"`
	// Version is the edition cited.
	Version string `json:"version,omitempty"`
	// Issued is the year of publication.
	Issued *CSLDate `json:"issued,omitempty"`
	// Accessed is the access date, where the source asks for one.
	Accessed *CSLDate `json:"accessed,omitempty"`
	// DOI is the dataset's DOI, where it has one.
	DOI string `json:"DOI,omitempty"`
	// URL is the source's address.
	URL string `json:"URL,omitempty"`
	// Note is the edition, access date and what a reader must know.
	Note string `json:"note,omitempty"`
}

// CSLName is a CSL name: a family and given name, or a literal
// (organisation) name.
type CSLName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// CSLDate is a CSL date: [[year]] or [[year, month, day]].
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// CSL renders the citations as CSL-JSON items of type "dataset".
func (l CitationList) CSL() []CSLItem {
	items := []CSLItem{}
	for _, c := range l.Citations {
		it := CSLItem{ID: c.Key, Type: c.Type, Title: c.Title, Publisher: c.Publisher, Version: c.Edition, DOI: c.DOI, URL: c.URL, Note: c.noteText()}
		for _, a := range c.Authors {
			family, given, _ := strings.Cut(a, ", ")
			it.Author = append(it.Author, CSLName{Family: family, Given: given})
		}
		if len(c.Authors) == 0 {
			it.Author = []CSLName{{Literal: c.Publisher}}
		}
		if c.Issued != nil {
			it.Issued = &CSLDate{DateParts: [][]int{{*c.Issued}}}
		}
		if t, err := time.Parse(DateLayout, c.Accessed); err == nil {
			it.Accessed = &CSLDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
		}
		items = append(items, it)
	}
	return items
}
