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
