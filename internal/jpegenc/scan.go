package jpegenc

import (
	"encoding/binary"
	"image"
	"math/bits"
	"slices"
)

// A quantizer divides coefficients (scaled by 8, as fdct leaves them) by
// one table's steps, rounding to nearest as T.81 A.3.4 and image/jpeg do,
// by multiplying with a reciprocal: for x < 2^15 and d < 2^11,
// x*(2^32/d+1)>>32 is exactly x/d rounded down.
type quantizer struct {
	half  [64]uint64 // d/2, in natural order
	recip [64]uint64 // 2^32/d + 1
}

// newQuantizer returns the quantizer of table q, in zig-zag order as DQT
// carries it.
func newQuantizer(q *[64]uint8) *quantizer {
	var z quantizer
	for k, v := range q {
		d := 8 * uint64(v)
		z.half[zigzag[k]] = d / 2
		z.recip[zigzag[k]] = 1<<32/d + 1
	}
	return &z
}

// quant returns a/d rounded to nearest, halves away from zero, for the
// k'th coefficient in natural order. It has no branch: coefficients'
// signs do not predict.
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

// newMCUTail returns the code of an MCU of four luma blocks lum and two
// chroma blocks chr, or a zero flatTail if it is longer than emit takes.
func newMCUTail(lum, chr flatTail) flatTail {
	var t flatTail
	for _, b := range [6]flatTail{lum, lum, lum, lum, chr, chr} {
		t.bits, t.n = t.bits<<b.n|b.bits, t.n+b.n
		if t.n > 32 {
			return flatTail{}
		}
	}
	return t
}

// A scanWriter entropy-codes MCU rows into its own buffer: one per
// goroutine, so strips encode in parallel.
type scanWriter struct {
	out  []byte
	acc  uint64 // pending bits, the last n of them
	n    uint
	comp [3]component
	// lumTail and chrTail code a flat luma or chroma block that repeats
	// its prediction: most blocks of a flat image. mcuTail codes a whole
	// MCU of such blocks, when its code fits in 32 bits (else n is 0).
	lumTail, chrTail, mcuTail flatTail
	blk                       block
	smp                       [64]uint8
	mcu                       *MCU // EncodeSource's samples
}

// emit appends the low n bits of v (n <= 32) to the entropy-coded data,
// writing each whole 32 bits, with a 0x00 stuffed after each 0xFF byte
// (T.81 F.1.2.3).
func (s *scanWriter) emit(v uint32, n uint) {
	s.acc = s.acc<<(n&63) | uint64(v)
	s.n += n
	if s.n >= 32 {
		s.flush32()
	}
}

// flush32 writes the oldest 32 of the pending bits, out of emit's line.
func (s *scanWriter) flush32() {
	s.n -= 32
	s.put32(uint32(s.acc >> s.n))
}

// put32 appends the 32 bits w, with stuffing.
func (s *scanWriter) put32(w uint32) {
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
// It has no branch: coefficients' signs do not predict.
func magnitude(v int32) (int32, uint) {
	sign := v >> 31 // 0 or -1
	return v + sign, uint(bits.Len32(uint32((v ^ sign) - sign)))
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
	fdctRows(&s.smp, b)
	fdctColumns(b)
	s.emitDC(c, c.q.quant(b[0], 0))
	// Quantise into zig-zag order, noting the non-zero coefficients in a
	// mask, so that runs of zeros (T.81 F.1.2.2) are counted by bit.
	var zz [64]int32
	mask := c.q.quantAC(b, &zz)
	// The pending bits and the output stay in registers here, where most
	// of an image's bits are coded: emit's and emitValue's work, inlined,
	// writing into room made first, so that nothing here calls out (and
	// spills the loop's state).
	if cap(s.out)-len(s.out) < maxBlockBytes {
		s.out = slices.Grow(s.out, max(maxBlockBytes, cap(s.out)))
	}
	out := s.out
	ac := c.ac
	acc, n := s.acc, s.n
	last := 0
	for mask != 0 {
		// One code a turn: ZRL for each 16 zeros before the next
		// coefficient, then the coefficient's. Shift counts masked to
		// their range spare Go's checks for counts past the width.
		k := bits.TrailingZeros64(mask)
		var code uint32
		var size uint
		if run := k - last - 1; run > 15 {
			zrl := ac[0xf0]
			code, size = zrl&0xffffff, uint(zrl>>24)
			last += 16
		} else {
			mask &= mask - 1
			last = k
			v := zz[k&63]
			sign := v >> 31
			vs := uint(bits.Len32(uint32((v^sign)-sign))) & 31
			c := ac[uint8(run<<4)|uint8(vs)]
			code, size = (c&0xffffff)<<vs|uint32(v+sign)&(1<<vs-1), uint(c>>24)+vs
		}
		acc = acc<<(size&63) | uint64(code)
		n += size
		if n >= 32 {
			// Write the oldest 32 bits, with a 0x00 after each 0xFF
			// (T.81 F.1.2.3).
			n -= 32
			w := uint32(acc >> (n & 63))
			l := len(out)
			d := out[l : l+8 : l+8]
			binary.BigEndian.PutUint32(d, w)
			if x := ^w; (x-0x01010101)&^x&0x80808080 == 0 {
				out = out[:l+4]
				continue
			}
			j := 0
			for sh := 24; sh >= 0; sh -= 8 {
				d[j&7] = byte(w >> sh)
				if d[j&7] == 0xff {
					d[(j+1)&7] = 0
					j++
				}
				j++
			}
			out = out[:l+j]
		}
	}
	s.out, s.acc, s.n = out, acc, n
	if last != 63 {
		eob := ac[0x00]
		s.emit(eob&0xffffff, uint(eob>>24))
	}
}

// maxBlockBytes bounds what coding one block's AC writes: the 31 bits
// pending before it and 63 codes of at most 16+11 bits (runs of zeros
// take fewer), each byte perhaps stuffed, and the slack of an 8-byte
// window.
const maxBlockBytes = 2*(31+63*27+7)/8 + 8

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
	s.flatMCUOf(v, u, w)
	return true
}

// flatMCUOf codes an MCU all of whose pixels are luma v, Cb u and Cr w.
// Where each DC repeats its prediction, as it does over most of a flat
// ground, the six blocks' codes go out as one.
func (s *scanWriter) flatMCUOf(v, u, w uint8) {
	lum, cb, cr := &s.comp[0], &s.comp[1], &s.comp[2]
	if t := s.mcuTail; t.n != 0 && lum.q.quant(64*(int32(v)-128), 0) == lum.pred &&
		cb.q.quant(64*(int32(u)-128), 0) == cb.pred && cr.q.quant(64*(int32(w)-128), 0) == cr.pred {
		s.emit(t.bits, t.n)
		return
	}
	s.flatBlock(lum, v, s.lumTail)
	for range 3 {
		s.emit(s.lumTail.bits, s.lumTail.n)
	}
	s.flatBlock(cb, u, s.chrTail)
	s.flatBlock(cr, w, s.chrTail)
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
