package typeface

import (
	"fmt"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face holds the metrics of one typeface. It is immutable once loaded and
// safe for concurrent use.
type Face struct {
	name  string
	runes runeMap
	adv   []float64  // by glyph, in em
	kern  *kernTable // nil when the face has no kerning
	upem  float64    // units per em, the divisor of every value

	ascent, descent, lineGap, xHeight, capHeight float64
}

// Name returns the face's name, as in package fonts.
func (f *Face) Name() string { return f.name }

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.runes.glyph(r) != 0 }

// Advance returns the advance width of r in em, or 0 when the face lacks r.
func (f *Face) Advance(r rune) float64 {
	g := f.runes.glyph(r)
	if g == 0 {
		return 0
	}
	return f.adv[g]
}

// Kern returns the kerning between left and right in em, to add to the
// advance of left: negative moves right closer. It is 0 for a pair the
// font does not kern and when the face lacks either rune.
func (f *Face) Kern(left, right rune) float64 {
	if f.kern == nil {
		return 0
	}
	a, b := f.runes.glyph(left), f.runes.glyph(right)
	if a == 0 || b == 0 {
		return 0
	}
	return float64(f.kern.units(a, b)) / f.upem
}

// Width returns the width of s in em: the sum of its advances and of the
// kerning between neighbours. Runes the face lacks count as zero wide and
// break kerning.
func (f *Face) Width(s string) float64 {
	var w float64
	var units int32 // kerning, summed in font units
	var prev uint16
	for _, r := range s {
		g := f.runes.glyph(r)
		if g == 0 {
			prev = 0
			continue
		}
		w += f.adv[g]
		if prev != 0 && f.kern != nil {
			units += f.kern.units(prev, g)
		}
		prev = g
	}
	return w + float64(units)/f.upem
}

// Ascent returns the height of the ascender above the baseline in em
// (hhea ascender), the space a line needs above its baseline.
func (f *Face) Ascent() float64 { return f.ascent }

// Descent returns the depth of the descender below the baseline in em,
// as a positive number (hhea descender).
func (f *Face) Descent() float64 { return f.descent }

// LineGap returns the extra space the font asks for between lines, in em
// (hhea line gap); the baseline-to-baseline distance is Ascent + Descent +
// LineGap.
func (f *Face) LineGap() float64 { return f.lineGap }

// XHeight returns the height of the lowercase x in em (OS/2 sxHeight).
func (f *Face) XHeight() float64 { return f.xHeight }

// CapHeight returns the height of flat capitals such as H in em (OS/2
// sCapHeight).
func (f *Face) CapHeight() float64 { return f.capHeight }

// parseFace builds the face called name from the bytes of its font file.
// It keeps nothing of file, so the caller's copy can be collected.
func parseFace(name string, file []byte) (*Face, error) {
	sf, err := sfnt.Parse(file)
	if err != nil {
		return nil, err
	}
	tabs, err := tables(file)
	if err != nil {
		return nil, err
	}
	upem := int(sf.UnitsPerEm())
	numGlyphs := sf.NumGlyphs()
	if upem == 0 || numGlyphs == 0 || numGlyphs > 0xFFFF {
		return nil, fmt.Errorf("%d units per em, %d glyphs: invalid", upem, numGlyphs)
	}
	f := &Face{name: name, upem: float64(upem)}

	if f.runes, err = parseCmap(tabs["cmap"], numGlyphs); err != nil {
		return nil, err
	}
	if f.adv, err = advances(tabs["hhea"], tabs["hmtx"], numGlyphs, f.upem); err != nil {
		return nil, err
	}
	if err := f.verticalMetrics(sf); err != nil {
		return nil, err
	}
	if gpos := tabs["GPOS"]; gpos != nil {
		if f.kern, err = parseGPOSKern(gpos, numGlyphs); err != nil {
			return nil, err
		}
	}
	// A font that kerns in GPOS keeps its kern table only for old software,
	// and shapers then ignore it, as this does.
	if kern := tabs["kern"]; f.kern == nil && kern != nil {
		if f.kern, err = parseKernTable(kern, numGlyphs); err != nil {
			return nil, fmt.Errorf("kern table: %w", err)
		}
	}
	return f, nil
}

// advances reads the advance width of every glyph from hmtx, in em.
func advances(hhea, hmtx []byte, numGlyphs int, upem float64) ([]float64, error) {
	h := data{b: hhea}
	n := int(h.u16(34)) // numberOfHMetrics
	m := data{b: hmtx}
	if h.err != nil || n == 0 || n > numGlyphs || !m.has(0, n*4) {
		return nil, fmt.Errorf("hhea/hmtx: %d metrics for %d glyphs: invalid", n, numGlyphs)
	}
	adv := make([]float64, numGlyphs)
	for g := range adv {
		// Glyphs past the last record repeat its advance (hmtx spec), as
		// monospaced fonts use to save space.
		adv[g] = float64(m.u16(min(g, n-1)*4)) / upem
	}
	return adv, nil
}

// verticalMetrics takes the vertical metrics from sfnt, which reads
// ascender, descender and line gap from hhea, and x-height and cap height
// from OS/2, measuring the glyphs x and H when OS/2 is older than
// version 2 and lacks them.
func (f *Face) verticalMetrics(sf *sfnt.Font) error {
	// At one pixel per font unit, a 26.6 value counts font units exactly.
	ppem := fixed.Int26_6(sf.UnitsPerEm())
	m, err := sf.Metrics(nil, ppem, font.HintingNone)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	f.ascent = float64(m.Ascent) / f.upem
	f.descent = float64(m.Descent) / f.upem
	f.lineGap = float64(m.Height-m.Ascent-m.Descent) / f.upem
	f.xHeight = float64(m.XHeight) / f.upem
	f.capHeight = float64(m.CapHeight) / f.upem
	return nil
}
