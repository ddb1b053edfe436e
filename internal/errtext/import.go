package errtext

import (
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// The importers' errors (importers.ParseError) are a location, a column,
// a value and a reason:
//
//	rsf-2026.csv:14:2: column "Score 2026": "9x,5" is not a number
//
// sayImport keeps the location, says the column and the value in the
// output's quotes («Score 2026», «9x,5») and the reason by importReasons;
// a reason may hold another (a library's error inside "not a readable
// xlsx workbook: …"), said in turn. Warnings and notes of an import, and
// the import's errors that are not parse errors, are whole messages
// (importMessages). The patterns are errPattern, compiled on first use;
// their facts take, besides errArg's kinds, the import's own below.

// The kinds of facts of an import's messages (beyond errArg's).
const (
	argReason        argKind = iota + 100 // a reason of importReasons, said in turn
	argQuoted                             // a value as importers.Quote writes it: "…" or "…"… (N bytes)
	argQuotedList                         // quoted values joined by ", ", maybe ending "… (N columns)"
	argQuotedSlice                        // quoted strings joined by ", ": "a", "b"
	argSeparator                          // a separator's name: tab, none: a spreadsheet, ';'
	argHint                               // an optional hint that ends a reason ("; it is the last line: …")
	argScale                              // a scale as indicators.Scale writes it: 0–100, about -2.5 to 2.5
	argFigure                             // a figure: 39.34 (a decimal comma where the language has one)
	argDirection                          // higher is better, lower is better
	argStatusText                         // an indicator's statuses as the catalogue gives them
	argCountries                          // country names: "A", "A or B", "A, B or C"
	argWhere                              // a cell of a workbook: sheet "S" cell B5
	argFiguresDiff                        // how an imported year's figures differ from the embedded ones
	argElectionsDiff                      // how an imported year's elections differ from the embedded ones
)

// Pieces of the patterns: a value quoted with %q (its text captured
// without the quotes) and one quoted by importers.Quote (captured whole,
// said by argQuoted).
const (
	qIn   = `"((?:[^"\\]|\\.)*)"`
	qFull = `("(?:[^"\\]|\\.)*"(?:… \(\d+ bytes\))?)`
	qSep  = `(tab|none: a spreadsheet|'.')`
)

// importReasons recognise what a parse error says after its location,
// column and value: the reasons of datasets/importers, datasets/ingest
// and the entity mapping of datasets/generator, and the errors of the
// libraries they wrap. The first that matches decides: where two
// recognise the same message, the more particular comes first.
var importReasons = sync.OnceValue(func() []errPattern {
	return []errPattern{
		// Reading the file: size, encoding, CSV.
		ep(`no input`, "err.import.no_input"),
		ep(`is larger than (\d+) MiB: not a publisher's file`, "err.import.too_large", argRaw),
		ep(`is a zip archive \(an \.xlsx workbook\?\), not CSV text`, "err.import.zip_not_csv"),
		ep(`is a zip archive \(an \.xlsx workbook\?\): --encoding applies to CSV text only; leave it out`, "err.import.zip_encoding"),
		ep(`is UTF-32 text: save it as UTF-8`, "err.import.utf32"),
		ep(`has a UTF-8 byte-order mark but is not valid UTF-8 here: save the file as UTF-8`, "err.import.bom_not_utf8"),
		ep(`is not valid UTF-16: (.+)`, "err.import.not_utf16", argRaw),
		ep(`is not valid UTF-8 here, though the rest of the file is UTF-8: the file mixes encodings; save it as UTF-8`, "err.import.mixed_encodings"),
		ep(`has NUL bytes or control characters: this is a binary file, not CSV text`, "err.import.binary"),
		ep(`is not valid UTF-8 here \(byte 0x([0-9A-F]{2})\), and the file does not read as (\S+) or (\S+) text as a whole: save it as UTF-8, or name its encoding with --encoding`, "err.import.not_utf8", argRaw, argRaw, argRaw),
		ep(`is not valid UTF-8 here \(byte 0x([0-9A-F]{2})\), though --encoding says the file is UTF-8: save it as UTF-8, or give its encoding`, "err.import.not_utf8_as_said", argRaw),
		ep(`starts with a UTF-8 byte-order mark: it is UTF-8 text, not (\S+); leave --encoding out`, "err.import.bom_not_legacy", argRaw),
		ep(`is UTF-8 text \(valid UTF-8 with characters beyond ASCII\), not (\S+): leave --encoding out`, "err.import.utf8_not_legacy", argRaw),
		ep(`file is empty`, "err.import.file_empty"),
		ep(`no rows after the header`, "err.import.no_rows"),
		ep(`duplicate column \(also column (\d+)\)`, "err.import.duplicate_column_also", argRaw),
		ep(`duplicate column \(columns (\w+) and (\w+)\)`, "err.import.duplicate_column_letters", argRaw, argRaw),
		ep(`duplicate column`, "err.import.duplicate_column"),
		ep(`unknown column \(the columns are: (.+)\)`, "err.import.unknown_column", argRaw),
		ep(`wrong number of fields: (\d+), the header has (\d+) \(separator `+qSep+`((?:; it is the last line: is the file cut short\?)?)\)`, "err.import.wrong_fields", argRaw, argRaw, argSeparator, argHint),
		ep(`missing column `+qIn+` \(the header has: (.*); separator `+qSep+`((?:; columns must be separated by ',', ';' or a tab)?)\)`, "err.import.missing_column", argRaw, argQuotedList, argSeparator, argHint),
		ep(`missing column "iso3" or "country": every row needs its country`, "err.import.missing_country_column"),
		ep(`missing column "indicator" \(it may be left out only when the metadata header defines exactly one indicator\)`, "err.import.missing_indicator_column"),
		ep(`missing column in sheet `+qIn+` \(the sheet has other columns of (\d+)\)`, "err.import.missing_in_sheet_year", argRaw, argRaw),
		ep(`missing column in sheet `+qIn, "err.import.missing_in_sheet", argRaw),
		ep(`missing column: no header row with it in the first 10 rows of sheet `+qIn, "err.import.no_header_row", argRaw),
		ep(`(.+) \(a decimal comma in a comma-separated file: write a decimal point, or separate the columns with ';'\)`, "err.import.decimal_comma", argReason),
		ep(`(.+) \(a field with a quote must be quoted whole, its quotes doubled\)`, "err.import.quote_whole", argReason),
		ep(`(.+): the quoted field starting on line (\d+) is not closed`, "err.import.quote_not_closed", argReason, argRaw),
		ep(`bare " in non-quoted-field`, "err.import.csv_bare_quote"),
		ep(`extraneous or missing " in quoted-field`, "err.import.csv_extraneous_quote"),

		// A cell.
		ep(`is not a number \(both '\.' and ',' in it\)`, "err.import.not_number_both"),
		ep(`is not a number`, "err.import.not_number"),
		ep(`is not a whole number`, "err.import.not_whole_number"),
		ep(`is empty`, "err.import.empty"),
		ep(`is empty, but the row has a score`, "err.import.empty_but_score"),
		ep(`is empty, and so is country_name`, "err.import.empty_and_name"),
		ep(`is not a year`, "err.import.not_year"),
		ep(`is not a year from 1996 on`, "err.import.not_year_from_1996"),
		ep(`is negative`, "err.import.negative"),
		ep(`is outside 1–(\d+) \(the number of countries and territories scored\)`, "err.import.outside_scored", argRaw),
		ep(`is outside 1–(\d+) \(the number of countries ranked\)`, "err.import.outside_ranked", argRaw),
		ep(`is outside 1–(\d+) \(rank_of\)`, "err.import.outside_rank_of", argRaw),
		ep(`is outside its bounds (\S+)–(\S+)`, "err.import.outside_bounds", argRaw, argRaw),
		ep(`is outside the 0–100 scale`, "err.import.outside_scale_0_100"),
		ep(`is outside the scale (.+) of (\S+)`, "err.import.outside_scale", argScale, argRaw),
		ep(`is outside the hard bounds (\S+) to (\S+) of (\S+) \(usually (.+)\), which no figure of it leaves: correct the value, or check that the column holds (\S+) figures`, "err.import.outside_hard", argFigure, argFigure, argRaw, argScale, argRaw),
		ep(`is outside (\S+)–(\S+)`, "err.import.outside", argRaw, argRaw),
		ep(`is not one of odihr, osce_pa, mirror, secondary \(or empty: not stated\)`, "err.import.not_source_kind"),
		ep(`is not one of (.+)`, "err.import.not_one_of", argRaw),
		ep(`is not F, PF or NF`, "err.import.not_fh_status"),
		ep(`is not c \(country\) or t \(territory\)`, "err.import.not_c_or_t"),
		ep(`is not an edition year`, "err.import.not_edition_year"),
		ep(`is not an edition year \(expected e\.g\. 2025 or 2011-12\)`, "err.import.not_edition_year_rsf"),
		ep(`is not an edition \(expected e\.g\. 2014 or 2012-2013\)`, "err.import.not_edition_wjp"),
		ep(`differs from the file's edition (\d+)`, "err.import.differs_edition", argRaw),
		ep(`is a rank without a score in column `+qIn, "err.import.rank_without_score", argRaw),
		ep(`is not a score 0–100`, "err.import.not_score_0_100"),
		ep(`is not a positive standard error`, "err.import.not_positive_stderr"),
		ep(`is not a rank`, "err.import.not_rank"),
		ep(`is not a rating 1–7`, "err.import.not_rating"),
		ep(`is not PR \+ CL \((\S+) \+ (\S+) = (\S+)\)`, "err.import.not_pr_plus_cl", argRaw, argRaw, argRaw),
		ep(`second row for this code \(first on row (\d+)\)`, "err.import.second_row_code", argRaw),
		ep(`second row for edition (\S+) \(first on row (\d+)\)`, "err.import.second_row_edition", argRaw, argRaw),
		ep(`must be year\.collected \+ 1`, "err.import.year_reported"),
		ep(`is a status, but (\S+) has no statuses: leave the cell empty`, "err.import.status_none", argRaw),
		ep(`is not a status of (\S+): write one of (.+) \((.+)\), or leave the cell empty`, "err.import.status_bad", argRaw, argRaw, argStatusText),
		ep(`contradicts the row's code, indicator and year, which make `+qIn+`: correct the row or its key`, "err.import.key_contradicts", argRaw),
		ep(`is missing but the row has other figures`, "err.import.missing_but_figures"),
		ep(`rank and rank_of must both be given or both be empty`, "err.import.rank_pair"),
		ep(`lower and upper must both be given or both be empty`, "err.import.bounds_pair"),
		ep(`is not a positive number of entities`, "err.import.not_positive_count"),
		ep(`is not an indicator id \(lower-case letters, digits and hyphens\)`, "err.import.not_indicator_id"),
		ep(`is not an ISO 3166-1 alpha-3 code \(three capital letters\)`, "err.import.not_alpha3"),
		ep(`is not a date YYYY-MM-DD`, "err.import.not_date"),
		ep(`must be (\d+) for (\S+)`, "err.import.must_be_score", argRaw, argRaw),
		ep(`must be empty for (\S+)`, "err.import.must_be_empty", argRaw),
		ep(`is not an http\(s\) URL`, "err.import.not_url"),

		// Text fields (importers.CheckText).
		ep(`is not valid UTF-8 text`, "err.import.text_not_utf8"),
		ep(`starts with (.), which a spreadsheet would run as a formula: text fields may not start with = \+ - @`, "err.import.text_formula", argRaw),
		ep(`contains < or >: markup is not accepted in text fields`, "err.import.text_markup"),
		ep(`contains a control character: text fields are one line of plain text`, "err.import.text_control"),

		// The metadata header of a long file.
		ep(`metadata line `+qFull+` is not "# key: value" with a key among (.+)`, "err.import.meta_line", argQuoted, argRaw),
		ep(`indicator id `+qFull+` is not lower-case letters, digits and hyphens, starting with a letter`, "err.import.meta_id", argQuoted),
		ep(`indicator `+qIn+` is described twice \(first on line (\d+)\)`, "err.import.meta_twice", argRaw, argRaw),
		ep(`metadata key `+qIn+` before the "# indicator: id" line that starts a block`, "err.import.meta_key_before", argRaw),
		ep(`metadata key `+qIn+` given twice for indicator `+qIn, "err.import.meta_key_twice", argRaw, argRaw),
		ep(`(name|unit|source|notes) `+qFull+` (.+)`, "err.import.meta_text", argRaw, argQuoted, argReason),
		ep(`scale `+qFull+` (.+)`, "err.import.meta_scale", argQuoted, argReason),
		ep(`is not "min max" \(e\.g\. 0 10\) or unbounded`, "err.import.scale_form"),
		ep(`is not "min max": `+qIn+` is not a number`, "err.import.scale_number", argRaw),
		ep(`is not "min max" with min below max`, "err.import.scale_order"),
		ep(`direction `+qFull+` is not higher or lower \(which end of the scale is better\)`, "err.import.meta_direction", argQuoted),
		ep(`year `+qFull+` is not data \(the year the figures describe\) or edition \(the year of publication\)`, "err.import.meta_year", argQuoted),
		ep(`ranks `+qFull+` is not computed, published or none`, "err.import.meta_ranks", argQuoted),
		ep(`decimals `+qFull+` is not a whole number 0–6`, "err.import.meta_decimals", argQuoted),
		ep(`indicator `+qIn+`: metadata (.+) missing \(name, scale, direction and year are required\)`, "err.import.meta_missing", argRaw, argRaw),

		// Workbooks.
		ep(`not a readable xlsx workbook: part `+qFull+` claims (\d+) bytes from (\d+) compressed: a damaged file or a zip bomb`, "err.import.zip_bomb", argQuoted, argRaw, argRaw),
		ep(`not a readable xlsx workbook: (.+)`, "err.import.not_xlsx", argReason),
		ep(`workbook has no sheets`, "err.import.no_sheets"),
		ep(`no sheet `+qIn+` \(sheets: (.*)\)`, "err.import.no_sheet", argRaw, argQuotedSlice),
		ep(`more than one sheet named `+qIn, "err.import.sheet_twice", argRaw),
		ep(`sheet `+qIn+` is empty`, "err.import.sheet_empty", argRaw),
		ep(`sheet `+qIn+` is not readable: (.+)`, "err.import.sheet_unreadable", argRaw, argReason),
		ep(`sheet `+qIn+` has no scores`, "err.import.sheet_no_scores", argRaw),
		ep(`no score columns in sheet `+qIn, "err.import.no_score_columns", argRaw),
		ep(`no ratings`, "err.import.no_ratings"),
		ep(`no country or territory name`, "err.import.no_country_name"),
		ep(`value outside any survey edition's columns`, "err.import.outside_editions"),
		ep(`status without ratings`, "err.import.status_without_ratings"),
		ep(`second (\S+) rating of (.+) for (\d+) \(first at (sheet ".*" cell \w+)\)`, "err.import.second_rating", argRaw, argSubject, argRaw, argWhere),
		ep(`fewer than the 3 header rows`, "err.import.few_header_rows"),
		ep(`no survey edition label`, "err.import.no_edition_label"),
		ep(`expected `+qIn+` under edition (.+)`, "err.import.expected_under", argRaw, argRaw),
		ep(`unexpected label inside edition (.+)`, "err.import.unexpected_label", argRaw),
		ep(`unexpected period inside edition (.+)`, "err.import.unexpected_period", argRaw),
		ep(`is not a survey edition \(expected e\.g\. Jan\.-Feb\. 1973, 1978, 1983-84 or 2003\)`, "err.import.not_survey_edition"),
		ep(`edition year (\d+) is also the year of edition (.+)`, "err.import.edition_year_twice", argRaw, argRaw),
		ep(`period under review (.+)`, "err.import.period_under_review", argReason),
		ep(`no survey editions`, "err.import.no_survey_editions"),
		// The rows an importer reads but does not ship (Record.Dropped).
		ep(`a placeholder row, not a rating: every score is 0 and the status is "0" \(a real score of 0 would be the freest press in the world\)`, "err.import.placeholder_row"),
		ep(`split rating PR (\S+), CL (\S+), status (.+) in edition (.+): Freedom House rated two populations separately and gave the country no rating of its own`, "err.import.split_rating", argRaw, argRaw, argRaw, argRaw),
		// The reasons of the workbook reader (datasets/importers/xlsx.go),
		// after "not a readable xlsx workbook: " or "sheet %q: ".
		ep(`not a zip archive`, "err.import.xlsx_not_zip"),
		ep(`the archive has no workbook part`, "err.import.xlsx_no_workbook"),
		ep(`part `+qFull+` is not well-formed XML \(line (\d+)\)`, "err.import.xlsx_bad_xml", argQuoted, argRaw),
		ep(`part `+qFull+` cannot be unpacked`, "err.import.xlsx_unpack", argQuoted),
		ep(`part `+qFull+` is not UTF-8 \(it declares `+qFull+`\)`, "err.import.xlsx_not_utf8", argQuoted, argQuoted),
		ep(`the workbook has no worksheet part for it`, "err.import.xlsx_no_part"),
		ep(`invalid row number `+qFull, "err.import.xlsx_row_number", argQuoted),
		ep(`rows out of order: row (\d+) after row (\d+)`, "err.import.xlsx_rows_order", argRaw, argRaw),
		ep(`invalid cell reference `+qFull, "err.import.xlsx_cell_ref", argQuoted),
		ep(`cells out of order: (\S+) after (\S+)`, "err.import.xlsx_cells_order", argRaw, argRaw),
		ep(`more than (\d+) columns`, "err.import.xlsx_columns", argRaw),
		ep(`cell (\S+): no shared string `+qFull, "err.import.xlsx_shared_string", argRaw, argQuoted),
		ep(`more than (\d+) cells`, "err.import.xlsx_cells", argRaw),
		// The libraries' errors of an unreadable file.
		ep(`zip: not a valid zip file`, "err.import.zip_format"),
		ep(`zip: unsupported compression algorithm`, "err.import.zip_algorithm"),
		ep(`zip: checksum error`, "err.import.zip_checksum"),
		ep(`EOF`, "err.import.eof"),
		ep(`unexpected EOF`, "err.import.unexpected_eof"),

		// The checks of an import (datasets/ingest).
		ep(`(\S+) (\d+) would replace the embedded year's (\d+) figures with the file's (\d+), as an import replaces a whole year: import the year's whole field, or give --replace-year to replace it with these alone`, "err.import.replace_year", argRaw, argRaw, argRaw, argRaw),
		ep(`has no figures of a country the registry knows`, "err.import.no_known_figures"),
		ep(`has no elections after the header`, "err.import.no_elections"),
		ep(`has no election of a country the registry knows`, "err.import.no_known_elections"),
		ep(`indicator `+qIn+` is built in: its rows need no metadata \(remove the block that starts here\)`, "err.import.builtin_meta", argRaw),
		ep(`is not an indicator rankings knows: a new indicator needs a metadata header \(see datasets/FORMAT\.md\)((?:; did you mean .+\?)?)`, "err.import.unknown_indicator", argHint),
		ep(`is a list of elections: import it with source odihr`, "err.import.elections_indicator"),
		ep(`(\S+): year (\d+) is before the indicator's first year (\d+)`, "err.import.before_first_year", argRaw, argRaw, argRaw),
		ep(`is not an ISO3 code: (.+) is (\S+)`, "err.import.not_iso3_is", argSubject, argRaw),
		ep(`is a second row for the (\S+) election of (\S+) \(first on line (\d+)\): duplicate row`, "err.import.duplicate_election", argRaw, argRaw, argRaw),
		ep(`(\S+): lines (\d+) and (\d+): duplicate row`, "err.import.duplicate_lines", argRaw, argRaw, argRaw),
		ep(`(\S+) (\d+): rank_of (\d+) differs from the (\d+) of line (\d+): give every ranked row of one indicator and year the same rank_of, the number of entities ranked that year`, "err.import.rank_of_differs", argRaw, argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) (\d+): the file ranks more rows of this year than its rank_of (\d+): give rank_of as the number of entities ranked that year`, "err.import.too_many_ranked", argRaw, argRaw, argRaw),
		ep(`(\S+) (\d+): rank (\d+) is below the rank (\d+) of line (\d+), yet its value (\S+) is better than that row's (\S+) \(((?:higher|lower) is better)\): ranks must follow the values; correct the rank or the value`, "err.import.ranks_against_values", argRaw, argRaw, argRaw, argRaw, argRaw, argFigure, argFigure, argDirection),
		ep(`indicator `+qIn+` was defined by an earlier import with other metadata \((.+), (unbounded|(?:about )?\S+(?:–| to )\S+), ((?:higher|lower) is better)\): use the same metadata, or remove that import first \(rankings import --list\)`, "err.import.meta_conflict", argRaw, argRaw, argScale, argDirection),
		ep(`indicator `+qIn+` was removed or redefined by another import while this file was read: import the file again`, "err.import.meta_removed", argRaw),

		// A row's country (datasets/generator's MapEntities and Observations).
		ep(`is (.+) \((\w{3})\), but the country cell `+qFull+` is (.+) \((\w{3})\)`, "err.import.cell_is_other", argSubject, argRaw, argQuoted, argSubject, argRaw),
		ep(`is (.+) \((\w{3})\), but the country cell `+qFull+` (.+)`, "err.import.cell_predicate", argSubject, argRaw, argQuoted, argReason),
		ep(`is (.+) \((\w{3})\), but the row's name `+qFull+` is not a name the registry knows for it`, "err.import.name_not_known", argSubject, argRaw, argQuoted),
		ep(`is not a country code the registry knows; the row's name `+qFull+` is (.+) \((\w{3})\)`, "err.import.code_unknown_name_is", argQuoted, argSubject, argRaw),
		ep(`is not a country code the registry knows; did you mean (\w+) \((.+)\)\?`, "err.import.code_unknown_did_you_mean", argRaw, argSubject),
		ep(`is not a country code the registry knows, nor is the row's name `+qFull+` a country's name — did you mean (.+)\?`, "err.import.code_and_name_unknown_suggest", argQuoted, argCountries),
		ep(`is not a country code the registry knows, nor is the row's name `+qFull+` a country's name — run "rankings countries --group all" for the list`, "err.import.code_and_name_unknown", argQuoted),
		ep(`is not a country code the registry knows — did you mean (.+)\?`, "err.import.code_unknown_suggest", argCountries),
		ep(`is not a country code the registry knows — run "rankings countries --group all" for the list`, "err.import.code_unknown"),
		ep(`is an unknown country — did you mean (.+)\?`, "err.import.unknown_country_suggest", argCountries),
		ep(`is an unknown country — run "rankings countries --group all" for the list`, "err.import.unknown_country"),
		ep(`is ambiguous: (.+) — use its ISO3 code`, "err.import.ambiguous", argChoices),
		ep(`is a second (\S+) figure for (\w+) (\d+) \(first on line (\d+)\): duplicate row`, "err.import.duplicate_figure", argRaw, argRaw, argRaw, argRaw),
	}
})

// importMessages recognise the whole messages of an import: the warnings
// and notes of its batch and the errors that are not parse errors.
var importMessages = sync.OnceValue(func() []errPattern {
	return []errPattern{
		ep(`(.+?): cell (\w+) of sheet `+qIn+` is a formula, `+qFull+`: the value the spreadsheet last calculated, `+qFull+`, is used`, "warn.import.formula", argRaw, argRaw, argRaw, argQuoted, argQuoted),
		ep(`(.+?): 1 more cell of sheet `+qIn+` is a formula \((\w+)\): check that the values it last calculated are the figures you mean`, "warn.import.formula_one_more", argRaw, argRaw, argRaw),
		ep(`(.+?): (\d+) more cells of sheet `+qIn+` are formulas \((.+)\): check that the values they last calculated are the figures you mean`, "warn.import.formulas_more", argRaw, argRaw, argRaw, argRaw),
		ep(`(.+?):(\d+): (\S+) (\d+): (\S+) is far outside the usual range (.+)`, "warn.import.far_outside", argRaw, argRaw, argRaw, argRaw, argFigure, argScale),
		ep(`(\S+): (\d+) more values far outside the usual range (.+)`, "warn.import.far_outside_more", argRaw, argRaw, argScale),
		ep(`(\S+): the file's rank and rank_of are ignored \((\d+) differ\): ranks of (\S+) are computed within each year over the whole field`, "warn.import.ranks_ignored", argRaw, argRaw, argRaw),
		ep(`(\S+): the file's rank and rank_of are ignored: the indicator's metadata says ranks: none`, "warn.import.ranks_none", argRaw),
		ep(`(.+?):(\d+): `+qFull+` is not a name the registry knows for (.+) \((\w{3})\): mapped by its code (\S+)`, "warn.import.mapped_by_code", argRaw, argRaw, argQuoted, argSubject, argRaw, argRaw),
		ep(`(.+?):(\d+): (.*) (\S+) (\d+) not imported: (.+)`, "warn.import.not_imported", argRaw, argRaw, argSubject, argRaw, argRaw, argReason),
		// The warnings of errtext's own warnPatterns, with their details said
		// too.
		ep(`(\S+) (\d+) is already embedded with different figures: (.+); the import replaces the whole year`, "import.warn_different_figures", argRaw, argRaw, argFiguresDiff),
		ep(`odihr (\d+) is already embedded with different elections: (.+); the import replaces the whole year`, "import.warn_different_elections", argRaw, argElectionsDiff),
		// --encoding.
		ep(`unknown encoding `+qIn+` \(encodings: (.+)\)`, "err.import.unknown_encoding", argRaw, argRaw),
		ep(`unknown encoding `+qIn+` — did you mean (.+)\? \(encodings: (.+)\)`, "err.import.unknown_encoding_suggest", argRaw, argRaw, argRaw),
	}
})

// skipUnknownHint is what the CLI adds to an error of an unknown country.
const skipUnknownHint = " (--skip-unknown leaves such rows out and lists them)"

// sayImport says msg, an error, warning or note of an import, in
// language l, and reports whether it could: the indentation it starts
// with and the CLI's hint about --skip-unknown are kept.
func sayImport(l i18n.Lang, reg *countries.Registry, msg string) (string, bool) {
	if l == i18n.EN || l == "" {
		return msg, false
	}
	body := strings.TrimLeft(msg, " ")
	indent := msg[:len(msg)-len(body)]
	inner, hint := strings.CutSuffix(body, skipUnknownHint)
	s, ok := sayWith(importMessages(), l, reg, inner)
	if !ok {
		s, ok = sayParseError(l, reg, inner)
	}
	if !ok {
		return msg, false
	}
	if hint {
		s = l.T("err.skip_unknown_hint", s)
	}
	return indent + s, true
}

// sayWith says msg by the first of patterns that recognises it, and
// reports whether one did.
func sayWith(patterns []errPattern, l i18n.Lang, reg *countries.Registry, msg string) (string, bool) {
	return sayBy(patterns, l, msg, func(k argKind, s string) string { return importArg(l, reg, k, s) })
}

// match returns the first of patterns that recognises msg and its
// submatches, or nil ones.
func match(patterns []errPattern, msg string) (errPattern, []string) {
	for _, p := range patterns {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			return p, m
		}
	}
	return errPattern{}, nil
}

var (
	// columnPrefix and valuePrefix start what a parse error says after
	// its location: the column, then the value.
	columnPrefix = lazyRE(`^column ` + qFull + `: `)
	valuePrefix  = lazyRE(`^` + qFull + ` `)
	// wherePrefix starts a reason that names a workbook's sheet, and
	// maybe its cell (Freedom House's ratings workbook).
	wherePrefix = lazyRE(`^sheet ` + qIn + `(?: cell ([A-Z]+\d+))?: `)
)

// sayParseError says a parse error (importers.ParseError.Error): its
// location (a file, a line, a column number) is kept, its column, value
// and reason are said in language l. The location ends at the first ": "
// after which the rest reads as a parse error, so that a file name may
// hold ": " too.
func sayParseError(l i18n.Lang, reg *countries.Registry, msg string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(msg[i:], ": ")
		if j < 0 {
			return msg, false
		}
		loc, rest := msg[:i+j], msg[i+j+2:]
		i += j + 2
		column := ""
		if m := columnPrefix().FindStringSubmatch(rest); m != nil {
			column, rest = m[1], rest[len(m[0]):]
		}
		if m := valuePrefix().FindStringSubmatch(rest); m != nil {
			if s, ok := sayFramed(l, reg, loc, column, m[1], rest[len(m[0]):]); ok {
				return s, true
			}
		}
		if s, ok := sayFramed(l, reg, loc, column, "", rest); ok {
			return s, true
		}
	}
}

// sayFramed says a parse error whose location, column and value (either
// may be "") are known, when its reason is one importReasons know, or
// names a workbook's sheet (whose library errors stay as they are).
func sayFramed(l i18n.Lang, reg *countries.Registry, loc, column, value, reason string) (string, bool) {
	where := ""
	if m := wherePrefix().FindStringSubmatch(reason); m != nil {
		where, reason = l.T("err.import.where_sheet", m[1]), reason[len(m[0]):]
		if m[2] != "" {
			where = l.T("err.import.where_cell", m[1], m[2])
		}
	}
	said, ok := sayWith(importReasons(), l, reg, reason)
	if !ok && where == "" {
		return "", false
	}
	column, value = sayQuoted(l, column), sayQuoted(l, value)
	switch {
	case where != "" && column != "" && value != "":
		return l.T("err.import.at_where_column_value", loc, column, value, where, said), true
	case where != "" && column != "":
		return l.T("err.import.at_where_column", loc, column, where, said), true
	case where != "" && value != "":
		return l.T("err.import.at_where_value", loc, value, where, said), true
	case where != "":
		return l.T("err.import.at_where", loc, where, said), true
	case column != "" && value != "":
		return l.T("err.import.at_column_value", loc, column, value, said), true
	case column != "":
		return l.T("err.import.at_column", loc, column, said), true
	case value != "":
		return l.T("err.import.at_value", loc, value, said), true
	}
	return l.T("err.import.at", loc, said), true
}

// sayQuoted says a value as importers.Quote writes it ("…", or "…"… (N
// bytes) when it is long) in the quotes of language l. The text inside
// stays escaped as Quote escaped it: a file's control characters must not
// reach a terminal.
func sayQuoted(l i18n.Lang, s string) string {
	if len(s) < 2 || s[0] != '"' {
		return s
	}
	if i := strings.LastIndex(s, `"… (`); i > 0 && strings.HasSuffix(s, " bytes)") {
		return l.T("err.import.quoted_long", s[1:i], s[i+len(`"… (`):len(s)-len(" bytes)")])
	}
	if s[len(s)-1] != '"' {
		return s
	}
	return l.T("err.import.quoted", s[1:len(s)-1])
}

var (
	// quotedItem is one value of a list of quoted values.
	quotedItem = lazyRE(qFull)
	// moreColumns ends a header that is too long to list.
	moreColumns = lazyRE(`^… \((\d+) columns\)$`)
	// scaleText is a scale as indicators.Scale writes a bounded one.
	scaleText = lazyRE(`^(about )?(\S+)(–| to )(\S+)$`)
	// whereText is a workbook's cell as Freedom House's ratings name it.
	whereText = lazyRE(`^sheet ` + qIn + ` cell (\w+)$`)
)

// importArg says one fact of an import's message in language l.
func importArg(l i18n.Lang, reg *countries.Registry, k argKind, s string) string {
	switch k {
	case argReason:
		said, _ := sayWith(importReasons(), l, reg, s)
		return said
	case argQuoted:
		return sayQuoted(l, s)
	case argQuotedList:
		items := strings.Split(s, ", ")
		for i, it := range items {
			if m := moreColumns().FindStringSubmatch(it); m != nil {
				items[i] = l.T("err.import.header_more", m[1])
			} else {
				items[i] = sayQuoted(l, it)
			}
		}
		return strings.Join(items, ", ")
	case argQuotedSlice:
		var items []string
		for _, q := range quotedItem().FindAllString(s, -1) {
			items = append(items, sayQuoted(l, q))
		}
		if len(items) == 0 {
			return l.T("warn.import.none")
		}
		return strings.Join(items, ", ")
	case argSeparator:
		switch s {
		case "tab":
			return l.T("err.import.sep_tab")
		case "none: a spreadsheet":
			return l.T("err.import.sep_none")
		}
		return s
	case argHint:
		switch {
		case s == "":
			return ""
		case s == "; it is the last line: is the file cut short?":
			return l.T("err.import.hint_last_line")
		case s == "; columns must be separated by ',', ';' or a tab":
			return l.T("err.import.hint_separators")
		case strings.HasPrefix(s, "; did you mean ") && strings.HasSuffix(s, "?"):
			return l.T("err.import.did_you_mean", strings.TrimSuffix(strings.TrimPrefix(s, "; did you mean "), "?"))
		}
		return s
	case argScale:
		return sayScale(l, s)
	case argFigure:
		return l.Figure(s)
	case argDirection:
		return docs.DirectionIn(l, s == "higher is better")
	case argStatusText:
		t, _ := docs.TextIn(l, s)
		return t
	case argCountries:
		return sayCountries(l, reg, s)
	case argWhere:
		if m := whereText().FindStringSubmatch(s); m != nil {
			return l.T("err.import.where_cell", m[1], m[2])
		}
		return s
	case argFiguresDiff:
		return sayFiguresDiff(l, s)
	case argElectionsDiff:
		return sayElectionsDiff(l, s)
	}
	return errArg(l, reg, k, s)
}

// sayScale says a scale as indicators.Scale writes it in language l, as
// the CLI's listings do: «примерно от -2,5 до 2,5».
func sayScale(l i18n.Lang, s string) string {
	if s == "unbounded" {
		return l.T("scale.unbounded")
	}
	m := scaleText().FindStringSubmatch(s)
	if m == nil {
		return s
	}
	r := l.T("scale.range", l.Figure(m[2]), l.Figure(m[4]))
	if m[3] == " to " {
		r = l.T("scale.range_negative", l.Figure(m[2]), l.Figure(m[4]))
	}
	if m[1] != "" {
		return l.T("scale.about", r)
	}
	return r
}

// sayCountries says country names listed as "A", "A or B" or "A, B or C"
// (the registry's suggestions) in language l.
func sayCountries(l i18n.Lang, reg *countries.Registry, s string) string {
	names := strings.Split(s, ", ")
	last := names[len(names)-1]
	if a, b, ok := strings.Cut(last, " or "); ok {
		names = append(names[:len(names)-1], a, b)
	}
	for i, n := range names {
		names[i] = countryIn(l, reg, n)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + l.T("err.or") + " " + names[len(names)-1]
}

var (
	// figuresDiff is how ingest describes an imported year that differs
	// from the embedded one: changed figures, countries only in the
	// import, countries only in the embedded data.
	figuresDiff = lazyRE(`^(?:(\d+) of (\d+) figures differ \((.+?)\))?(?:(?:, )?(\d+) (?:country|countries) only in the import \(([^()]*)\))?(?:(?:, )?(\d+) only in the embedded data \(([^()]*)\))?$`)
	// electionsDiff is the same for elections.
	electionsDiff = lazyRE(`^(?:(\d+) changed \((.+?)\))?(?:(?:, )?(\d+) new \(([^()]*)\))?(?:(?:, )?(\d+) only in the embedded data \(([^()]*)\))?$`)
	// shownMore ends a list of which only the first items are shown.
	shownMore = lazyRE(`; and (\d+) more$`)
	// figureChange is one change of a country's figure: "value 39.34 →
	// 40", "rank 141/180 → 139/180", `status "PF" → "F"`.
	figureChange = lazyRE(`^(value|rank|stderr|lower|upper|pct|pct_lower|pct_upper) (\S+) → (\S+)(?:, |$)|^(status|note) ` + qFull + ` → ` + qFull + `(?:, |$)`)
	// electionChange is one changed election: its label and its
	// assessments, or what else changed.
	electionChange = lazyRE(`^(\S+ \S+ \S+) (?:(\S+) → (\S+)|summary, mission or source)$`)
)

// sayFiguresDiff says how an imported year's figures differ from the
// embedded data's (ingest's diff) in language l, or returns s when it
// does not read as such.
func sayFiguresDiff(l i18n.Lang, s string) string {
	m := figuresDiff().FindStringSubmatch(s)
	if m == nil || s == "" {
		return s
	}
	var parts []string
	if m[1] != "" {
		parts = append(parts, l.T("warn.import.diff_changed", m[1], m[2], sayShown(l, m[3], sayFigureChange)))
	}
	if m[4] != "" {
		parts = append(parts, l.T("warn.import.diff_added", m[4], sayShown(l, m[5], nil)))
	}
	if m[6] != "" {
		parts = append(parts, l.T("warn.import.diff_dropped", m[6], sayShown(l, m[7], nil)))
	}
	return strings.Join(parts, ", ")
}

// sayElectionsDiff says how an imported year's elections differ from the
// embedded data's in language l, or returns s when it does not read as
// such.
func sayElectionsDiff(l i18n.Lang, s string) string {
	m := electionsDiff().FindStringSubmatch(s)
	if m == nil || s == "" {
		return s
	}
	var parts []string
	if m[1] != "" {
		parts = append(parts, l.T("warn.import.diff_elections_changed", m[1], sayShown(l, m[2], sayElectionChange)))
	}
	if m[3] != "" {
		parts = append(parts, l.T("warn.import.diff_elections_new", m[3], sayShown(l, m[4], nil)))
	}
	if m[5] != "" {
		parts = append(parts, l.T("warn.import.diff_dropped", m[5], sayShown(l, m[6], nil)))
	}
	return strings.Join(parts, ", ")
}

// sayShown says a list of items joined by "; " that may end "; and N
// more", each item by say (nil keeps them).
func sayShown(l i18n.Lang, s string, say func(i18n.Lang, string) string) string {
	more := ""
	if m := shownMore().FindStringSubmatchIndex(s); m != nil {
		more, s = l.T("warn.import.diff_more", s[m[2]:m[3]]), s[:m[0]]
	}
	items := strings.Split(s, "; ")
	if say != nil {
		for i, it := range items {
			items[i] = say(l, it)
		}
	}
	return strings.Join(items, "; ") + more
}

// sayFigureChange says how one country's figure changed: "KAZ value
// 39.34 → 40, rank 141/180 → 139/180".
func sayFigureChange(l i18n.Lang, s string) string {
	iso, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	var parts []string
	for rest != "" {
		m := figureChange().FindStringSubmatch(rest)
		if m == nil {
			return s
		}
		rest = rest[len(m[0]):]
		switch {
		case m[1] == "value" || m[1] == "rank":
			parts = append(parts, l.T("warn.import.diff_field", l.T("warn.import.field_"+m[1]), sayFigureOrNone(l, m[2]), sayFigureOrNone(l, m[3])))
		case m[1] != "":
			parts = append(parts, l.T("warn.import.diff_field", m[1], sayFigureOrNone(l, m[2]), sayFigureOrNone(l, m[3])))
		default:
			parts = append(parts, l.T("warn.import.diff_field", l.T("warn.import.field_"+m[4]), sayQuoted(l, m[5]), sayQuoted(l, m[6])))
		}
	}
	return l.T("warn.import.diff_country", iso, strings.Join(parts, ", "))
}

// sayFigureOrNone says a figure, a rank (141/180) or "none".
func sayFigureOrNone(l i18n.Lang, s string) string {
	if s == "none" {
		return l.T("warn.import.none")
	}
	return l.Figure(s)
}

// sayElectionChange says how one election changed: "KAZ 2024-03-19
// presidential met → partly_met".
func sayElectionChange(l i18n.Lang, s string) string {
	m := electionChange().FindStringSubmatch(s)
	switch {
	case m == nil:
		return s
	case m[2] == "":
		return l.T("warn.import.diff_election_other", m[1])
	}
	return l.T("warn.import.diff_election", m[1], m[2], m[3])
}
