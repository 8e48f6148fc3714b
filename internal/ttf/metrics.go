package ttf

import (
	"errors"
	"fmt"
)

// Metrics are the facts about a whole font that a PDF font descriptor
// records (ISO 32000-1, 9.8.1), in font units.
type Metrics struct {
	UnitsPerEm int
	// Ascent and Descent are hhea's ascender and descender (Descent is
	// negative); CapHeight is OS/2's sCapHeight, or Ascent when OS/2 is
	// older than version 2 or missing.
	Ascent, Descent, CapHeight int
	// XMin, YMin, XMax and YMax bound every glyph (head).
	XMin, YMin, XMax, YMax int
	// ItalicAngle is post's italicAngle in degrees, negative for a face
	// that leans right.
	ItalicAngle float64
	// Weight is OS/2's usWeightClass: 400 regular, 700 bold; 500 without
	// OS/2.
	Weight int
	// FixedPitch says that every glyph has the same advance (post).
	FixedPitch bool
	// MissingWidth is the advance of .notdef, drawn for a missing glyph.
	MissingWidth int
}

// metrics reads the Metrics of a font from its tables; missingWidth is
// the advance of glyph 0.
func metrics(tabs map[string]string, missingWidth uint16) (Metrics, error) {
	head, hhea, post := data{S: tabs["head"]}, data{S: tabs["hhea"]}, data{S: tabs["post"]}
	m := Metrics{
		UnitsPerEm:   int(head.U16(18)),
		XMin:         int(head.I16(36)),
		YMin:         int(head.I16(38)),
		XMax:         int(head.I16(40)),
		YMax:         int(head.I16(42)),
		Ascent:       int(hhea.I16(4)),
		Descent:      int(hhea.I16(6)),
		MissingWidth: int(missingWidth),
		Weight:       500,
	}
	if err := errors.Join(head.Err, hhea.Err); err != nil {
		return Metrics{}, fmt.Errorf("head or hhea: %w", err)
	}
	if m.UnitsPerEm == 0 {
		return Metrics{}, errors.New("head: 0 units per em")
	}
	m.CapHeight = m.Ascent
	if os2, ok := tabs["OS/2"]; ok {
		d := data{S: os2}
		m.Weight = int(d.U16(4))
		if d.U16(0) >= 2 && len(os2) >= 90 {
			m.CapHeight = int(d.I16(88))
		}
		if d.Err != nil {
			return Metrics{}, fmt.Errorf("OS/2: %w", d.Err)
		}
	}
	if len(post.S) >= 16 {
		m.ItalicAngle = float64(int32(post.U32(4))) / 65536 // 16.16 fixed
		m.FixedPitch = post.U32(12) != 0
	}
	return m, nil
}
