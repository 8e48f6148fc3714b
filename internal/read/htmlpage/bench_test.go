package htmlpage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/publish/internal/tooltest"
)

// BenchmarkParse reads a long news page of the shared corpus.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(tooltest.SharedDir(b, "corpus"), "nytimes-4", "source.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
