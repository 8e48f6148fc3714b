package typeface

import (
	"fmt"
	"sync/atomic"
)

// kernTable finds a face's pair kerning in the font's own tables at each
// query, by binary search, as shapers do. Loading it reads the headers of
// the kerning subtables and checks their extent, and nothing more:
// compiling every pair of a face into one matrix at load cost more than
// laying out a short article, for the few hundred pairs an article sets.
//
// Both GPOS and the legacy kern table come down to lookups of subtables.
// Within a lookup the first subtable that covers the left glyph decides
// the pair (OpenType spec, "Lookup table"), except that a single-pair
// subtable without the right glyph lets the next subtable try; values of
// separate lookups add up.
//
// A query costs some 100 ns, and a book asks millions, most of them for
// the same few hundred pairs; a small cache of the pairs asked last keeps
// a repeated query to a few ns.
type kernTable struct {
	tab     string      // the GPOS or kern table
	lookups [][]pairSub // in the order they apply
	cache   kernCache
}

// kernCacheSize is the number of pairs kernCache holds: a power of two,
// some times the pairs a language's text sets.
const kernCacheSize = 4096

// kernCache remembers the kerning of recent pairs, one pair a slot, each
// slot found from the pair's hash. A slot holds the pair in its high 32
// bits and the units in its low 32, in one word that loads and stores
// atomically, so that faces shared between goroutines need no lock. A
// zero slot holds nothing: the pair of glyph 0 with itself is never asked.
type kernCache [kernCacheSize]atomic.Uint64

// units returns the kerning of glyphs a and b in font units.
func (k *kernTable) units(a, b uint16) int32 {
	key := uint32(a)<<16 | uint32(b)
	slot := &k.cache[(key*0x9E3779B1)>>(32-kernCacheBits)]
	if v := slot.Load(); uint32(v>>32) == key && key != 0 {
		return int32(uint32(v))
	}
	u := k.find(a, b)
	slot.Store(uint64(key)<<32 | uint64(uint32(u)))
	return u
}

// kernCacheBits is log2(kernCacheSize).
const kernCacheBits = 12

// pairSub is one subtable of pair kerning, its fields read once.
type pairSub struct {
	format   uint16 // 1 and 2 as in GPOS PairPos; 0, a legacy kern subtable
	coverage int    // offset of the Coverage table (GPOS)
	vf1, vf2 uint16 // value formats of the first and second glyph (GPOS)

	// Format 1: count PairSets, listed at off+10, their offsets from off.
	// Format 2: the class definitions of the first and second glyph, the
	// class counts n1 and n2, and the value matrix at off.
	// Format 0: count pairs of 6 bytes at off.
	off, count           int
	classDef1, classDef2 int
	n1, n2               int
}

// find looks up the kerning of glyphs a and b in the font's subtables.
func (k *kernTable) find(a, b uint16) int32 {
	d := data{S: k.tab} // each query its own reader: Face is shared
	var sum int32
	for _, subs := range k.lookups {
		for i := range subs {
			if v, decided := subs[i].pair(&d, a, b); decided {
				sum += v
				break
			}
		}
	}
	return sum
}

// pair returns the subtable's kerning of glyphs a and b, and whether the
// subtable decides the pair for its lookup.
func (s *pairSub) pair(d *data, a, b uint16) (int32, bool) {
	switch s.format {
	case 0:
		key := uint32(a)<<16 | uint32(b)
		lo, hi := 0, s.count
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			rec := s.off + m*6
			switch k := d.U32(rec); {
			case k == key:
				return int32(d.I16(rec + 4)), true
			case k < key:
				lo = m + 1
			default:
				hi = m
			}
		}
		return 0, false
	case 1:
		index := coverageIndex(d, s.coverage, a)
		if index < 0 || index >= s.count {
			return 0, false
		}
		set := s.off + int(d.U16(s.off+10+index*2))
		size1 := valueSize(s.vf1)
		rec := 2 + size1 + valueSize(s.vf2)
		lo, hi := 0, int(d.U16(set))
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			r := set + 2 + m*rec
			switch g := d.U16(r); {
			case g == b:
				return xAdvance(d, r+2, s.vf1) + xAdvance(d, r+2+size1, s.vf2), true
			case g < b:
				lo = m + 1
			default:
				hi = m
			}
		}
		return 0, false
	default:
		if coverageIndex(d, s.coverage, a) < 0 {
			return 0, false
		}
		c1, c2 := classOf(d, s.classDef1, a, s.n1), classOf(d, s.classDef2, b, s.n2)
		size1 := valueSize(s.vf1)
		r := s.off + (c1*s.n2+c2)*(size1+valueSize(s.vf2))
		return xAdvance(d, r, s.vf1) + xAdvance(d, r+size1, s.vf2), true
	}
}

// parseKernTable reads format 0 subtables of the legacy TrueType kern
// table (version 0, as Windows reads it), which older fonts carry instead
// of GPOS kerning. Subtables that hold minimum values or kern across the
// line are not pair kerning and are skipped. It returns nil when the
// table kerns nothing.
func parseKernTable(tab string) (*kernTable, error) {
	d := data{S: tab}
	if d.U16(0) != 0 {
		return nil, nil // Apple's version 1 table: no Noto-era font uses it
	}
	n := int(d.U16(2))
	k := &kernTable{tab: tab}
	off := 4
	for range n {
		length, coverage := int(d.U16(off+2)), d.U16(off+4)
		format, horizontal := coverage>>8, coverage&1 != 0
		if format == 0 && horizontal && coverage&0x6 == 0 {
			pairs := int(d.U16(off + 6))
			if !d.Has(off+14, pairs*6) {
				break
			}
			// Subtables add up, like separate lookups.
			k.lookups = append(k.lookups, []pairSub{{format: 0, off: off + 14, count: pairs}})
		}
		if length < 6 {
			break
		}
		off += length
	}
	if d.Err != nil {
		return nil, fmt.Errorf("kern table: %w", d.Err)
	}
	if len(k.lookups) == 0 {
		return nil, nil
	}
	return k, nil
}
