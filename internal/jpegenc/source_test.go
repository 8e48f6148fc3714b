package jpegenc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"testing"
)

// planeSource serves a 4:2:0 image at the origin as a Source. With flat
// set it reports each MCU whose pixels in the image are one colour as
// such; it writes junk past the image's edges, which the encoder must not
// code.
type planeSource struct {
	img  *image.YCbCr
	flat bool
}

func (p planeSource) Size() image.Point { return p.img.Rect.Size() }

func (p planeSource) MCU(x, y int, m *MCU) bool {
	img := p.img
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for j := range 16 {
		for i := range 16 {
			m.Y[16*j+i] = 0xa5
			if x+i < w && y+j < h {
				m.Y[16*j+i] = img.Y[img.YOffset(x+i, y+j)]
			}
		}
	}
	for j := range 8 {
		for i := range 8 {
			m.Cb[8*j+i], m.Cr[8*j+i] = 0x5a, 0xff
			if x+2*i < w && y+2*j < h {
				o := img.COffset(x+2*i, y+2*j)
				m.Cb[8*j+i], m.Cr[8*j+i] = img.Cb[o], img.Cr[o]
			}
		}
	}
	if !p.flat {
		return false
	}
	for j := range 16 {
		for i := range 16 {
			if x+i < w && y+j < h && m.Y[16*j+i] != m.Y[0] {
				return false
			}
		}
	}
	for j := range 8 {
		for i := range 8 {
			if x+2*i < w && y+2*j < h && (m.Cb[8*j+i] != m.Cb[0] || m.Cr[8*j+i] != m.Cr[0]) {
				return false
			}
		}
	}
	return true
}

// TestEncodeSource checks that an image given as a Source encodes to the
// very bytes Encode writes for it, at any size (the padding of partial
// MCUs), whether or not the source reports flat MCUs, on any number of
// goroutines.
func TestEncodeSource(t *testing.T) {
	for _, tt := range []struct {
		name string
		img  *image.YCbCr
	}{
		{"1x1", noisy(image.Point{}, 1, 1, 20, 1)},
		{"7x5", noisy(image.Point{}, 7, 5, 20, 2)},
		{"17x33", noisy(image.Point{}, 17, 33, 20, 3)},
		{"129x130", noisy(image.Point{}, 129, 130, 20, 4)},
		{"flat 50x50", flat(50, 50, 17, 240, 3)},
		{"cover 803x1283", cover(803, 1283)},
		{"cover", cover(1600, 2560)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := encodeBytes(t, tt.img, 90, 1)
			for _, flat := range []bool{false, true} {
				for _, workers := range []int{1, 3} {
					var buf bytes.Buffer
					if err := encodeSource(&buf, planeSource{tt.img, flat}, 90, workers); err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(buf.Bytes(), want) {
						t.Errorf("flat MCUs %v, %d goroutines: %d bytes differ from Encode's %d", flat, workers, buf.Len(), len(want))
					}
				}
			}
		})
	}
}

// emptySource is a Source of any size that is all one grey.
type emptySource image.Point

func (e emptySource) Size() image.Point { return image.Point(e) }

func (emptySource) MCU(x, y int, m *MCU) bool {
	m.Y[0], m.Cb[0], m.Cr[0] = 128, 128, 128
	return true
}

// TestEncodeSourceErrors checks that sources and qualities EncodeSource
// cannot code are refused.
func TestEncodeSourceErrors(t *testing.T) {
	for _, tt := range []struct {
		name    string
		src     Source
		quality int
		want    error
	}{
		{"quality 0", emptySource{16, 16}, 0, ErrQuality},
		{"nil", nil, 90, nil},
		{"empty", emptySource{0, 5}, 90, nil},
		{"too tall", emptySource{1, 70000}, 90, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := EncodeSource(new(bytes.Buffer), tt.src, tt.quality)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want one wrapping %v", err, tt.want)
			}
		})
	}
	if err := EncodeSource(new(bytes.Buffer), emptySource{3, 3}, 90); err != nil {
		t.Errorf("a 3x3 grey source: %v", err)
	}
}

// BenchmarkEncodeSource encodes the cover-like image through a Source
// that reports flat MCUs, against Encode of the same image.
func BenchmarkEncodeSource(b *testing.B) {
	img := cover(1600, 2560)
	var buf bytes.Buffer
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("source-%d", workers), func(b *testing.B) {
			for b.Loop() {
				buf.Reset()
				if err := encodeSource(&buf, planeSource{img, true}, 90, workers); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
