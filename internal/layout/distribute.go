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
	items   []Item
	keep    bool // no page break after this item
	float   bool // may move to the top of the next page
	newPage bool // starts a page: the first item of an article
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
	// footnote is the number of the note this item is, for a footnote.
	footnote int
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
	moved := make([]bool, len(v))
	for i := 0; i < len(v) || len(deferred) > 0; {
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
		notesH := 0.0 // the footnotes' height so far, their gap included
		for ; j < len(v); j++ {
			it := &v[j]
			if moved[j] {
				continue
			}
			if it.newPage && (j > top || len(page) > 0) {
				break
			}
			extra := notesHeight(it.notes)
			if extra > 0 && notesH == 0 {
				extra += noteGap
			}
			if fill+it.height+notesH+extra > height+eps && (j > top || len(page) > 0) {
				if it.float && it.height <= height && lastFloat == 0 && j > top && !v[j-1].keep {
					// Let the figure float to the next page.
					moved[j] = true
					deferred = append(deferred, it)
					lastFloat++
					continue
				}
				overflow = true
				break
			}
			fill += it.height
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
		var notes []*vitem
		for k := top; k < end; k++ {
			if moved[k] {
				continue
			}
			page = append(page, placed{v: &v[k], page: len(pages), y: y})
			y += v[k].height
			notes = append(notes, v[k].notes...)
		}
		page = append(page, footPlaced(notes, height, noteGap, len(pages))...)
		if end == top && end < len(v) && !placesAny(page, v) {
			// Nothing of the list fits at all (an item taller than the
			// page, or than what a table's repeated head leaves of it):
			// set it rather than loop.
			page = append(page, placed{v: &v[end], page: len(pages), y: y})
			end++
		}
		pages = append(pages, page)
		i = end
	}
	return pages
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
