package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/layout"
)

// embedded is one font of a written file, as a viewer finds it.
type embedded struct {
	widths   map[int]int // /W: code -> width in thousandths of an em
	dw       int
	cidToGID []byte
	program  *sfnt.Font
}

// embeddedFonts reads the fonts of a file Write made, by face name.
func embeddedFonts(t *testing.T, file []byte) map[string]*embedded {
	t.Helper()
	f, err := parseFpdf(file) // Write's output has fpdf's shape
	if err != nil {
		t.Fatal(err)
	}
	objs := make(map[int][]byte)
	for _, o := range f.objects {
		objs[o.num] = o.text
	}
	ref := func(text []byte, key string) []byte {
		m := regexp.MustCompile(key + ` \[?(\d+) 0 R`).FindSubmatch(text)
		if m == nil {
			t.Fatalf("no %s in %s", key, text)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return objs[n]
	}
	stream := func(text []byte) []byte {
		_, data, ok := bytes.Cut(text, []byte("stream\n"))
		if !ok {
			t.Fatalf("not a stream: %.100s", text)
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	out := make(map[string]*embedded)
	for _, o := range f.objects {
		m := regexp.MustCompile(`/Subtype /Type0\n/BaseFont /[A-Z]{6}\+(\S+)`).FindSubmatch(o.text)
		if m == nil {
			continue
		}
		cid := ref(o.text, "/DescendantFonts")
		e := &embedded{widths: make(map[int]int)}
		if m := regexp.MustCompile(`/DW (\d+)`).FindSubmatch(cid); m != nil {
			e.dw, _ = strconv.Atoi(string(m[1]))
		}
		w := regexp.MustCompile(`(?s)/W \[(.*?)\s*\]\n`).FindSubmatch(cid)
		if w == nil {
			t.Fatalf("no /W in %s", cid)
		}
		// Entries are "c [w1 w2 ...]" or "c1 c2 w" (ISO 32000-1, 9.7.4.3).
		tokens := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(string(w[1])))
		for i := 0; i < len(tokens); {
			c, _ := strconv.Atoi(tokens[i])
			if tokens[i+1] == "[" {
				i += 2
				for ; tokens[i] != "]"; i, c = i+1, c+1 {
					e.widths[c], _ = strconv.Atoi(tokens[i])
				}
				i++
				continue
			}
			last, _ := strconv.Atoi(tokens[i+1])
			width, _ := strconv.Atoi(tokens[i+2])
			for ; c <= last; c++ {
				e.widths[c] = width
			}
			i += 3
		}
		e.cidToGID = stream(ref(cid, "/CIDToGIDMap"))
		if e.program, err = sfnt.Parse(stream(ref(ref(cid, "/FontDescriptor"), "/FontFile2"))); err != nil {
			t.Fatalf("%s: font program: %v", m[1], err)
		}
		out[string(m[1])] = e
	}
	return out
}

// TestEmbeddedFonts reads every embedded font of the sample back as a
// viewer would and checks each character drawn: its width in /W, and the
// glyph CIDToGIDMap gives it in the embedded program, against the full
// face as sfnt reads it.
func TestEmbeddedFonts(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	var b bytes.Buffer
	if err := Write(context.Background(), &b, pub, doc, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	got := embeddedFonts(t, b.Bytes())
	names, used := usedFaces(doc)
	if gotNames := slices.Sorted(func(yield func(string) bool) {
		for name := range got {
			if !yield(name) {
				return
			}
		}
	}); !slices.Equal(gotNames, names) {
		t.Fatalf("embedded %v, want %v", gotNames, names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			e := got[name]
			data, err := fonts.Bytes(name)
			if err != nil {
				t.Fatal(err)
			}
			full, err := sfnt.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			upem := fixed.Int26_6(full.UnitsPerEm())
			var fb, eb sfnt.Buffer
			for _, r := range used[name].runes.runes() {
				g, _ := full.GlyphIndex(&fb, r)
				if g == 0 {
					if _, ok := e.widths[int(r)]; ok {
						t.Errorf("%U: the face lacks it, but /W lists it", r)
					}
					continue
				}
				adv, _ := full.GlyphAdvance(&fb, g, upem, font.HintingNone)
				if want := int(float64(adv)*1000/float64(upem) + 0.5); e.widths[int(r)] != want {
					t.Errorf("%U: width %d, want %d", r, e.widths[int(r)], want)
				}
				if 2*int(r)+1 >= len(e.cidToGID) {
					t.Errorf("%U: beyond CIDToGIDMap", r)
					continue
				}
				eg := sfnt.GlyphIndex(e.cidToGID[2*r])<<8 | sfnt.GlyphIndex(e.cidToGID[2*r+1])
				want, err := full.LoadGlyph(&fb, g, upem, nil)
				if err != nil {
					t.Fatal(err)
				}
				want = slices.Clone(want)
				have, err := e.program.LoadGlyph(&eb, eg, upem, nil)
				if err != nil || !slices.Equal(have, want) {
					t.Errorf("%U: embedded glyph %d differs from the face's glyph %d (%v)", r, eg, g, err)
				}
			}
		})
	}
}

// TestUsedFaces checks which runes are embedded: every rune drawn in a face,
// and U+FFFD for those beyond the Basic Multilingual Plane.
func TestUsedFaces(t *testing.T) {
	doc := &layout.Document{Pages: []layout.Page{
		{Items: []layout.Item{
			&layout.TextItem{Font: fonts.SerifRegular, Text: "abc"},
			&layout.RuleItem{},
			&layout.TextItem{Font: fonts.SansBold, Text: "Zé"},
		}},
		{Items: []layout.Item{
			&layout.TextItem{Font: fonts.SerifRegular, Text: "cab\U0001F600"},
		}},
	}}
	names, used := usedFaces(doc)
	if want := []string{fonts.SansBold, fonts.SerifRegular}; !slices.Equal(names, want) {
		t.Errorf("faces %v, want %v", names, want)
	}
	for _, tt := range []struct {
		face, runes string
	}{
		{fonts.SerifRegular, "abc\uFFFD"},
		{fonts.SansBold, "Zé"},
	} {
		if got := string(used[tt.face].runes.runes()); got != tt.runes {
			t.Errorf("%s: runes %q, want %q", tt.face, got, tt.runes)
		}
	}
}
