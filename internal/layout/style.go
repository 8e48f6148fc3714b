package layout

import (
	"fmt"
	"math"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/typeface"
)

// geometry is the page design for one paper: the text block, the body size
// and leading, and the styles of every kind of text.
type geometry struct {
	paper      Paper
	measure    float64 // width of the text block
	inner      float64 // margin at the spine: left on odd pages, right on even
	top        float64 // from the page top to the top of the text block
	textHeight float64 // height of the text block, a whole number of body lines
	em         float64 // body size

	body, quote, heading2, heading3, title, kicker, dek, byline, small, caption, credit, head, mono textStyle
}

// design works out the geometry for a paper. The text block follows the
// classic proportions: a line of the body holds some 66 characters on A4
// and Letter and 57 on the small formats, which makes the block about three
// fifths of the page width on large paper and two thirds on small; margins at the spine narrower than at the fore-edge,
// and the foot margin deeper than the head (Tschichold's canon, loosened
// for a page that is also read on screen).
func design(paper Paper, fl *typeface.Library) (geometry, error) {
	g := geometry{paper: paper}
	small := paper.Width < 500
	// About 2.06 characters of Noto Serif text fit in an em of measure.
	body, leading, ems := 11.0, 14.5, 32.0
	if small {
		body, leading, ems = 10.0, 13.2, 28.0
	}
	g.em = body
	g.measure = ems * body
	g.inner = math.Round((paper.Width - g.measure) * 0.44)
	g.top = math.Round(paper.Height * 0.095)
	bottom := paper.Height * 0.125
	lines := math.Floor((paper.Height - g.top - bottom) / leading)
	g.textHeight = lines * leading

	// The body's face is loaded now, as every document sets text in it;
	// the others when first used (see chain).
	bodyFace, err := fl.Face(fonts.SerifRegular)
	if err != nil {
		return g, fmt.Errorf("layout: loading fonts: %w", err)
	}
	load := func(names ...string) chain { return newChain(fl, bodyFace, names...) }
	// Every chain ends in faces that cover more of Unicode; the CJK
	// fallback is loaded only when a character needs it (see
	// paragraph.slotFor).
	serif := [][]string{
		{fonts.SerifRegular, fonts.SansRegular, fonts.MonoRegular},
		{fonts.SerifItalic, fonts.SerifRegular, fonts.SansRegular, fonts.MonoRegular},
		{fonts.SerifBold, fonts.SerifRegular, fonts.SansBold, fonts.MonoRegular},
		{fonts.SerifBoldItalic, fonts.SerifBold, fonts.SerifRegular, fonts.SansBold, fonts.MonoRegular},
	}
	sans := [][]string{
		{fonts.SansRegular, fonts.SerifRegular, fonts.MonoRegular},
		{fonts.SansRegular, fonts.SerifItalic, fonts.SerifRegular, fonts.MonoRegular},
		{fonts.SansBold, fonts.SansRegular, fonts.SerifBold, fonts.MonoRegular},
		{fonts.SansBold, fonts.SansRegular, fonts.SerifBoldItalic, fonts.MonoRegular},
	}
	mk := func(family [][]string, boldAll bool, size, lead, gray float64) textStyle {
		st := textStyle{size: size, leading: lead, gray: gray}
		for i := range st.chains {
			names := family[i]
			if boldAll {
				names = family[i|2]
			}
			st.chains[i] = load(names...)
		}
		st.code = load(fonts.MonoRegular, fonts.SerifRegular, fonts.SansRegular)
		return st
	}
	specs := []struct {
		st     *textStyle
		family [][]string
		bold   bool
		size   float64
		lead   float64
		gray   float64
	}{
		{&g.body, serif, false, body, leading, 0},
		{&g.quote, serif, false, body * 0.95, leading, 0.1},
		{&g.heading2, sans, true, body * 1.2, body * 1.5, 0},
		{&g.heading3, sans, true, body, leading, 0},
		{&g.title, sans, true, body * 2.2, body * 2.5, 0},
		{&g.kicker, sans, true, body * 0.8, leading, 0.35},
		{&g.dek, serif, false, body * 1.25, body * 1.6, 0.2},
		{&g.byline, sans, false, body * 0.9, leading, 0},
		{&g.small, sans, false, body * 0.8, body * 1.05, 0.35},
		{&g.caption, sans, false, body * 0.85, body * 1.15, 0.1},
		{&g.credit, serif, false, body * 0.85, body * 1.2, 0},
		{&g.head, sans, false, body * 0.75, leading, 0.35},
		{&g.mono, serif, false, body * 0.85, leading, 0},
	}
	for _, s := range specs {
		*s.st = mk(s.family, s.bold, s.size, s.lead, s.gray)
	}
	// The dek is set in italic throughout.
	g.dek.chains[0], g.dek.chains[2] = g.dek.chains[1], g.dek.chains[3]
	return g, nil
}
