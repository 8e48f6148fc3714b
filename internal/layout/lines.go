package layout

import (
	"math"
	"strings"
)

// This file is the last stage of setting a paragraph: given the breaks,
// position the words of each line, stretching or shrinking its spaces by
// the line's adjustment ratio.

// A setLine is a finished line. Its items have X measured from the start
// of the measure and Y from the baseline.
type setLine struct {
	items      []Item
	hyphenated bool    // ends at a hyphenation point, with a hyphen drawn
	justified  bool    // its spaces were adjusted to the measure (not a last line)
	loose      bool    // a line of justified text left short, too loose to justify
	ratio      float64 // the adjustment ratio: -1 fully shrunk, 1 fully stretched
	overfull   float64 // points beyond the measure
	width      float64 // where the last item ends, from the line's start
}

// finalize sets the lines of the paragraph ending at the given breaks and
// appends them to out. Each line goes through the same steps: find where
// it starts, measure it, adjust its spaces to the measure, place its words,
// and end it.
func (p *paragraph) finalize(breaks []int, o paraOptions, out []setLine) []setLine {
	pl := placer{p: p, mem: p.itemMemory(len(breaks))}
	start := 0
	for li, brk := range breaks {
		if li > 0 {
			start = p.lineStart(start, brk)
		}
		bn := &p.nodes[brk]
		hyphenated := bn.kind == discNode
		m := p.natural(start, brk)
		if hyphenated {
			m.w += bn.width
		}
		lp, rp := p.protrusion(start, brk, hyphenated)
		m.w -= lp + rp
		natural := m
		e := p.expansion(start, brk, &m, o)
		line, r := adjust(m, o)
		if line.justified && r > maxStretch {
			// Justified, its spaces would gape: it is set at its natural
			// spacing and left short, as a paragraph's last line is.
			m, e = natural, 0
			line, _ = adjust(m, paraOptions{measure: o.measure, ragged: true})
			line.loose, r = true, 0
		}
		line.hyphenated = hyphenated
		pl.startLine()
		pl.x, pl.scale = -lp, 1+e
		pl.place(p.visual(p.nodes[start:brk]), r)
		pl.end(bn, hyphenated, li == len(breaks)-1)
		line.width = pl.x
		if hyphenated {
			line.width += bn.width
		}
		if p.base%2 == 1 {
			// A right-to-left line is set from the right edge.
			for _, it := range pl.items {
				moveItem(it, o.measure-line.width, 0)
			}
		}
		line.items = pl.mem.keep(pl.items)
		out = append(out, line)
		start = brk + 1
	}
	return out
}

// protrusion returns how far the line nodes[start:brk] hangs into the
// left and right margins: its first character's protrusion and its last's,
// or its hyphen's; 0 and 0 unless the paragraph protrudes.
func (p *paragraph) protrusion(start, brk int, hyphenated bool) (left, right float64) {
	if !p.s.Protrusion {
		return 0, 0
	}
	for j := start; j < brk; j++ {
		if n := &p.nodes[j]; n.kind == boxNode {
			left = n.lprot
			break
		}
	}
	if hyphenated {
		return left, p.nodes[brk].rprot
	}
	for j := brk - 1; j >= start; j-- {
		if n := &p.nodes[j]; n.kind == boxNode {
			if n.slot >= 0 {
				right = n.rprot
			}
			break
		}
	}
	return left, right
}

// expansion returns by how much, as a fraction, the line nodes[start:brk]
// of natural totals m sets its characters wider (or narrower): the share
// of the line's adjustment that the characters' stretch (or shrink) takes
// when it is counted beside the spaces', as the line breaker counted it,
// in steps of expansionStep. It adds the expanded characters' width to
// m, so that the spaces take the rest. 0 unless the paragraph expands, or
// for a ragged line, or a paragraph's last that needs no shrinking.
func (p *paragraph) expansion(start, brk int, m *sums, o paraOptions) float64 {
	ex := p.s.Expansion
	if ex == 0 || o.ragged || m.fill > 0 && m.w <= o.measure {
		return 0
	}
	chars := 0.0
	for j := start; j < brk; j++ {
		if n := &p.nodes[j]; n.kind == boxNode && n.slot >= 0 {
			chars += n.width
		}
	}
	all := *m
	all.stretch += ex * chars
	all.shrink += ex * chars
	_, r := adjust(all, o)
	e := math.Round(math.Min(1, r)*ex/expansionStep) * expansionStep
	if r < 0 {
		// Shrinking, the characters take at least their share, rounded
		// up: a line of ideographs has no other shrink to take the rest.
		e = -math.Min(ex, math.Ceil(-r*ex/expansionStep-1e-9)*expansionStep)
	}
	m.w += e * chars
	return e
}

// maxStretch is the largest adjustment ratio a justified line is set at:
// its spaces stretched three times their stretch, nearly three times their
// width. A line that would need more, as one before a long address that
// cannot break, is set at its natural spacing and left short instead.
const maxStretch = 3

// lineStart returns where the line after a break begins: at its first box,
// since the glue, kerns and penalties after a break are discarded (K-P
// 1981). No line starts past brk, where it ends.
func (p *paragraph) lineStart(start, brk int) int {
	for start < brk && p.nodes[start].kind != boxNode {
		start++
	}
	return start
}

// natural returns the totals of the line nodes[start:end]: its natural
// width, and how far its glue stretches and shrinks.
func (p *paragraph) natural(start, end int) sums {
	var m sums
	for j := start; j < end; j++ {
		n := &p.nodes[j]
		switch n.kind {
		case boxNode, kernNode:
			m.w += n.width
		case glueNode:
			m.w += n.width
			m.stretch += n.stretch
			m.shrink += n.shrink
			m.fill += n.fill
		}
	}
	return m
}

// adjust returns the line whose natural totals are m, with its adjustment
// ratio r, by which its glue stretches (r > 0) or shrinks (r < 0) to fill
// the measure. A line that cannot shrink enough is overfull; one with
// infinite stretch (the last of a paragraph) keeps its natural spaces. A
// ragged line is not counted as justified, though any glue of it that
// stretches still does.
func adjust(m sums, o paraOptions) (line setLine, r float64) {
	switch {
	case m.w > o.measure && m.shrink > 0:
		r = max((o.measure-m.w)/m.shrink, -1)
	case m.w < o.measure && m.fill == 0 && m.stretch > 0:
		r = (o.measure - m.w) / m.stretch
	}
	if m.fill == 0 && !o.ragged {
		line.justified = true
		line.ratio = r
	}
	if over := m.w + r*m.shrink - o.measure; r <= 0 && over > 0.01 {
		line.overfull = over
	}
	return line, r
}

// itemMemory holds the items of a paragraph's lines: one allocation for
// the text items of the whole paragraph, and one for the item lists of its
// lines.
type itemMemory struct {
	texts  []TextItem
	list   []Item
	glyphs []Glyph
	shaped []Shaped
}

// itemMemory returns the memory for the items of a paragraph of the given
// number of lines. A text item joins the boxes of a word in one font, so
// there is one for each box that does not go on from the box before it,
// and one more for each line, which may cut a word. Sizing texts by boxes
// kept a fifth more memory alive (475 MB against 397 MB in a 20 MB text's
// heap profile), since the items point into it for as long as the page is.
func (p *paragraph) itemMemory(lines int) itemMemory {
	words := 0
	var prev *node
	for i := range p.nodes {
		n := &p.nodes[i]
		switch n.kind {
		case boxNode:
			if prev == nil || !n.continues(prev.slot, prev.run, prev.end) {
				words++
			}
			prev = n
		case glueNode:
			prev = nil
		}
	}
	m := itemMemory{texts: make([]TextItem, 0, words+lines), list: make([]Item, 0, words+2*lines)}
	if len(p.glyphs) > 0 {
		m.glyphs = make([]Glyph, 0, len(p.glyphs))
		boxes := 0
		for i := range p.nodes {
			if p.nodes[i].shaped {
				boxes++
			}
		}
		m.shaped = make([]Shaped, 0, boxes)
	}
	return m
}

// text stores t and returns a pointer to it. texts is sized for the
// paragraph's items; should it grow, the items already made keep their
// memory, to which they point.
func (m *itemMemory) text(t TextItem) *TextItem {
	m.texts = append(m.texts, t)
	return &m.texts[len(m.texts)-1]
}

// lineItems returns an empty slice for a line's items, in the spare
// capacity of list.
func (m *itemMemory) lineItems() []Item {
	return m.list[len(m.list):len(m.list)]
}

// keep returns a line's items capped at their length, and claims the
// memory of list that they were appended in, unless appending outgrew it.
func (m *itemMemory) keep(items []Item) []Item {
	kept := items[:len(items):len(items)]
	if n := len(m.list); len(items) > 0 && n+len(items) <= cap(m.list) && &m.list[:n+1][n] == &items[0] {
		m.list = m.list[:n+len(items)] // the line's items live in list
	}
	return kept
}

// continues reports whether box n goes on from a box in slot and run whose
// text ended at end: the two are set as one text item, one word in one
// font.
func (n *node) continues(slot int16, run, end int32) bool {
	return n.slot == slot && n.run == run && n.start == end && !n.shaped
}

// A placer positions the words of a paragraph's lines, each from x = 0.
// It joins the boxes of one word in one font into one text item, so that
// text extraction sees whole words.
type placer struct {
	p     *paragraph
	mem   itemMemory
	items []Item
	x     float64

	// The text item being extended: its source text starts at curStart
	// and has reached curEnd, in slot curSlot and run curRun.
	cur      *TextItem
	curStart int32
	curEnd   int32
	curSlot  int16
	curRun   int32
	kerned   bool      // a kern node came since the last box
	link     *LinkItem // the link area being extended
	// curShaped is the shaped text item being extended, whose glyphs
	// start at mem.glyphs[glyphFrom].
	curShaped *TextItem
	glyphFrom int
	// scale is how much wider the line's characters are set: 1 plus
	// its expansion.
	scale float64
}

// startLine readies the placer for the next line.
func (pl *placer) startLine() {
	*pl = placer{p: pl.p, mem: pl.mem, items: pl.mem.lineItems(), curSlot: -1, curRun: -1, scale: 1}
}

// place positions the nodes of a line whose glue is adjusted by ratio r.
func (pl *placer) place(nodes []node, r float64) {
	for j := range nodes {
		n := &nodes[j]
		switch n.kind {
		case boxNode:
			pl.box(n)
		case glueNode:
			if r < 0 {
				pl.x += n.width + r*n.shrink
			} else {
				pl.x += n.width + r*n.stretch
			}
			pl.cur, pl.curShaped = nil, nil
		case kernNode:
			pl.x += n.width * pl.scale
			pl.kerned = true
		}
	}
}

// box places a box: its text, and the link area it is part of. A box with
// no slot (an indent, a character no font has) is white space.
func (pl *placer) box(n *node) {
	if n.slot < 0 {
		pl.x += n.width
		pl.cur, pl.link, pl.curShaped = nil, nil, nil
		return
	}
	sl := pl.p.slots[n.slot]
	pl.text(n, sl)
	pl.curEnd, pl.curSlot, pl.curRun, pl.kerned = n.end, n.slot, n.run, false
	pl.linkArea(n, sl)
	pl.x += n.width * pl.scale
}

// text extends the current text item with a box that continues it in the
// same font, or starts a new one, and records the kerns inside the box.
func (pl *placer) text(n *node, sl slot) {
	p := pl.p
	if n.shaped {
		pl.shaped(n, sl)
		return
	}
	pl.curShaped = nil
	if pl.cur != nil && n.continues(pl.curSlot, pl.curRun, pl.curEnd) {
		if pl.kerned {
			pl.cur.Kerns = append(pl.cur.Kerns, Kern{At: int(n.start - pl.curStart), Offset: pl.x - pl.cur.X})
		}
		pl.cur.Text = p.text[pl.curStart:n.end]
	} else {
		pl.cur = pl.mem.text(TextItem{X: pl.x, Font: sl.face.Name(), Size: sl.size, Text: p.text[n.start:n.end], Gray: p.style.gray, Note: p.runs[n.run].note, Expansion: pl.scale - 1})
		pl.curStart = n.start
		pl.items = append(pl.items, pl.cur)
	}
	if n.kernLo < n.kernHi {
		// Kerns inside the box: find where each kerned glyph starts by
		// summing the advances before it.
		gx, from := pl.x, n.start
		for _, k := range p.kerns[n.kernLo:n.kernHi] {
			gx += (advance(sl, p.text[from:k.at]) + k.dx) * pl.scale
			from = k.at
			pl.cur.Kerns = append(pl.cur.Kerns, Kern{At: int(k.at - pl.curStart), Offset: gx - pl.cur.X})
		}
	}
}

// shaped adds the text item of a shaped box, its glyphs placed from the
// item's X. It goes on from no other item, and none goes on from it.
func (pl *placer) shaped(n *node, sl slot) {
	p := pl.p
	m := &pl.mem
	if t := pl.curShaped; t != nil && n.slot == pl.curSlot && n.run == pl.curRun && n.start == pl.curEnd {
		// The rest of a word parted at a hyphenation point not taken.
		for _, g := range p.glyphs[n.kernLo:n.kernHi] {
			m.glyphs = append(m.glyphs, Glyph{ID: g.id, X: g.x*pl.scale + pl.x - t.X, Y: g.y, Text: p.text[g.from:g.to]})
		}
		t.Text = p.text[pl.curStart:n.end]
		t.Shaped.Glyphs = m.glyphs[pl.glyphFrom:len(m.glyphs):len(m.glyphs)]
		return
	}
	from := len(m.glyphs)
	for _, g := range p.glyphs[n.kernLo:n.kernHi] {
		m.glyphs = append(m.glyphs, Glyph{ID: g.id, X: g.x * pl.scale, Y: g.y, Text: p.text[g.from:g.to]})
	}
	m.shaped = append(m.shaped, Shaped{Glyphs: m.glyphs[from:len(m.glyphs):len(m.glyphs)], RightToLeft: p.level(int(n.start))%2 == 1})
	t := pl.mem.text(TextItem{X: pl.x, Font: sl.face.Name(), Size: sl.size, Text: p.text[n.start:n.end], Gray: p.style.gray, Note: p.runs[n.run].note,
		Expansion: pl.scale - 1, Shaped: &m.shaped[len(m.shaped)-1]})
	pl.items = append(pl.items, t)
	pl.cur = nil
	pl.curShaped, pl.curStart, pl.glyphFrom = t, n.start, from
}

// linkArea extends the link area under a box of a linked run, or starts
// one; a box of a run with no link ends it.
func (pl *placer) linkArea(n *node, sl slot) {
	if note := pl.p.runs[n.run].note; note > 0 {
		// A note's reference leads to the note (compose finds where).
		f := sl.face
		pl.items = append(pl.items, &LinkItem{X: pl.x, Y: -f.Ascent() * sl.size, H: (f.Ascent() + f.Descent()) * sl.size, W: n.width * pl.scale, note: note})
		pl.link = nil
		return
	}
	url := pl.p.runs[n.run].link
	if url == "" {
		pl.link = nil
		return
	}
	if pl.link == nil || pl.link.URL != url {
		f := sl.face
		pl.link = &LinkItem{X: pl.x, Y: -f.Ascent() * sl.size, H: (f.Ascent() + f.Descent()) * sl.size, URL: url}
		pl.items = append(pl.items, pl.link)
	}
	pl.link.W = pl.x + n.width*pl.scale - pl.link.X
}

// end finishes a line broken at node bn: it draws the hyphen of a
// hyphenation point, in the font of the text before it. last says the line
// is the paragraph's last.
func (pl *placer) end(bn *node, hyphenated, last bool) {
	switch {
	case hyphenated:
		if t := pl.curShaped; t != nil && pl.curSlot == bn.slot {
			// The hyphen ends the shaped word as one of its glyphs.
			m := &pl.mem
			f := pl.p.slots[bn.slot].face
			m.glyphs = append(m.glyphs, Glyph{ID: f.Glyph('-'), X: pl.x - t.X, Text: "-"})
			t.Text += "-"
			t.Shaped.Glyphs = m.glyphs[pl.glyphFrom:len(m.glyphs):len(m.glyphs)]
		} else if pl.cur != nil && pl.curSlot == bn.slot {
			pl.cur.Text += "-"
		} else if s := bn.slot; s >= 0 {
			sl := pl.p.slots[s]
			pl.items = append(pl.items, &TextItem{X: pl.x, Font: sl.face.Name(), Size: sl.size, Text: "-", Gray: pl.p.style.gray})
		}
		if pl.link != nil {
			pl.link.W += bn.width
		}
	case pl.cur != nil && !last && strings.HasSuffix(pl.cur.Text, "-"):
		// A line ending at a word's own hyphen ("China-|North"): text
		// extraction takes a final U+002D for a hyphenation point and
		// deletes it, so draw the same glyph as U+2010 HYPHEN, which it
		// keeps.
		pl.cur.Text = strings.TrimSuffix(pl.cur.Text, "-") + "\u2010"
	}
}

// advance returns the width of s in sl without kerning.
func advance(sl slot, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += sl.face.Advance(r)
	}
	return w * sl.size
}
