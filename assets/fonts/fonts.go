// Package fonts holds the typefaces publish sets text in, embedded in the
// binary so that a PDF or EPUB looks the same on every machine.
//
// The Noto faces are under the SIL Open Font License 1.1 (OFL.txt), Droid
// Sans Fallback under the Apache License 2.0 (LICENSE-Apache-2.0.txt). All
// are TrueType (glyf outlines), which every PDF library can subset.
package fonts

import (
	"embed"
	"fmt"
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
	// Fallback covers Chinese, Japanese and Korean, which the Noto faces
	// above do not.
	Fallback = "DroidSansFallbackFull"
)

// Names lists every embedded face.
func Names() []string {
	return []string{
		SerifRegular, SerifItalic, SerifBold, SerifBoldItalic,
		SansRegular, SansBold, MonoRegular, Fallback,
	}
}

//go:embed *.ttf
var files embed.FS

// Bytes returns a copy of the TrueType file of the named face.
func Bytes(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".ttf")
	if err != nil {
		return nil, fmt.Errorf("font %q: not embedded", name)
	}
	return b, nil
}
