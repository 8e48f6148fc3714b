package article

import (
	"iter"
	"unicode"
)

// A Block is one unit of the body: *Heading, *Paragraph, *Figure, *Quote,
// *List, *Preformatted or *Table.
type Block interface {
	// Kind names the block type as the inspect JSON does ("heading",
	// "paragraph", "figure", "quote", "list", "pre", "table").
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

// A Table is data set in rows and columns, with its caption. Head rows
// name the columns (a table that spans pages repeats them), Foot rows sum
// them up; a cell may span columns and rows. The grid is as wide as its
// widest row, spans counted.
type Table struct {
	Caption Text
	Head    []Row
	Rows    []Row
	Foot    []Row
	// Align holds each column's alignment, as far as the source said; a
	// column past its end is AlignDefault.
	Align []Align
}

// A Row is one row of a table's cells, left to right.
type Row []Cell

// A Cell is one cell of a table.
type Cell struct {
	Text Text
	// Header marks a cell that names its row or column (HTML's th).
	Header bool
	// ColSpan and RowSpan are how many columns and rows the cell covers;
	// 0 means 1.
	ColSpan, RowSpan int
}

// An Align says how a column's cells are set.
type Align uint8

// The alignments of a table's columns. AlignDefault leaves it to the
// backend: text to the left, numbers to the right.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// String names the alignment as the inspect JSON does.
func (a Align) String() string {
	return [...]string{"default", "left", "center", "right"}[a]
}

// AllRows returns the table's rows in reading order: head, body, foot.
func (t *Table) AllRows() iter.Seq[Row] {
	return func(yield func(Row) bool) {
		for _, rows := range [][]Row{t.Head, t.Rows, t.Foot} {
			for _, r := range rows {
				if !yield(r) {
					return
				}
			}
		}
	}
}

// A GridCell is a table's cell where it stands on the table's grid: its
// row (head, body and foot rows counted in that order) and first column.
type GridCell struct {
	Row, Col int
	Cell
}

// Grid returns the table's cells placed on its grid, row by row: a cell
// takes the next column its row leaves free, past the cells of the rows
// above that span down into it. A row span never runs past the last row.
func (t *Table) Grid() []GridCell {
	var out []GridCell
	rows := len(t.Head) + len(t.Rows) + len(t.Foot)
	// Only a span down into a row that follows takes its columns: a
	// span past the last row, or a wide one, marks no more than the grid
	// has, so a hostile span cannot make the grid huge.
	taken := map[[2]int]bool{}
	r := 0
	for row := range t.AllRows() {
		col := 0
		for _, c := range row {
			for taken[[2]int{r, col}] {
				col++
			}
			c.RowSpan = min(max(c.RowSpan, 1), rows-r)
			if c.RowSpan == 1 {
				c.RowSpan = 0
			}
			for dr := 1; dr < c.RowSpan && len(taken) < maxGridCells; dr++ {
				for dc := range max(c.ColSpan, 1) {
					taken[[2]int{r + dr, col + dc}] = true
				}
			}
			out = append(out, GridCell{Row: r, Col: col, Cell: c})
			col += max(c.ColSpan, 1)
		}
		r++
	}
	return out
}

// maxGridCells bounds the cells row spans may claim in Grid: past it, a
// span no longer pushes the cells of the rows it covers aside (they may
// overlap it), so a hostile table costs no more than this.
const maxGridCells = 1 << 16

// ColumnAligns returns how each column of the grid is set: as Align says,
// or to the right, its head included, where most of its cells hold
// figures (IsNumeric), as tables set numbers; else AlignDefault. Grid is
// the table's Grid, passed in so that a caller which walks it too builds
// it once.
func (t *Table) ColumnAligns(grid []GridCell) []Align {
	n := GridColumns(grid)
	aligns := make([]Align, n)
	copy(aligns, t.Align)
	figures, words := make([]int, n), make([]int, n)
	for _, c := range grid {
		if c.Header || c.ColSpan > 1 || len(c.Text) == 0 {
			continue
		}
		if IsNumeric(c.Text.String()) {
			figures[c.Col]++
		} else {
			words[c.Col]++
		}
	}
	for i := range aligns {
		if aligns[i] == AlignDefault && figures[i] > 0 && figures[i] >= words[i] {
			aligns[i] = AlignRight
		}
	}
	return aligns
}

// CellAlign returns how a cell of the grid is set: as its column
// (ColumnAligns) where it spans one column, else to the left; a figure in
// a column of words is set to the right all the same.
func CellAlign(aligns []Align, c GridCell) Align {
	switch {
	case max(c.ColSpan, 1) > 1:
		return AlignLeft
	case c.Col < len(aligns) && aligns[c.Col] != AlignDefault:
		return aligns[c.Col]
	case !c.Header && IsNumeric(c.Text.String()):
		return AlignRight
	}
	return AlignLeft
}

// GridColumns returns how many columns a table's grid (Table.Grid) has:
// the most any row covers, its cells' spans and the spans from the rows
// above counted.
func GridColumns(grid []GridCell) int {
	n := 0
	for _, c := range grid {
		n = max(n, c.Col+max(c.ColSpan, 1))
	}
	return n
}

// IsNumeric reports whether s is a figure, as a table's cell holds one:
// digits, perhaps signed, grouped, with a decimal point, a unit or
// percentage sign, a currency sign, an ordinal's ending or a note mark
// ("−14.43", "$41,616[6]", "75%", "(0.68%)", "75th"), and no word.
func IsNumeric(s string) bool {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return digits > 0 && letters <= 2 && letters <= digits
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

// Kind implements Block.
func (*Table) Kind() string { return "table" }
