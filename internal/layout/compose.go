package layout

// This file is the third stage of the page flow: compose the pages that
// distribute.go cut, putting their items on the paper; decorate.go adds
// running heads and folios.

// place puts the items of paginated pages where they go on the paper and
// appends the pages to doc, with the outline entries they open.
func (s *setter) place(doc *Document, pages [][]placed) {
	g := &s.g
	for _, pp := range pages {
		pi := len(doc.Pages)
		page := Page{Number: pi + 1}
		left := g.left(pi)
		for _, p := range pp {
			top := g.top + p.y
			for _, it := range p.v.items {
				moveItem(it, left, top)
			}
			page.Items = append(page.Items, p.v.items...)
			if o := p.v.outline; o != nil {
				o.Page, o.Y = pi+1, top
				doc.Outline = append(doc.Outline, *o)
			}
		}
		page.Items = linkNotes(page.Items, pp, pi+1, g.top)
		s.countWidows(pp)
		doc.Pages = append(doc.Pages, page)
	}
}

// left returns the left edge of the text block on the i-th page (from 0)
// of a run of pages that starts on a right-hand page: margins mirror, the
// narrower at the spine.
func (g *geometry) left(i int) float64 {
	if (i+1)%2 == 0 {
		return g.paper.Width - g.inner - g.measure
	}
	return g.inner
}

// linkNotes points each note reference's link area on a page at its
// footnote on the page, and links the footnote's number back to the
// reference. A reference whose note is not at the page's foot (an
// endnote, a note set after the text) keeps no link: a link must lead
// somewhere.
func linkNotes(items []Item, pp []placed, page int, top float64) []Item {
	notes := map[int]*vitem{}
	noteY := map[int]float64{}
	for _, p := range pp {
		if n := p.v.footnote; n > 0 {
			notes[n], noteY[n] = p.v, top+p.y
		}
	}
	out := make([]Item, 0, len(items)+1)
	for _, it := range items {
		l, ok := it.(*LinkItem)
		if !ok || l.note == 0 {
			out = append(out, it)
			continue
		}
		v, ok := notes[l.note]
		if !ok {
			continue
		}
		l.Page, l.TargetY = page, noteY[l.note]
		out = append(out, l)
		if num := firstText(v.items); num != nil {
			back := &LinkItem{X: num.X, Y: num.Y - num.Size, W: num.Size * 1.5, H: num.Size * 1.2, Page: page, TargetY: l.Y - l.H}
			out = append(out, back)
			v.footnote = 0 // one link back, to the first reference
		}
	}
	return out
}

// firstText returns the first text item of items, or nil.
func firstText(items []Item) *TextItem {
	for _, it := range items {
		if t, ok := it.(*TextItem); ok {
			return t
		}
	}
	return nil
}
