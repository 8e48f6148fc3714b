package layout

import (
	"math"
	"strings"

	"github.com/pressroom/publish/internal/article"
)

// This file sets a table, a step of collect: lay its cells on a grid,
// choose its size and column widths from what the cells hold, as HTML's
// automatic table layout does, break each cell with the paragraph breaker,
// and append the rows to the vertical list as blocks that distribute.go
// keeps whole, the head repeated on each page the table runs onto.

// A gridCell is a table's cell placed on its grid.
type gridCell struct {
	row, col         int
	colSpan, rowSpan int
	text             article.Text
	header           bool
	align            article.Align // how its lines are set in its column
}

// tableGrid returns a table's cells on its grid (article.Table.Grid) with
// how each is set, and how many rows are head rows, body rows and rows in
// all (the rest are foot rows).
func tableGrid(t *article.Table) (cells []gridCell, head, body, rows int) {
	grid := t.Grid()
	aligns := t.ColumnAligns(grid)
	for _, c := range grid {
		cells = append(cells, gridCell{row: c.Row, col: c.Col, colSpan: max(c.ColSpan, 1), rowSpan: max(c.RowSpan, 1),
			text: c.Text, header: c.Header || c.Row < len(t.Head), align: article.CellAlign(aligns, c)})
	}
	return cells, len(t.Head), len(t.Rows), len(t.Head) + len(t.Rows) + len(t.Foot)
}

// maxColumns is the most columns a table is set in: no page holds more,
// even in groups, and a grid wider than this is a hostile page's, whose
// spans push its cells aside; it is set as a paragraph a row.
const maxColumns = 100

// columnsOf returns how many columns cells cover.
func columnsOf(cells []gridCell) int {
	n := 0
	for _, c := range cells {
		n = max(n, c.col+c.colSpan)
	}
	return n
}

// flatTable sets a table as its caption and a paragraph a row, its cells
// parted by a bar, so that not a word of it is lost.
func (s *setter) flatTable(t *article.Table, x, measure float64) {
	first := true
	var blocks []article.Block
	if len(t.Caption) > 0 {
		blocks = append(blocks, &article.Paragraph{Text: t.Caption})
	}
	for r := range t.AllRows() {
		var text article.Text
		for i, c := range r {
			if i > 0 {
				text = append(text, article.Run{Text: " | "})
			}
			text = append(text, c.Text...)
		}
		blocks = append(blocks, &article.Paragraph{Text: text})
	}
	s.blocks(blocks, &s.g.body, x, measure, &first)
}

// Sizes of a table: it is set a little smaller than the body, and smaller
// still, down to tableMinSize, when its columns would not fit the measure.
const (
	tableSize    = 0.9 // of the body size
	tableMinSize = 7.0 // points
	tableStep    = 0.5 // points between the sizes tried
)

// table appends a table to the vertical list, indented by x in a measure:
// its caption, a rule, the head rows and a rule under them, the body rows,
// the foot rows over a rule, and a rule to close it. Each row is a block
// that moves whole to the next page; the caption, head and first row stay
// together, and so do the last row and the closing rule.
func (s *setter) table(t *article.Table, x, measure float64) {
	cells, head, body, rows := tableGrid(t)
	if len(cells) == 0 {
		return
	}
	if ncols := columnsOf(cells); ncols > maxColumns {
		s.flatTable(t, x, measure)
		return
	}
	if groups := s.columnGroups(t, cells, head, body, rows, measure); len(groups) > 1 {
		// The groups are one table: all set at the size that parted it.
		s.tableSize = tableMinSize
		for _, g := range groups {
			s.table(g, x, measure)
		}
		s.tableSize = 0
		return
	}
	st, widths := s.tableStyle(cells, measure)
	gap := st.size // between columns, as booktabs' two \tabcolsep
	colX := make([]float64, len(widths))
	for i := 1; i < len(widths); i++ {
		colX[i] = colX[i-1] + widths[i-1] + gap
	}
	total := colX[len(colX)-1] + widths[len(widths)-1]

	// Set every cell, and make each row as tall as its tallest cell.
	heights := make([]float64, rows)
	set := make([][]setLine, len(cells))
	pad := 0.25 * st.leading
	for i, c := range cells {
		w := colX[c.col+c.colSpan-1] + widths[c.col+c.colSpan-1] - colX[c.col]
		cst := st
		if c.header {
			cst = s.tableHead(st)
		}
		set[i] = append([]setLine(nil), s.set(c.text, &cst, paraOptions{measure: w, ragged: true, dict: s.dict})...)
		h := float64(len(set[i]))*st.leading + 2*pad
		if c.rowSpan == 1 {
			heights[c.row] = math.Max(heights[c.row], h)
		}
	}
	for i, c := range cells {
		if c.rowSpan == 1 {
			continue
		}
		h := float64(len(set[i]))*st.leading + 2*pad
		have := 0.0
		for r := c.row; r < c.row+c.rowSpan; r++ {
			have += heights[r]
		}
		if h > have {
			heights[c.row+c.rowSpan-1] += h - have
		}
	}
	rowItems := make([][]Item, rows)
	f := st.chains[0].first()
	baseline := (st.leading + f.CapHeight()*st.size) / 2
	for i, c := range cells {
		w := colX[c.col+c.colSpan-1] + widths[c.col+c.colSpan-1] - colX[c.col]
		y := pad + baseline
		for k := range set[i] {
			l := &set[i][k]
			dx := 0.0
			switch c.align {
			case article.AlignRight:
				dx = w - l.width
			case article.AlignCenter:
				dx = (w - l.width) / 2
			}
			for _, it := range l.items {
				moveItem(it, x+colX[c.col]+dx, y)
			}
			rowItems[c.row] = append(rowItems[c.row], l.items...)
			y += st.leading
		}
	}

	L := s.g.body.leading
	heavy, light := 0.8, 0.4 // booktabs' \heavyrulewidth and \lightrulewidth
	rule := func(w float64) vitem {
		h := 0.5 * st.leading
		return vitem{kind: vBlock, height: h, keep: true, article: s.articleIndex,
			items: []Item{&RuleItem{X1: x, Y1: h / 2, X2: x + total, Y2: h / 2, Width: w}}}
	}
	// rowsBlock makes one block of rows [from, to): a row span keeps the
	// rows it covers together.
	rowsBlock := func(from, to int) vitem {
		v := vitem{kind: vBlock, article: s.articleIndex}
		for r := from; r < to; r++ {
			for _, it := range rowItems[r] {
				moveItem(it, 0, v.height)
			}
			v.items = append(v.items, rowItems[r]...)
			v.height += heights[r]
		}
		return v
	}

	s.space(L/2, true)
	if len(t.Caption) > 0 {
		lines := append([]setLine(nil), s.set(t.Caption, &s.g.caption, paraOptions{measure: measure, ragged: true, dict: s.dict})...)
		s.addLines(lines, &s.g.caption, x, true)
		s.space(0.25*L, true)
	}
	s.v = append(s.v, rule(heavy))
	var repeat *vitem
	if head > 0 {
		hv := rowsBlock(0, head)
		mid := rule(light)
		for _, it := range mid.items {
			moveItem(it, 0, hv.height)
		}
		hv.items = append(hv.items, mid.items...)
		hv.height += mid.height
		hv.keep = true
		hv.notes = s.takeFootnotes(hv.items)
		s.v = append(s.v, hv)
		// The head repeated over the rows a page break carries on: the
		// closing rule of the head included.
		repeat = &vitem{kind: vBlock, height: hv.height, items: hv.items, article: s.articleIndex}
	}
	for r := head; r < rows; {
		end := r + 1
		for _, c := range cells {
			if c.row >= r && c.row < end {
				end = max(end, c.row+c.rowSpan)
			}
		}
		if r == head+body && r < rows {
			s.v = append(s.v, rule(light)) // over the foot
		}
		v := rowsBlock(r, end)
		v.head = repeat
		v.keep = end == rows // the last row stays with the closing rule
		if v.height > s.g.textHeight-2*st.leading {
			// Taller than a page: the row alone may break, between its
			// lines.
			for _, sv := range sliceRow(v, st.leading) {
				sv.notes = s.takeFootnotes(sv.items)
				s.v = append(s.v, sv)
			}
		} else {
			v.notes = s.takeFootnotes(v.items)
			s.v = append(s.v, v)
		}
		r = end
	}
	s.v = append(s.v, rule(heavy))
	s.v[len(s.v)-1].keep = false
	s.space(L/2, false)
}

// columnGroups splits a table too wide for the measure even at
// tableMinSize into tables of some of its columns each, every one led by
// the first column, which names the rows: as a wide table is printed over
// several pages. A cell spanning columns of two groups is set in each,
// over the columns it covers there. It returns nil for a table that fits.
func (s *setter) columnGroups(t *article.Table, cells []gridCell, head, body, rows int, measure float64) []*article.Table {
	ncols := columnsOf(cells)
	if ncols < 3 {
		return nil
	}
	st := s.g.body
	st.size, st.leading = tableMinSize, 1.2*tableMinSize
	least, _ := s.columnWidths(cells, ncols, st)
	gap := st.size
	if sum(least)+float64(ncols-1)*gap <= measure {
		return nil
	}
	var groups [][]int
	var cur []int
	w := least[0]
	for c := 1; c < ncols; c++ {
		if len(cur) > 0 && w+gap+least[c] > measure {
			groups = append(groups, cur)
			cur, w = nil, least[0]
		}
		cur = append(cur, c)
		w += gap + least[c]
	}
	groups = append(groups, cur)
	if len(groups) < 2 {
		return nil
	}
	var out []*article.Table
	for i, g := range groups {
		cols := append([]int{0}, g...)
		grid := make([]article.Row, rows)
		for _, c := range cells {
			n := 0 // the group's columns the cell covers
			for _, col := range cols {
				if col >= c.col && col < c.col+c.colSpan {
					n++
				}
			}
			if n == 0 {
				continue
			}
			grid[c.row] = append(grid[c.row], article.Cell{Text: c.text, Header: c.header && c.row >= head, ColSpan: n, RowSpan: c.rowSpan})
		}
		sub := &article.Table{Head: grid[:head], Rows: grid[head : head+body], Foot: grid[head+body:]}
		if i == 0 {
			sub.Caption = t.Caption
		}
		for _, c := range cols {
			if c < len(t.Align) {
				sub.Align = append(sub.Align, t.Align[c])
			} else {
				sub.Align = append(sub.Align, article.AlignDefault)
			}
		}
		out = append(out, sub)
	}
	return out
}

// sliceRow cuts a row's block into slices a line of the table tall, each
// holding the items whose baselines fall in it, for a row taller than a
// page to break between its lines. Each slice repeats the table's head when
// it opens a page, and the last keeps the row's keep.
func sliceRow(v vitem, leading float64) []vitem {
	n := int(math.Ceil(v.height / leading))
	out := make([]vitem, n)
	for i := range out {
		out[i] = vitem{kind: vBlock, height: leading, article: v.article, head: v.head}
	}
	out[n-1].height = v.height - float64(n-1)*leading
	out[n-1].keep = v.keep
	for _, it := range v.items {
		y := itemY(it)
		k := min(max(int(y/leading), 0), n-1)
		moveItem(it, 0, -float64(k)*leading)
		out[k].items = append(out[k].items, it)
	}
	return out
}

// itemY returns where an item stands from the top of its block: a text's
// baseline, a rule's or an area's top.
func itemY(it Item) float64 {
	switch it := it.(type) {
	case *TextItem:
		return it.Y - 0.01
	case *RuleItem:
		return it.Y1
	case *LinkItem:
		return it.Y + it.H
	case *ImageItem:
		return it.Y
	}
	return 0
}

// tableStyle returns the style a table is set in and its columns' widths:
// the largest size from tableSize of the body down to tableMinSize at which
// every column fits its least width (its longest word) in the measure.
// Columns then share the measure as HTML's automatic layout shares it: each
// its natural width (its longest cell on one line) when all fit, else its
// least width and a share of what is left in proportion to how much more
// it would take.
func (s *setter) tableStyle(cells []gridCell, measure float64) (textStyle, []float64) {
	ncols := columnsOf(cells)
	st := s.g.body
	var least, natural []float64
	start := s.g.body.size * tableSize
	if s.tableSize > 0 {
		start = s.tableSize
	}
	for size := start; ; size -= tableStep {
		size = math.Max(size, tableMinSize)
		st.size, st.leading = size, 1.2*size
		least, natural = s.columnWidths(cells, ncols, st)
		avail := measure - float64(ncols-1)*size
		if sum(least) <= avail || size <= tableMinSize {
			return st, shareMeasure(least, natural, figureColumns(cells, ncols), avail)
		}
	}
}

// columnWidths returns each column's least and natural width in style st.
// A cell spanning columns widens them, evenly, where they fall short of it.
func (s *setter) columnWidths(cells []gridCell, ncols int, st textStyle) (least, natural []float64) {
	least, natural = make([]float64, ncols), make([]float64, ncols)
	gap := st.size
	widen := func(ws []float64, c gridCell, w float64) {
		have := float64(c.colSpan-1) * gap
		for k := c.col; k < c.col+c.colSpan; k++ {
			have += ws[k]
		}
		if w > have {
			for k := c.col; k < c.col+c.colSpan; k++ {
				ws[k] += (w - have) / float64(c.colSpan)
			}
		}
	}
	// Spanning cells last, once the columns they cover have their widths.
	for pass := range 2 {
		for _, c := range cells {
			if (c.colSpan > 1) != (pass == 1) {
				continue
			}
			cst := st
			if c.header {
				cst = s.tableHead(st)
			}
			lw, nw := s.cellWidths(c.text, &cst)
			if article.IsNumeric(c.text.String()) {
				lw = nw // a figure is never broken
			}
			widen(least, c, lw)
			widen(natural, c, nw)
		}
	}
	return least, natural
}

// cellWidths returns a cell's least width, that of its longest word, and
// its natural width, that of its longest line unbroken.
func (s *setter) cellWidths(text article.Text, st *textStyle) (least, natural float64) {
	for _, l := range s.set(text, st, paraOptions{measure: 1e6, ragged: true}) {
		natural = math.Max(natural, l.width)
	}
	s.nPara--
	for _, w := range strings.Fields(text.String()) {
		_, ww := s.plain(w, st)
		least = math.Max(least, ww)
	}
	// A hair more than the words take, so that the breaker, which
	// measures as plain does, never finds a word a fraction too wide.
	const slack = 0.5
	return least + slack, natural + slack
}

// tableHead returns the style of a table's header cells: st in bold.
func (s *setter) tableHead(st textStyle) textStyle {
	st.chains[0], st.chains[1] = st.chains[2], st.chains[3]
	return st
}

// shareMeasure shares avail between columns: natural widths when they fit;
// else least widths and what is left in proportion to what each would
// take more; else, past all shrinking, the columns of figures keep their
// least widths, never broken, and the others share what is left in
// proportion to theirs.
func shareMeasure(least, natural []float64, figures []bool, avail float64) []float64 {
	out := make([]float64, len(least))
	sl, sn := sum(least), sum(natural)
	switch {
	case sn <= avail:
		copy(out, natural)
	case sl <= avail && sn > sl:
		k := (avail - sl) / (sn - sl)
		for i := range out {
			out[i] = least[i] + k*(natural[i]-least[i])
		}
	default:
		fixed, words := 0.0, 0.0
		for i, w := range least {
			if figures[i] {
				fixed += w
			} else {
				words += w
			}
		}
		k := math.Max(avail-fixed, 0) / math.Max(words, 1)
		if fixed >= avail {
			k, fixed = avail/math.Max(sl, 1), 0 // no room even for the figures
		}
		for i := range out {
			out[i] = least[i] * k
			if figures[i] && fixed > 0 {
				out[i] = least[i]
			}
		}
	}
	return out
}

// figureColumns reports which columns hold figures in most of their
// cells, whose width is kept whole when a table must shrink.
func figureColumns(cells []gridCell, ncols int) []bool {
	out := make([]bool, ncols)
	for _, c := range cells {
		if c.colSpan == 1 && c.align == article.AlignRight && !c.header {
			out[c.col] = true
		}
	}
	return out
}

// sum adds up xs.
func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
