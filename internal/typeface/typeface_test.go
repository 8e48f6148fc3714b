package typeface

import (
	"github.com/pressroom/publish/internal/fontdata"

	"errors"
	"fmt"
	"maps"
	"math"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
)

// sfntFace parses the named font with sfnt alone, as the reference the
// tables of Face are checked against.
func sfntFace(t *testing.T, name string) *sfnt.Font {
	t.Helper()
	b, err := fonts.Bytes(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		t.Fatalf("sfnt.Parse(%s): %v", name, err)
	}
	return f
}

func face(t testing.TB, l *Library, name string) *Face {
	t.Helper()
	f, err := l.Face(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestMetricsSane(t *testing.T) {
	l := NewLibrary()
	for _, name := range fonts.Names() {
		t.Run(name, func(t *testing.T) {
			f := face(t, l, name)
			if f.Name() != name {
				t.Errorf("Name() = %q", f.Name())
			}
			type metric struct {
				what     string
				v        float64
				min, max float64
			}
			if fonts.Shaped(name) {
				// A script's face reaches further above and below the
				// line than Latin, and has no capitals to measure.
				for _, c := range []metric{{"Ascent", f.Ascent(), 0.6, 1.5}, {"Descent", f.Descent(), 0.1, 0.8}, {"LineGap", f.LineGap(), 0, 0.5}} {
					if !(c.v >= c.min && c.v <= c.max) {
						t.Errorf("%s = %v, want in [%v, %v]", c.what, c.v, c.min, c.max)
					}
				}
				return
			}
			m := []metric{
				{"Ascent", f.Ascent(), 0.6, 1.3},
				{"Descent", f.Descent(), 0.1, 0.5},
				{"LineGap", f.LineGap(), 0, 0.5},
				{"CapHeight", f.CapHeight(), 0.5, 0.9},
				{"XHeight", f.XHeight(), 0.3, 0.7},
			}
			for _, c := range m {
				if !(c.v >= c.min && c.v <= c.max) {
					t.Errorf("%s = %v, want in [%v, %v]", c.what, c.v, c.min, c.max)
				}
			}
			if !(f.Ascent() > f.CapHeight() && f.CapHeight() > f.XHeight()) {
				t.Errorf("want Ascent %v > CapHeight %v > XHeight %v", f.Ascent(), f.CapHeight(), f.XHeight())
			}
		})
	}
}

// TestMetricsExact checks values read from the font files' hhea and OS/2
// tables by a separate script, in font units over units per em.
func TestMetricsExact(t *testing.T) {
	tests := []struct {
		name                                         string
		ascent, descent, lineGap, xHeight, capHeight float64
	}{
		{fonts.SerifRegular, 1069.0 / 1000, 293.0 / 1000, 0, 536.0 / 1000, 714.0 / 1000},
		{fonts.SansBold, 1069.0 / 1000, 293.0 / 1000, 0, 546.0 / 1000, 714.0 / 1000},
		{fonts.Fallback, 267.0 / 256, 68.0 / 256, 0, 137.0 / 256, 183.0 / 256},
	}
	l := NewLibrary()
	for _, tt := range tests {
		f := face(t, l, tt.name)
		got := []float64{f.Ascent(), f.Descent(), f.LineGap(), f.XHeight(), f.CapHeight()}
		want := []float64{tt.ascent, tt.descent, tt.lineGap, tt.xHeight, tt.capHeight}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: ascent, descent, gap, x-height, cap height = %v, want %v", tt.name, got, want)
		}
	}
}

// TestAgainstSfnt checks the rune map and the advances of every face
// against sfnt's own GlyphIndex and GlyphAdvance, over the whole BMP and
// the start of the supplementary planes.
func TestAgainstSfnt(t *testing.T) {
	l := NewLibrary()
	for _, name := range fonts.Names() {
		t.Run(name, func(t *testing.T) {
			f := face(t, l, name)
			sf := sfntFace(t, name)
			ppem := fixed.Int26_6(sf.UnitsPerEm()) // one 26.6 unit per font unit
			upem := float64(sf.UnitsPerEm())
			var b sfnt.Buffer
			covered, bad := 0, 0
			check := func(r rune) {
				g, err := sf.GlyphIndex(&b, r)
				if err != nil {
					t.Fatalf("sfnt GlyphIndex(%U): %v", r, err)
				}
				if g != 0 {
					covered++
				}
				// A rune the face lacks measures as its missing glyph,
				// glyph 0, which is what is drawn.
				adv, err := sf.GlyphAdvance(&b, g, ppem, font.HintingNone)
				if err != nil {
					t.Fatalf("sfnt GlyphAdvance(%U): %v", r, err)
				}
				want := float64(adv) / upem
				if f.Has(r) != (g != 0) || f.Advance(r) != want {
					if bad++; bad <= 10 {
						t.Errorf("%U: Has %v Advance %v, sfnt has glyph %d advance %v", r, f.Has(r), f.Advance(r), g, want)
					}
				}
			}
			for r := rune(0); r < 0x20000; r++ {
				check(r)
			}
			for block, page := range f.runes.blocks[0x200:] {
				if page != 0 {
					for r := rune(0x200+block) << 8; r < rune(0x201+block)<<8; r++ {
						check(r)
					}
				}
			}
			least := 2000
			if fonts.Shaped(name) {
				least = 100 // one script, and Latin's punctuation
			}
			if covered < least {
				t.Errorf("only %d runes covered", covered)
			}
		})
	}
}

// TestKernAgainstSfnt compares Kern with sfnt's Kern, which reads the
// same GPOS tables its own way, for all pairs of a set of letters,
// digits and punctuation.
func TestKernAgainstSfnt(t *testing.T) {
	var runes []rune
	for r := rune(0x20); r < 0x7F; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, []rune("ÀÄÅÇÉÑÖØÜßàäåçéñöøüÿŁłŒœŠšŸŽžΑΓΔΤΥΩαγοςτυωАГДТУЯадеоту‘’“”–—…")...)
	l := NewLibrary()
	for _, name := range []string{fonts.SerifRegular, fonts.SerifItalic, fonts.SerifBold, fonts.SerifBoldItalic, fonts.SansRegular, fonts.SansBold} {
		t.Run(name, func(t *testing.T) {
			f := face(t, l, name)
			sf := sfntFace(t, name)
			ppem := fixed.Int26_6(sf.UnitsPerEm())
			upem := float64(sf.UnitsPerEm())
			var b sfnt.Buffer
			glyph := make(map[rune]sfnt.GlyphIndex)
			for _, r := range runes {
				if g, _ := sf.GlyphIndex(&b, r); g != 0 {
					glyph[r] = g
				}
			}
			kerned, bad := 0, 0
			for _, a := range runes {
				for _, c := range runes {
					want := 0.0
					if glyph[a] != 0 && glyph[c] != 0 {
						k, err := sf.Kern(&b, glyph[a], glyph[c], ppem, font.HintingNone)
						if err != nil && !errors.Is(err, sfnt.ErrNotFound) {
							t.Fatalf("sfnt Kern(%q, %q): %v", a, c, err)
						}
						want = float64(k) / upem
					}
					if want != 0 {
						kerned++
					}
					if got := f.Kern(a, c); got != want {
						if bad++; bad <= 10 {
							t.Errorf("Kern(%q, %q) = %v, sfnt says %v", a, c, got, want)
						}
					}
				}
			}
			if kerned < 1000 {
				t.Errorf("only %d kerned pairs: the check compares too little", kerned)
			}
		})
	}
}

func TestKernPairs(t *testing.T) {
	tests := []struct {
		face  string
		pairs []string
		sign  int // -1 negative, 0 zero
	}{
		{fonts.SerifRegular, []string{"AV", "To", "LT", "P,", "VA", "Yo", "F.", "Te"}, -1},
		{fonts.SerifBoldItalic, []string{"AV", "To", "LT"}, -1},
		{fonts.SansRegular, []string{"AV", "To", "Ty", "LT", "P,"}, -1},
		{fonts.SerifRegular, []string{"oo", "nn", "HH", "ll", "mo", "xx"}, 0},
		// Noto Serif 2.x leaves T+y (and T+v, T+w) unkerned: its class
		// matrix holds 0 there, as sfnt and a separate decoder also read it.
		{fonts.SerifRegular, []string{"Ty", "Tv"}, 0},
		{fonts.MonoRegular, []string{"AV", "To"}, 0},
		// Either rune missing from the face: no kerning.
		{fonts.SerifRegular, []string{"A中", "中V", "\uE000V"}, 0},
	}
	l := NewLibrary()
	for _, tt := range tests {
		f := face(t, l, tt.face)
		for _, p := range tt.pairs {
			r := []rune(p)
			k := f.Kern(r[0], r[1])
			if sign(k) != tt.sign {
				t.Errorf("%s: Kern(%q, %q) = %v, want sign %d", tt.face, r[0], r[1], k, tt.sign)
			}
		}
	}
}

func sign(v float64) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

func TestWidth(t *testing.T) {
	l := NewLibrary()
	f := face(t, l, fonts.SerifRegular)
	tests := []struct {
		s    string
		want float64
	}{
		{"", 0},
		{"o", f.Advance('o')},
		{"AV", f.Advance('A') + f.Advance('V') + f.Kern('A', 'V')},
		{"Ty.", f.Advance('T') + f.Advance('y') + f.Advance('.') + f.Kern('T', 'y') + f.Kern('y', '.')},
		// A missing rune adds nothing and breaks the kerning pair.
		{"A中V", f.Advance('A') + f.Advance('V')},
	}
	for _, tt := range tests {
		if got := f.Width(tt.s); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Width(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	if f.Kern('A', 'V') >= 0 || f.Width("AV") >= f.Advance('A')+f.Advance('V') {
		t.Errorf("Width(\"AV\") = %v is not kerned", f.Width("AV"))
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		text string
		want string // "" when no face has the runes
	}{
		{"Latin façade", fonts.SerifRegular},
		{"Ελληνικά", fonts.SerifRegular},
		{"Кириллица", fonts.SerifRegular},
		{"中文", fonts.Fallback},
		{"日本語", fonts.Fallback},
		// DroidSansFallbackFull maps only 3 of the 11,172 Hangul
		// syllables: Korean falls through to Nanum Myeongjo.
		{"한국어", fonts.FallbackKorean},
		{"ㄱ", fonts.FallbackKorean}, // Hangul jamo too
		{"\U0001F9FF", ""},
		{"\uE000", ""},
		{"\U0010FFFD", ""},
	}
	l := NewLibrary()
	for _, tt := range tests {
		for _, r := range tt.text {
			if r == ' ' {
				continue
			}
			f, ok := l.Resolve(append([]string{fonts.SerifRegular}, fonts.FallbackChain(r, fonts.SerifRegular)...), r)
			got := ""
			if ok {
				got = f.Name()
			}
			if got != tt.want || ok != (f != nil) {
				t.Errorf("Resolve(%q) = %q, %v; want %q", r, got, ok, tt.want)
			}
		}
	}
	if f, ok := l.Resolve([]string{"NoSuchFace", fonts.SansRegular}, 'a'); !ok || f.Name() != fonts.SansRegular {
		t.Errorf("Resolve skipping an unknown face = %v, %v", f, ok)
	}
	if _, ok := l.Resolve(nil, 'a'); ok {
		t.Error("Resolve with an empty chain found a face")
	}
}

// TestLazy checks that faces are parsed on first use, once, and that
// Latin text never loads the CJK fallback.
func TestLazy(t *testing.T) {
	l := NewLibrary()
	chain := []string{fonts.SerifRegular, fonts.Fallback}
	for _, r := range "Call me Ishmael." {
		l.Resolve(chain, r)
	}
	if n := l.loads.Load(); n != 1 {
		t.Errorf("after Latin text, %d faces loaded, want 1", n)
	}
	a, _ := l.Resolve(chain, '鯨')
	b, _ := l.Resolve(chain, '鯨')
	if n := l.loads.Load(); n != 2 || a != b {
		t.Errorf("after CJK text, %d faces loaded (want 2), same face %v", n, a == b)
	}
}

func TestFaceUnknown(t *testing.T) {
	l := NewLibrary()
	if f, err := l.Face("Comic-Sans"); err == nil || f != nil {
		t.Errorf("Face(unknown) = %v, %v; want an error", f, err)
	}
}

// TestConcurrent loads and queries faces from many goroutines at once;
// run it with -race.
func TestConcurrent(t *testing.T) {
	l := NewLibrary()
	names := fonts.Names()
	const workers = 32
	got := make([][]*Face, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range names {
				name := names[(i+w)%len(names)]
				f, err := l.Face(name)
				if err != nil {
					t.Error(err)
					return
				}
				got[w] = append(got[w], f)
				_ = f.Advance('a') + f.Kern('A', 'V') + f.Width("Ishmael")
			}
		})
	}
	wg.Wait()
	if n := int(l.loads.Load()); n != len(names) {
		t.Errorf("%d loads for %d faces", n, len(names))
	}
	for w := range workers {
		for i, f := range got[w] {
			want := face(t, l, names[(i+w)%len(names)])
			if f != want {
				t.Errorf("worker %d got a second %s", w, f.Name())
			}
		}
	}
}

// TestOldOS2 checks the path for an OS/2 table older than version 2, or
// none, which lacks x-height and cap height: they then come from sfnt, which
// here reads the file's own table, so they must equal the usual ones.
func TestOldOS2(t *testing.T) {
	file, err := fonts.Data(fonts.SerifRegular)
	if err != nil {
		t.Fatal(err)
	}
	want := face(t, NewLibrary(), fonts.SerifRegular)
	tabs, err := fontdata.Tables(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		os2  string
	}{
		{"version 1", "\x00\x01" + tabs["OS/2"][2:86]},
		{"none", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := maps.Clone(tabs)
			old["OS/2"] = tt.os2
			if tt.os2 == "" {
				delete(old, "OS/2")
			}
			f := &Face{upem: want.upem}
			if err := f.verticalMetrics(file, old); err != nil {
				t.Fatal(err)
			}
			if f.xHeight != want.xHeight || f.capHeight != want.capHeight || f.ascent != want.ascent {
				t.Errorf("x-height %g, cap height %g, ascent %g; want %g, %g, %g",
					f.xHeight, f.capHeight, f.ascent, want.xHeight, want.capHeight, want.ascent)
			}
		})
	}
}
