package layout

import (
	"math"

	"github.com/pressroom/publish/internal/article"
)

// This file runs a paragraph through its stages: build its nodes
// (paragraph.go), break them into lines (linebreak.go) and position the
// lines' words (lines.go).

// set breaks runs into lines of the given measure in style st.
func (s *setter) set(runs article.Text, st *textStyle, o paraOptions) []setLine {
	ls := DefaultSettings(st.size)
	if o.ragged {
		// Ragged right as LaTeX's ragged2e: a rightskip that stretches,
		// fixed word spaces, hyphens only when a line would be very short.
		ls.RaggedStretch = 2.5 * st.size
		ls.HyphenPenalty = 200
	}
	o.measure = math.Max(o.measure, st.size)
	micro := o.micro && !s.opts.NoMicrotype
	if micro && !o.ragged {
		// Protrusion and expansion make lines that need no hyphen easier
		// to find: a hyphen may cost more, as \hyphenpenalty=100 in many
		// LaTeX classes (seed on A4: 27 hyphenated lines of 128 without
		// microtype, 19 with it at 50, 11 at 100).
		ls.HyphenPenalty = 100
	}
	s.para.build(runs, st, ls, o)
	if micro && s.para.base == 0 {
		// Body text, left to right: its characters protrude into the
		// margins, and a justified line's may be expanded.
		ls.Protrusion = true
		if !o.ragged {
			ls.Expansion = maxExpansion
		}
		s.para.s = ls
	}
	breaks, _ := s.br.lineBreaks(s.para.nodes, o.measure, ls)
	s.lines = s.para.finalize(breaks, o, s.lines[:0])
	s.nPara++
	return s.lines
}

// plain sets a string on one line at its natural width, and returns its
// items (X from 0, Y from the baseline) and that width.
func (s *setter) plain(text string, st *textStyle, style ...article.Style) ([]Item, float64) {
	run := article.Run{Text: text}
	if len(style) > 0 {
		run.Style = style[0]
	}
	const wide = 1e6
	lines := s.set(article.Text{run}, st, paraOptions{measure: wide, ragged: true})
	s.nPara--
	if len(lines) == 0 {
		return nil, 0
	}
	items := lines[0].items
	w := 0.0
	for _, n := range s.para.nodes {
		if n.fill == 0 {
			w += n.width
		}
	}
	for _, l := range lines[1:] {
		items = append(items, l.items...)
	}
	if s.para.base%2 == 1 {
		// A right-to-left line was set from the right of the wide
		// measure: the caller places the text from its left.
		for _, it := range items {
			moveItem(it, -(wide - lines[0].width), 0)
		}
	}
	return items, w
}
