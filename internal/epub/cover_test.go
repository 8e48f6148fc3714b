package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
)

// TestCoverFace checks the choice of face per character and line breaking.
func TestCoverFace(t *testing.T) {
	cf := &coverFonts{parsed: map[string]*opentype.Font{}}
	latin, err := cf.face(fonts.SerifBold, 100, "North Korea")
	if err != nil {
		t.Fatal(err)
	}
	if len(latin.fallbacks) != 0 {
		t.Error("Latin text loaded a CJK fallback (4 MB) it does not need")
	}
	cjk, err := cf.face(fonts.SerifBold, 100, "中国 and China 한국")
	if err != nil {
		t.Fatal(err)
	}
	if f := cjk.fallbacks[fonts.Fallback]; f == nil || cjk.pick('中') != f {
		t.Error("中 is not set in the Chinese fallback face")
	}
	if f := cjk.fallbacks[fonts.FallbackKorean]; f == nil || cjk.pick('한') != f {
		t.Error("한 is not set in the Korean fallback face")
	}
	if cjk.pick('C') != cjk.main {
		t.Error("C is not set in the main face")
	}
	// Mixed text measures as the sum of each character in its own face,
	// and draws ink for every character, CJK ones included.
	var want fixed.Int26_6
	for _, r := range "中国 and China 한국" {
		adv, ok := cjk.pick(r).GlyphAdvance(r)
		if !ok && r != ' ' {
			t.Errorf("no glyph for %q in the face pick chose", r)
		}
		want += adv
	}
	if got := cjk.width("中国 and China 한국"); got != want {
		t.Errorf("width of mixed text %v, want %v", got, want)
	}
	for _, s := range []string{"中", "C"} {
		img := image.NewRGBA(image.Rect(0, 0, 200, 150))
		d := font.Drawer{Dst: img, Src: image.White, Face: cjk, Dot: fixed.P(20, 110)}
		d.DrawString(s)
		if ink := inked(img); ink < 200 {
			t.Errorf("%s drew %d inked pixels, want a glyph", s, ink)
		}
	}
	for _, tt := range []struct {
		face  *coverFace
		text  string
		width int
	}{
		{latin, "North Korea and China, Friends Again? A very long title that has to wrap", 1320},
		{cjk, "中国与朝鲜：再度成为朋友？与朝鲜的经济接触如何服务于中国在东北亚的更广泛战略", 1320},
	} {
		lines, ok := tt.face.wrap(tt.text, tt.width)
		if !ok || len(lines) < 2 {
			t.Errorf("wrap(%q) = %q, %v; want several lines", tt.text, lines, ok)
		}
		for _, l := range lines {
			if w := tt.face.width(l); w > fixed.I(tt.width) {
				t.Errorf("line %q is %d px, wider than %d", l, w.Round(), tt.width)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(tt.text, " ", "") {
			t.Errorf("wrapping lost text: %q", got)
		}
	}
	_, lines, size, err := cf.fit(fonts.SerifBold, strings.Repeat("Longwinded ", 40), 150, 72, 6, 1320)
	if err != nil {
		t.Fatal(err)
	}
	if size != 72 || len(lines) != 6 || !strings.HasSuffix(lines[5], "…") {
		t.Errorf("an overlong title set at %.0f px in %d lines ending %q; want 72 px, 6 lines, an ellipsis", size, len(lines), lines[len(lines)-1])
	}
}

// TestRenderCover checks the generated cover's format and that each text
// block left ink where it should, for Latin and CJK text.
func TestRenderCover(t *testing.T) {
	tests := []struct {
		name string
		text coverText
	}{
		{"seed", coverText{Section: "China Power", Title: "North Korea and China, Friends Again?", Subtitle: "How economic engagement with North Korea serves China’s broader strategy in Northeast Asia.", Byline: "Anny Boc"}},
		{"cjk", coverText{Section: "中国观察", Title: "中国与朝鲜：再度成为朋友？", Subtitle: "与朝鲜的经济接触如何服务于中国在东北亚的更广泛战略。", Byline: "王小明", Publisher: "外交官"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := renderCover(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			img, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != coverWidth || b.Dy() != coverHeight {
				t.Fatalf("cover is %v, want %dx%d", b, coverWidth, coverHeight)
			}
			// Bands where section, title, subtitle and byline are set.
			for _, band := range []struct {
				name   string
				y0, y1 int
				min    float64
			}{
				{"section", 240, 310, 0.02},
				{"title", 500, 700, 0.05},
				{"byline", 2180, 2270, 0.01},
			} {
				if ink := inkShare(img, band.y0, band.y1); ink < band.min {
					t.Errorf("%s band has %.3f ink, want at least %.2f", band.name, ink, band.min)
				}
			}
			if ink := inkShare(img, 0, 200); ink > 0.001 {
				t.Errorf("the top margin has %.3f ink, want none", ink)
			}
		})
	}
}

// inkShare returns the share of pixels in rows [y0, y1) that differ
// clearly from the cover's background.
func inkShare(img image.Image, y0, y1 int) float64 {
	n, ink := 0, 0
	for y := y0; y < y1; y++ {
		for x := 0; x < coverWidth; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			d := absDiff(r>>8, uint32(coverInk.R)) + absDiff(g>>8, uint32(coverInk.G)) + absDiff(b>>8, uint32(coverInk.B))
			if d > 120 {
				ink++
			}
			n++
		}
	}
	return float64(ink) / float64(n)
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// inked counts the pixels of img that are not transparent.
func inked(img *image.RGBA) int {
	n := 0
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 0 {
			n++
		}
	}
	return n
}

// TestCoverCanvas draws lines on the paletted canvas and, for reference,
// with font.Drawer straight onto an RGBA image of the cover's background:
// every pixel must agree to within one step of coverage. The lines are set
// close enough for descenders and accents to overlap, where the coverage
// of both must add up.
func TestCoverCanvas(t *testing.T) {
	cf := &coverFonts{parsed: map[string]*opentype.Font{}}
	tests := []struct {
		name  string
		lines []string
		col   color.RGBA
	}{
		{"overlapping lines", []string{"Jaguars gyp", "ÅÉÎ Ägypt"}, coverPaper},
		{"muted italic", []string{"How economic engagement"}, coverMuted},
		{"accent, CJK", []string{"中国观察 AND"}, coverAccent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := cf.face(fonts.SerifBoldItalic, 90, strings.Join(tt.lines, ""))
			if err != nil {
				t.Fatal(err)
			}
			const x, y, lead = 100, 200, 70
			cv := newCoverCanvas()
			cv.text(f, tt.lines, x, y, lead, tt.col)

			ref := image.NewRGBA(cv.img.Rect)
			draw.Draw(ref, ref.Rect, image.NewUniform(coverInk), image.Point{}, draw.Src)
			for i, l := range tt.lines {
				d := font.Drawer{Dst: ref, Src: image.NewUniform(tt.col), Face: f, Dot: fixed.P(x, y+i*lead)}
				d.DrawString(l)
			}
			worst, inked := 0, 0
			for py := 0; py < 500; py++ {
				for px := 0; px < coverWidth; px++ {
					got := cv.img.At(px, py).(color.RGBA)
					want := ref.RGBAAt(px, py)
					if want != coverInk {
						inked++
					}
					worst = max(worst, absInt(int(got.R)-int(want.R)), absInt(int(got.G)-int(want.G)), absInt(int(got.B)-int(want.B)))
				}
			}
			if inked < 5000 {
				t.Errorf("the reference has only %d inked pixels", inked)
			}
			// One step of 1/coverLevels between ink and paper is under 3.
			if worst > 3 {
				t.Errorf("a pixel differs by %d from drawing straight onto RGBA, want at most 3", worst)
			}
		})
	}
}

func absInt(a int) int { return max(a, -a) }
