package hyphen

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// TestGolden hyphenates the word lists in testdata/words (words from the
// shared corpora and hand-picked ones) and compares with testdata/golden.
// The golden files were checked word for word against LuaTeX with the same
// patterns and minimums, but Thai's, whose points are the boundaries of
// words and syllables where a Thai line breaks, and Russian's, read by eye
// (LuaTeX was not at hand); after -update, review the diff before
// committing.
func TestGolden(t *testing.T) {
	lib := NewLibrary()
	for _, tag := range sets() {
		t.Run(tag, func(t *testing.T) {
			words, err := os.ReadFile(filepath.Join("testdata", "words", tag+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			d := dictionary(t, lib, tag)
			var out bytes.Buffer
			sc := bufio.NewScanner(bytes.NewReader(words))
			for sc.Scan() {
				w := sc.Text()
				out.WriteString(w + "\t" + show(w, d.Hyphenate(w), "-") + "\n")
			}
			golden := filepath.Join("testdata", "golden", tag+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			got := bytes.Split(out.Bytes(), []byte("\n"))
			for i, line := range bytes.Split(want, []byte("\n")) {
				if i >= len(got) || !bytes.Equal(got[i], line) {
					var g []byte
					if i < len(got) {
						g = got[i]
					}
					t.Errorf("%s line %d: got %q, want %q", golden, i+1, g, line)
				}
			}
			if len(got) != len(bytes.Split(want, []byte("\n"))) {
				t.Errorf("%s: got %d lines, want %d", golden, len(got), len(bytes.Split(want, []byte("\n"))))
			}
		})
	}
}
