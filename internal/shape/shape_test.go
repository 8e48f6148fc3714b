package shape

import (
	"testing"

	"github.com/pressroom/publish/assets/fonts"
)

// TestShape checks what shaping is for, script by script: Arabic letters
// join (a word's glyphs are not the letters' isolated forms) and come right
// to left, and lam-alef is not two isolated letters; a Devanagari conjunct
// takes fewer glyphs than its characters and the i-matra goes before its
// consonant; Hebrew points sit on their letter without moving the pen; and
// Latin keeps a glyph a letter.
func TestShape(t *testing.T) {
	fs := NewFonts()
	tests := []struct {
		name  string
		face  string
		text  string
		rtl   bool
		check func(t *testing.T, g []Glyph, text []rune)
	}{
		{"Arabic joins", fonts.ArabicSerif, "سلام", true, func(t *testing.T, g []Glyph, text []rune) {
			iso := shapeEach(t, fs, fonts.ArabicSerif, text)
			same := 0
			for i := range g {
				if g[i].ID == iso[len(iso)-1-i] {
					same++
				}
			}
			if same == len(g) {
				t.Errorf("glyphs %v are the isolated forms %v: nothing joined", ids(g), iso)
			}
			if g[0].Cluster < g[len(g)-1].Cluster {
				t.Errorf("clusters %v: not right to left", clusters(g))
			}
		}},
		{"lam-alef", fonts.ArabicSerif, "لا", true, func(t *testing.T, g []Glyph, text []rune) {
			iso := shapeEach(t, fs, fonts.ArabicSerif, text)
			if len(g) == 2 && g[0].ID == iso[1] && g[1].ID == iso[0] {
				t.Errorf("glyphs %v are the isolated lam and alef", ids(g))
			}
		}},
		{"Devanagari conjunct", fonts.DevanagariSerif, "क्ष", false, func(t *testing.T, g []Glyph, text []rune) {
			if len(g) >= len(text) {
				t.Errorf("%d glyphs for %d characters: no conjunct", len(g), len(text))
			}
		}},
		{"Devanagari i-matra before its consonant", fonts.DevanagariSerif, "कि", false, func(t *testing.T, g []Glyph, text []rune) {
			iso := shapeEach(t, fs, fonts.DevanagariSerif, text)
			if len(g) != 2 || g[1].ID != iso[0] {
				t.Errorf("glyphs %v, want the matra's glyph first and then the consonant %d", ids(g), iso[0])
			}
		}},
		{"Hebrew points on their letter", fonts.HebrewSerif, "שָׁ", true, func(t *testing.T, g []Glyph, _ []rune) {
			adv, widest := 0.0, 0.0
			for _, gl := range g {
				adv += gl.Advance
				widest = max(widest, gl.Advance)
			}
			if len(g) != 3 || adv != widest {
				t.Errorf("glyphs %+v: want a letter and two points that do not move the pen", g)
			}
		}},
		{"Latin", fonts.SerifRegular, "Type", false, func(t *testing.T, g []Glyph, text []rune) {
			if len(g) != len(text) {
				t.Errorf("%d glyphs for %q", len(g), string(text))
			}
			for _, gl := range g {
				if gl.ID == 0 || gl.Advance <= 0 {
					t.Errorf("glyph %+v", gl)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fs.NewShaper()
			text := []rune(tt.text)
			g, err := s.Shape(nil, tt.face, text, 0, len(text), tt.rtl)
			if err != nil {
				t.Fatal(err)
			}
			if len(g) == 0 {
				t.Fatal("no glyphs")
			}
			tt.check(t, g, text)
		})
	}
}

// shapeEach returns the glyph of each character shaped alone.
func shapeEach(t *testing.T, fs *Fonts, face string, text []rune) []uint16 {
	t.Helper()
	s := fs.NewShaper()
	var out []uint16
	for i := range text {
		g, err := s.Shape(nil, face, text[i:i+1], 0, 1, false)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, g[0].ID)
	}
	return out
}

func ids(g []Glyph) []uint16 {
	var out []uint16
	for _, gl := range g {
		out = append(out, gl.ID)
	}
	return out
}

func clusters(g []Glyph) []int {
	var out []int
	for _, gl := range g {
		out = append(out, gl.Cluster)
	}
	return out
}

// TestNeededCoversScriptFaces checks that every character the fonts send
// to a script's own face (fonts.FallbackChain) is shaped: the two tables
// of blocks are kept apart, for different questions, and must not drift.
func TestNeededCoversScriptFaces(t *testing.T) {
	for r := rune(0x0590); r <= 0xFFFF; r++ {
		face := fonts.FallbackChain(r, "NotoSerif-Regular")[0]
		if face == fonts.Fallback || face == fonts.FallbackKorean {
			continue
		}
		if !Needed(string(r)) {
			t.Errorf("%U goes to %s but is not shaped", r, face)
		}
	}
}
