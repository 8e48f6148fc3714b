package layout

import "github.com/pressroom/publish/internal/article"

// All lengths are PDF points (1/72 inch) as float64. Coordinates have their
// origin at the top-left corner of the page, y growing downward, as print
// designers measure.

// A Document is a typeset publication: its pages in order and its outline.
type Document struct {
	Width, Height float64 // page size
	Pages         []Page
	Outline       []OutlineEntry
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
// baseline at Y. Backends draw it as it is: kerning and letter spacing are
// already resolved into separate items.
type TextItem struct {
	X, Y float64
	Font string  // face name, as in package fonts ("NotoSerif-Italic")
	Size float64 // in points
	Text string
	// Gray is the text colour from 0 (black) to 1 (white).
	Gray float64
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

// A LinkItem is a clickable area pointing at a URL.
type LinkItem struct {
	X, Y, W, H float64
	URL        string
}

func (*TextItem) item()  {}
func (*RuleItem) item()  {}
func (*ImageItem) item() {}
func (*LinkItem) item()  {}

// An OutlineEntry is a bookmark: a title or heading and where it is set.
type OutlineEntry struct {
	Title string
	Level int // 0 for an article's title, 1 for its level-2 headings, ...
	Page  int // 1-based page number
	Y     float64
}
