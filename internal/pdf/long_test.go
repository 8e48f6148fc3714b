package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
)

// longDoc returns a document of n pages, each saying its number.
func longDoc(n int) *layout.Document {
	doc := &layout.Document{Width: 420, Height: 595}
	for i := 1; i <= n; i++ {
		doc.Pages = append(doc.Pages, layout.Page{Number: i, Items: []layout.Item{
			&layout.TextItem{X: 56, Y: 80, Font: fonts.SerifRegular, Size: 11, Text: fmt.Sprintf("page%d", i)},
			&layout.RuleItem{X1: 56, Y1: 90, X2: 300, Y2: 90, Width: 0.5},
		}})
	}
	return doc
}

// TestLongDocument writes a document past longDocument pages, whose pages
// fpdf compresses itself: the file passes qpdf and keeps every page's text.
func TestLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("a thousand pages through qpdf and pdftotext")
	}
	// Past longDocument pages fpdf compresses, and finish must pass its
	// streams through: recompressing them would fail.
	for _, pages := range []int{longDocument, longDocument + 1} {
		d, err := newDrawer(longDoc(pages), describe(sampleArticle(), sampleOptions()))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := d.f.GetCompression(), pages > longDocument; got != want {
			t.Errorf("%d pages: fpdf compresses %v, want %v", pages, got, want)
		}
	}
	n := longDocument + 1
	path, _ := writePDF(t, sampleArticle(), longDoc(n), sampleOptions())
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, i := range []int{1, n / 2, n} {
		if !strings.Contains(text, fmt.Sprintf("page%d\n", i)) {
			t.Errorf("page %d's text is missing", i)
		}
	}
}

// TestReleasePages checks that ReleasePages gives the same file and leaves
// the document's pages empty.
func TestReleasePages(t *testing.T) {
	pub := sampleArticle()
	var kept, released bytes.Buffer
	if err := Write(context.Background(), &kept, pub, sampleDocument(t, pub), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	doc := sampleDocument(t, pub)
	opts := sampleOptions()
	opts.ReleasePages = true
	if err := Write(context.Background(), &released, pub, doc, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(kept.Bytes(), released.Bytes()) {
		t.Error("releasing the pages changed the file")
	}
	for i, p := range doc.Pages {
		if len(p.Items) > 0 {
			t.Errorf("page %d keeps %d items", i+1, len(p.Items))
		}
	}
}
