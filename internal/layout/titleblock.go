package layout

import (
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// titleBlock appends the opening of an article: kicker, title, dek, byline,
// date and the lead image's credit, then a rule. It is kept together and
// with the first lines of the body, and its height is a whole number of
// body lines so that the body sits on the baseline grid. It returns the
// outline entry of the title.
func (s *setter) titleBlock(a *article.Article) *OutlineEntry {
	g := &s.g
	L := g.body.leading
	start := len(s.v)
	text := func(t article.Text, st *textStyle, after float64) {
		if len(t) == 0 {
			return
		}
		s.addLines(s.set(t, st, paraOptions{measure: g.measure, ragged: true, rtl: s.para.rtl}), st, 0, true)
		if after > 0 {
			s.space(after, true)
		}
	}
	m := &a.Meta
	if k := strings.TrimSpace(m.Section); k != "" {
		text(article.Plain(strings.ToUpper(k)), &g.kicker, 0.25*L)
	}
	titleAt := len(s.v)
	text(article.Plain(a.Title()), &g.title, 0.4*L)
	if s.para.lacksLetter(a.Title()) {
		s.titleMissing = true
	}
	entry := &OutlineEntry{Title: a.Title(), Level: s.outlineBase}
	s.v[titleAt].outline = entry
	text(article.Plain(strings.TrimSpace(m.Subtitle)), &g.dek, 0.6*L)
	if names := m.AuthorNames(); len(names) > 0 {
		by := article.Text{{Text: s.label("By") + " "}, {Text: joinNames(names), Style: article.Strong}}
		text(by, &g.byline, 0)
	}
	var line []string
	if p := strings.TrimSpace(m.Publisher); p != "" {
		line = append(line, p)
	}
	if !m.Date.IsZero() {
		line = append(line, m.Date.Time.Format("2 January 2006"))
	}
	if len(line) > 0 {
		text(article.Plain(strings.Join(line, " · ")), &g.small, 0)
	}
	if img := m.LeadImage; img != nil {
		s.space(0.5*L, true)
		if len(img.Data) > 0 {
			s.figure(img, 0, g.measure, false)
			s.v[len(s.v)-1].keep = true
		} else if img.Credit != "" {
			text(article.Plain(s.label("Photo:")+" "+img.Credit), &g.small, 0)
		}
	} else if c := photoCredit(a); c != "" {
		s.space(0.5*L, true)
		text(article.Plain(s.label("Photo:")+" "+c), &g.small, 0)
	}
	// The rule that closes the title block, then space down to the next
	// grid line.
	h := 0.0
	for _, v := range s.v[start:] {
		h += v.height
	}
	h += 0.6 * L
	rule := &RuleItem{X1: 0, Y1: 0.6 * L / 2, X2: g.measure, Y2: 0.6 * L / 2, Width: 0.5, Gray: 0.5}
	total := s.gridded(h + 0.6*L)
	s.v = append(s.v, vitem{kind: vBlock, height: total - (h - 0.6*L), items: []Item{rule}, keep: true, article: s.articleIndex})
	s.v[start].newPage = true
	return entry
}

// photoCredit returns the first photo or illustration credit of an article.
func photoCredit(a *article.Article) string {
	for _, c := range a.Credits {
		if c.Role == article.RolePhoto || c.Role == article.RoleIllustration {
			return c.Text
		}
	}
	return ""
}

// joinNames joins names as English prose does: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// label returns a label of publish's own, in English, isolated in an
// article written right to left, where it stays whole and in its order.
func (s *setter) label(text string) string {
	if s.para.rtl {
		return isolated(text)
	}
	return text
}
