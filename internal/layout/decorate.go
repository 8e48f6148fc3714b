package layout

import (
	"cmp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/shape"
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
		tItems, tw := s.fitted(a.Title(), &g.head, g.measure-aw-2*g.em)
		if shape.RightToLeftLanguage(cmp.Or(a.Meta.Lang, s.pubLang)) {
			// Mirrored: the title where a reader starts, on the right.
			s.runningHead(page, left, aItems, tItems, tw)
		} else {
			s.runningHead(page, left, tItems, aItems, aw)
		}
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
// The text loses two letters at a time from its end, down to eight; the
// longest cut that fits is found by bisection, since a shorter text is
// never wider, so a long title costs a few settings, not one per letter.
func (s *setter) fitted(text string, st *textStyle, room float64) ([]Item, float64) {
	items, w := s.plain(text, st)
	if w <= room || utf8.RuneCountInString(text) <= 8 {
		return items, w
	}
	r := []rune(strings.TrimSuffix(text, "…"))
	cuts := ellipsisCuts(r)
	cut := func(i int) string { return string(r[cuts[i].from:cuts[i].to]) + "…" }
	// The first cut that fits, or the last, shortest, one.
	k := sort.Search(len(cuts)-1, func(i int) bool {
		_, w := s.plain(cut(i), st)
		return w <= room
	})
	return s.plain(cut(k), st)
}

// A span is a stretch of runes, r[from:to].
type span struct{ from, to int }

// ellipsisCuts returns the stretches of r that a running head shortens
// to: two letters off its end, then two more, each without white space at
// its ends, until one with its ellipsis is at most eight letters long.
func ellipsisCuts(r []rune) []span {
	var cuts []span
	for from, to := 0, len(r); ; {
		to = max(to-2, from)
		for to > from && unicode.IsSpace(r[to-1]) {
			to--
		}
		for from < to && unicode.IsSpace(r[from]) {
			from++
		}
		cuts = append(cuts, span{from, to})
		if to-from+1 <= 8 {
			return cuts
		}
	}
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
