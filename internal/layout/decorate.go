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
	for pi, pp := range pages {
		if len(pp) == 0 || opens(pp) {
			continue
		}
		page := &doc.Pages[pi]
		left := g.left(pi)
		a := s.articles[pp[0].v.article]
		aItems, aw := s.plain(strings.Join(a.Meta.AuthorNames(), ", "), &g.head)
		tItems, _ := s.fitted(a.Title(), &g.head, g.measure-aw-2*g.em)
		s.runningHead(page, left, tItems, aItems, aw)
		page.Folio = strconv.Itoa(page.Number)
		s.folio(page, left)
	}
}

// opens reports whether a page opens an article (or a part of a book),
// which has no running head.
func opens(pp []placed) bool {
	for _, p := range pp {
		if p.v.newPage {
			return true
		}
	}
	return false
}

// fitted sets text in the style of running heads, shortened with an
// ellipsis until it is at most room wide, and returns its items and width.
func (s *setter) fitted(text string, st *textStyle, room float64) ([]Item, float64) {
	items, w := s.plain(text, st)
	for w > room && len([]rune(text)) > 8 {
		r := []rune(strings.TrimSuffix(text, "…"))
		text = strings.TrimSpace(string(r[:len(r)-2])) + "…"
		items, w = s.plain(text, st)
	}
	return items, w
}

// runningHead sets a head above a hairline: left items at the left edge of
// the text block, right items (rw wide) ending at its right edge; either
// may be empty.
func (s *setter) runningHead(page *Page, left float64, leftItems, rightItems []Item, rw float64) {
	g := &s.g
	L := g.body.leading
	headY := g.top - 1.6*L
	for _, it := range leftItems {
		moveItem(it, left, headY)
	}
	for _, it := range rightItems {
		moveItem(it, left+g.measure-rw, headY)
	}
	page.Items = append(page.Items, leftItems...)
	page.Items = append(page.Items, rightItems...)
	ruleY := headY + 0.45*L
	page.Items = append(page.Items, &RuleItem{X1: left, Y1: ruleY, X2: left + g.measure, Y2: ruleY, Width: 0.4, Gray: 0.5})
}

// folio sets the page's Folio centred below the text block.
func (s *setter) folio(page *Page, left float64) {
	g := &s.g
	items, w := s.plain(page.Folio, &g.byline)
	footY := g.top + g.textHeight + 2*g.body.leading
	for _, it := range items {
		moveItem(it, left+(g.measure-w)/2, footY)
	}
	page.Items = append(page.Items, items...)
}
