package article

import (
	"iter"
	"slices"
)

// children returns the block sequences directly inside b: a quote's blocks,
// one sequence per list item; nil for a block that holds no blocks.
func children(b Block) [][]Block {
	switch b := b.(type) {
	case *Quote:
		return [][]Block{b.Blocks}
	case *List:
		return b.Items
	}
	return nil
}

// All returns every block of blocks and inside them (a quote's blocks, a
// list's items) in reading order, each container before its contents.
//
// It and Query are the model's one traversal, as pandoc's walk and query
// are: code that cares only for some kinds of block uses them, so that a
// new container kind needs a change here alone.
func All(blocks []Block) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		walkAll(blocks, yield)
	}
}

// walkAll yields as All does and reports whether to go on.
func walkAll(blocks []Block, yield func(Block) bool) bool {
	for _, b := range blocks {
		if !yield(b) {
			return false
		}
		for _, inner := range children(b) {
			if !walkAll(inner, yield) {
				return false
			}
		}
	}
	return true
}

// Query returns every block of type T in blocks and inside them, in reading
// order: Query[*Figure](a.Body) is every figure of an article.
func Query[T Block](blocks []Block) iter.Seq[T] {
	return func(yield func(T) bool) {
		for b := range All(blocks) {
			if t, ok := b.(T); ok && !yield(t) {
				return
			}
		}
	}
}

// Texts returns every inline text of blocks and inside them, in reading
// order: headings' and paragraphs' text, figures' captions, tables'
// captions and cells. Each is yielded in place, so that a walk may rewrite
// it; a Preformatted block's text is a string of its own, not among them.
func Texts(blocks []Block) iter.Seq[*Text] {
	return func(yield func(*Text) bool) {
		for b := range All(blocks) {
			switch b := b.(type) {
			case *Heading:
				if !yield(&b.Text) {
					return
				}
			case *Paragraph:
				if !yield(&b.Text) {
					return
				}
			case *Figure:
				if !yield(&b.Image.Caption) {
					return
				}
			case *Table:
				if !yield(&b.Caption) {
					return
				}
				for r := range b.AllRows() {
					for i := range r {
						if !yield(&r[i].Text) {
							return
						}
					}
				}
			}
		}
	}
}

// Clone returns a copy of blocks that shares no container and no inline
// text with them, so that a walk over Texts may rewrite the copy alone.
// Blocks that hold no inline text (images, code, rules) are shared.
func Clone(blocks []Block) []Block {
	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		switch b := b.(type) {
		case *Heading:
			c := *b
			c.Text = slices.Clone(b.Text)
			out = append(out, &c)
		case *Paragraph:
			c := *b
			c.Text = slices.Clone(b.Text)
			out = append(out, &c)
		case *Figure:
			c := *b
			c.Image.Caption = slices.Clone(b.Image.Caption)
			out = append(out, &c)
		case *Quote:
			c := *b
			c.Blocks = Clone(b.Blocks)
			out = append(out, &c)
		case *List:
			c := *b
			c.Items = make([][]Block, len(b.Items))
			for i, item := range b.Items {
				c.Items[i] = Clone(item)
			}
			out = append(out, &c)
		case *Table:
			c := *b
			c.Caption = slices.Clone(b.Caption)
			c.Head, c.Rows, c.Foot = cloneRows(b.Head), cloneRows(b.Rows), cloneRows(b.Foot)
			out = append(out, &c)
		default:
			out = append(out, b)
		}
	}
	return out
}

// cloneRows returns a copy of a table's rows that shares none of their
// cells' texts.
func cloneRows(rows []Row) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = make(Row, len(r))
		for j, c := range r {
			c.Text = slices.Clone(c.Text)
			out[i][j] = c
		}
	}
	return out
}
