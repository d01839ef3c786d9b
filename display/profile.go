package display

import (
	"github.com/hallcast/hallcast/web"
)

// Presets are the usual profiles the admin page offers.
var Presets = map[string]Profile{
	"strip_256x32": {Kind: KindLEDStrip, Width: 256, Height: 32, Lines: 1, Colors: "red", GlyphPx: 16, CharsPerSecond: 4},
	"strip_384x64": {Kind: KindLEDStrip, Width: 384, Height: 64, Lines: 2, Colors: "red_green", GlyphPx: 16, CharsPerSecond: 4},
	"wall_768x384": {Kind: KindLEDWall, Width: 768, Height: 384, Lines: 6, Colors: "full", GlyphPx: 48, CharsPerSecond: 6},
	"landscape":    {Kind: KindLandscape, Width: 1920, Height: 1080, Lines: 12, Colors: "full", GlyphPx: 48, CharsPerSecond: 8},
	"portrait":     {Kind: KindPortrait, Width: 1080, Height: 1920, Lines: 20, Colors: "full", GlyphPx: 48, CharsPerSecond: 8},
}

// check validates a profile, naming fields under prefix ("profile.").
func (p *Profile) check(c *web.Check, prefix string) {
	c.OneOf(prefix+"kind", string(p.Kind), string(KindLEDStrip), string(KindLEDWall), string(KindLandscape), string(KindPortrait))
	c.Range(prefix+"width", p.Width, 16, 7680)
	c.Range(prefix+"height", p.Height, 8, 7680)
	c.Range(prefix+"lines", p.Lines, 1, 40)
	c.OneOf(prefix+"colors", p.Colors, "red", "red_green", "full")
	c.Range(prefix+"glyph_px", p.GlyphPx, 8, 512)
	c.Range(prefix+"chars_per_second", p.CharsPerSecond, 1, 50)
	if p.Kind == KindLEDStrip && p.GlyphPx > 0 && p.Lines*p.GlyphPx > p.Height {
		c.Add(web.Invalid(prefix+"lines", web.CodeOutOfRange, "%d lines of %d px do not fit in %d px", p.Lines, p.GlyphPx, p.Height))
	}
}
