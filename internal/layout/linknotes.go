package layout

import (
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// This file adds link notes, a step before collect when Options.LinkNotes
// asks for them: in print a link's target is lost, so each external link
// of the body gets a note that prints its address. The article is not
// changed: the PDF works on a copy, and the EPUB keeps its links.

// withLinkNotes returns a copy of a with a note after each external link
// of its body, and every note, its own and the links', numbered in the
// order the text first refers to it.
func withLinkNotes(a *article.Article) *article.Article {
	c := *a
	c.Body = article.Clone(a.Body)
	var notes []article.Note
	renumber := map[int]int{} // the article's own notes: old number to new
	for t := range article.Texts(c.Body) {
		var out article.Text
		for i, r := range *t {
			if r.Note > 0 {
				n, ok := renumber[r.Note]
				if !ok && r.Note <= len(a.Notes) {
					notes = append(notes, a.Notes[r.Note-1])
					n = len(notes)
					renumber[r.Note] = n
				}
				r.Note = n
			}
			out = append(out, r)
			if external(r.Link) && !r.Break && (i+1 == len(*t) || (*t)[i+1].Link != r.Link) {
				notes = append(notes, article.Note{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(r.Link)}}})
				out = append(out, article.Run{Note: len(notes)})
			}
		}
		*t = out
	}
	// Notes the text never refers to keep their place after the rest.
	for i, n := range a.Notes {
		if _, ok := renumber[i+1]; !ok {
			notes = append(notes, n)
		}
	}
	c.Notes = notes
	return &c
}

// external reports whether a link leads off the page, to an address a
// reader of the print can type.
func external(link string) bool {
	return strings.HasPrefix(link, "http://") || strings.HasPrefix(link, "https://")
}
