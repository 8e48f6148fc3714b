package layout

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/typeface"
)

// The libraries are safe for concurrent use and parse fonts and patterns
// once; tests share them as a program would.
var libs = sync.OnceValues(func() (*typeface.Library, *hyphen.Library) {
	return typeface.NewLibrary(), hyphen.NewLibrary()
})

func typesetter() *Typesetter { return New(libs()) }

// seedArticle builds the model of testdata/china-power.txt by hand, as the
// text reader will: kicker, title, dek, author with the last paragraph as
// bio, the photo credit, then 8 paragraphs and 2 headings.
func seedArticle(t testing.TB) *article.Publication {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "china-power.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(data), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	a := &article.Article{
		Meta: article.Metadata{
			Title:     "North Korea and China, Friends Again?",
			Subtitle:  paras[5],
			Section:   "China Power",
			Authors:   []article.Person{{Name: "Anny Boc", Bio: paras[len(paras)-1]}},
			Lang:      "en",
			Publisher: "The Diplomat",
			SourceURL: "https://thediplomat.com/2018/05/north-korea-and-china-friends-again/",
			LeadImage: &article.Image{Alt: "North Korea and China, Friends Again?", Credit: "Flickr / John Pavelka"},
		},
		Credits: []article.Credit{{Role: article.RolePhoto, Text: "Flickr / John Pavelka", Name: "John Pavelka", Agency: "Flickr"}},
	}
	for _, p := range paras[7 : len(paras)-1] {
		if !strings.ContainsAny(p[len(p)-1:], ".?!”\"") {
			a.Body = append(a.Body, &article.Heading{Level: 2, Text: article.Plain(p)})
			continue
		}
		a.Body = append(a.Body, &article.Paragraph{Text: article.Plain(p)})
	}
	return article.Single(a)
}

func TestSeedArticleShape(t *testing.T) {
	pub := seedArticle(t)
	var paras, heads int
	for _, b := range pub.Sections[0].Articles[0].Body {
		switch b.(type) {
		case *article.Paragraph:
			paras++
		case *article.Heading:
			heads++
		}
	}
	if paras != 8 || heads != 2 {
		t.Fatalf("seed article has %d paragraphs and %d headings, want 8 and 2", paras, heads)
	}
}

func TestSeedArticleAllPapers(t *testing.T) {
	ts := typesetter()
	for _, name := range PaperNames() {
		t.Run(name, func(t *testing.T) {
			paper, err := PaperNamed(name)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ts.Layout(seedArticle(t), Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			st := doc.Stats
			t.Logf("%s: %+v", name, st)
			for _, w := range doc.Warnings {
				t.Log(w)
			}
			if st.OverfullLines != 0 || st.Widows != 0 || st.Orphans != 0 {
				t.Errorf("overfull %d, widows %d, orphans %d; want none", st.OverfullLines, st.Widows, st.Orphans)
			}
			if st.MaxConsecutiveHyphens > 2 {
				t.Errorf("max consecutive hyphens %d > 2", st.MaxConsecutiveHyphens)
			}
			if len(doc.Missing) != 0 {
				t.Errorf("missing characters %q", doc.Missing)
			}
			var outline []string
			for _, o := range doc.Outline {
				outline = append(outline, o.Title)
			}
			wantOutline := "North Korea and China, Friends Again?|Economic Engagement with North Korea|" +
				"Integrating North Korea into China’s Belt and Road Initiative|Credits"
			if got := strings.Join(outline, "|"); got != wantOutline {
				t.Errorf("outline %q, want %q", got, wantOutline)
			}
			if doc.Pages[0].Folio != "" || doc.Pages[1].Folio != "2" {
				t.Errorf("folios %q %q, want none on page 1 and 2 on page 2", doc.Pages[0].Folio, doc.Pages[1].Folio)
			}
			all, links := pageText(doc)
			for _, want := range []string{"CHINA POWER", "Photo: Flickr / John Pavelka", "By Anny Boc", "Anny Boc is a PhD", "Source:"} {
				if !strings.Contains(all, want) {
					t.Errorf("document lacks %q", want)
				}
			}
			if links < 1 || links > 2 {
				t.Errorf("%d link items, want one per line of the source URL", links)
			}
			for pi, p := range doc.Pages {
				for _, it := range p.Items {
					if ti, ok := it.(*TextItem); ok && (ti.X < 0 || ti.X > doc.Width || ti.Y < 0 || ti.Y > doc.Height) {
						t.Errorf("page %d: %q at (%.1f, %.1f) off the page", pi+1, ti.Text, ti.X, ti.Y)
					}
				}
			}
		})
	}
}

// pageText joins the text of all pages, words separated by spaces, and
// counts the link items.
func pageText(doc *Document) (string, int) {
	var b strings.Builder
	links := 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *TextItem:
				b.WriteString(it.Text)
				b.WriteByte(' ')
			case *LinkItem:
				links++
			}
		}
	}
	return b.String(), links
}

// TestLayoutConcurrent lays out the seed article from several goroutines
// with one Typesetter; run with -race.
func TestLayoutConcurrent(t *testing.T) {
	ts := typesetter()
	var wg sync.WaitGroup
	pages := make([]int, 4)
	for i, name := range PaperNames() {
		wg.Go(func() {
			paper, _ := PaperNamed(name)
			doc, err := ts.Layout(seedArticle(t), Options{Paper: paper})
			if err != nil {
				t.Error(err)
				return
			}
			pages[i] = doc.Stats.Pages
		})
	}
	wg.Wait()
	for i, n := range pages {
		if n == 0 {
			t.Errorf("%s: no pages", PaperNames()[i])
		}
	}
}
