package layout

// penalty returns a break opportunity costing p, adding width w to the line
// when taken. Flagged penalties are hyphen breaks: the breaker adds demerits
// when two end consecutive lines and caps how many may (K-P 1981, §"flagged").
func penalty(w, p float64, flagged bool) node {
	return node{kind: penaltyNode, width: w, penalty: p, flagged: flagged, slot: -1}
}
