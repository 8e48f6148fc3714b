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
	c.Body = cloneBlocks(a.Body)
	var notes []article.Note
	renumber := map[int]int{} // the article's own notes: old number to new
	texts(c.Body, func(t *article.Text) {
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
	})
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

// texts calls fn with each inline text of blocks, in reading order:
// headings, paragraphs, captions and table cells, inside quotes and lists.
func texts(blocks []article.Block, fn func(*article.Text)) {
	for b := range article.All(blocks) {
		switch b := b.(type) {
		case *article.Heading:
			fn(&b.Text)
		case *article.Paragraph:
			fn(&b.Text)
		case *article.Figure:
			fn(&b.Image.Caption)
		case *article.Table:
			fn(&b.Caption)
			for r := range b.AllRows() {
				for i := range r {
					fn(&r[i].Text)
				}
			}
		}
	}
}

// cloneBlocks returns a copy of blocks that shares none of their texts,
// so that texts may rewrite it.
func cloneBlocks(blocks []article.Block) []article.Block {
	out := make([]article.Block, 0, len(blocks))
	for _, b := range blocks {
		switch b := b.(type) {
		case *article.Heading:
			c := *b
			c.Text = append(article.Text(nil), b.Text...)
			out = append(out, &c)
		case *article.Paragraph:
			out = append(out, &article.Paragraph{Text: append(article.Text(nil), b.Text...)})
		case *article.Figure:
			c := *b
			c.Image.Caption = append(article.Text(nil), b.Image.Caption...)
			out = append(out, &c)
		case *article.Quote:
			out = append(out, &article.Quote{Blocks: cloneBlocks(b.Blocks)})
		case *article.List:
			c := *b
			c.Items = make([][]article.Block, len(b.Items))
			for i, item := range b.Items {
				c.Items[i] = cloneBlocks(item)
			}
			out = append(out, &c)
		case *article.Table:
			c := *b
			c.Caption = append(article.Text(nil), b.Caption...)
			c.Head, c.Rows, c.Foot = cloneRows(b.Head), cloneRows(b.Rows), cloneRows(b.Foot)
			out = append(out, &c)
		default:
			out = append(out, b) // holds no inline text
		}
	}
	return out
}

// cloneRows returns a copy of a table's rows that shares none of their
// cells' texts.
func cloneRows(rows []article.Row) []article.Row {
	out := make([]article.Row, len(rows))
	for i, r := range rows {
		out[i] = make(article.Row, len(r))
		for j, c := range r {
			c.Text = append(article.Text(nil), c.Text...)
			out[i][j] = c
		}
	}
	return out
}
