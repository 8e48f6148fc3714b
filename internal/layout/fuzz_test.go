package layout

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

// FuzzLayout sets any text as an article's title, a paragraph, a heading
// and a list item, on A5: the line breaker and the page builder must not
// panic, fail or make no page, and every page's items lie on it.
func FuzzLayout(f *testing.F) {
	f.Add("North Korea and China, Friends Again?", "After many years of strained relations between China and North Korea, the two are friends again.")
	f.Add(strings.Repeat("x", 3000), "word "+strings.Repeat("y", 500))
	f.Add("中国与朝鲜：再度「友好」？", "한국어 문장입니다. 日本語の文です。")
	f.Add("", "\u00ad\u200b\u2028\t \u00a0")
	f.Add("Tab\tand\nnewline", "a\u0301\u0301\u0301 b\u2010c\u2014d")
	f.Add("الإعلان (United Nations) 1948", "שָׁלוֹם \u202eabc\u202c क्षत्रिय ภาษาไทยภาษาไทย office \u2067x\u2069 \U0001F600")
	paper, _ := PaperNamed("a5")
	ts := typesetter()
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(title) || !utf8.ValidString(text) || len(title)+len(text) > 20000 {
			return
		}
		a := &article.Article{
			Meta: article.Metadata{Title: title, Lang: "en", Authors: []article.Person{{Name: title}}},
			Body: []article.Block{
				&article.Paragraph{Text: article.Plain(text)},
				&article.Heading{Level: 2, Text: article.Plain(title)},
				&article.List{Items: [][]article.Block{{&article.Paragraph{Text: article.Plain(text)}}}},
				&article.Preformatted{Text: text},
			},
		}
		doc, err := ts.Layout(context.Background(), article.Single(a), Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) == 0 {
			t.Fatal("no pages")
		}
		for pi, p := range doc.Pages {
			for _, it := range p.Items {
				if ti, ok := it.(*TextItem); ok && (ti.Y < 0 || ti.Y > paper.Height) {
					t.Fatalf("page %d: text %q at y %.1f, off the page", pi+1, ti.Text, ti.Y)
				}
			}
		}
	})
}
