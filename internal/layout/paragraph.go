package layout

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/rivo/uniseg"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/shape"
	"github.com/pressroom/publish/internal/typeface"
)

// This file is the first two stages of setting a paragraph: collect its runs
// into one string, and prepare the nodes the breaker needs: boxes measured
// in the fonts that have each character, kerning, glue for the spaces, and
// penalties at the break opportunities of Unicode line breaking (UAX #14)
// and at the hyphenation points of the language's patterns.

// A chain is a list of faces to try in order for each character: the face
// of the style, then faces that cover more of Unicode. Each face is loaded
// when first asked for: a document that sets nothing in bold italic or in
// code never parses those faces. Copies of a chain share its faces.
type chain struct {
	names []string
	faces []*typeface.Face // loaded so far, by index
	lib   *typeface.Library
	// body is the face a face that cannot be loaded gives way to; the
	// faces are embedded and tested, so it is a guard, not a path.
	body *typeface.Face
}

// newChain returns the chain of the named faces of lib, none loaded.
func newChain(lib *typeface.Library, body *typeface.Face, names ...string) chain {
	return chain{names: names, faces: make([]*typeface.Face, len(names)), lib: lib, body: body}
}

// len returns how many faces the chain has.
func (c chain) len() int { return len(c.names) }

// at returns the chain's i-th face, loading it on first use.
func (c chain) at(i int) *typeface.Face {
	if f := c.faces[i]; f != nil {
		return f
	}
	f, err := c.lib.Face(c.names[i])
	if err != nil {
		f = c.body
	}
	c.faces[i] = f
	return f
}

// first returns the chain's first face: the style's own.
func (c chain) first() *typeface.Face { return c.at(0) }

// A textStyle is how a kind of text (body, heading, caption) is set.
type textStyle struct {
	chains [4]chain // by Emphasis|Strong bits: roman, italic, bold, bold italic
	code   chain    // for article.Code runs
	size   float64
	gray   float64
	// leading is the distance between baselines.
	leading float64
}

func (st *textStyle) chain(s article.Style) chain {
	if s&article.Code != 0 {
		return st.code
	}
	return st.chains[s&(article.Emphasis|article.Strong)]
}

// A slot is a face at a size: what a box is drawn in.
type slot struct {
	face *typeface.Face
	size float64
}

// protrude returns how far r, set in s, may hang into the left and the
// right margin, in points (microtype.go).
func (s slot) protrude(r rune) (left, right float64) {
	l, rt := protrusion(r)
	adv := s.face.Advance(r) * s.size
	return l * adv, rt * adv
}

// hyphenAfter returns the width of a hyphen set in s after prev, with
// their kern: what a line broken there gains at its end.
func (s slot) hyphenAfter(prev rune) float64 {
	return (s.face.Advance('-') + s.face.Kern(prev, '-')) * s.size
}

// A runSpan is where a source run lies in the paragraph text.
type runSpan struct {
	start int32
	style article.Style
	link  string
	note  int // the note a reference's figures refer to; 0 for text
}

// paraOptions say how one paragraph is built.
type paraOptions struct {
	indent  float64
	measure float64
	ragged  bool
	dict    *hyphen.Dictionary // nil: no hyphenation
	// rtl sets the paragraph right to left whatever its first strong
	// character: an article's title block and credits when the article
	// is written right to left.
	rtl bool
	// micro gives the paragraph micro-typography (microtype.go): body
	// text, not code, tables or the title block.
	micro bool
}

// charBreakPenalty is the cost of breaking an over-wide word between two of
// its characters: a last resort, dearer than any hyphen and than most loose
// lines.
const charBreakPenalty = 5000

// A paragraph is a paragraph prepared for breaking: its text and nodes. It
// is scratch space, reused from one paragraph to the next.
type paragraph struct {
	text  string
	runs  []runSpan
	nodes []node
	kerns []kernAt
	slots []slot
	style *textStyle
	s     Settings

	buf  strings.Builder
	hyph []int
	// fallback finds a face for a character no face of the chain has, in
	// the style of the chain's first face, loading each fallback font on
	// first use; nil means none.
	fallback func(r rune, style *typeface.Face) (*typeface.Face, bool)
	// missing collects characters no face has, in order of first use.
	// How often each is drawn is counted on the finished pages (stats.go),
	// not here, where text measured and never drawn passes too.
	missing     []rune
	missingSeen map[rune]bool

	// Shaping (shaping.go): the shaper, made on first use from
	// shapeFonts, in the language lang; the glyphs of the shaped boxes;
	// and scratch space for one word.
	shapeFonts *shape.Fonts
	shp        *shape.Shaper
	lang       string
	// rtl sets a paragraph with no strong character of its own (digits,
	// punctuation) right to left: the article's language is written so.
	rtl        bool
	glyphs     []shapedGlyph
	wordRunes  []rune
	wordBytes  []int32
	shapeBuf   []shape.Glyph
	idBuf      []uint16
	clusterBuf []int
	carrierBuf []int
	// thai returns the Thai patterns, which find the words of a Thai
	// phrase, loaded on first use; nil, or a nil result, leaves Thai
	// unbroken. breaks are where the word being shaped may break.
	thai   func() *hyphen.Dictionary
	breaks []int
	// hyphAt are where the word being shaped may be hyphenated, as byte
	// offsets in text.
	hyphAt []int

	// Direction (bidi.go): the embedding level of each byte of text, nil
	// when all of it is left to right; base is the paragraph's level.
	levels []uint8
	base   uint8
	bidi   bidi.Paragraph
	order  []node
	// orderLevels holds the levels of order's nodes while visual sorts
	// them, kept from line to line as order is.
	orderLevels []uint8
}

// setLanguage readies the paragraph for text in the language tag: its
// shaping, and the direction of paragraphs without a strong character.
func (p *paragraph) setLanguage(tag string) {
	p.lang, p.rtl = tag, shape.RightToLeftLanguage(tag)
	if p.shp != nil {
		p.shp.SetLanguage(tag)
	}
}

// releaseShaper gives the paragraph's shaper back for the next document.
func (p *paragraph) releaseShaper() {
	if p.shp != nil {
		p.shp.Release()
		p.shp = nil
	}
}

// shaper returns the paragraph's shaper, made on first use.
func (p *paragraph) shaper() *shape.Shaper {
	if p.shp == nil {
		p.shp = p.shapeFonts.NewShaper()
		p.shp.SetLanguage(p.lang)
	}
	return p.shp
}

// build prepares runs set in style st.
func (p *paragraph) build(runs []article.Run, st *textStyle, s Settings, o paraOptions) {
	p.style, p.s = st, s
	p.nodes, p.kerns, p.slots, p.runs, p.glyphs = p.nodes[:0], p.kerns[:0], p.slots[:0], p.runs[:0], p.glyphs[:0]
	p.collect(runs)
	p.direction(p.rtl, o.rtl)
	if o.indent > 0 {
		p.nodes = append(p.nodes, box(o.indent))
	}
	p.prepare(o)
	// TeX's paragraph end: no break before \parfillskip, then a forced one.
	p.nodes = append(p.nodes, penalty(0, infPenalty, false), fillGlue(), penalty(0, ejectPenalty, false))
}

// collect joins the runs into p.text, collapsing white space to single
// spaces and a forced line break to "\n", which UAX #14 makes mandatory.
func (p *paragraph) collect(runs []article.Run) {
	b := &p.buf
	b.Reset()
	space, note := false, false // a space, a note's reference just before
	for _, r := range runs {
		if r.Break {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			space, note = false, false
			continue
		}
		if r.Note > 0 {
			// A note's reference: its number in superior figures, bound to
			// the word before it, and parted from a reference before it by
			// a narrow space that does not break.
			if note {
				b.WriteString("\u202f")
			}
			p.runs = append(p.runs, runSpan{start: int32(b.Len()), style: r.Style &^ article.Code, link: r.Link, note: r.Note})
			b.WriteString(superior(r.Note))
			space, note = false, true
			continue
		}
		note = false
		p.runs = append(p.runs, runSpan{start: int32(b.Len()), style: r.Style, link: r.Link})
		for _, c := range r.Text {
			if isSpace(c) {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				if s := b.String(); s[len(s)-1] != '\n' {
					b.WriteByte(' ')
				}
			}
			space = false
			b.WriteRune(c)
		}
	}
	p.text = b.String()
	if len(p.runs) == 0 {
		p.runs = append(p.runs, runSpan{})
	}
}

// superior returns n in superior figures, as a note's reference prints.
func superior(n int) string {
	digits := [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digits[d-'0'])
	}
	return b.String()
}

// isSpace reports whether c is white space that may break a line; the
// no-break spaces are set as glue that does not.
func isSpace(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	case '\u00a0', '\u2007', '\u202f':
		return false
	}
	return c > 0x7f && unicode.IsSpace(c)
}

// prepare turns p.text into nodes. Lines may break at every space (UAX #14
// rule LB18); within a run of text between spaces, UAX #14 finds the other
// opportunities (after hyphens and dashes, in URLs, between ideographs).
// Runs of plain letters, digits and punctuation that allow no break, most
// of any text, skip the segmenter.
func (p *paragraph) prepare(o paraOptions) {
	text := p.text
	lastWord := lastLetter(text)
	ri := 0
	for ts := 0; ts < len(text); {
		te := ts
		for te < len(text) && text[te] != ' ' && text[te] != '\n' {
			te++
		}
		if te > ts {
			ri = p.token(ts, te, ri, lastWord, o)
		}
		if te >= len(text) {
			break
		}
		if text[te] == '\n' {
			p.nodes = append(p.nodes, fillGlue(), penalty(0, ejectPenalty, false))
		} else if te > ts {
			sp := p.space(o)
			sp.start, sp.end = int32(te), int32(te+1) // where it is, for its direction
			p.nodes = append(p.nodes, sp)
		}
		ts = te + 1
	}
}

// token adds the nodes of text[ts:te], which has no spaces, and returns the
// run index reached.
func (p *paragraph) token(ts, te, ri, lastWord int, o paraOptions) int {
	text := p.text
	state := -1
	for ws := ts; ws < te; {
		we := te
		if !unbreakable(text[ws:te]) {
			seg, _, _, newState := uniseg.FirstLineSegmentInString(text[ws:te], state)
			state = newState
			we = ws + len(seg)
		}
		for ri+1 < len(p.runs) && int(p.runs[ri+1].start) <= ws {
			ri++
		}
		hyph := o.dict != nil && !(ws <= lastWord && lastWord < we) && p.runs[ri].style&article.Code == 0
		mark, kmark := len(p.nodes), len(p.kerns)
		if w := p.word(ws, we, ri, hyph, false, o); w > o.measure-o.indent {
			// An unbreakable run wider than the measure: as a last
			// resort allow a break between any two characters.
			p.nodes, p.kerns = p.nodes[:mark], p.kerns[:kmark]
			p.word(ws, we, ri, hyph, true, o)
		}
		if we >= te {
			break
		}
		last, _ := utf8.DecodeLastRuneInString(text[ws:we])
		next, _ := utf8.DecodeRuneInString(text[we:])
		switch {
		case next == '—' || next == '–':
			// UAX #14 breaks before a dash too; TeX and good practice only
			// after it.
			p.nodes = append(p.nodes, penalty(0, infPenalty, false))
		case last == '-' || last == '‐' || last == '—' || last == '–':
			p.nodes = append(p.nodes, penalty(0, p.s.ExHyphenPenalty, true))
		case isCJK(last) || isCJK(next):
			// Between ideographs: a break with a little stretch, so that
			// justified CJK lines spread their characters evenly.
			p.nodes = append(p.nodes, glue(0, 0.1*p.style.size, 0))
		default: // after a slash, a question mark before a word, ...
			p.nodes = append(p.nodes, penalty(0, p.s.ExHyphenPenalty, false))
		}
		ws = we
	}
	return ri
}

// unbreakable reports whether UAX #14 allows no break inside s: it is made
// of letters (not ideographs), digits, and punctuation that never breaks
// next to them (full stops, commas, quotes, brackets).
func unbreakable(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x80:
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') &&
				!strings.ContainsRune(".,:;'\"()[]", r) {
				return false
			}
		case r == '’' || r == '‘' || r == '“' || r == '”':
		case r >= 0x2E80 || !unicode.IsLetter(r):
			return false
		}
	}
	return true
}

// space returns the glue of a word space, stretching and shrinking by the
// settings' fractions of its width; fixed in ragged-right setting.
func (p *paragraph) space(o paraOptions) node {
	f := p.style.chains[0].first()
	w := f.Advance(' ') * p.style.size
	if o.ragged {
		return glue(w, 0, 0)
	}
	return glue(w, w*p.s.SpaceStretch, w*p.s.SpaceShrink)
}

// word adds the boxes of text[ws:we], in run ri onwards, and returns their
// width. With hyph, the patterns' hyphenation points become
// discretionaries; with chars, every other character boundary becomes a
// last-resort break.
func (p *paragraph) word(ws, we, ri int, hyph, chars bool, o paraOptions) float64 {
	text := p.text
	if shape.Needed(text[ws:we]) || p.mixedLevels(ws, we) || !chars && hasLigature(text[ws:we]) && p.runs[ri].style&article.Code == 0 {
		return p.shapedWord(ws, we, ri, hyph, o)
	}
	p.hyph = p.hyph[:0]
	if hyph && hyphenatable(text[ws:we]) {
		p.hyph = o.dict.AppendHyphenate(p.hyph, text[ws:we])
	}
	hi := 0
	total := 0.0
	var (
		cur     = -1 // index of the open box in p.nodes
		curSlot = int16(-1)
		curRun  = -1
		prev    rune
	)
	closeBox := func() {
		if cur >= 0 {
			p.nodes[cur].kernHi = int32(len(p.kerns))
			cur = -1
		}
	}
	for i, r := range text[ws:we] {
		pos := ws + i
		for ri+1 < len(p.runs) && int(p.runs[ri+1].start) <= pos {
			ri++
		}
		if r == '\u00a0' || r == '\u2007' || r == '\u202f' {
			closeBox()
			sp := p.space(o)
			p.nodes = append(p.nodes, penalty(0, infPenalty, false), sp)
			total += sp.width
			prev, curSlot = 0, -1
			continue
		}
		sl := p.slotFor(r, p.runs[ri].style)
		if sl < 0 {
			closeBox()
			prev, curSlot = 0, -1
			continue
		}
		for hi < len(p.hyph) && p.hyph[hi] < i {
			hi++
		}
		atHyph := hi < len(p.hyph) && p.hyph[hi] == i
		f, size := p.slots[sl].face, p.slots[sl].size
		k := 0.0
		if sl == curSlot && prev != 0 {
			k = f.Kern(prev, r) * size
		}
		if cur >= 0 && (sl != curSlot || ri != curRun || atHyph || chars) {
			closeBox()
			switch {
			case atHyph:
				p.nodes = append(p.nodes, discretionary(p.slots[curSlot].hyphenAfter(prev), p.s.HyphenPenalty, curSlot))
			case chars:
				p.nodes = append(p.nodes, penalty(0, charBreakPenalty, false))
			}
			if k != 0 {
				p.nodes = append(p.nodes, kern(k))
				total += k
			}
		} else if cur >= 0 && k != 0 {
			p.kerns = append(p.kerns, kernAt{at: int32(pos), dx: k})
			p.nodes[cur].width += k
			total += k
		}
		adv := f.Advance(r) * size
		left, right := protrusion(r)
		if cur < 0 {
			n := node{kind: boxNode, slot: sl, run: int32(ri), start: int32(pos), kernLo: int32(len(p.kerns)), lprot: left * adv}
			p.nodes = append(p.nodes, n)
			cur, curSlot, curRun = len(p.nodes)-1, sl, ri
		}
		p.nodes[cur].rprot = right * adv
		p.nodes[cur].width += adv
		p.nodes[cur].end = int32(pos + utf8.RuneLen(r))
		total += adv
		prev = r
	}
	closeBox()
	return total
}

// codeScale is the size of code beside text, as a share of the text's:
// monospace looks large beside a serif of the same size.
const codeScale = 0.9

// slotFor returns the slot of the first face of the style's chain that has
// r. A character no face has is noted as missing and set in the style's
// own face, which draws its missing glyph, a visible box, in its place;
// controls and format characters, which draw nothing, return -1.
func (p *paragraph) slotFor(r rune, s article.Style) int16 {
	ch := p.style.chain(s)
	size := p.style.size
	if s&article.Code != 0 {
		size *= codeScale
	}
	for i := range ch.len() {
		f := ch.at(i)
		if !f.Has(r) {
			if i < ch.len()-1 || p.fallback == nil {
				continue
			}
			var ok bool
			if f, ok = p.fallback(r, ch.first()); !ok {
				break
			}
		}
		return p.slotOf(f, size)
	}
	if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
		return -1
	}
	if p.missingSeen == nil {
		p.missingSeen = make(map[rune]bool)
	}
	if !p.missingSeen[r] {
		p.missingSeen[r] = true
		p.missing = append(p.missing, r)
	}
	return p.slotOf(ch.first(), size)
}

// slotOf returns the slot of face at size, adding it on first use.
func (p *paragraph) slotOf(face *typeface.Face, size float64) int16 {
	for i := range p.slots {
		if p.slots[i].face == face && p.slots[i].size == size {
			return int16(i)
		}
	}
	p.slots = append(p.slots, slot{face: face, size: size})
	return int16(len(p.slots) - 1)
}

// hyphenatable reports whether a word should be given to the patterns:
// not an acronym, a number, an address or a URL.
func hyphenatable(w string) bool {
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r), r == '@', r == '/', r == ':', r == '_':
			return false
		}
	}
	return letters >= 5 && upper < letters
}

// lastLetter returns the byte offset of the last letter of s, or -1.
func lastLetter(s string) int {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if unicode.IsLetter(r) {
			return i
		}
	}
	return -1
}

// isCJK reports whether r is a Han, kana or Hangul character, between which
// lines may break without a space.
func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF))
}

// lacksLetter reports whether s has a letter no face has.
func (p *paragraph) lacksLetter(s string) bool {
	for _, r := range s {
		if p.missingSeen[r] && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
