package typeface

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// kernTable holds a face's pair kerning by glyph, compiled at load time so
// that a lookup is a few slice reads.
//
// GPOS keeps kerning in two forms, and so does the table: single pairs
// (PairPos format 1, and the legacy kern table) and class pairs (format 2),
// where the value comes from a matrix indexed by the class of the left
// glyph and the class of the right glyph. A pair listed singly holds its
// final value. For the others, the class subtables of all lookups are
// merged into one matrix: a glyph's right class stands for its classes in
// every subtable, and a row for the sum of the rows its lookups give it as
// left glyph, so no pair costs more than one matrix read.
type kernTable struct {
	left       []kernLeft // by left glyph
	pairs      []kernPair // grouped by left glyph, sorted by right glyph
	rightClass []uint16   // by right glyph: its column in matrix
	matrix     []int32    // row by row; row 0, all zero, for unclassed glyphs
}

// kernLeft indexes the kerning of one left glyph.
type kernLeft struct {
	pairsStart, pairsEnd uint32 // its span of kernTable.pairs
	row                  uint32 // offset of its row in kernTable.matrix
}

type kernPair struct {
	right uint16
	units int32
}

// units returns the kerning of glyphs a and b in font units. Both must be
// below the face's glyph count, which the rune map guarantees.
func (k *kernTable) units(a, b uint16) int32 {
	l := &k.left[a]
	if l.pairsEnd > l.pairsStart {
		ps := k.pairs[l.pairsStart:l.pairsEnd]
		lo, hi := 0, len(ps)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			switch r := ps[m].right; {
			case r == b:
				return ps[m].units
			case r < b:
				lo = m + 1
			default:
				hi = m
			}
		}
	}
	return k.matrix[l.row+uint32(k.rightClass[b])]
}

// kernClaim says that class subtable sub decides the kerning of a left
// glyph in lookup, from the row of the subtable's matrix at offset row;
// next chains the glyph's claim in another lookup (1-based; 0 ends it).
type kernClaim struct {
	sub, row, next uint32
	lookup         int32
}

// classSub is one class-pair subtable: the class of every glyph as right
// member, and the matrix of values, row by left class.
type classSub struct {
	class2 []uint16
	values []int16
}

// kernBuilder collects kerning lookup by lookup, in the order GPOS applies
// them. Within one lookup the first subtable that covers the left glyph
// decides the pair (OpenType spec, "Lookup table"), except that a single-
// pair subtable without the right glyph lets the next subtable try; values
// of separate lookups add up.
type kernBuilder struct {
	numGlyphs int
	lookup    int32
	claimedIn []int32      // by glyph: the lookup whose class subtable claimed it
	pairs     []singlePair // single pairs of all lookups, as read
	firstOf   []uint32     // by glyph: its first claim, 1-based
	claims    []kernClaim
	subs      []classSub
}

// singlePair is a pair as a single-pair subtable gives it: key holds the
// left glyph in the high 16 bits and the right one in the low.
type singlePair struct {
	key, lookup uint32
	units       int32
}

func newKernBuilder(numGlyphs int) *kernBuilder {
	return &kernBuilder{
		numGlyphs: numGlyphs,
		claimedIn: make([]int32, numGlyphs),
		firstOf:   make([]uint32, numGlyphs),
	}
}

// beginLookup starts the next lookup.
func (b *kernBuilder) beginLookup() { b.lookup++ }

// claimed reports whether a class subtable of the current lookup has
// already taken glyph a, which hides it from later subtables.
func (b *kernBuilder) claimed(a int) bool { return b.claimedIn[a] == b.lookup }

// pair records a single pair, unless a class subtable of the lookup
// already took the left glyph. Of pairs repeated in one lookup, build
// takes the first.
func (b *kernBuilder) pair(left, right int, units int32) {
	if left >= b.numGlyphs || right >= b.numGlyphs || b.claimed(left) {
		return
	}
	b.pairs = append(b.pairs, singlePair{key: uint32(left)<<16 | uint32(right), lookup: uint32(b.lookup), units: units})
}

// addSub adds a class subtable and returns its index for claim.
func (b *kernBuilder) addSub(class2 []uint16, values []int16) uint32 {
	b.subs = append(b.subs, classSub{class2: class2, values: values})
	return uint32(len(b.subs) - 1)
}

// claim gives left glyph a to the row at offset row of class subtable
// sub, for the current lookup.
func (b *kernBuilder) claim(a int, sub, row uint32) {
	if a >= b.numGlyphs || b.claimed(a) {
		return
	}
	b.claimedIn[a] = b.lookup
	b.claims = append(b.claims, kernClaim{sub: sub, row: row, next: b.firstOf[a], lookup: b.lookup})
	b.firstOf[a] = uint32(len(b.claims))
}

// classUnits is the class value of pair (a, c), summed over the lookups.
func (b *kernBuilder) classUnits(a, c uint16) int32 {
	var sum int32
	for i := b.firstOf[a]; i != 0; i = b.claims[i-1].next {
		cl := b.claims[i-1]
		s := b.subs[cl.sub]
		sum += int32(s.values[cl.row+uint32(s.class2[c])])
	}
	return sum
}

// maxMatrix bounds the merged class matrix; real fonts need a few
// thousand entries.
const maxMatrix = 1 << 24

// build finishes the table, or returns nil when the font kerns nothing.
func (b *kernBuilder) build() (*kernTable, error) {
	if len(b.pairs) == 0 && len(b.claims) == 0 {
		return nil, nil
	}
	t := &kernTable{left: make([]kernLeft, b.numGlyphs)}
	if err := b.mergeClasses(t); err != nil {
		return nil, err
	}
	// Sorting pair and position together keeps, among equal pairs, the
	// order they were read in, and so the lookup order.
	order := make([]uint64, len(b.pairs))
	for i, p := range b.pairs {
		order[i] = uint64(p.key)<<32 | uint64(i)
	}
	slices.Sort(order)
	t.pairs = make([]kernPair, 0, len(order))
	var taken []uint32 // lookups that give the current pair singly
	for i := 0; i < len(order); {
		key := uint32(order[i] >> 32)
		var sum int32
		taken = taken[:0]
		for ; i < len(order) && uint32(order[i]>>32) == key; i++ {
			p := b.pairs[uint32(order[i])]
			if n := len(taken); n == 0 || taken[n-1] != p.lookup {
				sum += p.units // the first of a lookup decides
				taken = append(taken, p.lookup)
			}
		}
		// Lookups that do not list the pair may kern it by class.
		l, r := uint16(key>>16), uint16(key)
		for c := b.firstOf[l]; c != 0; c = b.claims[c-1].next {
			cl := b.claims[c-1]
			if !slices.Contains(taken, uint32(cl.lookup)) {
				s := b.subs[cl.sub]
				sum += int32(s.values[cl.row+uint32(s.class2[r])])
			}
		}
		lk := &t.left[l]
		if lk.pairsEnd == 0 {
			lk.pairsStart = uint32(len(t.pairs))
		}
		t.pairs = append(t.pairs, kernPair{right: r, units: sum})
		lk.pairsEnd = uint32(len(t.pairs))
	}
	return t, nil
}

// mergeClasses builds the one matrix of t from the class subtables.
func (b *kernBuilder) mergeClasses(t *kernTable) error {
	// A right glyph's column stands for its classes in all subtables,
	// so glyphs that every subtable classes alike share a column.
	t.rightClass = make([]uint16, b.numGlyphs)
	var reps []uint16 // a glyph of each column
	if len(b.subs) > 0 {
		columns := map[string]uint16{}
		key := make([]byte, 2*len(b.subs))
		for g := range b.numGlyphs {
			for i, s := range b.subs {
				key[2*i], key[2*i+1] = byte(s.class2[g]>>8), byte(s.class2[g])
			}
			c, ok := columns[string(key)]
			if !ok {
				c = uint16(len(columns))
				columns[string(key)] = c
				reps = append(reps, uint16(g))
			}
			t.rightClass[g] = c
		}
	}
	width := max(len(reps), 1)
	// A left glyph's row stands for its claims, one per lookup that
	// covers it; glyphs with the same claims share a row, and glyphs with
	// none row 0.
	t.matrix = make([]int32, width)
	rows := map[string]uint32{}
	var claims []uint64
	var key []byte
	for a := range b.numGlyphs {
		claims = claims[:0]
		for i := b.firstOf[a]; i != 0; i = b.claims[i-1].next {
			claims = append(claims, uint64(b.claims[i-1].sub)<<32|uint64(b.claims[i-1].row))
		}
		if len(claims) == 0 {
			continue
		}
		slices.Sort(claims)
		key = key[:0]
		for _, c := range claims {
			key = binary.BigEndian.AppendUint64(key, c)
		}
		r, ok := rows[string(key)]
		if !ok {
			if len(t.matrix)+width > maxMatrix {
				return fmt.Errorf("kerning matrix over %d entries", maxMatrix)
			}
			r = uint32(len(t.matrix))
			for _, g := range reps {
				t.matrix = append(t.matrix, b.classUnits(uint16(a), g))
			}
			rows[string(key)] = r
		}
		t.left[a].row = r
	}
	return nil
}

// sat16 clamps a sum of two kerning values to the int16 a subtable's
// matrix holds.
func sat16(v int32) int16 {
	return int16(min(max(v, math.MinInt16), math.MaxInt16))
}

// parseKernTable reads format 0 subtables of the legacy TrueType kern
// table (version 0, as Windows reads it), which older fonts carry instead
// of GPOS kerning. Subtables that hold minimum values or kern across the
// line are not pair kerning and are skipped.
func parseKernTable(tab string, numGlyphs int) (*kernTable, error) {
	d := data{S: tab}
	if d.U16(0) != 0 {
		return nil, nil // Apple's version 1 table: no Noto-era font uses it
	}
	n := int(d.U16(2))
	b := newKernBuilder(numGlyphs)
	off := 4
	for range n {
		b.beginLookup() // subtables add up, like separate lookups
		length, coverage := int(d.U16(off+2)), d.U16(off+4)
		format, horizontal := coverage>>8, coverage&1 != 0
		if format == 0 && horizontal && coverage&0x6 == 0 {
			pairs := int(d.U16(off + 6))
			if !d.Has(off+14, pairs*6) {
				break
			}
			for i := range pairs {
				rec := off + 14 + i*6
				b.pair(int(d.U16(rec)), int(d.U16(rec+2)), int32(d.I16(rec+4)))
			}
		}
		if length < 6 {
			break
		}
		off += length
	}
	if d.Err != nil {
		return nil, d.Err
	}
	return b.build()
}
