package charts

import (
	"sync"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// sansFont is Liberation Sans, which the static charts and the PDF brief
// are set in (it has Cyrillic).
var sansFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// fonts parses the Liberation fonts the first time a static chart or a PDF
// measures or draws text: a command that draws neither parses none of them.
var fonts = sync.OnceValue(func() *font.Cache { return font.NewCache(liberation.Collection()) })

// lazyText is gonum's plain text handler over fonts, so that a text style
// can be declared when the program starts and still parse nothing until
// it is used.
type lazyText struct{}

func (lazyText) plain() text.Plain { return text.Plain{Fonts: fonts()} }

// Cache implements text.Handler.
func (h lazyText) Cache() *font.Cache { return fonts() }

// Extents implements text.Handler.
func (h lazyText) Extents(f font.Font) font.Extents { return h.plain().Extents(f) }

// Lines implements text.Handler.
func (h lazyText) Lines(txt string) []string { return h.plain().Lines(txt) }

// Box implements text.Handler.
func (h lazyText) Box(txt string, f font.Font) (width, height, depth vg.Length) {
	return h.plain().Box(txt, f)
}

// Draw implements text.Handler.
func (h lazyText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	h.plain().Draw(c, txt, sty, pt)
}
