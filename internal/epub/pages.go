package epub

import (
	"fmt"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// english reports whether lang is English, the language of the few labels
// the book adds ("By", "Credits"). In any other document a label carries
// lang="en", so that a screen reader speaks it right (WCAG 3.1.2).
func english(lang string) bool {
	return lang == "en" || strings.HasPrefix(lang, "en-")
}

// label writes an English label.
func (r *renderer) label(s string) {
	if english(r.lang) {
		fmt.Fprintf(&r.b, `<span class="label">%s</span>`, esc(s))
		return
	}
	fmt.Fprintf(&r.b, `<span class="label"%s>%s</span>`, langAttr("en"), esc(s))
}

// labelAttr returns the lang attributes for an element that holds only an
// English label, or "" in an English document.
func labelAttr(lang string) string {
	if english(lang) {
		return ""
	}
	return langAttr("en")
}

// displayDate formats a date for reading: "21 May 2018" in English, the
// language-neutral ISO form elsewhere.
func displayDate(d article.Date, lang string) string {
	if english(lang) {
		return d.Time.Format("2 January 2006")
	}
	return d.Time.Format("2006-01-02")
}

// header writes an article's (or a collection's) heading block: kicker,
// title as h1, dek, byline, date and lead image. id, when set, is the h1's
// id.
func (r *renderer) header(m *article.Metadata, id string) {
	b := &r.b
	if s := strings.TrimSpace(m.Section); s != "" {
		fmt.Fprintf(b, "<p class=\"kicker\">%s</p>\n", esc(s))
	}
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = "Untitled"
	}
	if id != "" {
		fmt.Fprintf(b, "<h1 id=\"%s\" class=\"title\">%s</h1>\n", id, esc(title))
	} else {
		fmt.Fprintf(b, "<h1 class=\"title\">%s</h1>\n", esc(title))
	}
	if s := strings.TrimSpace(m.Subtitle); s != "" {
		fmt.Fprintf(b, "<p class=\"dek\" role=\"doc-subtitle\">%s</p>\n", esc(s))
	}
	if names := personNames(m.Authors); len(names) > 0 {
		b.WriteString(`<p class="byline">`)
		if english(r.lang) {
			b.WriteString("By ")
		}
		for i, n := range names {
			switch {
			case i == 0:
			case i == len(names)-1 && english(r.lang):
				b.WriteString(" and ")
			default:
				b.WriteString(", ")
			}
			fmt.Fprintf(b, `<span class="author">%s</span>`, esc(n))
		}
		b.WriteString("</p>\n")
	}
	if !m.Date.IsZero() {
		fmt.Fprintf(b, "<p class=\"date\"><time datetime=\"%s\">%s</time></p>\n",
			esc(m.Date.String()), esc(displayDate(m.Date, r.lang)))
	}
	if m.LeadImage != nil {
		r.figure(m.LeadImage, "lead")
	}
}

// creditLabel names a credit's role.
func creditLabel(role article.CreditRole) string {
	switch role {
	case article.RolePhoto:
		return "Photo:"
	case article.RoleIllustration:
		return "Illustration:"
	case article.RoleSource:
		return "Source:"
	}
	return "Credit:"
}

// addCredits adds the credits page: each article's author bios, credits,
// source and rights, then when and with what the file was made.
func (b *book) addCredits() {
	r := b.newRenderer(b.lang, "credits.xhtml")
	fmt.Fprintf(&r.b, "<section epub:type=\"backmatter credits\" role=\"doc-credits\" aria-labelledby=\"credits\">\n<h1 id=\"credits\"%s>Credits</h1>\n", labelAttr(b.lang))
	arts := b.pub.Articles()
	for _, a := range arts {
		level := 2
		if !b.single {
			fmt.Fprintf(&r.b, "<h2%s>%s</h2>\n", docLangAttr(b.articleLang(a), b.lang), esc(a.Title()))
			level = 3
		}
		r.articleCredits(a, level)
	}
	if !b.single && strings.TrimSpace(b.pub.Meta.Rights) != "" {
		fmt.Fprintf(&r.b, "<p class=\"rights\">%s</p>\n", esc(strings.TrimSpace(b.pub.Meta.Rights)))
	}
	made := b.opts.Created.UTC().Format("2006-01-02")
	r.b.WriteString(`<p class="colophon">`)
	r.label("EPUB made:")
	fmt.Fprintf(&r.b, " <time datetime=\"%s\">%s</time>", made, made)
	if c := strings.TrimSpace(b.opts.Creator); c != "" {
		fmt.Fprintf(&r.b, ", %s", esc(c))
	}
	r.b.WriteString("</p>\n</section>")
	b.docs = append(b.docs, doc{name: "credits.xhtml", title: "Credits", lang: b.lang, body: r.b.String()})
	b.toc = append(b.toc, &tocEntry{Label: "Credits", Lang: "en", Href: xhtmlFolder + "/credits.xhtml"})
}

// articleCredits writes what the credits page says about one article, with
// sub-headings at level h.
func (r *renderer) articleCredits(a *article.Article, h int) {
	b := &r.b
	lang := r.book.articleLang(a)
	var bios []string
	for _, p := range a.Meta.Authors {
		if s := strings.TrimSpace(p.Bio); s != "" {
			bios = append(bios, s)
		}
	}
	var items []article.Credit
	for _, c := range a.Credits {
		if c.Role == article.RoleAuthorBio {
			if s := strings.TrimSpace(c.Text); s != "" && !contains(bios, s) {
				bios = append(bios, s)
			}
			continue
		}
		items = append(items, c)
	}
	// Image credits that the article's credit list does not already hold.
	for _, img := range articleImages(a) {
		s := strings.TrimSpace(img.Credit)
		if s != "" && !creditListed(items, s) {
			items = append(items, article.Credit{Role: article.RolePhoto, Text: s})
		}
	}
	if len(bios) > 0 {
		heading := "About the author"
		if len(bios) > 1 {
			heading = "About the authors"
		}
		fmt.Fprintf(b, "<h%d%s>%s</h%d>\n", h, labelAttr(r.lang), heading, h)
		for _, s := range bios {
			fmt.Fprintf(b, "<p class=\"bio\"%s>%s</p>\n", docLangAttr(lang, r.lang), esc(s))
		}
	}
	if len(items) > 0 {
		b.WriteString("<ul class=\"credit-list\">\n")
		for _, c := range items {
			b.WriteString("<li>")
			r.label(creditLabel(c.Role))
			fmt.Fprintf(b, " %s</li>\n", esc(strings.TrimSpace(c.Text)))
		}
		b.WriteString("</ul>\n")
	}
	m := a.Meta
	if u := strings.TrimSpace(m.SourceURL); u != "" || m.Publisher != "" {
		b.WriteString(`<p class="source">`)
		r.label("First published:")
		var parts []string
		if p := strings.TrimSpace(m.Publisher); p != "" {
			parts = append(parts, esc(p))
		}
		if !m.Date.IsZero() {
			parts = append(parts, fmt.Sprintf(`<time datetime="%s">%s</time>`, esc(m.Date.String()), esc(displayDate(m.Date, r.lang))))
		}
		if u != "" {
			if href := linkTarget(u); href != "" {
				parts = append(parts, fmt.Sprintf(`<a href="%s">%s</a>`, esc(href), esc(u)))
			} else {
				parts = append(parts, esc(u))
			}
		}
		fmt.Fprintf(b, " %s</p>\n", strings.Join(parts, ", "))
	}
	if s := strings.TrimSpace(m.Rights); s != "" {
		fmt.Fprintf(b, "<p class=\"rights\">%s</p>\n", esc(s))
	}
}

// docLangAttr returns lang attributes for text in lang inside a document in
// docLang: none when they agree.
func docLangAttr(lang, docLang string) string {
	if lang == "" || lang == "und" || lang == docLang || english(lang) && english(docLang) {
		return ""
	}
	return langAttr(lang)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// creditListed reports whether an image credit s is already in the list,
// either verbatim or as the name it credits.
func creditListed(items []article.Credit, s string) bool {
	for _, c := range items {
		if strings.TrimSpace(c.Text) == s || (c.Name != "" && strings.Contains(s, c.Name)) {
			return true
		}
	}
	return false
}

// articleImages returns the lead image and every figure's image.
func articleImages(a *article.Article) []*article.Image {
	var imgs []*article.Image
	if a.Meta.LeadImage != nil {
		imgs = append(imgs, a.Meta.LeadImage)
	}
	for f := range article.Query[*article.Figure](a.Body) {
		imgs = append(imgs, &f.Image)
	}
	return imgs
}
