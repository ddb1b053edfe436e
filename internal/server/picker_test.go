package server_test

import (
	"io"
	"net/http/httptest"
	"regexp"
	"slices"
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
