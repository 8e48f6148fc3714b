package typeface

import (
	"github.com/pressroom/publish/internal/fontdata"

	"cmp"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face holds the metrics of one typeface. Its metrics never change once it
// is loaded, and it is safe for concurrent use.
type Face struct {
	name  string
	runes *runeMap
	adv   []float64 // by glyph, in em
	upem  float64   // units per em, the divisor of every value

	ascent, descent, lineGap, xHeight, capHeight float64

	// kern is indexed on first use (see kerning): layout loads every
	// face of its design, and sets text in only some of them.
	kernOnce      sync.Once
	kernDone      atomic.Bool
	kern          *kernTable // nil when the face has no kerning
	gpos, kernTab string     // the tables to index, until then
	numGlyphs     int

	// ligs are the standard ligatures (gsub.go), read from gsub on first
	// use.
	ligOnce sync.Once
	ligs    ligTable
	gsub    string
}

// Name returns the face's name, as in package fonts.
func (f *Face) Name() string { return f.name }

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.runes.glyph(r) != 0 }

// Advance returns the advance width in em of the glyph drawn for r: when
// the face lacks r, its missing glyph (.notdef), the box drawn instead,
// so that whatever measures a line measures what is drawn.
func (f *Face) Advance(r rune) float64 { return f.adv[f.runes.glyph(r)] }

// Glyph returns the number of r's glyph in the face, 0 when it lacks r.
func (f *Face) Glyph(r rune) uint16 { return f.runes.glyph(r) }

// Kern returns the kerning between left and right in em, to add to the
// advance of left: negative moves right closer. It is 0 for a pair the
// font does not kern and when the face lacks either rune.
func (f *Face) Kern(left, right rune) float64 {
	k := f.kerning()
	if k == nil {
		return 0
	}
	a, b := f.runes.glyph(left), f.runes.glyph(right)
	if a == 0 || b == 0 {
		return 0
	}
	return float64(k.units(a, b)) / f.upem
}

// Width returns the width of s in em: the sum of its advances and of the
// kerning between neighbours. Runes the face lacks count as zero wide and
// break kerning.
func (f *Face) Width(s string) float64 {
	k := f.kerning()
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
		if prev != 0 && k != nil {
			units += k.units(prev, g)
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

// parseFace builds the face called name from its font file, which it reads
// in place and keeps nothing of.
func parseFace(name string, file string) (*Face, error) {
	tabs, err := fontdata.Tables(file)
	if err != nil {
		return nil, err
	}
	head, maxp := data{S: tabs["head"]}, data{S: tabs["maxp"]}
	upem, numGlyphs := int(head.U16(18)), int(maxp.U16(4))
	if err := cmp.Or(head.Err, maxp.Err); err != nil {
		return nil, fmt.Errorf("head or maxp: %w", err)
	}
	if upem == 0 || numGlyphs == 0 {
		return nil, fmt.Errorf("%d units per em, %d glyphs: invalid", upem, numGlyphs)
	}
	f := &Face{name: name, upem: float64(upem)}

	if f.runes, err = parseCmap(tabs["cmap"], numGlyphs); err != nil {
		return nil, err
	}
	if f.adv, err = advances(tabs["hhea"], tabs["hmtx"], numGlyphs, f.upem); err != nil {
		return nil, err
	}
	if err := f.verticalMetrics(file, tabs); err != nil {
		return nil, err
	}
	f.gpos, f.kernTab, f.gsub, f.numGlyphs = tabs["GPOS"], tabs["kern"], tabs["GSUB"], numGlyphs
	return f, nil
}

// kerning returns the face's kerning, indexing it on the first call; after
// that the call costs an atomic load. Kerning that does not index leaves
// the face unkerned: the faces are embedded, and TestKernIndexes indexes
// each one.
func (f *Face) kerning() *kernTable {
	if f.kernDone.Load() { // small enough to inline
		return f.kern
	}
	return f.kerningOnce()
}

func (f *Face) kerningOnce() *kernTable {
	f.kernOnce.Do(func() {
		f.kern, _ = f.indexKerning()
		f.gpos, f.kernTab = "", ""
		f.kernDone.Store(true)
	})
	return f.kern
}

// indexKerning indexes the pair kerning of the GPOS table, or of the kern
// table when GPOS has none.
func (f *Face) indexKerning() (*kernTable, error) {
	var k *kernTable
	if f.gpos != "" {
		var err error
		if k, err = parseGPOSKern(f.gpos); err != nil {
			return nil, err
		}
	}
	// A font that kerns in GPOS keeps its kern table only for old software,
	// and shapers then ignore it, as this does.
	if k == nil && f.kernTab != "" {
		var err error
		if k, err = parseKernTable(f.kernTab); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// advances reads the advance width of every glyph from hmtx, in em.
func advances(hhea, hmtx string, numGlyphs int, upem float64) ([]float64, error) {
	h := data{S: hhea}
	n := int(h.U16(34)) // numberOfHMetrics
	m := data{S: hmtx}
	if h.Err != nil || n == 0 || n > numGlyphs || !m.Has(0, n*4) {
		return nil, fmt.Errorf("hhea/hmtx: %d metrics for %d glyphs: invalid", n, numGlyphs)
	}
	adv := make([]float64, numGlyphs)
	for g := range adv {
		// Glyphs past the last record repeat its advance (hmtx spec), as
		// monospaced fonts use to save space.
		adv[g] = float64(m.U16(min(g, n-1)*4)) / upem
	}
	return adv, nil
}

// verticalMetrics reads ascender, descender and line gap from hhea, and
// x-height and cap height from OS/2. An OS/2 table older than version 2
// (or none) lacks the last two: sfnt then measures the glyphs x and H, which
// is worth copying the file for in a case so rare.
func (f *Face) verticalMetrics(file string, tabs map[string]string) error {
	hhea := data{S: tabs["hhea"]}
	f.ascent = float64(hhea.I16(4)) / f.upem
	f.descent = -float64(hhea.I16(6)) / f.upem
	f.lineGap = float64(hhea.I16(8)) / f.upem
	if hhea.Err != nil {
		return fmt.Errorf("hhea: %w", hhea.Err)
	}
	if os2 := (data{S: tabs["OS/2"]}); len(os2.S) >= 90 && os2.U16(0) >= 2 {
		f.xHeight = float64(os2.I16(86)) / f.upem
		f.capHeight = float64(os2.I16(88)) / f.upem
		return nil
	}
	sf, err := sfnt.Parse([]byte(file))
	if err != nil {
		return err
	}
	// At one pixel per font unit, a 26.6 value counts font units exactly.
	m, err := sf.Metrics(nil, fixed.Int26_6(sf.UnitsPerEm()), font.HintingNone)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	f.xHeight = float64(m.XHeight) / f.upem
	f.capHeight = float64(m.CapHeight) / f.upem
	return nil
}
