package jpegenc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"testing"
)

// noisy returns a 4:2:0 image of size w x h at origin o: smooth gradients
// with noise of amplitude amp, like a photograph's grain.
func noisy(o image.Point, w, h, amp int, seed uint64) *image.YCbCr {
	img := image.NewYCbCr(image.Rectangle{o, o.Add(image.Pt(w, h))}, image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(seed, 1))
	grain := func(base int) uint8 {
		if amp > 0 {
			base += rng.IntN(2*amp+1) - amp
		}
		return uint8(min(max(base, 0), 255))
	}
	for i := range img.Y {
		x, y := i%img.YStride, i/img.YStride
		img.Y[i] = grain(40 + 160*x/max(w, 1) + 30*y/max(h, 1))
	}
	for i := range img.Cb {
		x, y := i%img.CStride, i/img.CStride
		img.Cb[i] = grain(90 + 60*x/max(w/2, 1))
		img.Cr[i] = grain(170 - 50*y/max(h/2, 1))
	}
	return img
}

// photo returns a w x h 4:2:0 image like a photograph: value noise (a
// random lattice every cell pixels, interpolated) for texture at several
// scales, and uniform grain of amplitude amp.
func photo(w, h, cell, amp int, seed uint64) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(seed, 2))
	field := func(w, h, cell int) func(x, y int) int {
		gw, gh := w/cell+2, h/cell+2
		g := make([]int, gw*gh)
		for i := range g {
			g[i] = rng.IntN(256)
		}
		return func(x, y int) int {
			cx, cy, fx, fy := x/cell, y/cell, x%cell, y%cell
			top := g[cy*gw+cx]*(cell-fx) + g[cy*gw+cx+1]*fx
			bot := g[(cy+1)*gw+cx]*(cell-fx) + g[(cy+1)*gw+cx+1]*fx
			return (top*(cell-fy) + bot*fy) / (cell * cell)
		}
	}
	coarse, fine := field(w, h, 4*cell), field(w, h, cell)
	cb, cr := field(w/2+1, h/2+1, 2*cell), field(w/2+1, h/2+1, 2*cell)
	grain := func(v int) uint8 {
		return uint8(min(max(v+rng.IntN(2*amp+1)-amp, 0), 255))
	}
	for y := range h {
		for x := range w {
			img.Y[y*img.YStride+x] = grain((3*coarse(x, y) + fine(x, y)) / 4)
		}
	}
	for y := range (h + 1) / 2 {
		for x := range (w + 1) / 2 {
			img.Cb[y*img.CStride+x] = grain(64 + cb(x, y)/2)
			img.Cr[y*img.CStride+x] = grain(64 + cr(x, y)/2)
		}
	}
	return img
}

// flat returns a 4:2:0 image of size w x h in one colour.
func flat(w, h int, y, cb, cr uint8) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for i := range img.Y {
		img.Y[i] = y
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = cb, cr
	}
	return img
}

// decode decodes data with image/jpeg, as 4:2:0 YCbCr of the given size.
func decode(t testing.TB, data []byte, size image.Point) *image.YCbCr {
	t.Helper()
	m, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	d, ok := m.(*image.YCbCr)
	if !ok || d.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		t.Fatalf("decoded %T, want 4:2:0 *image.YCbCr", m)
	}
	if d.Rect.Size() != size {
		t.Fatalf("decoded size %v, want %v", d.Rect.Size(), size)
	}
	return d
}

// samples calls f with each pixel's samples in a and b, which have the
// same size but may have different origins.
func samples(a, b *image.YCbCr, f func(plane string, va, vb uint8)) {
	for y := 0; y < a.Rect.Dy(); y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			ax, ay := a.Rect.Min.X+x, a.Rect.Min.Y+y
			bx, by := b.Rect.Min.X+x, b.Rect.Min.Y+y
			f("Y", a.Y[a.YOffset(ax, ay)], b.Y[b.YOffset(bx, by)])
			f("Cb", a.Cb[a.COffset(ax, ay)], b.Cb[b.COffset(bx, by)])
			f("Cr", a.Cr[a.COffset(ax, ay)], b.Cr[b.COffset(bx, by)])
		}
	}
}

func encodeBytes(t testing.TB, img *image.YCbCr, quality, workers int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := encode(&buf, img, quality, workers); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return buf.Bytes()
}

// TestEncodeCloseToImageJPEG checks that the output decodes to nearly the
// pixels image/jpeg's output does: the tables are the same and only the
// DCT's rounding differs, so a coefficient may land one quantisation step
// apart now and then, but flat blocks, restart intervals and the padding
// of partial MCUs (sizes not multiples of 16, odd origins) must lose
// nothing more. Each plane's mean absolute difference must be under 1.
func TestEncodeCloseToImageJPEG(t *testing.T) {
	grain := func(o image.Point, w, h int) *image.YCbCr { return noisy(o, w, h, 20, uint64(w*h)) }
	sub := func(img *image.YCbCr, r image.Rectangle) *image.YCbCr { return img.SubImage(r).(*image.YCbCr) }
	for _, tt := range []struct {
		name    string
		img     *image.YCbCr
		quality int
	}{
		{"1x1", grain(image.Point{}, 1, 1), 75},
		{"7x5", grain(image.Point{}, 7, 5), 90},
		{"16x16", grain(image.Point{}, 16, 16), 90},
		{"17x33", grain(image.Point{}, 17, 33), 90},
		{"31x47 q50", grain(image.Point{}, 31, 47), 50},
		{"100x37 q10", grain(image.Point{}, 100, 37), 10},
		{"129x130 q100", grain(image.Point{}, 129, 130), 100},
		{"48x40 at 3,5", grain(image.Pt(3, 5), 48, 40), 90},
		{"61x45 at 2,7", grain(image.Pt(2, 7), 61, 45), 90},
		{"300x260", grain(image.Point{}, 300, 260), 90},
		{"photo 333x251", photo(333, 251, 6, 4, 7), 90},
		{"cover", cover(1600, 2560), 90},
		{"cover 803x1283", cover(803, 1283), 90},
		{"cover q30", cover(400, 640), 30},
		{"cover part at 131,601", sub(cover(800, 1280), image.Rect(131, 601, 700, 1000)), 90},
		{"cover part at 130,600", sub(cover(800, 1280), image.Rect(130, 600, 701, 1001)), 90},
		{"flat 50x50", flat(50, 50, 17, 240, 3), 90},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img := tt.img
			var ref bytes.Buffer
			if err := jpeg.Encode(&ref, img, &jpeg.Options{Quality: tt.quality}); err != nil {
				t.Fatal(err)
			}
			want := decode(t, ref.Bytes(), img.Rect.Size())
			got := decode(t, encodeBytes(t, img, tt.quality, 3), img.Rect.Size())
			sum := map[string]int{}
			n := 0
			samples(got, want, func(plane string, g, w uint8) {
				sum[plane] += max(int(g)-int(w), int(w)-int(g))
				if plane == "Y" {
					n++
				}
			})
			for _, plane := range []string{"Y", "Cb", "Cr"} {
				mad := float64(sum[plane]) / float64(n)
				t.Logf("%s mean absolute difference %.3f", plane, mad)
				if mad >= 1 {
					t.Errorf("%s mean absolute difference from image/jpeg %.3f, want under 1", plane, mad)
				}
			}
		})
	}
}

// TestEncodePSNR checks fidelity to the source planes on grainy,
// photograph-like images at quality 90.
func TestEncodePSNR(t *testing.T) {
	for _, tt := range []struct{ w, h, cell, amp int }{
		{64, 64, 8, 4},
		{333, 251, 6, 4},
		{1000, 200, 12, 3},
	} {
		t.Run(fmt.Sprintf("%dx%d/%d±%d", tt.w, tt.h, tt.cell, tt.amp), func(t *testing.T) {
			img := photo(tt.w, tt.h, tt.cell, tt.amp, 7)
			got := decode(t, encodeBytes(t, img, 90, 2), img.Rect.Size())
			var sum float64
			var n int
			samples(got, img, func(_ string, g, w uint8) {
				d := float64(g) - float64(w)
				sum += d * d
				n++
			})
			psnr := 10 * math.Log10(255*255/(sum/float64(n)))
			t.Logf("PSNR %.1f dB", psnr)
			if psnr < 38 {
				t.Errorf("PSNR %.1f dB, want above 38", psnr)
			}
		})
	}
}

// TestEncodeFlat checks that flat colour, coded by the DC term alone,
// comes back within 1 of the source in every channel.
func TestEncodeFlat(t *testing.T) {
	for _, tt := range []struct {
		w, h      int
		y, cb, cr uint8
		quality   int
	}{
		{16, 16, 0x2a, 0x8e, 0x77, 90}, // the cover's ink
		{1600, 48, 0x2a, 0x8e, 0x77, 90},
		{37, 19, 0, 0, 0, 90},
		{40, 40, 255, 255, 255, 90},
		{9, 70, 128, 128, 128, 90},
		{23, 23, 200, 30, 220, 100},
		{50, 50, 17, 240, 3, 75},
	} {
		t.Run(fmt.Sprintf("%dx%d/%d,%d,%d/q%d", tt.w, tt.h, tt.y, tt.cb, tt.cr, tt.quality), func(t *testing.T) {
			img := flat(tt.w, tt.h, tt.y, tt.cb, tt.cr)
			got := decode(t, encodeBytes(t, img, tt.quality, 2), img.Rect.Size())
			bad := 0
			samples(got, img, func(plane string, g, w uint8) {
				if d := int(g) - int(w); (d < -1 || d > 1) && bad < 5 {
					bad++
					t.Errorf("%s sample %d, want %d±1", plane, g, w)
				}
			})
		})
	}
}

// TestEncodeSize checks that the output is within 10% of image/jpeg's:
// restart markers and the JFIF header cost little.
func TestEncodeSize(t *testing.T) {
	for _, tt := range []struct {
		name    string
		img     *image.YCbCr
		quality int
	}{
		{"grain", noisy(image.Point{}, 400, 300, 10, 3), 90},
		{"grain q50", noisy(image.Point{}, 400, 300, 10, 3), 50},
		{"smooth", noisy(image.Point{}, 640, 480, 0, 3), 90},
		{"cover", cover(800, 1280), 90},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ref bytes.Buffer
			if err := jpeg.Encode(&ref, tt.img, &jpeg.Options{Quality: tt.quality}); err != nil {
				t.Fatal(err)
			}
			got := len(encodeBytes(t, tt.img, tt.quality, 2))
			if r := float64(got) / float64(ref.Len()); r < 0.9 || r > 1.1 {
				t.Errorf("%d bytes, image/jpeg %d: ratio %.3f outside 0.9–1.1", got, ref.Len(), r)
			}
		})
	}
}

// TestEncodeRestarts checks that the output does not depend on the number
// of goroutines, and that each MCU row but the last ends in RSTn with n
// counting 0–7 in turn (T.81 B.2.4.4), announced by DRI.
func TestEncodeRestarts(t *testing.T) {
	for _, tt := range []struct{ w, h int }{
		{16, 16}, {40, 17}, {100, 33}, {64, 16*19 + 5}, {1600, 400},
	} {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			img := noisy(image.Point{}, tt.w, tt.h, 30, 5)
			one := encodeBytes(t, img, 90, 1)
			for _, workers := range []int{2, 3, 8} {
				if !bytes.Equal(encodeBytes(t, img, 90, workers), one) {
					t.Errorf("%d goroutines wrote different bytes from one", workers)
				}
			}
			rows := (tt.h + 15) / 16
			hasDRI := bytes.Contains(one, []byte{0xff, 0xdd, 0, 4, byte(((tt.w + 15) / 16) >> 8), byte((tt.w + 15) / 16)})
			if hasDRI != (rows > 1) {
				t.Errorf("DRI present %v, want %v", hasDRI, rows > 1)
			}
			// The scan starts after SOS; a 0xFF there is followed by
			// 0x00 (stuffing), RSTn, or EOI.
			scan := one[bytes.Index(one, []byte{0xff, 0xda})+14:]
			var rst []int
			for i := 0; i < len(scan)-1; i++ {
				if scan[i] != 0xff {
					continue
				}
				switch m := scan[i+1]; {
				case m == 0x00:
				case m >= 0xd0 && m <= 0xd7:
					rst = append(rst, int(m-0xd0))
				case m == 0xd9 && i == len(scan)-2:
				default:
					t.Fatalf("marker FF%02X in the scan at %d", m, i)
				}
				i++
			}
			if len(rst) != rows-1 {
				t.Fatalf("%d restart markers, want %d", len(rst), rows-1)
			}
			for i, n := range rst {
				if n != i%8 {
					t.Fatalf("restart %d is RST%d, want RST%d", i, n, i%8)
				}
			}
		})
	}
}

// TestEncodeErrors checks that inputs Encode cannot code are refused, and
// that a failing writer's error comes back wrapped.
func TestEncodeErrors(t *testing.T) {
	ok := flat(16, 16, 1, 2, 3)
	short := flat(32, 32, 1, 2, 3)
	short.Cr = short.Cr[:10]
	writeErr := errors.New("disk full")
	for _, tt := range []struct {
		name    string
		img     *image.YCbCr
		quality int
		w       *failWriter
		want    error
	}{
		{"444", image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio444), 90, nil, ErrSubsample},
		{"422", image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio422), 90, nil, ErrSubsample},
		{"quality 0", ok, 0, nil, ErrQuality},
		{"quality 101", ok, 101, nil, ErrQuality},
		{"quality -5", ok, -5, nil, ErrQuality},
		{"nil", nil, 90, nil, nil},
		{"empty", image.NewYCbCr(image.Rect(0, 0, 0, 5), image.YCbCrSubsampleRatio420), 90, nil, nil},
		{"too wide", &image.YCbCr{Rect: image.Rect(0, 0, 70000, 1), SubsampleRatio: image.YCbCrSubsampleRatio420}, 90, nil, nil},
		{"short plane", short, 90, nil, nil},
		{"writer", ok, 90, &failWriter{err: writeErr}, writeErr},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var w interface{ Write([]byte) (int, error) } = new(bytes.Buffer)
			if tt.w != nil {
				w = tt.w
			}
			err := Encode(w, tt.img, tt.quality)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want one wrapping %v", err, tt.want)
			}
		})
	}
}

type failWriter struct{ err error }

func (f *failWriter) Write([]byte) (int, error) { return 0, f.err }

// FuzzEncode checks that any small image, at any quality, encodes to a
// JPEG that image/jpeg decodes at the right size.
func FuzzEncode(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint8(90), uint8(0), uint8(0), []byte{0})
	f.Add(uint8(17), uint8(33), uint8(1), uint8(1), uint8(3), []byte{0xff, 0, 0xff, 0x80})
	f.Add(uint8(40), uint8(9), uint8(100), uint8(0), uint8(0), []byte{0xff, 0xff, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, w, h, q, ox, oy uint8, pix []byte) {
		if w == 0 || h == 0 || len(pix) == 0 {
			t.Skip()
		}
		quality := int(q)%100 + 1
		r := image.Rect(int(ox%4), int(oy%4), int(ox%4)+int(w%80)+1, int(oy%4)+int(h%80)+1)
		img := image.NewYCbCr(r, image.YCbCrSubsampleRatio420)
		for i := range img.Y {
			img.Y[i] = pix[i%len(pix)]
		}
		for i := range img.Cb {
			img.Cb[i] = pix[(3*i+1)%len(pix)]
			img.Cr[i] = pix[(5*i+2)%len(pix)]
		}
		decode(t, encodeBytes(t, img, quality, 2), r.Size())
	})
}

// cover returns a w x h image like the EPUB's cover (scaled from
// 1600x2560): a dark flat ground, two flat rules, and lines of glyph-like
// strokes in bands, white on the ground with anti-aliased edges, so that
// about one block in twelve is not flat, as on the real cover.
func cover(w, h int) *image.YCbCr {
	const gy, gcb, gcr = 0x2a, 0x8e, 0x77 // the ground, coverInk in YCbCr
	img := flat(w, h, gy, gcb, gcr)
	rng := rand.New(rand.NewPCG(1, 2))
	s := func(v int) int { return v * w / 1600 }
	t := func(v int) int { return v * h / 2560 }
	// paint mixes white into the ground at (x, y) by coverage c of 256.
	paint := func(x, y, c int) {
		if x < 0 || y < 0 || x >= w || y >= h {
			return
		}
		img.Y[img.YOffset(x, y)] = uint8(gy + (0xff-gy)*c/256)
		if x%2 == 0 && y%2 == 0 {
			i := img.COffset(x, y)
			img.Cb[i], img.Cr[i] = uint8(gcb+(128-gcb)*c/256), uint8(gcr+(128-gcr)*c/256)
		}
	}
	// stroke fills a rectangle whose left and right edges fall between
	// pixels, as a rasterised stem's do.
	stroke := func(x0, y0, wd, ht int) {
		frac := rng.IntN(256)
		for y := y0; y < y0+ht; y++ {
			paint(x0, y, 256-frac)
			for x := x0 + 1; x < x0+wd; x++ {
				paint(x, y, 256)
			}
			paint(x0+wd, y, frac)
		}
	}
	rect := func(r image.Rectangle, y, cb, cr uint8) {
		for py := r.Min.Y; py < r.Max.Y; py++ {
			for px := r.Min.X; px < r.Max.X; px++ {
				img.Y[img.YOffset(px, py)] = y
				img.Cb[img.COffset(px, py)], img.Cr[img.COffset(px, py)] = cb, cr
			}
		}
	}
	rect(image.Rect(s(140), t(348), s(380), t(358)), 0xad, 0x4f, 0xa5)
	rect(image.Rect(s(140), t(2130), s(1460), t(2134)), 0xd3, 0x87, 0x7b)
	for _, band := range []struct{ y0, lines, size int }{
		{300, 1, 56}, {650, 4, 150}, {1350, 3, 60}, {2250, 1, 68}, {2400, 1, 46},
	} {
		size := s(band.size)
		for l := range band.lines {
			base := t(band.y0) + l*size*9/8
			for x := s(140); x < s(1460)-size; x += size * 3 / 5 {
				if rng.IntN(6) == 0 {
					continue // a space
				}
				stem, xh := max(1, size/9), size*7/10
				stroke(x, base-xh, stem, xh)
				if rng.IntN(2) == 0 {
					stroke(x+size/3, base-xh, stem, xh)
				}
				for range rng.IntN(3) {
					bar := base - rng.IntN(xh)
					stroke(x, bar, size/3+stem, stem)
				}
			}
		}
	}
	return img
}

// BenchmarkEncodeCover encodes a cover-like 1600x2560 image with this
// package, on all of GOMAXPROCS and on one goroutine, and, for
// comparison, with image/jpeg.
func BenchmarkEncodeCover(b *testing.B) {
	img := cover(1600, 2560)
	var buf bytes.Buffer
	for _, bm := range []struct {
		name string
		enc  func() error
	}{
		{"jpegenc", func() error { return Encode(&buf, img, 90) }},
		{"jpegenc-serial", func() error { return encode(&buf, img, 90, 1) }},
		{"image-jpeg", func() error { return jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				buf.Reset()
				if err := bm.enc(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
