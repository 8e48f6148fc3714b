package hyphen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/tooltest"
)

// BenchmarkHyphenate hyphenates a novel word by word, as the layout does:
// one op is one whitespace-separated word, punctuation and all.
func BenchmarkHyphenate(b *testing.B) {
	for _, c := range []struct{ lang, book string }{
		{"en-us", "moby-dick.txt"},
		{"es", "don-quijote.txt"},
	} {
		b.Run(c.lang, func(b *testing.B) {
			text, err := os.ReadFile(filepath.Join(tooltest.SharedDir(b, "corpus-long"), c.book))
			if err != nil {
				b.Skip(err)
			}
			words := strings.Fields(string(text))
			d, err := NewLibrary().Dictionary(c.lang)
			if err != nil {
				b.Fatal(err)
			}
			var dst []int
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				dst = d.AppendHyphenate(dst[:0], words[i%len(words)])
			}
		})
	}
}

// BenchmarkLoad parses each embedded pattern set, as a Library does once
// per language.
func BenchmarkLoad(b *testing.B) {
	for _, tag := range sets() {
		b.Run(tag, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := load(tag); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
