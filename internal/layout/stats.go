package layout

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
}
