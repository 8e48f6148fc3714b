package article

import "iter"

// Walk visits blocks and every block nested inside them (a quote's blocks, a
// list's items) in reading order, each container before its contents. When
// visit returns false for a container, Walk does not go inside it.
//
// It is the model's one traversal, as pandoc's walk and query are: code that
// cares only for some kinds of block uses it, so a new container kind needs a
// change here alone.
func Walk(blocks []Block, visit func(Block) bool) {
	for _, b := range blocks {
		if !visit(b) {
			continue
		}
		for _, inner := range Children(b) {
			Walk(inner, visit)
		}
	}
}

// Children returns the block sequences directly inside b: a quote's blocks,
// one sequence per list item; nil for a block that holds no blocks.
func Children(b Block) [][]Block {
	switch b := b.(type) {
	case *Quote:
		return [][]Block{b.Blocks}
	case *List:
		return b.Items
	}
	return nil
}

// All returns every block of blocks and inside them, in the order Walk
// visits them.
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
		for _, inner := range Children(b) {
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
