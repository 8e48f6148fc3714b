// Package fonts holds the typefaces publish sets text in, embedded in the
// binary so that a PDF or EPUB looks the same on every machine.
//
// The Noto faces, Latin and the faces of the scripts Latin's lack (Arabic,
// Hebrew, Devanagari, Thai, each a serif or Naskh face and a sans, regular
// and bold), are under the SIL Open Font License 1.1 (OFL.txt), Nanum
// Myeongjo under the same licence (OFL-Nanum.txt), Droid Sans Fallback under
// the Apache License 2.0 (LICENSE-Apache-2.0.txt). All are TrueType (glyf
// outlines), which every PDF library can subset.
package fonts

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unsafe"
)

// The face names, which are also the file names without ".ttf".
const (
	SerifRegular    = "NotoSerif-Regular"
	SerifItalic     = "NotoSerif-Italic"
	SerifBold       = "NotoSerif-Bold"
	SerifBoldItalic = "NotoSerif-BoldItalic"
	SansRegular     = "NotoSans-Regular"
	SansBold        = "NotoSans-Bold"
	MonoRegular     = "NotoSansMono-Regular"
	// Fallback covers Chinese and Japanese, which the Noto faces above do
	// not.
	Fallback = "DroidSansFallbackFull"
	// FallbackKorean covers the Hangul syllables, of which Droid Sans
	// Fallback has only a handful.
	FallbackKorean = "NanumMyeongjo"

	// The faces of scripts the Latin faces lack, as the style's face is
	// a serif or a sans, regular or bold.
	ArabicSerif      = "NotoNaskhArabic-Regular"
	ArabicSerifBold  = "NotoNaskhArabic-Bold"
	ArabicSans       = "NotoSansArabic-Regular"
	ArabicSansBold   = "NotoSansArabic-Bold"
	HebrewSerif      = "NotoSerifHebrew-Regular"
	HebrewSerifBold  = "NotoSerifHebrew-Bold"
	HebrewSans       = "NotoSansHebrew-Regular"
	HebrewSansBold   = "NotoSansHebrew-Bold"
	DevanagariSerif  = "NotoSerifDevanagari-Regular"
	DevanagariBold   = "NotoSerifDevanagari-Bold"
	DevanagariSans   = "NotoSansDevanagari-Regular"
	DevanagariSansBd = "NotoSansDevanagari-Bold"
	ThaiSerif        = "NotoSerifThai-Regular"
	ThaiSerifBold    = "NotoSerifThai-Bold"
	ThaiSans         = "NotoSansThai-Regular"
	ThaiSansBold     = "NotoSansThai-Bold"
)

// scriptFaces are the faces of each script the Latin faces lack (serif,
// serif bold, sans, sans bold), with the script's Unicode blocks: a block
// holds the script's own punctuation too (the Arabic comma, the Devanagari
// danda), which Unicode counts as common to several scripts.
var scriptFaces = [...]struct {
	blocks []block
	faces  [4]string
}{
	{[]block{{0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}},
		[4]string{ArabicSerif, ArabicSerifBold, ArabicSans, ArabicSansBold}},
	{[]block{{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}},
		[4]string{HebrewSerif, HebrewSerifBold, HebrewSans, HebrewSansBold}},
	{[]block{{0x0900, 0x097F}, {0xA8E0, 0xA8FF}, {0x1CD0, 0x1CFF}},
		[4]string{DevanagariSerif, DevanagariBold, DevanagariSans, DevanagariSansBd}},
	{[]block{{0x0E00, 0x0E7F}},
		[4]string{ThaiSerif, ThaiSerifBold, ThaiSans, ThaiSansBold}},
}

// A block is a range of code points, first to last.
type block struct{ first, last rune }

// FallbackChain lists, in order, the faces that set character r when the
// style's face, called face, lacks it. A script with faces of its own
// takes the one that matches the style's: bold for bold, sans for sans
// (an italic takes the upright, as these scripts have none); a script is
// known by its Unicode blocks. Hangul goes
// to the Korean face first, so a word is never set in two faces for the
// few syllables Droid Sans Fallback also has.
func FallbackChain(r rune, face string) []string {
	if r >= 0x0590 {
		for _, sf := range scriptFaces {
			if slices.ContainsFunc(sf.blocks, func(b block) bool { return b.first <= r && r <= b.last }) {
				i := 0
				if strings.Contains(face, "Bold") {
					i++
				}
				if strings.HasPrefix(face, "NotoSans") {
					i += 2
				}
				return []string{sf.faces[i], Fallback}
			}
		}
	}
	if unicode.Is(unicode.Hangul, r) {
		return []string{FallbackKorean, Fallback}
	}
	return []string{Fallback, FallbackKorean}
}

// Shaped reports whether the face called name is one of a script's faces,
// whose text is always shaped: its letters take their forms, and its
// marks their places, from the font's OpenType tables.
func Shaped(name string) bool {
	for _, sf := range scriptFaces {
		if slices.Contains(sf.faces[:], name) {
			return true
		}
	}
	return false
}

// Names lists every embedded face.
func Names() []string {
	return []string{
		SerifRegular, SerifItalic, SerifBold, SerifBoldItalic,
		SansRegular, SansBold, MonoRegular, Fallback, FallbackKorean,
		ArabicSerif, ArabicSerifBold, ArabicSans, ArabicSansBold,
		HebrewSerif, HebrewSerifBold, HebrewSans, HebrewSansBold,
		DevanagariSerif, DevanagariBold, DevanagariSans, DevanagariSansBd,
		ThaiSerif, ThaiSerifBold, ThaiSans, ThaiSansBold,
	}
}

//go:embed *.ttf
var files embed.FS

// The files again, as strings: a string can be handed out without a copy,
// and the linker stores the bytes of a file embedded twice once.
var (
	//go:embed NotoSerif-Regular.ttf
	serifRegular string
	//go:embed NotoSerif-Italic.ttf
	serifItalic string
	//go:embed NotoSerif-Bold.ttf
	serifBold string
	//go:embed NotoSerif-BoldItalic.ttf
	serifBoldItalic string
	//go:embed NotoSans-Regular.ttf
	sansRegular string
	//go:embed NotoSans-Bold.ttf
	sansBold string
	//go:embed NotoSansMono-Regular.ttf
	monoRegular string
	//go:embed DroidSansFallbackFull.ttf
	fallback string
	//go:embed NanumMyeongjo.ttf
	fallbackKorean string
	//go:embed NotoNaskhArabic-Regular.ttf
	arabicSerif string
	//go:embed NotoNaskhArabic-Bold.ttf
	arabicSerifBold string
	//go:embed NotoSansArabic-Regular.ttf
	arabicSans string
	//go:embed NotoSansArabic-Bold.ttf
	arabicSansBold string
	//go:embed NotoSerifHebrew-Regular.ttf
	hebrewSerif string
	//go:embed NotoSerifHebrew-Bold.ttf
	hebrewSerifBold string
	//go:embed NotoSansHebrew-Regular.ttf
	hebrewSans string
	//go:embed NotoSansHebrew-Bold.ttf
	hebrewSansBold string
	//go:embed NotoSerifDevanagari-Regular.ttf
	devanagariSerif string
	//go:embed NotoSerifDevanagari-Bold.ttf
	devanagariBold string
	//go:embed NotoSansDevanagari-Regular.ttf
	devanagariSans string
	//go:embed NotoSansDevanagari-Bold.ttf
	devanagariSansBold string
	//go:embed NotoSerifThai-Regular.ttf
	thaiSerif string
	//go:embed NotoSerifThai-Bold.ttf
	thaiSerifBold string
	//go:embed NotoSansThai-Regular.ttf
	thaiSans string
	//go:embed NotoSansThai-Bold.ttf
	thaiSansBold string
)

// Data returns the TrueType file of the named face without copying it: the
// string is the file as the binary holds it. Parsers read it in place, as
// with strings.NewReader, where Bytes would copy up to 4 MB.
func Data(name string) (string, error) {
	switch name {
	case SerifRegular:
		return serifRegular, nil
	case SerifItalic:
		return serifItalic, nil
	case SerifBold:
		return serifBold, nil
	case SerifBoldItalic:
		return serifBoldItalic, nil
	case SansRegular:
		return sansRegular, nil
	case SansBold:
		return sansBold, nil
	case MonoRegular:
		return monoRegular, nil
	case Fallback:
		return fallback, nil
	case FallbackKorean:
		return fallbackKorean, nil
	case ArabicSerif:
		return arabicSerif, nil
	case ArabicSerifBold:
		return arabicSerifBold, nil
	case ArabicSans:
		return arabicSans, nil
	case ArabicSansBold:
		return arabicSansBold, nil
	case HebrewSerif:
		return hebrewSerif, nil
	case HebrewSerifBold:
		return hebrewSerifBold, nil
	case HebrewSans:
		return hebrewSans, nil
	case HebrewSansBold:
		return hebrewSansBold, nil
	case DevanagariSerif:
		return devanagariSerif, nil
	case DevanagariBold:
		return devanagariBold, nil
	case DevanagariSans:
		return devanagariSans, nil
	case DevanagariSansBd:
		return devanagariSansBold, nil
	case ThaiSerif:
		return thaiSerif, nil
	case ThaiSerifBold:
		return thaiSerifBold, nil
	case ThaiSans:
		return thaiSans, nil
	case ThaiSansBold:
		return thaiSansBold, nil
	}
	return "", fmt.Errorf("font %q: not embedded", name)
}

// View returns the TrueType file of the named face as bytes without
// copying it: the slice is the binary's own copy of the file, which a
// parser that takes bytes (x/image's sfnt) reads in place. The caller must
// not write to it; where that cannot be promised, Bytes copies.
func View(name string) ([]byte, error) {
	s, err := Data(name)
	if err != nil {
		return nil, err
	}
	return unsafe.Slice(unsafe.StringData(s), len(s)), nil
}

// Bytes returns a copy of the TrueType file of the named face.
func Bytes(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".ttf")
	if err != nil {
		return nil, fmt.Errorf("font %q: not embedded", name)
	}
	return b, nil
}
