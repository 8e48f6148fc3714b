package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
)

// TestFill rasterizes polygons whose area is known: the coverage the
// rasterizer paints must add up to it, pixel for pixel.
func TestFill(t *testing.T) {
	square := func(x0, y0, x1, y1 float64) []edge {
		return []edge{{x0, y0, x1, y0}, {x1, y0, x1, y1}, {x1, y1, x0, y1}, {x0, y1, x0, y0}}
	}
	tests := []struct {
		name  string
		edges []edge
		area  float64
		full  int // pixels fully covered
	}{
		{"aligned square", square(2, 2, 12, 12), 100, 100},
		{"half-pixel square", square(2.5, 2.5, 12.5, 12.5), 100, 81},
		{"triangle", []edge{{0, 0, 16, 16}, {16, 16, 0, 16}, {0, 16, 0, 0}}, 128, 120},
		{"hole (non-zero winding)", append(square(0, 0, 16, 16), reverse(square(4, 4, 12, 12))...), 256 - 64, 192},
		{"clipped at the edge", square(-5, -5, 5, 5), 25, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 20, 20))
			fill(img, tt.edges, color.RGBA{0xff, 0xff, 0xff, 0xff})
			var sum float64
			full := 0
			for i := 0; i < len(img.Pix); i += 4 {
				sum += float64(img.Pix[i]) / 255
				if img.Pix[i] == 0xff {
					full++
				}
			}
			if math.Abs(sum-tt.area) > 0.02*tt.area+1 {
				t.Errorf("painted area %.2f, want %.0f", sum, tt.area)
			}
			if full != tt.full {
				t.Errorf("%d pixels fully covered, want %d", full, tt.full)
			}
		})
	}
}

func reverse(es []edge) []edge {
	out := make([]edge, len(es))
	for i, e := range es {
		out[len(es)-1-i] = edge{e.x1, e.y1, e.x0, e.y0}
	}
	return out
}

// TestCoverFace checks the choice of face per character and line breaking.
func TestCoverFace(t *testing.T) {
	cf := &coverFonts{parsed: map[string]*sfnt.Font{}}
	latin, err := cf.face(fonts.SerifBold, 100, "North Korea")
	if err != nil {
		t.Fatal(err)
	}
	if latin.fallback != nil {
		t.Error("Latin text loaded the CJK fallback (4 MB) it does not need")
	}
	cjk, err := cf.face(fonts.SerifBold, 100, "中国 and China")
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := cjk.glyph('中'); f != cjk.fallback || f == nil {
		t.Error("中 is not set in the fallback face")
	}
	if f, g := cjk.glyph('C'); f != cjk.font || g == 0 {
		t.Error("C is not set in the main face")
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
