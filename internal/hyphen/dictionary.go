package hyphen

import (
	"unicode"
	"unicode/utf8"
)

// maxWord is the longest word part, in runes, that is hyphenated; TeX does
// not hyphenate longer words either, and the limit keeps the working arrays
// on the stack.
const maxWord = 63

// A Dictionary hyphenates the words of one language. It is immutable and
// safe for concurrent use.
type Dictionary struct {
	lang        string
	set         *patternSet
	left, right int
}

// Lang returns the tag of the pattern set, such as "en-us" or "de-1996".
func (d *Dictionary) Lang() string { return d.lang }

// Minimums returns how many letters must stand before and after a break.
func (d *Dictionary) Minimums() (left, right int) { return d.left, d.right }

// WithMinimums returns a Dictionary that shares d's patterns but keeps left
// letters before and right letters after every break; values below 1 count
// as 1.
func (d *Dictionary) WithMinimums(left, right int) *Dictionary {
	return &Dictionary{lang: d.lang, set: d.set, left: max(left, 1), right: max(right, 1)}
}

// Hyphenate returns the byte offsets into word, ascending, at which a hyphen
// may be inserted, or nil when there are none.
//
// Leading and trailing punctuation is ignored, and so is case. A word joined
// by explicit hyphens or dashes ("well-known") is hyphenated part by part;
// the explicit hyphens are not returned, since a line may break after them
// anyway. An apostrophe divides a part into runs of letters ("don't",
// "l’homme"), each of which keeps the minimum letters at both ends. A part
// with a digit or other symbol, or longer than 63 letters, gets no points,
// and neither does a word with a soft hyphen (U+00AD), whose author chose
// its breaks. The word should be in Unicode Normalization Form C, as the
// patterns are.
func (d *Dictionary) Hyphenate(word string) []int {
	return d.AppendHyphenate(nil, word)
}

// AppendHyphenate is like Hyphenate but appends the offsets to dst and
// returns the extended slice; it allocates only to grow dst.
func (d *Dictionary) AppendHyphenate(dst []int, word string) []int {
	n0 := len(dst)
	start := 0
	for i := 0; i < len(word); {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		switch classify(r) {
		case hyphen:
			dst = d.appendPart(dst, word, start, i)
			start = i + size
		case softHyphen:
			return dst[:n0]
		}
		i += size
	}
	return d.appendPart(dst, word, start, len(word))
}

// appendPart appends the points of word[lo:hi], a word or one part of a
// hyphenated compound.
func (d *Dictionary) appendPart(dst []int, word string, lo, hi int) []int {
	for lo < hi {
		r, size := utf8.DecodeRuneInString(word[lo:hi])
		if c := classify(r); c == letter || c == digit {
			break
		}
		lo += size
	}
	for lo < hi {
		r, size := utf8.DecodeLastRuneInString(word[lo:hi])
		if c := classify(r); c == letter || c == mark || c == digit {
			break
		}
		hi -= size
	}

	set := d.set
	var (
		codes   [maxWord + 2]uint16 // the part's codes between two boundaries
		offs    [maxWord]int32      // byte offset of each rune in word
		kinds   [maxWord]class
		n       int // runes
		letters int
	)
	codes[0] = codeBoundary
	for i := lo; i < hi; {
		r, size := rune(word[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:hi])
		}
		k := classify(r)
		var c uint16
		switch k {
		case letter:
			c = set.code(r)
			letters++
		case mark:
			c = set.code(r)
		case apostrophe:
			c = set.apos
		default:
			return dst
		}
		if n == maxWord {
			return dst
		}
		n++
		codes[n], offs[n-1], kinds[n-1] = c, int32(i), k
		i += size
	}
	if letters < d.left+d.right {
		return dst
	}
	codes[n+1] = codeBoundary

	// pts[j+1] holds the value of the slot before rune j.
	var pts [maxWord + 3]uint8
	if !set.exception(word, offs[:n], pts[:]) {
		set.match(codes[:n+2], pts[:])
	}

	// Count each run's letters from the right, then walk from the left.
	var right [maxWord]uint8
	run := uint8(0)
	for j := n - 1; j >= 0; j-- {
		switch kinds[j] {
		case apostrophe:
			run = 0
		case letter:
			run++
		}
		right[j] = run
	}
	left := 0
	for j := range n {
		switch kinds[j] {
		case apostrophe:
			left = 0
			continue
		case mark:
			continue
		}
		if pts[j+1]&1 == 1 && left >= d.left && int(right[j]) >= d.right {
			dst = append(dst, int(offs[j]))
		}
		left++
	}
	return dst
}

// match applies Liang's patterns to codes, a word between boundaries,
// keeping in pts[s] the highest value for the slot before codes[s].
func (set *patternSet) match(codes []uint16, pts []uint8) {
	t := &set.trie
	for i := 0; i < len(codes)-1; i++ {
		node := t.rootChild(codes[i])
		for j := i + 1; node != 0; j++ {
			for v := t.vstart(node); v < t.vstart(node+1); v++ {
				if s, val := i+int(t.vals[2*v]), t.vals[2*v+1]; val > pts[s] {
					pts[s] = val
				}
			}
			if j == len(codes) {
				break
			}
			lo, hi := t.first(node), t.first(node+1)
			node = 0
			// Children are few and sorted: a linear scan beats a search.
			for k := lo; k < hi; k++ {
				if ck := t.char(k); ck >= codes[j] {
					if ck == codes[j] {
						node = k
					}
					break
				}
			}
		}
	}
}

// exception reports whether the part whose runes start at offs in word is
// an exception word, and if so marks its breaks in pts as odd values.
func (set *patternSet) exception(word string, offs []int32, pts []uint8) bool {
	if set.excLens&(1<<len(offs)) == 0 {
		return false
	}
	var key [maxWord * utf8.UTFMax]byte
	k := 0
	for _, o := range offs {
		r, _ := utf8.DecodeRuneInString(word[o:])
		if isApostrophe(r) {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		k += utf8.EncodeRune(key[k:], r)
	}
	breaks, ok := set.exceptions[string(key[:k])]
	if !ok {
		return false
	}
	for _, b := range breaks {
		pts[int(b)+1] = 1
	}
	return true
}

// A class is what a rune is to hyphenation.
type class uint8

const (
	other      class = iota // punctuation, symbols, spaces
	letter                  // counts towards the minimums
	mark                    // a combining mark, part of the letter before it
	apostrophe              // joins runs of letters: "don't"
	digit                   // a word with one gets no points
	hyphen                  // an explicit hyphen or dash, between parts
	softHyphen              // the author's own discretionary break
)

func classify(r rune) class {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			return letter
		case '0' <= r && r <= '9':
			return digit
		case r == '\'':
			return apostrophe
		case r == '-':
			return hyphen
		}
		return other
	}
	switch r {
	case '\u2019', '\u02BC':
		return apostrophe
	case '\u2010', '\u2011', '\u2013', '\u2014':
		return hyphen
	case '\u00AD':
		return softHyphen
	}
	switch {
	case unicode.IsLetter(r):
		return letter
	case unicode.Is(unicode.M, r):
		return mark
	case unicode.IsNumber(r):
		return digit
	}
	return other
}
