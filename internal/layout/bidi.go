package layout

import (
	"slices"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/shape"
)

// This file is the direction of a paragraph, by the Unicode bidirectional
// algorithm (UAX #9): each character's embedding level is resolved once,
// when the paragraph is prepared; the lines are broken in logical order,
// as if all ran left to right; then each line's boxes are put in visual
// order (rule L2) before they are placed, and a right-to-left paragraph's
// lines are set from the right.

// direction resolves the embedding levels of p.text, leaving p.levels nil
// for a paragraph with no right-to-left character, nearly every one. The
// paragraph's own direction is its first strong character's (rules P2 and
// P3); rtl gives the direction of one that has none, and force makes it
// right to left in any case.
func (p *paragraph) direction(rtl, force bool) {
	p.levels, p.base = p.levels[:0], 0
	first, any := shape.Scan(p.text)
	if !any && !rtl && !force {
		return
	}
	dir := bidi.LeftToRight
	if force || first == shape.RightToLeft || first == shape.None && rtl {
		dir, p.base = bidi.RightToLeft, 1
	}
	// A forced line break is a paragraph separator to UAX #9, which
	// would end the paragraph there: it is a space to the levels.
	p.wordRunes = p.wordRunes[:0]
	for _, r := range p.text {
		if r == '\n' {
			r = ' '
		}
		p.wordRunes = append(p.wordRunes, r)
	}
	runs := p.bidi.Segment(p.wordRunes, dir)
	p.levels = append(p.levels, make([]uint8, len(p.text))...)
	ri, i := 0, 0
	for pos, r := range p.text {
		for ri < runs.NumRuns()-1 && runs.Run(ri).End <= i {
			ri++
		}
		lvl := uint8(p.base)
		if runs.NumRuns() > 0 {
			lvl = uint8(runs.Run(ri).Level)
		}
		for k := range utf8.RuneLen(r) {
			p.levels[pos+k] = lvl
		}
		i++
	}
}

// level returns the embedding level of the character at byte pos.
func (p *paragraph) level(pos int) uint8 {
	if len(p.levels) == 0 {
		return 0
	}
	return p.levels[min(pos, len(p.levels)-1)]
}

// visual returns the nodes of a line in the order they are seen, left to
// right (UAX #9 rule L2): from the highest level down to the lowest odd
// one, every run of nodes at that level or higher is reversed. A box
// takes its characters' level (a word of mixed levels is shaped, a box a
// level, see mixedLevels), a word space its own, an indent and the
// paragraph's end the paragraph's, and any other node the level before.
func (p *paragraph) visual(nodes []node) []node {
	if len(p.levels) == 0 {
		return nodes
	}
	p.order = append(p.order[:0], nodes...)
	p.orderLevels = slices.Grow(p.orderLevels[:0], len(nodes))[:len(nodes)]
	lv := p.orderLevels
	prev := p.base
	for i := range nodes {
		n := &nodes[i]
		l := prev
		switch {
		case n.kind == boxNode && n.slot >= 0, n.kind == glueNode && n.end > n.start:
			l = p.level(int(n.start))
		case n.kind == boxNode, n.fill > 0:
			l = p.base // an indent, the paragraph's end
		}
		lv[i], prev = l, l
	}
	// Spaces at the end of the line take the paragraph's level (rule L1).
	for i := len(nodes) - 1; i >= 0 && nodes[i].kind != boxNode; i-- {
		lv[i] = p.base
	}
	shape.Reorder(p.order, lv)
	return p.order
}

// mixedLevels reports whether the word text[ws:we] is not all at one even
// level: it has right-to-left characters, whose glyphs must be mirrored
// (a bracket) and set in their order, or a change of level, where its
// boxes must part so that each is reordered whole. Such a word is
// shaped, which does both.
func (p *paragraph) mixedLevels(ws, we int) bool {
	if len(p.levels) == 0 || ws >= we {
		return false
	}
	first := p.levels[ws]
	if first%2 == 1 {
		return true
	}
	for _, l := range p.levels[ws:we] {
		if l != first {
			return true
		}
	}
	return false
}

// isolated returns text to be set as a unit of its own direction inside a
// paragraph of either (UAX #9 isolates, U+2068 to U+2069): a label of
// publish's own, in English, keeps its full stop at its end in a
// right-to-left title block.
func isolated(text string) string { return "\u2068" + text + "\u2069" }

// rtlText reports whether text's first strong character is right to left,
// or, with none, whether rtl says so.
func rtlText(t article.Text, rtl bool) bool {
	for _, r := range t {
		switch first, _ := shape.Scan(r.Text); first {
		case shape.LeftToRight:
			return false
		case shape.RightToLeft:
			return true
		}
	}
	return rtl
}
