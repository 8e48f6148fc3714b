package read

import (
	"strings"

	"github.com/abadojack/whatlanggo"

	"github.com/pressroom/publish/internal/article"
)

// sampleBytes is how much text the language detector reads. A thousand bytes
// settle the trigram statistics; whatlanggo's confidence breaks down on much
// longer samples (it goes negative), so more would be worse, not better.
const sampleBytes = 1000

// DetectLanguage guesses the article's language from its body text with a
// trigram model and returns it as a BCP 47 tag, or "" when the text is too
// short or mixed for a reliable answer.
func DetectLanguage(a *article.Article) string {
	var b strings.Builder
	for _, blk := range a.Body {
		if b.Len() >= sampleBytes {
			break
		}
		switch blk := blk.(type) {
		case *article.Paragraph:
			b.WriteString(blk.Text.String())
			b.WriteByte('\n')
		case *article.Heading:
			b.WriteString(blk.Text.String())
			b.WriteByte('\n')
		}
	}
	if b.Len() < 200 {
		b.WriteString(a.Meta.Title + "\n" + a.Meta.Subtitle)
	}
	sample := b.String()
	if len(sample) > sampleBytes {
		sample = strings.ToValidUTF8(sample[:sampleBytes], "")
	}
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() && info.Confidence < 0.5 {
		return ""
	}
	code := whatlanggo.LangToStringShort(info.Lang)
	tag, err := article.CanonicalLang(code)
	if err != nil {
		return ""
	}
	return tag
}
