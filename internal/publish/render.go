package publish

import (
	"context"
	"fmt"
	"io"
	"unicode"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/epub"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/pdf"
	"github.com/pressroom/publish/internal/read"
	"github.com/pressroom/publish/internal/typeface"
)

// env holds what a run sets up once and shares across its inputs and
// outputs: the reader with its HTTP client, the fonts' metrics and the
// hyphenation patterns, and the fonts of EPUB covers, each loaded on
// first use.
type env struct {
	reader     *read.Reader
	typesetter *layout.Typesetter
	coverFonts *epub.CoverFonts
}

func newEnv(o *Options) *env {
	ts := layout.New(typeface.NewLibrary(), hyphen.NewLibrary())
	return &env{
		reader:     o.reader(),
		typesetter: ts,
		coverFonts: epub.NewCoverFonts(ts.Shapes()),
	}
}

// layout sets pub for print and reports the layout's warnings (overfull
// lines, characters no font has) on stderr, TeX style.
func (e *env) layout(ctx context.Context, pub *article.Publication, opts layout.Options, stderr io.Writer, input string) (*layout.Document, error) {
	doc, err := e.typesetter.Layout(ctx, pub, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: layout: %w", input, err)
	}
	if err := undrawn(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", input, err)
	}
	for _, w := range doc.Warnings {
		fmt.Fprintf(stderr, "publish: %s: %s\n", input, w)
	}
	return doc, nil
}

// maxUndrawn is the share of a document's letters that may be set as
// missing glyphs before the document counts as lost: a stray symbol is
// a box in a page of text, a script no face has is a page of boxes.
const maxUndrawn = 0.05

// undrawn returns an error when the document could not draw its title or
// more than maxUndrawn of its letters, naming the script no face has.
func undrawn(doc *layout.Document) error {
	u := doc.Undrawn
	if !u.Title && float64(u.Letters) <= maxUndrawn*float64(u.All) {
		return nil
	}
	script, first := "", rune(0)
	for _, r := range doc.Missing {
		if unicode.IsLetter(r) {
			script, first = scriptOf(r), r
			break
		}
	}
	what := fmt.Sprintf("%d of its %d letters", u.Letters, u.All)
	if u.Title {
		what = "its title"
	}
	return fmt.Errorf("no embedded font draws %s text (%U %q): %s would print as boxes", script, first, first, what)
}

// scriptOf names the Unicode script of r, "unknown" for none.
func scriptOf(r rune) string {
	for name, table := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(table, r) {
			return name
		}
	}
	return "unknown"
}

// render writes pub in one format; name is what messages call it.
func (e *env) render(ctx context.Context, w io.Writer, format string, pub *article.Publication, name string, opts Options, lopts layout.Options) error {
	creator := "publish " + Version
	switch format {
	case "pdf":
		doc, err := e.layout(ctx, pub, lopts, opts.stderr(), name)
		if err != nil {
			return err
		}
		if opts.PagesMade != nil {
			opts.PagesMade(len(doc.Pages))
		}
		// The layout is made for this file alone: its pages go as they
		// are drawn.
		return pdf.Write(ctx, w, pub, doc, pdf.Options{Creator: creator, Created: lopts.Created, ReleasePages: true})
	case "epub":
		return epub.Write(ctx, w, pub, epub.Options{Creator: creator, Created: lopts.Created, EmbedFonts: opts.EPUBFonts, CoverFonts: e.coverFonts})
	}
	return fmt.Errorf("unknown format %q", format)
}
