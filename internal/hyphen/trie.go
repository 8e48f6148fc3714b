package hyphen

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
)

// A pattern set is kept in an encoding that is read in place: the
// embedded languages' sets are encoded when the patterns change (go
// generate, which runs TestEmbeddedTries -update), so that a run loads a
// language's set without parsing its patterns, sorting them and laying
// out the trie, which cost English 0.7 ms and 0.7 MB and German 9 ms and
// 5 MB; what the run touches of the trie is what it reads.
//
// The encoding, all integers little-endian:
//
//	"HYT1"
//	apos u16, alphabet u32, nodes u32, values u32, highs u32
//	low   [lowRunes]u16      codes of the runes below lowRunes
//	high  [highs](u32, u16)  code of each rune from lowRunes up, by rune
//	root  [alphabet]u32      the root's child for each code, 0 for none
//	first [nodes+1]u32       node i's children are first[i]:first[i+1]
//	start [nodes+1]u32       node i's values are start[i]:start[i+1]
//	char  [nodes]u16         the code on the edge into node i
//	vals  [values](u8, u8)   slot and value of each pattern digit
//
// The nodes are in breadth-first order, so that each node's children are
// contiguous and sorted; node 0 is the root.
const trieMagic = "HYT1"

// trieHeader is the size of the fixed fields after the magic.
const trieHeader = 2 + 4*4

// A trie is the trie of a pattern set, its arrays read in place from the
// encoding: each field holds one of them.
type trie struct {
	root, firsts, starts, chars, vals string
}

func u32At(s string, i uint32) uint32 {
	o := 4 * int(i)
	_ = s[o+3]
	return uint32(s[o]) | uint32(s[o+1])<<8 | uint32(s[o+2])<<16 | uint32(s[o+3])<<24
}

func u16At(s string, i uint32) uint16 {
	o := 2 * int(i)
	_ = s[o+1]
	return uint16(s[o]) | uint16(s[o+1])<<8
}

// rootChild returns the root's child along code c, 0 for none.
func (t *trie) rootChild(c uint16) uint32 { return u32At(t.root, uint32(c)) }

// first returns the first child of node i; first(i+1) ends its children.
func (t *trie) first(i uint32) uint32 { return u32At(t.firsts, i) }

// vstart returns the first value of node i; vstart(i+1) ends its values.
func (t *trie) vstart(i uint32) uint32 { return u32At(t.starts, i) }

// char returns the code on the edge into node i.
func (t *trie) char(i uint32) uint16 { return u16At(t.chars, i) }

// encode returns the encoding of set's alphabet and of t.
func (set *patternSet) encode(t *builtTrie) []byte {
	highs := make([]rune, 0, len(set.high))
	for r := range set.high {
		highs = append(highs, r)
	}
	slices.Sort(highs)
	nodes := len(t.char)
	size := len(trieMagic) + trieHeader + 2*lowRunes + 6*len(highs) +
		4*len(t.root) + 2*4*(nodes+1) + 2*nodes + 2*len(t.vals)
	b := make([]byte, 0, size)
	b = append(b, trieMagic...)
	le := binary.LittleEndian
	b = le.AppendUint16(b, set.apos)
	for _, n := range []int{len(t.root), nodes, len(t.vals), len(highs)} {
		b = le.AppendUint32(b, uint32(n))
	}
	for _, c := range set.low {
		b = le.AppendUint16(b, c)
	}
	for _, r := range highs {
		b = le.AppendUint32(b, uint32(r))
		b = le.AppendUint16(b, set.high[r])
	}
	for _, arr := range [][]uint32{t.root, t.first, t.vstart} {
		for _, v := range arr {
			b = le.AppendUint32(b, v)
		}
	}
	for _, c := range t.char {
		b = le.AppendUint16(b, c)
	}
	for _, v := range t.vals {
		b = append(b, v.slot, v.val)
	}
	return b
}

// errTrie reports an encoding that is not one encode wrote.
var errTrie = errors.New("not a pattern set encoding")

// decodeSet reads a pattern set from its encoding, in place but for the
// alphabet. It checks that the arrays have the sizes the header gives; the
// indices inside them it trusts, since only encode writes them, and
// TestEmbeddedTries keeps the embedded encodings those encode writes.
func decodeSet(data string) (*patternSet, error) {
	if len(data) < len(trieMagic)+trieHeader || data[:len(trieMagic)] != trieMagic {
		return nil, errTrie
	}
	h := data[len(trieMagic):]
	apos := u16At(h, 0)
	alphabet, nodes, values, highs := u32At(h[2:], 0), u32At(h[2:], 1), u32At(h[2:], 2), u32At(h[2:], 3)
	rest := h[trieHeader:]
	take := func(n uint64) (string, bool) {
		if n > uint64(len(rest)) {
			return "", false
		}
		s := rest[:n]
		rest = rest[n:]
		return s, true
	}
	set := &patternSet{apos: apos}
	var t trie
	var low, high string
	ok := true
	for _, f := range []struct {
		dst *string
		n   uint64
	}{
		{&low, 2 * lowRunes},
		{&high, 6 * uint64(highs)},
		{&t.root, 4 * uint64(alphabet)},
		{&t.firsts, 4 * (uint64(nodes) + 1)},
		{&t.starts, 4 * (uint64(nodes) + 1)},
		{&t.chars, 2 * uint64(nodes)},
		{&t.vals, 2 * uint64(values)},
	} {
		var got bool
		*f.dst, got = take(f.n)
		ok = ok && got
	}
	if !ok || len(rest) != 0 || nodes == 0 || alphabet > 1<<16 {
		return nil, errTrie
	}
	for r := range uint32(lowRunes) {
		set.low[r] = u16At(low, r)
	}
	if highs > 0 {
		set.high = make(map[rune]uint16, highs)
		for i := range highs {
			set.high[rune(u32At(high[6*i:], 0))] = u16At(high[6*i+4:], 0)
		}
	}
	set.trie = t
	return set, nil
}

// The bundle of tries, the file tries.bin: "HYTB", a count u32, and for
// each set its tag (a length byte and the tag), the offset and the length
// (u32 each) of its encoding in the bundle, followed by the encodings.
const bundleMagic = "HYTB"

// encodeBundle returns the bundle of the encodings by tag, in tag order.
func encodeBundle(sets map[string][]byte) []byte {
	tags := slices.Sorted(maps.Keys(sets))
	index := len(bundleMagic) + 4
	for _, tag := range tags {
		index += 1 + len(tag) + 8
	}
	le := binary.LittleEndian
	b := le.AppendUint32([]byte(bundleMagic), uint32(len(tags)))
	off := index
	for _, tag := range tags {
		b = append(b, byte(len(tag)))
		b = append(b, tag...)
		b = le.AppendUint32(b, uint32(off))
		b = le.AppendUint32(b, uint32(len(sets[tag])))
		off += len(sets[tag])
	}
	for _, tag := range tags {
		b = append(b, sets[tag]...)
	}
	return b
}

// trieOf returns the encoding of the set tagged tag in bundle, and
// whether the bundle holds one.
func trieOf(bundle, tag string) (string, bool) {
	if len(bundle) < len(bundleMagic)+4 || bundle[:len(bundleMagic)] != bundleMagic {
		return "", false
	}
	n := u32At(bundle[len(bundleMagic):], 0)
	p := len(bundleMagic) + 4
	for range n {
		if p >= len(bundle) || p+1+int(bundle[p])+8 > len(bundle) {
			return "", false
		}
		l := int(bundle[p])
		t := bundle[p+1 : p+1+l]
		off, size := u32At(bundle[p+1+l:], 0), u32At(bundle[p+1+l:], 1)
		p += 1 + l + 8
		if t == tag {
			if uint64(off)+uint64(size) > uint64(len(bundle)) {
				return "", false
			}
			return bundle[off : off+size], true
		}
	}
	return "", false
}
