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
// at the next page's foot (splitNotes), and on as many as it needs.

// setFootnotes sets an article's notes, small, each a block of its lines
// with its number before its first words, for takeFootnotes to hand out.
func (s *setter) setFootnotes(notes []article.Note) {
	// Set aside while the notes are set: a note that refers to another
	// hands it on when the text takes it (takeFootnotes).
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

// takeFootnotes returns the notes a line's or a table row's items first
// refer to, which it takes to the foot of its page, each followed by the
// notes it first refers to itself.
func (s *setter) takeFootnotes(items []Item) []*vitem {
	var out []*vitem
	for _, it := range items {
		t, ok := it.(*TextItem)
		if !ok || t.Note < 1 || t.Note > len(s.footnotes) || s.footnotes[t.Note-1] == nil {
			continue
		}
		n := s.footnotes[t.Note-1]
		s.footnotes[t.Note-1] = nil
		out = append(out, n)
		out = append(out, s.takeFootnotes(n.items)...)
	}
	return out
}

// leftoverFootnotes sets after the text the notes no line took (a note
// only an unreferred note refers to), so that none is lost.
func (s *setter) leftoverFootnotes() {
	for _, v := range s.footnotes {
		if v != nil {
			s.v = append(s.v, *v)
		}
	}
	s.footnotes = s.footnotes[:0]
}

// maxCarry is the share of a page the rest of a note carried from the page
// before may take while text is left to set, so that a note longer than a
// page leaves room for the text on each page it continues on.
const maxCarry = 0.6

// footnoteRule is the space above a page's footnotes, where a short rule
// parts them from the text, in body lines.
const footnoteRule = 1.0
