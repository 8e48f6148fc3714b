package layout

import (
	"context"
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

func TestSeedArticleShape(t *testing.T) {
	pub := seedArticle()
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

// TestSeedArticleAllPapers sets the seed on every paper size: no fault
// of a page, every part of the article set, and its pages and line breaks
// as testdata/seed-PAPER.golden lists them, so that any change to where a
// line or a page breaks shows in review as a diff of text.
func TestSeedArticleAllPapers(t *testing.T) {
	ts := typesetter()
	for _, name := range PaperNames() {
		t.Run(name, func(t *testing.T) {
			paper, err := PaperNamed(name)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ts.Layout(context.Background(), seedArticle(), Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "seed-"+name+".golden", listing(doc, paper))
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
// with one Typesetter; run with -race. The goroutines only record what
// they find: the test's own goroutine reports it, since t.Fatal from
// another would not stop the test.
func TestLayoutConcurrent(t *testing.T) {
	ts := typesetter()
	names := PaperNames()
	pages := make([]int, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			paper, err := PaperNamed(name)
			if err != nil {
				errs[i] = err
				return
			}
			doc, err := ts.Layout(context.Background(), seedArticle(), Options{Paper: paper})
			if err != nil {
				errs[i] = err
				return
			}
			pages[i] = doc.Stats.Pages
		})
	}
	wg.Wait()
	for i, name := range names {
		switch {
		case errs[i] != nil:
			t.Errorf("%s: %v", name, errs[i])
		case pages[i] == 0:
			t.Errorf("%s: no pages", name)
		}
	}
}
