package pdf

import (
	"fmt"
	"hash"
	"hash/fnv"
	"io"
	"math/bits"
	"sort"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/ttf"
)

// A face is one typeface the document sets text in.
type face struct {
	name string      // as package fonts names it: "NotoSerif-Regular"
	text hash.Hash64 // of all the text set in it, to name its subset
	font *ttf.Font   // the subset of it to embed
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

// usedFaces returns the names of the faces the document's text is set in,
// sorted, and the runes drawn in each: only these faces are embedded, and
// of each only the glyphs of these runes.
func usedFaces(doc *layout.Document) ([]string, map[string]*runeSet) {
	used := make(map[string]*runeSet)
	var names []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			t, ok := it.(*layout.TextItem)
			if !ok {
				continue
			}
			set := used[t.Font]
			if set == nil {
				set = new(runeSet)
				used[t.Font] = set
				names = append(names, t.Font)
			}
			for _, r := range t.Text {
				set.add(r)
			}
		}
	}
	sort.Strings(names)
	return names, used
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
		sub, err := ttf.Subset(file, used[name].runes())
		if err != nil {
			return fmt.Errorf("pdf: font %q: %w", name, err)
		}
		d.f.AddFontFromBytes(name, "", standIn(name), nil)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("pdf: font %q: fpdf: %w", name, err)
		}
		d.faces[name] = &face{name: name, text: fnv.New64a(), font: sub}
	}
	return nil
}
