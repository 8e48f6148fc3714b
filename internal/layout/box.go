package layout

// box returns a box of the given width with nothing to draw, as used for a
// paragraph indent and in tests.
func box(width float64) node {
	return node{kind: boxNode, width: width, slot: -1}
}
