package layout

import (
	"strconv"
	"strings"
)

// decorate adds the running head (the article's title and its authors,
// above a hairline) and the folio to every page but the first of each
// article.
func (s *setter) decorate(doc *Document, pages [][]placed) {
	g := &s.g
	L := g.body.leading
	opens := map[int]bool{}
	for _, pp := range pages {
		for _, p := range pp {
			if p.v.newPage {
				opens[p.page] = true
			}
		}
	}
	articleOf := 0
	for pi := range doc.Pages {
		if len(pages[pi]) > 0 {
			articleOf = pages[pi][0].v.article
		}
		if opens[pi] {
			continue
		}
		page := &doc.Pages[pi]
		left := g.inner
		if (pi+1)%2 == 0 {
			left = g.paper.Width - g.inner - g.measure
		}
		a := s.articleAt(articleOf)
		st := &g.head
		headY := g.top - 1.6*L
		author := strings.Join(a.Meta.AuthorNames(), ", ")
		aItems, aw := s.plain(author, st)
		title := a.Title()
		tItems, tw := s.plain(title, st)
		for tw+aw+2*g.em > g.measure && len([]rune(title)) > 8 {
			// Shorten a title that would run into the author's name.
			r := []rune(strings.TrimSuffix(title, "…"))
			title = strings.TrimSpace(string(r[:len(r)-2])) + "…"
			tItems, tw = s.plain(title, st)
		}
		for _, it := range tItems {
			moveItem(it, left, headY)
		}
		for _, it := range aItems {
			moveItem(it, left+g.measure-aw, headY)
		}
		page.Items = append(page.Items, tItems...)
		page.Items = append(page.Items, aItems...)
		ruleY := headY + 0.45*L
		page.Items = append(page.Items, &RuleItem{X1: left, Y1: ruleY, X2: left + g.measure, Y2: ruleY, Width: 0.4, Gray: 0.5})

		page.Folio = strconv.Itoa(page.Number)
		fItems, fw := s.plain(page.Folio, &g.byline)
		footY := g.top + g.textHeight + 2*L
		for _, it := range fItems {
			moveItem(it, left+(g.measure-fw)/2, footY)
		}
		page.Items = append(page.Items, fItems...)
	}
}
