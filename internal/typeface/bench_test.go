package typeface

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/tooltest"
)

func mobyDick(b *testing.B) string {
	b.Helper()
	text, err := os.ReadFile(filepath.Join(tooltest.SharedDir(b, "corpus-long"), "moby-dick.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(text)
}

// BenchmarkLoadFace measures what a Library pays once per face it sets
// text in: parsing the embedded file and indexing the kerning.
func BenchmarkLoadFace(b *testing.B) {
	for _, name := range fonts.Names() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				file, err := fonts.Data(name)
				if err != nil {
					b.Fatal(err)
				}
				f, err := parseFace(name, file)
				if err != nil {
					b.Fatal(err)
				}
				f.kerning()
			}
		})
	}
}

// BenchmarkWidth measures every word of Moby Dick.
func BenchmarkWidth(b *testing.B) {
	words := strings.Fields(mobyDick(b))
	f := face(b, NewLibrary(), fonts.SerifRegular)
	b.ResetTimer()
	for b.Loop() {
		var w float64
		for _, word := range words {
			w += f.Width(word)
		}
		if w <= 0 {
			b.Fatal("no width")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

// BenchmarkBook does per character what the layout engine does to
// measure a book: resolve the face, then add advance and kerning.
func BenchmarkBook(b *testing.B) {
	text := []rune(mobyDick(b))
	l := NewLibrary()
	chain := []string{fonts.SerifRegular, fonts.Fallback}
	b.ResetTimer()
	for b.Loop() {
		var w float64
		var prev rune
		var pf *Face
		for _, r := range text {
			f, ok := l.Resolve(chain, r)
			if !ok {
				prev, pf = 0, nil
				continue
			}
			w += f.Advance(r)
			if f == pf {
				w += f.Kern(prev, r)
			}
			prev, pf = r, f
		}
		if w <= 0 {
			b.Fatal("no width")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(text)), "ns/char")
}

func BenchmarkAdvance(b *testing.B) {
	f := face(b, NewLibrary(), fonts.SerifRegular)
	const s = "Call me Ishmael. Some years ago—never mind how long precisely"
	b.ResetTimer()
	for b.Loop() {
		var w float64
		for _, r := range s {
			w += f.Advance(r)
		}
		if w <= 0 {
			b.Fatal("no width")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len([]rune(s))), "ns/rune")
}

func BenchmarkKern(b *testing.B) {
	f := face(b, NewLibrary(), fonts.SerifRegular)
	s := []rune("Call me Ishmael. Some years ago—never mind how long precisely. AVATAR To")
	b.ResetTimer()
	for b.Loop() {
		var k float64
		for i := 1; i < len(s); i++ {
			k += f.Kern(s[i-1], s[i])
		}
		if k >= 0 {
			b.Fatal("no kerning")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(s)-1), "ns/pair")
}
