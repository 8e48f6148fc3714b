package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/read"
	"github.com/pressroom/publish/internal/typeface"
)

// TestScriptPages checks the first page of each script sample (the
// project's testdata/scripts) on A5 against what was reviewed by eye,
// beside weasyprint's rendering of the same text: Arabic joined and right
// to left, Hebrew with its points, Devanagari's conjuncts and vowel signs,
// Thai broken between words, Greek with its accents, Russian, and
// paragraphs that mix directions.
func TestScriptPages(t *testing.T) {
	created := time.Unix(1526774400, 0).UTC()
	paper, err := layout.PaperNamed("a5")
	if err != nil {
		t.Fatal(err)
	}
	ts := layout.New(typeface.NewLibrary(), hyphen.NewLibrary())
	for _, s := range []string{"ar", "he", "hi", "th", "el", "ru", "mixed"} {
		t.Run(s, func(t *testing.T) {
			a, err := read.File(filepath.Join("..", "..", "testdata", "scripts", s+".md"), nil)
			if err != nil {
				t.Fatal(err)
			}
			pub := article.Single(a)
			doc, err := ts.Layout(context.Background(), pub, layout.Options{Paper: paper, Created: created})
			if err != nil {
				t.Fatal(err)
			}
			path, _ := writePDF(t, pub, doc, Options{Creator: "publish 0.1.0", Created: created})
			dir := t.TempDir()
			run(t, "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", path, filepath.Join(dir, "page"))
			png, err := os.ReadFile(filepath.Join(dir, "page-1.png"))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "script-"+s+"-1.png", png)
		})
	}
}
