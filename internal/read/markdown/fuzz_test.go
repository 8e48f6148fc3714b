package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

func FuzzParse(f *testing.F) {
	f.Add([]byte("# Title\n\nSome *em **strong*** [link](u) `code`  \nbreak\n"))
	f.Add([]byte("---\ntitle: T\nauthor: [A, {name: B, bio: C}]\ndate: 2018-05-18\nlang: pt-br\n---\n## H\n\n- a\n  1. b\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("| a | b |\n|---|---|\n| 1 | 2 |\n\n![x](y \"Photo: Z\")\n\nx[^1]\n\n[^1]: n\n"))
	f.Add([]byte("<div><p>a<br>b</p><img src=x alt=y></div>\n\n> q\n>> r\n\n```\nc\n```\n"))
	if essay, err := os.ReadFile(filepath.Join("testdata", "essay.md")); err == nil {
		f.Add(essay)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Sniff(data)
		if !utf8.Valid(data) {
			return // Parse's contract: the dispatcher has decoded the bytes
		}
		a, err := Parse(data, Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "front matter: line ") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		checkBlocks(t, a.Body)
	})
}

// checkBlocks asserts what every parsed body keeps to: headings at levels
// 2 to 6, no empty runs but note references, quotes and lists and their
// items not empty.
func checkBlocks(t *testing.T, blocks []article.Block) {
	t.Helper()
	for _, b := range blocks {
		switch b := b.(type) {
		case *article.Heading:
			if b.Level < 2 || b.Level > 6 {
				t.Fatalf("heading level %d", b.Level)
			}
			checkText(t, b.Text)
		case *article.Paragraph:
			checkText(t, b.Text)
		case *article.Quote:
			if len(b.Blocks) == 0 {
				t.Fatal("empty quote")
			}
			checkBlocks(t, b.Blocks)
		case *article.List:
			if len(b.Items) == 0 {
				t.Fatal("empty list")
			}
			for _, item := range b.Items {
				if len(item) == 0 {
					t.Fatal("empty list item")
				}
				checkBlocks(t, item)
			}
		case *article.Figure:
			checkText(t, b.Image.Caption)
		}
	}
}

func checkText(t *testing.T, txt article.Text) {
	t.Helper()
	for i, r := range txt {
		if !r.Break && r.Note == 0 && r.Text == "" {
			t.Fatalf("empty run %d in %q", i, txt)
		}
		if r.Break && (i == 0 || i == len(txt)-1) {
			t.Fatalf("break at an end of %q", txt)
		}
	}
}
