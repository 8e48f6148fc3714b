package layout

import (
	"context"
	"strconv"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// A contentsEntry is one entry of a book's table of contents.
type contentsEntry struct {
	title   string
	authors string        // empty for parts and the credits
	part    bool          // a section of the book, set as a heading
	at      *OutlineEntry // where it is set; Page counts from the body's first page
}

// book sets a publication as a bound book. The body is set first, since
// the contents need its folios; the front matter is numbered apart in
// roman, so its length never moves them.
func (s *setter) book(ctx context.Context, pub *article.Publication) (*Document, error) {
	g := &s.g
	for _, sec := range pub.Sections {
		if strings.TrimSpace(sec.Title) != "" && len(sec.Articles) > 0 {
			s.outlineBase = 1
		}
	}
	var contents []contentsEntry
	ai := 0
	for _, sec := range pub.Sections {
		if len(sec.Articles) == 0 {
			continue
		}
		s.articleIndex = ai
		if t := strings.TrimSpace(sec.Title); t != "" {
			contents = append(contents, contentsEntry{title: t, part: true, at: s.partTitle(t)})
		}
		for _, a := range sec.Articles {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			at := s.setArticle(pub, ai)
			ai++
			contents = append(contents, contentsEntry{title: a.Title(), authors: joinNames(a.Meta.AuthorNames()), at: at})
		}
	}
	s.article, s.dict = nil, nil
	s.articleIndex = len(s.articles) // the credits belong to no article
	if at := s.gatheredCredits(pub); at != nil {
		contents = append(contents, contentsEntry{title: "Credits", at: at})
	}
	pages := paginate(s.v, g.textHeight, footnoteRule*g.body.leading)
	s.countShortPages(pages, g.textHeight)
	if s.opts.Duplex {
		pages = rectoOpenings(pages)
	}
	body := &Document{}
	s.place(body, pages)
	s.decorateBook(body, pages, bookTitle(pub))

	front := s.frontMatter(pub, contents, body)
	doc := &Document{Width: g.paper.Width, Height: g.paper.Height}
	doc.Pages = append(front.Pages, body.Pages...)
	for i := range doc.Pages {
		doc.Pages[i].Number = i + 1
	}
	for _, p := range front.Pages {
		for _, it := range p.Items {
			if l, ok := it.(*LinkItem); ok && l.URL == "" {
				l.Page += len(front.Pages) // the contents point into the body
			}
		}
	}
	doc.Outline = front.Outline
	for _, o := range body.Outline {
		o.Page += len(front.Pages)
		doc.Outline = append(doc.Outline, o)
	}
	doc.Labels = []PageLabel{
		{Page: 1, Style: LowerRoman, Start: 1},
		{Page: len(front.Pages) + 1, Style: Arabic, Start: 1},
	}
	return s.finish(doc), nil
}

// bookTitle returns the title of a book: its own, or its first article's.
func bookTitle(pub *article.Publication) string {
	if t := strings.TrimSpace(pub.Meta.Title); t != "" {
		return t
	}
	if arts := pub.Articles(); len(arts) > 0 {
		return arts[0].Title()
	}
	return "Untitled"
}

// partTitle appends the page that opens a part of a book: its title, a
// third of the way down, and a rule.
func (s *setter) partTitle(title string) *OutlineEntry {
	g := &s.g
	L := g.body.leading
	s.v = append(s.v, vitem{kind: vSpace, height: s.gridded(g.textHeight / 3), keep: true, newPage: true, part: true, article: s.articleIndex})
	mark := len(s.v)
	s.addLines(s.set(article.Plain(title), &g.title, paraOptions{measure: g.measure, ragged: true}), &g.title, 0, true)
	entry := &OutlineEntry{Title: title, Level: 0}
	s.v[mark].outline = entry
	rule := &RuleItem{X1: 0, Y1: L / 2, X2: g.measure / 4, Y2: L / 2, Width: 0.5, Gray: 0.5}
	s.v = append(s.v, vitem{kind: vBlock, height: L, items: []Item{rule}, article: s.articleIndex})
	return entry
}

// gatheredCredits appends the credits of every article of a book, each
// under its title, then the book's rights and the date the file was made,
// from a new page. It returns the outline entry of their heading, or nil
// when there are none.
func (s *setter) gatheredCredits(pub *article.Publication) *OutlineEntry {
	g := &s.g
	L := g.body.leading
	type group struct {
		title string
		paras []article.Text
	}
	var groups []group
	for _, a := range s.articles {
		if paras := creditParagraphs(a); len(paras) > 0 {
			groups = append(groups, group{a.Title(), paras})
		}
	}
	var tail []article.Text
	if r := strings.TrimSpace(pub.Meta.Rights); r != "" {
		tail = append(tail, article.Text{{Text: "Rights: ", Style: article.Strong}, {Text: r}})
	}
	if made := s.made(); made != nil {
		tail = append(tail, made)
	}
	if len(groups) == 0 && len(tail) == 0 {
		return nil
	}
	entry := s.frontHeading("Credits")
	for _, gr := range groups {
		s.space(0.5*L, false)
		s.addLines(s.set(article.Plain(gr.title), &g.heading3, paraOptions{measure: g.measure, ragged: true}), &g.heading3, 0, true)
		s.creditLines(gr.paras)
	}
	if len(tail) > 0 {
		s.space(L, false)
		s.creditLines(tail)
	}
	return entry
}

// frontHeading appends the heading that opens the contents or the
// credits on a new page, and returns its outline entry.
func (s *setter) frontHeading(title string) *OutlineEntry {
	g := &s.g
	mark := len(s.v)
	lines := s.set(article.Plain(title), &g.title, paraOptions{measure: g.measure, ragged: true})
	s.addLines(lines, &g.title, 0, true)
	s.v[mark].newPage = true
	entry := &OutlineEntry{Title: title, Level: 0}
	s.v[mark].outline = entry
	h := float64(len(lines)) * g.title.leading
	s.space(s.gridded(h+g.body.leading)-h, true)
	return entry
}

// rectoOpenings inserts a blank page before each page that opens an
// article or part on a left-hand page, so that it opens on the right.
func rectoOpenings(pages [][]placed) [][]placed {
	out := make([][]placed, 0, len(pages)+len(pages)/4)
	for _, pp := range pages {
		if len(out)%2 == 1 && opens(pp) {
			out = append(out, nil)
		}
		out = append(out, pp)
	}
	return out
}

// decorateBook gives each page of a book's body its folio, and each page
// but an opening its running head: the book's title and the article's, on
// the left and right of one line, or on facing pages when printed duplex.
// A blank page shows nothing.
func (s *setter) decorateBook(doc *Document, pages [][]placed, book string) {
	g := &s.g
	for pi, pp := range pages {
		if len(pp) == 0 {
			continue
		}
		page := &doc.Pages[pi]
		left := g.left(pi)
		if opensPart(pp) {
			continue // a part's title page shows no folio, as a book's
		}
		page.Folio = strconv.Itoa(pi + 1)
		s.folio(page, left)
		if opens(pp) {
			continue
		}
		title := "Credits"
		if ai := pp[0].v.article; ai < len(s.articles) {
			title = s.articles[ai].Title()
		}
		switch {
		case !s.opts.Duplex:
			bi, bw := s.fitted(book, &g.head, g.measure/2-g.em)
			ti, tw := s.fitted(title, &g.head, g.measure-bw-2*g.em)
			s.runningHead(page, left, bi, ti, tw)
		case (pi+1)%2 == 0:
			bi, _ := s.fitted(book, &g.head, g.measure)
			s.runningHead(page, left, bi, nil, 0)
		default:
			ti, tw := s.fitted(title, &g.head, g.measure)
			s.runningHead(page, left, nil, ti, tw)
		}
	}
}

// roman writes n in lower-case roman numerals.
func roman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for ; n >= d.v; n -= d.v {
			b.WriteString(d.s)
		}
	}
	return b.String()
}

// opensPart reports whether a page is a part's title page.
func opensPart(pp []placed) bool {
	return len(pp) > 0 && pp[0].v.part
}
