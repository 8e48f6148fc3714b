package typeface

import (
	"fmt"
	"math/bits"
	"slices"
)

// parseGPOSKern indexes the pair adjustments of the 'kern' feature of a
// GPOS table: lookups of type 2 (PairPos), directly or wrapped in type 9
// (Extension), subtable formats 1 (single pairs) and 2 (class pairs). It
// checks that every table a query may read lies inside GPOS, and returns
// nil when the table has no kerning.
//
// The lookups of every 'kern' feature are taken, whatever the script:
// layout measures text without knowing its script, and fonts give each
// script's kerning its own lookups, or share one, but never kern a pair
// twice. Only the horizontal advance counts (XAdvance of either glyph);
// placement and device adjustments do not change the width of a line.
func parseGPOSKern(tab string) (*kernTable, error) {
	d := &data{S: tab}
	if d.U16(0) != 1 {
		return nil, fmt.Errorf("GPOS version %d.%d: unsupported", d.U16(0), d.U16(2))
	}
	featureList, lookupList := int(d.U16(6)), int(d.U16(8))
	indices := featureLookups(d, featureList, "kern")
	if d.Err != nil {
		return nil, fmt.Errorf("GPOS feature list: %w", d.Err)
	}
	k := &kernTable{tab: tab}
	begin := func() { k.lookups = append(k.lookups, nil) }
	err := eachSubtable(d, "GPOS", lookupList, indices, 2, 9, begin, func(sub int) {
		if s, ok := pairSubtable(d, sub); ok {
			last := len(k.lookups) - 1
			k.lookups[last] = append(k.lookups[last], s)
		}
	})
	if err != nil {
		return nil, err
	}
	n := 0
	for _, subs := range k.lookups {
		n += len(subs)
	}
	if n == 0 {
		return nil, nil
	}
	return k, nil
}

// pairSubtable reads the header of the PairPos subtable at sub and checks
// the extent of what it points to. It reports false for a format other
// than 1 and 2, which kerns nothing here, and when the subtable is
// malformed, which d records.
func pairSubtable(d *data, sub int) (pairSub, bool) {
	s := pairSub{
		format:   d.U16(sub),
		coverage: sub + int(d.U16(sub+2)),
		vf1:      d.U16(sub + 4),
		vf2:      d.U16(sub + 6),
	}
	rec := valueSize(s.vf1) + valueSize(s.vf2)
	switch s.format {
	case 1:
		s.count, s.off = int(d.U16(sub+8)), sub // PairSet offsets count from sub
		if !d.Has(sub+10, s.count*2) {
			return s, false
		}
		for i := range s.count {
			set := sub + int(d.U16(sub+10+i*2))
			d.Has(set+2, int(d.U16(set))*(2+rec))
		}
	case 2:
		s.classDef1, s.classDef2 = sub+int(d.U16(sub+8)), sub+int(d.U16(sub+10))
		s.n1, s.n2, s.off = int(d.U16(sub+12)), int(d.U16(sub+14)), sub+16
		if s.n1 == 0 || s.n2 == 0 || !d.Has(s.off, s.n1*s.n2*rec) {
			return s, false
		}
		checkClassDef(d, s.classDef1)
		checkClassDef(d, s.classDef2)
	default:
		return s, false
	}
	checkCoverage(d, s.coverage)
	return s, d.Err == nil
}

// eachSubtable calls fn with the offset of each subtable of the lookups
// indices of a GPOS or GSUB table (named table) whose lookup list is at
// lookupList: those of type kind, and those of the extension type that
// wrap a subtable of type kind (ISO/IEC 14496-22, the Extension lookups).
// begin, when not nil, is called before each lookup's subtables.
func eachSubtable(d *data, table string, lookupList int, indices []int, kind, extension uint16, begin func(), fn func(sub int)) error {
	lookups := int(d.U16(lookupList))
	for _, li := range indices {
		if li >= lookups {
			return fmt.Errorf("%s: lookup %d of %d", table, li, lookups)
		}
		lookup := lookupList + int(d.U16(lookupList+2+li*2))
		k, subs := d.U16(lookup), int(d.U16(lookup+4))
		if k != kind && k != extension {
			continue
		}
		if begin != nil {
			begin()
		}
		for s := range subs {
			sub := lookup + int(d.U16(lookup+6+s*2))
			if k == extension {
				if d.U16(sub) != 1 || d.U16(sub+2) != kind {
					continue // an extension of another type
				}
				sub += int(d.U32(sub + 4))
			}
			fn(sub)
			if d.Err != nil {
				return fmt.Errorf("%s lookup %d subtable %d: %w", table, li, s, d.Err)
			}
		}
	}
	return nil
}

// featureLookups returns the lookup indices of every feature tagged tag
// ("kern", "liga"), sorted and without repeats, since GPOS and GSUB apply
// lookups in list order.
func featureLookups(d *data, featureList int, tag string) []int {
	var indices []int
	n := int(d.U16(featureList))
	for i := range n {
		rec := featureList + 2 + i*6
		if !d.Has(rec, 4) || string(d.S[rec:rec+4]) != tag {
			continue
		}
		feature := featureList + int(d.U16(rec+4))
		for j := range int(d.U16(feature + 2)) {
			indices = append(indices, int(d.U16(feature+4+j*2)))
		}
	}
	slices.Sort(indices)
	return slices.Compact(indices)
}

// valueSize is the size in bytes of a ValueRecord of the given format.
func valueSize(format uint16) int { return 2 * bits.OnesCount16(format&0xFF) }

// xAdvance reads the XAdvance field of the ValueRecord at off, 0 when the
// format has none.
func xAdvance(d *data, off int, format uint16) int32 {
	if format&0x4 == 0 {
		return 0
	}
	return int32(d.I16(off + valueSize(format&0x3)))
}

// coverage calls fn for each glyph of a Coverage table with its coverage
// index.
func coverage(d *data, off int, fn func(glyph, index int)) {
	switch d.U16(off) {
	case 1:
		n := int(d.U16(off + 2))
		if !d.Has(off+4, n*2) {
			return
		}
		for i := range n {
			fn(int(d.U16(off+4+i*2)), i)
		}
	case 2:
		n := int(d.U16(off + 2))
		if !d.Has(off+4, n*6) {
			return
		}
		for i := range n {
			r := off + 4 + i*6
			start, end, index := int(d.U16(r)), int(d.U16(r+2)), int(d.U16(r+4))
			for g := start; g <= end; g++ {
				fn(g, index+g-start)
			}
		}
	default:
		d.Fail(off)
	}
}

// coverageIndex returns the coverage index of glyph g in the Coverage
// table at off, -1 when the table does not cover it. Glyphs are listed in
// order (format 1) or by ranges in order (format 2), as the spec requires;
// a font that breaks the order loses the pairs binary search cannot find.
func coverageIndex(d *data, off int, g uint16) int {
	n := int(d.U16(off + 2))
	switch d.U16(off) {
	case 1:
		lo, hi := 0, n
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			switch c := d.U16(off + 4 + m*2); {
			case c == g:
				return m
			case c < g:
				lo = m + 1
			default:
				hi = m
			}
		}
	case 2:
		if r, ok := findRange(d, off+4, n, g); ok {
			return int(d.U16(r+4)) + int(g-d.U16(r))
		}
	}
	return -1
}

// classOf returns the class of glyph g in the ClassDef table at off.
// Glyphs it does not list are in class 0, as the spec says; a class of
// count or more is malformed and also reads as 0, so that it can index a
// matrix of count columns.
func classOf(d *data, off int, g uint16, count int) int {
	var c uint16
	switch d.U16(off) {
	case 1:
		if start := d.U16(off + 2); g >= start && int(g-start) < int(d.U16(off+4)) {
			c = d.U16(off + 6 + int(g-start)*2)
		}
	case 2:
		if r, ok := findRange(d, off+4, int(d.U16(off+2)), g); ok {
			c = d.U16(r + 4)
		}
	}
	if int(c) >= count {
		return 0
	}
	return int(c)
}

// findRange finds the record holding glyph g among the n range records
// (start, end, value; 6 bytes each) at off, which are sorted by start, and
// returns its offset.
func findRange(d *data, off, n int, g uint16) (int, bool) {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		r := off + m*6
		switch {
		case g < d.U16(r):
			hi = m
		case g > d.U16(r+2):
			lo = m + 1
		default:
			return r, true
		}
	}
	return 0, false
}

// checkCoverage checks that the Coverage table at off is one of the two
// formats and lies inside the table, recording in d when it does not.
func checkCoverage(d *data, off int) {
	switch d.U16(off) {
	case 1:
		d.Has(off+4, int(d.U16(off+2))*2)
	case 2:
		d.Has(off+4, int(d.U16(off+2))*6)
	default:
		d.Fail(off)
	}
}

// checkClassDef checks the ClassDef table at off as checkCoverage checks a
// Coverage table; its format 2, ranges, is laid out as Coverage's.
func checkClassDef(d *data, off int) {
	if d.U16(off) == 1 {
		d.Has(off+6, int(d.U16(off+4))*2)
		return
	}
	checkCoverage(d, off)
}
