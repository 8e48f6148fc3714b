package layout

import (
	"context"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// TestMissingCountedOnPages checks that a character no face has is counted
// once for each time a page draws it, not for each time the layout
// measured it: a table cell is measured at several sizes and a running
// head once a page, but a box drawn once counts once.
func TestMissingCountedOnPages(t *testing.T) {
	const box = "\u0378"        // unassigned: no face has it
	const letter = "\U00010000" // Linear B, a letter no embedded face has
	tests := []struct {
		name         string
		body         []article.Block
		glyphs, letr int
	}{
		{"paragraph", []article.Block{&article.Paragraph{Text: article.Plain("One x" + box + "AVAV here.")}}, 1, 0},
		{"table cell", []article.Block{&article.Table{Head: []article.Row{row(true, "Name", "Mark")},
			Rows: []article.Row{row(false, "first", "a"+box+"b"), row(false, "second", "c")}}}, 1, 0},
		{"two paragraphs", []article.Block{&article.Paragraph{Text: article.Plain(box + " and " + box)},
			&article.Paragraph{Text: article.Plain("again " + box)}}, 3, 0},
		{"a letter in a cell", []article.Block{&article.Table{Head: []article.Row{row(true, "Sign", "Sound")},
			Rows: []article.Row{row(false, letter, "a"), row(false, "b", "c")}}}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Meta: article.Metadata{Title: "Boxes", Lang: "en"}, Body: tt.body}
			pub := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{a}}}}
			doc, err := typesetter().Layout(context.Background(), pub, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Stats.MissingGlyphs != tt.glyphs || doc.Undrawn.Letters != tt.letr {
				t.Errorf("MissingGlyphs %d, Undrawn.Letters %d; want %d, %d", doc.Stats.MissingGlyphs, doc.Undrawn.Letters, tt.glyphs, tt.letr)
			}
			if len(doc.Missing) != 1 {
				t.Errorf("Missing = %q, want one character", doc.Missing)
			}
			if doc.Undrawn.All == 0 || doc.Undrawn.Title {
				t.Errorf("Undrawn = %+v, want letters counted and the title drawn", doc.Undrawn)
			}
		})
	}
}
