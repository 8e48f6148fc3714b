package layout

import "strings"

// This file is the last stage of setting a paragraph: given the breaks,
// position the words of each line, stretching or shrinking its spaces by
// the line's adjustment ratio.

// A setLine is a finished line. Its items have X measured from the start
// of the measure and Y from the baseline.
type setLine struct {
	items      []Item
	hyphenated bool    // ends at a hyphenation point, with a hyphen drawn
	justified  bool    // its spaces were adjusted to the measure (not a last line)
	ratio      float64 // the adjustment ratio: -1 fully shrunk, 1 fully stretched
	overfull   float64 // points beyond the measure
	width      float64 // where the last item ends, from the line's start
}

// finalize sets the lines of the paragraph ending at the given breaks and
// appends them to out.
func (p *paragraph) finalize(breaks []int, o paraOptions, out []setLine) []setLine {
	nodes := p.nodes
	start := 0
	// One allocation for the text items of the whole paragraph, and one
	// for the item lists of its lines.
	boxes := 0
	for i := range nodes {
		if nodes[i].kind == boxNode {
			boxes++
		}
	}
	arena := make([]TextItem, 0, boxes+1)
	list := make([]Item, 0, boxes+len(breaks))
	for li, brk := range breaks {
		if li > 0 {
			// A line after a break starts at its first box (K-P 1981).
			for start < brk && nodes[start].kind != boxNode {
				start++
			}
		}
		bn := &nodes[brk]
		var w, st, sh, fill float64
		for j := start; j < brk; j++ {
			n := &nodes[j]
			switch n.kind {
			case boxNode, kernNode:
				w += n.width
			case glueNode:
				w += n.width
				st += n.stretch
				sh += n.shrink
				fill += n.fill
			}
		}
		hyphenated := bn.kind == discNode
		if hyphenated {
			w += bn.width
		}
		line := setLine{hyphenated: hyphenated}
		r := 0.0
		switch {
		case w > o.measure && sh > 0:
			r = max((o.measure-w)/sh, -1)
		case w < o.measure && fill == 0 && st > 0:
			r = (o.measure - w) / st
		}
		if fill == 0 && !o.ragged {
			line.justified = true
			line.ratio = r
		}
		if over := w + r*sh - o.measure; r <= 0 && over > 0.01 {
			line.overfull = over
		}

		items := list[len(list):len(list)]
		x := 0.0
		var (
			cur      *TextItem
			curEnd   int32
			curSlot  int16 = -1
			curRun   int32 = -1
			curStart int32
			kerned   bool
			link     *LinkItem
		)
		for j := start; j < brk; j++ {
			n := &nodes[j]
			switch n.kind {
			case boxNode:
				if n.slot < 0 {
					x += n.width
					cur, link = nil, nil
					continue
				}
				sl := p.slots[n.slot]
				if cur != nil && n.slot == curSlot && n.run == curRun && n.start == curEnd {
					if kerned {
						cur.Kerns = append(cur.Kerns, Kern{At: int(n.start - curStart), Offset: x - cur.X})
					}
					cur.Text = p.text[curStart:n.end]
				} else {
					arena = append(arena, TextItem{X: x, Font: sl.face.Name(), Size: sl.size, Text: p.text[n.start:n.end], Gray: p.style.gray})
					cur, curStart = &arena[len(arena)-1], n.start
					items = append(items, cur)
				}
				if n.kernLo < n.kernHi {
					// Kerns inside the box: find where each kerned glyph
					// starts by summing the advances before it.
					gx, from := x, n.start
					for _, k := range p.kerns[n.kernLo:n.kernHi] {
						gx += advance(sl, p.text[from:k.at]) + k.dx
						from = k.at
						cur.Kerns = append(cur.Kerns, Kern{At: int(k.at - curStart), Offset: gx - cur.X})
					}
				}
				curEnd, curSlot, curRun, kerned = n.end, n.slot, n.run, false
				if url := p.runs[n.run].link; url != "" {
					f := sl.face
					if link == nil || link.URL != url {
						link = &LinkItem{X: x, Y: -f.Ascent() * sl.size, H: (f.Ascent() + f.Descent()) * sl.size, URL: url}
						items = append(items, link)
					}
					link.W = x + n.width - link.X
				} else {
					link = nil
				}
				x += n.width
			case glueNode:
				if r < 0 {
					x += n.width + r*n.shrink
				} else {
					x += n.width + r*n.stretch
				}
				cur = nil
			case kernNode:
				x += n.width
				kerned = true
			}
		}
		if hyphenated {
			if cur != nil && curSlot == bn.slot {
				cur.Text += "-"
			} else if s := bn.slot; s >= 0 {
				sl := p.slots[s]
				items = append(items, &TextItem{X: x, Font: sl.face.Name(), Size: sl.size, Text: "-", Gray: p.style.gray})
			}
			if link != nil {
				link.W += bn.width
			}
		} else if cur != nil && li < len(breaks)-1 && strings.HasSuffix(cur.Text, "-") {
			// A line ending at a word's own hyphen ("China-|North"): text
			// extraction takes a final U+002D for a hyphenation point and
			// deletes it, so draw the same glyph as U+2010 HYPHEN, which
			// it keeps.
			cur.Text = strings.TrimSuffix(cur.Text, "-") + "\u2010"
		}
		line.width = x
		if hyphenated {
			line.width += bn.width
		}
		line.items = items[:len(items):len(items)]
		if n := len(list); len(items) > 0 && n+len(items) <= cap(list) && &list[:n+1][n] == &items[0] {
			list = list[:n+len(items)] // the line's items live in list
		}
		out = append(out, line)
		start = brk + 1
	}
	return out
}

// advance returns the width of s in sl without kerning.
func advance(sl slot, s string) float64 {
	w := 0.0
	for _, r := range s {
		w += sl.face.Advance(r)
	}
	return w * sl.size
}
