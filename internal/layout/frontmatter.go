package layout

import (
	"math"
	"strconv"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// frontMatter sets a book's cover page and its table of contents, whose
// pages are numbered in roman; printed duplex, the cover's back is blank
// and the front matter ends on a left-hand page, so that the body opens on
// a right-hand one.
func (s *setter) frontMatter(pub *article.Publication, contents []contentsEntry, body *Document) *Document {
	g := &s.g
	front := &Document{}
	front.Pages = append(front.Pages, s.coverPage(pub))
	// The imprint backs the title page, as a book's copyright page does:
	// printed duplex, it is the title leaf's other side.
	front.Pages = append(front.Pages, s.imprintPage(pub))
	if s.opts.Duplex {
		front.Pages = append(front.Pages, Page{}, Page{})
	}
	s.v = nil
	s.contents(contents, body)
	start := len(front.Pages)
	s.place(front, paginate(s.v, g.textHeight, footnoteRule*g.body.leading))
	for i := start; i < len(front.Pages); i++ {
		p := &front.Pages[i]
		p.Folio = roman(i + 1)
		s.folio(p, g.left(i))
	}
	if s.opts.Duplex && len(front.Pages)%2 == 1 {
		front.Pages = append(front.Pages, Page{})
	}
	for i := range front.Pages {
		front.Pages[i].Number = i + 1
	}
	return front
}

// coverPage sets the book's cover: a rule, the title large, the subtitle,
// the editors or authors, the cover image if there is one, and the
// publisher and date at the foot of the text block.
func (s *setter) coverPage(pub *article.Publication) Page {
	g := &s.g
	L := g.body.leading
	m := &pub.Meta
	var page Page
	left := g.left(0)
	y := g.top + s.gridded(g.textHeight/6)
	put := func(t article.Text, st *textStyle, after float64) {
		if len(t) == 0 {
			return
		}
		f := st.chains[0].first()
		baseline := (st.leading + f.CapHeight()*st.size) / 2
		for _, l := range s.set(t, st, paraOptions{measure: g.measure, ragged: true}) {
			for _, it := range l.items {
				moveItem(it, left, y+baseline)
			}
			page.Items = append(page.Items, l.items...)
			y += st.leading
		}
		y += after
	}
	page.Items = append(page.Items, &RuleItem{X1: left, Y1: y, X2: left + g.measure/4, Y2: y, Width: 1, Gray: 0})
	y += L
	big := g.title
	big.size, big.leading = 1.45*g.title.size, 1.45*g.title.leading
	put(article.Plain(bookTitle(pub)), &big, 0.6*L)
	put(article.Plain(strings.TrimSpace(m.Subtitle)), &g.dek, L)
	if names := m.AuthorNames(); len(names) > 0 {
		put(article.Text{{Text: "By "}, {Text: joinNames(names), Style: article.Strong}}, &g.byline, 0)
	}
	var editors []string
	for _, p := range pub.Editors {
		if n := strings.TrimSpace(p.Name); n != "" {
			editors = append(editors, n)
		}
	}
	if len(editors) > 0 {
		put(article.Text{{Text: "Edited by "}, {Text: joinNames(editors), Style: article.Strong}}, &g.byline, 0)
	}

	var foot []string
	if p := strings.TrimSpace(m.Publisher); p != "" {
		foot = append(foot, p)
	}
	if !m.Date.IsZero() {
		foot = append(foot, m.Date.Time.Format("2 January 2006"))
	}
	bottom := g.top + g.textHeight
	if img := m.LeadImage; img != nil && len(img.Data) > 0 {
		// The image fills the room between the names and the foot, at its
		// own proportions.
		top, room := y+L, bottom-2*L-(y+L)
		if room > 4*L {
			ratio := 2.0 / 3
			if img.Width > 0 && img.Height > 0 {
				ratio = float64(img.Height) / float64(img.Width)
			}
			w := g.measure
			h := w * ratio
			if h > room {
				h, w = room, room/ratio
			}
			page.Items = append(page.Items, &ImageItem{X: left + (g.measure-w)/2, Y: top + (room-h)/2, W: w, H: h, Image: img})
		}
	}
	if len(foot) > 0 {
		y = bottom - g.small.leading
		put(article.Plain(strings.Join(foot, " · ")), &g.small, 0)
	}
	return page
}

// imprintPage sets the page after the title page: at the foot of the
// text block, in small type, the book's title, its publisher and date,
// its rights, when the file was made, and the sources of its articles,
// one a line.
func (s *setter) imprintPage(pub *article.Publication) Page {
	g := &s.g
	m := &pub.Meta
	var lines []article.Text
	add := func(t string) {
		if t = strings.TrimSpace(t); t != "" {
			lines = append(lines, article.Plain(t))
		}
	}
	lines = append(lines, article.Text{{Text: bookTitle(pub), Style: article.Strong}})
	var pubDate []string
	if p := strings.TrimSpace(m.Publisher); p != "" {
		pubDate = append(pubDate, p)
	}
	if !m.Date.IsZero() {
		pubDate = append(pubDate, m.Date.Time.Format("2 January 2006"))
	}
	add(strings.Join(pubDate, " · "))
	add(m.Rights)
	add(m.Identifier)
	if made := s.made(); made != nil {
		lines = append(lines, made)
	}
	var sources []string
	for _, a := range s.articles {
		if u := strings.TrimSpace(a.Meta.SourceURL); u != "" {
			sources = append(sources, a.Title()+": "+u)
		}
	}
	if len(sources) > 0 {
		lines = append(lines, nil) // a line apart
		add("Sources")
		for _, src := range sources {
			add(src)
		}
	}
	// Set from the foot up: every line's height first.
	st := &g.small
	var set [][]setLine
	h := 0.0
	for _, t := range lines {
		if t == nil {
			set = append(set, nil)
			h += st.leading
			continue
		}
		ls := append([]setLine(nil), s.set(t, st, paraOptions{measure: g.measure, ragged: true})...)
		set = append(set, ls)
		h += float64(len(ls)) * st.leading
	}
	var page Page
	left := g.left(1)
	f := st.chains[0].first()
	baseline := (st.leading + f.CapHeight()*st.size) / 2
	y := g.top + g.textHeight - h
	for _, ls := range set {
		if ls == nil {
			y += st.leading
			continue
		}
		for _, l := range ls {
			for _, it := range l.items {
				moveItem(it, left, y+baseline)
			}
			page.Items = append(page.Items, l.items...)
			y += st.leading
		}
	}
	return page
}

// contents appends the table of contents: each article's title with its
// folio at the right, dot leaders between, and its authors below; the
// book's parts as headings between them.
func (s *setter) contents(entries []contentsEntry, body *Document) {
	g := &s.g
	L := g.body.leading
	s.frontHeading("Contents")
	byline := &g.credit
	for _, e := range entries {
		st := &g.body
		if e.part {
			st = &g.heading3
			s.space(L, false)
		} else {
			s.space(0.4*L, false)
		}
		folio := ""
		if p := e.at.Page; p >= 1 && p <= len(body.Pages) {
			// The page's number, which a part's title page has though it
			// does not print it.
			folio = strconv.Itoa(p)
		}
		num, nw := s.plain(folio, st)
		dots := s.leaderDots(st)
		lines := s.set(article.Plain(e.title), st, paraOptions{measure: g.measure - 3*g.em, ragged: true})
		last := &lines[len(lines)-1]
		items := append([]Item(nil), last.items...)
		items = append(items, dots(last.width+0.5*g.em, g.measure-nw-0.5*g.em)...)
		for _, it := range num {
			moveItem(it, g.measure-nw, 0)
		}
		last.items = append(items, num...)
		// Each line of the entry is a link to where it points.
		f := st.chains[0].first()
		for i := range lines {
			lines[i].items = append(lines[i].items, &LinkItem{
				Y: -f.Ascent() * st.size, W: g.measure, H: (f.Ascent() + f.Descent()) * st.size,
				Page: e.at.Page, TargetY: e.at.Y,
			})
		}
		s.addLines(lines, st, 0, e.authors != "")
		if e.authors != "" {
			by := article.Text{{Text: e.authors, Style: article.Emphasis}}
			s.addLines(s.set(by, byline, paraOptions{measure: g.measure - 3*g.em, ragged: true}), byline, 0, false)
		}
	}
}

// leaderDots returns a function that sets dots in style st from x0 to x1,
// at fixed places from the left of the text block so that the dots of
// every line stand in columns, as TeX's aligned leaders do.
func (s *setter) leaderDots(st *textStyle) func(x0, x1 float64) []Item {
	items, w := s.plain(".", st)
	step := 0.55 * s.g.em
	return func(x0, x1 float64) []Item {
		if len(items) != 1 {
			return nil
		}
		proto, ok := items[0].(*TextItem)
		if !ok {
			return nil
		}
		var out []Item
		for x := math.Ceil(x0/step) * step; x+w <= x1; x += step {
			d := *proto
			d.X += x
			out = append(out, &d)
		}
		return out
	}
}
