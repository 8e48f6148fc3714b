package layout

import "math"

// Settings are the parameters of the Knuth-Plass line breaker, named after
// the TeX parameters they mirror. Penalties and demerits are in TeX's units;
// lengths are points.
type Settings struct {
	// Pretolerance is the largest badness allowed in the first pass, which
	// ignores hyphenation points so that a paragraph that sets well without
	// hyphens gets none (TeX's \pretolerance). Negative skips the pass.
	Pretolerance float64
	// Tolerance is the largest badness allowed in the second pass, with
	// hyphenation (\tolerance).
	Tolerance float64
	// EmergencyStretch is added to every line's stretch in the final pass,
	// which also accepts any badness, so that a paragraph that cannot be
	// set within tolerance comes out loose rather than overfull
	// (\emergencystretch).
	EmergencyStretch float64
	// LinePenalty is added to every line's badness before squaring, so
	// that fewer lines are preferred (\linepenalty).
	LinePenalty float64
	// HyphenPenalty is the cost of breaking at a hyphenation point
	// (\hyphenpenalty); ExHyphenPenalty at an explicit hyphen or dash
	// (\exhyphenpenalty). They are put on the nodes when a paragraph is
	// built.
	HyphenPenalty   float64
	ExHyphenPenalty float64
	// DoubleHyphenDemerits are added when two consecutive lines end with
	// a hyphen (\doublehyphendemerits); FinalHyphenDemerits when the line
	// before the last does (\finalhyphendemerits).
	DoubleHyphenDemerits float64
	FinalHyphenDemerits  float64
	// AdjDemerits are added when adjacent lines are in fitness classes
	// more than one apart: a loose line next to a tight one (\adjdemerits).
	AdjDemerits float64
	// MaxHyphenLines caps how many consecutive lines may end with a
	// hyphen; 0 means no cap. TeX has no such limit and only discourages
	// a run with DoubleHyphenDemerits; the cap is kept exactly by making
	// the run length part of a breakpoint's state.
	MaxHyphenLines int
	// SpaceStretch and SpaceShrink are how much a word space may grow
	// and shrink, as fractions of its width (TeX's fontdimens 3 and 4).
	// SpaceShrink must stay at or below 0.4 so that a space never shrinks
	// below 0.6 of its width.
	SpaceStretch, SpaceShrink float64
	// RaggedStretch is stretch added to every line as TeX's \rightskip
	// for ragged-right setting; 0 for justified text.
	RaggedStretch float64
	// Protrusion lets a line's first and last characters hang into the
	// margins (microtype.go), so that the line is that much shorter.
	Protrusion bool
	// Expansion is how much wider or narrower, as a fraction, a line's
	// characters may be set: pdfTeX's font expansion, counted in the
	// line's stretch and shrink. 0 turns it off.
	Expansion float64
}

// DefaultSettings returns the settings of plain TeX, with a cap of two
// hyphenated lines in a row and one em of emergency stretch.
func DefaultSettings(em float64) Settings {
	return Settings{
		Pretolerance:         100,
		Tolerance:            200,
		EmergencyStretch:     em,
		LinePenalty:          10,
		HyphenPenalty:        50,
		ExHyphenPenalty:      50,
		DoubleHyphenDemerits: 10000,
		FinalHyphenDemerits:  5000,
		AdjDemerits:          10000,
		MaxHyphenLines:       2,
		SpaceStretch:         0.6,
		SpaceShrink:          0.35,
	}
}

// awful is larger than any demerits a paragraph can collect.
const awful = math.MaxFloat64

// A breakpoint is a feasible break found by the breaker: where it is, the
// state of the line it ends, and the best way to reach it.
type breakpoint struct {
	pos      int32 // index of the node broken at; -1 for the paragraph start
	prev     int32 // index of the previous breakpoint in breaker.bps
	fitness  int8  // 0 very loose, 1 loose, 2 decent, 3 tight (K-P 1981)
	hyphens  int8  // how many lines in a row, ending here, end with a hyphen
	overfull bool  // reached by a last-resort break that leaves the line too wide
	total    sums  // totals of the list after the break, discardables skipped
	demerits float64
	// lprot is how far the first character of the line after the break
	// may hang into the left margin, with protrusion on.
	lprot float64
}

// sums are running totals of a horizontal list.
type sums struct{ w, stretch, shrink, fill float64 }

// A breaker holds the scratch space of the Knuth-Plass algorithm so that one
// paragraph after another reuses it, and the state of the paragraph and the
// pass under way.
type breaker struct {
	bps    []breakpoint
	active []int32
	breaks []int

	// The paragraph being broken, set by lineBreaks for all its passes.
	nodes []node
	width float64
	s     Settings

	// The pass under way.
	ps     passSettings
	cur    sums            // totals of the list up to the current node
	lastRP float64         // how far the last box's last character may protrude
	cands  [4][3]candidate // by fitness class and hyphen run (0, 1, 2+)
}

// passSettings say how one pass over a paragraph runs; each of the passes
// lineBreaks makes is more permissive than the one before, as TeX's.
type passSettings struct {
	tolerance float64 // the largest badness a line may have
	hyphenate bool    // discretionaries are break opportunities
	emergency float64 // stretch added to every line (\emergencystretch)
	final     bool    // an overfull line may be the last resort (§854)
}

// A candidate is the best way found, in one fitness class and hyphen state,
// to break at the current node.
type candidate struct {
	demerits float64
	prev     int32
	overfull bool
}

// A trial is a break being tried at a node.
type trial struct {
	n      *node
	pen    float64 // the break's penalty; 0 at glue
	pw     float64 // the width the break adds to its line: a hyphen
	rprot  float64 // how far the line's last character may protrude
	forced bool
}

// lineBreaks chooses where to end the lines of a paragraph of the given
// width, as Knuth and Plass's total-fit algorithm: among all ways of
// breaking, the one with the least total demerits. It returns the indexes of
// the nodes broken at, the last being the final forced break, and whether a
// last-resort break had to leave a line overfull. The returned slice is
// reused by the next call. nodes must end with a forced break.
func (b *breaker) lineBreaks(nodes []node, width float64, s Settings) (breaks []int, overfull bool) {
	b.nodes, b.width, b.s = nodes, width, s
	if s.Pretolerance >= 0 {
		if b.pass(passSettings{tolerance: s.Pretolerance}) {
			return b.result()
		}
	}
	if b.pass(passSettings{tolerance: s.Tolerance, hyphenate: true}) {
		return b.result()
	}
	b.pass(passSettings{tolerance: math.Inf(1), hyphenate: true, emergency: s.EmergencyStretch, final: true})
	return b.result()
}

// result walks back from the best final breakpoint.
func (b *breaker) result() ([]int, bool) {
	best, bestD := int32(-1), awful
	last := b.bps[len(b.bps)-1].pos
	for _, a := range b.active {
		if bp := &b.bps[a]; bp.pos == last && bp.demerits < bestD {
			best, bestD = a, bp.demerits
		}
	}
	b.breaks = b.breaks[:0]
	overfull := false
	for i := best; i > 0; i = b.bps[i].prev {
		b.breaks = append(b.breaks, int(b.bps[i].pos))
		overfull = overfull || b.bps[i].overfull
	}
	for i, j := 0, len(b.breaks)-1; i < j; i, j = i+1, j-1 {
		b.breaks[i], b.breaks[j] = b.breaks[j], b.breaks[i]
	}
	return b.breaks, overfull
}

// pass runs the algorithm once over the paragraph, trying a break at every
// legal breakpoint in turn. It reports whether a way to the end was found.
func (b *breaker) pass(ps passSettings) bool {
	b.ps = ps
	b.bps = append(b.bps[:0], breakpoint{pos: -1, prev: -1, fitness: 2, lprot: b.leftProtrusion(0)})
	b.active = append(b.active[:0], 0)
	b.cur, b.lastRP = sums{}, 0
	nodes := b.nodes
	ex := b.s.Expansion
	for i := range nodes {
		n := &nodes[i]
		switch n.kind {
		case boxNode:
			b.cur.w += n.width
			if n.slot >= 0 {
				b.cur.stretch += ex * n.width
				b.cur.shrink += ex * n.width
				b.lastRP = n.rprot
			}
		case kernNode:
			b.cur.w += n.width
		case glueNode:
			if i > 0 && nodes[i-1].kind == boxNode {
				b.try(i, n)
			}
			b.cur.w += n.width
			b.cur.stretch += n.stretch
			b.cur.shrink += n.shrink
			b.cur.fill += n.fill
		case discNode:
			if ps.hyphenate && n.penalty < infPenalty {
				b.try(i, n)
			}
		case penaltyNode:
			if n.penalty < infPenalty {
				b.try(i, n)
			}
		}
		if len(b.active) == 0 {
			return false
		}
	}
	last := int32(len(nodes) - 1)
	for _, a := range b.active {
		if b.bps[a].pos == last {
			return true
		}
	}
	return false
}

// try tries a break at node i: it ends a line there after each active
// breakpoint, and records the best ways found as new breakpoints.
func (b *breaker) try(i int, n *node) {
	t := trial{n: n}
	if n.kind != glueNode {
		t.pen, t.pw = n.penalty, n.width
	}
	if b.s.Protrusion {
		t.rprot = b.lastRP
		if n.flagged {
			t.rprot = n.rprot // the hyphen ends the line
		}
	}
	t.forced = t.pen <= ejectPenalty
	if minD := b.evaluate(t); minD != awful {
		b.record(i, minD)
	}
}

// evaluate ends a line at t after each active breakpoint, keeps the best
// feasible line of each fitness class and hyphen state in b.cands, and
// returns the least demerits found, or awful when no line is feasible. A
// breakpoint that a line from it would overfill, or that a forced break
// passes, is deactivated.
func (b *breaker) evaluate(t trial) float64 {
	for f := range b.cands {
		for h := range b.cands[f] {
			b.cands[f][h] = candidate{demerits: awful}
		}
	}
	maxHy := int8(b.s.MaxHyphenLines)
	minD := awful
	kept := b.active[:0]
	for ai, a := range b.active {
		bp := &b.bps[a]
		r := b.ratio(bp, t.pw-t.rprot-bp.lprot)
		bad := badness(r)
		feasible := r >= -1 && bad <= b.ps.tolerance
		artificial := false
		if !feasible && r < -1 && b.ps.final && minD == awful && len(kept) == 0 && ai == len(b.active)-1 {
			// TeX's last resort (§854): the only way on is an overfull line.
			feasible, artificial, bad = true, true, 0
		}
		if feasible && t.n.flagged && maxHy > 0 && bp.hyphens >= maxHy {
			feasible = false
		}
		if feasible {
			d, fit := b.demerits(bp, t, r, bad)
			if artificial {
				d = 0
			}
			d += bp.demerits
			hy := int8(0)
			if t.n.flagged {
				hy = min(bp.hyphens+1, 2)
			}
			if c := &b.cands[fit][hy]; d < c.demerits {
				*c = candidate{demerits: d, prev: a, overfull: artificial}
			}
			minD = min(minD, d)
		}
		if r >= -1 && !t.forced {
			kept = append(kept, a)
		}
	}
	b.active = kept
	return minD
}

// ratio returns the adjustment ratio of the line from bp to the current
// node, pw wider for what the break adds: how far its spaces stretch (to
// 1) or shrink (to -1) to fill the measure; 0 for a line with infinite
// stretch; ±Inf when it cannot stretch or shrink at all.
func (b *breaker) ratio(bp *breakpoint, pw float64) float64 {
	w := b.cur.w - bp.total.w + pw
	switch {
	case w < b.width:
		if b.cur.fill-bp.total.fill > 0 {
			return 0
		}
		if st := b.cur.stretch - bp.total.stretch + b.s.RaggedStretch + b.ps.emergency; st > 0 {
			return (b.width - w) / st
		}
		return math.Inf(1)
	case w > b.width:
		if sh := b.cur.shrink - bp.total.shrink; sh > 0 {
			return (b.width - w) / sh
		}
		return math.Inf(-1)
	}
	return 0
}

// demerits returns the demerits of a line from bp ending at t, with
// adjustment ratio r and badness bad, as TeX counts them (§859), and the
// line's fitness class.
func (b *breaker) demerits(bp *breakpoint, t trial, r, bad float64) (float64, int8) {
	s := &b.s
	d := s.LinePenalty + bad
	d *= d
	switch {
	case t.pen > 0:
		d += t.pen * t.pen
	case t.pen > ejectPenalty:
		d -= t.pen * t.pen
	}
	if t.n.flagged && bp.hyphens > 0 {
		d += s.DoubleHyphenDemerits
	} else if t.forced && bp.hyphens > 0 {
		d += s.FinalHyphenDemerits
	}
	fit := fitness(r, bad)
	if abs8(fit-bp.fitness) > 1 {
		d += s.AdjDemerits
	}
	return d, fit
}

// record adds a breakpoint at node i for each candidate within
// AdjDemerits of the best, minD: a worse way may yet make a better
// paragraph, but never by more than the AdjDemerits that the next line's
// fitness can save (§836).
func (b *breaker) record(i int, minD float64) {
	after := b.breakTotals(i)
	lp := b.leftProtrusion(i + 1)
	limit := minD + b.s.AdjDemerits
	for f := range b.cands {
		for h := range b.cands[f] {
			c := &b.cands[f][h]
			if c.demerits > limit {
				continue
			}
			b.bps = append(b.bps, breakpoint{
				pos: int32(i), prev: c.prev, fitness: int8(f), hyphens: int8(h),
				overfull: c.overfull, total: after, demerits: c.demerits, lprot: lp,
			})
			b.active = append(b.active, int32(len(b.bps)-1))
		}
	}
}

// leftProtrusion returns how far the first character of a line that
// starts at node i may hang into the left margin: that of the first box
// from i on, if it draws text; 0 with protrusion off.
func (b *breaker) leftProtrusion(i int) float64 {
	if !b.s.Protrusion {
		return 0
	}
	for ; i < len(b.nodes); i++ {
		if n := &b.nodes[i]; n.kind == boxNode {
			return n.lprot
		}
	}
	return 0
}

// breakTotals returns the totals of the list after a break at node i,
// skipping the glue, penalties and kerns that a new line discards (K-P
// 1981, "break width").
func (b *breaker) breakTotals(i int) sums {
	nodes := b.nodes
	after := b.cur
	for j := i; j < len(nodes); j++ {
		k := &nodes[j]
		if k.kind == boxNode || (j > i && k.kind != glueNode && k.kind != kernNode && k.penalty <= ejectPenalty) {
			break
		}
		switch k.kind {
		case glueNode:
			after.w += k.width
			after.stretch += k.stretch
			after.shrink += k.shrink
			after.fill += k.fill
		case kernNode:
			after.w += k.width
		}
	}
	return after
}

// badness is TeX's measure of how far a line's spaces are from their natural
// width: about 100 r³, capped at 10000 (§108).
func badness(r float64) float64 {
	r = math.Abs(r)
	if r > 4.64 { // 100 * 4.64³ > 10000
		return infPenalty
	}
	return math.Round(100 * r * r * r)
}

// fitness classifies a line by its adjustment: very loose (0), loose (1),
// decent (2) or tight (3), with TeX's thresholds on badness (§817).
func fitness(r, bad float64) int8 {
	switch {
	case r < 0 && bad > 12:
		return 3
	case r < 0 || bad <= 12:
		return 2
	case bad <= 99:
		return 1
	}
	return 0
}

func abs8(x int8) int8 {
	if x < 0 {
		return -x
	}
	return x
}
