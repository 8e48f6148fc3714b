package article

// A Block is one unit of the body: *Heading, *Paragraph, *Figure, *Quote,
// *List or *Preformatted.
type Block interface {
	// Kind names the block type as the inspect JSON does ("heading",
	// "paragraph", "figure", "quote", "list", "pre").
	Kind() string
}

// A Heading opens a part of the article. Level 2 is a section heading (the
// title is level 1), 3 a subsection, and so on to 6.
type Heading struct {
	Level int
	Text  Text
}

// A Paragraph is a run of prose.
type Paragraph struct {
	Text Text
}

// A Figure is an image with its caption and credit.
type Figure struct {
	Image Image
}

// A Quote is a block quotation of one or more blocks.
type Quote struct {
	Blocks []Block
}

// A List is a bulleted or numbered list; each item is a sequence of blocks.
type List struct {
	Ordered bool
	Start   int // first number of an ordered list; 0 means 1
	Items   [][]Block
}

// Preformatted text keeps its line breaks and spacing (code, poetry set as
// such).
type Preformatted struct {
	Text string
}

// Kind implements Block.
func (*Heading) Kind() string { return "heading" }

// Kind implements Block.
func (*Paragraph) Kind() string { return "paragraph" }

// Kind implements Block.
func (*Figure) Kind() string { return "figure" }

// Kind implements Block.
func (*Quote) Kind() string { return "quote" }

// Kind implements Block.
func (*List) Kind() string { return "list" }

// Kind implements Block.
func (*Preformatted) Kind() string { return "pre" }
