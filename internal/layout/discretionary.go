package layout

// discretionary returns a hyphenation point found by the patterns: a flagged
// penalty whose width is the hyphen that is drawn, in font slot slot, if the
// line ends there. TeX's discretionaries are more general (pre-, post- and
// no-break texts); a hyphen before the break is all the languages we set
// need.
func discretionary(hyphenWidth, p float64, slot int16) node {
	return node{kind: discNode, width: hyphenWidth, penalty: p, flagged: true, slot: slot, rprot: protrudeRight('-', hyphenWidth)}
}

// protrudeRight returns how far a character r of the given width may hang
// into the right margin, in points.
func protrudeRight(r rune, width float64) float64 {
	_, right := protrusion(r)
	return right * width
}
