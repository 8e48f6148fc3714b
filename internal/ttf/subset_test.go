package ttf

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
)

// Texts to cut the faces for. Accented letters are composite glyphs in the
// Noto faces (a base letter and a mark), so they test that components come
// along and are renumbered.
const (
	latin = "The quick brown fox jumps over the lazy dog — “Quoted”, ‘single’, 1–2, 3.14%, #@&*!? " +
		"ÀÉÎÕÜ àéîõü çÇ ñÑ ŵŷ ǺǻǼǽ ąęį łŁ őű śźż ČŠŽ čšž ő ﬁﬂ ß Æ Œ ƒ € £ ¥ © ® ™ … • · ¶ § † ‡"
	greekCyrillic = "Ελληνικά Ἀθῆναι Русский язык Ёё Її"
	cjk           = "中国和朝鲜再次成为朋友。北京、平壤、東京、서울、ひらがな、カタカナ。"
	astral        = "\U0001F67C\U0001F67F\U00010400\U0001044F"
)

func face(t testing.TB, name string) (string, *sfnt.Font) {
	t.Helper()
	s, err := fonts.Data(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse([]byte(s))
	if err != nil {
		t.Fatalf("sfnt.Parse(%s): %v", name, err)
	}
	return s, f
}

// TestSubsetFaces cuts every embedded face and checks, for every rune of
// the text, that the subset has the same glyph as the full font: the same
// advance and the same outline, composites resolved. Runes the face lacks
// must stay missing.
func TestSubsetFaces(t *testing.T) {
	for _, tt := range []struct {
		name string
		text string
	}{
		{fonts.SerifRegular, latin + greekCyrillic},
		{fonts.SerifItalic, latin + greekCyrillic},
		{fonts.SerifBold, latin + greekCyrillic},
		{fonts.SerifBoldItalic, latin + greekCyrillic},
		{fonts.SansRegular, latin + greekCyrillic},
		{fonts.SansBold, latin + greekCyrillic},
		{fonts.MonoRegular, latin + astral},
		{fonts.Fallback, cjk + latin + astral},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file, full := face(t, tt.name)
			sf, err := Subset(file, []rune(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			b := sf.Data
			sub, err := sfnt.Parse(b)
			if err != nil {
				t.Fatalf("sfnt.Parse(subset): %v", err)
			}
			if got, limit := sub.NumGlyphs(), 2*len([]rune(tt.text)); got > limit {
				t.Errorf("subset has %d glyphs, want at most %d", got, limit)
			}
			if len(b) > len(file)/4 {
				t.Errorf("subset is %d bytes of %d", len(b), len(file))
			}
			sameGlyphs(t, full, sub, tt.text)
			sameRunes(t, full, sub, sf, tt.text)
			for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDFull, sfnt.NameIDPostScript} {
				want, _ := full.Name(nil, id)
				if got, err := sub.Name(nil, id); got != want || err != nil {
					t.Errorf("name %d = %q, %v; want %q", id, got, err, want)
				}
			}
		})
	}
}

// sameGlyphs checks that each rune of text has the same glyph in sub as in
// full, measured and drawn at one pixel per font unit, where the segments
// count font units exactly.
func sameGlyphs(t *testing.T, full, sub *sfnt.Font, text string) {
	t.Helper()
	if full.UnitsPerEm() != sub.UnitsPerEm() {
		t.Fatalf("units per em %d, want %d", sub.UnitsPerEm(), full.UnitsPerEm())
	}
	ppem := fixed.Int26_6(full.UnitsPerEm())
	var fb, sb sfnt.Buffer
	for _, r := range text {
		fg, err := full.GlyphIndex(&fb, r)
		if err != nil {
			t.Fatal(err)
		}
		sg, err := sub.GlyphIndex(&sb, r)
		if err != nil {
			t.Fatal(err)
		}
		if (fg == 0) != (sg == 0) {
			t.Errorf("%U: glyph %d in the subset, %d in the font", r, sg, fg)
			continue
		}
		if fg == 0 {
			continue
		}
		fa, err1 := full.GlyphAdvance(&fb, fg, ppem, font.HintingNone)
		sa, err2 := sub.GlyphAdvance(&sb, sg, ppem, font.HintingNone)
		if err := errors.Join(err1, err2); err != nil || fa != sa {
			t.Errorf("%U: advance %v, want %v (%v)", r, sa, fa, err)
		}
		fs, err1 := full.LoadGlyph(&fb, fg, ppem, nil)
		fs = slices.Clone(fs) // the buffer is reused
		ss, err2 := sub.LoadGlyph(&sb, sg, ppem, nil)
		if err := errors.Join(err1, err2); err != nil {
			t.Errorf("%U: %v", r, err)
			continue
		}
		if !slices.Equal(fs, ss) {
			t.Errorf("%U: outline of %d segments differs from the font's %d", r, len(ss), len(fs))
		}
	}
}

// sameRunes checks the runes, glyphs and advances Subset reports against
// what sfnt reads in the full font and the subset.
func sameRunes(t *testing.T, full, sub *sfnt.Font, f *Font, text string) {
	t.Helper()
	var want []rune
	var buf sfnt.Buffer
	for _, r := range text {
		if g, _ := full.GlyphIndex(&buf, r); g != 0 && !slices.Contains(want, r) {
			want = append(want, r)
		}
	}
	slices.Sort(want)
	if !slices.Equal(f.Runes, want) {
		t.Fatalf("Runes = %q, want %q", f.Runes, want)
	}
	ppem := fixed.Int26_6(full.UnitsPerEm())
	for i, r := range f.Runes {
		g, _ := sub.GlyphIndex(&buf, r)
		adv, err := sub.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if uint16(g) != f.Glyphs[i] || err != nil || int(adv) != int(f.Advances[i]) {
			t.Errorf("%U: glyph %d, advance %d; sfnt reads %d, %d (%v)", r, f.Glyphs[i], f.Advances[i], g, adv, err)
		}
	}
}

// TestMetrics checks the font-wide metrics against sfnt.
func TestMetrics(t *testing.T) {
	for _, name := range fonts.Names() {
		t.Run(name, func(t *testing.T) {
			file, full := face(t, name)
			f, err := Subset(file, []rune("x"))
			if err != nil {
				t.Fatal(err)
			}
			m := f.Metrics
			upem := fixed.Int26_6(full.UnitsPerEm())
			sm, err := full.Metrics(nil, upem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			bounds, err := full.Bounds(nil, upem, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			post := full.PostTable()
			var buf sfnt.Buffer
			notdef, _ := full.GlyphAdvance(&buf, 0, upem, font.HintingNone)
			for _, c := range []struct {
				what      string
				got, want int
			}{
				{"units per em", m.UnitsPerEm, int(upem)},
				{"ascent", m.Ascent, int(sm.Ascent)},
				{"descent", m.Descent, -int(sm.Descent)},
				{"cap height", m.CapHeight, int(sm.CapHeight)},
				{"x min", m.XMin, int(bounds.Min.X)},
				{"y min", m.YMin, -int(bounds.Max.Y)}, // sfnt's y grows down
				{"x max", m.XMax, int(bounds.Max.X)},
				{"y max", m.YMax, -int(bounds.Min.Y)},
				{"missing width", m.MissingWidth, int(notdef)},
			} {
				if c.got != c.want {
					t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
				}
			}
			if m.ItalicAngle != post.ItalicAngle || m.FixedPitch != post.IsFixedPitch {
				t.Errorf("italic angle %g, fixed %v; want %g, %v", m.ItalicAngle, m.FixedPitch, post.ItalicAngle, post.IsFixedPitch)
			}
			if m.Weight < 100 || m.Weight > 900 {
				t.Errorf("weight %d", m.Weight)
			}
		})
	}
}

// TestSubsetContents checks what a subset holds: the runes asked for that
// the face has and no others, glyphs in their original order, and only the
// tables it is meant to keep.
func TestSubsetContents(t *testing.T) {
	for _, tt := range []struct {
		name   string
		runes  string
		glyphs int // .notdef and the runes' glyphs, with components
	}{
		{"empty", "", 1},
		{"one", "a", 2},
		{"repeats", "abba", 3},
		{"missing", "a中", 2},
		{"composite", "é", 4}, // e and the acute accent join é
		{"space", " ", 2},     // a glyph with no outline
	} {
		t.Run(tt.name, func(t *testing.T) {
			file, full := face(t, fonts.SerifRegular)
			sf, err := Subset(file, []rune(tt.runes))
			if err != nil {
				t.Fatal(err)
			}
			b := sf.Data
			sub, err := sfnt.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			if got := sub.NumGlyphs(); got != tt.glyphs {
				t.Errorf("%d glyphs, want %d", got, tt.glyphs)
			}
			sameGlyphs(t, full, sub, tt.runes)
			// Runes not asked for are not mapped, even when the font has them.
			var buf sfnt.Buffer
			for _, r := range "zZ0" {
				if g, _ := sub.GlyphIndex(&buf, r); g != 0 {
					t.Errorf("%U maps to glyph %d, want none", r, g)
				}
			}
			tabs, err := tables(string(b))
			if err != nil {
				t.Fatal(err)
			}
			var tags []string
			for tag := range tabs {
				tags = append(tags, tag)
			}
			slices.Sort(tags)
			want := "OS/2 cmap cvt  fpgm gasp glyf head hhea hmtx loca maxp name post prep"
			if got := strings.Join(tags, " "); got != want {
				t.Errorf("tables %s, want %s", got, want)
			}
		})
	}
}

// TestSubsetChecksums checks the table checksums and head's
// checkSumAdjustment, which make the whole file sum to 0xB1B0AFBA.
func TestSubsetChecksums(t *testing.T) {
	file, _ := face(t, fonts.SansBold)
	sf, err := Subset(file, []rune(latin))
	if err != nil {
		t.Fatal(err)
	}
	b := sf.Data
	if got := checksum(b); got != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", got)
	}
	d := data{S: string(b)}
	for i := range int(d.U16(4)) {
		rec := 12 + 16*i
		tag := string(b[rec : rec+4])
		off, n := d.U32(rec+8), d.U32(rec+12)
		tab := slices.Clone(b[off : off+n])
		if tag == "head" {
			clear(tab[8:12]) // summed as zero (OpenType spec, "head")
		}
		if got, want := checksum(tab), d.U32(rec+4); got != want {
			t.Errorf("%s: checksum %#x, directory says %#x", tag, got, want)
		}
	}
}

// TestCmap writes cmap tables and reads them back: format 4 alone for the
// Basic Multilingual Plane, and format 12 beside it for runes beyond.
func TestCmap(t *testing.T) {
	for _, tt := range []struct {
		name    string
		ms      []mapping
		formats []uint16
	}{
		{"empty", nil, []uint16{4}},
		{"runs", []mapping{{'a', 1}, {'b', 2}, {'c', 3}, {'x', 4}, {'y', 9}}, []uint16{4}},
		{"wrapping delta", []mapping{{0x4E2D, 7}, {0xFFFD, 8}}, []uint16{4}},
		{"astral", []mapping{{'a', 1}, {0x10400, 2}, {0x10401, 3}, {0x1F67C, 5}}, []uint16{4, 12}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := appendCmap(nil, tt.ms)
			if err != nil {
				t.Fatal(err)
			}
			d := data{S: string(b)}
			if n := int(d.U16(2)); n != len(tt.formats) {
				t.Fatalf("%d subtables, want %d", n, len(tt.formats))
			}
			for i, format := range tt.formats {
				c := cmap{d: d, off: int(d.U32(4 + 8*i + 4)), format: format}
				if got := d.U16(c.off); got != format {
					t.Fatalf("subtable %d: format %d, want %d", i, got, format)
				}
				for _, m := range tt.ms {
					want := m.g
					if format == 4 && m.r > 0xFFFF {
						want = 0
					}
					if got := c.glyph(m.r); got != want {
						t.Errorf("format %d: %U -> %d, want %d", format, m.r, got, want)
					}
				}
				for _, r := range []rune{0, 'd', 'z', 0x4E2C, 0xFFFF, 0x10402} {
					if got := c.glyph(r); got != 0 && !slices.ContainsFunc(tt.ms, func(m mapping) bool { return m.r == r }) {
						t.Errorf("format %d: %U -> %d, want 0", format, r, got)
					}
				}
				if c.d.Err != nil {
					t.Error(c.d.Err)
				}
			}
		})
	}
}

// TestCmapFull checks that too many scattered runes give ErrCmapFull.
func TestCmapFull(t *testing.T) {
	var ms []mapping
	for i := range 9000 {
		ms = append(ms, mapping{rune(0x4E00 + 2*i), uint16(i + 1)}) // no two adjacent
	}
	if _, err := appendCmap(nil, ms); !errors.Is(err, ErrCmapFull) {
		t.Errorf("err = %v, want ErrCmapFull", err)
	}
}

// TestSubsetMalformed checks that broken fonts give errors, not panics.
func TestSubsetMalformed(t *testing.T) {
	file, _ := face(t, fonts.SerifRegular)
	tabs, err := tables(file)
	if err != nil {
		t.Fatal(err)
	}
	// withTable returns the font with one table's directory entry pointing
	// at other bytes.
	withTable := func(tag, content string) string {
		d := data{S: file}
		for i := range int(d.U16(4)) {
			rec := 12 + 16*i
			if file[rec:rec+4] == tag {
				b := []byte(file + content)
				for j, v := range []uint32{uint32(len(file)), uint32(len(content))} {
					b[rec+8+4*j] = byte(v >> 24)
					b[rec+9+4*j] = byte(v >> 16)
					b[rec+10+4*j] = byte(v >> 8)
					b[rec+11+4*j] = byte(v)
				}
				return string(b)
			}
		}
		t.Fatalf("no %s table", tag)
		return ""
	}
	for _, tt := range []struct {
		name, file string
	}{
		{"empty", ""},
		{"truncated directory", file[:40]},
		{"truncated", file[:len(file)/2]},
		{"CFF", "OTTO" + file[4:]},
		{"no glyf", strings.Replace(file, "glyf", "glyx", 1)},
		{"short head", withTable("head", tabs["head"][:20])},
		{"short loca", withTable("loca", tabs["loca"][:100])},
		{"short hmtx", withTable("hmtx", tabs["hmtx"][:100])},
		{"short cmap", withTable("cmap", tabs["cmap"][:30])},
		{"no Unicode cmap", withTable("cmap", "\x00\x00\x00\x01\x00\x01\x00\x00\x00\x00\x00\x0c\x00\x00\x00\x06\x00\x00")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Subset(tt.file, []rune(latin)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// FuzzSubset checks that no font, however broken, makes Subset panic, and
// that what it returns parses.
func FuzzSubset(f *testing.F) {
	file, _ := face(f, fonts.MonoRegular)
	seed, err := Subset(file, []rune("Aé1"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed.Data)
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := Subset(string(b), []rune("Aé1 \U0001F67C"))
		if err != nil {
			return
		}
		if _, err := tables(string(out.Data)); err != nil {
			t.Errorf("subset's table directory: %v", err)
		}
	})
}

func BenchmarkSubset(b *testing.B) {
	for _, tt := range []struct{ name, text string }{
		{fonts.SerifRegular, latin},
		{fonts.Fallback, cjk},
	} {
		file, _ := face(b, tt.name)
		runes := []rune(tt.text)
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Subset(file, runes); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSubsetGlyphs checks that glyphs asked for by number are kept with
// their outlines and advances, whatever order they come in, and that a
// number past the font's glyphs is left out.
func TestSubsetGlyphs(t *testing.T) {
	file, full := face(t, fonts.SerifRegular)
	var buf sfnt.Buffer
	var want []sfnt.GlyphIndex
	for _, r := range "ﬁé€" {
		g, err := full.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("%U: glyph %d, %v", r, g, err)
		}
		want = append(want, g)
	}
	ask := []uint16{uint16(want[2]), uint16(want[0]), 65535, uint16(want[1]), uint16(want[0])}
	sf, err := SubsetGlyphs(file, []rune("a"), ask)
	if err != nil {
		t.Fatal(err)
	}
	if len(sf.Extra) != 3 || !slices.IsSorted(sf.Extra) {
		t.Fatalf("extra glyphs %v, want the three in the font, sorted", sf.Extra)
	}
	sub, err := sfnt.Parse(sf.Data)
	if err != nil {
		t.Fatal(err)
	}
	ppem := fixed.Int26_6(full.UnitsPerEm())
	for i, g := range sf.Extra {
		fa, err := full.GlyphAdvance(&buf, sfnt.GlyphIndex(g), ppem, font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		if int(sf.ExtraAdvances[i]) != int(fa) {
			t.Errorf("glyph %d: advance %d, want %d", g, sf.ExtraAdvances[i], fa)
		}
		fs, err := full.LoadGlyph(&buf, sfnt.GlyphIndex(g), ppem, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := len(fs)
		ss, err := sub.LoadGlyph(&buf, sfnt.GlyphIndex(sf.ExtraGlyphs[i]), ppem, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != n || n == 0 {
			t.Errorf("glyph %d (%d in the subset): %d segments, want %d", g, sf.ExtraGlyphs[i], len(ss), n)
		}
	}
}
