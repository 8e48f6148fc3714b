package pdf

import (
	"fmt"
	"hash"
	"hash/fnv"
	"io"
	"sort"
	"strings"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
)

// A face is one typeface the document sets text in.
type face struct {
	name string      // as package fonts names it: "NotoSerif-Regular"
	text hash.Hash64 // of all the text set in it, to name its subset
}

func (fc *face) use(s string) { io.WriteString(fc.text, s) }

// fpdfName is the font name fpdf writes: its lower-cased key after "utf8".
func (fc *face) fpdfName() string { return "utf8" + strings.ToLower(fc.name) }

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

// usedFaces returns the names of the faces the document's text is set in,
// sorted: only these are parsed and embedded, as parsing a face is the
// costliest part of writing a PDF.
func usedFaces(doc *layout.Document) []string {
	seen := make(map[string]bool)
	var names []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*layout.TextItem); ok && !seen[t.Font] {
				seen[t.Font] = true
				names = append(names, t.Font)
			}
		}
	}
	sort.Strings(names)
	return names
}

// loadFaces gives fpdf every face the document uses.
func (d *drawer) loadFaces() error {
	for _, name := range usedFaces(d.doc) {
		b, err := fonts.Bytes(name)
		if err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		d.f.AddUTF8FontFromBytes(name, "", b)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("pdf: font %q: fpdf: %w", name, err)
		}
		// fpdf prints a parse failure instead of recording it; a face
		// it did not add has no metrics.
		if d.f.GetFontDesc(name, "").Ascent == 0 {
			return fmt.Errorf("pdf: font %q: fpdf could not parse it", name)
		}
		d.faces[name] = &face{name: name, text: fnv.New64a()}
	}
	return nil
}
