package epub

import (
	"io"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// BenchmarkPublishEPUB writes the seed article (testdata/china-power.txt,
// as the text reader reads it) as an EPUB, cover generation included,
// without and with embedded fonts.
func BenchmarkPublishEPUB(b *testing.B) {
	pub := article.Single(seedArticle(b))
	for _, fonts := range []bool{false, true} {
		name := "default"
		if fonts {
			name = "fonts"
		}
		b.Run(name, func(b *testing.B) {
			opts := seedOptions()
			opts.EmbedFonts = fonts
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, pub, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
