package server_test

import (
	"io"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rankings-dev/rankings/internal/server"
)

// TestPickerSortsByName: the country picker lists its groups by name, as a
// reader scans them, not by ISO code.
func TestPickerSortsByName(t *testing.T) {
	h := server.New(server.Options{Version: "test"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	body, _ := io.ReadAll(rec.Body)
	page := string(body)
	i := strings.Index(page, `<optgroup label="Post-Soviet states">`)
	j := strings.Index(page[i:], `</optgroup>`)
	if i < 0 || j < 0 {
		t.Fatal("no post-Soviet group in the picker")
	}
	var names []string
	for _, m := range regexp.MustCompile(`<option value="[A-Z]{3}"[^>]*>([^<]+)</option>`).FindAllStringSubmatch(page[i:i+j], -1) {
		names = append(names, m[1])
	}
	want := []string{"Armenia", "Azerbaijan", "Belarus", "Estonia", "Georgia", "Kazakhstan", "Kyrgyzstan", "Latvia", "Lithuania", "Moldova", "Russia", "Tajikistan", "Turkmenistan", "Ukraine", "Uzbekistan"}
	if !slices.Equal(names, want) {
		t.Errorf("picker order %v, want %v", names, want)
	}
}

// TestPickerFormLandsOnThePageAddress: the picker's form sends its unused
// fields empty; the reader is sent on (303) to the page's own address, in
// the language of the address the form was on, and a question without
// empty fields, or a wrong one, is answered where it is.
func TestPickerFormLandsOnThePageAddress(t *testing.T) {
	h := server.New(server.Options{Version: "test"})
	for _, c := range []struct{ ask, code, to string }{
		{"/compare?c=KAZ&c=UZB&c=&c=&indicator=&year=", "303", "/compare/KAZ,UZB"},
		{"/compare?c=KAZ&c=UZB&c=GEO&c=&indicator=rsf&year=2024", "303", "/compare/KAZ,UZB,GEO?indicator=rsf&year=2024"},
		{"/ru/compare?c=KAZ&c=UZB&c=&c=&indicator=&year=", "303", "/ru/compare/KAZ,UZB"},
		{"/compare?c=kaz&c=uzb&year=&lang=ru", "303", "/ru/compare/KAZ,UZB"},
		{"/compare?c=KAZ&c=UZB", "200", ""},
		{"/compare?c=KAZ&c=&c=", "400", ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", c.ask, nil))
		if got := strconv.Itoa(rec.Code); got != c.code || rec.Header().Get("Location") != c.to {
			t.Errorf("%s: %s to %q, want %s to %q", c.ask, got, rec.Header().Get("Location"), c.code, c.to)
		}
	}
}
