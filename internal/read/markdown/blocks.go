package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/htmlpage"
)

// A converter turns one parsed document into article blocks.
type converter struct {
	src  []byte // the Markdown below the front matter, which the tree indexes
	opts Options
	a    *article.Article
}

// blocks converts the block children of n.
func (c *converter) blocks(n ast.Node) []article.Block {
	var out []article.Block
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		out = append(out, c.block(child)...)
	}
	return out
}

// block converts one block node into none, one or several article blocks.
func (c *converter) block(n ast.Node) []article.Block {
	switch n := n.(type) {
	case *ast.Heading:
		if t := c.inline(n); len(t) > 0 {
			return []article.Block{&article.Heading{Level: n.Level, Text: t}}
		}
	case *ast.Paragraph, *ast.TextBlock:
		if figs := c.figures(n); figs != nil {
			return figs
		}
		if t := c.inline(n); len(t) > 0 {
			return []article.Block{&article.Paragraph{Text: t}}
		}
	case *ast.Blockquote:
		if bs := c.blocks(n); len(bs) > 0 {
			return []article.Block{&article.Quote{Blocks: bs}}
		}
	case *ast.List:
		return c.list(n, n.IsOrdered(), n.Start)
	case *east.FootnoteList:
		// The article's notes, numbered from 1 in order of first
		// reference, as their references in the text are.
		for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
			f, ok := fn.(*east.Footnote)
			if !ok || f.Index < 1 {
				continue
			}
			for len(c.a.Notes) < f.Index {
				c.a.Notes = append(c.a.Notes, article.Note{})
			}
			c.a.Notes[f.Index-1].Blocks = c.blocks(f)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if s := c.lines(n); strings.TrimSpace(s) != "" {
			return []article.Block{&article.Preformatted{Text: strings.TrimRight(s, "\n")}}
		}
	case *ast.HTMLBlock:
		return c.htmlBlock(n)
	case *east.Table:
		return c.table(n)
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		// A scene break has no words, and the typesetter makes its own
		// space between parts; a reference definition is not text.
	default:
		// A container this reader does not know: keep what it holds.
		return c.blocks(n)
	}
	return nil
}

// list converts a list, or the footnote list, whose children are items of
// blocks. Empty items are left out.
func (c *converter) list(n ast.Node, ordered bool, start int) []article.Block {
	l := &article.List{Ordered: ordered}
	if ordered {
		l.Start = start
	}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		if bs := c.blocks(item); len(bs) > 0 {
			l.Items = append(l.Items, bs)
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return []article.Block{l}
}

// htmlBlock reads a block of raw HTML as the HTML reader reads a page's
// article, so that its emphasis, links, lists, quotes and figures survive.
// An image standing alone is captioned as a Markdown image is.
func (c *converter) htmlBlock(n *ast.HTMLBlock) []article.Block {
	src := c.lines(n)
	if n.HasClosure() {
		src += string(n.ClosureLine.Value(c.src))
	}
	blocks, credits, err := htmlpage.Fragment(src, htmlpage.Options{Images: c.opts.Images, Warn: c.opts.Warn, Caption: c.caption})
	if err != nil {
		c.warnf("raw HTML: %v; dropped", err)
		return nil
	}
	for _, cr := range credits {
		c.addCredit(cr)
	}
	return blocks
}

// lines returns the text of a code block as written.
func (c *converter) lines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

// table converts a GFM table: its header row and body rows, each cell's
// inline text, and the columns' alignment from the delimiter row.
func (c *converter) table(n *east.Table) []article.Block {
	t := &article.Table{}
	for _, a := range n.Alignments {
		switch a {
		case east.AlignLeft:
			t.Align = append(t.Align, article.AlignLeft)
		case east.AlignCenter:
			t.Align = append(t.Align, article.AlignCenter)
		case east.AlignRight:
			t.Align = append(t.Align, article.AlignRight)
		default:
			t.Align = append(t.Align, article.AlignDefault)
		}
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		_, head := row.(*east.TableHeader)
		var r article.Row
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r = append(r, article.Cell{Text: tidy(c.inline(cell)), Header: head})
		}
		if head {
			t.Head = append(t.Head, r)
		} else {
			t.Rows = append(t.Rows, r)
		}
	}
	if len(t.Head)+len(t.Rows) == 0 {
		return nil
	}
	return []article.Block{t}
}

// figures returns the figures of a paragraph that holds nothing but images
// (each perhaps inside a link, as a picture that links to its full size
// does), or nil when the paragraph holds text too: a picture in the middle
// of a sentence is read as its alt text.
func (c *converter) figures(n ast.Node) []article.Block {
	var imgs []*ast.Image
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Image:
			imgs = append(imgs, child)
		case *ast.Link:
			img, ok := child.FirstChild().(*ast.Image)
			if !ok || child.ChildCount() != 1 {
				return nil
			}
			imgs = append(imgs, img)
		case *ast.Text:
			if len(bytes.TrimSpace(child.Value(c.src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	if len(imgs) == 0 {
		return nil
	}
	out := make([]article.Block, 0, len(imgs))
	for _, img := range imgs {
		alt := strings.TrimSpace(c.inline(img).String())
		fig := &article.Figure{Image: c.image(string(unescape(img.Destination)), alt)}
		c.caption(&fig.Image, string(unescape(img.Title)))
		out = append(out, fig)
	}
	return out
}

// image makes an image of src, with its bytes when there is a loader.
func (c *converter) image(src, alt string) article.Image {
	img := article.Image{Src: src, Alt: alt}
	if c.opts.Images == nil || src == "" {
		return img
	}
	data, mt, w, h, err := c.opts.Images.Load(src)
	if err != nil {
		// The loader names the image in its error, and warns itself when
		// it has somewhere to.
		if c.opts.Images.Warn == nil {
			c.warnf("%v; kept its caption only", err)
		}
		return img
	}
	img.Data, img.MediaType, img.Width, img.Height = data, mt, w, h
	return img
}

// caption sets the caption of img from the image's title, or its alt text
// when it has none, and splits off the credit a caption often ends with.
func (c *converter) caption(img *article.Image, title string) {
	text, credit, ok := splitCredit(strings.TrimSpace(title))
	if text == "" {
		var altCredit article.Credit
		var altOK bool
		text, altCredit, altOK = splitCredit(img.Alt)
		if !ok {
			credit, ok = altCredit, altOK
		}
	}
	img.Caption = article.Plain(text)
	if ok {
		img.Credit = credit.Text
		c.addCredit(credit)
	}
}

// splitCredit splits a credit off the end of a caption: "A fox in the
// snow. Photo: Jane Doe". It tries each tail that follows a sentence's end
// or a dash, shortest first, then the caption whole, which may be a credit
// alone or end in one in parentheses.
func splitCredit(s string) (caption string, credit article.Credit, ok bool) {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ' ' {
			continue
		}
		before := strings.TrimRight(s[:i], " ")
		if !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, "—") &&
			!strings.HasSuffix(before, "–") && !strings.HasSuffix(before, "|") &&
			!strings.HasSuffix(before, "!") && !strings.HasSuffix(before, "?") {
			continue
		}
		if rest, credit, ok := cues.ParseCredit(s[i+1:]); ok && rest == "" {
			return strings.TrimRight(before, "—–| "), credit, true
		}
	}
	if caption, credit, ok := cues.ParseCredit(s); ok {
		return caption, credit, true
	}
	return s, article.Credit{}, false
}

// addCredit records a credit once.
func (c *converter) addCredit(cr article.Credit) {
	for _, have := range c.a.Credits {
		if have.Role == cr.Role && have.Text == cr.Text {
			return
		}
	}
	c.a.Credits = append(c.a.Credits, cr)
}
