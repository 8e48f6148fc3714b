package htmlpage

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
)

// figure reads a <figure>: each image in it becomes a Figure, the last
// carrying the caption and credit. A figure without an image (a quotation,
// a code listing, a table) is read as the blocks it holds.
func (b *builder) figure(n *html.Node, st style) {
	imgs := figureImages(n)
	if len(imgs) == 0 {
		b.children(n, st)
		b.flush()
		return
	}
	caption, credit := b.c.caption(n, st)
	var last *article.Figure
	for _, img := range imgs {
		if isIcon(img) {
			continue
		}
		last = b.c.figureFromImage(img)
		b.blocks = append(b.blocks, last)
	}
	if last == nil {
		if len(caption) == 0 && credit.Text == "" {
			return
		}
		last = &article.Figure{}
		b.blocks = append(b.blocks, last)
	}
	last.Image.Caption, last.Image.Credit = caption, credit.Text
	b.c.addCredit(credit)
}

// figureImages returns the img elements of a figure, outside its caption.
func figureImages(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.Data == "figcaption" || skipped[c.Data] {
				continue
			}
			if c.Data == "img" {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// isIcon reports whether an img is an icon, emoji or tracking pixel by its
// declared size: too small to be a picture in the article.
func isIcon(img *html.Node) bool {
	w, errW := strconv.Atoi(strings.TrimSuffix(attr(img, "width"), "px"))
	h, errH := strconv.Atoi(strings.TrimSuffix(attr(img, "height"), "px"))
	return errW == nil && errH == nil && w <= 32 && h <= 32
}

// caption reads the caption and credit of a figure: all its text outside
// the images, with any element marked as a credit (by class or itemprop:
// "credit", "byline", "copyright", schema.org creditText) taken out as the
// credit, or else a credit the caption ends with ("Photo: Jane Doe").
func (c *converter) caption(fig *html.Node, st style) (article.Text, article.Credit) {
	cb := c.newBuilder(true)
	cb.caption = true
	cb.children(fig, st)
	caption := finish(cb.runs)
	if len(cb.credits) > 0 {
		text := clean(strings.Join(cb.credits, " "))
		return caption, creditOf(text)
	}
	s := caption.String()
	// The credit may be the whole caption, its last line, or the last
	// sentences of that line ("Boats at dawn. Photo: Jane Doe").
	lineStart := strings.LastIndexByte(s, '\n') + 1
	starts := []int{lineStart}
	for i := lineStart; i < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && i+1 < len(s) && s[i+1] == ' ' {
			starts = append(starts, i+2)
		}
	}
	for _, start := range starts {
		rest, credit, ok := cues.ParseCredit(s[start:])
		if !ok || credit.Text == "" || (start > lineStart && rest != "") {
			continue
		}
		keep := start
		if rest != "" && strings.HasPrefix(s[start:], rest) {
			keep += len(rest)
		}
		return finish(cutText(caption, keep)), credit
	}
	return caption, article.Credit{}
}

// creditOf makes a credit of text marked as one, without its label.
func creditOf(text string) article.Credit {
	// A label for screen readers may run into the name: "CreditJane Doe".
	for len(text) > 6 && strings.EqualFold(text[:6], "credit") && (text[6] == ':' || text[6] == ' ' || unicode.IsUpper(rune(text[6]))) {
		text = strings.TrimLeft(text[6:], ": ")
	}
	if text == "" {
		return article.Credit{}
	}
	if rest, c, ok := cues.ParseCredit(text); ok && rest == "" && c.Text != "" {
		return c
	}
	if _, c, ok := cues.ParseCredit("Credit: " + text); ok && c.Text != "" {
		return c
	}
	return article.Credit{Role: article.RolePhoto, Text: text}
}

// isCredit reports whether an element marks a credit.
func isCredit(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
	return strings.Contains(s, "credit") || strings.Contains(s, "byline") || strings.Contains(s, "copyright")
}

// cutText returns the first n bytes of t's text, as String counts them.
func cutText(t article.Text, n int) article.Text {
	var out article.Text
	for _, r := range t {
		if n <= 0 {
			break
		}
		if r.Break {
			out = append(out, r)
			n--
			continue
		}
		if len(r.Text) > n {
			r.Text = r.Text[:n]
		}
		n -= len(r.Text)
		out = append(out, r)
	}
	return out
}

// figureFromImage makes a Figure of an img (or a picture's img), its image
// loaded when the converter can.
func (c *converter) figureFromImage(n *html.Node) *article.Figure {
	if n = imgOf(n); n == nil {
		return nil
	}
	if isIcon(n) {
		return nil
	}
	img := c.image(imageSrc(n), clean(attr(n, "alt")))
	return &article.Figure{Image: img}
}

// imgOf returns an img, or a picture's img; nil for a picture without one.
func imgOf(n *html.Node) *html.Node {
	if n.Data == "picture" {
		return find(n, func(n *html.Node) bool { return n.Data == "img" })
	}
	return n
}

// imageSrc returns the address of an img: its src, unless that is missing
// or a placeholder for a lazily loaded picture, then the real address the
// page's scripts would have put there.
func imageSrc(n *html.Node) string {
	src := strings.TrimSpace(attr(n, "src"))
	if src != "" && !(strings.HasPrefix(src, "data:") && len(src) < 200) {
		return src
	}
	for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src"} {
		if v := strings.TrimSpace(attr(n, k)); v != "" {
			return v
		}
	}
	if s := bestSrcset(attr(n, "srcset")); s != "" {
		return s
	}
	if s := bestSrcset(attr(n, "data-srcset")); s != "" {
		return s
	}
	return src
}

// bestSrcset picks the widest candidate of a srcset.
func bestSrcset(set string) string {
	best, bestW := "", -1.0
	for _, cand := range strings.Split(set, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		w := 0.0
		if len(f) > 1 {
			d := f[1]
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil && len(d) > 1 {
				w = v
				if strings.HasSuffix(d, "x") {
					w *= 1000 // density: rank above unmarked, by factor
				}
			}
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// italicCaptions gives a figure without a caption the paragraph right
// under it when that paragraph is short and all in italics, as many pages
// caption their images without a figcaption: a caption travels with its
// figure, where a paragraph may part from it at a page.
func italicCaptions(blocks []article.Block) []article.Block {
	out := blocks[:0]
	for i := 0; i < len(blocks); i++ {
		out = append(out, blocks[i])
		f, ok := blocks[i].(*article.Figure)
		if !ok || len(f.Image.Caption) > 0 || i+1 >= len(blocks) {
			continue
		}
		p, ok := blocks[i+1].(*article.Paragraph)
		if !ok || !italicLine(p.Text) {
			continue
		}
		caption := make(article.Text, len(p.Text))
		for k, r := range p.Text {
			r.Style &^= article.Emphasis
			caption[k] = r
		}
		f.Image.Caption = caption
		i++
	}
	return out
}

// maxCaptionWords is the most words a paragraph in italics under an image
// has to be taken for its caption.
const maxCaptionWords = 60

// italicLine reports whether t is all in italics and short.
func italicLine(t article.Text) bool {
	words := 0
	for _, r := range t {
		if r.Break || r.Note > 0 {
			continue
		}
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if r.Style&article.Emphasis == 0 {
			return false
		}
		words += len(strings.Fields(r.Text))
	}
	return words > 0 && words <= maxCaptionWords
}
