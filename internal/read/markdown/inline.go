package markdown

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/pressroom/publish/internal/article"
)

// inline converts the inline children of n into text.
func (c *converter) inline(n ast.Node) article.Text {
	var t article.Text
	c.inlines(n, 0, "", &t)
	return tidy(t)
}

// inlines appends the runs of n's children to t, each carrying the styles
// and the link of the elements it sits in.
func (c *converter) inlines(n ast.Node, style article.Style, link string, t *article.Text) {
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		c.inlineNode(child, style, link, t)
	}
}

func (c *converter) inlineNode(n ast.Node, style article.Style, link string, t *article.Text) {
	add := func(s string) {
		if s != "" {
			*t = append(*t, article.Run{Text: s, Style: style, Link: link})
		}
	}
	switch n := n.(type) {
	case *ast.Text:
		if n.IsRaw() {
			add(string(n.Value(c.src)))
		} else {
			add(unescape(n.Value(c.src)))
		}
		switch {
		case n.HardLineBreak():
			*t = append(*t, article.Run{Break: true})
		case n.SoftLineBreak():
			add(" ")
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			add(string(n.Value))
		} else {
			add(unescape(n.Value))
		}
	case *ast.CodeSpan:
		if s := c.codeSpan(n); s != "" {
			*t = append(*t, article.Run{Text: s, Style: style | article.Code, Link: link})
		}
	case *ast.Emphasis:
		s := article.Emphasis
		if n.Level >= 2 {
			s = article.Strong
		}
		c.inlines(n, style|s, link, t)
	case *ast.Link:
		c.inlines(n, style, safeLink(unescape(n.Destination)), t)
	case *ast.AutoLink:
		*t = append(*t, article.Run{Text: string(n.Label(c.src)), Style: style, Link: safeLink(autoLinkURL(n, c.src))})
	case *ast.Image:
		// An image within text reads as its alt text.
		c.inlines(n, style, link, t)
	case *ast.RawHTML:
		if isBreakTag(c.rawHTML(n)) {
			*t = append(*t, article.Run{Break: true})
		}
		// Other tags have no words of their own: the text between an
		// opening and a closing tag is the tags' siblings, kept as text.
	case *east.FootnoteLink:
		*t = append(*t, article.Run{Note: n.Index, Style: style, Link: link})
	case *east.FootnoteBacklink:
		// The way back from a note is the reader's, not the page's.
	default:
		// Strikethrough and whatever else: keep the words, unstyled.
		c.inlines(n, style, link, t)
	}
}

// codeSpan returns a code span's text as written, its line endings turned to
// spaces as CommonMark says (section 6.1).
func (c *converter) codeSpan(n *ast.CodeSpan) string {
	var b strings.Builder
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Text:
			b.Write(child.Value(c.src))
			if child.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(child.Value)
		}
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// safeLink returns a link's target when a reader may follow it: a web or
// mail address, or a relative one; other schemes (javascript:, file:,
// data:) make the link plain text, as the HTML reader does.
func safeLink(dest string) string {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto", "":
		return dest
	}
	return ""
}

// autoLinkURL returns where an autolink points: e-mail addresses get the
// mailto: scheme their link needs.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	u := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	return u
}

// rawHTML returns the source of an inline HTML tag.
func (c *converter) rawHTML(n *ast.RawHTML) string {
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// breakTag matches <br>, <br/> and <br /> in any case.
var breakTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

func isBreakTag(s string) bool { return breakTag.MatchString(s) }

// tidy merges neighbouring runs of the same style and link, and trims the
// spaces at the ends of the text and around line breaks, which a reader
// never sees.
func tidy(t article.Text) article.Text {
	var out article.Text
	for i := 0; i < len(t); {
		r := t[i]
		if r.Break || r.Note > 0 {
			out = append(out, r)
			i++
			continue
		}
		// Join a group's texts at once: run-by-run concatenation would be
		// quadratic in a paragraph of many short runs.
		j := i
		for j < len(t) && r.Joins(t[j]) {
			j++
		}
		if j-i > 1 {
			var b strings.Builder
			for _, g := range t[i:j] {
				b.WriteString(g.Text)
			}
			r.Text = b.String()
		}
		out = append(out, r)
		i = j
	}
	lineStart := true
	for i := range out {
		switch {
		case out[i].Break:
			lineStart = true
		case out[i].Note > 0:
			lineStart = false
		case lineStart:
			out[i].Text = strings.TrimLeft(out[i].Text, " \t")
			lineStart = out[i].Text == ""
		}
	}
	lineEnd := true
	for i := len(out) - 1; i >= 0; i-- {
		switch {
		case out[i].Break:
			lineEnd = true
		case out[i].Note > 0:
			lineEnd = false
		case lineEnd:
			out[i].Text = strings.TrimRight(out[i].Text, " \t")
			lineEnd = out[i].Text == ""
		}
	}
	clean := out[:0]
	for _, r := range out {
		if r.Break || r.Note > 0 || r.Text != "" {
			clean = append(clean, r)
		}
	}
	for len(clean) > 0 && clean[0].Break {
		clean = clean[1:]
	}
	for len(clean) > 0 && clean[len(clean)-1].Break {
		clean = clean[:len(clean)-1]
	}
	if len(clean) == 0 {
		return nil
	}
	return clean
}

// unescape resolves what the Markdown source escapes, in one pass as
// CommonMark reads it: backslash escapes of ASCII punctuation (section 2.4)
// and entity and numeric character references (section 2.5).
func unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out.WriteByte(b[i+1])
			i++
		case b[i] == '&':
			if m := entity.Find(b[i:]); m != nil {
				out.WriteString(html.UnescapeString(string(m)))
				i += len(m) - 1
				continue
			}
			out.WriteByte('&')
		default:
			out.WriteByte(b[i])
		}
	}
	return out.String()
}

// entity matches a character reference at the start of a text.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// inlineText reads s, a line of metadata that pandoc would read as
// Markdown, and returns its words without the markup. Only inline syntax
// counts: the parser knows no block but the paragraph, so "1. Introduction"
// stays a title and does not become a list.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "*_`[<&\\~") {
		return s
	}
	p := parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
	)
	src := []byte(s)
	c := &converter{src: src, a: &article.Article{}}
	var words []string
	for _, b := range c.blocks(p.Parse(text.NewReader(src))) {
		if para, ok := b.(*article.Paragraph); ok {
			words = append(words, para.Text.String())
		}
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}
