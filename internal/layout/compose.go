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
