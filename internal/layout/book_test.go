package layout

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// prose returns n paragraphs of made-up English of varied length, the
// same for the same seed.
func prose(seed uint64, n int) []article.Block {
	vocab := strings.Fields("the harbour town kept its ledgers in a room above the customs house where clerks " +
		"counted barrels of salt and bolts of cloth while ships waited on the tide for papers signed " +
		"in triplicate by officers who rarely left their desks before noon nor after dusk")
	r := rand.New(rand.NewPCG(seed, 7))
	var blocks []article.Block
	for range n {
		words := make([]string, 20+r.IntN(120))
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
		blocks = append(blocks, &article.Paragraph{Text: article.Plain(strings.Join(words, " ") + ".")})
	}
	return blocks
}

// sampleBook returns a book of two titled parts and seven articles of
// lengths from a few lines to several pages, one with a heading.
func sampleBook() *article.Publication {
	pub := &article.Publication{
		Meta:    article.Metadata{Title: "Harbour Records", Subtitle: "Seven accounts", Lang: "en", Rights: "CC BY 4.0", Identifier: "ISBN 978-3-16-148410-0"},
		Editors: []article.Person{{Name: "Ada Byron"}},
		Book:    true,
	}
	lengths := [][]int{{3, 14}, {1, 40, 6, 9, 22}}
	n := 0
	for si, part := range lengths {
		sec := article.Section{Title: fmt.Sprintf("Part %d", si+1)}
		for _, paras := range part {
			n++
			a := &article.Article{Meta: article.Metadata{
				Title:   fmt.Sprintf("Account number %d of the harbour", n),
				Authors: []article.Person{{Name: fmt.Sprintf("Clerk %c", 'A'+n), Bio: "A clerk of the customs house."}},
			}}
			a.Body = prose(uint64(n), paras)
			if paras > 5 {
				a.Body = slices.Insert(a.Body, 2, article.Block(&article.Heading{Level: 2, Text: article.Plain("On the tide")}))
			}
			a.Credits = []article.Credit{{Role: article.RolePhoto, Text: fmt.Sprintf("Harbour Archive %d", n)}}
			sec.Articles = append(sec.Articles, a)
		}
		pub.Sections = append(pub.Sections, sec)
	}
	return pub
}

// lineOf is one line of text on a page: its items joined, left to right.
type lineOf struct {
	y     float64
	items []*TextItem
}

func (l lineOf) text() string {
	var words []string
	for _, it := range l.items {
		words = append(words, it.Text)
	}
	return strings.Join(words, " ")
}

// pageLines groups a page's text items into lines by baseline.
func pageLines(p *Page) []lineOf {
	byY := map[float64][]*TextItem{}
	for _, it := range p.Items {
		if t, ok := it.(*TextItem); ok {
			y := float64(int(t.Y*10+0.5)) / 10
			byY[y] = append(byY[y], t)
		}
	}
	var lines []lineOf
	for y, items := range byY {
		sort.Slice(items, func(i, j int) bool { return items[i].X < items[j].X })
		lines = append(lines, lineOf{y, items})
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].y < lines[j].y })
	return lines
}

func TestBook(t *testing.T) {
	ts := typesetter()
	for _, tc := range []struct {
		paper  string
		duplex bool
	}{{"a4", false}, {"a4", true}, {"a5", false}, {"6x9", true}} {
		t.Run(fmt.Sprintf("%s/duplex=%v", tc.paper, tc.duplex), func(t *testing.T) {
			paper, _ := PaperNamed(tc.paper)
			pub := sampleBook()
			doc, err := ts.Layout(context.Background(), pub, Options{Paper: paper, Duplex: tc.duplex})
			if err != nil {
				t.Fatal(err)
			}
			checkBook(t, pub, doc, paper, tc.duplex)
		})
	}
}

func checkBook(t *testing.T, pub *article.Publication, doc *Document, paper Paper, duplex bool) {
	t.Helper()
	if len(doc.Labels) != 2 || doc.Labels[0] != (PageLabel{1, LowerRoman, 1}) || doc.Labels[1].Style != Arabic || doc.Labels[1].Start != 1 {
		t.Fatalf("labels = %+v, want roman from page 1, then arabic from 1", doc.Labels)
	}
	front := doc.Labels[1].Page - 1
	if duplex && front%2 != 0 {
		t.Errorf("front matter has %d pages; duplex needs an even number", front)
	}
	parts := map[int]bool{} // pages, from 0, that open a part
	for _, o := range doc.Outline {
		for _, s := range pub.Sections {
			if o.Title == s.Title {
				parts[o.Page-1] = true
			}
		}
	}
	for i, p := range doc.Pages {
		want := ""
		switch {
		case len(p.Items) == 0 || i <= 1 || parts[i]:
			// The cover, the imprint, blank pages and a part's title
			// page show no folio.
		case i < front:
			want = roman(i + 1)
		default:
			want = strconv.Itoa(i + 1 - front)
		}
		if p.Folio != want {
			t.Errorf("page %d: folio %q, want %q", i+1, p.Folio, want)
		}
	}

	// The imprint, after the title page, names the book and gives its
	// identifier.
	var imprint []string
	for _, l := range pageLines(&doc.Pages[1]) {
		imprint = append(imprint, l.text())
	}
	if !slices.Contains(imprint, bookTitle(pub)) || !slices.Contains(imprint, pub.Meta.Identifier) {
		t.Errorf("page 2, the imprint, holds %q; want the book's title and %q", imprint, pub.Meta.Identifier)
	}

	// The contents: each line ending in a number, in order, is a part,
	// an article or the credits, and the number is the folio of the page
	// its title is set on.
	var want []string
	for _, s := range pub.Sections {
		want = append(want, s.Title)
		for _, a := range s.Articles {
			want = append(want, a.Title())
		}
	}
	want = append(want, "Credits")
	var got []int
	for i := 1; i < front; i++ {
		for _, l := range pageLines(&doc.Pages[i]) {
			last := l.items[len(l.items)-1].Text
			if n, err := strconv.Atoi(last); err == nil && l.y < paper.Height*0.9 && len(l.items) > 1 {
				got = append(got, n)
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("contents has %d numbered entries, want %d (%q)", len(got), len(want), want)
	}
	for k, n := range got {
		page := front + n // 1-based
		found := false
		for _, o := range doc.Outline {
			if o.Title == want[k] && o.Page == page {
				found = true
			}
		}
		if !found {
			t.Errorf("contents: %q on page %d, but it is not set there", want[k], n)
		}
		if duplex && page%2 == 0 {
			t.Errorf("%q opens on page %d, a left-hand page", want[k], page)
		}
	}

	// Each entry's lines link to where its title is set.
	links := 0
	for i := 1; i < front; i++ {
		for _, it := range doc.Pages[i].Items {
			l, ok := it.(*LinkItem)
			if !ok || l.URL != "" {
				continue
			}
			links++
			if !slices.ContainsFunc(doc.Outline, func(o OutlineEntry) bool { return o.Page == l.Page && o.Y == l.TargetY && o.Level <= 1 }) {
				t.Errorf("a contents link on page %d goes to page %d at %.1f, where no title is", i+1, l.Page, l.TargetY)
			}
		}
	}
	if links < len(want) {
		t.Errorf("the contents have %d links, want one for each of %d entries at least", links, len(want))
	}

	// Running heads: the book's title on every page of text but an
	// opening, and the article's own on a right-hand one.
	opening := map[int]bool{}
	for _, o := range doc.Outline {
		if o.Level <= 1 {
			opening[o.Page] = true
		}
	}
	for i := front; i < len(doc.Pages); i++ {
		p := &doc.Pages[i]
		if len(p.Items) == 0 || opening[i+1] {
			continue
		}
		head := pageLines(p)[0].text()
		verso := (i+1-front)%2 == 0
		if (!duplex || verso) && !strings.HasPrefix(head, "Harbour Records") {
			t.Errorf("page %d: running head %q does not give the book's title", i+1, head)
		}
		if (!duplex || !verso) && !strings.Contains(head, "Account") && !strings.Contains(head, "Credits") {
			t.Errorf("page %d: running head %q does not give the article's title", i+1, head)
		}
	}

	// Every word of every article is set, and the credits are gathered.
	text, _ := pageText(doc)
	text = strings.ReplaceAll(text, "- ", "")
	for _, a := range pub.Articles() {
		for _, b := range a.Body {
			if p, ok := b.(*article.Paragraph); ok {
				for _, w := range strings.Fields(p.Text.String()) {
					if !strings.Contains(text, w) {
						t.Fatalf("%q: word %q is missing", a.Title(), w)
					}
				}
			}
		}
		if c := a.Credits[0].Text; !strings.Contains(text, c) {
			t.Errorf("credit %q is missing", c)
		}
	}
	for _, s := range []string{"Edited by", "Ada Byron", "Rights:", "CC BY 4.0", "Contents", "Seven accounts"} {
		if !strings.Contains(text, s) {
			t.Errorf("book lacks %q", s)
		}
	}
	if doc.Stats.OverfullLines > 0 {
		t.Errorf("%d overfull lines", doc.Stats.OverfullLines)
	}
}

// TestBookOutline checks the outline nests part, article, heading.
func TestBookOutline(t *testing.T) {
	doc, err := typesetter().Layout(context.Background(), sampleBook(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range doc.Outline {
		got = append(got, fmt.Sprintf("%d %s", o.Level, o.Title))
	}
	want := []string{
		"0 Contents",
		"0 Part 1", "1 Account number 1 of the harbour", "1 Account number 2 of the harbour", "2 On the tide",
		"0 Part 2", "1 Account number 3 of the harbour", "1 Account number 4 of the harbour", "2 On the tide",
		"1 Account number 5 of the harbour", "2 On the tide", "1 Account number 6 of the harbour", "2 On the tide",
		"1 Account number 7 of the harbour", "2 On the tide",
		"0 Credits",
	}
	if !slices.Equal(got, want) {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl", 90: "xc", 400: "cd", 1994: "mcmxciv"} {
		if got := roman(n); got != want {
			t.Errorf("roman(%d) = %q, want %q", n, got, want)
		}
	}
}
