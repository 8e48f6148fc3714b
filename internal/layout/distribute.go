package layout

// This file is the second stage of the page flow: the vertical list of
// items (lines, spaces, figures) that collect.go makes of the blocks is
// distributed into pages. A page breaks only after an item that allows it;
// lines that would leave a widow or an orphan, and headings, forbid a break
// after them, so the builder takes the last allowed break that fits and
// lets the page run short (TeX's \widowpenalty and \clubpenalty at 10000).
// A figure that does not fit floats to the top of the next page while text
// fills the rest of this one.

// A vkind says what a vertical item is.
type vkind uint8

const (
	vLine  vkind = iota // one line of a paragraph or heading
	vSpace              // white space, dropped at the top of a page
	vBlock              // an unbreakable block: a figure, the title block's rule
)

// A vitem is one item of the vertical list.
type vitem struct {
	kind   vkind
	height float64
	// items have X from the left of the text block and Y from the top of
	// this vitem.
	items []Item
	keep  bool // no page break after this item
	float bool // may move to the top of the next page
	// shrink is how much a space may give up so that what follows it
	// (a heading and its first lines) fits the page: TeX's shrinkable
	// vertical glue. Only a page that needs it takes it.
	shrink  float64
	newPage bool // starts a page: the first item of an article
	part    bool // starts the title page of a part of a book
	inList  bool // a line of a list's item
	article int

	// For lines of paragraphs: the line number and how many the
	// paragraph has, for counting widows and orphans.
	para        int
	line, lines int

	outline *OutlineEntry // the title or heading this item opens

	// head is a table's head, repeated over this row of the table when
	// the row opens a page.
	head *vitem
	// notes are the footnotes this line first refers to, which go to the
	// foot of its page.
	notes []*vitem
	// footnote is the number of the note this item is, for a footnote,
	// and cuts where its lines start, from its top, where it may be split
	// to continue on the next page.
	footnote int
	cuts     []float64
}

// A placed vitem is where a vitem ended up.
type placed struct {
	v    *vitem
	page int // 0-based
	y    float64
}

// paginate cuts the vertical list into pages of the text block's height and
// returns, for each page, the items on it with their y. A line's footnotes
// take their height, and noteGap over the first of them, from its page's,
// and are placed at its foot under a short rule.
func paginate(v []vitem, height, noteGap float64) [][]placed {
	const eps = 0.01
	var pages [][]placed
	var deferred []*vitem
	var carry []*vitem // the rest of notes split at the last page's foot
	moved := make([]bool, len(v))
	for i := 0; i < len(v) || len(deferred) > 0 || len(carry) > 0; {
		var page []placed
		y := 0.0
		for _, d := range deferred {
			page = append(page, placed{v: d, page: len(pages), y: y})
			y += d.height
		}
		deferred = deferred[:0]
		// Space at the top of a page is discarded, as TeX discards glue
		// after a page break.
		for i < len(v) && v[i].kind == vSpace && !v[i].newPage {
			i++
		}
		if i < len(v) && v[i].head != nil {
			// A table runs onto this page: its head comes first again.
			h := &vitem{kind: vBlock, height: v[i].head.height, items: cloneItems(v[i].head.items), article: v[i].article}
			page = append(page, placed{v: h, page: len(pages), y: y})
			y += h.height
		}
		top, fill := i, y
		lastOK, lastFloat := -1, 0
		j := i
		overflow := false
		// Notes carried from the last page take at most maxCarry of this
		// one while text is left to set, and the rest goes on to the next.
		var carried []*vitem
		if len(carry) > 0 {
			room := height - noteGap
			if i < len(v) {
				room = maxCarry*height - noteGap
			}
			if head, tail, ok := fitNotes(carry, room); ok {
				carry, carried = head, tail
			}
		}
		notesH := 0.0 // the footnotes' height so far, their gap included
		if len(carry) > 0 {
			notesH = notesHeight(carry) + noteGap
		}
		split, splitHead := -1, []*vitem(nil) // a line whose notes were split
		var nextCarry []*vitem
		shrink := 0.0 // how much the page's spaces may shrink
		for ; j < len(v); j++ {
			it := &v[j]
			if moved[j] {
				continue
			}
			if it.newPage && (j > top || len(page) > 0) {
				break
			}
			if (it.outline != nil || it.inList) && lastFloat > 0 && j > top {
				// A figure floated to the next page is not passed by a
				// heading, nor set inside a list: the page ends before
				// the heading or the list, and the figure opens the next,
				// still in its section, before the list.
				overflow = true
				break
			}
			extra := notesHeight(it.notes)
			if extra > 0 && notesH == 0 {
				extra += noteGap
			}
			if fill+it.height+notesH+extra > height+eps+shrink+it.shrink && (j > top || len(page) > 0) {
				if it.float && it.height <= height && lastFloat == 0 && j > top && !v[j-1].keep {
					// Let the figure float to the next page.
					moved[j] = true
					deferred = append(deferred, it)
					lastFloat++
					continue
				}
				if head, tail, ok := splitNotes(it, height-fill-it.height-notesH, noteGap, notesH == 0); ok {
					// The line fits with the start of its notes; the rest
					// continue at the next page's foot, as TeX's do.
					split, splitHead, nextCarry = j, head, tail
					lastOK = j
					j++
				}
				overflow = true
				break
			}
			fill += it.height
			shrink += it.shrink
			notesH += extra
			if !it.keep {
				lastOK = j
			}
		}
		end := j
		if overflow && lastOK >= top {
			end = lastOK + 1
		}
		// A floated figure that ended up past the break goes back into
		// the flow.
		if len(deferred) > 0 {
			kept := deferred[:0]
			for _, d := range deferred {
				idx := indexOf(v, d)
				if idx >= end {
					moved[idx] = false
					continue
				}
				kept = append(kept, d)
			}
			deferred = kept
		}
		notes := carry
		foot := footHeight(carry, noteGap)
		for k := top; k < end; k++ {
			switch {
			case moved[k]:
			case k == split:
				foot += notesHeight(splitHead)
			default:
				foot += notesHeight(v[k].notes)
			}
		}
		if foot > 0 && len(carry) == 0 {
			foot += noteGap
		}
		carry = append(carried, nextCarry...)
		give := shrinkRatio(v[top:end], moved[top:end], height-y-foot)
		for k := top; k < end; k++ {
			if moved[k] {
				continue
			}
			page = append(page, placed{v: &v[k], page: len(pages), y: y})
			y += v[k].height - give*v[k].shrink
			if k == split {
				notes = append(notes, splitHead...)
			} else {
				notes = append(notes, v[k].notes...)
			}
		}
		if split >= end {
			carry = carried // the split line went to the next page after all
		}
		page = append(page, footPlaced(notes, height, noteGap, len(pages))...)
		if end == top && end < len(v) && !placesAny(page, v) {
			// Nothing of the list fits at all (an item taller than the
			// page, or than what a table's repeated head leaves of it):
			// set it rather than loop.
			page = append(page, placed{v: &v[end], page: len(pages), y: y})
			carry = append(carry, v[end].notes...)
			end++
		}
		pages = append(pages, page)
		i = end
	}
	return pages
}

// shrinkRatio returns the share of their shrink that the spaces of the
// items v (but those moved) give up to fit room: 0 when they fit as they
// are, at most 1.
func shrinkRatio(v []vitem, moved []bool, room float64) float64 {
	h, sh := 0.0, 0.0
	for k := range v {
		if !moved[k] {
			h += v[k].height
			sh += v[k].shrink
		}
	}
	if h <= room || sh == 0 {
		return 0
	}
	return min(1, (h-room)/sh)
}

// footHeight returns the height footnotes take at a page's foot, with the
// gap over them; 0 for none.
func footHeight(notes []*vitem, gap float64) float64 {
	if len(notes) == 0 {
		return 0
	}
	return notesHeight(notes) + gap
}

// placesAny reports whether a page holds an item of the list v, not only
// what comes back to each page (a table's head, floated figures).
func placesAny(page []placed, v []vitem) bool {
	for _, p := range page {
		if indexOf(v, p.v) >= 0 && !p.v.float {
			return true
		}
	}
	return false
}

// splitNotes splits a line's footnotes so that the line and the start of
// its notes fill room, the height its page has left under the notes set
// already (gap more is needed over the first notes of a page): the notes
// that fit whole, and the first lines of the next, set at this page's
// foot; the rest carried to the next. It reports false when the line's
// first note has no line that fits, or the line may not end the page.
func splitNotes(it *vitem, room, gap float64, first bool) (head, tail []*vitem, ok bool) {
	if it.keep || len(it.notes) == 0 {
		return nil, nil, false
	}
	if first {
		room -= gap
	}
	return fitNotes(it.notes, room)
}

// fitNotes splits notes set one under the other so that the first part
// fills room: the notes that fit whole, and the first lines of the next;
// the rest is the tail. It reports false when all fit, or when the first
// note has no line that fits.
func fitNotes(notes []*vitem, room float64) (head, tail []*vitem, ok bool) {
	for i, n := range notes {
		if n.height <= room {
			head = append(head, n)
			room -= n.height
			continue
		}
		cut := 0.0
		for _, c := range n.cuts {
			if c > 0 && c <= room {
				cut = c
			}
		}
		if cut == 0 {
			if len(head) == 0 {
				return nil, nil, false
			}
			return head, notes[i:], true
		}
		top, rest := sliceNote(n, cut)
		return append(head, top), append([]*vitem{rest}, notes[i+1:]...), true
	}
	return nil, nil, false // all fit: no split is needed
}

// sliceNote cuts a footnote at cut, where one of its lines starts: the
// lines above stay, the rest move up into a note of their own.
func sliceNote(n *vitem, cut float64) (top, rest *vitem) {
	top = &vitem{kind: vBlock, height: cut, article: n.article, footnote: n.footnote}
	rest = &vitem{kind: vBlock, height: n.height - cut, article: n.article}
	for _, it := range n.items {
		if itemY(it) < cut {
			top.items = append(top.items, it)
			continue
		}
		moveItem(it, 0, -cut)
		rest.items = append(rest.items, it)
	}
	for _, c := range n.cuts {
		if c > cut {
			rest.cuts = append(rest.cuts, c-cut)
		}
	}
	return top, rest
}

// notesHeight returns the height of footnotes set one under the other.
func notesHeight(notes []*vitem) float64 {
	h := 0.0
	for _, n := range notes {
		h += n.height
	}
	return h
}

// footPlaced places a page's footnotes at its foot, the last ending at
// height, under a short rule in the gap above the first.
func footPlaced(notes []*vitem, height, gap float64, page int) []placed {
	if len(notes) == 0 {
		return nil
	}
	y := height - notesHeight(notes)
	rule := &vitem{kind: vBlock, height: gap, items: []Item{&RuleItem{X1: 0, Y1: gap / 2, X2: 72, Y2: gap / 2, Width: 0.4}}}
	out := []placed{{v: rule, page: page, y: y - gap}}
	for _, n := range notes {
		out = append(out, placed{v: n, page: page, y: y})
		y += n.height
	}
	return out
}

// cloneItems returns copies of items, to be placed once more.
func cloneItems(items []Item) []Item {
	out := make([]Item, 0, len(items))
	for _, it := range items {
		switch it := it.(type) {
		case *TextItem:
			c := *it
			out = append(out, &c)
		case *RuleItem:
			c := *it
			out = append(out, &c)
		case *LinkItem:
			c := *it
			out = append(out, &c)
		case *ImageItem:
			c := *it
			out = append(out, &c)
		}
	}
	return out
}

// indexOf returns the index of the vitem p points into v.
func indexOf(v []vitem, p *vitem) int {
	for i := range v {
		if &v[i] == p {
			return i
		}
	}
	return -1
}
