// Package corpustest gives tests the shared corpus of real web pages
// (../shared/corpus: each page's source.html with Readability's own
// expected.json, expected.html and article.txt, and the scraped texts
// that pandoc, w3m, lynx and BeautifulSoup make of it) and the measures of
// a reading: the share of the expected text's words it still holds
// (Kept), and how its title, byline, date, language and text compare with
// the expected ones (GradeTitle, NamesFound, SameDay, SameLanguage,
// Overlap).
package corpustest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/tooltest"
)

// A Page is one page of the corpus.
type Page struct {
	Name string // the folder's name, such as "nytimes-4"
	Dir  string
}

// Expected is a page's expected.json: what Mozilla's Readability finds.
type Expected struct {
	Title         string `json:"title"`
	Byline        string `json:"byline"`
	Lang          string `json:"lang"`
	PublishedTime string `json:"publishedTime"`
	SiteName      string `json:"siteName"`
}

// Pages lists the corpus's pages, or skips the test where the corpus is
// absent.
func Pages(t testing.TB) []Page {
	t.Helper()
	dir := tooltest.SharedDir(t, "corpus")
	files, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no source.html in %s: %v", dir, err)
	}
	pages := make([]Page, 0, len(files))
	for _, f := range files {
		pages = append(pages, Page{Name: filepath.Base(filepath.Dir(f)), Dir: filepath.Dir(f)})
	}
	return pages
}

// Source returns the page as it was saved.
func (p Page) Source(t testing.TB) []byte {
	t.Helper()
	return p.read(t, "source.html")
}

// Expected returns what Readability finds on the page.
func (p Page) Expected(t testing.TB) Expected {
	t.Helper()
	var e Expected
	if err := json.Unmarshal(p.read(t, "expected.json"), &e); err != nil {
		t.Fatalf("%s: expected.json: %v", p.Name, err)
	}
	return e
}

// ExpectedWords returns the words of the text Readability extracts, with
// block boundaries as spaces (textContent would run a row's cells
// together).
func (p Page) ExpectedWords(t testing.TB) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(p.read(t, "expected.html"))))
	if err != nil {
		t.Fatalf("%s: expected.html: %v", p.Name, err)
	}
	return Words(blockText(doc))
}

func (p Page) read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(p.Dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Words splits s into lower-case words: runs of letters, digits and
// combining marks.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// Kept returns the share of want's words that text holds, and the ones it
// lacks. A word of a script written without spaces (Chinese, Japanese,
// Thai), whose ends depend on markup, is looked for in text with its
// spaces taken out.
func Kept(want []string, text string) (float64, []string) {
	have := map[string]bool{}
	for _, w := range Words(text) {
		have[w] = true
	}
	joined := strings.ToLower(strings.Join(strings.Fields(text), ""))
	var lost []string
	for _, w := range want {
		if !have[w] && !(unspaced(w) && strings.Contains(joined, w)) {
			lost = append(lost, w)
		}
	}
	if len(want) == 0 {
		return 1, nil
	}
	return 1 - float64(len(lost))/float64(len(want)), lost
}

func unspaced(w string) bool {
	return strings.ContainsFunc(w, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
	})
}

// blockText returns the text under n with a space at each element
// boundary but those of inline elements.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		block := n.Type == html.ElementNode && !inline(n.Data)
		if block {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

// inline reports whether an HTML element flows within a line of text.
func inline(tag string) bool {
	switch tag {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
		"samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "strike", "tt", "big", "del", "ins":
		return true
	}
	return false
}

// ArticleText returns every string of an article, one per line: metadata
// (the date as YYYY-MM-DD), credits, and the body with its figures, quotes,
// lists and tables, and the notes. It is what "a word is kept" is measured against.
func ArticleText(a *article.Article) string {
	var b strings.Builder
	m := a.Meta
	for _, s := range []string{m.Title, m.Subtitle, m.Section, m.Date.String(), m.Publisher, m.Rights, strings.Join(m.Keywords, " ")} {
		b.WriteString(s + "\n")
	}
	for _, p := range m.Authors {
		b.WriteString(p.Name + "\n" + p.Bio + "\n")
	}
	if m.LeadImage != nil {
		b.WriteString(m.LeadImage.Alt + "\n" + m.LeadImage.Caption.String() + "\n" + m.LeadImage.Credit + "\n")
	}
	for _, c := range a.Credits {
		b.WriteString(c.Text + "\n")
	}
	blocks := a.Body
	for _, n := range a.Notes {
		blocks = append(blocks[:len(blocks):len(blocks)], n.Blocks...)
	}
	for bl := range article.All(blocks) {
		switch bl := bl.(type) {
		case *article.Heading:
			b.WriteString(bl.Text.String())
		case *article.Paragraph:
			b.WriteString(bl.Text.String())
		case *article.Preformatted:
			b.WriteString(bl.Text)
		case *article.Figure:
			b.WriteString(bl.Image.Alt + "\n" + bl.Image.Caption.String() + "\n" + bl.Image.Credit)
		case *article.Table:
			b.WriteString(bl.Caption.String())
			for r := range bl.AllRows() {
				for _, c := range r {
					b.WriteString("\n" + c.Text.String())
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
