package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/jpegenc"
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

// A coverFace is the font.Face the cover sets text in: each character
// comes from the main face or, when the main face lacks it (Chinese,
// Japanese, Korean), from a fallback face.
type coverFace struct {
	main font.Face
	// fallbacks are the faces of fonts.FallbackChain the text needs, by
	// name; empty when the main face sets it all.
	fallbacks map[string]font.Face
}

// A coverFonts parses each font file once per cover; faces at each size
// share the parsed font.
type coverFonts struct {
	parsed map[string]*opentype.Font
}

func (cf *coverFonts) load(name string) (*opentype.Font, error) {
	if f, ok := cf.parsed[name]; ok {
		return f, nil
	}
	data, err := fonts.Bytes(name)
	if err != nil {
		return nil, err
	}
	f, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	cf.parsed[name] = f
	return f, nil
}

// newFace returns the named font at size px (at 72 dpi a point is a
// pixel), unhinted: hinting would distort glyphs this large.
func (cf *coverFonts) newFace(name string, size float64) (font.Face, error) {
	f, err := cf.load(name)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font %s at %.0f px: %w", name, size, err)
	}
	return face, nil
}

// face returns name at size px, with the fallback faces the text needs and
// only those: a fallback file is 4 MB to parse.
func (cf *coverFonts) face(name string, size float64, text string) (*coverFace, error) {
	main, err := cf.newFace(name, size)
	if err != nil {
		return nil, err
	}
	c := &coverFace{main: main, fallbacks: map[string]font.Face{}}
	for _, r := range text {
		if _, ok := main.GlyphAdvance(r); ok || unicode.IsSpace(r) {
			continue
		}
		for _, fb := range fonts.FallbackChain(r) {
			f := c.fallbacks[fb]
			if f == nil {
				if f, err = cf.newFace(fb, size); err != nil {
					return nil, err
				}
				c.fallbacks[fb] = f
			}
			if _, ok := f.GlyphAdvance(r); ok {
				break
			}
		}
	}
	return c, nil
}

// pick returns the face that sets r: the main face, else the first
// fallback in the chain that has it, else the main face, which draws its
// .notdef box.
func (c *coverFace) pick(r rune) font.Face {
	if _, ok := c.main.GlyphAdvance(r); ok || len(c.fallbacks) == 0 {
		return c.main
	}
	for _, fb := range fonts.FallbackChain(r) {
		if f := c.fallbacks[fb]; f != nil {
			if _, ok := f.GlyphAdvance(r); ok {
				return f
			}
		}
	}
	return c.main
}

// Close implements font.Face.
func (c *coverFace) Close() error {
	for _, f := range c.fallbacks {
		f.Close()
	}
	return c.main.Close()
}

// Glyph implements font.Face.
func (c *coverFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return c.pick(r).Glyph(dot, r)
}

// GlyphBounds implements font.Face.
func (c *coverFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return c.pick(r).GlyphBounds(r)
}

// GlyphAdvance implements font.Face.
func (c *coverFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	return c.pick(r).GlyphAdvance(r)
}

// Kern implements font.Face: a pair kerns only within one face.
func (c *coverFace) Kern(r0, r1 rune) fixed.Int26_6 {
	if f := c.pick(r0); f == c.pick(r1) {
		return f.Kern(r0, r1)
	}
	return 0
}

// Metrics implements font.Face with the main face's metrics.
func (c *coverFace) Metrics() font.Metrics { return c.main.Metrics() }

func (c *coverFace) width(s string) fixed.Int26_6 { return font.MeasureString(c, s) }

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
	cv := newCoverCanvas()
	cf := &coverFonts{parsed: map[string]*opentype.Font{}}
	width := coverWidth - 2*coverMargin

	y := 300
	if s := strings.TrimSpace(c.Section); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 56, 40, 1, width)
		if err != nil {
			return nil, err
		}
		cv.text(f, lines, coverMargin, y, 0, coverAccent)
	}
	cv.fill(image.Rect(coverMargin, y+48, coverMargin+240, y+58), coverAccent)

	// Title, then subtitle, fill the space down to the byline.
	top := y + 200
	f, lines, size, err := cf.fit(fonts.SerifBold, c.Title, 150, 72, 6, width)
	if err != nil {
		return nil, err
	}
	lead := int(size * 1.12)
	cv.text(f, lines, coverMargin, top+int(size*0.9), lead, coverPaper)
	top += len(lines)*lead + 90
	if s := strings.TrimSpace(c.Subtitle); s != "" {
		const subSize = 60
		room := max(1, min(7, (2040-top)/int(subSize*1.3)))
		f, lines, size, err := cf.fit(fonts.SerifItalic, s, subSize, 44, room, width)
		if err != nil {
			return nil, err
		}
		cv.text(f, lines, coverMargin, top+int(size*0.9), int(size*1.3), coverMuted)
	}

	if s := strings.TrimSpace(c.Byline); s != "" {
		f, lines, size, err := cf.fit(fonts.SansRegular, s, 68, 48, 2, width)
		if err != nil {
			return nil, err
		}
		lead := int(size * 1.25)
		base := 2250 - (len(lines)-1)*lead
		cv.fill(image.Rect(coverMargin, base-int(size)-60, coverWidth-coverMargin, base-int(size)-56), coverMuted)
		cv.text(f, lines, coverMargin, base, lead, coverPaper)
	}
	if s := strings.TrimSpace(c.Publisher); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 46, 34, 1, width)
		if err != nil {
			return nil, err
		}
		cv.text(f, lines, coverMargin, 2400, 0, coverAccent)
	}
	return cv.encode()
}

// A coverCanvas is the cover as a paletted image: the background, and each
// colour drawn on it at coverLevels degrees of coverage, which is all that
// flat colour and anti-aliased text need; a new image is all background,
// with nothing to fill.
type coverCanvas struct {
	img     *image.Paletted
	colours []color.RGBA // drawn on the background, in palette order
	scratch image.RGBA   // coverage of the text block being drawn
}

// coverLevels is how many degrees of coverage each colour has: three
// colours of 85 fill the palette, and a step of 1/85 of the way from the
// background to a colour is under 3 of 255 in any channel.
const coverLevels = 85

func newCoverCanvas() *coverCanvas {
	cv := &coverCanvas{colours: []color.RGBA{coverPaper, coverMuted, coverAccent}}
	pal := color.Palette{coverInk} // index 0, so a new image is all background
	for _, c := range cv.colours {
		for l := 1; l <= coverLevels; l++ {
			mix := func(bg, fg uint8) uint8 {
				return uint8((int(bg)*(coverLevels-l) + int(fg)*l + coverLevels/2) / coverLevels)
			}
			pal = append(pal, color.RGBA{mix(coverInk.R, c.R), mix(coverInk.G, c.G), mix(coverInk.B, c.B), 0xff})
		}
	}
	cv.img = image.NewPaletted(image.Rect(0, 0, coverWidth, coverHeight), pal)
	return cv
}

// index returns the palette index of col at coverage level l (0 is the
// background, coverLevels is col itself).
func (cv *coverCanvas) index(col color.RGBA, l int) uint8 {
	if l == 0 {
		return 0
	}
	k := slices.Index(cv.colours, col)
	if k < 0 {
		panic(fmt.Sprintf("epub: cover colour %v has no palette entries", col))
	}
	return uint8(1 + k*coverLevels + l - 1)
}

// fill paints r in col.
func (cv *coverCanvas) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(cv.img, r, image.NewUniform(cv.img.Palette[cv.index(col, coverLevels)]), image.Point{}, draw.Src)
}

// text sets lines in col, the first with its baseline's left end at (x, y)
// and each next one lead pixels lower. The lines are drawn together, as
// coverage, into an RGBA scratch image where font.Drawer has its fast path
// and where lines that touch (a descender on an accent) add up as they
// should; the coverage then becomes palette indices.
func (cv *coverCanvas) text(f *coverFace, lines []string, x, y, lead int, col color.RGBA) {
	var r image.Rectangle
	for i, l := range lines {
		b, _ := font.BoundString(f, l)
		dot := fixed.P(x, y+i*lead)
		r = r.Union(image.Rect(
			(b.Min.X + dot.X).Floor(), (b.Min.Y + dot.Y).Floor(),
			(b.Max.X + dot.X).Ceil(), (b.Max.Y + dot.Y).Ceil()))
	}
	// A margin, as the outline's own bounds can reach past the font's.
	r = r.Inset(-2).Intersect(cv.img.Rect)
	if r.Empty() {
		return
	}
	s := &cv.scratch
	n := 4 * r.Dx() * r.Dy()
	if cap(s.Pix) < n {
		s.Pix = make([]uint8, n)
	} else {
		s.Pix = s.Pix[:n]
		clear(s.Pix)
	}
	s.Stride, s.Rect = 4*r.Dx(), r
	for i, l := range lines {
		d := font.Drawer{Dst: s, Src: image.White, Face: f, Dot: fixed.P(x, y+i*lead)}
		d.DrawString(l)
	}
	// White over transparent leaves the coverage in every channel.
	base := cv.index(col, 1) - 1
	for py := r.Min.Y; py < r.Max.Y; py++ {
		src := s.Pix[s.PixOffset(r.Min.X, py):][:4*r.Dx()]
		dst := cv.img.Pix[cv.img.PixOffset(r.Min.X, py):][:r.Dx()]
		for i := range dst {
			if l := (int(src[4*i])*coverLevels + 127) / 255; l != 0 {
				dst[i] = base + uint8(l)
			}
		}
	}
}

// encode returns the cover as a JPEG, the format the issue names and the
// one every reader and Kindle conversion takes for a cover. The paletted
// canvas converts to 4:2:0 YCbCr through its palette, once per colour, for
// jpegenc, which codes the flat ground without a DCT.
func (cv *coverCanvas) encode() ([]byte, error) {
	type ycc struct{ y, cb, cr uint8 }
	lut := make([]ycc, len(cv.img.Palette))
	for i, c := range cv.img.Palette {
		r, g, b, _ := c.RGBA()
		y, cb, cr := color.RGBToYCbCr(uint8(r>>8), uint8(g>>8), uint8(b>>8))
		lut[i] = ycc{y, cb, cr}
	}
	bounds := cv.img.Bounds()
	out := image.NewYCbCr(bounds, image.YCbCrSubsampleRatio420)
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		row := cv.img.Pix[cv.img.PixOffset(bounds.Min.X, y):][:bounds.Dx()]
		luma := out.Y[out.YOffset(bounds.Min.X, y):][:bounds.Dx()]
		for x, p := range row {
			luma[x] = lut[p].y
		}
		if y&1 == 0 {
			// Chroma from the top-left pixel of each 2x2 block: the
			// cover's colours are flat, and text edges are luma.
			co := out.COffset(bounds.Min.X, y)
			for x := 0; x < bounds.Dx(); x += 2 {
				c := lut[row[x]]
				out.Cb[co+x/2], out.Cr[co+x/2] = c.cb, c.cr
			}
		}
	}
	var buf bytes.Buffer
	if err := jpegenc.Encode(&buf, out, 90); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}
