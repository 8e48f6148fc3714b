package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/publish/internal/article"
)

// htmlBlock reads a block of raw HTML for its words: each paragraph-like
// element becomes a paragraph, <br> a line break, and an <img> standing
// alone a figure. Comments, scripts and styles have no words to keep.
func (c *converter) htmlBlock(n *ast.HTMLBlock) []article.Block {
	var src strings.Builder
	src.WriteString(c.lines(n))
	if n.HasClosure() {
		src.Write(n.ClosureLine.Value(c.src))
	}
	var (
		out  []article.Block
		t    article.Text
		skip int // depth inside script, style and the like
	)
	flush := func() {
		if t = tidy(t); len(t) > 0 {
			out = append(out, &article.Paragraph{Text: t})
		}
		t = nil
	}
	z := html.NewTokenizer(strings.NewReader(src.String()))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if skip == 0 {
				t = append(t, article.Run{Text: foldSpace(tok.Data)})
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			switch {
			case hidden(tok.DataAtom):
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case skip > 0:
			case tok.DataAtom == atom.Br:
				t = append(t, article.Run{Break: true})
			case tok.DataAtom == atom.Img && tt != html.EndTagToken:
				flush()
				out = append(out, c.htmlImage(tok))
			case blockLevel(tok.DataAtom):
				flush()
			}
		}
	}
	flush()
	return out
}

// htmlImage makes a figure of an <img> tag.
func (c *converter) htmlImage(tok html.Token) article.Block {
	var src, alt, title string
	for _, a := range tok.Attr {
		switch a.Key {
		case "src":
			src = a.Val
		case "alt":
			alt = strings.TrimSpace(a.Val)
		case "title":
			title = a.Val
		}
	}
	fig := &article.Figure{Image: c.image(src, alt)}
	c.caption(&fig.Image, title)
	return fig
}

// foldSpace folds each run of white space in s to one space, as HTML
// renders it.
func foldSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// hidden reports whether an element's content is not text a reader sees.
func hidden(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head, atom.Title:
		return true
	}
	return false
}

// blockLevel reports whether an element starts or ends a paragraph.
func blockLevel(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Section, atom.Article, atom.Aside,
		atom.Header, atom.Footer, atom.Figure, atom.Figcaption, atom.Details, atom.Summary,
		atom.Center, atom.Hr, atom.Nav, atom.Main:
		return true
	}
	return false
}
