package layout

import (
	"strings"
	"testing"
)

// TestFittedCutsAsBefore checks that the bisection over a running head's
// cuts picks the cut that shortening two letters at a time, setting each,
// did: the same head, found in a few settings rather than one per letter.
func TestFittedCutsAsBefore(t *testing.T) {
	_, _, s := setText(t, nil, 300, false)
	st := &s.g.byline
	byLetters := func(text string, room float64) string {
		_, w := s.plain(text, st)
		for w > room && len([]rune(text)) > 8 {
			r := []rune(strings.TrimSuffix(text, "…"))
			text = strings.TrimSpace(string(r[:len(r)-2])) + "…"
			_, w = s.plain(text, st)
		}
		return text
	}
	texts := []string{
		"North Korea and China, Friends Again? A Look at the Long Road Back",
		" A title with spaces  at its ends and in   its middle ",
		"Ein sehr langer Titel über Donaudampfschifffahrtsgesellschaftskapitäne",
		"Unbrokenwordofmanylettersthatgoesonandonwithoutanyspaceatall",
		"Short one",
		"Already cut…",
	}
	for _, text := range texts {
		for _, room := range []float64{0, 20, 60, 120, 200, 400} {
			items, _ := s.fitted(text, st, room)
			var got strings.Builder
			for _, it := range items {
				if ti, ok := it.(*TextItem); ok {
					got.WriteString(ti.Text)
				}
			}
			want := strings.ReplaceAll(byLetters(text, room), " ", "")
			if g := strings.ReplaceAll(got.String(), " ", ""); g != want {
				t.Errorf("fitted(%q, %v) = %q, want %q", text, room, g, want)
			}
		}
	}
}
