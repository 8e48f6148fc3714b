package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/jpegenc"
)

// TestCoverFace checks the choice of face per character and line breaking.
func TestCoverFace(t *testing.T) {
	cf := NewCoverFonts(nil)
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
			data, err := renderCover(tt.text, NewCoverFonts(nil))
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
	cf := NewCoverFonts(nil)
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

			ref := image.NewRGBA(cv.Bounds())
			draw.Draw(ref, ref.Rect, image.NewUniform(coverInk), image.Point{}, draw.Src)
			for i, l := range tt.lines {
				d := font.Drawer{Dst: ref, Src: image.NewUniform(tt.col), Face: f, Dot: fixed.P(x, y+i*lead)}
				d.DrawString(l)
			}
			worst, inked := 0, 0
			for py := 0; py < 500; py++ {
				for px := 0; px < coverWidth; px++ {
					got := cv.At(px, py).(color.RGBA)
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

// refPainter paints a cover the plain way, as covers were once made:
// font.Drawer straight onto RGBA.
type refPainter struct{ img *image.RGBA }

func newRefPainter() *refPainter {
	img := image.NewRGBA(image.Rect(0, 0, coverWidth, coverHeight))
	draw.Draw(img, img.Rect, image.NewUniform(coverInk), image.Point{}, draw.Src)
	return &refPainter{img}
}

func (p *refPainter) fill(r image.Rectangle, col color.RGBA) {
	draw.Draw(p.img, r, image.NewUniform(col), image.Point{}, draw.Src)
}

func (p *refPainter) text(f *coverFace, lines []string, x, y, lead int, col color.RGBA) {
	for i, l := range lines {
		d := font.Drawer{Dst: p.img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(x, y+i*lead)}
		d.DrawString(l)
	}
}

// coverCases are covers that exercise every text block, wrapping, the
// ellipsis, and the Chinese, Japanese and Korean fallback faces.
var coverCases = []struct {
	name string
	text coverText
}{
	{"seed", coverText{Section: "China Power", Title: "North Korea and China, Friends Again?", Subtitle: "How economic engagement with North Korea serves China’s broader strategy in Northeast Asia.", Byline: "Anny Boc"}},
	{"cjk", coverText{Section: "中国观察", Title: "中国与朝鲜：再度成为朋友？", Subtitle: "与朝鲜的经济接触如何服务于中国在东北亚的更广泛战略。", Byline: "王小明", Publisher: "外交官"}},
	{"korean", coverText{Section: "국제", Title: "한반도의 평화와 번영을 위한 새로운 길", Subtitle: "남북 관계와 동북아시아의 미래; 東京の視点も", Byline: "김민수, 이지은", Publisher: "서울 신문"}},
	{"long", coverText{Section: "Long Reads", Title: strings.Repeat("Rivers Rising and Falling Over Ägypt’s Quays ", 6), Subtitle: strings.Repeat("Why the water came back, and what the towns did about it. ", 5), Byline: "Ada Lovelace, Grace Hopper, Katherine Johnson, Dorothy Vaughan, Mary Jackson", Publisher: "The Weekly Reader"}},
}

// TestCoverLooksTheSame checks the JPEG cover against the same layout
// drawn the plain way, with font.Drawer onto RGBA, and encoded with
// image/jpeg: decoded, they must agree but for the two encoders' rounding
// and the odd step of anti-aliasing, a mean under 1 of 255 in each
// channel. Against the RGBA itself the difference is the JPEG's own loss.
func TestCoverLooksTheSame(t *testing.T) {
	for _, tt := range coverCases {
		t.Run(tt.name, func(t *testing.T) {
			data, err := renderCover(tt.text, NewCoverFonts(nil))
			if err != nil {
				t.Fatal(err)
			}
			got, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			ref := newRefPainter()
			if err := layoutCover(tt.text, NewCoverFonts(nil), ref); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, ref.img, &jpeg.Options{Quality: 90}); err != nil {
				t.Fatal(err)
			}
			want, err := jpeg.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if ink := inkShare(want, 0, coverHeight); ink < 0.02 {
				t.Fatalf("the reference has %.3f ink, want a cover with text", ink)
			}
			d := compareImages(got, want)
			raw := compareImages(got, ref.img)
			t.Logf("against image/jpeg's: mean %.3f, max %d, %d pixels off by more than 24; against RGBA: mean %.3f, max %d",
				d.mean, d.max, d.far, raw.mean, raw.max)
			if d.mean >= 1 {
				t.Errorf("mean difference %.3f per channel, want under 1", d.mean)
			}
			// Anti-aliasing and the encoders' rounding move an edge pixel
			// by a step or two of 255; a misplaced glyph would move
			// hundreds by far more.
			if d.far > 50 {
				t.Errorf("%d pixels differ by more than 24 (most %d), want at most 50", d.far, d.max)
			}
		})
	}
}

type imageDiff struct {
	mean float64 // per channel, over R, G and B
	max  int
	far  int // pixels with a channel off by more than 24
}

func compareImages(a, b image.Image) imageDiff {
	var d imageDiff
	var sum int
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			worst := 0
			for _, c := range [3][2]uint32{{ar, br}, {ag, bg}, {ab, bb}} {
				v := int(absDiff(c[0]>>8, c[1]>>8))
				sum += v
				worst = max(worst, v)
			}
			d.max = max(d.max, worst)
			if worst > 24 {
				d.far++
			}
		}
	}
	d.mean = float64(sum) / float64(3*r.Dx()*r.Dy())
	return d
}

// TestCoverSource checks the samples the canvas gives jpegenc against its
// own pixels, converted as image/jpeg converts them, where layers overlap
// (a rule over text, text over a rule) as well as where one block of text
// stands alone.
func TestCoverSource(t *testing.T) {
	cf := NewCoverFonts(nil)
	f, err := cf.face(fonts.SerifBold, 80, "Jaguars gyp 中国")
	if err != nil {
		t.Fatal(err)
	}
	cv := newCoverCanvas()
	cv.text(f, []string{"Jaguars gyp", "中国 Jaguars"}, 37, 150, 60, coverPaper)
	cv.fill(image.Rect(20, 130, 700, 141), coverAccent)
	cv.text(f, []string{"Jaguars gyp"}, 101, 170, 0, coverMuted)
	cv.fill(image.Rect(0, 300, 64, 320), coverMuted)
	cv.text(f, []string{"gyp"}, 10, 350, 0, coverAccent)
	src := newCoverSource(cv)
	var m jpegenc.MCU
	mixed, worst := 0, 0
	for y := 0; y < 400; y += 16 {
		for x := 0; x < coverWidth; x += 16 {
			var want jpegenc.MCU
			var cb, cr [64]int
			for j := range 16 {
				for i := range 16 {
					c := cv.At(x+i, y+j).(color.RGBA)
					yy, u, v := color.RGBToYCbCr(c.R, c.G, c.B)
					want.Y[16*j+i] = yy
					cb[8*(j/2)+i/2] += int(u)
					cr[8*(j/2)+i/2] += int(v)
				}
			}
			for i := range cb {
				want.Cb[i], want.Cr[i] = uint8((cb[i]+2)/4), uint8((cr[i]+2)/4)
			}
			if src.MCU(x, y, &m) {
				for i := range m.Y {
					m.Y[i] = m.Y[0]
				}
				for i := range m.Cb {
					m.Cb[i], m.Cr[i] = m.Cb[0], m.Cr[0]
				}
			} else {
				mixed++
			}
			for i := range m.Y {
				if m.Y[i] != want.Y[i] {
					t.Fatalf("MCU at %d,%d: luma %d at %d, want %d", x, y, m.Y[i], i, want.Y[i])
				}
			}
			for i := range m.Cb {
				worst = max(worst, absInt(int(m.Cb[i])-int(want.Cb[i])), absInt(int(m.Cr[i])-int(want.Cr[i])))
			}
		}
	}
	if mixed < 50 {
		t.Errorf("only %d MCUs were not flat", mixed)
	}
	// A 2x2 square of one colour takes its chroma from the mean coverage.
	if worst > 1 {
		t.Errorf("chroma differs by %d from the mean of the pixels', want at most 1", worst)
	}
}

// TestOver checks over against image/draw compositing a white glyph mask
// over RGBA, which the coverage stands in for, at every pair of values.
func TestOver(t *testing.T) {
	dst := image.NewRGBA(image.Rect(0, 0, 256, 256))
	mask := image.NewAlpha(dst.Rect)
	var cov, src []uint8
	for y := range 256 {
		for x := range 256 {
			dst.SetRGBA(x, y, color.RGBA{uint8(y), uint8(y), uint8(y), uint8(y)})
			mask.SetAlpha(x, y, color.Alpha{uint8(x)})
			cov = append(cov, uint8(y))
			src = append(src, uint8(x))
		}
	}
	draw.DrawMask(dst, dst.Rect, image.White, image.Point{}, mask, image.Point{}, draw.Over)
	over(cov, src)
	for i, c := range cov {
		if want := dst.Pix[4*i]; c != want {
			t.Fatalf("coverage %d under mask %d composites to %d, want %d", i/256, i%256, c, want)
		}
	}
}

// TestWrapMeasures checks that wrap, which measures a line by its pieces,
// breaks where measuring each candidate line whole with font.MeasureString
// does.
func TestWrapMeasures(t *testing.T) {
	measured := func(c *coverFace, text string, width int) (lines []string, ok bool) {
		units, spaced := breakUnits(text)
		ok = true
		line := ""
		for i, u := range units {
			cand := u
			if line != "" {
				if spaced[i] {
					cand = line + " " + u
				} else {
					cand = line + u
				}
			}
			if line != "" && font.MeasureString(c, cand) > fixed.I(width) {
				lines = append(lines, line)
				cand = u
			}
			if font.MeasureString(c, u) > fixed.I(width) {
				ok = false
			}
			line = cand
		}
		if line != "" {
			lines = append(lines, line)
		}
		return lines, ok
	}
	cf := NewCoverFonts(nil)
	for _, tt := range coverCases {
		for _, text := range []string{tt.text.Title, tt.text.Subtitle, tt.text.Byline} {
			for _, name := range []string{fonts.SerifBold, fonts.SerifItalic, fonts.SansRegular} {
				for _, size := range []float64{150, 97, 60, 44} {
					f, err := cf.face(name, size, text)
					if err != nil {
						t.Fatal(err)
					}
					for _, width := range []int{1320, 700} {
						got, gotOK := f.wrap(text, width)
						want, wantOK := measured(f, text, width)
						if !slices.Equal(got, want) || gotOK != wantOK {
							t.Errorf("%s at %.0f px in %d: wrap gives %q, %v; measuring whole lines %q, %v", name, size, width, got, gotOK, want, wantOK)
						}
						if w := f.width(text); w != font.MeasureString(f, text) {
							t.Errorf("%s at %.0f px: width %v, MeasureString %v", name, size, w, font.MeasureString(f, text))
						}
					}
				}
			}
		}
	}
}

// BenchmarkRenderCover makes each of coverCases, from fonts to JPEG
// bytes.
func BenchmarkRenderCover(b *testing.B) {
	for _, bm := range coverCases {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			// The fonts are parsed once, as a program making many books
			// shares them.
			cf := NewCoverFonts(nil)
			var n int
			for b.Loop() {
				data, err := renderCover(bm.text, cf)
				if err != nil {
					b.Fatal(err)
				}
				n = len(data)
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// TestCoverShapes checks that the cover sets a script that joins as the
// book does: an Arabic title's glyphs are its letters' joining forms, not
// their isolated ones, and the title, read from the right, hangs from the
// right margin, as does the rule over it.
func TestCoverShapes(t *testing.T) {
	cf := NewCoverFonts(nil)
	title := "الإعلان العالمي لحقوق الإنسان"
	f, err := cf.face(fonts.SerifBold, 120, title)
	if err != nil {
		t.Fatal(err)
	}
	sl, err := f.shapeLine("الإعلان العالمي")
	if err != nil {
		t.Fatal(err)
	}
	if !sl.rtl || sl.width <= 0 {
		t.Errorf("line right to left %v, width %v", sl.rtl, sl.width)
	}
	sf, err := cf.load(fonts.ArabicSerifBold)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	isolated := map[sfnt.GlyphIndex]bool{}
	for _, r := range "الإعلان العالمي" {
		g, _ := sf.GlyphIndex(&buf, r)
		isolated[g] = true
	}
	joined := 0
	for _, g := range sl.glyphs {
		if !isolated[g.id] {
			joined++
		}
	}
	if joined < len(sl.glyphs)/2 {
		t.Errorf("%d of %d glyphs are joining forms, want half at least", joined, len(sl.glyphs))
	}
	data, err := renderCover(coverText{Title: title}, cf)
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	left, right := inkIn(img, 0, coverWidth/2, 500, 700), inkIn(img, coverWidth/2, coverWidth, 500, 700)
	if right <= left {
		t.Errorf("title ink: left half %.3f, right half %.3f; want it on the right", left, right)
	}
	if l, r := inkIn(img, 0, coverWidth/2, 340, 362), inkIn(img, coverWidth/2, coverWidth, 340, 362); r <= l {
		t.Errorf("rule ink: left half %.3f, right half %.3f; want it on the right", l, r)
	}
}

// inkIn returns the share of pixels in columns [x0, x1) of rows [y0, y1)
// that differ clearly from the cover's background.
func inkIn(img image.Image, x0, x1, y0, y1 int) float64 {
	n, ink := 0, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if absDiff(r>>8, uint32(coverInk.R))+absDiff(g>>8, uint32(coverInk.G))+absDiff(b>>8, uint32(coverInk.B)) > 120 {
				ink++
			}
			n++
		}
	}
	return float64(ink) / float64(n)
}
