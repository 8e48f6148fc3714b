package pdf

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/read"
	"github.com/pressroom/publish/internal/typeface"
)

// seedURL is the source the acceptance run names on the command line.
const seedURL = "https://thediplomat.com/2018/05/north-korea-and-china-friends-again/"

// seedPDF lays out and writes the seed article as `publish --date
// 2018-05-18 --source-url URL --rights TEXT` would with SOURCE_DATE_EPOCH
// set, and returns the file's path, its bytes and the article.
func seedPDF(t *testing.T, paper string) (string, []byte, *article.Article) {
	t.Helper()
	a, err := read.File(filepath.Join("..", "..", "testdata", "china-power.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Meta.Date = article.Day(2018, time.May, 18)
	a.Meta.SourceURL = seedURL
	a.Meta.Rights = "© 2018 The Diplomat. All rights reserved."
	path, data := articlePDF(t, a, paper)
	return path, data, a
}

// articlePDF lays out and writes a on paper as the command would with
// SOURCE_DATE_EPOCH set, and returns the file's path and its bytes.
func articlePDF(t *testing.T, a *article.Article, paper string) (string, []byte) {
	t.Helper()
	size, err := layout.PaperNamed(paper)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Unix(1526774400, 0).UTC()
	pub := article.Single(a)
	doc, err := layout.New(typeface.NewLibrary(), hyphen.NewLibrary()).Layout(context.Background(), pub, layout.Options{Paper: size, Created: created})
	if err != nil {
		t.Fatal(err)
	}
	return writePDF(t, pub, doc, Options{Creator: "publish 0.1.0", Created: created})
}

// goldenPages checks pages 1 to last of the PDF at path, at 70 dpi,
// against the golden images name-1.png onwards.
func goldenPages(t *testing.T, path, name string, last int) {
	t.Helper()
	dir := t.TempDir()
	run(t, "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", strconv.Itoa(last), path, filepath.Join(dir, "page"))
	for page := 1; page <= last; page++ {
		png, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("page-%d.png", page)))
		if err != nil {
			t.Fatal(err)
		}
		golden(t, fmt.Sprintf("%s-%d.png", name, page), png)
	}
}

// TestSeedGolden checks the seed article on A4 and A5 against what was
// reviewed by eye: the extracted text, the metadata and pages 1 and 2.
func TestSeedGolden(t *testing.T) {
	for _, paper := range []string{"a4", "a5"} {
		t.Run(paper, func(t *testing.T) {
			path, _, _ := seedPDF(t, paper)
			info := run(t, "pdfinfo", "-isodates", path)
			info = regexp.MustCompile(`(?m)^(File size|Producer):.*\n`).ReplaceAllString(info, "")
			golden(t, "seed-"+paper+".txt", []byte(run(t, "pdftotext", "-enc", "UTF-8", path, "-")))
			golden(t, "seed-"+paper+".info", []byte(info))
			goldenPages(t, path, "seed-"+paper, 2)
		})
	}
}

// TestSeedWords checks that every word of the article is in the PDF's text
// in reading order: the body, then the credits with the bio, the photo
// credit, the source and the rights. Hyphenation is the only change
// allowed, and pdftotext undoes it.
func TestSeedWords(t *testing.T) {
	path, data, a := seedPDF(t, "a4")
	if len(data) >= 100_000 {
		t.Errorf("seed PDF is %d bytes, want under 100 KB", len(data))
	}
	// A word's own hyphen at a line end is drawn as U+2010, which
	// pdftotext keeps: join the word back as a reader would.
	text := strings.Fields(strings.ReplaceAll(run(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\u2010\n", "-"))
	var want []string
	for _, b := range a.Body {
		switch b := b.(type) {
		case *article.Paragraph:
			want = append(want, strings.Fields(b.Text.String())...)
		case *article.Heading:
			want = append(want, strings.Fields(b.Text.String())...)
		}
	}
	want = append(want, strings.Fields(a.Meta.Authors[0].Bio)...)
	want = append(want, strings.Fields("Flickr / John Pavelka")...)
	want = append(want, strings.Fields(seedURL)...)
	want = append(want, strings.Fields(a.Meta.Rights)...)
	i := 0
	for _, w := range text {
		if i < len(want) && w == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("word %d of %d, %q, is missing or out of order in the PDF's text", i+1, len(want), want[i])
	}
}

// TestSeedStructure checks the outline (the title over both headings and
// the credits), the
// link to the source, and the same bytes on a second run.
func TestSeedStructure(t *testing.T) {
	path, data, a := seedPDF(t, "a4")
	j := describePDF(t, path)
	var got []string
	var walk func([]outline, int)
	walk = func(os []outline, level int) {
		for _, o := range os {
			got = append(got, fmt.Sprintf("%d %s p%d", level, o.Title, o.Page))
			walk(o.Kids, level+1)
		}
	}
	walk(j.Outlines, 0)
	want := []string{
		"0 " + a.Meta.Title + " p1",
		"1 Economic Engagement with North Korea p1",
		"1 Integrating North Korea into China’s Belt and Road Initiative p2",
		"1 Credits p3",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var links []string
	for _, p := range j.Pages {
		annots, _ := j.object(t, p.Object)["/Annots"].([]any)
		for _, an := range annots {
			action, _ := an.(map[string]any)["/A"].(map[string]any)
			links = append(links, fmt.Sprint(action["/URI"]))
		}
	}
	if !slices.Contains(links, "u:"+seedURL) {
		t.Errorf("link annotations %q lack the source %s", links, seedURL)
	}
	_, again, _ := seedPDF(t, "a4")
	if !bytes.Equal(data, again) {
		t.Error("two runs gave different bytes")
	}
}
