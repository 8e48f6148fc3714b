package article

import (
	"slices"
	"testing"
)

// nested is a body with every container kind, nested two deep.
func nested() []Block {
	return []Block{
		&Heading{Level: 2, Text: Plain("h")},
		&Quote{Blocks: []Block{
			&Paragraph{Text: Plain("q1")},
			&List{Items: [][]Block{{&Paragraph{Text: Plain("q-li1")}}, {&Figure{Image: Image{Src: "f1"}}}}},
		}},
		&List{Ordered: true, Items: [][]Block{{&Paragraph{Text: Plain("li1")}, &Preformatted{Text: "pre"}}}},
		&Figure{Image: Image{Src: "f2"}},
	}
}

// label names a block for the tests: its text, or its image's Src.
func label(b Block) string {
	switch b := b.(type) {
	case *Heading:
		return b.Text.String()
	case *Paragraph:
		return b.Text.String()
	case *Figure:
		return b.Image.Src
	case *Preformatted:
		return b.Text
	}
	return b.Kind()
}

func TestAll(t *testing.T) {
	var got []string
	for b := range All(nested()) {
		got = append(got, label(b))
	}
	want := []string{"h", "quote", "q1", "list", "q-li1", "f1", "list", "li1", "pre", "f2"}
	if !slices.Equal(got, want) {
		t.Errorf("All gave %q, want %q", got, want)
	}
	// Stopping early stops the walk, at any depth.
	got = got[:0]
	for b := range All(nested()) {
		got = append(got, label(b))
		if label(b) == "q-li1" {
			break
		}
	}
	if want := []string{"h", "quote", "q1", "list", "q-li1"}; !slices.Equal(got, want) {
		t.Errorf("All, stopped at q-li1, gave %q, want %q", got, want)
	}
}

func TestQuery(t *testing.T) {
	var figures []string
	for f := range Query[*Figure](nested()) {
		figures = append(figures, f.Image.Src)
	}
	if want := []string{"f1", "f2"}; !slices.Equal(figures, want) {
		t.Errorf("Query[*Figure] gave %q, want %q", figures, want)
	}
	// A rewrite through what Query yields changes the blocks.
	body := nested()
	for h := range Query[*Heading](body) {
		h.Level = 3
	}
	if got := body[0].(*Heading).Level; got != 3 {
		t.Errorf("heading level after rewrite = %d, want 3", got)
	}
	for range Query[*Paragraph](nil) {
		t.Error("Query over no blocks yielded a block")
	}
}
