package epub

import (
	"fmt"
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/shape"
)

// An item is one entry of the package manifest.
type item struct {
	ID         string `xml:"id,attr"`
	Href       string `xml:"href,attr"`
	MediaType  string `xml:"media-type,attr"`
	Properties string `xml:"properties,attr"`
}

// An agent is someone dc:creator or dc:contributor names.
type agent struct {
	name string
	role string // MARC relator code; "" when the source does not say
}

// fileAs returns the sort form of a personal name, "Boc, Anny". A name
// without spaces (a mononym, most Chinese, Japanese and Korean names as
// written) sorts as it is.
func fileAs(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return name
	}
	return f[len(f)-1] + ", " + strings.Join(f[:len(f)-1], " ")
}

// agents returns the book's creators and contributors. A single article's
// authors create it; in a collection the editors (and any authors of the
// whole) create it and each article's authors contribute. Photo and
// illustration credits contribute too, with a role only when they name a
// person.
func (b *book) agents() (creators, contributors []agent) {
	seen := map[agent]bool{} // so an author of the whole is not also a contributor
	add := func(list *[]agent, a agent) {
		a.name = strings.Join(strings.Fields(a.name), " ")
		if a.name == "" || seen[a] {
			return
		}
		seen[a] = true
		*list = append(*list, a)
	}
	for _, n := range personNames(b.pub.Meta.Authors) {
		add(&creators, agent{n, "aut"})
	}
	for _, n := range personNames(b.pub.Editors) {
		add(&creators, agent{n, "edt"})
	}
	for _, a := range b.pub.Articles() {
		for _, n := range personNames(a.Meta.Authors) {
			add(&contributors, agent{n, "aut"})
		}
	}
	for _, a := range b.pub.Articles() {
		var listed []article.Credit
		for _, c := range a.Credits {
			role := map[article.CreditRole]string{article.RolePhoto: "pht", article.RoleIllustration: "ill"}[c.Role]
			if role == "" {
				continue
			}
			listed = append(listed, c)
			if strings.TrimSpace(c.Name) != "" {
				add(&contributors, agent{c.Name, role})
			} else {
				add(&contributors, agent{c.Text, ""})
			}
		}
		for _, img := range articleImages(a) {
			if s := strings.TrimSpace(img.Credit); s != "" && !creditListed(listed, s) {
				add(&contributors, agent{s, ""})
			}
		}
	}
	return creators, contributors
}

// subjects returns dc:subject values: the section, then the keywords, each
// once.
func (b *book) subjects() []string {
	var out []string
	for _, s := range append([]string{b.pub.Meta.Section}, b.pub.Meta.Keywords...) {
		s = strings.TrimSpace(s)
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// packageDocument writes package.opf: the metadata go-epub has no setters
// for, the manifest it made (sorted) and its spine.
func (b *book) packageDocument(manifest []item, spine []string) []byte {
	var s strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&s, "    "+format+"\n", args...) }
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
`, esc(b.lang))
	m := b.pub.Meta
	line(`<dc:identifier id="pub-id">%s</dc:identifier>`, esc(b.id))
	line(`<dc:title id="title">%s</dc:title>`, esc(b.bookTitle()))
	line(`<meta refines="#title" property="title-type">main</meta>`)
	if st := strings.TrimSpace(m.Subtitle); st != "" {
		line(`<dc:title id="subtitle">%s</dc:title>`, esc(st))
		line(`<meta refines="#subtitle" property="title-type">subtitle</meta>`)
	}
	creators, contributors := b.agents()
	for i, a := range creators {
		agentLines(line, "creator", i+1, a)
	}
	for i, a := range contributors {
		agentLines(line, "contributor", i+1, a)
	}
	line(`<dc:language>%s</dc:language>`, esc(b.lang))
	if !m.Date.IsZero() {
		line(`<dc:date>%s</dc:date>`, esc(m.Date.String()))
	}
	if st := strings.TrimSpace(m.Subtitle); st != "" {
		line(`<dc:description>%s</dc:description>`, esc(st))
	}
	for _, sub := range b.subjects() {
		line(`<dc:subject>%s</dc:subject>`, esc(sub))
	}
	if p := strings.TrimSpace(m.Publisher); p != "" {
		line(`<dc:publisher>%s</dc:publisher>`, esc(p))
	}
	if u := strings.TrimSpace(m.SourceURL); u != "" {
		line(`<dc:source>%s</dc:source>`, esc(u))
	}
	if r := strings.TrimSpace(m.Rights); r != "" {
		line(`<dc:rights>%s</dc:rights>`, esc(r))
	}
	line(`<meta property="dcterms:modified">%s</meta>`, b.opts.Created.UTC().Format("2006-01-02T15:04:05Z"))
	b.accessibility(line)
	for _, it := range manifest {
		if strings.Contains(it.Properties, "cover-image") {
			// EPUB 2 readers (older Kindles) find the cover this way.
			line(`<meta name="cover" content="%s"/>`, esc(it.ID))
		}
	}
	if c := strings.TrimSpace(b.opts.Creator); c != "" {
		line(`<meta name="generator" content="%s"/>`, esc(c))
	}
	s.WriteString("  </metadata>\n  <manifest>\n")
	for _, it := range manifest {
		props := ""
		if it.Properties != "" {
			props = fmt.Sprintf(` properties="%s"`, esc(it.Properties))
		}
		line(`<item id="%s" href="%s" media-type="%s"%s/>`, esc(it.ID), esc(it.Href), esc(it.MediaType), props)
	}
	ppd := ""
	// The spine's page-progression-direction (EPUB 3.3 section 5.6.7).
	if shape.RightToLeftLanguage(b.lang) {
		ppd = ` page-progression-direction="rtl"`
	}
	fmt.Fprintf(&s, "  </manifest>\n  <spine toc=\"ncx\"%s>\n", ppd)
	for _, id := range spine {
		line(`<itemref idref="%s"/>`, esc(id))
	}
	s.WriteString("  </spine>\n</package>\n")
	return []byte(s.String())
}

func agentLines(line func(string, ...any), elem string, n int, a agent) {
	id := fmt.Sprintf("%s-%d", elem, n)
	line(`<dc:%s id="%s">%s</dc:%s>`, elem, id, esc(a.name), elem)
	if a.role != "" {
		line(`<meta refines="#%s" property="role" scheme="marc:relators">%s</meta>`, id, a.role)
		line(`<meta refines="#%s" property="file-as">%s</meta>`, id, esc(fileAs(a.name)))
	}
}

// accessibility writes the schema.org metadata EPUB Accessibility 1.1
// section 2 asks for. It claims only what the content does: every document
// has lang, headings never skip a level, and alternativeText is claimed
// only when every image has alt text.
func (b *book) accessibility(line func(string, ...any)) {
	line(`<meta property="schema:accessMode">textual</meta>`)
	line(`<meta property="schema:accessMode">visual</meta>`)
	if b.altMissing == 0 {
		line(`<meta property="schema:accessModeSufficient">textual</meta>`)
	}
	line(`<meta property="schema:accessModeSufficient">textual,visual</meta>`)
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"}
	if b.altMissing == 0 {
		features = append(features, "alternativeText")
	}
	for _, f := range features {
		line(`<meta property="schema:accessibilityFeature">%s</meta>`, f)
	}
	line(`<meta property="schema:accessibilityHazard">none</meta>`)
	summary := "This publication has a table of contents, headings in order and a logical reading order; every document declares its language, and the stylesheet uses only relative sizes."
	switch b.altMissing {
	case 0:
		summary += " Every image has a text alternative."
	case 1:
		summary += " One image came without a text alternative."
	default:
		summary += fmt.Sprintf(" %d images came without a text alternative.", b.altMissing)
	}
	line(`<meta property="schema:accessibilitySummary" xml:lang="en">%s</meta>`, summary)
}
