package plaintext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

// FuzzParse checks that any text parses without a panic, that every body
// block holds text, and that blank text makes an empty article.
func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "china-power.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("Title\n\nBy Jane Doe | May 18, 2018\n\nCaption.\nCredit: Reuters\n\nA paragraph. Another one.\n\nJane Doe is a writer.")
	f.Add("\r\n\r\n\u00a0\t")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := Parse(text)
		for _, b := range a.Body {
			var s string
			switch b := b.(type) {
			case *article.Heading:
				s = b.Text.String()
			case *article.Paragraph:
				s = b.Text.String()
			case *article.Figure:
				s = b.Image.Caption.String() + b.Image.Credit
			default:
				t.Fatalf("unexpected block %T", b)
			}
			if strings.TrimSpace(s) == "" {
				t.Fatalf("empty %T block from %q", b, text)
			}
		}
		if strings.TrimSpace(text) == "" && (len(a.Body) > 0 || a.Meta.Title != "") {
			t.Fatalf("blank text gave %+v", a)
		}
	})
}
