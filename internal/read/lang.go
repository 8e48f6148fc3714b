package read

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"

	"github.com/pressroom/publish/internal/article"
)

// sampleBytes is how much text the language detector reads. A thousand bytes
// settle the trigram statistics; whatlanggo's confidence breaks down on much
// longer samples (it goes negative), so more would be worse, not better.
const sampleBytes = 1000

// proseRunes is the length from which a paragraph may count as prose for
// the language sample: a page's menus and tag clouds are runs of short
// lines, whose words (names, loanwords, jargon) mislead a trigram model.
const proseRunes = 80

// proseLike reports whether t reads as prose, for the language sample: long
// enough, of words of ordinary length (not a list run together, as
// "United StatesAfghanistanAlbania"), mostly letters and few digits (not a
// numbered list or a table).
func proseLike(t string) bool {
	runes, letters, digits, words := 0, 0, 0, 0
	inWord := false
	for _, r := range t {
		runes++
		switch {
		case unicode.IsLetter(r):
			letters++
			if !inWord {
				words++
			}
			inWord = true
			continue
		case unicode.IsDigit(r):
			digits++
		}
		inWord = false
	}
	return runes >= proseRunes && words > 0 && letters/words <= 12 && digits*20 < runes && letters*10 >= runes*6
}

// DetectLanguage guesses the article's language from its body text with a
// trigram model and returns it as a BCP 47 tag, or "" when the text is too
// short or mixed for a reliable answer. It reads the body's prose first,
// and its short lines and headings only when there is too little prose.
func DetectLanguage(a *article.Article) string {
	var b strings.Builder
	add := func(prose bool) {
		for blk := range article.All(a.Body) {
			if b.Len() >= sampleBytes {
				return
			}
			var t string
			switch blk := blk.(type) {
			case *article.Paragraph:
				t = blk.Text.String()
			case *article.Heading:
				t = blk.Text.String()
			default:
				continue
			}
			if proseLike(t) == prose {
				b.WriteString(t)
				b.WriteByte('\n')
			}
		}
	}
	add(true)
	if b.Len() < 200 {
		add(false)
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
