package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"gonum.org/v1/plot/vg"

	"github.com/rankings-dev/rankings/charts"
)

// imageFlags are the size flags of static images (--format svg, png, pdf).
type imageFlags struct {
	width, height string
	scale, dpi    float64
}

// addImageFlags registers --width, --height, --scale and --dpi on a chart
// command. Its --width is the image's, not the terminal's.
func addImageFlags(cmd *cobra.Command) *imageFlags {
	f := &imageFlags{}
	cmd.Flags().StringVar(&f.width, "width", "", "svg, png, pdf: the image's width with a unit, e.g. 16cm, 6in, 120mm, 450pt, or pixels for png (1200 or 1200px); default 10in")
	cmd.Flags().StringVar(&f.height, "height", "", "svg, png, pdf: the image's height, as --width (default: as tall as the chart needs)")
	cmd.Flags().Float64Var(&f.scale, "scale", 0, "png: resolution as a multiple of 96 dpi (default 2)")
	cmd.Flags().Float64Var(&f.dpi, "dpi", 0, "png: resolution in dots per inch, e.g. 300 for print (instead of --scale)")
	return f
}

// options turns the flags into image options for the format: a physical
// width lays the chart out at that width; a PNG's width in pixels keeps
// the chart's layout and sets the resolution that gives it.
func (f *imageFlags) options(format string, c *charts.Chart) (charts.ImageOptions, error) {
	var o charts.ImageOptions
	image := format == "png" || format == "svg" || format == "pdf"
	if !image && (f.width != "" || f.height != "" || f.scale != 0 || f.dpi != 0) {
		return o, usagef("--width, --height, --scale and --dpi size images: use them with --format svg, png or pdf")
	}
	if format != "png" && (f.scale != 0 || f.dpi != 0) {
		return o, usagef("--scale and --dpi set a PNG's resolution; --format %s is vector art and has none", format)
	}
	if f.scale != 0 && f.dpi != 0 {
		return o, usagef("give --scale or --dpi, not both")
	}
	switch {
	case f.scale < 0 || f.dpi < 0:
		return o, usagef("--scale and --dpi must be positive")
	case f.scale > 0:
		o.Scale = f.scale
	case f.dpi > 0:
		o.Scale = f.dpi / charts.StaticDPI
	}
	if o.Scale > 10 {
		return o, usagef("--scale %g is more than 10 times the screen's resolution: give 10 or less (or --dpi 960 or less)", o.Scale)
	}
	var wpx, hpx float64
	var err error
	if o.Width, wpx, err = imageLength("--width", f.width, format); err != nil {
		return o, err
	}
	if o.Height, hpx, err = imageLength("--height", f.height, format); err != nil {
		return o, err
	}
	if wpx > 0 || hpx > 0 {
		// Pixels: the chart's own layout at the resolution that gives
		// that many pixels.
		if o.Scale != 0 {
			return o, usagef("a width or height in pixels sets the resolution itself: leave out --scale and --dpi, or give the size in cm or in")
		}
		w, h := c.Size(o)
		if wpx > 0 {
			o.Scale = wpx / w.Dots(charts.StaticDPI)
		} else {
			o.Scale = hpx / h.Dots(charts.StaticDPI)
		}
		if hpx > 0 && wpx > 0 {
			o.Height = vg.Length(hpx / (charts.StaticDPI * o.Scale) * 72)
		}
	}
	return o, nil
}

// imageLength parses a length with a unit (cm, mm, in, pt); a bare number
// or px is pixels, for PNG only (returned in px, 0 length).
func imageLength(flag, s, format string) (vg.Length, float64, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return 0, 0, nil
	}
	units := []struct {
		suffix string
		unit   vg.Length
	}{{"cm", vg.Centimeter}, {"mm", vg.Millimeter}, {"in", vg.Inch}, {"pt", vg.Points(1)}, {"px", 0}}
	unit, num := vg.Length(-1), s
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			unit, num = u.unit, strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			break
		}
	}
	if unit < 0 {
		unit = 0 // a bare number: pixels
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v <= 0 {
		return 0, 0, usagef("%s %q is not a size: give a number with a unit, e.g. %s 16cm", flag, s, flag)
	}
	if unit == 0 {
		if format != "png" {
			return 0, 0, usagef("%s %s is in pixels, which only a PNG has: give the %s size in cm, mm, in or pt, e.g. %s 16cm", flag, s, strings.ToUpper(format), flag)
		}
		if v > 20000 {
			return 0, 0, usagef("%s %s is more than 20000 pixels: give a smaller size", flag, s)
		}
		return 0, v, nil
	}
	l := vg.Length(v) * unit
	if l < 2*vg.Inch || l > 100*vg.Inch {
		return 0, 0, usagef("%s %s is outside 2 to 100 inches (5 to 254 cm): give a size a chart can be laid out at", flag, s)
	}
	return l, 0, nil
}
