package layout

import (
	"context"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMicrotype sets the seed with and without micro-typography and
// checks what it is for: with it, at most 12% of the lines on A4 and 15%
// on A5 end with a hyphen, no line's spaces stretch past twice their
// stretch, no line is overfull and no page has a widow or an orphan; a
// line's glyphs are expanded by at most 2%, in steps; and a line that ends
// with a full stop, a comma or a hyphen hangs it into the right margin.
// Without it, nothing is expanded and nothing hangs.
func TestMicrotype(t *testing.T) {
	tests := []struct {
		paper  string
		off    bool
		hyphen float64 // the largest share of hyphenated lines
	}{
		{"a4", false, 0.12},
		{"a5", false, 0.15},
		{"a4", true, 1},
		{"a5", true, 1},
	}
	for _, tt := range tests {
		name := tt.paper
		if tt.off {
			name += "/off"
		}
		t.Run(name, func(t *testing.T) {
			paper, _ := PaperNamed(tt.paper)
			doc, err := typesetter().Layout(context.Background(), seedArticle(), Options{Paper: paper, NoMicrotype: tt.off})
			if err != nil {
				t.Fatal(err)
			}
			st := doc.Stats
			if st.Protrusion == tt.off || st.Expansion == tt.off {
				t.Errorf("stats say protrusion %v, expansion %v", st.Protrusion, st.Expansion)
			}
			if share := float64(st.HyphenatedLines) / float64(st.Lines); share > tt.hyphen {
				t.Errorf("%d of %d lines hyphenated (%.1f%%), want at most %.0f%%", st.HyphenatedLines, st.Lines, 100*share, 100*tt.hyphen)
			}
			if !tt.off && math.Abs(st.MaxAdjustmentRatio) > 2 {
				t.Errorf("max adjustment ratio %.2f, want at most 2", st.MaxAdjustmentRatio)
			}
			if st.OverfullLines+st.Widows+st.Orphans != 0 {
				t.Errorf("%d overfull lines, %d widows, %d orphans", st.OverfullLines, st.Widows, st.Orphans)
			}
			g, err := design(paper, typesetter().fonts)
			if err != nil {
				t.Fatal(err)
			}
			expanded, hung := 0, 0
			for pi, p := range doc.Pages {
				right := g.left(pi) + g.measure
				for _, it := range p.Items {
					ti, ok := it.(*TextItem)
					if !ok {
						continue
					}
					e := ti.Expansion
					if e != 0 {
						expanded++
					}
					if math.Abs(e) > maxExpansion+1e-9 || math.Abs(e/expansionStep-math.Round(e/expansionStep)) > 1e-6 {
						t.Errorf("%q expanded by %g, want at most %g in steps of %g", ti.Text, e, maxExpansion, expansionStep)
					}
					last, _ := utf8.DecodeLastRuneInString(ti.Text)
					if !strings.ContainsRune(".,-", last) || ti.Shaped != nil {
						continue
					}
					f, err := typesetter().fonts.Face(ti.Font)
					if err != nil {
						t.Fatal(err)
					}
					end := ti.X + f.Width(ti.Text)*ti.Size*(1+e)
					if end > right+0.5 {
						hung++
						_, pr := protrusion(last)
						if over := end - right; over > pr*f.Advance(last)*ti.Size*(1+e)+0.5 {
							t.Errorf("page %d: %q ends %.1fpt past the measure, more than its protrusion", pi+1, ti.Text, over)
						}
					}
				}
			}
			if tt.off && (expanded > 0 || hung > 0) {
				t.Errorf("without microtype: %d items expanded, %d hang into the margin", expanded, hung)
			}
			if !tt.off && (expanded == 0 || hung == 0) {
				t.Errorf("with microtype: %d items expanded, %d hang into the margin; want some of each", expanded, hung)
			}
		})
	}
}
