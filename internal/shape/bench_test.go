package shape

import (
	"testing"

	"github.com/pressroom/publish/assets/fonts"
)

// BenchmarkShape shapes one word, as the layout does for each word that
// needs it: a Latin word for its ligature, an Arabic word for its forms.
func BenchmarkShape(b *testing.B) {
	for _, bb := range []struct {
		name, face, word string
		rtl              bool
	}{
		{"latin", fonts.SerifRegular, "efficient", false},
		{"arabic", fonts.ArabicSerif, "والحقوق", true},
	} {
		b.Run(bb.name, func(b *testing.B) {
			s := NewFonts().NewShaper()
			text := []rune(bb.word)
			var g []Glyph
			for b.Loop() {
				var err error
				if g, err = s.Shape(g[:0], bb.face, text, 0, len(text), bb.rtl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
