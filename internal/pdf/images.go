package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // decoders for images fpdf cannot take as they are
	_ "image/jpeg"
	"image/png"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pressroom/publish/internal/layout"
)

// image draws an image item, registering its picture with fpdf on first use.
func (d *drawer) image(it *layout.ImageItem) error {
	img := it.Image
	if img == nil || len(img.Data) == 0 {
		src := ""
		if img != nil {
			src = img.Src
		}
		return fmt.Errorf("image %q has no data", src)
	}
	if !finite(it.X, it.Y, it.W, it.H) || !(it.W > 0 && it.H > 0) {
		return fmt.Errorf("image %q at (%g, %g) size %gx%g: not a place", img.Src, it.X, it.Y, it.W, it.H)
	}
	d.flush()
	sum := sha256.Sum256(img.Data)
	name, ok := d.images[string(sum[:])]
	if !ok {
		name = hex.EncodeToString(sum[:16])
		tp, data, err := imageForFpdf(img.Data)
		if err != nil {
			return fmt.Errorf("image %q: %w", img.Src, err)
		}
		info := d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(data))
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("image %q: fpdf: %w", img.Src, err)
		}
		if err := nudgeWidth(info, len(d.images)); err != nil {
			return fmt.Errorf("image %q: %w", img.Src, err)
		}
		d.images[string(sum[:])] = name
	}
	d.f.ImageOptions(name, it.X, it.Y, it.W, it.H, false, fpdf.ImageOptions{}, 0, "")
	return nil
}

// imageForFpdf returns the image type to tell fpdf and the bytes to give it.
// JPEG passes through untouched (PDF's DCTDecode filter is JPEG) and so does
// PNG, alpha channel included, when fpdf can read it; other PNGs (interlaced,
// 16 bits a channel) and any other format Go can decode are re-encoded as
// 8-bit PNG.
func imageForFpdf(data []byte) (tp string, out []byte, err error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "jpg", data, nil
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "gif", data, nil
	case isPlainPNG(data):
		return "png", data, nil
	}
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return "", nil, fmt.Errorf("decoding: %w", err)
	}
	nrgba := image.NewNRGBA(m.Bounds())
	draw.Draw(nrgba, nrgba.Bounds(), m, m.Bounds().Min, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, nrgba); err != nil {
		return "", nil, fmt.Errorf("re-encoding as PNG: %w", err)
	}
	return "png", b.Bytes(), nil
}

// isPlainPNG reports whether data is a PNG that fpdf reads: 8 bits a
// channel or fewer, not interlaced.
func isPlainPNG(data []byte) bool {
	const ihdr = 8 + 8 // signature, then the IHDR chunk's length and type
	if len(data) < ihdr+13 || !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) ||
		string(data[12:16]) != "IHDR" {
		return false
	}
	depth, interlace := data[ihdr+8], data[ihdr+12]
	return depth <= 8 && interlace == 0
}

// nudgeWidth makes fpdf's order of images independent of map iteration.
// fpdf writes images sorted by pixel width alone, so two images of one width
// come out in random order; adding rank/2^20 to the width (a float64) orders
// them by first use, while fpdf still prints the integer width in /Width.
// ImageInfoType's fields are unexported: its GobEncode and GobDecode, which
// take them in a fixed order, are the only way to set one.
func nudgeWidth(info *fpdf.ImageInfoType, rank int) error {
	if info == nil {
		return errors.New("fpdf registered no image")
	}
	if rank >= 1<<19 {
		return errors.New("too many images")
	}
	enc, err := info.GobEncode()
	if err != nil {
		return fmt.Errorf("encoding image info: %w", err)
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h, scale, dpi float64
		cs, filter, dp   string
		trns             []int
	)
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &filter, &dp, &trns, &scale, &dpi}
	dec := gob.NewDecoder(bytes.NewReader(enc))
	for _, f := range fields {
		if err := dec.Decode(f); err != nil {
			return fmt.Errorf("decoding image info: %w", err)
		}
	}
	w += float64(rank) / (1 << 20)
	var b bytes.Buffer
	e := gob.NewEncoder(&b)
	for _, f := range fields {
		if err := e.Encode(f); err != nil {
			return fmt.Errorf("encoding image info: %w", err)
		}
	}
	if err := info.GobDecode(b.Bytes()); err != nil {
		return fmt.Errorf("decoding image info: %w", err)
	}
	return nil
}
