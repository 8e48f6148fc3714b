package typeface

import (
	"encoding/binary"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
)

// be encodes each value as a big-endian 16-bit field; negative values
// become two's complement, as FWORD fields are.
func be(vs ...int) []byte {
	b := make([]byte, 0, 2*len(vs))
	for _, v := range vs {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	return b
}

func join(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// coverage1 and coverage2 encode Coverage tables of format 1 (a glyph
// list) and format 2 (one range per glyph).
func coverage1(glyphs ...int) []byte { return join(be(1, len(glyphs)), be(glyphs...)) }

func coverage2(glyphs ...int) []byte {
	b := be(2, len(glyphs))
	for i, g := range glyphs {
		b = join(b, be(g, g, i))
	}
	return b
}

// pairPosFormat1 encodes a PairPos format 1 subtable; each set lists the
// PairValueRecords (second glyph, then the value fields) of one covered
// glyph.
func pairPosFormat1(cov []byte, vf1, vf2 int, sets ...[]int) []byte {
	head := 10 + 2*len(sets)
	offs := []int{1, head, vf1, vf2, len(sets)}
	body := cov
	for _, set := range sets {
		offs = append(offs, head+len(body))
		recSize := 1 + valueSize(uint16(vf1))/2 + valueSize(uint16(vf2))/2
		body = join(body, be(len(set)/recSize), be(set...))
	}
	return join(be(offs...), body)
}

// pairPosFormat2 encodes a PairPos format 2 subtable with XAdvance values
// for the first glyph.
func pairPosFormat2(cov, classDef1, classDef2 []byte, n1, n2 int, matrix ...int) []byte {
	head := 16 + 2*len(matrix)
	return join(
		be(2, head, 4, 0, head+len(cov), head+len(cov)+len(classDef1), n1, n2),
		be(matrix...), cov, classDef1, classDef2)
}

func lookup(kind int, subs ...[]byte) []byte {
	head := 6 + 2*len(subs)
	offs := []int{kind, 0, len(subs)}
	var body []byte
	for _, s := range subs {
		offs = append(offs, head+len(body))
		body = append(body, s...)
	}
	return join(be(offs...), body)
}

// extension wraps a PairPos subtable for a lookup of type 9.
func extension(sub []byte) []byte {
	return join(be(1, 2), binary.BigEndian.AppendUint32(nil, 8), sub)
}

type feature struct {
	tag     string
	lookups []int
}

func gposTable(features []feature, lookups ...[]byte) []byte {
	scripts := be(0)
	fl := be(len(features))
	var fbody []byte
	for _, f := range features {
		fl = append(fl, f.tag...)
		fl = append(fl, be(2+6*len(features)+len(fbody))...)
		fbody = join(fbody, be(0, len(f.lookups)), be(f.lookups...))
	}
	fl = append(fl, fbody...)
	ll := be(len(lookups))
	var lbody []byte
	for _, l := range lookups {
		ll = append(ll, be(2+2*len(lookups)+len(lbody))...)
		lbody = append(lbody, l...)
	}
	ll = append(ll, lbody...)
	return join(be(1, 0, 10, 10+len(scripts), 10+len(scripts)+len(fl)), scripts, fl, ll)
}

// TestGPOSRules builds a GPOS table that exercises what the Noto faces do
// not: an Extension lookup, kerning spread over two lookups, a single-pair
// subtable hidden behind a class subtable, value records with more than
// XAdvance, and a lookup of another feature.
func TestGPOSRules(t *testing.T) {
	gpos := gposTable(
		[]feature{{"kern", []int{1, 0}}, {"dist", []int{2}}},
		// Lookup 0: pairs 1+2 and 1+3, through an Extension.
		lookup(9, extension(pairPosFormat1(coverage1(1), 4, 0, []int{2, -10, 3, -20}))),
		// Lookup 1: classes first, so its later pair for 4+5 is hidden;
		// then a pair whose records carry XPlacement and both advances.
		lookup(2,
			pairPosFormat2(coverage2(1, 4),
				be(1, 1, 4, 1, 0, 0, 1),    // format 1: glyphs 1..4 -> 1, 0, 0, 1
				be(2, 2, 2, 3, 1, 5, 5, 2), // format 2: 2..3 -> 1, 5 -> 2
				2, 3,
				0, 0, 0,
				0, -5, -7),
			pairPosFormat1(coverage1(4), 4, 0, []int{5, -100}),
			pairPosFormat1(coverage1(6), 5, 4, []int{2, 99, 30, 4})),
		// Lookup 2 belongs to another feature and must not count.
		lookup(2, pairPosFormat1(coverage1(1), 4, 0, []int{2, -1000})),
	)
	k, err := parseGPOSKern(string(gpos))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		a, b uint16
		want int32
	}{
		{1, 2, -10 + -5}, // single pair in lookup 0, class pair in lookup 1
		{1, 3, -20 + -5},
		{1, 5, -7},     // class pair only
		{4, 5, -7},     // the class subtable came first in its lookup
		{4, 2, -5},     // class pair
		{6, 2, 30 + 4}, // both advances, not the placement
		{1, 1, 0},      // right glyph in class 0
		{2, 1, 0},      // left glyph not covered
		{6, 3, 0},      // left covered, pair not listed
		{9, 9, 0},
	}
	for _, tt := range tests {
		if got := k.units(tt.a, tt.b); got != tt.want {
			t.Errorf("units(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestGPOSMalformed(t *testing.T) {
	good := gposTable([]feature{{"kern", []int{0}}},
		lookup(2, pairPosFormat1(coverage1(1), 4, 0, []int{2, -10})))
	tests := []struct {
		name string
		gpos []byte
	}{
		{"truncated", good[:len(good)-3]},
		{"empty", nil},
		{"lookup out of range", gposTable([]feature{{"kern", []int{3}}})},
		{"bad coverage", gposTable([]feature{{"kern", []int{0}}},
			lookup(2, pairPosFormat1(be(7, 0), 4, 0)))},
	}
	for _, tt := range tests {
		if _, err := parseGPOSKern(string(tt.gpos)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if k, err := parseGPOSKern(string(gposTable(nil))); err != nil || k != nil {
		t.Errorf("GPOS without kern feature = %v, %v; want nil, nil", k, err)
	}
}

// TestKernTable reads a legacy kern table: a format 0 subtable of pairs,
// and a cross-stream subtable that is not pair kerning.
func TestKernTable(t *testing.T) {
	sub := func(coverage int, pairs ...int) []byte {
		n := len(pairs) / 3
		return join(be(0, 14+len(pairs)*2, coverage, n, 0, 0, 0), be(pairs...))
	}
	tab := join(be(0, 2),
		sub(0x0001, 1, 2, -40, 1, 3, 25, 4, 1, -8),
		sub(0x0005, 1, 2, 500))
	k, err := parseKernTable(string(tab))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		a, b uint16
		want int32
	}{{1, 2, -40}, {1, 3, 25}, {4, 1, -8}, {2, 1, 0}, {1, 4, 0}}
	for _, tt := range tests {
		if got := k.units(tt.a, tt.b); got != tt.want {
			t.Errorf("units(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if _, err := parseKernTable(string(tab[:30])); err == nil {
		t.Error("truncated kern table: no error")
	}
}

// TestKernIndexes indexes the kerning of every embedded face, which Face
// does only on first use and without reporting an error.
func TestKernIndexes(t *testing.T) {
	l := NewLibrary()
	for _, name := range fonts.Names() {
		if fonts.Shaped(name) {
			continue // the shaper kerns these, with all of GPOS
		}
		f := face(t, l, name)
		k, err := f.indexKerning()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// Only the monospaced and the CJK face have no kerning.
		if kerned := k != nil; kerned == (name == fonts.MonoRegular || name == fonts.Fallback) {
			t.Errorf("%s: kerning indexed: %v", name, kerned)
		}
	}
}
