package layout

import (
	"strconv"

	"github.com/pressroom/publish/internal/article"
)

// This file sets footnotes, a step of collect and distribute: each note is
// set as a block at the start of its article, the line that first refers
// to it takes it, and distribute.go keeps room at the foot of that line's
// page for it, as TeX's insertions do: the note's height is taken from the
// page's, and a note too long for what is left starts there and continues
// at the next page's foot (splitNotes).

// setFootnotes sets an article's notes, small, each a block of its lines
// with its number before its first words, for takeFootnotes to hand out.
func (s *setter) setFootnotes(notes []article.Note) {
	// Set aside while the notes are set: a note that refers to another
	// leaves it for the text after the body (leftoverFootnotes).
	s.footnotes = s.footnotes[:0]
	var set []*vitem
	for i, n := range notes {
		mark := len(s.v)
		first := true
		s.blocks(numbered(n.Blocks, i+1), &s.g.caption, 0, s.g.measure, &first)
		v := &vitem{kind: vBlock, article: s.articleIndex, footnote: i + 1}
		for _, it := range s.v[mark:] {
			for _, item := range it.items {
				moveItem(item, 0, v.height)
			}
			v.items = append(v.items, it.items...)
			if it.kind == vLine {
				v.cuts = append(v.cuts, v.height)
			}
			v.height += it.height
		}
		s.v = s.v[:mark]
		set = append(set, v)
	}
	s.footnotes = set
}

// numbered returns a note's blocks with its number before its first words.
func numbered(blocks []article.Block, n int) []article.Block {
	num := article.Run{Text: strconv.Itoa(n) + ". ", Style: article.Strong}
	if len(blocks) > 0 {
		if p, ok := blocks[0].(*article.Paragraph); ok {
			return append([]article.Block{&article.Paragraph{Text: append(article.Text{num}, p.Text...)}}, blocks[1:]...)
		}
	}
	return append([]article.Block{&article.Paragraph{Text: article.Text{num}}}, blocks...)
}

// takeFootnotes returns the notes a line's items first refer to, which the
// line takes to the foot of its page.
func (s *setter) takeFootnotes(items []Item) []*vitem {
	var out []*vitem
	for _, it := range items {
		t, ok := it.(*TextItem)
		if !ok || t.Note < 1 || t.Note > len(s.footnotes) || s.footnotes[t.Note-1] == nil {
			continue
		}
		if s.footnotes[t.Note-1].height > maxFootnote*s.g.textHeight {
			continue // too long for a page's foot: it follows the text
		}
		out = append(out, s.footnotes[t.Note-1])
		s.footnotes[t.Note-1] = nil
	}
	return out
}

// leftoverFootnotes sets after the text the notes no line took (one
// referred to from a table's cell or from another note, or too long for a
// page's foot), so that none is lost.
func (s *setter) leftoverFootnotes() {
	for _, v := range s.footnotes {
		if v != nil {
			s.v = append(s.v, *v)
		}
	}
	s.footnotes = s.footnotes[:0]
}

// A note taller than this share of the text block is set after the text:
// at a page's foot it would leave too little room for the text, and its
// rest, carried to the next page's foot, too little there.
const maxFootnote = 0.4

// footnoteRule is the space above a page's footnotes, where a short rule
// parts them from the text, in body lines.
const footnoteRule = 1.0
