package images

import (
	"bytes"
	"image"
	"testing"
)

// FuzzNormalize feeds any bytes to the image loader's checks and
// conversion: no panic, and an image accepted is a JPEG or PNG of the
// size it claims, no larger than the limits.
func FuzzNormalize(f *testing.F) {
	f.Add(makePNG(f, 3, 2))
	f.Add(makeJPEG(f, 5, 4))
	f.Add(makeGIF(f, 8, 6))
	f.Add(readTestdata(f, "blue-purple-pink.lossy.webp"))
	f.Add([]byte("<svg xmlns='http://www.w3.org/2000/svg'/>"))
	f.Add([]byte("GIF89a\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		cfg, format, err := checkSize(raw)
		if err != nil {
			return
		}
		data, mt, w, h, err := normalize(raw, format, cfg)
		if err != nil {
			return
		}
		if w != cfg.Width || h != cfg.Height || int64(w)*int64(h) > maxPixels {
			t.Fatalf("%s: the header said %d×%d, the image is %d×%d", format, cfg.Width, cfg.Height, w, h)
		}
		if mt != mediaJPEG && mt != mediaPNG {
			t.Fatalf("media type %q", mt)
		}
		got, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || got.Width != w || got.Height != h {
			t.Fatalf("the output is %d×%d (%v), Load says %d×%d", got.Width, got.Height, err, w, h)
		}
	})
}
