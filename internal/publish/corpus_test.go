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
// as `publish page.html` would: no page may fail, each PDF must pass
// qpdf --check and keep floorPDFWords of the page's words, and each EPUB
// must pass epubcheck without a message. The EPUBs are checked together
// once every page is made, as one start of epubcheck's JVM costs more
// than checking a dozen EPUBs; each page's check is its own subtest.
func TestCorpusOutputs(t *testing.T) {
	t.Parallel()
	pages := corpustest.Pages(t)
	pdftotext := tooltest.Require(t, "pdftotext")
	qpdf := tooltest.Require(t, "qpdf")
	opts := Options{Getenv: func(string) string { return "1526774400" }, Stderr: &bytes.Buffer{}}
	lopts, err := opts.layoutOptions()
	if err != nil {
		t.Fatal(err)
	}
	env := newEnv(&opts)
	dir := t.TempDir()
	epubs := make([]string, len(pages)) // "" where the page failed
	t.Run("make", func(t *testing.T) {
		for i, page := range pages {
			t.Run(page.Name, func(t *testing.T) {
				t.Parallel()
				in := filepath.Join(page.Dir, "source.html")
				a, err := env.load(context.Background(), in, &opts)
				if err != nil {
					t.Fatal(err)
				}
				out := filepath.Join(dir, page.Name)
				for _, format := range Formats() {
					var buf bytes.Buffer
					if err := env.render(&buf, format, article.Single(a), in, opts, lopts); err != nil {
						t.Fatalf("%s: %v", format, err)
					}
					if err := os.WriteFile(out+"."+format, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				epubs[i] = out + ".epub"
				// qpdf exits 0 when clean, 3 on warnings, 2 on errors.
				if check, err := exec.Command(qpdf, "--check", out+".pdf").CombinedOutput(); err != nil {
					t.Errorf("qpdf --check: %v\n%s", err, check)
				}
				text, err := exec.Command(pdftotext, "-enc", "UTF-8", out+".pdf", "-").Output()
				if err != nil {
					t.Fatalf("pdftotext: %v", err)
				}
				// A word's own hyphen at a line end is drawn as U+2010, which
				// pdftotext keeps: join the word back as a reader would.
				kept, lost := corpustest.Kept(page.ExpectedWords(t), strings.ReplaceAll(string(text), "\u2010\n", "-"))
				if kept < floorPDFWords {
					t.Errorf("the PDF keeps %.1f%% of the page's words (floor %.0f%%); lost %q", 100*kept, 100*floorPDFWords, lost[:min(len(lost), 12)])
				}
			})
		}
	})
	var files []string
	for _, f := range epubs {
		if f != "" {
			files = append(files, f)
		}
	}
	t.Run("epubcheck", func(t *testing.T) {
		msgs := tooltest.EpubcheckAll(t, files)
		for i, page := range pages {
			if epubs[i] == "" {
				continue
			}
			t.Run(page.Name, func(t *testing.T) {
				if m := msgs[epubs[i]]; m != "" {
					t.Errorf("epubcheck %s:\n%s", epubs[i], m)
				}
			})
		}
	})
}
