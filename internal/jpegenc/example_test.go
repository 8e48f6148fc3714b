package jpegenc_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"log"

	"github.com/pressroom/publish/internal/jpegenc"
)

// Encode a flat 4:2:0 image and read it back with image/jpeg.
func ExampleEncode() {
	img := image.NewYCbCr(image.Rect(0, 0, 100, 60), image.YCbCrSubsampleRatio420)
	for i := range img.Y {
		img.Y[i] = 0x2a
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = 0x8e, 0x77
	}
	var buf bytes.Buffer
	if err := jpegenc.Encode(&buf, img, 90); err != nil {
		log.Fatal(err)
	}
	m, err := jpeg.Decode(&buf)
	if err != nil {
		log.Fatal(err)
	}
	c := m.(*image.YCbCr).YCbCrAt(50, 30)
	fmt.Println(m.Bounds().Size(), c.Y, c.Cb, c.Cr)
	// Output: (100,60) 42 142 119
}

// A Source that is one colour but for a square: only the MCUs the square
// touches are filled in; the rest are reported flat.
type squareSource struct{}

func (squareSource) Size() image.Point { return image.Pt(160, 96) }

func (squareSource) MCU(x, y int, m *jpegenc.MCU) bool {
	if x != 64 || y != 32 {
		m.Y[0], m.Cb[0], m.Cr[0] = 0x2a, 0x8e, 0x77
		return true
	}
	for i := range m.Y {
		m.Y[i] = 0xeb
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 0x80, 0x80
	}
	return false
}

// Encode an image given an MCU at a time.
func ExampleEncodeSource() {
	var buf bytes.Buffer
	if err := jpegenc.EncodeSource(&buf, squareSource{}, 90); err != nil {
		log.Fatal(err)
	}
	m, err := jpeg.Decode(&buf)
	if err != nil {
		log.Fatal(err)
	}
	in, out := m.(*image.YCbCr).YCbCrAt(70, 40), m.(*image.YCbCr).YCbCrAt(10, 10)
	fmt.Println(m.Bounds().Size(), in.Y, out.Y)
	// Output: (160,96) 235 42
}
