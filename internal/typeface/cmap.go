package typeface

import (
	"errors"
	"fmt"
)

// runeMap maps runes to glyph indices in two steps, by block of 256
// runes and then within the block, so that a face holds only the blocks it
// covers: a flat table of the Basic Multilingual Plane was 128 KB a face,
// most of it zeros, which a short run paid for in page faults. Glyph 0
// (.notdef) means the face lacks the rune.
type runeMap struct {
	blocks [(maxRune + 1) >> 8]uint16 // by rune>>8: the block's page, 0 for none
	pages  []uint16                   // 256 glyphs a page; page 0 is empty
}

// maxRune is the last code point of Unicode.
const maxRune = 0x10FFFF

func newRuneMap() *runeMap { return &runeMap{pages: make([]uint16, 256, 32*256)} }

func (m *runeMap) glyph(r rune) uint16 {
	if uint32(r) > maxRune {
		return 0
	}
	return m.pages[int(m.blocks[r>>8])<<8|int(r&0xFF)]
}

func (m *runeMap) set(r rune, g uint16) {
	if uint32(r) > maxRune {
		return
	}
	p := m.blocks[r>>8]
	if p == 0 {
		p = uint16(len(m.pages) >> 8)
		m.pages = append(m.pages, make([]uint16, 256)...)
		m.blocks[r>>8] = p
	}
	m.pages[int(p)<<8|int(r&0xFF)] = g
}

// parseCmap reads the best Unicode subtable of a cmap table: format 12
// (full repertoire) when the font has one, else format 4 (BMP only).
// Glyph indices outside [1, numGlyphs) are dropped, so every glyph the
// map returns can index the per-glyph tables without a check.
func parseCmap(tab string, numGlyphs int) (*runeMap, error) {
	d := data{S: tab}
	n := int(d.U16(2))
	best, bestRank := -1, 0
	for i := range n {
		rec := 4 + i*8
		platform, encoding := d.U16(rec), d.U16(rec+2)
		off := int(d.U32(rec + 4))
		format := d.U16(off)
		if d.Err != nil {
			return nil, fmt.Errorf("cmap: %w", d.Err)
		}
		if r := cmapRank(platform, encoding, format); r > bestRank {
			best, bestRank = off, r
		}
	}
	if best < 0 {
		return nil, errors.New("cmap: no Unicode subtable of format 4 or 12")
	}
	m := newRuneMap()
	var err error
	if d.U16(best) == 12 {
		err = cmap12(&d, best, numGlyphs, m)
	} else {
		err = cmap4(&d, best, numGlyphs, m)
	}
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	return m, nil
}

// cmapRank orders the subtables parseCmap can read; 0 means unusable.
func cmapRank(platform, encoding, format uint16) int {
	unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
	switch {
	case !unicode:
		return 0
	case format == 12:
		return 2
	case format == 4:
		return 1
	}
	return 0
}

func cmap4(d *data, off, numGlyphs int, m *runeMap) error {
	segs := int(d.U16(off+6)) / 2
	ends := off + 14
	starts := ends + segs*2 + 2
	deltas := starts + segs*2
	ranges := deltas + segs*2
	if !d.Has(ranges, segs*2) {
		return fmt.Errorf("format 4 with %d segments: %w", segs, d.Err)
	}
	for s := range segs {
		end, start := int(d.U16(ends+s*2)), int(d.U16(starts+s*2))
		delta, rangeOff := d.U16(deltas+s*2), int(d.U16(ranges+s*2))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g uint16
			if rangeOff == 0 {
				g = uint16(c) + delta // modulo 65536, as the spec says
			} else {
				// idRangeOffset counts bytes from its own position.
				g = d.U16(ranges + s*2 + rangeOff + (c-start)*2)
				if g != 0 {
					g += delta
				}
			}
			if d.Err != nil {
				return fmt.Errorf("format 4 segment %d: %w", s, d.Err)
			}
			if g != 0 && int(g) < numGlyphs {
				m.set(rune(c), g)
			}
		}
	}
	return nil
}

func cmap12(d *data, off, numGlyphs int, m *runeMap) error {
	groups := int(d.U32(off + 12))
	if !d.Has(off+16, groups*12) {
		return fmt.Errorf("format 12 with %d groups: %w", groups, d.Err)
	}
	for i := range groups {
		rec := off + 16 + i*12
		start, end, g := d.U32(rec), d.U32(rec+4), d.U32(rec+8)
		if end > 0x10FFFF || start > end {
			continue
		}
		for c := start; c <= end; c++ {
			if g != 0 && g < uint32(numGlyphs) {
				m.set(rune(c), uint16(g))
			}
			g++
		}
	}
	return nil
}
