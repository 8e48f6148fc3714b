package layout

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/shape"
	"github.com/pressroom/publish/internal/typeface"
)

// This file is the shaping step of preparing a paragraph (paragraph.go): a
// word in a script whose glyphs depend on their neighbours (Arabic,
// Hebrew with points, the Indic scripts, Thai) is given to the shaper, and
// each piece of it in one face becomes a box that draws the glyphs the
// shaper chose (shape.Needed says which words). Latin, Greek, Cyrillic and CJK, one glyph a character with
// pair kerning, keep the direct path of paragraph.word, which gives the
// same glyphs and positions at a fraction of the cost.

// A shapedGlyph is a glyph of a shaped box, placed from the box's start.
type shapedGlyph struct {
	id   uint16
	x, y float64 // points; y grows downward
	// from and to are the byte range of p.text the glyph stands for, on
	// the first glyph of its cluster; from == to on the others.
	from, to int32
}

// shapedWord adds the boxes of text[ws:we], a word that shape.Needed, in
// run ri onwards, and returns their width. The word is cut into pieces of
// one face, one run and one direction; the shaper sets each with the
// whole word as context, so that letters join across a change of style.
// A no-break space inside the word is glue that does not break, as in
// word.
func (p *paragraph) shapedWord(ws, we, ri int, hyph bool, o paraOptions) float64 {
	p.wordRunes = p.wordRunes[:0]
	p.wordBytes = p.wordBytes[:0]
	for i, r := range p.text[ws:we] {
		p.wordRunes = append(p.wordRunes, r)
		p.wordBytes = append(p.wordBytes, int32(ws+i))
	}
	p.wordBytes = append(p.wordBytes, int32(we))
	total := 0.0
	type piece struct {
		from, to int // runes of the word
		slot     int16
		run      int
		rtl      bool
	}
	p.hyph = p.hyph[:0]
	if hyph && hyphenatable(p.text[ws:we]) {
		for _, at := range o.dict.AppendHyphenate(p.hyph, p.text[ws:we]) {
			p.hyphAt = append(p.hyphAt, ws+at)
		}
	}
	p.thaiBreaks(ws, we)
	brk := 0 // the next of p.breaks
	var cur piece
	cur.slot = -1
	flush := func(to int) {
		cur.to = to
		if cur.slot >= 0 && cur.to > cur.from {
			total += p.shapedBox(cur.from, cur.to, cur.slot, cur.run, cur.rtl)
		}
		cur = piece{from: to, slot: -1}
	}
	for i, r := range p.wordRunes {
		pos := int(p.wordBytes[i])
		for ri+1 < len(p.runs) && int(p.runs[ri+1].start) <= pos {
			ri++
		}
		for brk < len(p.breaks) && p.breaks[brk] < pos {
			brk++
		}
		if brk < len(p.breaks) && p.breaks[brk] == pos && i > 0 {
			// Between two words of a script written without spaces: a
			// break that draws nothing, and a little stretch, so that a
			// justified line spreads its words evenly (a ragged one
			// keeps them together, as its spaces).
			flush(i)
			if o.ragged {
				p.nodes = append(p.nodes, glue(0, 0, 0))
			} else {
				p.nodes = append(p.nodes, glue(0, 0.1*p.style.size, 0))
			}
		}
		if r == '\u00a0' || r == '\u2007' || r == '\u202f' {
			flush(i)
			sp := p.space(o)
			p.nodes = append(p.nodes, penalty(0, infPenalty, false), sp)
			total += sp.width
			cur.from = i + 1
			continue
		}
		rtl := p.level(pos)%2 == 1
		var sl int16
		if cur.slot >= 0 && shape.Attaches(r) && (p.slots[cur.slot].face.Has(r) || r == '\u200c' || r == '\u200d') {
			sl = cur.slot
		} else {
			sl = p.slotFor(r, p.runs[ri].style)
		}
		if sl < 0 {
			continue // a control that draws nothing
		}
		if cur.slot >= 0 && (sl != cur.slot || ri != cur.run || rtl != cur.rtl) {
			flush(i)
		}
		if cur.slot < 0 {
			cur = piece{from: i, slot: sl, run: ri, rtl: rtl}
		}
	}
	flush(len(p.wordRunes))
	p.hyphAt = p.hyphAt[:0]
	return total
}

// shapedBox shapes the runes [from, to) of the current word in slot sl and
// appends their box, from run ri, returning its width.
func (p *paragraph) shapedBox(from, to int, sl int16, ri int, rtl bool) float64 {
	s := p.slots[sl]
	var glyphs []shape.Glyph
	var err error
	switch {
	case !rtl && !shape.Needed(p.text[p.wordBytes[from]:p.wordBytes[to]]):
		// Latin, Greek or Cyrillic that is here for its ligatures: set
		// as the shaper would set it, without it.
		glyphs = p.ligated(p.shapeBuf[:0], s.face, from, to)
	case p.shapeFonts == nil:
		return p.directBox(from, to, sl, ri)
	default:
		glyphs, err = p.shaper().Shape(p.shapeBuf[:0], s.face.Name(), p.wordRunes, from, to, rtl)
	}
	p.shapeBuf = glyphs
	if err != nil || len(glyphs) == 0 {
		// No shaper, or a face it cannot read (they are embedded, so
		// that is a bug): set the characters a glyph each rather than
		// lose them.
		return p.directBox(from, to, sl, ri)
	}
	// The byte range of each cluster: from its first character to the
	// next cluster's, in logical order.
	starts := p.clusterBuf[:0]
	for _, g := range glyphs {
		starts = append(starts, g.Cluster)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	p.clusterBuf = starts
	// Each cluster's text goes on its widest glyph, the base that its
	// marks sit on, and of equals on the one nearest the baseline: a text
	// extractor puts a raised mark on a line of its own, and would take
	// the word's letters with it.
	carrier := p.carrierBuf[:0]
	for range starts {
		carrier = append(carrier, -1)
	}
	for i, g := range glyphs {
		k, _ := slices.BinarySearch(starts, g.Cluster)
		c := carrier[k]
		if c < 0 || g.Advance > glyphs[c].Advance || g.Advance == glyphs[c].Advance && math.Abs(g.Y) < math.Abs(glyphs[c].Y) {
			carrier[k] = i
		}
	}
	p.carrierBuf = carrier
	// A left-to-right box parts at the hyphenation points that fall
	// between two clusters, with a discretionary hyphen between the
	// parts; a point inside a cluster (inside a ligature: of|fice) is
	// dropped, as the word is shaped whole.
	box := node{kind: boxNode, shaped: true, slot: sl, run: int32(ri), start: p.wordBytes[from], kernLo: int32(len(p.glyphs))}
	// Only a left-to-right box protrudes: its first and last characters
	// are its glyphs' first and last.
	var rprot float64
	if !rtl {
		box.lprot, _ = s.protrude(p.wordRunes[from])
		_, rprot = s.protrude(p.wordRunes[to-1])
	}
	total, x := 0.0, 0.0
	for i, g := range glyphs {
		if !rtl && i > 0 && g.Cluster != glyphs[i-1].Cluster && p.hyphenAt(int(p.wordBytes[g.Cluster])) {
			box.width, box.end, box.kernHi = x, p.wordBytes[g.Cluster], int32(len(p.glyphs))
			prev := p.wordRunes[g.Cluster-1]
			_, box.rprot = s.protrude(prev)
			p.nodes = append(p.nodes, box)
			total += x
			p.nodes = append(p.nodes, discretionary(s.hyphenAfter(prev), p.s.HyphenPenalty, sl))
			box.start, box.kernLo, x = p.wordBytes[g.Cluster], int32(len(p.glyphs)), 0
			box.lprot, _ = s.protrude(p.wordRunes[g.Cluster])
		}
		sg := shapedGlyph{id: g.ID, x: x + g.X*s.size, y: -g.Y * s.size}
		if k, _ := slices.BinarySearch(starts, g.Cluster); carrier[k] == i {
			end := to
			if k+1 < len(starts) {
				end = starts[k+1]
			}
			sg.from, sg.to = p.wordBytes[g.Cluster], p.wordBytes[end]
		}
		p.glyphs = append(p.glyphs, sg)
		x += g.Advance * s.size
	}
	box.width, box.end, box.kernHi = x, p.wordBytes[to], int32(len(p.glyphs))
	box.rprot = rprot
	p.nodes = append(p.nodes, box)
	return total + x
}

// ligated appends to dst the glyphs of the runes [from, to) of the word
// being shaped, set as a shaper sets a left-to-right script that needs no
// shaping but its ligatures: each character's glyph from the face's
// character map, the face's standard ligatures in their place (typeface
// reads them from GSUB), and its pair kerning added to each glyph's
// advance. TestLigatedAsShaped holds it to HarfBuzz's glyphs and
// advances.
func (p *paragraph) ligated(dst []shape.Glyph, f *typeface.Face, from, to int) []shape.Glyph {
	ids := p.idBuf[:0]
	for _, r := range p.wordRunes[from:to] {
		ids = append(ids, f.Glyph(r))
	}
	p.idBuf = ids
	start := len(dst)
	for i := 0; i < len(ids); {
		g, n := ids[i], 1
		if lig, k := f.Ligature(ids[i:]); k > 1 {
			g, n = lig, k
		}
		dst = append(dst, shape.Glyph{ID: g, Advance: f.GlyphAdvance(g), Cluster: from + i})
		i += n
	}
	for k := start; k+1 < len(dst); k++ {
		dst[k].Advance += f.KernGlyphs(dst[k].ID, dst[k+1].ID)
	}
	return dst
}

// hyphenAt reports whether the word being shaped may be hyphenated before
// the byte at pos of the paragraph's text.
func (p *paragraph) hyphenAt(pos int) bool {
	_, ok := slices.BinarySearch(p.hyphAt, pos)
	return ok
}

// hasLigature reports whether s has letters that Latin faces set as one
// glyph, their standard ligatures (ff, fi, fl, ffi, ffl), which only the
// shaper sets.
func hasLigature(s string) bool {
	return strings.Contains(s, "ff") || strings.Contains(s, "fi") || strings.Contains(s, "fl")
}

// directBox appends a box of the runes [from, to) of the current word set
// one glyph a character, unkerned, and returns its width.
func (p *paragraph) directBox(from, to int, sl int16, ri int) float64 {
	s := p.slots[sl]
	w := 0.0
	for _, r := range p.wordRunes[from:to] {
		w += s.face.Advance(r) * s.size
	}
	lo := int32(len(p.kerns))
	p.nodes = append(p.nodes, node{kind: boxNode, width: w, slot: sl, run: int32(ri),
		start: p.wordBytes[from], end: p.wordBytes[to], kernLo: lo, kernHi: lo})
	return w
}

// isThai reports whether r is a Thai letter, vowel, tone mark or digit.
func isThai(r rune) bool { return 0x0E01 <= r && r <= 0x0E5B }

// Thai runs are given to the patterns in windows of at most thaiWindow
// characters, as the patterns take words of 63 at most and a Thai phrase
// runs on without a space; points within thaiTail bytes (ten characters)
// of a window's cut are not trusted, for the cut looks to the patterns
// like the end of a word.
const (
	thaiWindow = 60
	thaiTail   = 10 * 3
)

// thaiBreaks sets p.breaks to where lines may break inside the word
// text[ws:we]: between the words of each run of Thai, which the Thai
// patterns find as TeX finds them, made from a dictionary of Thai words.
func (p *paragraph) thaiBreaks(ws, we int) {
	p.breaks = p.breaks[:0]
	if p.thai == nil {
		return
	}
	text := p.text
	for i := ws; i < we; {
		r, size := utf8.DecodeRuneInString(text[i:we])
		if !isThai(r) {
			i += size
			continue
		}
		j := i
		for j < we {
			r, size := utf8.DecodeRuneInString(text[j:we])
			if !isThai(r) {
				break
			}
			j += size
		}
		if d := p.thai(); d != nil {
			p.thaiRun(d, i, j)
		} else {
			return
		}
		i = j
	}
}

// thaiRun adds the break points of the Thai run text[lo:hi].
func (p *paragraph) thaiRun(d *hyphen.Dictionary, lo, hi int) {
	for lo < hi {
		end, n := lo, 0
		for end < hi && n < thaiWindow {
			_, size := utf8.DecodeRuneInString(p.text[end:hi])
			end += size
			n++
		}
		pts := d.AppendHyphenate(p.hyph[:0], p.text[lo:end])
		p.hyph = pts
		if end == hi {
			for _, at := range pts {
				p.breaks = append(p.breaks, lo+at)
			}
			return
		}
		next := end
		for _, at := range pts {
			if at <= end-lo-thaiTail {
				p.breaks = append(p.breaks, lo+at)
				next = lo + at
			}
		}
		lo = next
	}
}
