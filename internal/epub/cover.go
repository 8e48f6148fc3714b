package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
)

// The generated cover is 1600x2560 pixels (a 1:1.6 portrait), the size Kindle
// Direct Publishing and Apple Books recommend, in px at 72 dpi so that a
// font size is a pixel size.
const (
	coverWidth  = 1600
	coverHeight = 2560
	coverMargin = 140
)

// The cover's colours: light type on dark ink reads on colour screens and
// stays high-contrast on e-ink thumbnails.
var (
	coverInk    = color.RGBA{0x1c, 0x28, 0x41, 0xff}
	coverPaper  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	coverMuted  = color.RGBA{0xcb, 0xd5, 0xe6, 0xff}
	coverAccent = color.RGBA{0xe3, 0xa9, 0x4b, 0xff}
)

// coverText is what the generated cover shows.
type coverText struct {
	Section, Title, Subtitle, Byline, Publisher string
}

// alt is the cover's text alternative: everything it shows, in order, in
// the book's language; role doc-cover already says it is the cover.
func (c coverText) alt() string {
	var parts []string
	for _, s := range []string{c.Section, c.Title, c.Subtitle, c.Byline, c.Publisher} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " — ")
}

// A coverFace sets text in one face at one size, taking characters the face
// lacks (Chinese, Japanese, Korean) from the fallback face.
type coverFace struct {
	font     *sfnt.Font
	fallback *sfnt.Font // nil when the text needs none
	ppem     fixed.Int26_6
	buf      sfnt.Buffer
}

// A coverFonts parses each face once per cover.
type coverFonts struct {
	parsed map[string]*sfnt.Font
}

func (cf *coverFonts) load(name string) (*sfnt.Font, error) {
	if f, ok := cf.parsed[name]; ok {
		return f, nil
	}
	data, err := fonts.Bytes(name)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	cf.parsed[name] = f
	return f, nil
}

// face returns name at size px, with the fallback when text needs it.
func (cf *coverFonts) face(name string, size float64, text string) (*coverFace, error) {
	f, err := cf.load(name)
	if err != nil {
		return nil, err
	}
	c := &coverFace{font: f, ppem: fixed.Int26_6(size * 64)}
	for _, r := range text {
		if c.index(f, r) == 0 {
			if c.fallback, err = cf.load(fonts.Fallback); err != nil {
				return nil, err
			}
			break
		}
	}
	return c, nil
}

// index returns f's glyph for r, or 0 when f has none.
func (c *coverFace) index(f *sfnt.Font, r rune) sfnt.GlyphIndex {
	i, err := f.GlyphIndex(&c.buf, r)
	if err != nil {
		return 0
	}
	return i
}

// glyph returns the font and glyph that set r: the main face's, else the
// fallback's, else the main face's .notdef.
func (c *coverFace) glyph(r rune) (*sfnt.Font, sfnt.GlyphIndex) {
	if i := c.index(c.font, r); i != 0 || c.fallback == nil {
		return c.font, i
	}
	return c.fallback, c.index(c.fallback, r)
}

// each calls fn with the pen position of every glyph of s, from x, and
// returns the advance of the whole.
func (c *coverFace) each(s string, fn func(f *sfnt.Font, g sfnt.GlyphIndex, x fixed.Int26_6)) fixed.Int26_6 {
	var x fixed.Int26_6
	var prevFont *sfnt.Font
	var prev sfnt.GlyphIndex
	for _, r := range s {
		f, g := c.glyph(r)
		if f == prevFont {
			if k, err := f.Kern(&c.buf, prev, g, c.ppem, font.HintingNone); err == nil {
				x += k
			}
		}
		if fn != nil {
			fn(f, g, x)
		}
		if adv, err := f.GlyphAdvance(&c.buf, g, c.ppem, font.HintingNone); err == nil {
			x += adv
		}
		prevFont, prev = f, g
	}
	return x
}

func (c *coverFace) width(s string) fixed.Int26_6 { return c.each(s, nil) }

// draw sets s with its baseline's left end at (x, y).
func (c *coverFace) draw(dst *image.RGBA, s string, x, y int, col color.RGBA) {
	c.each(s, func(f *sfnt.Font, g sfnt.GlyphIndex, dx fixed.Int26_6) {
		segs, err := f.LoadGlyph(&c.buf, g, c.ppem, nil)
		if err != nil {
			return // a glyph that cannot be drawn is left blank
		}
		fill(dst, outlineEdges(segs, float64(x)+float64(dx)/64, float64(y)), col)
	})
}

// breakUnits splits text into the pieces a line may break between: words,
// and single characters in Chinese and Japanese, which break anywhere.
// Punctuation stays with the piece before it. The bool says whether a
// space precedes the piece.
func breakUnits(text string) (units []string, spaced []bool) {
	for _, word := range strings.Fields(text) {
		first := true
		cur := ""
		flush := func() {
			if cur != "" {
				units = append(units, cur)
				spaced = append(spaced, first)
				first, cur = false, ""
			}
		}
		for _, r := range word {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				flush()
				cur = string(r)
			case unicode.IsPunct(r) && cur == "" && len(units) > 0 && !first:
				units[len(units)-1] += string(r)
			default:
				if cur != "" && hasCJK(cur) && !unicode.IsPunct(r) {
					flush()
				}
				cur += string(r)
			}
		}
		flush()
	}
	return units, spaced
}

// wrap breaks text into lines no wider than width; ok is false when one
// piece alone is wider.
func (c *coverFace) wrap(text string, width int) (lines []string, ok bool) {
	units, spaced := breakUnits(text)
	limit := fixed.I(width)
	ok = true
	line := ""
	for i, u := range units {
		cand := u
		if line != "" {
			if spaced[i] {
				cand = line + " " + u
			} else {
				cand = line + u
			}
		}
		if line != "" && c.width(cand) > limit {
			lines = append(lines, line)
			cand = u
		}
		if c.width(u) > limit {
			ok = false
		}
		line = cand
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, ok
}

// fit sets text in the largest size from max down to min at which it
// takes at most maxLines lines; at min it cuts the text with an ellipsis.
func (cf *coverFonts) fit(name, text string, max, min float64, maxLines, width int) (*coverFace, []string, float64, error) {
	for size := max; ; size *= 0.92 {
		if size < min {
			size = min
		}
		f, err := cf.face(name, size, text+"…")
		if err != nil {
			return nil, nil, 0, err
		}
		lines, ok := f.wrap(text, width)
		if ok && len(lines) <= maxLines {
			return f, lines, size, nil
		}
		if size == min {
			if len(lines) > maxLines {
				lines = lines[:maxLines]
				lines[maxLines-1] = strings.TrimRight(lines[maxLines-1], " ,;:.") + "…"
			}
			return f, lines, size, nil
		}
	}
}

// renderCover draws the cover: section, title, subtitle, byline and
// publisher in the project's fonts, as a JPEG.
func renderCover(c coverText) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, coverWidth, coverHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(coverInk), image.Point{}, draw.Src)
	cf := &coverFonts{parsed: map[string]*sfnt.Font{}}
	width := coverWidth - 2*coverMargin

	y := 300
	if s := strings.TrimSpace(c.Section); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 56, 40, 1, width)
		if err != nil {
			return nil, err
		}
		f.draw(img, lines[0], coverMargin, y, coverAccent)
	}
	rule := image.Rect(coverMargin, y+48, coverMargin+240, y+58)
	draw.Draw(img, rule, image.NewUniform(coverAccent), image.Point{}, draw.Src)

	// Title, then subtitle, fill the space down to the byline.
	top := y + 200
	f, lines, size, err := cf.fit(fonts.SerifBold, c.Title, 150, 72, 6, width)
	if err != nil {
		return nil, err
	}
	lead := int(size * 1.12)
	for i, l := range lines {
		f.draw(img, l, coverMargin, top+int(size*0.9)+i*lead, coverPaper)
	}
	top += len(lines)*lead + 90
	if s := strings.TrimSpace(c.Subtitle); s != "" {
		const subSize = 60
		room := max(1, min(7, (2040-top)/int(subSize*1.3)))
		f, lines, size, err := cf.fit(fonts.SerifItalic, s, subSize, 44, room, width)
		if err != nil {
			return nil, err
		}
		lead := int(size * 1.3)
		for i, l := range lines {
			f.draw(img, l, coverMargin, top+int(size*0.9)+i*lead, coverMuted)
		}
	}

	if s := strings.TrimSpace(c.Byline); s != "" {
		f, lines, size, err := cf.fit(fonts.SansRegular, s, 68, 48, 2, width)
		if err != nil {
			return nil, err
		}
		lead := int(size * 1.25)
		base := 2250 - (len(lines)-1)*lead
		draw.Draw(img, image.Rect(coverMargin, base-int(size)-60, coverWidth-coverMargin, base-int(size)-56), image.NewUniform(coverMuted), image.Point{}, draw.Src)
		for i, l := range lines {
			f.draw(img, l, coverMargin, base+i*lead, coverPaper)
		}
	}
	if s := strings.TrimSpace(c.Publisher); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 46, 34, 1, width)
		if err != nil {
			return nil, err
		}
		f.draw(img, lines[0], coverMargin, 2400, coverAccent)
	}

	var out bytes.Buffer
	if err := jpeg.Encode(&out, img, &jpeg.Options{Quality: 88}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
