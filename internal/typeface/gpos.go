package typeface

import (
	"fmt"
	"math/bits"
	"slices"
)

// parseGPOSKern compiles the pair adjustments of the 'kern' feature of a
// GPOS table: lookups of type 2 (PairPos), directly or wrapped in type 9
// (Extension), subtable formats 1 (single pairs) and 2 (class pairs). It
// returns nil when the table has no kerning.
//
// The lookups of every 'kern' feature are taken, whatever the script:
// layout measures text without knowing its script, and fonts give each
// script's kerning its own lookups, or share one, but never kern a pair
// twice. Only the horizontal advance counts (XAdvance of either glyph);
// placement and device adjustments do not change the width of a line.
func parseGPOSKern(tab string, numGlyphs int) (*kernTable, error) {
	d := &data{S: tab}
	if d.U16(0) != 1 {
		return nil, fmt.Errorf("GPOS version %d.%d: unsupported", d.U16(0), d.U16(2))
	}
	featureList, lookupList := int(d.U16(6)), int(d.U16(8))
	indices := featureLookups(d, featureList, "kern")
	if d.Err != nil {
		return nil, fmt.Errorf("GPOS feature list: %w", d.Err)
	}
	b := newKernBuilder(numGlyphs)
	scratch := make([]uint16, numGlyphs)
	err := eachSubtable(d, "GPOS", lookupList, indices, 2, 9, b.beginLookup, func(sub int) {
		switch d.U16(sub) {
		case 1:
			pairPos1(d, sub, b)
		case 2:
			pairPos2(d, sub, b, scratch)
		}
	})
	if err != nil {
		return nil, err
	}
	t, err := b.build()
	if err != nil {
		return nil, fmt.Errorf("GPOS: %w", err)
	}
	return t, nil
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

// pairPos1 reads a PairPos format 1 subtable: a PairSet of (right glyph,
// value) records for each left glyph in the coverage.
func pairPos1(d *data, sub int, b *kernBuilder) {
	vf1, vf2 := d.U16(sub+4), d.U16(sub+6)
	size1, size2 := valueSize(vf1), valueSize(vf2)
	sets := int(d.U16(sub + 8))
	coverage(d, sub+int(d.U16(sub+2)), func(left, index int) {
		if index >= sets || left >= b.numGlyphs || b.claimed(left) {
			return
		}
		set := sub + int(d.U16(sub+10+index*2))
		n := int(d.U16(set))
		rec := 2 + size1 + size2
		if !d.Has(set+2, n*rec) {
			return
		}
		for i := range n {
			r := set + 2 + i*rec
			v := xAdvance(d, r+2, vf1) + xAdvance(d, r+2+size1, vf2)
			b.pair(left, int(d.U16(r)), v)
		}
	})
}

// pairPos2 reads a PairPos format 2 subtable: a matrix of values by the
// classes of the left and the right glyph. scratch holds numGlyphs
// entries, for decoding the left classes.
func pairPos2(d *data, sub int, b *kernBuilder, scratch []uint16) {
	vf1, vf2 := d.U16(sub+4), d.U16(sub+6)
	size1, size2 := valueSize(vf1), valueSize(vf2)
	n1, n2 := int(d.U16(sub+12)), int(d.U16(sub+14))
	rec := size1 + size2
	if n1 == 0 || n2 == 0 || !d.Has(sub+16, n1*n2*rec) {
		return
	}
	values := make([]int16, n1*n2)
	for i := range values {
		r := sub + 16 + i*rec
		values[i] = sat16(xAdvance(d, r, vf1) + xAdvance(d, r+size1, vf2))
	}
	class2 := make([]uint16, b.numGlyphs)
	classDef(d, sub+int(d.U16(sub+10)), class2, n2)
	clear(scratch)
	classDef(d, sub+int(d.U16(sub+8)), scratch, n1)
	id := b.addSub(class2, values)
	coverage(d, sub+int(d.U16(sub+2)), func(left, _ int) {
		if left < b.numGlyphs {
			b.claim(left, id, uint32(int(scratch[left])*n2))
		}
	})
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

// classDef decodes a ClassDef table into class, by glyph. Glyphs it does
// not list stay in class 0, as the spec says; a class of count or more is
// malformed and also reads as 0, so that it can index the matrix.
func classDef(d *data, off int, class []uint16, count int) {
	set := func(g int, c uint16) {
		if g < len(class) && int(c) < count {
			class[g] = c
		}
	}
	switch d.U16(off) {
	case 1:
		start, n := int(d.U16(off+2)), int(d.U16(off+4))
		if !d.Has(off+6, n*2) {
			return
		}
		for i := range n {
			set(start+i, d.U16(off+6+i*2))
		}
	case 2:
		n := int(d.U16(off + 2))
		if !d.Has(off+4, n*6) {
			return
		}
		for i := range n {
			r := off + 4 + i*6
			start, end, c := int(d.U16(r)), int(d.U16(r+2)), d.U16(r+4)
			for g := start; g <= end && g < len(class); g++ {
				set(g, c)
			}
		}
	default:
		d.Fail(off)
	}
}
