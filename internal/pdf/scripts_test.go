package pdf

import (
	"path/filepath"
	"testing"

	"github.com/pressroom/publish/internal/read"
)

// TestScriptPages checks the first page of each script sample (the
// project's testdata/scripts) on A5 against what was reviewed by eye,
// beside weasyprint's rendering of the same text: Arabic joined and right
// to left, Hebrew with its points, Devanagari's conjuncts and vowel signs,
// Thai broken between words, Greek with its accents, Russian, and
// paragraphs that mix directions.
func TestScriptPages(t *testing.T) {
	for _, s := range []string{"ar", "he", "hi", "th", "el", "ru", "mixed"} {
		t.Run(s, func(t *testing.T) {
			a, err := read.File(filepath.Join("..", "..", "testdata", "scripts", s+".md"), nil)
			if err != nil {
				t.Fatal(err)
			}
			path, _ := articlePDF(t, a, "a5")
			goldenPages(t, path, "script-"+s, 1)
		})
	}
}
