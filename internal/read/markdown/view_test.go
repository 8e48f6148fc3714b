package markdown

import (
	"fmt"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// markup writes a text with its styles as HTML-like tags, so a test reads
// which words carry which style at a glance: <i>, <b>, <code>, <a href>,
// <br> for a line break and <sup>N</sup> for a reference to note N.
func markup(t article.Text) string {
	var b strings.Builder
	for _, r := range t {
		if r.Break {
			b.WriteString("<br>")
			continue
		}
		if r.Note > 0 {
			fmt.Fprintf(&b, "<sup>%d</sup>", r.Note)
			continue
		}
		s := r.Text
		if r.Style&article.Code != 0 {
			s = "<code>" + s + "</code>"
		}
		if r.Style&article.Strong != 0 {
			s = "<b>" + s + "</b>"
		}
		if r.Style&article.Emphasis != 0 {
			s = "<i>" + s + "</i>"
		}
		if r.Link != "" {
			s = `<a href="` + r.Link + `">` + s + "</a>"
		}
		b.WriteString(s)
	}
	return b.String()
}

// outline lists blocks one line each, nested blocks indented by two
// spaces: "h2 Text", "p Text", "pre Text", "quote", "ol 3" or "ul" with
// "item" lines, "fig src | alt | caption | credit | WxH", "table" with
// its columns' alignment and a "| cell | cell" line a row.
func outline(blocks []article.Block) []string {
	var lines []string
	var walk func(blocks []article.Block, indent string)
	walk = func(blocks []article.Block, indent string) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *article.Heading:
				lines = append(lines, fmt.Sprintf("%sh%d %s", indent, b.Level, markup(b.Text)))
			case *article.Paragraph:
				lines = append(lines, indent+"p "+markup(b.Text))
			case *article.Preformatted:
				lines = append(lines, indent+"pre "+b.Text)
			case *article.Quote:
				lines = append(lines, indent+"quote")
				walk(b.Blocks, indent+"  ")
			case *article.List:
				if b.Ordered {
					lines = append(lines, fmt.Sprintf("%sol %d", indent, b.Start))
				} else {
					lines = append(lines, indent+"ul")
				}
				for _, item := range b.Items {
					lines = append(lines, indent+"  item")
					walk(item, indent+"    ")
				}
			case *article.Figure:
				lines = append(lines, indent+"fig "+figure(&b.Image))
			case *article.Table:
				var aligns []string
				for _, a := range b.Align {
					aligns = append(aligns, a.String())
				}
				lines = append(lines, indent+"table "+strings.Join(aligns, " "))
				for r := range b.AllRows() {
					var cells []string
					for _, c := range r {
						s := markup(c.Text)
						if c.Header {
							s = "th " + s
						}
						cells = append(cells, s)
					}
					lines = append(lines, indent+"  | "+strings.Join(cells, " | "))
				}
			}
		}
	}
	walk(blocks, "")
	return lines
}

// figure describes an image in one line.
func figure(img *article.Image) string {
	s := fmt.Sprintf("%s | %s | %s | %s", img.Src, img.Alt, markup(img.Caption), img.Credit)
	if len(img.Data) > 0 {
		s += fmt.Sprintf(" | %s %dx%d", img.MediaType, img.Width, img.Height)
	}
	return s
}
