package shape

import "unicode/utf8"

// Needed reports whether s has a character that setting one glyph a
// character, from the font's character map, cannot set: one of a script
// whose letters change with their neighbours, a combining mark to place on
// its base, or one beyond the Basic Multilingual Plane, which a backend
// draws by glyph.
func Needed(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0xCC { // below U+0300: Latin and its supplements
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if shapedRune(r) {
			return true
		}
	}
	return false
}

// shapedRune reports whether r needs the shaper (see Needed).
func shapedRune(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r <= 0x036F, // combining diacritical marks
		0x0483 <= r && r <= 0x0489,                             // Cyrillic combining marks
		0x0590 <= r && r <= 0x08FF,                             // Hebrew, Arabic, Syriac, Thaana, N'Ko, ...
		0x0900 <= r && r <= 0x0DFF,                             // the Indic scripts
		0x0E00 <= r && r <= 0x0FFF,                             // Thai, Lao, Tibetan
		0x1000 <= r && r <= 0x109F,                             // Myanmar
		0x1780 <= r && r <= 0x17FF,                             // Khmer
		0x1AB0 <= r && r <= 0x1AFF, 0x1DC0 <= r && r <= 0x1DFF, // combining marks
		0x1CD0 <= r && r <= 0x1CFF,                             // Vedic extensions
		0x20D0 <= r && r <= 0x20FF, 0xFE20 <= r && r <= 0xFE2F, // combining marks
		0xA8E0 <= r && r <= 0xA8FF,                             // Devanagari extended
		0xFB1D <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFF, // presentation forms
		r > 0xFFFF:
		return true
	}
	return false
}
