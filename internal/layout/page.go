package layout

import (
	"iter"

	"github.com/pressroom/publish/internal/article"
)

// All lengths are PDF points (1/72 inch) as float64. Coordinates have their
// origin at the top-left corner of the page, y growing downward, as print
// designers measure.

// A Document is a typeset publication: its pages in order and its outline.
type Document struct {
	Width, Height float64 // page size
	Pages         []Page
	Outline       []OutlineEntry
	// Labels number the pages as a viewer lists them, in runs: a book's
	// front matter in roman numerals, its body from 1. Empty when the
	// page numbers are the labels.
	Labels []PageLabel

	// Stats measure the quality of the setting.
	Stats Stats
	// Warnings are TeX-style diagnostics for the pipeline to print, one
	// line each: overfull lines and characters no font has.
	Warnings []string
	// Missing lists, once each and in order of first use, the characters
	// that no font has; each is drawn as its face's missing glyph, a box,
	// and counted in Stats.MissingGlyphs.
	Missing []rune
	// Undrawn measures what the missing glyphs cost the reader, for the
	// pipeline to judge.
	Undrawn Undrawn
}

// Undrawn counts the letters a document could not draw: a document that
// lost its title or much of its text to missing glyphs is a failure, not a
// document.
type Undrawn struct {
	// Title is set when an article's title has a letter no face has.
	Title bool
	// Letters counts the letters drawn as missing glyphs, of All letters
	// drawn; both are counted only when a character is missing.
	Letters, All int
}

// A Page is one side of a leaf.
type Page struct {
	Number int    // 1-based position in the document
	Folio  string // the printed page number; empty on pages that show none
	Items  []Item
}

// An Item is something drawn on a page: *TextItem, *RuleItem, *ImageItem or
// *LinkItem.
type Item interface{ item() }

// A TextItem is a string set in one font at one size, starting at X with its
// baseline at Y. A TextItem is usually one word (or the part of a word in
// one font), so that text extraction sees whole words.
type TextItem struct {
	X, Y float64
	Font string  // face name, as in package fonts ("NotoSerif-Italic")
	Size float64 // in points
	Text string
	// Note is the number of the article's note this text refers to, from
	// 1, when it is a reference's figures; 0 for text.
	Note int
	// Gray is the text colour from 0 (black) to 1 (white).
	Gray float64
	// Kerns place pieces of Text where kerning puts them rather than
	// where the advance widths alone would: the piece of Text from byte
	// Kerns[i].At up to the next kern's At is drawn starting at
	// X+Kerns[i].Offset. Text before the first kern starts at X. Empty
	// when the text has no kerned pairs. Pieces walks them.
	Kerns []Kern
	// Expansion widens (or, negative, narrows) the text's glyphs by this
	// fraction of their width, as font expansion sets a justified line;
	// Kerns and Shaped's glyphs are placed for it already. 0 for none.
	Expansion float64
	// Shaped, when not nil, is how a shaper set Text: a backend draws
	// its glyphs, not Text's characters, and gives Text as the words they
	// stand for.
	Shaped *Shaped
}

// Shaped is text set in the glyphs a shaper chose.
type Shaped struct {
	// Glyphs are drawn in order, left to right.
	Glyphs []Glyph
	// RightToLeft says the text reads right to left, so that its glyphs
	// come last character first.
	RightToLeft bool
}

// A Glyph is one glyph of shaped text.
type Glyph struct {
	ID uint16 // the glyph's number in the face's font file
	// X and Y place the glyph's origin from the item's X and baseline, in
	// points, y growing downward.
	X, Y float64
	// Text is what the glyph stands for: its cluster's characters, in
	// logical order, on the cluster's widest glyph, its base; empty on
	// the others (a mark, the pieces of a conjunct).
	Text string
}

// A Kern starts a piece of a TextItem's text at its own position.
type Kern struct {
	At     int     // byte offset in Text, at a rune boundary
	Offset float64 // from the item's X, in points
}

// Pieces yields the pieces of the text that kerning separates, each with
// the X at which it starts: the whole text at X when there are no kerns. A
// backend draws each piece at its X; a PDF text-extraction tool still sees
// one word, since kerns are far narrower than a word space.
func (t *TextItem) Pieces() iter.Seq2[float64, string] {
	return func(yield func(float64, string) bool) {
		x, from := t.X, 0
		for _, k := range t.Kerns {
			if k.At > from && !yield(x, t.Text[from:k.At]) {
				return
			}
			x, from = t.X+k.Offset, k.At
		}
		if from < len(t.Text) {
			yield(x, t.Text[from:])
		}
	}
}

// A RuleItem is a straight line from (X1, Y1) to (X2, Y2).
type RuleItem struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Gray           float64
}

// An ImageItem places an image in the box whose top-left corner is (X, Y).
type ImageItem struct {
	X, Y, W, H float64
	Image      *article.Image
}

// A LinkItem is a clickable area pointing at a URL or, when URL is empty,
// at a place in the document: the page numbered Page with TargetY at the
// top of the view.
type LinkItem struct {
	X, Y, W, H float64
	URL        string
	Page       int
	TargetY    float64
	// note is the note whose reference this area covers, until compose
	// points it at the note on its page.
	note int
}

func (*TextItem) item()  {}
func (*RuleItem) item()  {}
func (*ImageItem) item() {}
func (*LinkItem) item()  {}

// A PageLabel numbers a run of pages, which lasts until the next label's
// first page.
type PageLabel struct {
	Page  int // the run's first page, 1-based
	Style NumberStyle
	Start int // the number of the run's first page
}

// A NumberStyle is how page numbers are written.
type NumberStyle uint8

const (
	Arabic     NumberStyle = iota // 1, 2, 3
	LowerRoman                    // i, ii, iii
)

// An OutlineEntry is a bookmark: a title or heading and where it is set.
type OutlineEntry struct {
	Title string
	Level int // 0 for an article's title, 1 for its level-2 headings, ...
	Page  int // 1-based page number
	Y     float64
}

// moveItem shifts an item by (dx, dy).
func moveItem(it Item, dx, dy float64) {
	switch it := it.(type) {
	case *TextItem:
		it.X += dx
		it.Y += dy
	case *LinkItem:
		it.X += dx
		it.Y += dy
	case *ImageItem:
		it.X += dx
		it.Y += dy
	case *RuleItem:
		it.X1 += dx
		it.X2 += dx
		it.Y1 += dy
		it.Y2 += dy
	}
}
