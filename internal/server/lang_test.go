package server_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/server"
)

// htmlLang is a page's <html lang>.
var htmlLang = regexp.MustCompile(`<html lang="([a-z]+)">`)

func pageLang(t *testing.T, body string) string {
	t.Helper()
	m := htmlLang.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the page has no <html lang>")
	}
	return m[1]
}

// TestLanguageChoice: a page is in the language lang= or the /ru prefix
// names, else in the one Accept-Language prefers, else in English; it
// says its language, and varies on Accept-Language only when the header
// chose.
func TestLanguageChoice(t *testing.T) {
	for _, c := range []struct {
		path, accept, want string
		vary               bool
	}{
		{"/compare/KAZ,UZB", "", "en", true},
		{"/compare/KAZ,UZB", "ru-RU,ru;q=0.9,en;q=0.8", "ru", true},
		{"/compare/KAZ,UZB", "de-DE,de;q=0.9", "en", true},
		{"/compare/KAZ,UZB", "en-GB,ru;q=0.5", "en", true},
		{"/compare/KAZ,UZB?lang=ru", "", "ru", false},
		{"/compare/KAZ,UZB?lang=en", "ru", "en", false},
		{"/ru/compare/KAZ,UZB", "", "ru", false},
		{"/ru/compare/KAZ,UZB", "en", "ru", false},
		{"/ru/", "", "ru", false},
		{"/ru", "", "ru", false},
		{"/ru/country/KAZ", "", "ru", false},
		{"/ru/indicator/rsf/2024", "", "ru", false},
		{"/ru/elections/KAZ", "", "ru", false},
		{"/elections/KAZ", "ru", "ru", true},
		{"/ru/embed/ranking/rsf", "", "ru", false},
		{"/chart/ranking?indicator=rsf", "ru", "ru", true},
	} {
		rec := get(t, c.path, "Accept-Language", c.accept)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", c.path, rec.Code)
			continue
		}
		if got := pageLang(t, rec.Body.String()); got != c.want {
			t.Errorf("%s (Accept-Language %q): <html lang=%q>, want %q", c.path, c.accept, got, c.want)
		}
		if got := rec.Header().Get("Content-Language"); got != c.want {
			t.Errorf("%s (Accept-Language %q): Content-Language %q, want %q", c.path, c.accept, got, c.want)
		}
		vary := slices.Contains(rec.Header().Values("Vary"), "Accept-Language")
		if vary != c.vary {
			t.Errorf("%s (Accept-Language %q): Vary: Accept-Language %v, want %v", c.path, c.accept, vary, c.vary)
		}
	}
	for _, p := range []string{"/compare/KAZ,UZB?lang=de", "/ru/compare/KAZ,UZB?lang=ru", "/country/KAZ?lang=en&lang=ru"} {
		if rec := get(t, p, "Accept", "application/json"); rec.Code != 400 || !strings.Contains(rec.Body.String(), `"param": "lang"`) {
			t.Errorf("%s: status %d, want 400 naming lang: %s", p, rec.Code, rec.Body.String())
		}
	}
	// A Russian error page.
	rec := get(t, "/ru/no/such/page")
	if rec.Code != 404 || pageLang(t, rec.Body.String()) != "ru" || !strings.Contains(rec.Body.String(), "<h1>По этому адресу страницы нет</h1>") {
		t.Errorf("/ru/no/such/page: status %d, not a Russian error page", rec.Code)
	}
	// A chart's files are English unless lang asks: a download from a
	// page is the same for every reader.
	if rec := get(t, "/chart/ranking.csv?indicator=rsf", "Accept-Language", "ru"); rec.Header().Get("Content-Language") != "" ||
		slices.Contains(rec.Header().Values("Vary"), "Accept-Language") {
		t.Errorf("a chart's CSV follows Accept-Language: %v", rec.Header())
	}
}

// TestEveryPageLinksToItsOtherLanguage: the layout links to the page in
// the other language, visibly and as <link rel=alternate hreflang>, at the
// page's canonical address, whichever spelling of it was asked for.
func TestEveryPageLinksToItsOtherLanguage(t *testing.T) {
	for _, c := range []struct{ path, en, ru string }{
		{"/", "/", "/ru/"},
		{"/ru/", "/", "/ru/"},
		{"/compare?c=kaz,uzb", "/compare/KAZ,UZB", "/ru/compare/KAZ,UZB"},
		{"/ru/compare/Kazakhstan,UZB?year=2020", "/compare/KAZ,UZB?year=2020", "/ru/compare/KAZ,UZB?year=2020"},
		{"/country/kaz", "/country/KAZ", "/ru/country/KAZ"},
		{"/indicator/rsf?year=2024", "/indicator/rsf/2024", "/ru/indicator/rsf/2024"},
		{"/indicator/rsf", "/indicator/rsf", "/ru/indicator/rsf"},
		{"/elections/KAZ", "/elections/KAZ", "/ru/elections/KAZ"},
	} {
		body := html.UnescapeString(get(t, c.path).Body.String())
		for _, want := range []string{
			`<link rel="alternate" hreflang="en" href="` + c.en + `">`,
			`<link rel="alternate" hreflang="ru" href="` + c.ru + `">`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %s", c.path, want)
			}
		}
		other, text := c.ru, "Русский"
		if strings.HasPrefix(c.path, "/ru") {
			other, text = c.en, "English"
		}
		if want := `href="` + other + `" hreflang="` + map[string]string{"Русский": "ru", "English": "en"}[text] + `" lang="`; !strings.Contains(body, want) || !strings.Contains(body, ">"+text+"</a>") {
			t.Errorf("%s has no visible link %q to %s", c.path, text, other)
		}
	}
}

// TestCacheKeysOnTheLanguage: the response cache keeps a page's English
// and Russian answers apart, whichever way the language was chosen.
func TestCacheKeysOnTheLanguage(t *testing.T) {
	s := server.New(server.Options{Version: "lang-cache"})
	fetch := func(path, accept string) string {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		return pageLang(t, rec.Body.String()) + " " + rec.Header().Get("Content-Language") + " " + strings.Join(rec.Header().Values("Vary"), ",")
	}
	for i := 0; i < 2; i++ { // the second round is served from the cache
		for _, c := range []struct{ path, accept, want string }{
			{"/country/KAZ", "", "en en Accept-Language,Accept-Encoding"},
			{"/country/KAZ", "ru", "ru ru Accept-Language,Accept-Encoding"},
			{"/country/KAZ?lang=ru", "", "ru ru Accept-Encoding"},
			{"/ru/country/KAZ", "en", "ru ru Accept-Encoding"},
			{"/country/KAZ?lang=en", "ru", "en en Accept-Encoding"},
			{"/country/KAZ", "en", "en en Accept-Language,Accept-Encoding"},
		} {
			if got := fetch(c.path, c.accept); got != c.want {
				t.Errorf("round %d: %s (Accept-Language %q): %q, want %q", i+1, c.path, c.accept, got, c.want)
			}
		}
	}
}

// englishWords are the words and phrases of the English templates and
// page code: none may be left on a Russian page outside what the data
// holds only in English (marked lang="en") and the charts, whose words
// are the charts' own.
var englishWords = []string{
	"Skip to content", "Press freedom", "Rule of law", "Elections", "Ranks are", "Sources and licences",
	"Compare countries", "governance indicators", "Countries to compare", "First country", "Second country",
	"Add a country", "None", "All indicators", "Latest figures", "Compare", "Post-Soviet states", "All countries",
	"Overview", "Indicator", "Better", "Year", "Ahead", "higher", "lower", "is better", "Country", "Value", "Rank",
	"Trend since", "per year", "Change", "points since", "percentile", "the field", "in both years", "(up ", "(down ",
	"is ahead", "intervals", "distinguishable", "tie or no figures", "no figures", "insufficient data",
	"Timeline chart", "Not compared", "Latest OSCE/ODIHR", "All elections", "Date", "Election", "Mission",
	"Assessment", "Summary", "Source", "assessment codes", "national elections", "latest assessed",
	"assessments rest", "ODIHR's own", "met commitments", "mostly met", "partly met", "not met", "not observed",
	"presidential", "parliamentary", "referendum", "runoff", "Methodology break", "methodology segment",
	"scale", "edition year", "data year", "Group", "Global rank", "Status", "Note", "Median", "median",
	"members have a figure", "listed countries", "Listed", "entries", "There is no page", "cannot be shown",
	"Back to the start page", "Try ", "instead", "Elections and ODIHR", "score", "rating", "index 0", "estimate",
	" of ", " vs ", "Each indicator",
}

// lang="en" elements, charts and what is not text.
var (
	notText   = regexp.MustCompile(`(?s)<style>.*?</style>|<script[^>]*>.*?</script>|<figure class="rk-chart".*?</figure>|<head>.*?</head>`)
	inEnglish = regexp.MustCompile(`(?s)<(span|p|li|td)[^>]* lang="en"[^>]*>.*?</(span|p|li|td)>`)
	tag       = regexp.MustCompile(`<[^>]+>`)
)

// russianText is what a reader reads on a Russian page, without the
// parts marked English and the charts.
func russianText(body string) string {
	body = notText.ReplaceAllString(body, " ")
	body = inEnglish.ReplaceAllString(body, " ")
	// Attributes a reader meets: labels of cards, captions of groups.
	attrs := regexp.MustCompile(`(?:data-label|label|aria-label|title)="([^"]*)"`).FindAllStringSubmatch(body, -1)
	text := tag.ReplaceAllString(body, " ")
	for _, a := range attrs {
		text += " " + a[1]
	}
	return html.UnescapeString(text)
}

// TestRussianPagesHaveNoEnglishLeft: every kind of page in Russian says
// nothing in the English of the templates.
func TestRussianPagesHaveNoEnglishLeft(t *testing.T) {
	for _, p := range []string{"/ru/", "/ru/compare/KAZ,UZB", "/ru/compare/KAZ,UZB,KGZ?year=2020", "/ru/country/KAZ",
		"/ru/indicator/rsf", "/ru/indicator/fh-fiw?group=all", "/ru/elections/KAZ,UZB", "/ru/no/such/page",
		"/ru/compare?c=kaz,uzbekstan"} {
		rec := get(t, p)
		text := russianText(rec.Body.String())
		for _, w := range englishWords {
			if i := strings.Index(text, w); i >= 0 {
				t.Errorf("%s (%d) still says %q: …%s…", p, rec.Code, w, text[max(0, i-60):min(len(text), i+60)])
			}
		}
	}
}

// TestRussianPageWords: a Russian page has its headings, decimal commas,
// dates and Russian country names.
func TestRussianPageWords(t *testing.T) {
	body := html.UnescapeString(get(t, "/ru/compare/KAZ,UZB").Body.String())
	for _, want := range []string{
		"<h1>Казахстан — Узбекистан</h1>",
		"Обзор: значение и место «k из N»",
		"выше — лучше",
		"(резюме на английском)",
		"<th scope=\"col\" role=\"columnheader\">Страна</th>",
		"Последняя оценка выборов БДИПЧ ОБСЕ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/ru/compare/KAZ,UZB lacks %q", want)
		}
	}
	if !regexp.MustCompile(`>\d+,\d+ \(\d+ из \d+\)<`).MatchString(body) {
		t.Error("/ru/compare/KAZ,UZB has no figure with a decimal comma and a rank «k из N»")
	}
	if !regexp.MustCompile(`>\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\.<`).MatchString(body) {
		t.Error("/ru/compare/KAZ,UZB has no election date in Russian («19 марта 2023 г.»)")
	}
}

// TestRussianErrorPage: a Russian page says the error in Russian, with
// the country's Russian name, and marks it English only when no pattern
// of internal/errtext knows the message.
func TestRussianErrorPage(t *testing.T) {
	for p, want := range map[string]string{
		"/ru/compare?c=kaz&c=zzz":       `<p class="error-message" data-status="400" data-code="not_found" data-param="c" data-value="zzz">неизвестная страна «zzz» — страны и территории, которые можно выбрать, перечислены на стартовой странице</p>`,
		"/ru/compare?c=kaz&c=kazakstan": `data-value="kaz,kazakstan">«kaz» и «kazakstan» — одна и та же страна, Казахстан (KAZ): назовите каждую страну один раз</p>`,
		"/compare?c=kaz&c=zzz":          `data-value="zzz">unknown country &#34;zzz&#34;: the start page lists the countries and territories you can pick</p>`,
		"/ru/indicator/zzzzzz":          `data-value="zzzzzz">неизвестный показатель «zzzzzz» — показатели перечислены на стартовой странице</p>`,
		"/elections?c=":                 `data-param="c">parameter &#34;c&#34; needs a country, e.g. c=kaz</p>`,
		"/ru/elections?c=":              `data-param="c">параметр «c» должен назвать страну, например c=kaz</p>`,
	} {
		rec := get(t, p)
		if body := rec.Body.String(); rec.Code != 400 && rec.Code != 404 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, lacks %s", p, rec.Code, want)
		}
	}
	// A page names no command of the CLI; the API keeps the CLI's words.
	if body := get(t, "/country/QQQ").Body.String(); strings.Contains(body, "rankings countries") {
		t.Error("the error page of /country/QQQ names a command of the CLI")
	}
	rec := get(t, "/api/v1/compare?countries=kaz,zzz")
	if body := rec.Body.String(); rec.Code != 400 || !strings.Contains(body, `unknown country \"zzz\" — run \"rankings countries\" for the list`) {
		t.Errorf("the API's message changed: %d %s", rec.Code, body)
	}
}

// TestLangOnARussianAddress: a lang parameter on an address under /ru/ is
// refused on a page in Russian that says why, not as "given 2 times" on a
// page in English, and links to the Russian page without it.
func TestLangOnARussianAddress(t *testing.T) {
	for p, want := range map[string][]string{
		"/ru/compare?c=kaz,uzb&lang=xx": {`<html lang="ru">`, `data-param="lang" data-value="xx">lang=xx в адресе под /ru/, который уже на русском`, `<a href="/ru/compare?c=kaz,uzb">Открыть адрес без параметра lang</a>`},
		"/ru/?lang=en":                  {`<html lang="ru">`, `data-value="en">lang=en в адресе под /ru/`, `<a href="/ru/">Открыть адрес без параметра lang</a>`},
	} {
		rec := get(t, p)
		body := rec.Body.String()
		if rec.Code != 400 {
			t.Errorf("%s: %d, want 400", p, rec.Code)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
	}
	rec := get(t, "/compare?c=kaz,uzb&lang=ru&lang=en")
	if body := rec.Body.String(); rec.Code != 400 || !strings.Contains(body, `parameter &#34;lang&#34; is given 2 times: give it once`) {
		t.Errorf("lang twice without /ru/: %d", rec.Code)
	}
}

// TestAPINamesInRussian: lang=ru gives the names of indicators, countries
// and sources in Russian, and the indicators' and sources' notes, units,
// directions and reasons, and changes nothing else.
func TestAPINamesInRussian(t *testing.T) {
	for _, c := range []struct{ path, en, ru string }{
		{"/api/v1/indicators", `"name": "Corruption Perceptions Index score"`, `"name": "Индекс восприятия коррупции: балл"`},
		{"/api/v1/indicators", `"unit": "score 0–100 (100 = very clean)"`, `"unit": "балл 0–100 (100 — очень низкий уровень коррупции)"`},
		{"/api/v1/indicators", `"direction": "lower is better"`, `"direction": "ниже — лучше"`},
		{"/api/v1/indicators", `"label": "old points scale (unbounded)"`, `"label": "прежняя шкала баллов (без границ)"`},
		{"/api/v1/indicators", `"status": "F = Free, PF = Partly Free, NF = Not Free"`, `"status": "F — свободна, PF — частично свободна, NF — несвободна"`},
		{"/api/v1/indicators", `"notes": "Higher means more corrupt: lower is better."`, `"notes": "Чем выше, тем больше коррупции: ниже — лучше."`},
		{"/api/v1/sources", `"notes": "The report was discontinued after the 2017 edition."`, `"notes": "После выпуска 2017 года доклад больше не выходит."`},
		{"/api/v1/countries", `"name": "Kazakhstan"`, `"name": "Казахстан"`},
		{"/api/v1/countries.json", `"name": "Kazakhstan"`, `"name": "Казахстан"`},
		{"/api/v1/sources", `"publisher": "Reporters Without Borders (RSF)"`, `"publisher": "«Репортёры без границ» (Reporters Without Borders, RSF)"`},
	} {
		en, ru := get(t, c.path).Body.String(), get(t, c.path+"?lang=ru").Body.String()
		if !strings.Contains(en, c.en) || strings.Contains(en, c.ru) {
			t.Errorf("%s: the English document lacks %s", c.path, c.en)
		}
		if !strings.Contains(ru, c.ru) {
			t.Errorf("%s?lang=ru lacks %s", c.path, c.ru)
		}
		if strings.Count(en, "\n") != strings.Count(ru, "\n") {
			t.Errorf("%s?lang=ru is not the English document with other names", c.path)
		}
	}
	if rec := get(t, "/api/v1/series/KAZ.json?lang=ru"); rec.Code != 400 {
		t.Errorf("/api/v1/series takes lang: status %d; its documents have no language", rec.Code)
	}
}

// TestBakedRussianPages: a bake lists every page again under /ru (and no
// API document or file there), writes the Russian pages into the ru
// folder, and the language links of both versions point at files the
// bake wrote.
func TestBakedRussianPages(t *testing.T) {
	paths, err := testServer().BakePaths()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/ru/", "/ru/compare/KAZ,UZB", "/ru/country/EST", "/ru/indicator/wjp/2020", "/ru/elections/ARM", "/ru/embed/ranking/rsf"} {
		if !slices.Contains(paths, want) {
			t.Errorf("the site's paths lack %s", want)
		}
	}
	en, ru := 0, 0
	for _, p := range paths {
		switch {
		case strings.HasPrefix(p, "/ru/api/") || strings.HasPrefix(p, "/ru/assets/") || strings.HasPrefix(p, "/ru/chart/"):
			t.Errorf("%s: the API and files have no Russian copy", p)
		case strings.HasPrefix(p, "/ru/"):
			ru++
		case !strings.HasPrefix(p, "/api/") && !strings.Contains(p, "."):
			en++
		}
	}
	if en != ru {
		t.Errorf("%d English pages, %d Russian ones", en, ru)
	}

	dir := t.TempDir()
	if _, err := testServer().BakeSome(dir, []string{"/compare/KAZ,UZB", "/ru/compare/KAZ,UZB"}, 1); err != nil {
		t.Fatal(err)
	}
	read := func(file string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	enPage, ruPage := read("compare/KAZ,UZB/index.html"), read("ru/compare/KAZ,UZB/index.html")
	if pageLang(t, enPage) != "en" || pageLang(t, ruPage) != "ru" {
		t.Fatalf("the baked pages' languages are %s and %s", pageLang(t, enPage), pageLang(t, ruPage))
	}
	for _, c := range []struct{ page, link, file string }{
		{enPage, `<a class="lang" href="/ru/compare/KAZ,UZB"`, "ru/compare/KAZ,UZB/index.html"},
		{ruPage, `<a class="lang" href="/compare/KAZ,UZB"`, "compare/KAZ,UZB/index.html"},
		{ruPage, `<a href="/ru/elections/KAZ,UZB">`, "ru/elections/KAZ,UZB/index.html"},
		{ruPage, `<a href="/api/v1/sources/lang=ru.json">`, "api/v1/sources/lang=ru.json"},
	} {
		if !strings.Contains(c.page, c.link) {
			t.Errorf("a baked page lacks %s", c.link)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(c.file))); err != nil {
			t.Errorf("%s links to a file the bake did not write: %v", c.link, err)
		}
	}
}

// TestOEmbedOfARussianChart: the oEmbed of a /ru/embed/… address embeds
// the chart in Russian.
func TestOEmbedOfARussianChart(t *testing.T) {
	rec := get(t, "/oembed?url="+url.QueryEscape("http://example.com/ru/embed/ranking/rsf"))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "lang=ru") {
		t.Errorf("status %d: %s", rec.Code, rec.Body.String())
	}
}
