package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrCmapFull reports runes too many and too scattered for the format 4
// subtable a subset's cmap must have: over 8,000 runes that map to glyphs
// out of their order, more than any one article sets in one face.
var ErrCmapFull = errors.New("too many runes for a format 4 cmap")

// A cmap finds the glyph of a rune in one Unicode subtable of a font's cmap
// table, by binary search, without decoding the whole subtable.
type cmap struct {
	d      data
	off    int    // of the subtable
	format uint16 // 4 or 12
}

// findCmap picks the best Unicode subtable: format 12 (every plane) when
// the font has one, else format 4 (the Basic Multilingual Plane).
func findCmap(tab string) (cmap, error) {
	d := data{S: tab}
	best := cmap{d: d}
	bestRank := 0
	for i := range int(d.U16(2)) {
		rec := 4 + i*8
		platform, encoding, off := d.U16(rec), d.U16(rec+2), int(d.U32(rec+4))
		format := d.U16(off)
		if d.Err != nil {
			return cmap{}, fmt.Errorf("cmap: %w", d.Err)
		}
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		rank := 0
		switch {
		case unicode && format == 12:
			rank = 2
		case unicode && format == 4:
			rank = 1
		}
		if rank > bestRank {
			best.off, best.format, bestRank = off, format, rank
		}
	}
	if bestRank == 0 {
		return cmap{}, errors.New("cmap: no Unicode subtable of format 4 or 12")
	}
	return best, nil
}

// glyph returns the glyph of r, 0 when the font lacks it. A malformed
// subtable sets c.d.Err.
func (c *cmap) glyph(r rune) uint16 {
	d := &c.d
	if c.format == 12 {
		n := int(d.U32(c.off + 12))
		groups := c.off + 16
		if !d.Has(groups, n*12) {
			return 0
		}
		lo, hi := 0, n
		for lo < hi { // the first group that ends at or after r
			m := int(uint(lo+hi) >> 1)
			if rune(d.U32(groups+m*12+4)) < r {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == n {
			return 0
		}
		g := groups + lo*12
		start := rune(d.U32(g))
		if r < start {
			return 0
		}
		return uint16(d.U32(g+8) + uint32(r-start))
	}
	if r > 0xFFFF {
		return 0
	}
	segs := int(d.U16(c.off+6)) / 2
	ends := c.off + 14
	starts := ends + segs*2 + 2
	deltas := starts + segs*2
	ranges := deltas + segs*2
	if !d.Has(ranges, segs*2) {
		return 0
	}
	lo, hi := 0, segs
	for lo < hi { // the first segment that ends at or after r
		m := int(uint(lo+hi) >> 1)
		if rune(d.U16(ends+m*2)) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == segs {
		return 0
	}
	start := rune(d.U16(starts + lo*2))
	if r < start {
		return 0
	}
	delta, rangeOff := d.U16(deltas+lo*2), int(d.U16(ranges+lo*2))
	if rangeOff == 0 {
		return uint16(r) + delta // modulo 65536, as the spec says
	}
	// idRangeOffset counts bytes from its own position.
	g := d.U16(ranges + lo*2 + rangeOff + int(r-start)*2)
	if g == 0 {
		return 0
	}
	return g + delta
}

// A mapping is a rune and its glyph in the subset.
type mapping struct {
	r rune
	g uint16
}

// appendCmap appends a cmap table for ms, sorted by rune: a format 4
// subtable for the Basic Multilingual Plane, which every reader knows (and
// the only one the PDF library reads), and a format 12 one as well when a
// rune lies beyond it.
func appendCmap(b []byte, ms []mapping) ([]byte, error) {
	astral := len(ms) > 0 && ms[len(ms)-1].r > 0xFFFF
	start := len(b)
	subtables := 1
	if astral {
		subtables = 2
	}
	b = binary.BigEndian.AppendUint16(b, 0) // version
	b = binary.BigEndian.AppendUint16(b, uint16(subtables))
	b = appendRecord(b, 3, 1, 4+8*subtables) // Windows, Unicode BMP
	if astral {
		b = appendRecord(b, 3, 10, 0) // Windows, Unicode full; offset below
	}
	var err error
	if b, err = appendFormat4(b, ms); err != nil {
		return nil, err
	}
	if astral {
		binary.BigEndian.PutUint32(b[start+4+8+4:], uint32(len(b)-start))
		b = appendFormat12(b, ms)
	}
	return b, nil
}

func appendRecord(b []byte, platform, encoding uint16, off int) []byte {
	b = binary.BigEndian.AppendUint16(b, platform)
	b = binary.BigEndian.AppendUint16(b, encoding)
	return binary.BigEndian.AppendUint32(b, uint32(off))
}

// appendFormat4 writes segments of runes whose glyphs follow on by one
// each, so that idDelta alone maps them and no glyph array is needed.
// Glyphs keep their font's order, in which neighbouring letters usually lie
// side by side.
func appendFormat4(b []byte, ms []mapping) ([]byte, error) {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for _, m := range ms {
		if m.r >= 0xFFFF {
			break // U+FFFF is not a character; the last segment holds it
		}
		r := uint16(m.r)
		if n := len(segs); n > 0 && segs[n-1].end+1 == r && segs[n-1].delta == m.g-r {
			segs[n-1].end = r
			continue
		}
		segs = append(segs, segment{r, r, m.g - r})
	}
	// The table must end with a segment for U+FFFF (OpenType spec, "cmap").
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, fmt.Errorf("%d segments: %w", n, ErrCmapFull)
	}
	pow := 1 // the largest power of two not above n
	for pow*2 <= n {
		pow *= 2
	}
	var log2 uint16
	for 1<<log2 < pow {
		log2++
	}
	for _, v := range []uint16{4, uint16(length), 0, uint16(2 * n), uint16(2 * pow), log2, uint16(2*n - 2*pow)} {
		b = binary.BigEndian.AppendUint16(b, v) // format ... rangeShift
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.end)
	}
	b = binary.BigEndian.AppendUint16(b, 0) // reservedPad
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.start)
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, s.delta)
	}
	for range segs {
		b = binary.BigEndian.AppendUint16(b, 0) // idRangeOffset
	}
	return b, nil
}

// appendFormat12 writes groups of runes whose glyphs follow on by one.
func appendFormat12(b []byte, ms []mapping) []byte {
	type group struct{ start, end, glyph uint32 }
	var groups []group
	for _, m := range ms {
		r, g := uint32(m.r), uint32(m.g)
		if n := len(groups); n > 0 && groups[n-1].end+1 == r && groups[n-1].glyph+r-groups[n-1].start == g {
			groups[n-1].end = r
			continue
		}
		groups = append(groups, group{r, r, g})
	}
	b = binary.BigEndian.AppendUint16(b, 12)
	b = binary.BigEndian.AppendUint16(b, 0) // reserved
	b = binary.BigEndian.AppendUint32(b, uint32(16+12*len(groups)))
	b = binary.BigEndian.AppendUint32(b, 0) // language
	b = binary.BigEndian.AppendUint32(b, uint32(len(groups)))
	for _, g := range groups {
		b = binary.BigEndian.AppendUint32(b, g.start)
		b = binary.BigEndian.AppendUint32(b, g.end)
		b = binary.BigEndian.AppendUint32(b, g.glyph)
	}
	return b
}
