package typeface

import "fmt"

// This file reads the standard ligatures of a face (the 'liga' feature of
// its GSUB table): ff, fi, fl, ffi and ffl in the Latin faces. The layout
// engine sets a Latin word with them itself, as a shaper would, rather
// than give the word to the shaper: parsing a face for HarfBuzz and
// planning its shaping cost a document some 9 ms (the seed, whole
// process), more than setting its words.

// A ligature replaces its first glyph and the components after it with
// glyph.
type ligature struct {
	components []uint16 // the glyphs after the first
	glyph      uint16
}

// ligTable holds a face's ligatures by their first glyph, each first
// glyph's in the order the font lists them, which is the order a shaper
// tries them in.
type ligTable map[uint16][]ligature

// parseLigatures reads the ligature substitutions (lookup type 4, directly
// or wrapped in type 7, Extension) of every 'liga' feature of a GSUB
// table. It returns nil when the table has none.
func parseLigatures(tab string, numGlyphs int) (ligTable, error) {
	d := &data{S: tab}
	if d.U16(0) != 1 {
		return nil, fmt.Errorf("GSUB version %d.%d: unsupported", d.U16(0), d.U16(2))
	}
	featureList, lookupList := int(d.U16(6)), int(d.U16(8))
	indices := featureLookups(d, featureList, "liga")
	if d.Err != nil {
		return nil, fmt.Errorf("GSUB feature list: %w", d.Err)
	}
	t := ligTable{}
	err := eachSubtable(d, "GSUB", lookupList, indices, 4, 7, nil, func(sub int) {
		if d.U16(sub) != 1 {
			return
		}
		sets, count := sub+6, int(d.U16(sub+4))
		coverage(d, sub+int(d.U16(sub+2)), func(first, index int) {
			if index >= count || first >= numGlyphs {
				return
			}
			set := sub + int(d.U16(sets+index*2))
			for k := range int(d.U16(set)) {
				lig := set + int(d.U16(set+2+k*2))
				n := int(d.U16(lig + 2))
				if n < 2 || !d.Has(lig+4, (n-1)*2) {
					continue
				}
				l := ligature{glyph: d.U16(lig)}
				for c := range n - 1 {
					l.components = append(l.components, d.U16(lig+4+c*2))
				}
				t[uint16(first)] = append(t[uint16(first)], l)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	if len(t) == 0 {
		return nil, nil
	}
	return t, nil
}

// Ligature returns the ligature that glyphs start with, and how many of
// them it replaces; 0 and 0 when none does. The first of the font's
// ligatures for glyphs[0] that matches is taken, as a shaper takes it.
func (f *Face) Ligature(glyphs []uint16) (glyph uint16, n int) {
	if len(glyphs) < 2 {
		return 0, 0
	}
	t := f.ligatures()
next:
	for _, l := range t[glyphs[0]] {
		if len(l.components) >= len(glyphs) {
			continue
		}
		for i, c := range l.components {
			if glyphs[1+i] != c {
				continue next
			}
		}
		return l.glyph, 1 + len(l.components)
	}
	return 0, 0
}

// ligatures returns the face's ligatures, read on the first call.
func (f *Face) ligatures() ligTable {
	f.ligOnce.Do(func() {
		if f.gsub != "" {
			f.ligs, _ = parseLigatures(f.gsub, f.numGlyphs)
		}
		f.gsub = ""
	})
	return f.ligs
}

// GlyphAdvance returns the advance width of glyph g in em, 0 for a number
// past the face's glyphs.
func (f *Face) GlyphAdvance(g uint16) float64 {
	if int(g) >= len(f.adv) {
		return 0
	}
	return f.adv[g]
}

// KernGlyphs returns the kerning between glyphs a and b in em, as Kern
// does for characters.
func (f *Face) KernGlyphs(a, b uint16) float64 {
	k := f.kerning()
	if k == nil || a == 0 || b == 0 {
		return 0
	}
	return float64(k.units(a, b)) / f.upem
}
