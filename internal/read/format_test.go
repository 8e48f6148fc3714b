package read

import (
	"cmp"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
)

const page = `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Ein Titel</title></head>
<body><article><h1>Ein Titel</h1>
<p>Der erste Absatz dieses Artikels ist lang genug, um als Fließtext zu gelten, und er hat zwei Sätze. So ist es hier.</p>
<p>Ein zweiter Absatz folgt, ebenfalls lang genug für jede Lesart der Regeln, die hier gelten. Auch er hat zwei Sätze.</p>
<p>Ein dritter Absatz schließt den Artikel ab und sorgt dafür, dass genug Wörter für einen Artikel vorhanden sind.</p>
</article></body></html>`

const essay = "---\ntitle: An Essay\nauthor: [Jane Doe, John Roe]\ndate: 2018-05-18\n---\n\nThe first paragraph of the essay runs long enough to be prose, with *emphasis* and a [link](https://example.com).\n\n## A Section\n\nA second paragraph follows the section heading.\n"

// TestFormats checks that each format is told by its content, whatever the
// file is called, and read by its own reader.
func TestFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		file, content string
		check         func(t *testing.T, a *article.Article)
	}{
		{"page.html", page, func(t *testing.T, a *article.Article) {
			if a.Meta.Title != "Ein Titel" || a.Meta.Lang != "de" {
				t.Errorf("title %q lang %q", a.Meta.Title, a.Meta.Lang)
			}
		}},
		{"saved-page.txt", page, func(t *testing.T, a *article.Article) {
			if a.Meta.Title != "Ein Titel" || strings.Contains(a.Body[0].(*article.Paragraph).Text.String(), "<p>") {
				t.Errorf("a page named .txt was not read as HTML: %+v", a.Meta)
			}
		}},
		{"essay.md", essay, func(t *testing.T, a *article.Article) {
			if a.Meta.Title != "An Essay" || len(a.Meta.Authors) != 2 || a.Meta.Date.String() != "2018-05-18" {
				t.Errorf("meta %+v", a.Meta)
			}
		}},
		{"essay.txt", essay, func(t *testing.T, a *article.Article) {
			if a.Meta.Title != "An Essay" {
				t.Errorf("Markdown with front matter named .txt: title %q", a.Meta.Title)
			}
		}},
		{"notes.html", sample, func(t *testing.T, a *article.Article) {
			if a.Meta.Title != "A Title" {
				t.Errorf("text named .html: title %q", a.Meta.Title)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			a, err := File(path, nil)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func TestFormatErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ file, content, want string }{
		{"empty-page.html", "<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "no article text found"},
		{"broken.md", "---\ntitle: [unclosed\n---\n\nText.\n", "front matter"},
		{"image.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (image/png)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := File(path, nil)
			if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line naming the file and saying %q", err, tt.want)
			}
		})
	}
}

// TestReadPageURL reads a page served over HTTP, whose content type and
// address the reader uses.
func TestReadPageURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	a, err := (&Reader{Client: NewClient(time.Second)}).Read(context.Background(), srv.URL+"/story")
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "Ein Titel" || a.Meta.SourceURL != srv.URL+"/story" {
		t.Errorf("title %q source %q", a.Meta.Title, a.Meta.SourceURL)
	}
}

// TestSniff checks that a page is told from text by how it opens, past what
// may come before its first element, and that a server's text/plain does
// not make a page of markup into text.
func TestSniff(t *testing.T) {
	const body = "<html><head><title>T</title></head><body><p>Text.</p></body></html>"
	tests := []struct {
		name, data, contentType string
		want                    int
		file                    string // the input's name; "input" when empty
	}{
		{"page", body, "", formatHTML, ""},
		{"commented XML declaration first", "<!--?xml version=\"1.0\"?-->\n" + body, "", formatHTML, ""},
		{"byte-order mark and blank lines", "\ufeff\n\n\n" + body, "", formatHTML, ""},
		{"saved-from comment, then doctype", "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html>\n" + body, "", formatHTML, ""},
		{"XML declaration", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>", "", formatHTML, ""},
		{"text/plain over a doctype", "<!DOCTYPE html>\n" + body, "text/plain; charset=utf-8", formatHTML, ""},
		{"text/plain over text", "A Title\n\nA paragraph about <html> tags.\n", "text/plain", formatText, ""},
		{"text/html over text", "A Title\n\nA paragraph.\n", "text/html", formatHTML, ""},
		{"text mentioning a tag", "A Title\n\nThe <html> element opens a page.\n", "", formatText, ""},
		{"Markdown opening with a comment", "<!-- draft -->\n\n# A Title\n\nA paragraph.\n", "", formatText, ""},
		{"a word that starts like a tag", "<htmlish> is not a tag\n", "", formatText, ""},
		{"a .txt scrape opening with markup the page printed", "<div><img src=\"x.gif\" /></div>\n\nA Title\n\nA paragraph.\n", "", formatText, "page.txt"},
		{"a saved page named .txt", body, "", formatHTML, "page.txt"},
		{"a fragment of markup", "<div><p>A paragraph.</p></div>", "", formatHTML, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff(cmp.Or(tt.file, "input"), []byte(tt.data), tt.contentType); got != tt.want {
				t.Errorf("sniff = %d, want %d", got, tt.want)
			}
		})
	}
}
