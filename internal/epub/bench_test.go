package epub

import (
	"context"
	"io"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// BenchmarkPublishEPUB writes the seed article (testdata/china-power.txt,
// as the text reader reads it) as an EPUB, cover generation included,
// without and with embedded fonts.
func BenchmarkPublishEPUB(b *testing.B) { benchmarkWrite(b, nil) }

// BenchmarkWriteGivenCover writes the seed article with a cover image
// given, so that it measures what Write costs besides generating a cover:
// go-epub's packing and the finishing step.
func BenchmarkWriteGivenCover(b *testing.B) {
	benchmarkWrite(b, &article.Image{Data: testJPEG(b, 600, 900), MediaType: "image/jpeg", Alt: "A gradient"})
}

func benchmarkWrite(b *testing.B, cover *article.Image) {
	pub := article.Single(seedArticle(b))
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
				if err := Write(context.Background(), io.Discard, pub, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
