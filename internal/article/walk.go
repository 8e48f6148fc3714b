package article

import "iter"

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
// captions and cells. A run may be changed through the slices it yields;
// a Preformatted block's text is a string of its own, not among them.
func Texts(blocks []Block) iter.Seq[Text] {
	return func(yield func(Text) bool) {
		for b := range All(blocks) {
			switch b := b.(type) {
			case *Heading:
				if !yield(b.Text) {
					return
				}
			case *Paragraph:
				if !yield(b.Text) {
					return
				}
			case *Figure:
				if !yield(b.Image.Caption) {
					return
				}
			case *Table:
				if !yield(b.Caption) {
					return
				}
				for r := range b.AllRows() {
					for i := range r {
						if !yield(r[i].Text) {
							return
						}
					}
				}
			}
		}
	}
}
