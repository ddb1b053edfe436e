// Package errtext says the errors a user can cause, and the warnings of an
// import, in the output's language.
//
// They are written in English where they arise (indicators.Error, the
// CLI's usage errors, cobra's own, the importers' parse errors) and said
// in another language at the one place they are printed: Error recognises
// each English message by its shape and says the catalogue's message
// "err.<name>" in its stead, with the same facts as arguments; country
// and group names among them are said in the output's language. A message
// no pattern knows stays English.
package errtext

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rankings-dev/rankings/datasets/countries"
	"github.com/rankings-dev/rankings/internal/docs"
	"github.com/rankings-dev/rankings/internal/i18n"
)

// argKind says how a fact taken from an English message is said in
// another language.
type argKind int

const (
	argRaw     argKind = iota // an id, a number, a command: as it is
	argSubject                // countries or a group: "Kazakhstan and Uzbekistan", "post-Soviet states (group post-soviet)"
	argOrList                 // values joined by ", " and " or "
	argChoices                // "Congo (COG) or DR Congo (COD)"
	argError                  // a message of its own, said by the patterns too: "(the registry answered 404 Not Found)"
	argOn                     // " on rsf", or nothing
	argWindow                 // the years asked for: "in 2030", "from 1990 to 2000", "from 2030", "up to 1990"
)

// errPattern recognises one English message. Its expression is compiled
// on first use: compiling the hundred patterns at start cost every
// command some 5 ms, though only a Russian error reads them.
type errPattern struct {
	re   *lazyRegexp
	key  string
	args []argKind
}

// lazyRegexp is a regular expression compiled when first matched; src
// is its source, which the tests compile.
type lazyRegexp struct {
	src      string
	compiled func() *regexp.Regexp
}

// FindStringSubmatch is regexp.Regexp's, compiling the expression first.
func (l *lazyRegexp) FindStringSubmatch(s string) []string {
	return l.compiled().FindStringSubmatch(s)
}

// lazyRE is the expression src, compiled when first asked for.
func lazyRE(src string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}

func ep(re, key string, args ...argKind) errPattern {
	src := "^" + re + "$"
	return errPattern{&lazyRegexp{src, lazyRE(src)}, key, args}
}

// errPatterns are tried in order; the first that matches decides. This
// table and the others of this package are built when first read: the
// few hundred patterns cost every command about a millisecond at start.
var errPatterns = sync.OnceValue(func() []errPattern {
	return []errPattern{
		// Wrong numbers of arguments.
		ep(`(\w+) takes no arguments: choose the group with --group, e\.g\. (.+)`, "err.no_args_group", argRaw, argRaw),
		ep(`indicators takes at most one indicator id, e\.g\. (.+)`, "err.indicators_one_id", argRaw),
		ep(`(\w+) takes no arguments, e\.g\. (.+)`, "err.no_args", argRaw, argRaw),
		ep(`(\w+) needs one country, e\.g\. (.+)`, "err.one_country", argRaw, argRaw),
		ep(`(\w+) needs at least two countries, e\.g\. (.+)`, "err.two_countries", argRaw, argRaw),
		ep(`rank takes no countries: it orders a group, e\.g\. (.+)`, "err.rank_no_countries", argRaw),
		ep(`correlate takes no countries: it correlates across a group, e\.g\. (.+)`, "err.correlate_no_countries", argRaw),
		ep(`chart needs a kind \((.+)\), e\.g\. (.+)`, "err.chart_kind", argRaw, argRaw),
		ep(`a (\w+) needs at least one country: (.+)`, "err.chart_one_country", argRaw, argRaw),
		ep(`serve takes no arguments: give the address with --addr, e\.g\. (.+)`, "err.serve_no_args", argRaw),
		ep(`bake takes no arguments: give the folder with -o, e\.g\. (.+)`, "err.bake_no_args", argRaw),
		ep(`(\w+) needs a source and a file, e\.g\. (.+) \(sources: (.+)\)`, "err.source_and_file", argRaw, argRaw, argRaw),
		ep(`--list and --remove take no source or file, e\.g\. (.+)`, "err.list_remove_args", argRaw),
		ep(`update needs one source, e\.g\. (.+) \(sources: (.+)\)`, "err.update_one_source", argRaw, argRaw),
		ep(`give either --list or --remove, not both`, "err.list_or_remove"),
		ep(`no data directory: set HOME or XDG_DATA_HOME, or give --data-dir`, "err.no_data_dir"),
		ep(`schema needs one document name, e\.g\. (.+) \(documents: (.+)\)`, "err.schema_one_document", argRaw, argRaw),
		// Requests that match no figures.
		// docs.NoFigures: who, " on <id>" when one indicator was asked
		// for, and the years asked for (docs.YearsAsked).
		ep(`no figures for (.+?)((?: on \S+)?) (in \d+|from \d+ to \d+|from \d+|up to \d+): the data runs to (\d+)`, "err.nodata_runs_to", argSubject, argOn, argWindow, argRaw),
		ep(`no figures for (.+?)((?: on \S+)?) (in \d+|from \d+ to \d+|from \d+|up to \d+): the data starts in (\d+)`, "err.nodata_starts_in", argSubject, argOn, argWindow, argRaw),
		ep(`no figures for (.+?)((?: on \S+)?) (in \d+|from \d+ to \d+|from \d+|up to \d+): the years with figures are (.+)`, "err.nodata_window_years", argSubject, argOn, argWindow, argRaw),
		ep(`no figures for (.+?)((?: on \S+)?): the years with figures are (.+)`, "err.nodata_years", argSubject, argOn, argRaw),
		ep(`no figures for (.+?) on (\S+) in any year: "rankings indicators (\S+)" lists the countries and territories it covers`, "err.nodata_any_year", argSubject, argRaw, argRaw),
		ep(`no figures for (.+?) on these indicators in any year: "rankings indicators <id>" lists the countries and territories each covers`, "err.nodata_any_year_these", argSubject),
		ep(`no figures for (.+?) on odihr: (.+?) is an OSCE participating State, but the ODIHR table has no election of it`, "err.nodata_odihr", argSubject, argSubject),
		ep(`no figures for (.+?) on odihr: (.+?) is not an OSCE participating State, and ODIHR observes elections only in OSCE participating States`, "err.nodata_odihr_not_osce", argSubject, argSubject),
		ep(`(\S+) has no figure for (\S+) in (\d+): years with figures are (.+)`, "err.nodata_iso_in", argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) has no figures for (\S+) at all`, "err.nodata_iso", argRaw, argRaw),
		ep(`(\S+): no year in which (.+) all have figures`, "err.compare_no_common_year", argRaw, argRaw),
		ep(`(\S+) has no figures for (\d+): its series starts in (\d+)`, "err.series_starts", argRaw, argRaw, argRaw),
		ep(`no indicator has a year in which (.+) all have figures: see each one's figures with "rankings show <country>"`, "err.compare_no_year", argSubject),
		ep(`no year in which (.+?) has figures on all (\d+) indicators`, "err.profile_no_year", argSubject, argRaw),
		ep(`no indicator has figures for (\d+)`, "err.charts_nodata_year", argRaw),
		ep(`no year is covered by most indicators`, "err.correlate_no_year"),
		ep(`fewer than two indicators have figures for (\d+) in the (\S+) group`, "err.correlate_nodata_year", argRaw, argRaw),
		ep(`no ODIHR election assessments for (.+?): the table covers the 15 post-Soviet states`, "err.no_odihr", argSubject),
		ep(`fewer than two indicators have figures for (\d+) in the (\S+) group: the data runs to (\d+)`, "err.correlate_nodata", argRaw, argRaw, argRaw),
		ep(`no country of the (\S+) group has figures on both (\S+) and (\S+) for (\d+)`, "err.scatter_nodata", argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) has no country here with figures in both (\d+) and (\d+): pick two years with figures \(see rankings show <country> -i (\S+)\)`, "err.slope_nodata", argRaw, argRaw, argRaw, argRaw),
		ep(`no indicator has figures for (\d+): the data runs to (\d+)`, "err.charts_nodata", argRaw, argRaw),
		// The election list where yearly figures are asked for.
		ep(`indicator "(.+)" is a list of elections, not yearly figures: use "rankings elections"`, "err.elections_not_yearly", argRaw),
		ep(`(\S+) is a list of elections and has no ranking: use "rankings elections"`, "err.elections_no_ranking", argRaw),
		ep(`(\S+) is a list of elections and has no trend: use "rankings elections"`, "err.elections_no_trend", argRaw),
		ep(`(\S+) is a list of elections and cannot be correlated`, "err.elections_no_correlation", argRaw),
		ep(`(\S+) is a list of elections, not yearly figures: elections appear on timelines \(rankings chart timeline <country> --indicator …\)`, "err.elections_on_timelines", argRaw),
		ep(`(\S+) is a list of elections, not yearly figures: use /api/v1/elections`, "err.elections_api", argRaw),
		// Chart requests (internal/chartdata).
		ep(`a (\w+) chart needs one indicator: --indicator id \(see "rankings indicators"\)`, "err.chart_one_indicator", argRaw),
		ep(`a scatter needs two different indicators, but --indicator names (\S+) twice: give two ids, for example --indicator (\S+),(\S+)`, "err.scatter_same_indicator", argRaw, argRaw, argRaw),
		ep(`a profile needs at least 3 indicators, got (\d+)`, "err.profile_three_indicators", argRaw),
		ep(`a timeline shows at most (\d+) countries; got (\d+)`, "err.timeline_too_many", argRaw, argRaw),
		ep(`(\S+) publishes no percentile rank: --percentile is for WGI indicators`, "err.no_percentile", argRaw),
		ep(`a slope needs two different years: --from (\d+) --to (\d+)`, "err.slope_same_year", argRaw, argRaw),
		ep(`(\d+) and (\d+) are in different methodology segments of (\S+) \(break in (\d+)\): the figures are not comparable; pick years from (\d+) on`, "err.slope_break", argRaw, argRaw, argRaw, argRaw, argRaw),
		ep(`a map shows one of the groups (.+), not (\S+): the region file holds the post-Soviet states and their neighbours`, "err.map_group", argRaw, argRaw),
		ep(`(.+) is not on the map of the region: a map shows the post-Soviet states and the countries around them`, "err.map_country", argSubject),
		ep(`a report compares at least two countries`, "err.report_two_countries"),
		// Unknown, ambiguous or malformed values.
		ep(`unknown country "(.+)" — did you mean (.+)\?`, "err.unknown_country_suggest", argRaw, argSubject),
		ep(`ambiguous country "(.+)": (.+) — use one of these`, "err.ambiguous_country", argRaw, argChoices),
		ep(`"(.+)" and "(.+)" both name (.+) \((\w+)\): give each country once`, "err.same_country", argRaw, argRaw, argSubject, argRaw),
		ep(`unknown indicator "(.+)" — did you mean (.+)\?`, "err.unknown_indicator_suggest", argRaw, argOrList),
		ep(`(\w+) needs --indicator \(see "rankings indicators"\)`, "err.needs_indicator", argRaw),
		ep(`--from (\d+) is after --to (\d+)`, "err.from_after_to", argRaw, argRaw),
		ep(`unknown group "(.+)": valid groups are (.+)`, "err.unknown_group", argRaw, argRaw),
		ep(`unknown format "(.+)": use one of (.+)`, "err.unknown_format", argRaw, argRaw),
		ep(`(--[\w-]+): "(.*)" is not a whole number \(e\.g\. (--[\w-]+) (\d+)\)`, "err.not_a_number", argRaw, argRaw, argRaw, argRaw),
		ep(`--width (\d+) is too narrow: give (\d+) or more`, "err.width_too_narrow", argRaw, argRaw),
		ep(`unknown flag: (\S+)`, "err.unknown_flag", argRaw),
		ep(`unknown shorthand flag: '(.)' in (\S+)`, "err.unknown_shorthand_flag", argRaw, argRaw),
		ep(`flag needs an argument: '(.)' in (\S+)`, "err.flag_needs_argument_short", argRaw, argRaw),
		ep(`flag needs an argument: (.+)`, "err.flag_needs_argument", argRaw),
		ep(`unknown command "(.+)" — did you mean (\S+)\? \(rankings --help lists the commands\)`, "err.unknown_command_suggest", argRaw, argRaw),
		ep(`unknown command "(.+)": rankings --help lists the commands`, "err.unknown_command", argRaw),
		ep(`--group chooses whose coverage an indicator's page lists: give an id, e\.g\. (.+)`, "err.indicators_group_without_id", argRaw),
		ep(`unknown chart kind "(.+)": use one of (.+)`, "err.unknown_chart_kind", argRaw, argRaw),
		ep(`a scatter needs two indicators: --indicator x,y \(see "rankings indicators"\)`, "err.scatter_two_indicators"),
		ep(`charts needs --year \(the indicators' own year, e\.g\. --year 2023\)`, "err.charts_needs_year"),
		ep(`bake needs -o DIR`, "err.bake_needs_output"),
		ep(`unknown source "(.+)" — did you mean (.+)\? \(sources: (.+)\)`, "err.unknown_source_suggest", argRaw, argOrList, argRaw),
		ep(`unknown country "(.+)" — run "rankings countries" for the list`, "err.unknown_country", argRaw),
		ep(`empty country name "(.*)": give a name or an ISO code`, "err.empty_country", argRaw),
		ep(`--since (\d+) is after the comparison year (\d+)`, "err.since_after_year", argRaw, argRaw),
		ep(`cite needs one indicator, source or all, e\.g\. (.+)`, "err.cite_one", argRaw),
		ep(`(--[\w-]+): "(.*)" is not a number \(e\.g\. (--[\w-]+) (\d+)\)`, "err.not_a_decimal", argRaw, argRaw, argRaw, argRaw),
		ep(`(--[\w-]+): "(.*)" is neither true nor false: give (--[\w-]+) alone, or (--[\w-]+)=false`, "err.not_a_bool", argRaw, argRaw, argRaw, argRaw),
		ep(`invalid argument "(.*)" for "(.+?)" flag: (.+)`, "err.invalid_flag_value", argRaw, argRaw, argRaw),
		ep(`bad flag syntax: (.+)`, "err.bad_flag_syntax", argRaw),
		ep(`unknown command "(.+)" for "(.+)"`, "err.unknown_subcommand", argRaw, argRaw),
		ep(`accepts at most (\d+) arg\(s\), received (\d+)`, "err.cobra_max_args", argRaw, argRaw),
		ep(`accepts (\d+) arg\(s\), received (\d+)`, "err.cobra_exact_args", argRaw, argRaw),
		ep(`requires at least (\d+) arg\(s\), only received (\d+)`, "err.cobra_min_args", argRaw, argRaw),
		ep(`accepts between (\d+) and (\d+) arg\(s\), received (\d+)`, "err.cobra_range_args", argRaw, argRaw, argRaw),
		ep(`required flag\(s\) (.+) not set`, "err.cobra_required_flags", argRaw),
		ep(`unknown language "(.*)": use --lang en or --lang ru`, "err.lang_unknown", argRaw),
		ep(`RANKINGS_LANG=(.*) names no language rankings speaks: use en or ru`, "err.lang_unknown_env", argRaw),
		// Images (--width, --height, --scale, --dpi).
		ep(`--width, --height, --scale and --dpi size images: use them with --format svg, png or pdf`, "err.image_flags_format"),
		ep(`--scale and --dpi set a PNG's resolution; --format (\w+) is vector art and has none`, "err.scale_vector", argRaw),
		ep(`give --scale or --dpi, not both`, "err.scale_or_dpi"),
		ep(`--scale and --dpi must be positive`, "err.scale_positive"),
		ep(`--scale (\S+) is more than 10 times the screen's resolution: give 10 or less \(or --dpi 960 or less\)`, "err.scale_too_large", argRaw),
		ep(`a width or height in pixels sets the resolution itself: leave out --scale and --dpi, or give the size in cm or in`, "err.pixels_and_scale"),
		ep(`(--[\w-]+) "(.*)" is not a size: give a number with a unit, e\.g\. (--[\w-]+) 16cm`, "err.not_a_size", argRaw, argRaw, argRaw),
		ep(`(--[\w-]+) (\S+) is in pixels, which only a PNG has: give the (\w+) size in cm, mm, in or pt, e\.g\. (--[\w-]+) 16cm`, "err.pixels_not_png", argRaw, argRaw, argRaw, argRaw),
		ep(`(--[\w-]+) (\S+) is more than 20000 pixels: give a smaller size`, "err.too_many_pixels", argRaw, argRaw),
		ep(`(--[\w-]+) (\S+) is outside 2 to 100 inches \(5 to 254 cm\): give a size a chart can be laid out at`, "err.size_out_of_range", argRaw, argRaw),
		// --offline and --embed, and the files charts and reports write.
		ep(`--embed and --offline are for --format html`, "err.embed_offline_html"),
		ep(`--offline is for --format html`, "err.offline_html"),
		ep(`--offline is for --format html: a (\w+) report needs no chart library`, "err.offline_report", argRaw),
		ep(`--format markdown writes its charts as files beside the report: give -o report\.md, not -o -`, "err.markdown_stdout"),
		ep(`--offline: cannot read the ECharts library (.+?): (.+); run "make echarts" or pass --echarts-js PATH`, "err.offline_unreadable", argRaw, argRaw),
		ep(`--offline needs the ECharts (\S+) library and there is no user cache folder to fetch it into \((.+)\): pass --echarts-js PATH or set (\S+)`, "err.offline_no_cache", argRaw, argRaw, argRaw),
		ep(`--offline needs the ECharts (\S+) library and could not fetch it from (\S+) \((.+)\): connect to the network and run the command again, or download that file, take package/dist/echarts\.min\.js out of it and pass it with --echarts-js PATH or set (\S+) to its path`, "err.offline_fetch", argRaw, argRaw, argError, argRaw),
		ep(`--offline: the ECharts package downloaded from (\S+) is not the pinned one \((.+)\), so nothing was stored: try again later, or pass the dist/echarts\.min\.js of echarts (\S+) with --echarts-js PATH`, "err.offline_tampered", argRaw, argError, argRaw),
		ep(`--offline: (\S+): (.+)`, "err.offline_file", argRaw, argError),
		ep(`the ECharts file is not echarts (\S+) dist/echarts\.min\.js \(sha256 (\w+), want (\w+)\)`, "err.echarts_not_pinned", argRaw, argRaw, argRaw),
		ep(`the ECharts file contains </script and cannot be inlined`, "err.echarts_script_tag"),
		ep(`the registry answered (.+)`, "err.registry_answered", argRaw),
		ep(`larger than (\d+) MiB`, "err.larger_than", argRaw),
		ep(`its SHA-256 is (\w+), not (\w+)`, "err.sha256_differs", argRaw, argRaw),
		ep(`it holds no (\S+)`, "err.holds_no", argRaw),
		// cite.
		ep(`--accessed: the access date must be a date such as 2026-05-03 \(YYYY-MM-DD\), not "(.*)"`, "err.cite_bad_accessed", argRaw),
		ep(`(\S+) has no figures for (\d+) \(its years are (.+)\): its latest edition, (\S+), is cited\.`, "cite.latest_instead", argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) has no figures for (\d+): its years are (.+)`, "err.cite_no_edition", argRaw, argRaw, argRaw),
		ep(`the access date must be a date such as 2026-05-03 \(YYYY-MM-DD\), not "(.*)"`, "err.bad_accessed", argRaw),
		ep(`--accessed: (.+)`, "err.accessed", argError),
		ep(`(\S+) is not from a catalogued source \(it was imported\): cite where its data comes from`, "err.cite_own_data", argRaw),
		ep(`unknown indicator or source "(.+)" — did you mean (.+)\?`, "err.cite_unknown_suggest", argRaw, argOrList),
		ep(`unknown indicator or source "(.+)" — give an indicator id, a source id or "all" \(see "rankings sources"\)`, "err.cite_unknown", argRaw),
		// import, validate and the data directory.
		ep(`--list and --remove take no <source> <file>`, "err.list_remove_no_file"),
		ep(`import needs a source and a file: rankings import <source> <file> \(sources: (.+)\)`, "err.import_needs_file", argRaw),
		ep(`(.+): no such file`, "err.no_such_file", argRaw),
		ep(`(.+) is a directory, not a file`, "err.is_directory", argRaw),
		ep(`(.+) is larger than (\d+) MiB: not a publisher's file`, "err.file_too_large", argRaw, argRaw),
		ep(`(.+) is (\d+) bytes, larger than (\d+) MiB: not a publisher's file`, "err.download_too_large", argRaw, argRaw, argRaw),
		ep(`(.+) changed while it was read: import it again`, "err.file_changed", argRaw),
		ep(`(.+) \(--skip-unknown leaves such rows out and lists them\)`, "err.skip_unknown_hint", argRaw),
		ep(`data directory (\S+) is locked by another import; if none is running, delete (\S+)`, "err.data_dir_locked", argRaw, argRaw),
		ep(`data directory (\S+): (\S+) is not a valid manifest \((.+)\): move the directory away to start afresh`, "err.data_dir_bad_manifest", argRaw, argRaw, argRaw),
		ep(`data directory (\S+): manifest version (\d+), this rankings reads version (\d+)`, "err.data_dir_version", argRaw, argRaw, argRaw),
		ep(`data directory (\S+): (\S+): import (\d+) has a bad data file "(.+)": move the directory away to start afresh`, "err.data_dir_bad_data", argRaw, argRaw, argRaw, argRaw),
		ep(`(.+) was changed after the import \(checksum differs\): run rankings import --remove (\d+) and import the file again`, "err.data_changed", argRaw, argRaw),
		ep(`(.+): run rankings import --remove (\d+) and import the file again`, "err.data_unreadable", argRaw, argRaw),
		ep(`no import (\d+): the data directory (\S+) has no imports`, "err.no_import_none", argRaw, argRaw),
		ep(`no import (\d+) \(imports: (.+); see rankings import --list\)`, "err.no_import", argRaw, argRaw),
		ep(`data directory (\S+): lock: (.+)`, "err.data_dir_lock", argRaw, argRaw),
		ep(`data directory: lock: (.+)`, "err.data_dir_lock_any", argRaw),
		ep(`data directory: (.+)`, "err.data_dir_any", argRaw),
		ep(`data directory (\S+): (.+)`, "err.data_dir", argRaw, argRaw),
		// update.
		ep(`(\S+) has no known download address: give the file's https:// address with --url`, "err.no_download_address", argRaw),
		ep(`--url "(.*)" is not an https:// address`, "err.url_not_https", argRaw),
		ep(`cannot download (\S+): the server answered (.+)`, "err.download_status", argRaw, argRaw),
		ep(`cannot download (\S+): the connection ended early`, "err.download_short", argRaw),
		ep(`cannot download (\S+): (.+)`, "err.download", argRaw, argRaw),
		// bake and serve.
		ep(`(.+) is not empty and holds no previous bake; give a new or empty folder, or add --force to delete everything in it and write the site there`, "err.bake_not_empty", argRaw),
		ep(`-o (.+) is a file, not a folder; give the folder to write the site into`, "err.bake_not_folder", argRaw),
		ep(`-o (.+) is a symbolic link to (.+), which does not exist; create that folder or give another one`, "err.bake_dangling_link", argRaw, argRaw),
		ep(`cannot use (.+) as the site's folder: (.+); give another folder`, "err.bake_unusable", argRaw, argError),
		ep(`cannot create a folder beside (.+) to build the site in: (.+); give a folder whose parent you can write to`, "err.bake_unwritable", argRaw, argError),
		ep(`cannot move (.+) aside to put the new site in its place: (.+); give a folder that is not a mount point or in use`, "err.bake_not_replaceable", argRaw, argError),
		ep(`the bake was interrupted and left (.+) as it was`, "err.bake_interrupted", argRaw),
		ep(`the root folder cannot be replaced`, "err.root_not_replaceable"),
		ep(`bake (\S+): (.+); the previous site could not be put back and is in (.+)`, "err.bake_not_restored", argRaw, argRaw, argRaw),
		ep(`bake (\S+): a link to "(.*)" that is not a URL`, "err.bake_bad_link", argRaw, argRaw),
		ep(`bake (\S+) \(linked from (\S+)\): status (\d+): (.*)`, "err.bake_linked_status", argRaw, argRaw, argRaw, argRaw),
		ep(`bake (\S+): status (\d+): (.*)`, "err.bake_status", argRaw, argRaw, argRaw),
		ep(`cannot write (.+?): it is a folder; give -o the name of a file`, "err.cannot_write_folder", argRaw),
		ep(`cannot write (.+?): (.+)`, "err.cannot_write", argRaw, argRaw),
		ep(`cannot create (.+?): (.+)`, "err.cannot_create", argRaw, argRaw),
		ep(`cannot listen on (\S+): (.+)`, "err.cannot_listen", argRaw, argRaw),
		ep(`--echarts-js: (.+)`, "err.echarts_js", argRaw),
		ep(`--public-url: (.+)`, "err.public_url", argError),
		ep(`unknown document "(.+)": the documents are (.+)`, "err.unknown_document", argRaw, argRaw),
		ep(`unknown indicator "(.+)" — run "rankings indicators" for the list`, "err.unknown_indicator", argRaw),
		ep(`"(.*)" is not an origin: give scheme and host only, such as https://rankings\.example\.org`, "err.not_an_origin", argRaw),
		// The web's parameters and addresses (internal/server).
		ep(`the query string is malformed: (.+)`, "err.query_malformed", argRaw),
		ep(`unknown parameter "(.*)": this address takes none, so drop it`, "err.param_none", argRaw),
		ep(`unknown parameter "(.*)": this address takes none but lang \(en or ru\), so drop it`, "err.param_only_lang", argRaw),
		ep(`unknown parameter "(.*)": valid parameters are (.+)`, "err.param_unknown", argRaw, argRaw),
		ep(`parameter "(.*)" is already given by the path (\S+): drop it from the query`, "err.param_in_path", argRaw, argRaw),
		ep(`parameter "(.*)" is given (\d+) times: give it once`, "err.param_repeated", argRaw, argRaw),
		ep(`parameter "(.*)" is too long: give at most 200 characters`, "err.param_too_long", argRaw),
		ep(`parameter "(.*)" lists more than 20 values: give at most 20`, "err.param_too_many", argRaw),
		ep(`(\w+) must be a year such as 2023, not "(.*)"`, "err.param_year", argRaw, argRaw),
		ep(`parameter "(.*)" needs a country, e\.g\. (\S+)`, "err.param_country", argRaw, argRaw),
		ep(`parameter "(.*)" needs at least (\d+) countries, e\.g\. (\S+)`, "err.param_countries", argRaw, argRaw, argRaw),
		ep(`parameter "(.*)" is required, e\.g\. (\S+)`, "err.param_required", argRaw, argRaw),
		ep(`unknown format "(.*)": use json or csv`, "err.param_format", argRaw),
		ep(`from (\d+) is after to (\d+)`, "err.param_from_after_to", argRaw, argRaw),
		ep(`since (\d+) is after year (\d+)`, "err.param_since_after_year", argRaw, argRaw),
		ep(`percentile is true or false, not "(.*)"`, "err.param_percentile", argRaw),
		ep(`unknown language "(.*)": use lang=en or lang=ru`, "err.param_lang", argRaw),
		ep(`lang=(.*) on an address under /ru/, which is in Russian already: drop lang, or /ru/ for the page in English`, "err.param_lang_ru_address", argRaw),
		ep(`unknown chart format "(.*)": use /chart/(\S+) for the page, or one of (.+)`, "err.chart_format", argRaw, argRaw, argRaw),
		ep(`parameter "url" is required: the /chart/… or /embed/… address to embed`, "err.oembed_url_required"),
		ep(`(\w+) must be a whole number of pixels between 100 and 10000`, "err.oembed_size", argRaw),
		ep(`only the json oEmbed format is served`, "err.oembed_format"),
		ep(`url must be an absolute http\(s\) address of a /chart/ or /embed/ page`, "err.oembed_url"),
		ep(`(.+) is not a page of this service: give the address of a /chart/ or /embed/ page at (\S+)`, "err.oembed_other_site", argRaw, argRaw),
		ep(`(.+) is not a chart: give the address of a /chart/… or /embed/… page`, "err.oembed_not_chart", argRaw),
		ep(`no page at (\S+): start at /`, "err.no_page", argRaw),
		ep(`no page at (\S+): see / or /api/v1/openapi\.json`, "err.no_page_api", argRaw),
		ep(`no local ECharts copy: pages load it from (\S+)`, "err.no_local_echarts", argRaw),
		ep(`only GET and HEAD are supported`, "err.method"),
		ep(`internal error`, "err.internal"),
		// The country registry's mapping of a source's rows.
		ep(`countries: vdem row (\S*) "(.*)" needs a year`, "err.map_vdem_year", argRaw, argRaw),
		ep(`countries: (\S+) code "(.*)" \("(.*)", (\d+)\) is not in the registry`, "err.map_unknown_code", argRaw, argRaw, argRaw, argRaw),
		ep(`countries: (\S+) code (\S+) is (.+?) \((\w+)\) but its name "(.*)" is not a name of it`, "err.map_wrong_name", argRaw, argRaw, argSubject, argRaw, argRaw),
		ep(`countries: (\S+) row of (\d+) has neither code nor name`, "err.map_no_code_or_name", argRaw, argRaw),
	}
})

// Error says the one-line English message msg of an error in language l,
// or returns it unchanged when l is English or no pattern knows it.
// Country names are found in reg, which may be nil.
func Error(l i18n.Lang, reg *countries.Registry, msg string) string {
	if s, ok := sayImport(l, reg, msg); ok {
		return s
	}
	return with(errPatterns(), l, reg, msg)
}

// Warning says a warning or note of an import's batch (datasets/ingest)
// in language l, or returns it unchanged when l is English or no pattern
// knows it; the manifest keeps the warnings in English.
func Warning(l i18n.Lang, reg *countries.Registry, msg string) string {
	if s, ok := sayImport(l, reg, msg); ok {
		return s
	}
	return with(warnPatterns(), l, reg, msg)
}

// warnPatterns recognise the warnings and notes of an import's batch
// (datasets/ingest), said in the output's language when printed; the
// manifest keeps the warnings in English.
var warnPatterns = sync.OnceValue(func() []errPattern {
	return []errPattern{
		ep(`(\S+) (\d+): ranks are computed over the (\d+) countr(?:y|ies) in the file, but the embedded data ranks about (\d+): a rank is only honest over the whole field`, "import.warn_ranks_field", argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) (\d+): the file has (\d+) countr(?:y|ies), the embedded data about (\d+) a year: the import replaces the whole year, so only these will have (\d+) figures`, "import.warn_small_field", argRaw, argRaw, argRaw, argRaw, argRaw),
		ep(`(\S+) (\d+) is already embedded with different figures: (.+); the import replaces the whole year`, "import.warn_different_figures", argRaw, argRaw, argRaw),
		ep(`odihr (\d+) is already embedded with different elections: (.+); the import replaces the whole year`, "import.warn_different_elections", argRaw, argRaw),
		ep(`(.+):(\d+): skipped: unknown country code (".*")`, "import.warn_skipped_code", argRaw, argRaw, argRaw),
		// The batch's notes.
		ep(`odihr (.+): the same elections as the embedded data`, "import.note_same_elections", argRaw),
		ep(`(\S+) (.+): the same figures as the embedded data`, "import.note_same_figures", argRaw, argRaw),
	}
})

// with says msg in language l by the first of patterns that recognises
// it, or returns it unchanged when l is English or none does.
func with(patterns []errPattern, l i18n.Lang, reg *countries.Registry, msg string) string {
	if l == i18n.EN || l == "" {
		return msg
	}
	s, _ := say(patterns, l, reg, msg)
	return s
}

// say says msg by the first of patterns that recognises it, its facts
// said in l (in English they are the message's own), and reports whether
// one did; otherwise it returns msg.
func say(patterns []errPattern, l i18n.Lang, reg *countries.Registry, msg string) (string, bool) {
	return sayBy(patterns, l, msg, func(k argKind, s string) string {
		if l == i18n.EN {
			return s
		}
		return errArg(l, reg, k, s)
	})
}

// sayBy says msg by the first of patterns that recognises it, each fact
// said by arg, and reports whether one did; otherwise it returns msg.
func sayBy(patterns []errPattern, l i18n.Lang, msg string, arg func(argKind, string) string) (string, bool) {
	p, m := match(patterns, msg)
	if m == nil {
		return msg, false
	}
	args := make([]any, len(p.args))
	for i, k := range p.args {
		args[i] = arg(k, m[i+1])
	}
	return l.T(p.key, args...), true
}

// errArg says one fact of an English message in language l.
func errArg(l i18n.Lang, reg *countries.Registry, k argKind, s string) string {
	switch k {
	case argSubject:
		return subjectIn(l, reg, s)
	case argError:
		return Error(l, reg, s)
	case argOn:
		if id, ok := strings.CutPrefix(s, " on "); ok {
			return l.T("err.nodata_on", id)
		}
		return s
	case argWindow:
		return windowIn(l, s)
	case argOrList:
		return l.T("err.list_or", strings.ReplaceAll(s, " or ", " "+l.T("err.or")+" "))
	case argChoices:
		var out []string
		for _, c := range strings.Split(s, " or ") {
			name, code, ok := strings.Cut(strings.TrimSuffix(c, ")"), " (")
			if ok {
				c = l.T("compare.country", countryName(l, reg, code, name), code)
			}
			out = append(out, c)
		}
		return strings.Join(out, " "+l.T("err.or")+" ")
	}
	return s
}

// windows are the years a request asked for as docs.YearsAsked says
// them, with the message that says them in another language.
var windows = sync.OnceValue(func() []errPattern {
	return []errPattern{
		ep(`in (\d+)`, "err.window_in", argRaw),
		ep(`from (\d+) to (\d+)`, "err.window_from_to", argRaw, argRaw),
		ep(`from (\d+)`, "err.window_from", argRaw),
		ep(`up to (\d+)`, "err.window_up_to", argRaw),
	}
})

// windowIn says the years asked for, "from 1990 to 2000", in language l.
func windowIn(l i18n.Lang, s string) string {
	return with(windows(), l, nil, s)
}

// subjectIn says in language l what an English message is about: one
// country or several ("Crimea and Abkhazia", "Kazakhstan or Kazakstan"),
// or a group, by its title with or without its id.
func subjectIn(l i18n.Lang, reg *countries.Registry, s string) string {
	if title, id, ok := strings.Cut(strings.TrimSuffix(s, ")"), " (group "); ok && strings.HasSuffix(s, ")") {
		return l.T("err.group_with_id", groupIn(l, title), id)
	}
	if g := groupIn(l, s); g != s {
		return g
	}
	for _, sep := range []string{" and ", " or "} {
		if parts := strings.Split(s, sep); len(parts) > 1 {
			for i, p := range parts {
				parts[i] = countryIn(l, reg, p)
			}
			word := l.T("err.and")
			if sep == " or " {
				word = l.T("err.or")
			}
			return strings.Join(parts, " "+word+" ")
		}
	}
	return countryIn(l, reg, s)
}

// groupIn is the group titled title (in English) in language l, or title
// itself when no group has that title.
func groupIn(l i18n.Lang, title string) string {
	for _, g := range countries.GroupNames() {
		if countries.GroupTitle(g) == title {
			return docs.GroupTitleIn(l, g)
		}
	}
	return title
}

// countryIn is the country named name (in English) in language l.
func countryIn(l i18n.Lang, reg *countries.Registry, name string) string {
	if reg == nil {
		return name
	}
	c, err := reg.Resolve(name)
	if err != nil || c.Name != name {
		return name
	}
	return c.DisplayName(l.Tag())
}

// countryName is the country whose code is iso3 in language l, or name
// when reg does not know it.
func countryName(l i18n.Lang, reg *countries.Registry, iso3, name string) string {
	if reg == nil {
		return name
	}
	if c, ok := reg.ByCode(iso3); ok {
		return c.DisplayName(l.Tag())
	}
	return name
}
