package layout

// glue returns a space of natural width w that may grow by stretch and
// shrink by shrink; the adjustment ratio of its line decides how much.
func glue(w, stretch, shrink float64) node {
	return node{kind: glueNode, width: w, stretch: stretch, shrink: shrink, slot: -1}
}

// fillGlue returns TeX's \parfillskip: glue of infinite stretch that lets the
// last line of a paragraph end short.
func fillGlue() node {
	return node{kind: glueNode, fill: 1, slot: -1}
}
