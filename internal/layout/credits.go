package layout

import (
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// credits appends the section that closes an article: the authors' bios,
// every photo and image credit, the source, the rights and the date the
// file was made.
func (s *setter) credits(a *article.Article) {
	g := &s.g
	L := g.body.leading
	paras := creditParagraphs(a)
	if made := s.made(); made != nil {
		paras = append(paras, made)
	}
	if len(paras) == 0 {
		return
	}
	s.space(L, false)
	rule := &RuleItem{X1: 0, Y1: L / 2, X2: g.measure / 4, Y2: L / 2, Width: 0.5, Gray: 0.5}
	s.v = append(s.v, vitem{kind: vBlock, height: L, items: []Item{rule}, keep: true, article: s.articleIndex})
	mark := len(s.v)
	s.addLines(s.set(article.Plain(s.label("Credits")), &g.heading3, paraOptions{measure: g.measure, ragged: true, rtl: s.para.rtl}), &g.heading3, 0, true)
	s.v[mark].outline = &OutlineEntry{Title: "Credits", Level: s.outlineBase + 1}
	s.creditLines(paras)
}

// made returns the line that says when the file was made, or nil.
func (s *setter) made() article.Text {
	if s.opts.Created.IsZero() {
		return nil
	}
	return article.Plain(s.label("This file was made on " + s.opts.Created.Format("2 January 2006") + "."))
}

// creditLines sets credit paragraphs, a little apart.
func (s *setter) creditLines(paras []article.Text) {
	g := &s.g
	for i, p := range paras {
		if i > 0 {
			// The last (the line that says when the file was made) never
			// stands alone at the top of a page.
			last := i == len(paras)-1
			if last {
				s.v[len(s.v)-1].keep = true
			}
			s.space(0.3*g.body.leading, last)
		}
		s.addLines(s.set(p, &g.credit, paraOptions{measure: g.measure, ragged: true, dict: s.dict, rtl: s.para.rtl}), &g.credit, 0, false)
	}
}

// creditParagraphs returns what the credits say of an article: its
// authors' bios, every photo and image credit, its source and its rights.
func creditParagraphs(a *article.Article) []article.Text {
	var paras []article.Text
	for _, p := range a.Meta.Authors {
		if b := strings.TrimSpace(p.Bio); b != "" {
			paras = append(paras, article.Plain(b))
		}
	}
	seen := map[string]bool{}
	credit := func(label, text string) {
		text = strings.TrimSpace(text)
		if text == "" || seen[text] {
			return
		}
		seen[text] = true
		paras = append(paras, article.Text{{Text: label + ": ", Style: article.Strong}, {Text: text}})
	}
	if img := a.Meta.LeadImage; img != nil {
		credit("Photo", img.Credit)
	}
	for _, c := range a.Credits {
		switch c.Role {
		case article.RolePhoto:
			credit("Photo", c.Text)
		case article.RoleIllustration:
			credit("Illustration", c.Text)
		}
	}
	for f := range article.Query[*article.Figure](a.Body) {
		credit("Image", f.Image.Credit)
	}
	if u := strings.TrimSpace(a.Meta.SourceURL); u != "" {
		t := article.Text{{Text: "Source: ", Style: article.Strong}}
		if p := strings.TrimSpace(a.Meta.Publisher); p != "" {
			t = append(t, article.Run{Text: p + ", "})
		}
		paras = append(paras, append(t, article.Run{Text: u, Link: u}))
	}
	if r := strings.TrimSpace(a.Meta.Rights); r != "" {
		paras = append(paras, article.Text{{Text: "Rights: ", Style: article.Strong}, {Text: r}})
	}
	return paras
}
