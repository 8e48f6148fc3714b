package hyphen

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Default minimum fragment lengths, TeX's \lefthyphenmin and \righthyphenmin
// for English, which the other languages here also read well with.
const (
	DefaultLeftMin  = 2
	DefaultRightMin = 3
)

// maxPattern bounds a pattern's letters so that a slot index fits a byte;
// real patterns have fewer than 20.
const maxPattern = 200

// lowRunes is the size of the direct rune-to-code table: it covers Latin-1
// and Latin Extended-A and -B, every letter of the languages shipped here but
// the apostrophe U+2019 and French œ.
const lowRunes = 0x250

// Codes 0 and 1 are reserved: 0 for a rune no pattern mentions, 1 for the
// word boundary ".", which also stands for an apostrophe in languages whose
// patterns have none.
const (
	codeNone     = 0
	codeBoundary = 1
)

// A patternSet is one language's patterns and exceptions, shared by the
// Dictionaries made from it with other minimums: the codes of its
// alphabet, its trie, read in place from its encoding (trie.go), and its
// exception words.
type patternSet struct {
	low  [lowRunes]uint16 // codes of lower- and upper-case runes below lowRunes
	high map[rune]uint16  // codes of lower-case runes from lowRunes up
	apos uint16           // code of an apostrophe inside a word
	trie trie

	exceptions map[string][]uint8 // lower-case word -> rune indices to break before
	excLens    uint64             // bit n set when some exception has n runes
}

// A slotValue is one digit of a pattern: its value and the slot it sits in,
// counted from the slot before the pattern's first letter.
type slotValue struct{ slot, val uint8 }

// Parse reads a language's hyphenation patterns and, if exceptions is not
// nil, its exception words, in the plain-text format of hyph-utf8's
// .pat.txt and .hyp.txt files: whitespace-separated patterns such as "hy3ph"
// and ".ach4", and words such as "ta-ble" whose hyphens mark the only
// allowed breaks. A "%" starts a comment. The Dictionary has the default
// minimums and reports lang as its Lang.
func Parse(lang string, patterns, exceptions io.Reader) (*Dictionary, error) {
	pat, err := io.ReadAll(patterns)
	if err != nil {
		return nil, fmt.Errorf("hyphen: reading %s patterns: %w", lang, err)
	}
	var hyp []byte
	if exceptions != nil {
		if hyp, err = io.ReadAll(exceptions); err != nil {
			return nil, fmt.Errorf("hyphen: reading %s exceptions: %w", lang, err)
		}
	}
	return parse(lang, pat, hyp)
}

// parse is Parse on the files' contents.
func parse(lang string, patterns, exceptions []byte) (*Dictionary, error) {
	var b builder
	if err := b.readPatterns(patterns); err != nil {
		return nil, fmt.Errorf("hyphen: parsing %s patterns: %w", lang, err)
	}
	set, err := decodeSet(string(b.build()))
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s patterns: %w", lang, err) // a bug: build wrote it
	}
	if err := set.readExceptions(exceptions); err != nil {
		return nil, fmt.Errorf("hyphen: parsing %s exceptions: %w", lang, err)
	}
	return &Dictionary{lang: lang, set: set, left: DefaultLeftMin, right: DefaultRightMin}, nil
}

// A builder collects patterns as runes, then codes and sorts them so that
// build can lay the trie out in one breadth-first pass.
type builder struct {
	runes   []rune // letters of all patterns, then their codes in codes
	codes   []uint16
	digits  []uint8 // values of all patterns, one per slot
	pats    []pattern
	lowSeen [lowRunes]bool
	high    map[rune]bool
}

// A pattern locates one pattern's letters in builder.runes and its slot
// values (one more than letters) in builder.digits.
// Its key packs its first four codes, which settle most comparisons.
type pattern struct {
	key                uint64
	start, end, vstart int32
}

func (b *builder) letters(p pattern) []uint16 { return b.codes[p.start:p.end] }

// readPatterns tokenizes src and checks each pattern.
func (b *builder) readPatterns(src []byte) error {
	// Patterns average some eight bytes: size the arenas once.
	b.runes = make([]rune, 0, len(src))
	b.digits = make([]uint8, 0, len(src)+len(src)/4)
	b.pats = make([]pattern, 0, len(src)/6)
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		switch {
		case r == '\n':
			line++
			src = src[1:]
			continue
		case r == '%':
			if i := bytes.IndexByte(src, '\n'); i >= 0 {
				src = src[i:]
			} else {
				src = nil
			}
			continue
		case unicode.IsSpace(r):
			src = src[size:]
			continue
		}
		end := 0
		for end < len(src) {
			c := src[end]
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '%' {
				break
			}
			if c >= utf8.RuneSelf {
				if r, _ := utf8.DecodeRune(src[end:]); unicode.IsSpace(r) {
					break
				}
			}
			end++
		}
		if err := b.addPattern(src[:end]); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		src = src[end:]
	}
	if len(b.pats) == 0 {
		return fmt.Errorf("no patterns")
	}
	return nil
}

// addPattern appends one pattern such as ".ab3a" or "2'2".
func (b *builder) addPattern(tok []byte) error {
	p := pattern{start: int32(len(b.runes)), vstart: int32(len(b.digits))}
	b.digits = append(b.digits, 0)
	digit := false // whether the current slot already has its digit
	for i := 0; i < len(tok); {
		r, size := rune(tok[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(tok[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z':
		case r >= '0' && r <= '9':
			if digit {
				return fmt.Errorf("pattern %q: two digits in a row", tok)
			}
			b.digits[len(b.digits)-1] = uint8(r - '0')
			digit = true
			continue
		case r == '.':
			if len(b.runes) > int(p.start) && i != len(tok) {
				return fmt.Errorf("pattern %q: '.' inside a pattern", tok)
			}
		case isApostrophe(r):
			r = '\''
		case r == '-':
			// Portuguese has "1-", for breaking before an explicit hyphen;
			// words never reach the patterns with one, so it is inert.
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
			r = unicode.ToLower(r)
		default:
			return fmt.Errorf("pattern %q: character %q is not a letter, digit or '.'", tok, r)
		}
		b.runes = append(b.runes, r)
		b.digits = append(b.digits, 0)
		digit = false
		if r < lowRunes {
			b.lowSeen[r] = true
		} else {
			if b.high == nil {
				b.high = make(map[rune]bool)
			}
			b.high[r] = true
		}
	}
	p.end = int32(len(b.runes))
	letters := b.runes[p.start:p.end]
	switch {
	case len(letters) == 0 || len(letters) == 1 && letters[0] == '.':
		return fmt.Errorf("pattern %q has no letters", tok)
	case len(letters) > maxPattern:
		return fmt.Errorf("pattern %q is longer than %d letters", tok, maxPattern)
	}
	b.pats = append(b.pats, p)
	return nil
}

// build codes the alphabet, sorts the patterns, lays out the trie and
// returns the set's encoding (trie.go).
func (b *builder) build() []byte {
	set := &patternSet{apos: codeBoundary}
	code := uint16(codeBoundary)
	// Codes follow rune order, which the hyph-utf8 files are nearly sorted
	// by, so the sort below has little to do.
	for r := range rune(lowRunes) {
		if !b.lowSeen[r] || r == '.' {
			continue
		}
		code++
		set.low[r] = code
		if u := unicode.ToUpper(r); u != r && u < lowRunes && set.low[u] == 0 {
			set.low[u] = code
		}
		if r == '\'' {
			set.apos = code
		}
	}
	if len(b.high) > 0 {
		set.high = make(map[rune]uint16, len(b.high))
		for _, r := range slices.Sorted(maps.Keys(b.high)) {
			code++
			set.high[r] = code
		}
	}
	set.low['.'] = codeBoundary

	b.codes = make([]uint16, len(b.runes))
	for i, r := range b.runes {
		b.codes[i] = set.code(r)
	}
	for i := range b.pats {
		p := &b.pats[i]
		for j, c := range b.letters(*p)[:min(4, p.end-p.start)] {
			p.key |= uint64(c) << (48 - 16*j)
		}
	}
	b.sort()
	return set.encode(b.buildTrie(int(code) + 1))
}

// sort orders the patterns by their codes: a radix sort on the keys, then a
// comparison sort of each run of equal keys by the codes after the fourth.
// Equal keys mean equal first codes, up to four, and since a missing code
// is 0 and a real one is not, equal lengths if either pattern is short.
func (b *builder) sort() {
	pats, tmp := b.pats, make([]pattern, len(b.pats))
	for shift := 0; shift < 64; shift += 8 {
		var count [257]int
		for _, p := range pats {
			count[(p.key>>shift)&0xff+1]++
		}
		if slices.Contains(count[:], len(pats)) {
			continue // every key has the same byte here
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, p := range pats {
			d := (p.key >> shift) & 0xff
			tmp[count[d]] = p
			count[d]++
		}
		pats, tmp = tmp, pats
	}
	for lo := 0; lo < len(pats); {
		hi := lo + 1
		for hi < len(pats) && pats[hi].key == pats[lo].key {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(pats[lo:hi], func(x, y pattern) int {
				return slices.Compare(b.codes[min(x.start+4, x.end):x.end], b.codes[min(y.start+4, y.end):y.end])
			})
		}
		lo = hi
	}
	b.pats = pats
}

// nodes counts the trie's nodes: the root, and for each sorted pattern the
// letters past the prefix it shares with the one before.
func (b *builder) nodes() int {
	n := 1
	var prev []uint16
	for _, p := range b.pats {
		cur := b.letters(p)
		common := 0
		for common < len(cur) && common < len(prev) && cur[common] == prev[common] {
			common++
		}
		n += len(cur) - common
		prev = cur
	}
	return n
}

// A builtTrie is a trie as buildTrie lays it out, before encoding: see trie.
type builtTrie struct {
	first, vstart, root []uint32
	char                []uint16
	vals                []slotValue
}

// buildTrie lays out the trie breadth-first. Each node stands for the run of
// sorted patterns that share its prefix, so a node's children are the
// groups of that run by their next letter, appended to the queue together.
func (b *builder) buildTrie(alphabet int) *builtTrie {
	type span struct{ lo, hi, depth int32 }
	nodes := b.nodes()
	queue := make([]span, 1, nodes)
	queue[0] = span{0, int32(len(b.pats)), 0}
	set := &builtTrie{
		first:  make([]uint32, 0, nodes+1),
		vstart: make([]uint32, 0, nodes+1),
		char:   make([]uint16, 1, nodes),
		vals:   make([]slotValue, 0, len(b.pats)*2),
	}
	var slots [maxPattern + 1]uint8
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		set.first = append(set.first, uint32(len(queue)))
		set.vstart = append(set.vstart, uint32(len(set.vals)))

		// Patterns that end here sort first; duplicates (such as the
		// ' and ’ forms of one French pattern) merge by the higher digit.
		lo := s.lo
		ended := false
		for lo < s.hi && b.pats[lo].end-b.pats[lo].start == s.depth {
			p := b.pats[lo]
			for i, v := range b.digits[p.vstart : p.vstart+s.depth+1] {
				slots[i] = max(slots[i], v)
			}
			ended = true
			lo++
		}
		if ended {
			for i := range s.depth + 1 {
				if slots[i] > 0 {
					set.vals = append(set.vals, slotValue{uint8(i), slots[i]})
				}
				slots[i] = 0
			}
		}

		for lo < s.hi {
			c := b.letters(b.pats[lo])[s.depth]
			hi := lo + 1
			for hi < s.hi && b.letters(b.pats[hi])[s.depth] == c {
				hi++
			}
			queue = append(queue, span{lo, hi, s.depth + 1})
			set.char = append(set.char, c)
			lo = hi
		}
	}
	set.first = append(set.first, uint32(len(queue)))
	set.vstart = append(set.vstart, uint32(len(set.vals)))

	set.root = make([]uint32, alphabet)
	for i := set.first[0]; i < set.first[1]; i++ {
		set.root[set.char[i]] = i
	}
	return set
}

// code returns the code of r, folding case, or codeNone.
func (set *patternSet) code(r rune) uint16 {
	if r < lowRunes {
		return set.low[r]
	}
	if isApostrophe(r) {
		return set.apos
	}
	r = unicode.ToLower(r)
	if r < lowRunes {
		return set.low[r]
	}
	return set.high[r]
}

// readExceptions reads words such as "as-so-ciate"; a later entry for the
// same word replaces an earlier one, as in TeX.
func (set *patternSet) readExceptions(src []byte) error {
	for n, line := range strings.Split(string(src), "\n") {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for _, tok := range strings.Fields(line) {
			if err := set.addException(tok); err != nil {
				return fmt.Errorf("line %d: %w", n+1, err)
			}
		}
	}
	return nil
}

func (set *patternSet) addException(tok string) error {
	var key []byte
	var breaks []uint8
	n := 0 // runes of the word so far
	for i, r := range tok {
		switch {
		case r == '-':
			if n == 0 || i == len(tok)-1 || tok[i+1] == '-' {
				return fmt.Errorf("exception %q: a hyphen must stand between letters", tok)
			}
			breaks = append(breaks, uint8(n))
			continue
		case isApostrophe(r):
			r = '\''
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
			r = unicode.ToLower(r)
		default:
			return fmt.Errorf("exception %q: character %q is not a letter or hyphen", tok, r)
		}
		if n++; n > maxWord {
			return fmt.Errorf("exception %q is longer than %d letters", tok, maxWord)
		}
		key = utf8.AppendRune(key, r)
	}
	if set.exceptions == nil {
		set.exceptions = make(map[string][]uint8)
	}
	set.exceptions[string(key)] = breaks
	set.excLens |= 1 << n
	return nil
}

// isApostrophe reports whether r is one of the apostrophes that join the
// parts of "don't" or "l’homme".
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC'
}
