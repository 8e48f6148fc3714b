package epub

import (
	"io"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// BenchmarkWriteGivenCover writes the seed article with a cover image
// given, so that it measures what Write costs besides generating a cover:
// go-epub's packing and the finishing step.
func BenchmarkWriteGivenCover(b *testing.B) {
	pub := article.Single(seedArticle(b))
	cover := &article.Image{Data: testJPEG(b, 600, 900), MediaType: "image/jpeg", Alt: "A gradient"}
	for _, fonts := range []bool{false, true} {
		name := "default"
		if fonts {
			name = "fonts"
		}
		b.Run(name, func(b *testing.B) {
			opts := seedOptions()
			opts.EmbedFonts = fonts
			opts.Cover = cover
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, pub, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
