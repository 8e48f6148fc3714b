package layout

// The line breaker works on a paragraph as a flat list of nodes, as TeX's
// horizontal lists and Knuth and Plass's "Breaking Paragraphs into Lines"
// (1981): boxes of fixed width, glue that stretches and shrinks, and
// penalties that mark where a line may (or must not) end. One node type
// serves all kinds so a paragraph is one slice with no per-node allocation;
// the constructors live one per file (box.go, glue.go, penalty.go,
// discretionary.go, kern.go).

// A nodeKind says what a node is.
type nodeKind uint8

const (
	boxNode     nodeKind = iota // material: glyphs, an indent, an inline space that never breaks
	glueNode                    // a space: a legal break when it follows a box
	penaltyNode                 // a possible break with a cost
	discNode                    // a hyphenation point: a flagged penalty that draws a hyphen when taken
	kernNode                    // a fixed adjustment between glyphs, dropped at a line start
)

// Penalties at or beyond these bounds forbid or force a break (TeX's
// 10000 and -10000).
const (
	infPenalty   = 10000
	ejectPenalty = -10000
)

// A node is one item of a paragraph's horizontal list. Lengths are points.
type node struct {
	kind    nodeKind
	flagged bool    // penalty or discretionary: ends the line with a hyphen (K-P "flagged")
	shaped  bool    // a box of shaped glyphs: glyphs[kernLo:kernHi] of its paragraph
	width   float64 // for penalties and discretionaries, the width added when broken there
	stretch float64
	shrink  float64
	fill    float64 // infinite (first-order) stretch, as TeX's fil; only the parfillskip has it
	penalty float64

	// What a box draws: text[start:end] of its paragraph in font slot
	// slot, from source run run. Internal kerns are kerns[kernLo:kernHi],
	// or, in a shaped box, its glyphs are glyphs[kernLo:kernHi].
	slot           int16
	run            int32
	start, end     int32
	kernLo, kernHi int32

	// How far a box's first and last characters may hang into the left
	// and right margins when they start or end a line, in points; for a
	// discretionary, rprot is its hyphen's (microtype.go).
	lprot, rprot float64
}

// A kernAt is a kern inside a box: the glyph at byte offset at is moved by
// dx points.
type kernAt struct {
	at int32
	dx float64
}
