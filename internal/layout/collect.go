package layout

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
)

// This file is the first stage of the page flow: collect an article's
// blocks into the vertical list (lines, spaces, figures) that distribute.go
// cuts into pages.

// setArticle appends the i-th article's title block and body, hyphenated
// in its language, and returns the outline entry of its title.
func (s *setter) setArticle(pub *article.Publication, i int) *OutlineEntry {
	a := s.articles[i]
	if s.opts.LinkNotes {
		a = withLinkNotes(a)
	}
	s.article, s.articleIndex = a, i
	s.dict = s.t.dictionary(a, pub, &s.warnings)
	s.para.setLanguage(cmp.Or(a.Meta.Lang, s.pubLang))
	at := s.titleBlock(a)
	first := true
	if !s.opts.Endnotes {
		s.setFootnotes(a.Notes)
	}
	s.blocks(a.Body, &s.g.body, 0, s.g.measure, &first)
	if s.opts.Endnotes {
		s.notes(a.Notes)
	} else {
		s.leftoverFootnotes()
	}
	return at
}

// notes appends an article's notes after its text, under a heading, each
// numbered as its references are and set small.
func (s *setter) notes(notes []article.Note) {
	if len(notes) == 0 {
		return
	}
	first := true
	s.blocks([]article.Block{&article.Heading{Level: 3, Text: article.Plain("Notes")}}, &s.g.body, 0, s.g.measure, &first)
	for i, n := range notes {
		nfirst := true
		s.blocks(numbered(n.Blocks, i+1), &s.g.caption, 0, s.g.measure, &nfirst)
	}
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
			// The spaces around a heading may give up half a line each
			// where that lets the heading and its first lines end a page
			// rather than leave it short.
			if len(s.v) > 0 {
				s.space(L, false)
				s.v[len(s.v)-1].shrink = L / 2
			}
			mark := len(s.v)
			s.addLines(lines, hs, x, true)
			if len(s.v) > mark {
				s.v[mark].outline = &OutlineEntry{Title: b.Text.String(), Level: s.outlineBase + max(b.Level-1, 1)}
			}
			s.space(s.gridded(content+0.5*L)-content, true)
			s.v[len(s.v)-1].shrink = L / 2
			*first = true
		case *article.Paragraph:
			indent := s.g.em
			if *first {
				indent = 0
			}
			lines := s.set(b.Text, st, paraOptions{indent: indent, measure: measure, ragged: s.opts.Ragged, dict: s.dict, micro: true})
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
		case *article.Table:
			s.table(b, x, measure)
			*first = true
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
		// A right-to-left item hangs its marker in an indent on the right.
		rtl := len(item) > 0 && rtlText(blockText(item[0]), s.para.rtl)
		mark := len(s.v)
		ifirst := true
		if rtl {
			s.blocks(item, st, x, measure-in, &ifirst)
		} else {
			s.blocks(item, st, x+in, measure-in, &ifirst)
		}
		for k := mark; k < len(s.v); k++ {
			s.v[k].inList = true
		}
		for k := mark; k < len(s.v); k++ {
			if s.v[k].kind != vLine {
				continue
			}
			items, w := s.plain(marker, st)
			f := st.chains[0].first()
			baseline := (st.leading + f.CapHeight()*st.size) / 2
			at := x + in - w - 0.5*s.g.em
			if rtl {
				at = x + measure - in + 0.5*s.g.em
			}
			for _, it := range items {
				moveItem(it, at, baseline)
			}
			s.v[k].items = append(s.v[k].items, items...)
			break
		}
	}
	s.space(L/2, false)
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
		f := st.chains[0].first()
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
	caption := img.Caption
	if len(caption) == 0 && len(img.Data) == 0 && strings.TrimSpace(img.Alt) != "" {
		// A figure whose picture is not embedded keeps what the picture
		// said: its alternative text (a formula's, a chart's).
		caption = article.Plain(strings.TrimSpace(img.Alt))
	}
	if len(caption) > 0 {
		add(s.set(caption, &s.g.caption, paraOptions{measure: measure, ragged: true, dict: s.dict}), &s.g.caption)
	}
	if img.Credit != "" {
		add(s.set(article.Plain("Photo: "+img.Credit), &s.g.small, paraOptions{measure: measure, ragged: true}), &s.g.small)
	}
	if len(items) == 0 {
		return
	}
	s.v = append(s.v, vitem{kind: vBlock, height: s.gridded(y + 0.5*L), items: items, float: float, article: s.articleIndex})
}

// addLines appends set lines to the vertical list, indented by x. keep
// forbids breaks after every line; otherwise breaks that would leave a
// widow or an orphan are forbidden.
func (s *setter) addLines(lines []setLine, st *textStyle, x float64, keep bool) {
	f := st.chains[0].first()
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
			notes: s.takeFootnotes(l.items),
		})
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

// blockText returns the text of a paragraph or a heading, or nil.
func blockText(b article.Block) article.Text {
	switch b := b.(type) {
	case *article.Paragraph:
		return b.Text
	case *article.Heading:
		return b.Text
	}
	return nil
}
