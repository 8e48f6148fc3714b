// Package shape sets runs of text in the glyphs a font's OpenType tables
// choose for them: Arabic letters in their joining forms and ligatures,
// Devanagari's reordered vowels and conjuncts, Thai's and Hebrew's marks on
// their bases, with the font's own positioning (GPOS). It is what the
// layout engine asks for text that one glyph a character cannot set.
//
// The shaping is go-text's port of HarfBuzz (github.com/go-text/typesetting),
// the shaper browsers, LibreOffice and XeTeX use, rather than a copy of
// some of its script rules: shaping is a large body of rules per script,
// and getting a few of them right is getting the script wrong.
//
// Values are in em, as package typeface gives them, and glyphs come in
// visual order, left to right, whatever the text's direction. What a
// caller asks of a text's direction before shaping it (which way it reads,
// which characters attach to the one before, the order of a line's pieces)
// is here too, so that the layout and the EPUB cover answer it alike.
package shape

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"

	"github.com/pressroom/publish/assets/fonts"
)

// Fonts holds the embedded faces parsed for shaping, each on first use
// and only once. A Fonts is safe for concurrent use; the Shapers it makes
// are not.
type Fonts struct {
	fonts []lazyFont // fixed at construction, read without a lock
	// shapers keeps Shapers between documents, with the plans HarfBuzz
	// compiled for each face: making them again costs a document more
	// than shaping its words.
	shapers sync.Pool
}

type lazyFont struct {
	name string
	once sync.Once
	font *font.Font
	err  error
}

// NewFonts returns the faces of package fonts, none parsed yet.
func NewFonts() *Fonts {
	names := fonts.Names()
	fs := &Fonts{fonts: make([]lazyFont, len(names))}
	for i, name := range names {
		fs.fonts[i].name = name
	}
	return fs
}

// font returns the parsed face called name.
func (fs *Fonts) font(name string) (*font.Font, error) {
	for i := range fs.fonts {
		lf := &fs.fonts[i]
		if lf.name != name {
			continue
		}
		lf.once.Do(func() {
			data, err := fonts.Data(name)
			if err != nil {
				lf.err = err
				return
			}
			face, err := font.ParseTTF(strings.NewReader(data))
			if err != nil {
				lf.err = fmt.Errorf("shape: face %q: %w", name, err)
				return
			}
			lf.font = face.Font
		})
		return lf.font, lf.err
	}
	return nil, fmt.Errorf("shape: face %q: not embedded", name)
}

// A Shaper shapes text in the faces of its Fonts. It keeps a face's
// shaping plans from one call to the next, so one Shaper serves a whole
// document; it is not safe for concurrent use.
type Shaper struct {
	fonts *Fonts
	faces map[string]*hbFace
	buf   *harfbuzz.Buffer
	lang  language.Language
}

type hbFace struct {
	font *harfbuzz.Font
	upem float64
}

// NewShaper returns a Shaper for the faces of fs, one that Release gave
// back if there is one.
func (fs *Fonts) NewShaper() *Shaper {
	if s, ok := fs.shapers.Get().(*Shaper); ok {
		return s
	}
	return &Shaper{fonts: fs, faces: map[string]*hbFace{}}
}

// Release gives s back to its Fonts for a later NewShaper; s must not be
// used after.
func (s *Shaper) Release() {
	s.lang = ""
	s.fonts.shapers.Put(s)
}

// SetLanguage sets the language of the text to shape next, a BCP 47 tag
// ("ar", "hi", "fa-IR"), which selects a font's language forms: the same
// letters differ in Urdu and in Arabic. Empty means none in particular.
func (s *Shaper) SetLanguage(tag string) {
	s.lang = language.NewLanguage(tag)
}

// A Glyph is one glyph of shaped text.
type Glyph struct {
	ID uint16 // the glyph's number in the face
	// Advance is how far the pen moves after the glyph; X and Y move the
	// glyph from the pen without moving it, Y upward. All in em.
	Advance, X, Y float64
	// Cluster is the index, in the runes given to Shape, of the first
	// character of the cluster the glyph belongs to: every glyph of a
	// ligature, a base with its marks or a conjunct has the same.
	Cluster int
}

// Shape appends to dst the glyphs of text[start:end] set in the face
// called name, in visual order, and returns it. rtl sets the run right
// to left. The text around the run is context: an Arabic letter takes its
// joining form from its neighbours even across runs. A character the face
// lacks is its missing glyph, 0.
func (s *Shaper) Shape(dst []Glyph, name string, text []rune, start, end int, rtl bool) ([]Glyph, error) {
	f, err := s.face(name)
	if err != nil {
		return dst, err
	}
	if s.buf == nil {
		s.buf = harfbuzz.NewBuffer()
	} else {
		s.buf.Clear()
	}
	b := s.buf
	b.AddRunes(text, start, end-start)
	b.Props.Direction = harfbuzz.LeftToRight
	if rtl {
		b.Props.Direction = harfbuzz.RightToLeft
	}
	b.Props.Language = s.lang
	if b.Props.Language == "" {
		// Set, so that the process's locale, which HarfBuzz would take,
		// never changes a document.
		b.Props.Language = language.NewLanguage("und")
	}
	b.GuessSegmentProperties() // the script, from the run's letters
	b.Shape(f.font, nil)
	for i, info := range b.Info {
		p := b.Pos[i]
		dst = append(dst, Glyph{
			ID:      uint16(info.Glyph),
			Advance: float64(p.XAdvance) / f.upem,
			X:       float64(p.XOffset) / f.upem,
			Y:       float64(p.YOffset) / f.upem,
			Cluster: info.Cluster,
		})
	}
	return dst, nil
}

// face returns the HarfBuzz font of the face called name, made on first
// use, at a scale of one unit per font unit.
func (s *Shaper) face(name string) (*hbFace, error) {
	if f, ok := s.faces[name]; ok {
		return f, nil
	}
	ft, err := s.fonts.font(name)
	if err != nil {
		return nil, err
	}
	hf := harfbuzz.NewFont(font.NewFace(ft))
	f := &hbFace{font: hf, upem: float64(ft.Upem())}
	s.faces[name] = f
	return f, nil
}
