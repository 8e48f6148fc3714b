package layout

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// The page builder is tested on synthetic vertical lists of lines of height
// 1 on pages 10 lines deep.

// plines returns the n lines of paragraph id with the keep rules of
// setter.addLines: no break after the first line (orphan) nor after the
// last but one (widow).
func plines(id, n int) []vitem {
	v := make([]vitem, n)
	for i := range v {
		v[i] = vitem{kind: vLine, height: 1, para: id, line: i, lines: n, keep: n > 1 && (i == 0 || i == n-2)}
	}
	return v
}

// describe writes each page as the paragraphs on it, with their line
// counts: "A8 B2|B2", a figure as "F", a heading as "H".
func describe(pages [][]placed) string {
	var b strings.Builder
	for i, pp := range pages {
		if i > 0 {
			b.WriteByte('|')
		}
		last, count := -1, 0
		flush := func() {
			if count > 0 {
				fmt.Fprintf(&b, "%c%d ", 'A'+last, count)
			}
			count = 0
		}
		for _, p := range pp {
			switch {
			case p.v.float:
				flush()
				b.WriteString("F ")
			case p.v.kind == vLine && p.v.para < 0:
				flush()
				b.WriteString("H ")
			case p.v.kind == vLine:
				if p.v.para != last {
					flush()
					last = p.v.para
				}
				count++
			}
		}
		flush()
	}
	return strings.ReplaceAll(b.String(), " |", "|")
}

func TestPaginate(t *testing.T) {
	heading := []vitem{
		{kind: vSpace, height: 1},
		{kind: vLine, height: 1, para: -1, keep: true},
		{kind: vSpace, height: 1, keep: true},
	}
	figure := vitem{kind: vBlock, height: 4, float: true}
	tests := []struct {
		name string
		v    [][]vitem
		want string
	}{
		{"fits", [][]vitem{plines(0, 8)}, "A8 "},
		{"break inside a paragraph", [][]vitem{plines(0, 8), plines(1, 4)}, "A8 B2|B2 "},
		// Breaking B after its first line would leave an orphan, after
		// its second a widow: the page runs short instead.
		{"three-line paragraph moves whole", [][]vitem{plines(0, 8), plines(1, 3)}, "A8|B3 "},
		{"no orphan", [][]vitem{plines(0, 9), plines(1, 5)}, "A9|B5 "},
		// Ten lines of eleven would leave one alone on the next page.
		{"no widow", [][]vitem{plines(0, 11)}, "A9|A2 "},
		// The heading keeps with the first two lines of what follows, so
		// it moves to the next page with them.
		{"heading keeps with two lines", [][]vitem{plines(0, 7), heading, plines(1, 6)}, "A7|H B6 "},
		{"heading fits with two lines", [][]vitem{plines(0, 5), heading, plines(1, 6)}, "A5 H B2|B4 "},
		// The figure does not fit under A: it floats to the top of the
		// next page and B fills the rest of this one.
		{"figure floats", [][]vitem{plines(0, 8), {figure}, plines(1, 6)}, "A8 B2|F B4 "},
		{"figure fits", [][]vitem{plines(0, 4), {figure}, plines(1, 6)}, "A4 F B2|B4 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := slices.Concat(tt.v...)
			pages := paginate(v, 10, 1)
			if got := describe(pages); got != tt.want {
				t.Errorf("pages %q, want %q", got, tt.want)
			}
			for pi, pp := range pages {
				h := 0.0
				for _, p := range pp {
					h += p.v.height
				}
				if h > 10 {
					t.Errorf("page %d is %v deep, more than 10", pi+1, h)
				}
			}
		})
	}
}

// TestPaginateTallRowUnderAHead checks that a table row that fits a page
// but not under the table's repeated head is set all the same, not looped
// on.
func TestPaginateTallRowUnderAHead(t *testing.T) {
	head := &vitem{kind: vBlock, height: 3}
	v := []vitem{
		{kind: vBlock, height: 2},
		{kind: vBlock, height: 9, head: head},
		{kind: vBlock, height: 9, head: head},
	}
	pages := paginate(v, 10, 1)
	placed := 0
	for _, p := range pages {
		for _, x := range p {
			if x.v.height == 9 {
				placed++
			}
		}
	}
	if placed != 2 || len(pages) > 4 {
		t.Errorf("%d of 2 rows placed on %d pages", placed, len(pages))
	}
}

// TestFullPages checks that no page but an article's last ends more than
// three lines short, wherever a heading falls: the spaces around it give
// up half a line each when that lets the heading and its first two lines
// end the page. The seed, on every paper, has no short page either.
func TestFullPages(t *testing.T) {
	// Paragraphs of five lines and more, which may part at a page: one of
	// three keeps whole, as widows and orphans ask, and may leave a page
	// short by more.
	para := strings.Repeat("The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth, as it had every spring. ", 2)
	paper, _ := PaperNamed("a5")
	for before := range 16 {
		var body []article.Block
		for range before {
			body = append(body, &article.Paragraph{Text: article.Plain(para)})
		}
		for range 4 {
			body = append(body, &article.Heading{Level: 2, Text: article.Plain("Where the water came from")})
			for range 5 {
				body = append(body, &article.Paragraph{Text: article.Plain(para)})
			}
		}
		pub := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{{Meta: article.Metadata{Title: "Floods", Lang: "en"}, Body: body}}}}}
		doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Stats.ShortPages != 0 {
			t.Errorf("%d paragraphs before the first heading: %d short pages", before, doc.Stats.ShortPages)
		}
		checkTextBlock(t, doc, paper, "")
	}
	for _, name := range PaperNames() {
		paper, _ := PaperNamed(name)
		doc, err := typesetter().Layout(context.Background(), seedArticle(), Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Stats.ShortPages != 0 {
			t.Errorf("the seed on %s: %d short pages", name, doc.Stats.ShortPages)
		}
	}
}

// TestFloatsKeepTheirPlace checks a figure that does not fit where it
// stands: it goes to the next page while the text goes on filling this
// one, its caption goes with it, and it never comes after the next
// heading nor inside a list, wherever on the page it falls.
func TestFloatsKeepTheirPlace(t *testing.T) {
	para := strings.Repeat("The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth. ", 2)
	paper, _ := PaperNamed("a5")
	g, err := design(paper, typesetter().fonts)
	if err != nil {
		t.Fatal(err)
	}
	floated := 0
	for before := range 14 {
		var body []article.Block
		for range before {
			body = append(body, &article.Paragraph{Text: article.Plain(para)})
		}
		var items [][]article.Block
		for k := range 6 {
			items = append(items, []article.Block{&article.Paragraph{Text: article.Plain(fmt.Sprintf("Listitem%d of the gauges along the river", k))}})
		}
		body = append(body,
			&article.Figure{Image: article.Image{Data: []byte{1}, MediaType: "image/png", Width: 400, Height: 300, Caption: article.Plain("Figcaption of the flood")}},
			&article.Paragraph{Text: article.Plain(para)},
			&article.List{Items: items},
			&article.Heading{Level: 2, Text: article.Plain("Headingafter the figure")},
			&article.Paragraph{Text: article.Plain(para)},
			&article.Paragraph{Text: article.Plain(para)})
		pub := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{{Meta: article.Metadata{Title: "Floods", Lang: "en"}, Body: body}}}}}
		doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		type at struct {
			page int
			y    float64
		}
		var img, caption, heading at
		var list []at
		for pi, p := range doc.Pages {
			for _, it := range p.Items {
				switch it := it.(type) {
				case *ImageItem:
					img = at{pi, it.Y}
				case *TextItem:
					switch it.Text {
					case "Figcaption":
						caption = at{pi, it.Y}
					case "Headingafter":
						heading = at{pi, it.Y}
					}
					if strings.HasPrefix(it.Text, "Listitem") {
						list = append(list, at{pi, it.Y})
					}
				}
			}
		}
		if caption.page != img.page || caption.y < img.y {
			t.Errorf("%d paragraphs before: caption at %+v, image at %+v", before, caption, img)
		}
		if img.page > heading.page || img.page == heading.page && img.y > heading.y {
			t.Errorf("%d paragraphs before: the figure at %+v comes after the heading at %+v", before, img, heading)
		}
		earlier := func(a, b at) bool { return a.page < b.page || a.page == b.page && a.y < b.y }
		if len(list) > 0 && earlier(list[0], img) && earlier(img, list[len(list)-1]) {
			t.Errorf("%d paragraphs before: the figure at %+v is inside the list, %+v to %+v", before, img, list[0], list[len(list)-1])
		}
		if img.page > 0 && img.y < g.top+g.body.leading {
			floated++
		}
		checkTextBlock(t, doc, paper, fmt.Sprintf("%d paragraphs before: ", before))
	}
	if floated == 0 {
		t.Error("no figure floated to the top of a page")
	}
}
