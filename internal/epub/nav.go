package epub

import (
	"fmt"
	"strings"
)

// navDocument writes nav.xhtml: the table of contents (EPUB 3.3 section
// 7.4.2) and the landmarks (7.4.3), which it hides from the reading view as
// readers show landmarks in their own menus.
func (b *book) navDocument() []byte {
	var s strings.Builder
	s.WriteString(xhtmlHead(b.lang, "Contents", "css/style.css"))
	s.WriteString("<body>\n")
	fmt.Fprintf(&s, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n<h1 id=\"toc-title\"%s>Contents</h1>\n", labelAttr(b.lang))
	navList(&s, b.toc, b.lang, 0)
	s.WriteString("</nav>\n")
	fmt.Fprintf(&s, "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\" aria-labelledby=\"landmarks-title\">\n<h2 id=\"landmarks-title\"%s>Landmarks</h2>\n<ol>\n", labelAttr(b.lang))
	for _, l := range b.landmarks {
		fmt.Fprintf(&s, "<li><a epub:type=\"%s\" href=\"%s\"%s>%s</a></li>\n", l.Type, esc(l.Href), labelAttr(b.lang), esc(l.Label))
	}
	s.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return []byte(s.String())
}

// xhtmlHead opens an XHTML content document with the XML declaration some
// readers (Kindle) need, and lang on the root (EPUB 3.3 section 6.1.4).
func xhtmlHead(lang, title, css string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"%s>
<head>
<title>%s</title>
<link rel="stylesheet" type="text/css" href="%s"/>
</head>
`, langAttr(lang), esc(title), esc(css))
}

func navList(s *strings.Builder, entries []*tocEntry, lang string, depth int) {
	indent := strings.Repeat("  ", depth)
	s.WriteString(indent + "<ol>\n")
	for _, e := range entries {
		// lang on the li, so that an article's headings inherit it.
		fmt.Fprintf(s, "%s<li%s>", indent, docLangAttr(e.Lang, lang))
		if e.Href != "" {
			fmt.Fprintf(s, `<a href="%s">%s`, esc(e.Href), esc(e.Label))
			if e.Byline != "" {
				// Inside the link, as a nav entry's text is all its a
				// (EPUB 3.3 section 7.4.2.2), and after a dash that reads
				// in any language.
				fmt.Fprintf(s, `<span class="toc-byline"> — %s</span>`, esc(e.Byline))
			}
			s.WriteString("</a>")
		} else {
			// A group without a page of its own (EPUB 3.3 section 7.4.2.2
			// allows a span heading a nested list).
			fmt.Fprintf(s, `<span>%s</span>`, esc(e.Label))
		}
		if len(e.Children) > 0 {
			s.WriteString("\n")
			navList(s, e.Children, lang, depth+1)
			s.WriteString(indent)
		}
		s.WriteString("</li>\n")
	}
	s.WriteString(indent + "</ol>\n")
}

// ncxDocument writes toc.ncx for EPUB 2 readers, with the same entries as
// the nav document; its dtb:uid must equal dc:identifier (NCX-001). A group
// without a page opens its first entry's.
func (b *book) ncxDocument() []byte {
	var s strings.Builder
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="%s">
<head>
<meta name="dtb:uid" content="%s"/>
<meta name="dtb:depth" content="%d"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>%s</text></docTitle>
`, esc(b.lang), esc(b.id), tocDepth(b.toc), esc(b.bookTitle()))
	names := personNames(b.pub.Meta.Authors)
	if len(names) == 0 {
		names = personNames(b.pub.Editors)
	}
	for _, n := range names {
		fmt.Fprintf(&s, "<docAuthor><text>%s</text></docAuthor>\n", esc(n))
	}
	s.WriteString("<navMap>\n")
	(&ncxMap{s: &s, orders: map[string]int{}}).write(b.toc, 0)
	s.WriteString("</navMap>\n</ncx>\n")
	return []byte(s.String())
}

// An ncxMap writes navPoints. Points to the same target share a
// playOrder, as the NCX format (ANSI/NISO Z39.86-2005 section 8.4.2)
// requires.
type ncxMap struct {
	s      *strings.Builder
	points int            // navPoints written, for their ids
	orders map[string]int // playOrder of each target
}

func (m *ncxMap) write(entries []*tocEntry, depth int) {
	indent := strings.Repeat("  ", depth)
	for _, e := range entries {
		src := firstHref(e)
		order, ok := m.orders[src]
		if !ok {
			order = len(m.orders) + 1
			m.orders[src] = order
		}
		m.points++
		label := e.Label
		if e.Byline != "" {
			label += " — " + e.Byline
		}
		fmt.Fprintf(m.s, "%s<navPoint id=\"nav-%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/>",
			indent, m.points, order, esc(label), esc(src))
		if len(e.Children) > 0 {
			m.s.WriteString("\n")
			m.write(e.Children, depth+1)
			m.s.WriteString(indent)
		}
		m.s.WriteString("</navPoint>\n")
	}
}

// firstHref returns the entry's href, or its first descendant's.
func firstHref(e *tocEntry) string {
	for e.Href == "" && len(e.Children) > 0 {
		e = e.Children[0]
	}
	return e.Href
}

// tocDepth returns how deep the table of contents nests.
func tocDepth(entries []*tocEntry) int {
	d := 0
	for _, e := range entries {
		d = max(d, 1+tocDepth(e.Children))
	}
	return d
}
