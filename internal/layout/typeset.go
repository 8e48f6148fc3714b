package layout

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/typeface"
)

// Options say how a publication is laid out.
type Options struct {
	// Paper is the page size; the zero Paper means A4.
	Paper Paper
	// Ragged sets the body ragged right instead of justified.
	Ragged bool
	// Created is the date the file is made, printed in the credits; the
	// zero time leaves it out, which keeps test output stable.
	Created time.Time
	// Book sets the publication as a bound book: a cover page and a table
	// of contents numbered in roman, then every article from a new page
	// under running heads with the book's and the article's titles, folios
	// running through the book, and the credits of all the articles
	// gathered at the end. Without it each article is set as on its own.
	Book bool
	// Duplex opens each article of a book on a right-hand page, for
	// printing on both sides of the paper.
	Duplex bool
}

// A Typesetter lays out publications. It holds only the font and
// hyphenation libraries, which load lazily and are safe for concurrent use,
// so one Typesetter serves any number of goroutines.
type Typesetter struct {
	fonts *typeface.Library
	hyph  *hyphen.Library
}

// New returns a Typesetter that takes metrics from fonts and hyphenation
// patterns from hyph. A nil hyph sets text without hyphenation.
func New(fonts *typeface.Library, hyph *hyphen.Library) *Typesetter {
	return &Typesetter{fonts: fonts, hyph: hyph}
}

// Layout sets a publication into pages. Each article starts on a new page
// with its title block and ends with its credits.
func (t *Typesetter) Layout(pub *article.Publication, opts Options) (*Document, error) {
	if pub == nil {
		return nil, errors.New("layout: nil publication")
	}
	paper := opts.Paper
	if paper.Width <= 0 || paper.Height <= 0 {
		paper, _ = PaperNamed("a4")
	}
	g, err := design(paper, t.fonts)
	if err != nil {
		return nil, err
	}
	s := &setter{t: t, opts: opts, g: g}
	s.para.fallback = func(r rune) (*typeface.Face, bool) {
		return t.fonts.Resolve(fonts.FallbackChain(r), r)
	}
	s.articles = pub.Articles()
	if opts.Book {
		return s.book(pub), nil
	}
	for ai, a := range s.articles {
		s.setArticle(pub, ai)
		s.credits(a)
	}
	return s.document(), nil
}

// setArticle appends the i-th article's title block and body, hyphenated
// in its language, and returns the outline entry of its title.
func (s *setter) setArticle(pub *article.Publication, i int) *OutlineEntry {
	a := s.articles[i]
	s.article, s.articleIndex = a, i
	s.dict = s.t.dictionary(a, pub, &s.warnings)
	at := s.titleBlock(a)
	first := true
	s.blocks(a.Body, &s.g.body, 0, s.g.measure, &first)
	return at
}

// dictionary returns the hyphenation patterns for an article's language,
// or nil. An article of unknown language is taken to be English, the
// language of nearly everything publish is given.
func (t *Typesetter) dictionary(a *article.Article, pub *article.Publication, warnings *[]string) *hyphen.Dictionary {
	if t.hyph == nil {
		return nil
	}
	lang := a.Meta.Lang
	if lang == "" {
		lang = pub.Meta.Lang
	}
	if lang == "" {
		lang = "en"
	}
	d, err := t.hyph.Dictionary(lang)
	if err != nil {
		if !errors.Is(err, hyphen.ErrNoPatterns) {
			*warnings = append(*warnings, fmt.Sprintf("layout: hyphenation for %q: %v", lang, err))
		}
		return nil
	}
	return d
}

// A setter is the state of one Layout call.
type setter struct {
	t    *Typesetter
	opts Options
	g    geometry

	articles     []*article.Article
	article      *article.Article // nil while setting a book's front matter
	articleIndex int
	dict         *hyphen.Dictionary
	// outlineBase is the outline level of an article's title: 1 in a book
	// whose sections have titles, which take level 0.
	outlineBase int

	para  paragraph
	br    breaker
	lines []setLine
	v     []vitem
	nPara int

	stats    Stats
	ratioSum float64
	ratioN   int
	hyRun    int
	warnings []string
}

// set breaks runs into lines of the given measure in style st.
func (s *setter) set(runs article.Text, st *textStyle, o paraOptions) []setLine {
	ls := DefaultSettings(st.size)
	if o.ragged {
		// Ragged right as LaTeX's ragged2e: a rightskip that stretches,
		// fixed word spaces, hyphens only when a line would be very short.
		ls.RaggedStretch = 2.5 * st.size
		ls.HyphenPenalty = 200
	}
	o.measure = math.Max(o.measure, st.size)
	s.para.build(runs, st, ls, o)
	breaks, _ := s.br.lineBreaks(s.para.nodes, o.measure, ls)
	s.lines = s.para.finalize(breaks, o, s.lines[:0])
	s.nPara++
	return s.lines
}

// addLines appends set lines to the vertical list, indented by x. keep
// forbids breaks after every line; otherwise breaks that would leave a
// widow or an orphan are forbidden.
func (s *setter) addLines(lines []setLine, st *textStyle, x float64, keep bool) {
	f := st.chains[0][0]
	baseline := (st.leading + (f.CapHeight())*st.size) / 2
	n := len(lines)
	for i := range lines {
		l := &lines[i]
		for _, it := range l.items {
			moveItem(it, x, baseline)
		}
		s.account(l, st)
		s.v = append(s.v, vitem{
			kind: vLine, height: st.leading, items: l.items, article: s.articleIndex,
			keep: keep || (n > 1 && (i == 0 || i == n-2)),
			para: s.nPara, line: i, lines: n,
		})
	}
}

// account adds a line to the statistics and reports it when overfull.
func (s *setter) account(l *setLine, st *textStyle) {
	s.stats.Lines++
	if l.hyphenated {
		s.stats.HyphenatedLines++
		s.hyRun++
		s.stats.MaxConsecutiveHyphens = max(s.stats.MaxConsecutiveHyphens, s.hyRun)
	} else {
		s.hyRun = 0
	}
	if l.justified {
		s.ratioSum += l.ratio
		s.ratioN++
		if math.Abs(l.ratio) > math.Abs(s.stats.MaxAdjustmentRatio) {
			s.stats.MaxAdjustmentRatio = l.ratio
		}
	}
	if l.overfull > 0 {
		s.stats.OverfullLines++
		where := "the front matter"
		if s.article != nil {
			where = strconv.Quote(s.article.Title())
		}
		s.warnings = append(s.warnings, fmt.Sprintf("layout: overfull line (%.2fpt too wide) in %s, paragraph %d: %s",
			l.overfull, where, s.nPara, lineText(l.items)))
	}
}

// lineText returns the words of a line, for messages.
func lineText(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		if t, ok := it.(*TextItem); ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// moveItem shifts an item by (dx, dy).
func moveItem(it Item, dx, dy float64) {
	switch it := it.(type) {
	case *TextItem:
		it.X += dx
		it.Y += dy
	case *LinkItem:
		it.X += dx
		it.Y += dy
	case *ImageItem:
		it.X += dx
		it.Y += dy
	case *RuleItem:
		it.X1 += dx
		it.X2 += dx
		it.Y1 += dy
		it.Y2 += dy
	}
}

// space appends white space of height h.
func (s *setter) space(h float64, keep bool) {
	s.v = append(s.v, vitem{kind: vSpace, height: h, keep: keep, article: s.articleIndex})
}

// gridded rounds a height up to a whole number of body lines, so that the
// body text after a heading or figure stays on the baseline grid.
func (s *setter) gridded(h float64) float64 {
	L := s.g.body.leading
	return math.Ceil(h/L-0.01) * L
}

// blocks appends body blocks set in style st, indented by x, in a measure.
// first says the next paragraph opens a section and takes no indent.
func (s *setter) blocks(bs []article.Block, st *textStyle, x, measure float64, first *bool) {
	L := s.g.body.leading
	for _, b := range bs {
		switch b := b.(type) {
		case *article.Heading:
			hs := &s.g.heading2
			if b.Level > 2 {
				hs = &s.g.heading3
			}
			lines := s.set(b.Text, hs, paraOptions{measure: measure, ragged: true})
			content := float64(len(lines)) * hs.leading
			if len(s.v) > 0 {
				s.space(L, false)
			}
			mark := len(s.v)
			s.addLines(lines, hs, x, true)
			if len(s.v) > mark {
				s.v[mark].outline = &OutlineEntry{Title: b.Text.String(), Level: s.outlineBase + max(b.Level-1, 1)}
			}
			s.space(s.gridded(content+0.5*L)-content, true)
			*first = true
		case *article.Paragraph:
			indent := s.g.em
			if *first {
				indent = 0
			}
			lines := s.set(b.Text, st, paraOptions{indent: indent, measure: measure, ragged: s.opts.Ragged, dict: s.dict})
			s.addLines(lines, st, x, false)
			*first = false
		case *article.Figure:
			s.figure(&b.Image, x, measure, true)
		case *article.Quote:
			in := 1.5 * s.g.em
			s.space(L/2, false)
			qfirst := true
			s.blocks(b.Blocks, &s.g.quote, x+in, measure-2*in, &qfirst)
			s.space(L/2, false)
			*first = false
		case *article.List:
			s.list(b, st, x, measure)
			*first = false
		case *article.Preformatted:
			s.preformatted(b.Text, x, measure)
			*first = false
		}
	}
}

// list sets a list with its markers hanging in an indent.
func (s *setter) list(b *article.List, st *textStyle, x, measure float64) {
	L := s.g.body.leading
	in := 1.5 * s.g.em
	s.space(L/2, false)
	num := b.Start
	if num == 0 {
		num = 1
	}
	for _, item := range b.Items {
		marker := "•"
		if b.Ordered {
			marker = fmt.Sprintf("%d.", num)
			num++
		}
		mark := len(s.v)
		ifirst := true
		s.blocks(item, st, x+in, measure-in, &ifirst)
		for k := mark; k < len(s.v); k++ {
			if s.v[k].kind != vLine {
				continue
			}
			items, w := s.plain(marker, st)
			f := st.chains[0][0]
			baseline := (st.leading + f.CapHeight()*st.size) / 2
			for _, it := range items {
				moveItem(it, x+in-w-0.5*s.g.em, baseline)
			}
			s.v[k].items = append(s.v[k].items, items...)
			break
		}
	}
	s.space(L/2, false)
}

// preformatted sets text line for line in the monospaced face, breaking a
// line too long for the measure at the last character that fits.
func (s *setter) preformatted(text string, x, measure float64) {
	st := &s.g.mono
	mono := st.code[0]
	adv := mono.Advance('0') * st.size * 0.9
	perLine := max(int(measure/adv), 8)
	L := s.g.body.leading
	s.space(L/2, false)
	var lines []setLine
	for _, src := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		src = strings.ReplaceAll(src, "\t", "    ")
		for {
			cut := len(src)
			if utf8.RuneCountInString(src) > perLine {
				cut = 0
				for n := 0; n < perLine; n++ {
					_, size := utf8.DecodeRuneInString(src[cut:])
					cut += size
				}
			}
			items, _ := s.plain(src[:cut], &s.g.mono, article.Code)
			lines = append(lines, setLine{items: items})
			src = src[cut:]
			if src == "" {
				break
			}
		}
	}
	s.addLines(lines, st, x, false)
	s.space(L/2, false)
}

// plain sets a string on one line at its natural width, and returns its
// items (X from 0, Y from the baseline) and that width.
func (s *setter) plain(text string, st *textStyle, style ...article.Style) ([]Item, float64) {
	run := article.Run{Text: text}
	if len(style) > 0 {
		run.Style = style[0]
	}
	const wide = 1e6
	lines := s.set(article.Text{run}, st, paraOptions{measure: wide, ragged: true})
	s.nPara--
	if len(lines) == 0 {
		return nil, 0
	}
	items := lines[0].items
	w := 0.0
	for _, n := range s.para.nodes {
		if n.fill == 0 {
			w += n.width
		}
	}
	for _, l := range lines[1:] {
		items = append(items, l.items...)
	}
	return items, w
}

// figure appends an image scaled to the measure with its caption and
// credit, as one block that moves whole to the next page when it does not
// fit.
func (s *setter) figure(img *article.Image, x, measure float64, float bool) {
	L := s.g.body.leading
	var items []Item
	y := 0.3 * L
	if len(img.Data) > 0 {
		ratio := 2.0 / 3
		if img.Width > 0 && img.Height > 0 {
			ratio = float64(img.Height) / float64(img.Width)
		}
		w := measure
		if img.Width > 0 {
			// Small images are not blown up beyond twice their pixel size
			// at 72 dpi.
			w = math.Min(w, 2*float64(img.Width))
		}
		h := w * ratio
		if maxH := 0.6 * s.g.textHeight; h > maxH {
			h, w = maxH, maxH/ratio
		}
		items = append(items, &ImageItem{X: x + (measure-w)/2, Y: y, W: w, H: h, Image: img})
		y += h + 0.4*L
	}
	add := func(lines []setLine, st *textStyle) {
		f := st.chains[0][0]
		baseline := (st.leading + f.CapHeight()*st.size) / 2
		for i := range lines {
			for _, it := range lines[i].items {
				moveItem(it, x, y+baseline)
			}
			items = append(items, lines[i].items...)
			s.account(&lines[i], st)
			y += st.leading
		}
	}
	if len(img.Caption) > 0 {
		add(s.set(img.Caption, &s.g.caption, paraOptions{measure: measure, ragged: true, dict: s.dict}), &s.g.caption)
	}
	if img.Credit != "" {
		add(s.set(article.Plain("Photo: "+img.Credit), &s.g.small, paraOptions{measure: measure, ragged: true}), &s.g.small)
	}
	if len(items) == 0 {
		return
	}
	s.v = append(s.v, vitem{kind: vBlock, height: s.gridded(y + 0.5*L), items: items, float: float, article: s.articleIndex})
}

// document paginates the vertical list and decorates the pages.
func (s *setter) document() *Document {
	g := &s.g
	doc := &Document{Width: g.paper.Width, Height: g.paper.Height}
	pages := paginate(s.v, g.textHeight)
	s.place(doc, pages)
	s.decorate(doc, pages)
	return s.finish(doc)
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

// finish completes a document with the statistics and the warnings.
func (s *setter) finish(doc *Document) *Document {
	s.stats.Pages = len(doc.Pages)
	if s.ratioN > 0 {
		s.stats.MeanAdjustmentRatio = s.ratioSum / float64(s.ratioN)
	}
	doc.Stats = s.stats
	doc.Missing = s.para.missing
	for _, r := range doc.Missing {
		s.warnings = append(s.warnings, fmt.Sprintf("layout: no font has %U %q; it is left out", r, r))
	}
	doc.Warnings = s.warnings
	return doc
}

// countWidows counts the widows and orphans on a page.
func (s *setter) countWidows(pp []placed) {
	var first, last *vitem
	for _, p := range pp {
		if p.v.kind == vLine {
			if first == nil {
				first = p.v
			}
			last = p.v
		}
	}
	if first != nil && first.lines > 1 && first.line == first.lines-1 {
		s.stats.Widows++
	}
	if last != nil && last.lines > 1 && last.line == 0 && last != first {
		s.stats.Orphans++
	}
}
