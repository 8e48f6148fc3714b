package publish

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/corpustest"
	"github.com/pressroom/publish/internal/tooltest"
)

// floorPDFWords is the share of a page's words (as Readability extracts
// them) that its PDF must keep, as pdftotext reads it back.
const floorPDFWords = 0.97

// TestCorpusOutputs makes both outputs of every page of the shared corpus,
// as `publish page.html` would: no page may fail, each EPUB must pass
// epubcheck without a message, and each PDF must keep floorPDFWords of the
// page's words.
func TestCorpusOutputs(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	pages := corpustest.Pages(t)
	opts := Options{Getenv: func(string) string { return "1526774400" }, Stderr: &bytes.Buffer{}}
	lopts, err := opts.layoutOptions()
	if err != nil {
		t.Fatal(err)
	}
	env := newEnv(&opts)
	for _, page := range pages {
		t.Run(page.Name, func(t *testing.T) {
			t.Parallel()
			in := filepath.Join(page.Dir, "source.html")
			a, err := env.load(context.Background(), in, &opts)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, format := range Formats() {
				var buf bytes.Buffer
				if err := env.render(&buf, format, article.Single(a), in, opts, lopts); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if err := os.WriteFile(filepath.Join(dir, "out."+format), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(dir, "out.pdf"), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			// A word's own hyphen at a line end is drawn as U+2010, which
			// pdftotext keeps: join the word back as a reader would.
			text := strings.ReplaceAll(string(out), "\u2010\n", "-")
			if kept, lost := corpustest.Kept(page.ExpectedWords(t), text); kept < floorPDFWords {
				t.Errorf("the PDF keeps %.1f%% of the page's words (floor %.0f%%); lost %q", 100*kept, 100*floorPDFWords, lost[:min(len(lost), 12)])
			}
			check, err := tooltest.Epubcheck(t, filepath.Join(dir, "out.epub")).CombinedOutput()
			if err != nil || len(bytes.TrimSpace(check)) > 0 {
				t.Errorf("epubcheck: %v\n%s", err, check)
			}
		})
	}
}
