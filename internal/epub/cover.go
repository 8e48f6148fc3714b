package epub

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/jpegenc"
	"github.com/pressroom/publish/internal/shape"
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
	name string // the main face's, which picks the fallbacks' style
	cf   *CoverFonts
	size float64 // in px
	// fallbacks are the faces of fonts.FallbackChain the text needs, by
	// name; empty when the main face sets it all.
	fallbacks map[string]font.Face
	// runes and kerns remember, per character and pair, what the faces
	// said: fitting a title measures the same words many times, and
	// each answer costs a cmap and hmtx or GPOS look-up.
	runes map[rune]coverRune
	kerns map[[2]rune]fixed.Int26_6
}

// A coverRune is the face that sets a character, its advance there, and
// the bounds of its glyph about the dot once text has asked for them.
type coverRune struct {
	face   font.Face
	adv    fixed.Int26_6
	ok     bool
	bounds *fixed.Rectangle26_6
}

// CoverFonts holds the fonts generated covers are set in, each parsed
// once, on first use. It is safe for concurrent use, so one serves every
// book a program makes: a parse costs more than drawing a cover.
type CoverFonts struct {
	mu     sync.Mutex
	parsed map[string]*opentype.Font
	// shapes shapes the lines that need it (coverscript.go).
	shapes *shape.Fonts
}

// NewCoverFonts returns an empty CoverFonts that shapes lines with the
// faces of shapes, the layout's, so that a face both use is read for
// shaping once; nil gives it faces of its own.
func NewCoverFonts(shapes *shape.Fonts) *CoverFonts {
	if shapes == nil {
		shapes = shape.NewFonts()
	}
	return &CoverFonts{parsed: map[string]*opentype.Font{}, shapes: shapes}
}

// load returns the named font, parsed. A parsed font is safe to share:
// each face made from it has buffers of its own.
func (cf *CoverFonts) load(name string) (*opentype.Font, error) {
	cf.mu.Lock()
	defer cf.mu.Unlock()
	if f, ok := cf.parsed[name]; ok {
		return f, nil
	}
	data, err := fonts.View(name) // parsed in place, never written
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
func (cf *CoverFonts) newFace(name string, size float64) (font.Face, error) {
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
func (cf *CoverFonts) face(name string, size float64, text string) (*coverFace, error) {
	main, err := cf.newFace(name, size)
	if err != nil {
		return nil, err
	}
	c := &coverFace{main: main, name: name, cf: cf, size: size, fallbacks: map[string]font.Face{},
		runes: map[rune]coverRune{}, kerns: map[[2]rune]fixed.Int26_6{}}
	for _, r := range text {
		if _, ok := main.GlyphAdvance(r); ok || unicode.IsSpace(r) {
			continue
		}
		for _, fb := range fonts.FallbackChain(r, name) {
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

// lookup returns the face that sets r, and r's advance in it: the main
// face, else the first fallback in the chain that has it, else the main
// face, which draws its .notdef box.
func (c *coverFace) lookup(r rune) coverRune {
	if cr, ok := c.runes[r]; ok {
		return cr
	}
	cr := coverRune{face: c.main}
	if cr.adv, cr.ok = c.main.GlyphAdvance(r); !cr.ok && len(c.fallbacks) != 0 {
	chain:
		for _, fb := range fonts.FallbackChain(r, c.name) {
			if f := c.fallbacks[fb]; f != nil {
				if adv, ok := f.GlyphAdvance(r); ok {
					cr = coverRune{face: f, adv: adv, ok: ok}
					break chain
				}
			}
		}
	}
	c.runes[r] = cr
	return cr
}

// pick returns the face that sets r.
func (c *coverFace) pick(r rune) font.Face { return c.lookup(r).face }

// bounds returns the bounds of r's glyph about its dot: those of the
// outline, as the face's Glyph rasterises it (and, unlike GlyphBounds's
// ok, whether or not the glyph is .notdef).
func (c *coverFace) bounds(r rune) fixed.Rectangle26_6 {
	cr := c.lookup(r)
	if cr.bounds == nil {
		b, _, _ := cr.face.GlyphBounds(r)
		cr.bounds = &b
		c.runes[r] = cr
	}
	return *cr.bounds
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
	cr := c.lookup(r)
	return cr.adv, cr.ok
}

// Kern implements font.Face: a pair kerns only within one face.
func (c *coverFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	if v, ok := c.kerns[k]; ok {
		return v
	}
	var v fixed.Int26_6
	if f := c.pick(r0); f == c.pick(r1) {
		v = f.Kern(r0, r1)
	}
	c.kerns[k] = v
	return v
}

// Metrics implements font.Face with the main face's metrics.
func (c *coverFace) Metrics() font.Metrics { return c.main.Metrics() }

// width is font.MeasureString(c, s), from the remembered advances.
func (c *coverFace) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += c.Kern(prev, r)
		}
		w += c.lookup(r).adv
		prev = r
	}
	return w
}

// shapedWidth returns the width of s set by the shaper.
func (c *coverFace) shapedWidth(s string) fixed.Int26_6 {
	sl, err := c.shapeLine(s)
	if err != nil {
		return c.width(s)
	}
	return sl.width
}

// join returns how much setting b after a, with a space between if
// spaced, adds to the width of a and b apart: the kerning across the
// join and the space. MeasureString sums advances and kerns in order, so
// width(a+" "+b) is width(a) + join + width(b) exactly.
func (c *coverFace) join(a, b string, spaced bool) fixed.Int26_6 {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if !spaced {
		return c.Kern(last, first)
	}
	return c.Kern(last, ' ') + c.lookup(' ').adv + c.Kern(' ', first)
}

// breakUnits splits text into the pieces a line may break between: words,
// and single characters in Chinese and Japanese, which break anywhere.
// Punctuation stays with the piece before it. The bool says whether a
// space precedes the piece.
func breakUnits(text string) (units []string, spaced []bool) {
	for _, word := range strings.Fields(text) {
		first := true
		start, cjk := -1, false // the piece so far is word[start:], holding CJK or not
		flush := func(end int) {
			if start >= 0 {
				units = append(units, word[start:end])
				spaced = append(spaced, first)
				first = false
			}
			start, cjk = -1, false
		}
		for i, r := range word {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				flush(i)
				start, cjk = i, true
			case unicode.IsPunct(r) && start < 0 && len(units) > 0 && !first:
				units[len(units)-1] += string(r)
			default:
				if start >= 0 && cjk && !unicode.IsPunct(r) {
					flush(i)
				}
				if start < 0 {
					start = i
				}
				cjk = cjk || unicode.Is(unicode.Hangul, r)
			}
		}
		flush(len(word))
	}
	return units, spaced
}

// wrap breaks text into lines no wider than width; ok is false when one
// piece alone is wider. A line's width grows by each piece and its join,
// so that no line is measured again from its start.
func (c *coverFace) wrap(text string, width int) (lines []string, ok bool) {
	units, spaced := breakUnits(text)
	limit := fixed.I(width)
	ok = true
	line, lineW := "", fixed.Int26_6(0)
	shaped := needsShaping(text)
	for i, u := range units {
		uw := c.width(u)
		if shaped {
			uw = c.shapedWidth(u)
		}
		cand, candW := u, uw
		if line != "" {
			candW = lineW + c.join(line, u, spaced[i]) + uw
			if spaced[i] {
				cand = line + " " + u
			} else {
				cand = line + u
			}
		}
		if line != "" && candW > limit {
			lines = append(lines, line)
			cand, candW = u, uw
		}
		if uw > limit {
			ok = false
		}
		line, lineW = cand, candW
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, ok
}

// fit sets text in the largest size from max down to min at which it
// takes at most maxLines lines; at min it cuts the text with an ellipsis.
func (cf *CoverFonts) fit(name, text string, max, min float64, maxLines, width int) (*coverFace, []string, float64, error) {
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
func renderCover(c coverText, cf *CoverFonts) ([]byte, error) {
	cv := newCoverCanvas()
	if err := layoutCover(c, cf, cv); err != nil {
		return nil, err
	}
	return cv.encode()
}

// A coverPainter draws what layoutCover places: a coverCanvas, or in
// tests a plain image to compare the canvas with.
type coverPainter interface {
	// fill paints r in col.
	fill(r image.Rectangle, col color.RGBA)
	// text sets lines in f and col, the first with its baseline's left
	// end at (x, y) and each next one lead pixels lower.
	text(f *coverFace, lines []string, x, y, lead int, col color.RGBA)
}

// layoutCover fits the cover's text to the page and paints it on cv, over
// a background of coverInk.
func layoutCover(c coverText, cf *CoverFonts, cv coverPainter) error {
	width := coverWidth - 2*coverMargin

	y := 300
	if s := strings.TrimSpace(c.Section); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 56, 40, 1, width)
		if err != nil {
			return err
		}
		cv.text(f, lines, coverMargin, y, 0, coverAccent)
	}
	if first, _ := shape.Scan(c.Title); first == shape.RightToLeft {
		// Mirrored, over a title that reads from the right.
		cv.fill(image.Rect(coverWidth-coverMargin-240, y+48, coverWidth-coverMargin, y+58), coverAccent)
	} else {
		cv.fill(image.Rect(coverMargin, y+48, coverMargin+240, y+58), coverAccent)
	}

	// Title, then subtitle, fill the space down to the byline.
	top := y + 200
	f, lines, size, err := cf.fit(fonts.SerifBold, c.Title, 150, 72, 6, width)
	if err != nil {
		return err
	}
	lead := int(size * 1.12)
	cv.text(f, lines, coverMargin, top+int(size*0.9), lead, coverPaper)
	top += len(lines)*lead + 90
	if s := strings.TrimSpace(c.Subtitle); s != "" {
		const subSize = 60
		room := max(1, min(7, (2040-top)/int(subSize*1.3)))
		f, lines, size, err := cf.fit(fonts.SerifItalic, s, subSize, 44, room, width)
		if err != nil {
			return err
		}
		cv.text(f, lines, coverMargin, top+int(size*0.9), int(size*1.3), coverMuted)
	}

	if s := strings.TrimSpace(c.Byline); s != "" {
		f, lines, size, err := cf.fit(fonts.SansRegular, s, 68, 48, 2, width)
		if err != nil {
			return err
		}
		lead := int(size * 1.25)
		base := 2250 - (len(lines)-1)*lead
		cv.fill(image.Rect(coverMargin, base-int(size)-60, coverWidth-coverMargin, base-int(size)-56), coverMuted)
		cv.text(f, lines, coverMargin, base, lead, coverPaper)
	}
	if s := strings.TrimSpace(c.Publisher); s != "" {
		f, lines, _, err := cf.fit(fonts.SansBold, strings.ToUpper(s), 46, 34, 1, width)
		if err != nil {
			return err
		}
		cv.text(f, lines, coverMargin, 2400, 0, coverAccent)
	}
	return nil
}

// A coverCanvas is the cover as layers over the background, in the order
// drawn: flat rules, and blocks of text, each the coverage of its glyphs
// in a rectangle just large enough for them. Nearly all the cover is
// background, so nothing is kept, filled or converted for it; the layers
// become JPEG samples one MCU at a time as jpegenc asks for them.
type coverCanvas struct {
	rect    image.Rectangle // at (0, 0), so that MCUs fall on 16x16 tiles of it
	layers  []coverLayer
	colours []color.RGBA  // drawn on the background; a layer's colour k is colours[k-1]
	placed  []placedGlyph // text's scratch
}

// A coverLayer paints colour col over r in proportion to its coverage,
// 0–255 per pixel row by row; a nil cov covers r fully. Where its
// coverage is not 0 it replaces what is under it, as the paletted canvas
// before it did: a cover's blocks do not overlap, so nothing finer is
// needed.
type coverLayer struct {
	r   image.Rectangle
	col uint16 // k<<8 for colours[k-1]: a pixel of coverage a is colour col|a
	cov []uint8
	// inked marks the 16x16 tiles of the canvas (MCUs) that some glyph's
	// box reaches, row by row over those r reaches, tx0 the first's
	// column: the rest of r, between words and lines, has no ink to look
	// for.
	inked   []bool
	tx0, tw int
}

// mayInk reports whether the MCU at (x, y) is among l's inked tiles.
func (l *coverLayer) mayInk(x, y int) bool {
	if l.inked == nil {
		return true
	}
	return l.inked[(y/16-l.r.Min.Y/16)*l.tw+x/16-l.tx0]
}

// A placedGlyph is a glyph of a text block, and its dot: a character's
// in face, or a shaped glyph, by number, of sf.
type placedGlyph struct {
	face font.Face
	r    rune
	dot  fixed.Point26_6
	sf   *sfnt.Font
	id   sfnt.GlyphIndex
}

func newCoverCanvas() *coverCanvas {
	return &coverCanvas{
		rect:    image.Rect(0, 0, coverWidth, coverHeight),
		colours: []color.RGBA{coverPaper, coverMuted, coverAccent},
	}
}

// colour returns the layer colour of col, giving it a number on first use.
func (cv *coverCanvas) colour(col color.RGBA) uint16 {
	k := slices.Index(cv.colours, col)
	if k < 0 {
		if len(cv.colours) == 255 {
			panic("epub: more than 255 cover colours")
		}
		k = len(cv.colours)
		cv.colours = append(cv.colours, col)
	}
	return uint16(k+1) << 8
}

// fill paints r in col.
func (cv *coverCanvas) fill(r image.Rectangle, col color.RGBA) {
	if r = r.Intersect(cv.rect); !r.Empty() {
		cv.layers = append(cv.layers, coverLayer{r: r, col: cv.colour(col)})
	}
}

// text sets lines in col, the first with its baseline's left end at (x, y)
// and each next one lead pixels lower, placing and rasterising glyphs as
// font.Drawer does. The lines' glyphs are composited together, as
// coverage, the way font.Drawer draws white over transparent RGBA, so
// that lines that touch (a descender on an accent) add up as they should.
// Each glyph is rasterised at its dot's exact fraction of a pixel, as
// font.Drawer does, so no mask is kept for reuse: the same letter seldom
// falls at the same fraction twice (3 times in the seed's 143 glyphs).
// The outlines' bounds, which the face gives without rasterising, place
// the glyphs first, so that the block's coverage is made to size and each
// glyph is drawn straight into it.
func (cv *coverCanvas) text(f *coverFace, lines []string, x, y, lead int, col color.RGBA) {
	placed := cv.placed[:0]
	var r image.Rectangle
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(f.size * 64)
	for i, l := range lines {
		dot := fixed.P(x, y+i*lead)
		if needsShaping(l) {
			if sl, err := f.shapeLine(l); err == nil {
				if sl.rtl {
					// From the right margin, the canvas's margins being
					// equal.
					dot.X = fixed.I(coverWidth-x) - sl.width
				}
				for _, g := range sl.glyphs {
					gd := dot.Add(g.dot)
					dr, _ := glyphRect(g.font, &buf, g.id, ppem, gd)
					if !dr.Empty() {
						placed = append(placed, placedGlyph{dot: gd, sf: g.font, id: g.id})
						r = r.Union(dr)
					}
				}
				continue
			}
		}
		prev := rune(-1)
		for _, c := range l {
			if prev >= 0 {
				dot.X += f.Kern(prev, c)
			}
			b := f.bounds(c)
			dr := image.Rect((b.Min.X + dot.X).Floor(), (b.Min.Y + dot.Y).Floor(),
				(b.Max.X + dot.X).Ceil(), (b.Max.Y + dot.Y).Ceil())
			if !dr.Empty() {
				placed = append(placed, placedGlyph{face: f.pick(c), r: c, dot: dot})
				r = r.Union(dr)
			}
			dot.X += f.lookup(c).adv
			prev = c
		}
	}
	cv.placed = placed
	if r = r.Intersect(cv.rect); r.Empty() {
		return
	}
	l := coverLayer{r: r, col: cv.colour(col), cov: make([]uint8, r.Dx()*r.Dy())}
	l.tx0, l.tw = r.Min.X/16, (r.Max.X-1)/16-r.Min.X/16+1
	l.inked = make([]bool, l.tw*((r.Max.Y-1)/16-r.Min.Y/16+1))
	for _, p := range placed {
		var dr image.Rectangle
		var mask image.Image
		var mp image.Point
		if p.sf != nil {
			var a *image.Alpha
			if dr, a = rasterize(p.sf, &buf, p.id, ppem, p.dot); a == nil {
				continue
			}
			mask = a
		} else {
			dr, mask, mp, _, _ = p.face.Glyph(p.dot, p.r)
		}
		gr := dr.Intersect(r)
		if gr.Empty() {
			continue
		}
		for ty := gr.Min.Y / 16; ty <= (gr.Max.Y-1)/16; ty++ {
			row := l.inked[(ty-r.Min.Y/16)*l.tw:]
			for tx := gr.Min.X / 16; tx <= (gr.Max.X-1)/16; tx++ {
				row[tx-l.tx0] = true
			}
		}
		a, ok := mask.(*image.Alpha)
		if !ok {
			a = image.NewAlpha(dr)
			draw.Draw(a, dr, mask, mp, draw.Src)
			mp = dr.Min
		}
		for py := gr.Min.Y; py < gr.Max.Y; py++ {
			src := a.Pix[a.PixOffset(mp.X+gr.Min.X-dr.Min.X, mp.Y+py-dr.Min.Y):][:gr.Dx()]
			over(l.cov[(py-r.Min.Y)*r.Dx()+gr.Min.X-r.Min.X:][:gr.Dx()], src)
		}
	}
	cv.layers = append(cv.layers, l)
}

// over composites coverage src over dst as image/draw's drawGlyphOver
// draws a white mask over RGBA, to the same byte. A row with nothing under
// it yet, as most are, is copied; otherwise runs of 8 pixels with no ink,
// or nothing under them, go at once.
func over(dst, src []uint8) {
	var under uint64
	d := dst
	for ; len(d) >= 8; d = d[8:] {
		under |= binary.LittleEndian.Uint64(d)
	}
	for _, b := range d {
		under |= uint64(b)
	}
	if under == 0 {
		copy(dst, src)
		return
	}
	for len(src) >= 8 && len(dst) >= 8 {
		if s := binary.LittleEndian.Uint64(src); s != 0 {
			if binary.LittleEndian.Uint64(dst) == 0 {
				binary.LittleEndian.PutUint64(dst, s)
			} else {
				overBytes(dst[:8], src[:8])
			}
		}
		src, dst = src[8:], dst[8:]
	}
	overBytes(dst, src)
}

func overBytes(dst, src []uint8) {
	for i, m := range src[:len(dst)] {
		switch d := dst[i]; {
		case m == 0:
		case d == 0:
			dst[i] = m
		default:
			ma := uint32(m) * 0x101
			a := (0xffff - ma) * 0x101
			dst[i] = uint8((uint32(d)*a/0xffff + ma) >> 8)
		}
	}
}

// rgba returns layer colour c at coverage a (c|a as in coverLayer) over
// the background, mixed as font.Drawer mixes a colour over it, to within
// rounding.
func (cv *coverCanvas) rgba(ca uint16) color.RGBA {
	k, a := int(ca>>8), int(ca&0xff)
	if k == 0 || a == 0 {
		return coverInk
	}
	fg := cv.colours[k-1]
	mix := func(bg, fg uint8) uint8 { return uint8((int(bg)*(255-a) + int(fg)*a + 127) / 255) }
	return color.RGBA{mix(coverInk.R, fg.R), mix(coverInk.G, fg.G), mix(coverInk.B, fg.B), 0xff}
}

// ColorModel implements image.Image, so that a test can look at the
// canvas before it is a JPEG.
func (cv *coverCanvas) ColorModel() color.Model { return color.RGBAModel }

// Bounds implements image.Image.
func (cv *coverCanvas) Bounds() image.Rectangle { return cv.rect }

// At implements image.Image: the colour of the last layer with ink at
// (x, y), as a color.RGBA.
func (cv *coverCanvas) At(x, y int) color.Color {
	p := image.Pt(x, y)
	var ca uint16
	for _, l := range cv.layers {
		if !p.In(l.r) {
			continue
		}
		a := uint8(0xff)
		if l.cov != nil {
			a = l.cov[(y-l.r.Min.Y)*l.r.Dx()+x-l.r.Min.X]
		}
		if a != 0 {
			ca = l.col | uint16(a)
		}
	}
	return cv.rgba(ca)
}

// encode returns the cover as a JPEG, the format the issue names and the
// one every reader and Kindle conversion takes for a cover.
func (cv *coverCanvas) encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(256 << 10) // most covers fit: one allocation, not a doubling series
	if err := jpegenc.EncodeSource(&buf, newCoverSource(cv), 90); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}

// A coverSource gives jpegenc a coverCanvas's samples. An MCU that no
// layer inks is the background, reported flat without a look at its
// pixels; one that layers ink is composed from their coverage through
// tables of each colour at each coverage in YCbCr.
type coverSource struct {
	cv *coverCanvas
	// rows lists, per MCU row, the layers that reach into it.
	rows [][]int
	// y, cb and cr are the samples of colour c|a at index c|a; index 0
	// (and every a of colour 0) is the background.
	y, cb, cr []uint8
	// cb4 and cr4 are the chroma of colour k at the mean of four
	// coverages, indexed by k<<10 | their sum: a 2x2 square of one
	// layer's pixels in one look-up.
	cb4, cr4 []uint8
}

func newCoverSource(cv *coverCanvas) *coverSource {
	n := (len(cv.colours) + 1) << 8
	s := &coverSource{cv: cv, rows: make([][]int, (cv.rect.Dy()+15)/16),
		y: make([]uint8, n), cb: make([]uint8, n), cr: make([]uint8, n),
		cb4: make([]uint8, n<<2), cr4: make([]uint8, n<<2)}
	for i := range n {
		c := cv.rgba(uint16(i))
		s.y[i], s.cb[i], s.cr[i] = color.RGBToYCbCr(c.R, c.G, c.B)
	}
	for k := range len(cv.colours) + 1 {
		for sum := range 1021 {
			// A square's chroma is the mean of its pixels', as image/jpeg
			// takes it; chroma is linear in coverage but for rounding, so
			// the sum spread evenly over four pixels stands for any four
			// with that sum, to within 1.
			var cb, cr int
			for _, a := range [4]int{sum / 4, (sum + 1) / 4, (sum + 2) / 4, (sum + 3) / 4} {
				cb += int(s.cb[k<<8|a])
				cr += int(s.cr[k<<8|a])
			}
			s.cb4[k<<10|sum], s.cr4[k<<10|sum] = uint8((cb+2)>>2), uint8((cr+2)>>2)
		}
	}
	for i, l := range cv.layers {
		for my := l.r.Min.Y / 16; my <= (l.r.Max.Y-1)/16; my++ {
			s.rows[my] = append(s.rows[my], i)
		}
	}
	return s
}

// Size implements jpegenc.Source.
func (s *coverSource) Size() image.Point { return s.cv.rect.Size() }

// MCU implements jpegenc.Source. Chroma is the mean of each 2x2 square's,
// as image/jpeg takes it.
func (s *coverSource) MCU(x, y int, m *jpegenc.MCU) bool {
	mr := image.Rect(x, y, x+16, y+16)
	// Find the layers with ink here. One that covers the MCU fully
	// hides those before it; the rest are painted in order.
	var ground uint16 // what is under the painted layers
	from := 0         // the painted layers are among rows[my][from:]
	painted, only := 0, -1
	row := s.rows[y/16]
	for i, li := range row {
		l := &s.cv.layers[li]
		ir := l.r.Intersect(mr)
		if ir.Empty() || !l.mayInk(mr.Min.X, mr.Min.Y) {
			continue
		}
		some, all := true, true
		if l.cov != nil {
			some, all = l.coverage(ir)
		}
		switch {
		case !some:
			continue
		case all && ir == mr:
			ground, from, painted = l.col|0xff, i+1, 0
			continue
		}
		painted++
		only = li
	}
	if painted == 0 {
		m.Y[0], m.Cb[0], m.Cr[0] = s.y[ground], s.cb[ground], s.cr[ground]
		return true
	}
	if l := &s.cv.layers[only]; painted == 1 && ground == 0 && l.cov != nil {
		s.paintOne(l, mr, m)
	} else {
		s.paint(row[from:], ground, mr, m)
	}
	return false
}

// paintOne fills m with layer l alone on the background, the usual case:
// its coverage indexes its colour's tables straight, 0 being the
// background, and each 2x2 square's sum its chroma.
func (s *coverSource) paintOne(l *coverLayer, mr image.Rectangle, m *jpegenc.MCU) {
	// The MCU's coverage, as 32 words of 8 pixels, 2 a row: fixed
	// indices from here on, and 8 pixels at a time where they agree.
	var cov [32]uint64
	ir := l.r.Intersect(mr)
	stride := l.r.Dx()
	if ir == mr {
		off := (mr.Min.Y-l.r.Min.Y)*stride + mr.Min.X - l.r.Min.X
		for j := 0; j < 32; j += 2 {
			row := l.cov[off : off+16]
			cov[j], cov[j+1] = binary.LittleEndian.Uint64(row), binary.LittleEndian.Uint64(row[8:])
			off += stride
		}
	} else {
		var part [256]uint8
		for py := ir.Min.Y; py < ir.Max.Y; py++ {
			copy(part[(py-mr.Min.Y)*16+ir.Min.X-mr.Min.X:][:ir.Dx()], l.cov[(py-l.r.Min.Y)*stride+ir.Min.X-l.r.Min.X:])
		}
		for j := range cov {
			cov[j] = binary.LittleEndian.Uint64(part[8*j:])
		}
	}
	k := int(l.col)
	ty := (*[256]uint8)(s.y[k:])
	none, full := uint64(ty[0])*0x0101010101010101, uint64(ty[255])*0x0101010101010101
	for j, a := range cov {
		switch a {
		case 0: // no ink, as often even where a glyph's edge passes
			binary.LittleEndian.PutUint64(m.Y[8*j:], none)
		case ^uint64(0):
			binary.LittleEndian.PutUint64(m.Y[8*j:], full)
		default: // written out: constant shifts
			binary.LittleEndian.PutUint64(m.Y[8*j:], uint64(ty[uint8(a)])|uint64(ty[uint8(a>>8)])<<8|
				uint64(ty[uint8(a>>16)])<<16|uint64(ty[uint8(a>>24)])<<24|
				uint64(ty[uint8(a>>32)])<<32|uint64(ty[uint8(a>>40)])<<40|
				uint64(ty[uint8(a>>48)])<<48|uint64(ty[uint8(a>>56)])<<56)
		}
	}
	// Each 2x2 square's sum, four at a time in 16-bit lanes.
	const lanes = 0x00ff00ff00ff00ff
	tcb, tcr := (*[1024]uint8)(s.cb4[k<<2:]), (*[1024]uint8)(s.cr4[k<<2:])
	for j := 0; j < 32; j += 4 {
		for h := range 2 {
			a, b := cov[j+h], cov[j+2+h]
			sums := a&lanes + a>>8&lanes + b&lanes + b>>8&lanes
			s0, s1, s2, s3 := sums&1023, sums>>16&1023, sums>>32&1023, sums>>48&1023
			cb := uint32(tcb[s0]) | uint32(tcb[s1])<<8 | uint32(tcb[s2])<<16 | uint32(tcb[s3])<<24
			cr := uint32(tcr[s0]) | uint32(tcr[s1])<<8 | uint32(tcr[s2])<<16 | uint32(tcr[s3])<<24
			o := 2*j + 4*h
			binary.LittleEndian.PutUint32(m.Cb[o:], cb)
			binary.LittleEndian.PutUint32(m.Cr[o:], cr)
		}
	}
}

// paint fills m with the layers of list, in order, over ground.
func (s *coverSource) paint(list []int, ground uint16, mr image.Rectangle, m *jpegenc.MCU) {
	var ca [256]uint16 // colour and coverage of each pixel
	for i := range ca {
		ca[i] = ground
	}
	for _, li := range list {
		l := &s.cv.layers[li]
		ir := l.r.Intersect(mr)
		for py := ir.Min.Y; py < ir.Max.Y; py++ {
			dst := ca[(py-mr.Min.Y)*16+ir.Min.X-mr.Min.X:][:ir.Dx()]
			if l.cov == nil {
				for i := range dst {
					dst[i] = l.col | 0xff
				}
				continue
			}
			for i, a := range l.cov[(py-l.r.Min.Y)*l.r.Dx()+ir.Min.X-l.r.Min.X:][:ir.Dx()] {
				if a != 0 {
					dst[i] = l.col | uint16(a)
				}
			}
		}
	}
	for i, c := range ca {
		m.Y[i] = s.y[c]
	}
	for j := range 8 {
		for i := range 8 {
			p := 32*j + 2*i
			a, b, c, d := ca[p], ca[p+1], ca[p+16], ca[p+17]
			m.Cb[8*j+i] = uint8((int(s.cb[a]) + int(s.cb[b]) + int(s.cb[c]) + int(s.cb[d]) + 2) >> 2)
			m.Cr[8*j+i] = uint8((int(s.cr[a]) + int(s.cr[b]) + int(s.cr[c]) + int(s.cr[d]) + 2) >> 2)
		}
	}
}

// coverage reports whether any of l's pixels in r (within l.r) have ink,
// and whether all are fully covered, 8 at a time.
func (l *coverLayer) coverage(r image.Rectangle) (some, all bool) {
	or, and := uint64(0), ^uint64(0)
	stride := l.r.Dx()
	off := (r.Min.Y-l.r.Min.Y)*stride + r.Min.X - l.r.Min.X
	if r.Dx() == 16 {
		for range r.Dy() {
			p := (*[16]uint8)(l.cov[off:])
			a, b := binary.LittleEndian.Uint64(p[:8]), binary.LittleEndian.Uint64(p[8:])
			or, and = or|a|b, and&a&b
			off += stride
		}
		return or != 0, and == ^uint64(0)
	}
	for range r.Dy() {
		p := l.cov[off:][:r.Dx()]
		for ; len(p) >= 8; p = p[8:] {
			v := binary.LittleEndian.Uint64(p)
			or, and = or|v, and&v
		}
		for _, b := range p {
			or, and = or|uint64(b), and&(uint64(b)|^uint64(0xff))
		}
		off += stride
	}
	return or != 0, and == ^uint64(0)
}
