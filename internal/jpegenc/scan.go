package jpegenc

import (
	"encoding/binary"
	"image"
	"math/bits"
)

// A quantizer divides coefficients (scaled by 8, as fdct leaves them) by
// one table's steps, rounding to nearest as T.81 A.3.4 and image/jpeg do,
// by multiplying with a reciprocal: for x < 2^15 and d < 2^11,
// x*(2^32/d+1)>>32 is exactly x/d rounded down.
type quantizer struct {
	half  [64]uint64 // d/2, in zig-zag order
	recip [64]uint64 // 2^32/d + 1
}

func newQuantizer(q *[64]uint8) *quantizer {
	var z quantizer
	for k, v := range q {
		d := 8 * uint64(v)
		z.half[k] = d / 2
		z.recip[k] = 1<<32/d + 1
	}
	return &z
}

// quant returns a/d rounded to nearest, halves away from zero, for the
// k'th coefficient in zig-zag order. It has no branch: coefficients' signs
// do not predict.
func (z *quantizer) quant(a int32, k int) int32 {
	sign := a >> 31 // 0 or -1
	abs := uint64(uint32((a ^ sign) - sign))
	q := int32((abs + z.half[k]) * z.recip[k] >> 32)
	return (q ^ sign) - sign
}

// A component is what coding one colour component needs: its quantiser,
// its DC and AC code tables, and its DC predictor (T.81 F.1.2.1).
type component struct {
	q      *quantizer
	dc, ac *[256]huffCode
	pred   int32
}

// flatTail is the code of a flat block whose DC equals the prediction:
// DC difference 0, then EOB, packed to emit at once.
type flatTail struct {
	bits uint32
	n    uint
}

func newFlatTail(dc, ac *[256]huffCode) flatTail {
	d, e := dc[0], ac[0x00]
	return flatTail{(d&0xffffff)<<(e>>24) | e&0xffffff, uint(d>>24 + e>>24)}
}

// A scanWriter entropy-codes MCU rows into its own buffer: one per
// goroutine, so strips encode in parallel.
type scanWriter struct {
	out  []byte
	acc  uint64 // pending bits, the last n of them
	n    uint
	comp [3]component
	// lumTail and chrTail code a flat luma or chroma block that repeats
	// its prediction: most blocks of a flat image.
	lumTail, chrTail flatTail
	blk              block
	smp              [64]uint8
}

// emit appends the low n bits of v (n <= 32) to the entropy-coded data,
// writing each whole 32 bits, with a 0x00 stuffed after each 0xFF byte
// (T.81 F.1.2.3).
func (s *scanWriter) emit(v uint32, n uint) {
	s.acc = s.acc<<n | uint64(v)
	s.n += n
	if s.n < 32 {
		return
	}
	s.n -= 32
	w := uint32(s.acc >> s.n)
	if x := ^w; (x-0x01010101)&^x&0x80808080 == 0 {
		s.out = binary.BigEndian.AppendUint32(s.out, w)
		return
	}
	for sh := 24; sh >= 0; sh -= 8 {
		s.putByte(byte(w >> sh))
	}
}

func (s *scanWriter) putByte(b byte) {
	if b == 0xff {
		s.out = append(s.out, 0xff, 0x00)
	} else {
		s.out = append(s.out, b)
	}
}

// emitValue codes symbol sym of table h followed by the size extra bits of
// v that follow it (T.81 F.1.2.1 and F.1.2.2: negative values as v-1).
func (s *scanWriter) emitValue(h *[256]huffCode, sym uint32, v int32, size uint) {
	code := h[sym]
	n := uint(code >> 24)
	s.emit((code&0xffffff)<<size|uint32(v)&(1<<size-1), n+size)
}

// magnitude returns v as the extra bits code it and its size category.
func magnitude(v int32) (int32, uint) {
	a := v
	if v < 0 {
		a, v = -v, v-1
	}
	return v, uint(bits.Len32(uint32(a)))
}

// endInterval pads the last byte with 1 bits (T.81 F.1.2.3) and writes
// every pending byte, leaving the writer byte-aligned.
func (s *scanWriter) endInterval() {
	if p := (8 - s.n%8) % 8; p != 0 {
		s.emit(1<<p-1, p)
	}
	for s.n >= 8 {
		s.n -= 8
		s.putByte(byte(s.acc >> s.n))
	}
}

// codeSamples codes the 8x8 samples in s.smp as one block of c, flat
// blocks (all 64 samples equal) without a DCT.
func (s *scanWriter) codeSamples(c *component, tail flatTail) {
	p := s.smp[:]
	row := binary.LittleEndian.Uint64(p)
	flat := row == uint64(p[0])*0x0101010101010101
	for i := 8; flat && i < 64; i += 8 {
		flat = binary.LittleEndian.Uint64(p[i:]) == row
	}
	if flat {
		s.flatBlock(c, p[0], tail)
		return
	}
	b := &s.blk
	for i, v := range p {
		b[i] = int32(v)
	}
	fdct(b)
	s.emitDC(c, c.q.quant(b[0], 0))
	// Quantise in zig-zag order, noting the non-zero coefficients in a
	// mask, so that runs of zeros (T.81 F.1.2.2) are counted by bit.
	var zz [64]int32
	var mask uint64
	for k := 1; k < 64; k++ {
		v := c.q.quant(b[zigzag[k]], k)
		zz[k] = v
		if v != 0 {
			mask |= 1 << k
		}
	}
	last := 0
	for mask != 0 {
		k := bits.TrailingZeros64(mask)
		mask &= mask - 1
		run := k - last - 1
		for ; run > 15; run -= 16 {
			zrl := c.ac[0xf0]
			s.emit(zrl&0xffffff, uint(zrl>>24))
		}
		v, size := magnitude(zz[k])
		s.emitValue(c.ac, uint32(run)<<4|uint32(size), v, size)
		last = k
	}
	if last != 63 {
		eob := c.ac[0x00]
		s.emit(eob&0xffffff, uint(eob>>24))
	}
}

// emitDC codes dc as its difference from c's prediction (T.81 F.1.2.1).
func (s *scanWriter) emitDC(c *component, dc int32) {
	v, size := magnitude(dc - c.pred)
	c.pred = dc
	s.emitValue(c.dc, uint32(size), v, size)
}

// flatMCU codes the whole MCU at (x, y) and reports true if its 16x16
// luma samples are all one value and its 8x8 Cb and Cr samples each one
// value; else it codes nothing and reports false. Each flat block is its
// DC term and an EOB, and the three after the first luma block repeat
// their prediction.
func (s *scanWriter) flatMCU(ypix, cbpix, crpix []uint8, ystride, cstride, x, y int) bool {
	off := y*ystride + x
	v := ypix[off]
	want := uint64(v) * 0x0101010101010101
	for range 16 {
		r := ypix[off : off+16]
		if (binary.LittleEndian.Uint64(r)^want)|(binary.LittleEndian.Uint64(r[8:])^want) != 0 {
			return false
		}
		off += ystride
	}
	coff := y/2*cstride + x/2
	u, w := cbpix[coff], crpix[coff]
	wantU, wantW := uint64(u)*0x0101010101010101, uint64(w)*0x0101010101010101
	for range 8 {
		if (binary.LittleEndian.Uint64(cbpix[coff:])^wantU)|(binary.LittleEndian.Uint64(crpix[coff:])^wantW) != 0 {
			return false
		}
		coff += cstride
	}
	lum, cb, cr := &s.comp[0], &s.comp[1], &s.comp[2]
	s.flatBlock(lum, v, s.lumTail)
	for range 3 {
		s.emit(s.lumTail.bits, s.lumTail.n)
	}
	s.flatBlock(cb, u, s.chrTail)
	s.flatBlock(cr, w, s.chrTail)
	return true
}

// flatBlock codes a block of 64 samples v: a DC of 64*(v-128) in fdct's
// scaling, and no AC to code beyond the EOB.
func (s *scanWriter) flatBlock(c *component, v uint8, tail flatTail) {
	dc := c.q.quant(64*(int32(v)-128), 0)
	if dc == c.pred {
		s.emit(tail.bits, tail.n)
		return
	}
	s.emitDC(c, dc)
	eob := c.ac[0x00]
	s.emit(eob&0xffffff, uint(eob>>24))
}

// loadPlane copies the 8x8 samples at (x, y) of a plane w by h samples
// into s.smp, repeating the last column and row past the plane's edge, as
// image/jpeg does for partial MCUs (T.81 A.2.4 leaves the padding to the
// encoder).
func (s *scanWriter) loadPlane(pix []uint8, stride, w, h, x, y int) {
	if x+8 <= w && y+8 <= h {
		off := y*stride + x
		for j := range 8 {
			copy(s.smp[8*j:8*j+8], pix[off:off+8])
			off += stride
		}
		return
	}
	for j := range 8 {
		row := pix[min(y+j, h-1)*stride:]
		for i := range 8 {
			s.smp[8*j+i] = row[min(x+i, w-1)]
		}
	}
}

// loadChromaAveraged fills s.smp with the chroma of the 16x16 pixels at
// (x, y) from the image's origin, each sample the mean of a 2x2 pixel
// square as image/jpeg takes it: the general path, for images whose odd
// origin puts pixel pairs across chroma samples.
func (s *scanWriter) loadChromaAveraged(img *image.YCbCr, plane []uint8, x, y int) {
	r := img.Rect
	for j := range 8 {
		for i := range 8 {
			var sum int
			for _, d := range [4]image.Point{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				px := r.Min.X + min(x+2*i+d.X, r.Dx()-1)
				py := r.Min.Y + min(y+2*j+d.Y, r.Dy()-1)
				sum += int(plane[img.COffset(px, py)])
			}
			s.smp[8*j+i] = uint8((sum + 2) >> 2)
		}
	}
}

// encodeRows codes MCU rows [r0, r1) of img, each row one restart
// interval ended by RSTn, n counting from 0 modulo 8 (T.81 B.2.4.4,
// F.1.2.3), except the image's last row, which ends the scan.
func (s *scanWriter) encodeRows(img *image.YCbCr, r0, r1, mcuRows int) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	cw, ch := (w+1)/2, (h+1)/2
	even := img.Rect.Min.X%2 == 0 && img.Rect.Min.Y%2 == 0
	ypix := img.Y[img.YOffset(img.Rect.Min.X, img.Rect.Min.Y):]
	var cbpix, crpix []uint8
	if even {
		co := img.COffset(img.Rect.Min.X, img.Rect.Min.Y)
		cbpix, crpix = img.Cb[co:], img.Cr[co:]
	}
	lum, cb, cr := &s.comp[0], &s.comp[1], &s.comp[2]
	for my := r0; my < r1; my++ {
		lum.pred, cb.pred, cr.pred = 0, 0, 0
		for x := 0; x < w; x += 16 {
			y := 16 * my
			if even && x+16 <= w && y+16 <= h && s.flatMCU(ypix, cbpix, crpix, img.YStride, img.CStride, x, y) {
				continue
			}
			// The MCU is four luma blocks left to right, top to
			// bottom, then one block each of Cb and Cr (T.81 A.2.3).
			s.loadPlane(ypix, img.YStride, w, h, x, y)
			s.codeSamples(lum, s.lumTail)
			s.loadPlane(ypix, img.YStride, w, h, x+8, y)
			s.codeSamples(lum, s.lumTail)
			s.loadPlane(ypix, img.YStride, w, h, x, y+8)
			s.codeSamples(lum, s.lumTail)
			s.loadPlane(ypix, img.YStride, w, h, x+8, y+8)
			s.codeSamples(lum, s.lumTail)
			if even {
				s.loadPlane(cbpix, img.CStride, cw, ch, x/2, y/2)
				s.codeSamples(cb, s.chrTail)
				s.loadPlane(crpix, img.CStride, cw, ch, x/2, y/2)
				s.codeSamples(cr, s.chrTail)
			} else {
				s.loadChromaAveraged(img, img.Cb, x, y)
				s.codeSamples(cb, s.chrTail)
				s.loadChromaAveraged(img, img.Cr, x, y)
				s.codeSamples(cr, s.chrTail)
			}
		}
		s.endInterval()
		if my != mcuRows-1 {
			s.out = append(s.out, 0xff, 0xd0+byte(my%8))
		}
	}
}
