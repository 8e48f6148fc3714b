package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Stats measure how well a document is set, in the terms of TeX's own
// diagnostics.
type Stats struct {
	Pages int `json:"pages"`
	// Lines counts every line set by the line breaker: body, headings,
	// title block, captions and credits.
	Lines int `json:"lines"`
	// HyphenatedLines end with a hyphen at a hyphenation point (explicit
	// hyphens and dashes are not counted).
	HyphenatedLines int `json:"hyphenated_lines"`
	// MaxConsecutiveHyphens is the longest run of hyphenated lines.
	MaxConsecutiveHyphens int `json:"max_consecutive_hyphens"`
	// OverfullLines stick out beyond the measure.
	OverfullLines int `json:"overfull_lines"`
	// Widows are last lines of paragraphs alone at the top of a page;
	// orphans first lines alone at the foot of one.
	Widows  int `json:"widows"`
	Orphans int `json:"orphans"`
	// MeanAdjustmentRatio is the mean adjustment ratio of the justified
	// lines (last lines of paragraphs excluded): 0 is natural spacing, 1
	// spaces stretched fully, -1 shrunk fully. MaxAdjustmentRatio is the
	// largest in absolute value.
	MeanAdjustmentRatio float64 `json:"mean_adjustment_ratio"`
	MaxAdjustmentRatio  float64 `json:"max_adjustment_ratio"`
	// ShortPages counts the pages, not the last of an article, whose text
	// ends more than three body lines above the foot of the text block.
	ShortPages int `json:"short_pages"`
	// LooseLines counts lines of justified text left short because their
	// spaces would have stretched past maxStretch.
	LooseLines int `json:"loose_lines"`
	// MissingGlyphs counts the characters set as a missing glyph, a box,
	// because no embedded face has them.
	MissingGlyphs int `json:"missing_glyphs"`
	// Protrusion and Expansion say whether the body was set with
	// character protrusion and font expansion (microtype.go).
	Protrusion bool `json:"protrusion"`
	Expansion  bool `json:"expansion"`
}

// account adds a line to the statistics and reports it when overfull.
func (s *setter) account(l *setLine, st *textStyle) {
	s.stats.Lines++
	if l.hyphenated {
		s.stats.HyphenatedLines++
		s.hyRun++
		s.stats.MaxConsecutiveHyphens = max(s.stats.MaxConsecutiveHyphens, s.hyRun)
	} else {
		s.hyRun = 0
	}
	if l.loose {
		s.stats.LooseLines++
	}
	if l.justified {
		s.ratioSum += l.ratio
		s.ratioN++
		if math.Abs(l.ratio) > math.Abs(s.stats.MaxAdjustmentRatio) {
			s.stats.MaxAdjustmentRatio = l.ratio
		}
	}
	if l.overfull > 0 {
		s.stats.OverfullLines++
		where := "the front matter"
		if s.article != nil {
			where = strconv.Quote(s.article.Title())
		}
		s.warnings = append(s.warnings, fmt.Sprintf("layout: overfull line (%.2fpt too wide) in %s, paragraph %d: %s",
			l.overfull, where, s.nPara, lineText(l.items)))
	}
}

// lineText returns the words of a line, for messages.
func lineText(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		if t, ok := it.(*TextItem); ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// finish completes a document with the statistics and the warnings.
func (s *setter) finish(doc *Document) *Document {
	s.stats.Pages = len(doc.Pages)
	if s.ratioN > 0 {
		s.stats.MeanAdjustmentRatio = s.ratioSum / float64(s.ratioN)
	}
	s.stats.Protrusion = !s.opts.NoMicrotype
	s.stats.Expansion = !s.opts.NoMicrotype && !s.opts.Ragged
	doc.Missing = s.para.missing
	doc.Undrawn.Title = s.titleMissing
	if n := len(doc.Missing); n > 0 {
		s.stats.MissingGlyphs = s.countMissing(doc)
		// One line for them all, however many there are.
		var first []string
		for _, r := range doc.Missing[:min(n, 5)] {
			first = append(first, fmt.Sprintf("%U %q", r, r))
		}
		more := ""
		if n > 5 {
			more = fmt.Sprintf(" and %d more", n-5)
		}
		s.warnings = append(s.warnings, fmt.Sprintf("layout: %d characters set as a box: no font has %s%s", s.stats.MissingGlyphs, strings.Join(first, ", "), more))
	}
	doc.Stats = s.stats
	doc.Warnings = s.warnings
	return doc
}

// countMissing counts the characters the document's pages draw as a
// missing glyph, a box, and fills in doc.Undrawn's letters: those boxes
// that stand for letters, of all the letters drawn.
func (s *setter) countMissing(doc *Document) (glyphs int) {
	u := &doc.Undrawn
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*TextItem)
			if !ok {
				continue
			}
			for _, r := range t.Text {
				letter := unicode.IsLetter(r)
				if letter {
					u.All++
				}
				if s.para.missingSeen[r] {
					glyphs++
					if letter {
						u.Letters++
					}
				}
			}
		}
	}
	return glyphs
}

// countWidows counts the widows and orphans on a page.
func (s *setter) countWidows(pp []placed) {
	var first, last *vitem
	for _, p := range pp {
		if p.v.kind == vLine {
			if first == nil {
				first = p.v
			}
			last = p.v
		}
	}
	if first != nil && first.lines > 1 && first.line == first.lines-1 {
		s.stats.Widows++
	}
	if last != nil && last.lines > 1 && last.line == 0 && last != first {
		s.stats.Orphans++
	}
}

// countShortPages counts in pages, as paginate cut them from v, those
// that end more than three lines short (Stats.ShortPages): a page whose
// next starts an article, or that holds footnotes, which stand at its
// foot, is not short.
func (s *setter) countShortPages(pages [][]placed, height float64) {
	L := s.g.body.leading
	for pi, pp := range pages {
		if pi == len(pages)-1 || len(pages[pi+1]) == 0 || opens(pages[pi+1]) {
			continue
		}
		end, notes := 0.0, false
		for _, p := range pp {
			if p.v.footnote > 0 {
				notes = true
			}
			if p.v.kind != vSpace {
				end = max(end, p.y+p.v.height)
			}
		}
		if !notes && height-end > 3*L+0.01 {
			s.stats.ShortPages++
		}
	}
}
