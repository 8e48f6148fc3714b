package publish

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/publish/internal/corpustest"
	"github.com/pressroom/publish/internal/tooltest"
)

// testBindCorpus binds every page of the shared corpus into one book, in
// two titled sections, from a manifest, as a subtest of TestCorpus. The
// EPUB must name every article and its authors in its nav (TestCorpus has
// epubcheck check it with the pages' EPUBs: it sets *epub to its path);
// the PDF must pass qpdf --check, each number in its contents must be the
// folio of the page the entry's title opens, and each article's pages must
// keep floorPDFWords of its words. It writes the book into dir.
func testBindCorpus(t *testing.T, pages []corpustest.Page, dir string, epub *string) {
	pdftotext := tooltest.Require(t, "pdftotext")
	qpdf := tooltest.Require(t, "qpdf")
	half := len(pages) / 2
	var y strings.Builder
	y.WriteString("title: The Corpus Reader\nsubtitle: Pages from the open web\neditor: Ada Byron\ndate: 2026-11-27\nsections:\n")
	for i, p := range pages {
		if i == 0 || i == half {
			fmt.Fprintf(&y, "  - title: Half %d\n    inputs:\n", 1+i/max(half, 1))
		}
		fmt.Fprintf(&y, "      - %s\n", filepath.Join(p.Dir, "source.html"))
	}
	manifest := filepath.Join(dir, "reader.yaml")
	if err := os.WriteFile(manifest, []byte(y.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	// The corpus lies outside the manifest's folder.
	opts := Options{OutDir: dir, Getenv: func(string) string { return "1526774400" }, Stderr: &stderr, AllowOutside: true}
	if err := Run(context.Background(), []string{manifest}, opts); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	pdf, book := filepath.Join(dir, "reader.pdf"), filepath.Join(dir, "reader.epub")
	*epub = book

	// The articles' titles and authors in order, as the pipeline reads them.
	env := newEnv(&opts)
	var titles []string
	var bylines []string
	for _, p := range pages {
		a, err := env.load(context.Background(), filepath.Join(p.Dir, "source.html"), &Options{})
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, a.Title())
		bylines = append(bylines, strings.Join(a.Meta.AuthorNames(), ", "))
	}

	// qpdf exits 0 when clean, 3 on warnings, 2 on errors.
	if check, err := exec.Command(qpdf, "--check", pdf).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, check)
	}
	// Where the body starts, from the page labels.
	out, err := exec.Command(qpdf, "--json", "--json-key=pagelabels", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	var labels struct {
		Labels []struct {
			Index int `json:"index"`
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal(out, &labels); err != nil || len(labels.Labels) != 2 {
		t.Fatalf("page labels: %v %s", err, out)
	}
	front := labels.Labels[1].Index

	sheets := strings.Split(pdfText(t, pdftotext, pdf, "-layout"), "\f")
	// The contents: every line that ends in leaders or a space, then a
	// number, is an entry: the two halves, the articles, the credits.
	entry := regexp.MustCompile(`\S.*?[ .]\s*(\d+)\s*$`)
	var numbers []int
	for _, sheet := range sheets[1:front] {
		for _, line := range strings.Split(sheet, "\n") {
			if m := entry.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				numbers = append(numbers, n)
			}
		}
	}
	want := append([]string{"Half 1"}, titles[:half]...)
	want = append(want, "Half 2")
	want = append(want, titles[half:]...)
	want = append(want, "Credits")
	if len(numbers) != len(want) {
		t.Fatalf("the contents have %d numbered entries, want %d", len(numbers), len(want))
	}
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '\u2010' || r == '-' {
				return -1
			}
			return r
		}, s)
	}
	for k, n := range numbers {
		sheet := front + n - 1
		if sheet >= len(sheets) {
			t.Errorf("%q: page %d is past the end", want[k], n)
			continue
		}
		// An opening has no running head, which would show the title too.
		head := []rune(squash(want[k]))
		text := strings.TrimSpace(sheets[sheet])
		if strings.HasPrefix(text, "The Corpus Reader") || !strings.Contains(squash(text), string(head[:min(len(head), 16)])) {
			t.Errorf("contents: %q on page %d, which does not open it", want[k], n)
		}
	}

	// Each article's pages, up to the next entry's, keep its words.
	ai := 0
	for k, n := range numbers[:len(numbers)-1] {
		if want[k] == "Half 1" || want[k] == "Half 2" {
			continue
		}
		text := strings.Join(sheets[front+n-1:front+numbers[k+1]-1], "\n")
		text = strings.ReplaceAll(text, "\u2010\n", "-")
		if kept, lost := corpustest.Kept(pages[ai].ExpectedWords(t), text); kept < floorPDFWords {
			t.Errorf("%s: the book keeps %.1f%% of the page's words (floor %.0f%%); lost %q", pages[ai].Name, 100*kept, 100*floorPDFWords, lost[:min(len(lost), 12)])
		}
		ai++
	}

	nav := zipFile(t, book, "EPUB/nav.xhtml")
	for i, title := range titles {
		e := esc(title)
		if bylines[i] != "" {
			e += `<span class="toc-byline"> — ` + esc(bylines[i]) + "</span>"
		}
		if !strings.Contains(nav, ">"+e+"</a>") {
			t.Errorf("nav lacks %q", e)
		}
	}
	opf := zipFile(t, book, "EPUB/package.opf")
	if !strings.Contains(opf, `<dc:creator id="creator-1">Ada Byron</dc:creator>`) || !strings.Contains(opf, `<meta refines="#creator-1" property="role" scheme="marc:relators">edt</meta>`) {
		t.Errorf("package.opf does not name the editor:\n%s", opf)
	}
}

// esc escapes text as the EPUB writer does.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// zipFile returns one file of a zip archive.
func zipFile(t *testing.T, archive, name string) string {
	t.Helper()
	z, err := zip.OpenReader(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	return zipEntry(t, &z.Reader, name)
}

// zipEntry returns the named file of an open archive.
func zipEntry(t *testing.T, z *zip.Reader, name string) string {
	t.Helper()
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// pdfText returns the text pdftotext reads from the PDF at path, with
// modes such as -layout or -raw.
func pdfText(t *testing.T, pdftotext, path string, modes ...string) string {
	t.Helper()
	args := append(modes, "-enc", "UTF-8", path, "-")
	out, err := exec.Command(pdftotext, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", strings.Join(modes, " "), err)
	}
	return string(out)
}
