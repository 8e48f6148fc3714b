package layout

// kern returns a fixed space between two glyphs that a hyphenation point
// separates; like TeX's kerns it is discarded when a line starts after it.
func kern(w float64) node {
	return node{kind: kernNode, width: w, slot: -1}
}
