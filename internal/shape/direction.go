package shape

import (
	"strings"
	"unicode"

	xbidi "golang.org/x/text/unicode/bidi"
)

// This file is what the layout and the EPUB cover both ask of a text's
// direction before they set it: which way it reads, which characters go
// with the one before, and the order a line's pieces are seen in (UAX #9).

// A Direction is the way a text reads by its first strong character.
type Direction uint8

// The directions: None for a text with no strong character (digits,
// punctuation), which takes its surroundings'.
const (
	None Direction = iota
	LeftToRight
	RightToLeft
)

// Scan returns the direction of s's first strong character (UAX #9,
// rules P2 and P3), and whether s has any right-to-left character at all,
// strong or an explicit embedding or isolate.
func Scan(s string) (first Direction, rtl bool) {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			if first == None && ('a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
				first = LeftToRight
			}
			i++
			continue
		}
		props, n := xbidi.LookupString(s[i:])
		switch props.Class() {
		case xbidi.R, xbidi.AL:
			rtl = true
			if first == None {
				first = RightToLeft
			}
		case xbidi.RLE, xbidi.RLO, xbidi.RLI:
			rtl = true
		case xbidi.L:
			if first == None {
				first = LeftToRight
			}
		}
		i += max(n, 1)
	}
	return first, rtl
}

// Attaches reports whether r goes with the character before it rather than
// starting a piece of its own: a mark sits on its base, a joiner between
// the letters it joins.
func Attaches(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == '\u200c' || r == '\u200d'
}

// Reorder puts a line's items, each at its embedding level, in the order
// they are seen, left to right (UAX #9, rule L2): from the highest level
// down to the lowest odd one, every run of items at that level or higher
// is reversed. levels is reordered with items.
func Reorder[T any](items []T, levels []uint8) {
	var top, low uint8 = 0, 255
	for _, l := range levels {
		top, low = max(top, l), min(low, l)
	}
	if low%2 == 0 {
		low++
	}
	for l := top; l >= low && l > 0; l-- {
		for i := 0; i < len(levels); {
			if levels[i] < l {
				i++
				continue
			}
			j := i
			for j < len(levels) && levels[j] >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				items[a], items[b] = items[b], items[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
}

// RightToLeftLanguage reports whether the language tag (BCP 47) names a
// language written right to left, for what a text's letters cannot say:
// which side a page's running head starts from, which way a book's pages
// turn.
func RightToLeftLanguage(tag string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "ug", "dv", "ckb", "syr":
		return true
	}
	return false
}
