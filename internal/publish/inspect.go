package publish

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// The JSON that `publish inspect` prints. The keys are part of the command's
// interface, documented in the README: change them only with it.
type inspectArticle struct {
	Title     string          `json:"title"`
	Subtitle  string          `json:"subtitle"`
	Section   string          `json:"section"`
	Authors   []inspectAuthor `json:"authors"`
	Date      string          `json:"date"`
	Lang      string          `json:"lang"`
	Publisher string          `json:"publisher"`
	SourceURL string          `json:"source_url"`
	Rights    string          `json:"rights"`
	Keywords  []string        `json:"keywords"`
	Credits   []inspectCredit `json:"credits"`
	Blocks    []inspectBlock  `json:"blocks"`
	// Notes holds each note's blocks, numbered from 1 as the text's
	// references to them ("[^1]" in a block's text) are.
	Notes [][]inspectBlock `json:"notes,omitempty"`
}

type inspectAuthor struct {
	Name string `json:"name"`
	Bio  string `json:"bio"`
}

type inspectCredit struct {
	Role string `json:"role"`
	Text string `json:"text"`
}

type inspectBlock struct {
	Type    string           `json:"type"`
	Text    string           `json:"text,omitempty"`
	Level   int              `json:"level,omitempty"`
	Ordered bool             `json:"ordered,omitempty"`
	Items   [][]inspectBlock `json:"items,omitempty"`
	Blocks  []inspectBlock   `json:"blocks,omitempty"`
	Caption *string          `json:"caption,omitempty"`
	Credit  *string          `json:"credit,omitempty"`
	Src     *string          `json:"src,omitempty"`
	Alt     string           `json:"alt,omitempty"`
	// A table's rows of cells, and its columns' alignment.
	Head  [][]inspectCell `json:"head,omitempty"`
	Rows  [][]inspectCell `json:"rows,omitempty"`
	Foot  [][]inspectCell `json:"foot,omitempty"`
	Align []string        `json:"align,omitempty"`
}

// inspectCell is a table's cell in the inspect JSON.
type inspectCell struct {
	Text    string `json:"text"`
	Header  bool   `json:"header,omitempty"`
	ColSpan int    `json:"colspan,omitempty"`
	RowSpan int    `json:"rowspan,omitempty"`
}

// writeInspect prints a as the inspect JSON, indented.
func writeInspect(w io.Writer, a *article.Article) error {
	out := inspectArticle{
		Title:     a.Meta.Title,
		Subtitle:  a.Meta.Subtitle,
		Section:   a.Meta.Section,
		Authors:   []inspectAuthor{},
		Date:      a.Meta.Date.String(),
		Lang:      a.Meta.Lang,
		Publisher: a.Meta.Publisher,
		SourceURL: a.Meta.SourceURL,
		Rights:    a.Meta.Rights,
		Keywords:  append([]string{}, a.Meta.Keywords...),
		Credits:   []inspectCredit{},
		Blocks:    inspectBlocks(a.Body),
	}
	for _, p := range a.Meta.Authors {
		out.Authors = append(out.Authors, inspectAuthor{Name: p.Name, Bio: p.Bio})
	}
	for _, c := range a.Credits {
		out.Credits = append(out.Credits, inspectCredit{Role: string(c.Role), Text: c.Text})
	}
	for _, n := range a.Notes {
		out.Notes = append(out.Notes, inspectBlocks(n.Blocks))
	}
	return writeJSON(w, out)
}

// writeJSON prints v as indented JSON, with HTML characters unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func inspectBlocks(blocks []article.Block) []inspectBlock {
	out := []inspectBlock{}
	for _, b := range blocks {
		ib := inspectBlock{Type: b.Kind()}
		switch b := b.(type) {
		case *article.Heading:
			ib.Text, ib.Level = withNotes(b.Text), b.Level
		case *article.Paragraph:
			ib.Text = withNotes(b.Text)
		case *article.Figure:
			caption, credit, src := b.Image.Caption.String(), b.Image.Credit, b.Image.Src
			ib.Caption, ib.Credit, ib.Src, ib.Alt = &caption, &credit, &src, b.Image.Alt
		case *article.Quote:
			ib.Blocks = inspectBlocks(b.Blocks)
			ib.Text = joinText(ib.Blocks, "\n\n")
		case *article.List:
			ib.Ordered = b.Ordered
			var items []inspectBlock
			for _, item := range b.Items {
				blocks := inspectBlocks(item)
				ib.Items = append(ib.Items, blocks)
				items = append(items, inspectBlock{Text: joinText(blocks, " ")})
			}
			ib.Text = joinText(items, "\n")
		case *article.Preformatted:
			ib.Text = b.Text
		case *article.Table:
			caption := b.Caption.String()
			ib.Caption = &caption
			ib.Head, ib.Rows, ib.Foot = inspectRows(b.Head), inspectRows(b.Rows), inspectRows(b.Foot)
			for _, a := range b.Align {
				ib.Align = append(ib.Align, a.String())
			}
		}
		out = append(out, ib)
	}
	return out
}

// withNotes returns a text without styles, a reference to note N as
// "[^N]".
func withNotes(t article.Text) string {
	var b strings.Builder
	for _, r := range t {
		switch {
		case r.Note > 0:
			fmt.Fprintf(&b, "[^%d]", r.Note)
		case r.Break:
			b.WriteByte('\n')
		default:
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// inspectRows returns a table's rows as the inspect JSON prints them.
func inspectRows(rows []article.Row) [][]inspectCell {
	var out [][]inspectCell
	for _, r := range rows {
		cells := []inspectCell{}
		for _, c := range r {
			cells = append(cells, inspectCell{Text: c.Text.String(), Header: c.Header, ColSpan: c.ColSpan, RowSpan: c.RowSpan})
		}
		out = append(out, cells)
	}
	return out
}

// joinText joins the text of blocks, for the plain-text view of a quote or
// list.
func joinText(blocks []inspectBlock, sep string) string {
	parts := make([]string, 0, len(blocks))
	for _, b := range blocks {
		if b.Text != "" {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, sep)
}
