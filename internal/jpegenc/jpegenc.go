// Package jpegenc encodes 4:2:0 YCbCr images as baseline JPEG, fast.
//
// It writes nearly what image/jpeg writes for such an image (the same
// quantisation and Huffman tables; its own DCT, whose rounding may put a
// coefficient one step apart now and then) but reads the Y, Cb and Cr
// planes directly, or takes the samples an MCU at a time from a Source
// (EncodeSource) so that no image need be built, codes a flat 8x8 block
// as its DC term alone, and codes strips of MCU rows on several
// goroutines. Each MCU row is a restart
// interval (T.81 B.2.4.4), so the strips join with RSTn markers and the
// bytes do not depend on how many goroutines ran.
package jpegenc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// ErrSubsample is returned for an image that is not 4:2:0.
var ErrSubsample = errors.New("jpegenc: image is not 4:2:0")

// ErrQuality is returned for a quality outside 1–100.
var ErrQuality = errors.New("jpegenc: quality outside 1–100")

// parallelMCUs is the size, in MCUs, below which an image is coded on one
// goroutine: starting more costs more than it saves.
const parallelMCUs = 2048

// Encode writes img as a baseline JPEG (JFIF, 4:2:0, the Huffman tables
// of T.81 K.3 as image/jpeg uses) at the given quality (1–100, scaling
// the tables of T.81 K.1 as image/jpeg does). img must be 4:2:0.
func Encode(w io.Writer, img *image.YCbCr, quality int) error {
	return encode(w, img, quality, runtime.GOMAXPROCS(0))
}

// encode is Encode on at most workers goroutines.
func encode(w io.Writer, img *image.YCbCr, quality, workers int) error {
	if err := check(img, quality); err != nil {
		return err
	}
	return run(w, img.Rect.Size(), quality, workers, func(s *scanWriter, r0, r1, mcuRows int) {
		s.encodeRows(img, r0, r1, mcuRows)
	})
}

// run writes a JPEG of the given size whose MCU rows rows codes, strips
// of them at a time, on at most workers goroutines: the part Encode and
// EncodeSource share.
func run(w io.Writer, size image.Point, quality, workers int, rows func(s *scanWriter, r0, r1, mcuRows int)) error {
	mcusX, mcuRows := (size.X+15)/16, (size.Y+15)/16
	q := quantTables(quality)
	head := header(size, &q, mcusX, mcuRows > 1)

	lum, chr := newQuantizer(&q[0]), newQuantizer(&q[1])
	lumTail, chrTail := newFlatTail(&huffLUT[0], &huffLUT[1]), newFlatTail(&huffLUT[2], &huffLUT[3])
	newWriter := func() *scanWriter {
		return &scanWriter{
			comp: [3]component{
				{q: lum, dc: &huffLUT[0], ac: &huffLUT[1]},
				{q: chr, dc: &huffLUT[2], ac: &huffLUT[3]},
				{q: chr, dc: &huffLUT[2], ac: &huffLUT[3]},
			},
			lumTail: lumTail,
			chrTail: chrTail,
			mcuTail: newMCUTail(lumTail, chrTail),
		}
	}

	// Strips of a few MCU rows, taken in turn by each goroutine, balance
	// flat strips against busy ones.
	const stripRows = 4
	strips := (mcuRows + stripRows - 1) / stripRows
	if mcusX*mcuRows < parallelMCUs {
		workers = 1
	}
	workers = max(1, min(workers, strips))
	if workers == 1 {
		return runSerial(w, head, newWriter(), mcuRows, rows)
	}

	// Each goroutine appends its strips to one buffer of its own, and
	// notes where each went: few allocations, and the strips are written
	// in order after.
	type span struct{ worker, start, end int }
	spans := make([]span, strips)
	bufs := make([][]byte, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			s := newWriter()
			s.out = make([]byte, 0, 64<<10)
			for i := int(next.Add(1) - 1); i < strips; i = int(next.Add(1) - 1) {
				start := len(s.out)
				r0 := i * stripRows
				rows(s, r0, min(r0+stripRows, mcuRows), mcuRows)
				spans[i] = span{k, start, len(s.out)}
			}
			bufs[k] = s.out
		})
	}
	wg.Wait()

	if _, err := w.Write(head); err != nil {
		return fmt.Errorf("jpegenc: writing header: %w", err)
	}
	for i := 0; i < strips; {
		// Strips that follow each other in one buffer go in one write.
		sp := spans[i]
		for i++; i < strips && spans[i].worker == sp.worker && spans[i].start == sp.end; i++ {
			sp.end = spans[i].end
		}
		if _, err := w.Write(bufs[sp.worker][sp.start:sp.end]); err != nil {
			return fmt.Errorf("jpegenc: writing scan: %w", err)
		}
	}
	if _, err := w.Write([]byte{0xff, 0xd9}); err != nil { // EOI
		return fmt.Errorf("jpegenc: writing end: %w", err)
	}
	return nil
}

// runSerial is run on the calling goroutine, which may be one of many
// already: it writes the data to w as it goes, through one small buffer.
func runSerial(w io.Writer, head []byte, s *scanWriter, mcuRows int, rows func(s *scanWriter, r0, r1, mcuRows int)) error {
	const flushAt = 32 << 10
	s.out = append(make([]byte, 0, 2*flushAt), head...)
	for r := range mcuRows {
		rows(s, r, r+1, mcuRows)
		if len(s.out) >= flushAt || r == mcuRows-1 {
			if r == mcuRows-1 {
				s.out = append(s.out, 0xff, 0xd9) // EOI
			}
			if _, err := w.Write(s.out); err != nil {
				return fmt.Errorf("jpegenc: writing: %w", err)
			}
			s.out = s.out[:0]
		}
	}
	return nil
}

// check reports whether img and quality can be encoded.
func check(img *image.YCbCr, quality int) error {
	if quality < 1 || quality > 100 {
		return fmt.Errorf("%w: %d", ErrQuality, quality)
	}
	if img == nil {
		return errors.New("jpegenc: nil image")
	}
	if img.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		return fmt.Errorf("%w: %v", ErrSubsample, img.SubsampleRatio)
	}
	r := img.Rect
	if err := checkSize(r); err != nil {
		return err
	}
	last := r.Max.Sub(image.Pt(1, 1))
	if img.YStride < r.Dx() || img.CStride < (r.Max.X+1)/2-r.Min.X/2 ||
		len(img.Y) <= img.YOffset(last.X, last.Y) ||
		len(img.Cb) <= img.COffset(last.X, last.Y) || len(img.Cr) <= img.COffset(last.X, last.Y) {
		return fmt.Errorf("jpegenc: planes too short for image %v", r)
	}
	return nil
}

// checkSize reports whether an image with bounds r can be a JPEG.
func checkSize(r image.Rectangle) error {
	if r.Empty() {
		return fmt.Errorf("jpegenc: empty image %v", r)
	}
	// SOF0 holds each dimension in 16 bits (T.81 B.2.2).
	if r.Dx() > 0xffff || r.Dy() > 0xffff {
		return fmt.Errorf("jpegenc: image %dx%d too large for JPEG", r.Dx(), r.Dy())
	}
	return nil
}

// header returns the markers before the entropy-coded data: SOI, JFIF
// APP0, DQT, SOF0, DHT, DRI when there are restarts, and SOS (T.81 B.2).
func header(size image.Point, q *[2][64]uint8, mcusX int, restarts bool) []byte {
	b := make([]byte, 0, 640)
	b = append(b, 0xff, 0xd8) // SOI
	// JFIF 1.02 APP0: version 1.1, no units, 1:1 aspect, no thumbnail.
	b = append(b, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0)
	// DQT (B.2.4.1): two 8-bit tables, 0 luminance and 1 chrominance.
	b = append(b, 0xff, 0xdb, 0, 2+2*65)
	for i := range q {
		b = append(b, byte(i))
		b = append(b, q[i][:]...)
	}
	// SOF0 (B.2.2): 8-bit samples; Y sampled 2x2 on table 0, Cb and Cr
	// 1x1 on table 1.
	b = append(b, 0xff, 0xc0, 0, 17, 8)
	b = binary.BigEndian.AppendUint16(b, uint16(size.Y))
	b = binary.BigEndian.AppendUint16(b, uint16(size.X))
	b = append(b, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
	// DHT (B.2.4.2): all four tables in one segment.
	n := 2
	for _, s := range stdHuff {
		n += 1 + 16 + len(s.symbols)
	}
	b = append(b, 0xff, 0xc4)
	b = binary.BigEndian.AppendUint16(b, uint16(n))
	for i, s := range stdHuff {
		b = append(b, huffIDs[i])
		b = append(b, s.counts[:]...)
		b = append(b, s.symbols...)
	}
	if restarts {
		// DRI (B.2.4.4): a restart interval of one MCU row.
		b = append(b, 0xff, 0xdd, 0, 4)
		b = binary.BigEndian.AppendUint16(b, uint16(mcusX))
	}
	// SOS (B.2.3): Y on DC/AC tables 0, Cb and Cr on tables 1;
	// Ss=0, Se=63, Ah=Al=0 for a sequential DCT.
	b = append(b, 0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0)
	return b
}
