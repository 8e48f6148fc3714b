package jpegenc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"runtime"
)

// An MCU holds the samples of one minimum coded unit of a 4:2:0 image:
// 16x16 pixels as 16x16 luma samples and 8x8 samples each of Cb and Cr,
// every plane row by row.
type MCU struct {
	Y      [256]uint8
	Cb, Cr [64]uint8
}

// A Source gives EncodeSource an image's samples one MCU at a time, so
// that an image drawn some other way (a palette, layers on a flat ground)
// need not be converted to a whole *image.YCbCr first, and can say that an
// MCU is one colour without writing its 384 samples.
type Source interface {
	// Size returns the image's width and height in pixels.
	Size() image.Point
	// MCU fills m with the samples of the 16x16 pixels whose top-left
	// corner is (x, y), x and y multiples of 16 from (0, 0), Cb and Cr
	// each for a 2x2 square of pixels. It reports true, having set only
	// m.Y[0], m.Cb[0] and m.Cr[0], when all the MCU is that colour.
	// Samples past the image's right or bottom edge are ignored: the
	// encoder repeats the last column and row there. MCU may be called
	// on several goroutines at once, each with its own m.
	MCU(x, y int, m *MCU) bool
}

// EncodeSource writes the image src gives as Encode writes an image:
// baseline JPEG, 4:2:0, the tables of T.81 K.1 scaled to quality (1–100)
// and K.3, one restart interval per MCU row. MCUs src reports as one
// colour cost a few bits each and no DCT.
func EncodeSource(w io.Writer, src Source, quality int) error {
	return encodeSource(w, src, quality, runtime.GOMAXPROCS(0))
}

// encodeSource is EncodeSource on at most workers goroutines.
func encodeSource(w io.Writer, src Source, quality, workers int) error {
	if quality < 1 || quality > 100 {
		return fmt.Errorf("%w: %d", ErrQuality, quality)
	}
	if src == nil {
		return errors.New("jpegenc: nil source")
	}
	size := src.Size()
	if err := checkSize(image.Rectangle{Max: size}); err != nil {
		return err
	}
	return run(w, size, quality, workers, func(s *scanWriter, r0, r1, mcuRows int) {
		s.encodeSourceRows(src, size, r0, r1, mcuRows)
	})
}

// encodeSourceRows codes MCU rows [r0, r1) of src as encodeRows does
// those of an image.
func (s *scanWriter) encodeSourceRows(src Source, size image.Point, r0, r1, mcuRows int) {
	lum, cb, cr := &s.comp[0], &s.comp[1], &s.comp[2]
	if s.mcu == nil {
		s.mcu = new(MCU)
	}
	m := s.mcu
	for my := r0; my < r1; my++ {
		lum.pred, cb.pred, cr.pred = 0, 0, 0
		y := 16 * my
		for x := 0; x < size.X; x += 16 {
			if src.MCU(x, y, m) {
				s.flatMCUOf(m.Y[0], m.Cb[0], m.Cr[0])
				continue
			}
			if x+16 > size.X || y+16 > size.Y {
				m.pad(size.X-x, size.Y-y)
			}
			for _, o := range [4]int{0, 8, 128, 136} {
				for j := range 8 {
					binary.LittleEndian.PutUint64(s.smp[8*j:], binary.LittleEndian.Uint64(m.Y[o+16*j:]))
				}
				s.codeSamples(lum, s.lumTail)
			}
			s.smp = m.Cb
			s.codeSamples(cb, s.chrTail)
			s.smp = m.Cr
			s.codeSamples(cr, s.chrTail)
		}
		s.endInterval()
		if my != mcuRows-1 {
			s.out = append(s.out, 0xff, 0xd0+byte(my%8))
		}
	}
}

// pad repeats the last of the w columns and h rows of pixels in m that
// lie in the image over the rest, as loadPlane does at an image's edge.
func (m *MCU) pad(w, h int) {
	w, h = min(w, 16), min(h, 16)
	padPlane(m.Y[:], 16, w, h)
	cw, ch := (w+1)/2, (h+1)/2
	padPlane(m.Cb[:], 8, cw, ch)
	padPlane(m.Cr[:], 8, cw, ch)
}

// padPlane pads an n x n plane whose top-left w x h samples are the
// image's.
func padPlane(p []uint8, n, w, h int) {
	for j := range h {
		row := p[n*j : n*j+n]
		for i := w; i < n; i++ {
			row[i] = row[w-1]
		}
	}
	for j := h; j < n; j++ {
		copy(p[n*j:n*j+n], p[n*(h-1):])
	}
}
