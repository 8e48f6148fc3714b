package epub

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

// esc escapes s for XML character data and attribute values. It also drops
// what XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF) and
// replaces invalid UTF-8, so that no source text can make a document
// ill-formed.
func esc(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\uFFFD')
		case !xmlChar(r):
			// dropped: not allowed anywhere in an XML document
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r is a Char of XML 1.0 section 2.2.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= 0x10FFFF
}

// langAttr returns the lang and xml:lang attributes for tag; XHTML wants
// both, with the same value (HTML section 3.2.6.2).
func langAttr(tag string) string {
	return fmt.Sprintf(` lang="%s" xml:lang="%s"`, esc(tag), esc(tag))
}

// linkTarget returns the href for a run's link, or "" when the link is not
// one a reader may follow: only http, https and mailto leave the book.
func linkTarget(link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
	case "mailto":
		if u.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	// Re-serialised, so that spaces and other characters a URL may not hold
	// are percent-encoded (epubcheck rejects them).
	return u.String()
}

// inline writes t as XHTML phrasing content: styles become em, strong and
// code, links a, breaks br. Adjacent runs with the same link share one a,
// and adjacent runs with the same style and link are merged first.
func inline(b *strings.Builder, t article.Text) {
	runs := mergeRuns(t)
	for i := 0; i < len(runs); {
		if n := runs[i].Note; n > 0 {
			// A reference to a note, outside any link: a link may not
			// hold another. References side by side are parted by commas.
			if i > 0 && runs[i-1].Note > 0 {
				b.WriteString("<sup>,</sup>")
			}
			fmt.Fprintf(b, `<sup><a epub:type="noteref" role="doc-noteref" href="#%s">%d</a></sup>`, noteID(n), n)
			i++
			continue
		}
		href := linkTarget(runs[i].Link)
		j := i + 1
		for j < len(runs) && runs[j].Note == 0 && linkTarget(runs[j].Link) == href {
			j++
		}
		if href != "" {
			fmt.Fprintf(b, `<a href="%s">`, esc(href))
		}
		for _, r := range runs[i:j] {
			styled(b, r)
		}
		if href != "" {
			b.WriteString("</a>")
		}
		i = j
	}
}

// mergeRuns joins neighbouring runs that differ in nothing but their text.
func mergeRuns(t article.Text) []article.Run {
	var out []article.Run
	for _, r := range t {
		if r.Break {
			out = append(out, article.Run{Break: true, Link: r.Link})
			continue
		}
		if r.Note > 0 {
			out = append(out, article.Run{Note: r.Note})
			continue
		}
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Joins(r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

func styled(b *strings.Builder, r article.Run) {
	if r.Break {
		b.WriteString("<br/>")
		return
	}
	var open, close string
	if r.Style&article.Strong != 0 {
		open, close = open+"<strong>", "</strong>"+close
	}
	if r.Style&article.Emphasis != 0 {
		open, close = open+"<em>", "</em>"+close
	}
	if r.Style&article.Code != 0 {
		open, close = open+"<code>", "</code>"+close
	}
	b.WriteString(open)
	b.WriteString(esc(r.Text))
	b.WriteString(close)
}

// An outline numbers an article's headings and collects them for the table
// of contents.
type outline struct {
	href    string      // the document the headings are in
	prev    int         // level of the last heading written; the title is 1
	n       int         // headings written, for their ids
	entries []*tocEntry // the top-level entries
	open    []*tocEntry // the last entry at each level below the title
}

// level returns the h level for a model heading level: 2 to 6, and never
// more than one below the previous heading, so headings stay in order as
// EPUB Accessibility 1.1 (via WCAG 1.3.1) expects.
func (o *outline) level(model int) int {
	l := min(max(model, 2), 6)
	return min(l, o.prev+1)
}

// add records a heading of level l (2 to 6) and returns its id.
func (o *outline) add(l int, label string) string {
	o.n++
	o.prev = l
	id := fmt.Sprintf("h-%d", o.n)
	e := &tocEntry{Label: label, Href: o.href + "#" + id}
	depth := l - 2 // 0 for h2
	if depth > len(o.open) {
		depth = len(o.open)
	}
	o.open = append(o.open[:depth], e)
	if depth == 0 {
		o.entries = append(o.entries, e)
	} else {
		p := o.open[depth-1]
		p.Children = append(p.Children, e)
	}
	return id
}

// A renderer writes the body of one content document.
type renderer struct {
	b       strings.Builder
	book    *book
	lang    string // the document's language
	outline *outline
}

// blocks writes body blocks. nested is true inside quotes and lists, where a
// heading would break the document outline and is set as a strong paragraph.
func (r *renderer) blocks(blocks []article.Block, nested bool) {
	for _, bl := range blocks {
		r.block(bl, nested)
	}
}

func (r *renderer) block(bl article.Block, nested bool) {
	b := &r.b
	switch bl := bl.(type) {
	case *article.Heading:
		label := strings.TrimSpace(bl.Text.String())
		if label == "" {
			return // an empty heading is noise to a screen reader
		}
		if nested {
			b.WriteString(`<p class="subhead"><strong>`)
			inline(b, bl.Text)
			b.WriteString("</strong></p>\n")
			return
		}
		l := r.outline.level(bl.Level)
		id := r.outline.add(l, strings.Join(strings.Fields(label), " "))
		fmt.Fprintf(b, `<h%d id="%s">`, l, id)
		inline(b, bl.Text)
		fmt.Fprintf(b, "</h%d>\n", l)
	case *article.Paragraph:
		if strings.TrimSpace(bl.Text.String()) == "" {
			return
		}
		b.WriteString("<p>")
		inline(b, bl.Text)
		b.WriteString("</p>\n")
	case *article.Figure:
		r.figure(&bl.Image, "figure")
	case *article.Quote:
		b.WriteString("<blockquote>\n")
		r.blocks(bl.Blocks, true)
		b.WriteString("</blockquote>\n")
	case *article.List:
		tag := "ul"
		if bl.Ordered {
			tag = "ol"
		}
		b.WriteString("<" + tag)
		if bl.Ordered && bl.Start > 1 {
			fmt.Fprintf(b, ` start="%d"`, bl.Start)
		}
		b.WriteString(">\n")
		for _, item := range bl.Items {
			b.WriteString("<li>")
			if p, ok := soleParagraph(item); ok {
				inline(b, p.Text)
			} else {
				b.WriteString("\n")
				r.blocks(item, true)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</" + tag + ">\n")
	case *article.Preformatted:
		b.WriteString("<pre>")
		b.WriteString(esc(bl.Text))
		b.WriteString("</pre>\n")
	case *article.Table:
		r.table(bl)
	}
}

// table writes a table in a box that scrolls where the screen is too
// narrow for it: its caption, head, body and foot, each head cell scoped to
// its column and a body row's header cell to its row, each cell aligned as
// its column is (article.CellAlign: figures to the right).
func (r *renderer) table(t *article.Table) {
	b := &r.b
	b.WriteString("<div class=\"table\">\n<table>\n")
	if strings.TrimSpace(t.Caption.String()) != "" {
		b.WriteString("<caption>")
		inline(b, t.Caption)
		b.WriteString("</caption>\n")
	}
	grid := t.Grid()
	aligns := t.ColumnAligns(grid)
	parts := []struct {
		tag, scope string
		rows       int
	}{{"thead", "col", len(t.Head)}, {"tbody", "row", len(t.Rows)}, {"tfoot", "row", len(t.Foot)}}
	k, row := 0, 0
	for _, p := range parts {
		if p.rows == 0 {
			continue
		}
		b.WriteString("<" + p.tag + ">\n")
		for end := row + p.rows; row < end; row++ {
			b.WriteString("<tr>")
			for ; k < len(grid) && grid[k].Row == row; k++ {
				c := grid[k]
				cell, sc := "td", ""
				if c.Header || p.tag == "thead" {
					cell, sc = "th", p.scope
				}
				b.WriteString("<" + cell)
				if sc != "" {
					fmt.Fprintf(b, ` scope="%s"`, sc)
				}
				if c.ColSpan > 1 {
					fmt.Fprintf(b, ` colspan="%d"`, c.ColSpan)
				}
				if c.RowSpan > 1 {
					fmt.Fprintf(b, ` rowspan="%d"`, c.RowSpan)
				}
				switch article.CellAlign(aligns, c) {
				case article.AlignRight:
					b.WriteString(` class="num"`)
				case article.AlignCenter:
					b.WriteString(` class="center"`)
				}
				b.WriteString(">")
				inline(b, c.Text)
				b.WriteString("</" + cell + ">")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</" + p.tag + ">\n")
	}
	b.WriteString("</table>\n</div>\n")
}

// noteID returns the id of the n-th note's aside in its document.
func noteID(n int) string { return fmt.Sprintf("note-%d", n) }

// notes writes an article's notes as EPUB 3 footnotes after its text, each
// an aside its references point to, which reading systems show where the
// reference is touched; its number opens its first paragraph.
func (r *renderer) notes(notes []article.Note) {
	b := &r.b
	for i, n := range notes {
		fmt.Fprintf(b, "<aside id=\"%s\" epub:type=\"footnote\" role=\"doc-footnote\" class=\"note\">\n", noteID(i+1))
		blocks := n.Blocks
		if p, ok := firstParagraph(blocks); ok {
			fmt.Fprintf(b, `<p><span class="note-number">%d.</span> `, i+1)
			inline(b, p.Text)
			b.WriteString("</p>\n")
			blocks = blocks[1:]
		} else {
			fmt.Fprintf(b, "<p><span class=\"note-number\">%d.</span></p>\n", i+1)
		}
		r.blocks(blocks, true)
		b.WriteString("</aside>\n")
	}
}

// firstParagraph returns the first of blocks when it is a paragraph.
func firstParagraph(blocks []article.Block) (*article.Paragraph, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	p, ok := blocks[0].(*article.Paragraph)
	return p, ok
}

// soleParagraph reports whether a list item is one paragraph, which is set
// without a p so that the list stays compact.
func soleParagraph(item []article.Block) (*article.Paragraph, bool) {
	if len(item) != 1 {
		return nil, false
	}
	p, ok := item[0].(*article.Paragraph)
	return p, ok
}

// figure writes an image with its caption and credit. An image whose bytes
// the book cannot carry keeps only its caption and credit, as text, and
// without a caption leaves nothing.
func (r *renderer) figure(img *article.Image, class string) {
	b := &r.b
	caption := strings.TrimSpace(img.Caption.String()) != ""
	credit := strings.TrimSpace(img.Credit)
	src, ok := r.book.addImage(img)
	if !ok {
		// Without its picture, a credit alone says nothing here; the
		// credits page lists it. The picture's alternative text stands for
		// it where there is no caption (a formula's, a chart's).
		alt := strings.TrimSpace(img.Alt)
		switch {
		case caption:
			fmt.Fprintf(b, `<p class="caption %s">`, class)
			r.captionText(img, credit)
			b.WriteString("</p>\n")
		case alt != "":
			fmt.Fprintf(b, `<p class="caption %s">%s</p>`+"\n", class, esc(alt))
		}
		return
	}
	fmt.Fprintf(b, "<figure class=\"%s\">\n", class)
	fmt.Fprintf(b, `<img src="%s" alt="%s"`, esc(src), esc(strings.TrimSpace(img.Alt)))
	if img.Width > 0 && img.Height > 0 {
		fmt.Fprintf(b, ` width="%d" height="%d"`, img.Width, img.Height)
	}
	b.WriteString("/>\n")
	if caption || credit != "" {
		b.WriteString("<figcaption>")
		r.captionText(img, credit)
		b.WriteString("</figcaption>\n")
	}
	b.WriteString("</figure>\n")
}

func (r *renderer) captionText(img *article.Image, credit string) {
	b := &r.b
	inline(b, img.Caption)
	if credit != "" {
		if len(img.Caption) > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(b, `<span class="credit">%s</span>`, esc(credit))
	}
}
