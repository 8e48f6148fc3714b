package shape

import (
	"testing"

	"github.com/pressroom/publish/assets/fonts"
)

// BenchmarkShapeWord shapes one Latin word with a ligature, as the layout
// would for each such word of a text.
func BenchmarkShapeWord(b *testing.B) {
	s := NewFonts().NewShaper()
	text := []rune("efficient")
	var g []Glyph
	for b.Loop() {
		var err error
		if g, err = s.Shape(g[:0], fonts.SerifRegular, text, 0, len(text), false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShapeArabic shapes one Arabic word.
func BenchmarkShapeArabic(b *testing.B) {
	s := NewFonts().NewShaper()
	text := []rune("والحقوق")
	var g []Glyph
	for b.Loop() {
		var err error
		if g, err = s.Shape(g[:0], fonts.ArabicSerif, text, 0, len(text), true); err != nil {
			b.Fatal(err)
		}
	}
}
