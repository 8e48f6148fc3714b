package pdf

import (
	"context"
	"io"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
)

// BenchmarkWritePDF writes the three-page sample Document: "cjk" as it is,
// in six faces, one of them the 4 MB CJK face, and "latin" without its CJK
// text, in five.
func BenchmarkWritePDF(b *testing.B) {
	pub := sampleArticle()
	doc := sampleDocument(b, pub)
	latin := *doc
	latin.Pages = nil
	for _, p := range doc.Pages {
		var items []layout.Item
		for _, it := range p.Items {
			if t, ok := it.(*layout.TextItem); !ok || t.Font != fonts.Fallback {
				items = append(items, it)
			}
		}
		p.Items = items
		latin.Pages = append(latin.Pages, p)
	}
	for _, bb := range []struct {
		name string
		doc  *layout.Document
	}{{"cjk", doc}, {"latin", &latin}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(context.Background(), io.Discard, pub, bb.doc, sampleOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
