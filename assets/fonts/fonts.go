// Package fonts holds the typefaces publish sets text in, embedded in the
// binary so that a PDF or EPUB looks the same on every machine.
//
// The Noto faces are under the SIL Open Font License 1.1 (OFL.txt), Nanum
// Myeongjo under the same licence (OFL-Nanum.txt), Droid Sans Fallback under
// the Apache License 2.0 (LICENSE-Apache-2.0.txt). All are TrueType (glyf
// outlines), which every PDF library can subset.
package fonts

import (
	"embed"
	"fmt"
	"unicode"
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
)

// FallbackChain lists, in order, the faces that set character r when the
// article's own faces lack it. Hangul goes to the Korean face first, so a
// word is never set in two faces for the few syllables Droid Sans Fallback
// also has.
func FallbackChain(r rune) []string {
	if unicode.Is(unicode.Hangul, r) {
		return []string{FallbackKorean, Fallback}
	}
	return []string{Fallback, FallbackKorean}
}

// Names lists every embedded face.
func Names() []string {
	return []string{
		SerifRegular, SerifItalic, SerifBold, SerifBoldItalic,
		SansRegular, SansBold, MonoRegular, Fallback, FallbackKorean,
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
	}
	return "", fmt.Errorf("font %q: not embedded", name)
}

// Bytes returns a copy of the TrueType file of the named face.
func Bytes(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".ttf")
	if err != nil {
		return nil, fmt.Errorf("font %q: not embedded", name)
	}
	return b, nil
}
