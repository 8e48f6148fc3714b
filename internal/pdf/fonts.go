package pdf

import (
	"cmp"
	"fmt"
	"hash"
	"hash/fnv"
	"io"
	"maps"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/ttf"
)

// A face is one typeface the document sets text in.
type face struct {
	name string      // as package fonts names it: "NotoSerif-Regular"
	text hash.Hash64 // of all the text set in it, to name its subset
	font *ttf.Font   // the subset of it to embed
	// last is the highest code the text uses, which may be past the
	// subset's last rune: a character the face lacks is drawn as its
	// missing glyph, glyph 0.
	last rune
	// codes are the codes of the shaped glyphs, and shaped what each
	// code, from firstGlyphCode on, draws and stands for.
	codes  map[shapedKey]uint16
	shaped []shapedCode
}

// A shapedKey is a shaped glyph as a face's code draws it: the glyph, by
// its number in the full font, and the text it stands for. The same glyph
// stands for different text in different clusters (an alef alone, an
// alef under its vowel mark), so each pair has a code of its own.
type shapedKey struct {
	id   uint16
	text string
}

// A shapedCode is what a shaped glyph's code draws: a glyph of the
// subset, its advance in font units, and the text it stands for.
type shapedCode struct {
	glyph, advance uint16
	text           string
}

func (fc *face) use(s string) { io.WriteString(fc.text, s) }

// subsetName is the name the finished file gives the font: a tag of six
// capital letters, a plus sign and the face name, which marks an embedded
// subset (ISO 32000-1, 9.6.4). The tag comes from the text set in the face,
// so equal inputs give equal names and different subsets different ones.
func (fc *face) subsetName() string {
	sum := fc.text.Sum64()
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + byte(sum%26)
		sum /= 26
	}
	return string(tag[:]) + "+" + fc.name
}

// runeSet is a set of runes of the Basic Multilingual Plane, the only
// ones fpdf can draw (see bmpOnly).
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r > 0xFFFF {
		r = '\uFFFD'
	}
	s[r/64] |= 1 << (r % 64)
}

func (s *runeSet) runes() []rune {
	var rs []rune
	for i, w := range s {
		for ; w != 0; w &= w - 1 {
			rs = append(rs, rune(i*64+bits.TrailingZeros64(w)))
		}
	}
	return rs
}

// A faceUse is what a document draws in one face: runes, each by its
// own code, and glyphs a shaper chose, by number, each with the text of
// its first cluster.
type faceUse struct {
	runes  runeSet
	shaped map[shapedKey]bool
}

// usedFaces returns the names of the faces the document's text is set in,
// sorted, and what is drawn in each: only these faces are embedded, and
// of each only these glyphs.
func usedFaces(doc *layout.Document) ([]string, map[string]*faceUse) {
	used := make(map[string]*faceUse)
	var names []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*layout.TextItem)
			if !ok {
				continue
			}
			u := used[t.Font]
			if u == nil {
				u = new(faceUse)
				used[t.Font] = u
				names = append(names, t.Font)
			}
			if t.Shaped != nil {
				if u.shaped == nil {
					u.shaped = make(map[shapedKey]bool)
				}
				for _, g := range t.Shaped.Glyphs {
					u.shaped[shapedKey{g.ID, glyphText(g.Text, t.Shaped.RightToLeft)}] = true
				}
				continue
			}
			for _, r := range t.Text {
				u.runes.add(r)
			}
		}
	}
	sort.Strings(names)
	return names, used
}

// glyphText is what a shaped glyph's code stands for in the ToUnicode
// CMap: its text, but backwards in right-to-left text. Text extractors
// (poppler, pdf.js) read right-to-left glyphs in the order they are drawn
// and reverse the characters they stand for, so a ligature that stands
// for two letters is given them drawn order too, to come back right.
func glyphText(s string, rtl bool) string {
	if !rtl || len(s) <= 1 {
		return s
	}
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// Glyphs chosen by a shaper are drawn by codes of their own, taken from
// the UTF-16 surrogates, which no character's code can be: the subset's
// CIDToGIDMap maps them to the glyphs, and the face's ToUnicode CMap to
// the text each stands for.
const (
	firstGlyphCode = 0xD800
	lastGlyphCode  = 0xDFFF
)

// assignCodes gives each shaped glyph of keys, sorted, a code. Past the
// codes there are, a glyph takes the code its first text took: it draws
// the same, and only a text extractor may read it wrong.
func (fc *face) assignCodes(keys []shapedKey, sub *ttf.Font) {
	if len(keys) == 0 {
		return
	}
	fc.codes = make(map[shapedKey]uint16, len(keys))
	first := make(map[uint16]uint16)
	for _, k := range keys {
		i, ok := slices.BinarySearch(sub.Extra, k.id)
		if !ok {
			continue // past the font's glyphs: nothing to draw
		}
		if len(fc.shaped) > lastGlyphCode-firstGlyphCode {
			if c, ok := first[k.id]; ok {
				fc.codes[k] = c
			}
			continue
		}
		code := uint16(firstGlyphCode + len(fc.shaped))
		fc.shaped = append(fc.shaped, shapedCode{glyph: sub.ExtraGlyphs[i], advance: sub.ExtraAdvances[i], text: k.text})
		fc.codes[k] = code
		if _, ok := first[k.id]; !ok {
			first[k.id] = code
		}
	}
	if n := len(fc.shaped); n > 0 {
		fc.last = max(fc.last, rune(firstGlyphCode+n-1))
	}
}

// loadFaces cuts every face the document uses down to the glyphs it draws
// and gives fpdf a stand-in for each (see embed.go).
func (d *drawer) loadFaces() error {
	names, used := usedFaces(d.doc)
	for _, name := range names {
		file, err := fonts.Data(name)
		if err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		u := used[name]
		runes := u.runes.runes()
		// In order, so that equal documents number their codes alike.
		keys := slices.SortedFunc(maps.Keys(u.shaped), func(a, b shapedKey) int {
			return cmp.Or(cmp.Compare(a.id, b.id), strings.Compare(a.text, b.text))
		})
		var glyphs []uint16
		for _, k := range keys {
			glyphs = append(glyphs, k.id)
		}
		sub, err := ttf.SubsetGlyphs(file, runes, glyphs)
		if err != nil {
			return fmt.Errorf("pdf: font %q: %w", name, err)
		}
		d.f.AddFontFromBytes(name, "", standIn(name), nil)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("pdf: font %q: fpdf: %w", name, err)
		}
		fc := &face{name: name, text: fnv.New64a(), font: sub}
		if len(runes) > 0 {
			fc.last = runes[len(runes)-1]
		}
		fc.assignCodes(keys, sub)
		d.faces[name] = fc
	}
	return nil
}
