package publish

import (
	"strings"
	"testing"
)

// FuzzParseManifest feeds any text to the manifest parser: no panic, an
// error is one line, and a manifest read has a section with an input.
func FuzzParseManifest(f *testing.F) {
	f.Add("title: Dispatches\nsubtitle: A year\neditor: [Ada Byron, Charles Babbage]\ndate: 2026-11-27\nlang: en\nsections:\n  - title: Asia\n    inputs: [a.txt, b.html]\n  - title: Europe\n    inputs: [https://example.org/rome, essays/]\n")
	f.Add("title: T\ninputs: a.txt\n")
	f.Add("a: &a [*a]\n")
	f.Add("title: T\nchapters: x\n")
	f.Add("sections: [{title: X, inputs: [{}]}]\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := parseManifest([]byte(text), "/books")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		n := 0
		for _, s := range m.Sections {
			n += len(s.Inputs)
		}
		if n == 0 {
			t.Fatal("a manifest with no input was read without an error")
		}
	})
}
