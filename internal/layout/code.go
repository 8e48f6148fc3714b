package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

// This file sets preformatted text (code, a poem set as such), a step of
// collect: every space and line as written, on the monospaced face's grid
// of columns, at a size that fits the longest line to the measure, and
// lines still too long wrapped where a word ends.

// Sizes of code: the mono style's, down to codeMinSize for a block whose
// longest line would not fit the measure otherwise.
const codeMinSize = 7.5

// preformatted appends text set line for line in the monospaced face: the
// block is set smaller, down to codeMinSize, until its longest line fits
// the measure; a line still too long wraps (wrapCode) under a hanging
// indent, after a continuation mark. Widows and orphans are kept off a
// page's edge as a paragraph's are.
func (s *setter) preformatted(text string, x, measure float64) {
	st := s.g.mono
	mono := st.code.first()
	unit := mono.Advance('0') * codeScale // a column, per point of the style's size
	src := strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\t", "    "), "\n"), "\n")
	widest := 0
	for _, l := range src {
		widest = max(widest, utf8.RuneCountInString(l))
	}
	if fit := measure / (float64(widest) * unit); widest > 0 && fit < st.size {
		st.size = max(fit, codeMinSize)
		st.leading = st.size * s.g.mono.leading / s.g.mono.size
	}
	adv := unit * st.size
	cols := max(int(measure/adv), 8)
	L := s.g.body.leading
	s.space(L/2, false)
	var lines []setLine
	for _, l := range src {
		for k, piece := range wrapCode(l, cols) {
			var items []Item
			if k > 0 {
				// The mark stands in the hanging indent, two columns
				// before the piece's text.
				lead := len(piece) - len(strings.TrimLeft(piece, " "))
				mark, _ := s.plain(continuation, &st, article.Code)
				for _, it := range mark {
					moveItem(it, float64(max(lead-2, 0))*adv, 0)
				}
				items = append(items, mark...)
			}
			items = append(items, s.codeLine(piece, &st, adv)...)
			lines = append(lines, setLine{items: items})
		}
	}
	s.addLines(lines, &st, x, false)
	s.space(L/2, false)
}

// continuation marks a code line that carries on the line above it.
const continuation = "→"

// codeLine sets one line of code on the grid of columns adv apart: each
// run of characters between spaces where its column puts it, so that every
// space of the line keeps its width.
func (s *setter) codeLine(line string, st *textStyle, adv float64) []Item {
	var items []Item
	col, start := 0, -1
	startCol := 0
	flush := func(end int) {
		if start < 0 {
			return
		}
		its, _ := s.plain(line[start:end], st, article.Code)
		for _, it := range its {
			moveItem(it, float64(startCol)*adv, 0)
		}
		items = append(items, its...)
		start = -1
	}
	for i, r := range line {
		if r == ' ' {
			flush(i)
		} else if start < 0 {
			start, startCol = i, col
		}
		col++
	}
	flush(len(line))
	return items
}

// wrapCode cuts a line of code into pieces of at most cols columns: at
// the last space that leaves the piece within them, else after the last
// separator or closing bracket, and only where the line has none of them
// inside a word. Each piece after the
// first is indented as the line is, and two columns more (the hanging
// indent, where the continuation mark stands).
func wrapCode(line string, cols int) []string {
	rs := []rune(line)
	if len(rs) <= cols {
		return []string{line}
	}
	indent := 0
	for indent < len(rs) && rs[indent] == ' ' {
		indent++
	}
	hang := min(indent+2, cols/2)
	var out []string
	first := true
	for len(rs) > 0 {
		width := cols
		if !first {
			width = cols - hang
		}
		if len(rs) <= width {
			out = append(out, pad(hang, !first)+string(rs))
			break
		}
		cut := lastBreak(rs[:width+1], indent, func(r rune) bool { return r == ' ' })
		if cut == 0 {
			cut = lastBreak(rs[:width], indent, func(r rune) bool { return strings.ContainsRune(",;:)]}>/.|&", r) })
		}
		if cut == 0 {
			cut = width // no break but inside a word
		}
		out = append(out, pad(hang, !first)+strings.TrimRight(string(rs[:cut]), " "))
		rs = []rune(strings.TrimLeft(string(rs[cut:]), " "))
		first = false
	}
	return out
}

// lastBreak returns the index after the last rune of rs past the indent
// that breaks reports true for, or 0 for none: a line breaks after a space,
// or, with none, after a separator or a closing bracket, never after an
// opening one or a quote.
func lastBreak(rs []rune, indent int, breaks func(rune) bool) int {
	for i := len(rs); i > indent+1; i-- {
		if breaks(rs[i-1]) {
			return i
		}
	}
	return 0
}

// pad returns n spaces when on, else nothing.
func pad(n int, on bool) string {
	if !on {
		return ""
	}
	return strings.Repeat(" ", n)
}
