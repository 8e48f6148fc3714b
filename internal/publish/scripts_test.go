package publish

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/corpustest"
	"github.com/pressroom/publish/internal/tooltest"
)

// floorScriptWords is the share of a sample's words that the PDF's text,
// as pdftotext reads it, must give back; for Thai, written without
// spaces, the share of its letters that come back in order.
const floorScriptWords = 0.95

// TestScripts publishes the Universal Declaration of Human Rights in six
// scripts (testdata/scripts at the project root, see SOURCES.md there),
// and a page that mixes Arabic and Hebrew with Latin words and numbers,
// and checks each the way a reader would: no character is set as a missing glyph, pdftotext gives
// back floorScriptWords of the words, and epubcheck passes the EPUB with
// no message.
func TestScripts(t *testing.T) {
	pdftotext := tooltest.Require(t, "pdftotext")
	samples := []string{"ar", "he", "hi", "th", "el", "ru", "mixed"}
	dir := t.TempDir()
	var inputs []string
	for _, s := range samples {
		inputs = append(inputs, filepath.Join("..", "..", "testdata", "scripts", s+".md"))
	}
	var stderr bytes.Buffer
	opts := Options{OutDir: dir, Getenv: func(string) string { return "1526774400" }, Stderr: &stderr}
	if err := Run(context.Background(), inputs, opts); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if strings.Contains(stderr.String(), "box") {
		t.Errorf("characters set as boxes:\n%s", stderr.String())
	}
	var epubs []string
	for i, s := range samples {
		t.Run(s, func(t *testing.T) {
			var layout bytes.Buffer
			if err := InspectLayout(context.Background(), &layout, inputs[i], Options{Stderr: &bytes.Buffer{}}); err != nil {
				t.Fatal(err)
			}
			var stats struct {
				Missing *int `json:"missing_glyphs"`
			}
			if err := json.Unmarshal(layout.Bytes(), &stats); err != nil || stats.Missing == nil {
				t.Fatalf("inspect --layout: %v, no missing_glyphs in %s", err, layout.String())
			}
			if *stats.Missing != 0 {
				t.Errorf("%d characters set as missing glyphs", *stats.Missing)
			}
			text := pdfText(t, pdftotext, filepath.Join(dir, s+".pdf"))
			got := withoutBidiControls(text)
			want := sampleText(t, inputs[i])
			if s == "th" {
				share := inOrder(letters(want), letters(got))
				t.Logf("letters back in order: %.1f%%", 100*share)
				if share < floorScriptWords {
					t.Errorf("the PDF gives back %.1f%% of the letters in order (floor %.0f%%)", 100*share, 100*floorScriptWords)
				}
				return
			}
			kept, lost := corpustest.Kept(scriptWords(want), strings.Join(scriptWords(got), " "))
			t.Logf("words back: %.1f%%", 100*kept)
			if kept < floorScriptWords {
				t.Errorf("the PDF gives back %.1f%% of the words (floor %.0f%%); lost %q", 100*kept, 100*floorScriptWords, lost[:min(len(lost), 10)])
			}
		})
		epubs = append(epubs, filepath.Join(dir, s+".epub"))
	}
	msgs := tooltest.EpubcheckAll(t, epubs)
	for _, f := range epubs {
		if m := msgs[f]; m != "" {
			t.Errorf("epubcheck %s:\n%s", filepath.Base(f), m)
		}
	}
}

// sampleText returns the title and the text of a sample as the run reads
// it, with the reader the PDF was made from.
func sampleText(t *testing.T, path string) string {
	t.Helper()
	opts := Options{Stderr: &bytes.Buffer{}}
	a, err := newEnv(&opts).load(context.Background(), path, &opts)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(a.Meta.Title + "\n")
	for text := range article.Texts(a.Body) {
		b.WriteString(text.String() + "\n")
	}
	return b.String()
}

// withoutBidiControls removes the directional marks and embeddings that
// pdftotext puts around right-to-left runs.
func withoutBidiControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u200e' || r == '\u200f', 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}

// letters returns the letters and marks of s, in order.
func letters(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.M, r) {
			out = append(out, r)
		}
	}
	return out
}

// inOrder returns the share of want's runes that got holds in the same
// order: their longest common subsequence over len(want).
func inOrder(want, got []rune) float64 {
	if len(want) == 0 {
		return 1
	}
	prev := make([]int, len(got)+1)
	cur := make([]int, len(got)+1)
	for i := range want {
		for j := range got {
			if want[i] == got[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(got)]) / float64(len(want))
}

// scriptWords returns the words of s, parted where the script changes
// too: pdftotext, reordering a line for reading, may drop the space
// between a right-to-left word and a number or a Latin word beside it,
// which no word of any language joins.
func scriptWords(s string) []string {
	var out []string
	for _, w := range corpustest.Words(s) {
		from, last := 0, ""
		for i, r := range w {
			class := scriptClass(r)
			if class == "" {
				continue
			}
			if last != "" && class != last {
				out = append(out, w[from:i])
				from = i
			}
			last = class
		}
		out = append(out, w[from:])
	}
	return out
}

// scriptClass names the script of a letter, "digit" for a digit, and ""
// for a mark, which goes with its base.
func scriptClass(r rune) string {
	if unicode.IsDigit(r) {
		return "digit"
	}
	if unicode.Is(unicode.M, r) {
		return ""
	}
	for _, name := range []string{"Latin", "Arabic", "Hebrew", "Greek", "Cyrillic", "Devanagari", "Thai"} {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return "other"
}

// TestUndrawnFails checks that a document that would print as boxes
// fails, with one line naming the input and the script no face has, and
// makes no output; and that a few characters no face has are set as boxes
// and reported once, with their count, the document made.
func TestUndrawnFails(t *testing.T) {
	latin := strings.Repeat("The river rose slowly through the night and the lower town was under water by morning. ", 4)
	tamil := "மனிதப் பிறிவியினர் சகலரும் சுதந்திரமாகவே பிறக்கின்றனர்"
	tests := []struct {
		name, md string
		fails    string // in the error; "" for a document made
		warns    string // in stderr
	}{
		{"title", "---\ntitle: " + tamil + "\nlang: ta\n---\n\n" + latin + "\n", "Tamil", ""},
		{"body", "---\ntitle: A Report\nlang: en\n---\n\n" + latin + "\n\n" + strings.Repeat(tamil+" ", 3) + "\n", "Tamil", ""},
		{"a few symbols", "---\ntitle: A Report\nlang: en\n---\n\n" + latin + " \U0001F600 and \u2600.\n", "", "2 characters set as a box"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "doc.md")
			if err := os.WriteFile(in, []byte(tt.md), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stderr bytes.Buffer
			err := Run(context.Background(), []string{in}, Options{OutDir: out, Stderr: &stderr})
			made, _ := filepath.Glob(filepath.Join(out, "*"))
			if tt.fails != "" {
				if err == nil || !strings.Contains(err.Error(), tt.fails) || !strings.Contains(err.Error(), in) || strings.Contains(err.Error(), "\n") {
					t.Errorf("err = %v, want one line naming %s and %s", err, in, tt.fails)
				}
				if len(made) > 0 {
					t.Errorf("a failed document left %v", made)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(made) != 2 {
				t.Errorf("made %v, want a PDF and an EPUB", made)
			}
			if got := stderr.String(); !strings.Contains(got, tt.warns) || strings.Count(got, "\n") != 1 {
				t.Errorf("stderr %q, want one line with %q", got, tt.warns)
			}
		})
	}
}
