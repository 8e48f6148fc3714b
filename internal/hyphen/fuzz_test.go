package hyphen

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzHyphenate checks what must hold for any input: points ascend, fall
// inside the word on character boundaries, and have a letter on each side.
func FuzzHyphenate(f *testing.F) {
	for _, s := range []string{"hyphenation", "“Wörterbuch,”", "l’homme", "don't", "a-b-c", "\xff\xfe",
		"čtvrtletí", "Wo\u0308rterbuch", "well—known", "12th", "x\u00ADy", "'''", "Straße"} {
		f.Add(s)
	}
	lib := NewLibrary()
	dicts := []*Dictionary{dictionary(f, lib, "en"), dictionary(f, lib, "fr"), dictionary(f, lib, "cs")}
	f.Fuzz(func(t *testing.T, word string) {
		for _, d := range dicts {
			last := 0
			for _, p := range d.Hyphenate(word) {
				if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
					t.Fatalf("%s: Hyphenate(%q): bad point %d", d.Lang(), word, p)
				}
				before, _ := utf8.DecodeLastRuneInString(word[:p])
				after, _ := utf8.DecodeRuneInString(word[p:])
				if !unicode.IsLetter(before) && !unicode.Is(unicode.M, before) || !unicode.IsLetter(after) {
					t.Fatalf("%s: Hyphenate(%q): point %d between %q and %q", d.Lang(), word, p, before, after)
				}
				last = p
			}
		}
	})
}
