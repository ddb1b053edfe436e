package charts

import "image/color"

// Palette is the Okabe–Ito palette (Okabe and Ito 2008), safe for the common
// colour-vision deficiencies, in the order series take it. Yellow is left
// out: it is unreadable as a line on white.
var Palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

// symbols and dashes are the second cue next to colour: series i takes
// Palette[i%7], symbols[i%len(symbols)] and dashes[i%len(dashes)], so two
// series that share a colour never share the marker and the dash too.
var (
	symbols = []string{"circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow", "emptyCircle"}
	dashes  = []string{"solid", "dashed", "dotted"}
)

// style is the look of series i.
type style struct {
	Color  string
	Symbol string
	Dash   string
}

func seriesStyle(i int) style {
	return style{Color: Palette[i%len(Palette)], Symbol: symbols[i%len(symbols)], Dash: dashes[(i/len(Palette)+i)%len(dashes)]}
}

// assessmentStyle is the colour and marker of an ODIHR assessment: a
// diverging order from bluish green (met) to vermillion (not met), grey
// without a verdict (a ring when not observed, an empty square when the
// verdict is unknown); shapes differ too.
func assessmentStyle(class string) (col, symbol string) {
	switch class {
	case "met":
		return "#009E73", "circle"
	case "mostly_met":
		return "#56B4E9", "diamond"
	case "partly_met":
		return "#E69F00", "triangle"
	case "not_met":
		return "#D55E00", "rect"
	case "not_observed":
		return "#888888", "emptyCircle"
	}
	return "#888888", "emptyRect"
}

// assessmentOrder lists the classes in legend order.
var assessmentOrder = []string{"met", "mostly_met", "partly_met", "not_met", "not_observed", "unknown"}

// sequential is a colour-blind-safe sequential scale (viridis stops), from
// worst to best.
var sequential = []string{"#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"}

// rgb parses "#RRGGBB".
func rgb(hex string) color.NRGBA {
	var c color.NRGBA
	c.A = 0xff
	if len(hex) == 7 && hex[0] == '#' {
		v := func(s string) uint8 {
			var n uint8
			for _, ch := range s {
				n <<= 4
				switch {
				case ch >= '0' && ch <= '9':
					n |= uint8(ch - '0')
				case ch >= 'a' && ch <= 'f':
					n |= uint8(ch-'a') + 10
				case ch >= 'A' && ch <= 'F':
					n |= uint8(ch-'A') + 10
				}
			}
			return n
		}
		c.R, c.G, c.B = v(hex[1:3]), v(hex[3:5]), v(hex[5:7])
	}
	return c
}
