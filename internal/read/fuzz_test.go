package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzBytes feeds any bytes to the input dispatcher (UTF-16, encoding,
// the binary check, HTML or text or Markdown, the reader): it must not
// panic, an error must be one line naming the input, and an article read
// must have a title or a body.
func FuzzBytes(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "china-power.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(page))
	f.Add([]byte(essay))
	f.Add([]byte("\ufeff<!--?xml version=\"1.0\"?-->\n<html><body><p>x</p></body></html>"))
	f.Add([]byte("caf\xe9 cr\xe8me"))
	f.Add([]byte("\xff\xfeA\x00 \x00T\x00"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A larger input only takes longer to read: crashes hide in
		// shapes, not sizes, which the size tests and benchmarks cover.
		if len(data) > 256<<10 {
			return
		}
		a, err := Bytes("in.txt", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "in.txt: ") || strings.Contains(msg, "\n") {
				t.Fatalf("error %q is not one line naming the input", msg)
			}
			return
		}
		if a.Meta.Title == "" && len(a.Body) == 0 {
			t.Fatal("an article with neither title nor body was read without an error")
		}
	})
}
