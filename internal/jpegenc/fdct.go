package jpegenc

// A block is one 8x8 block in row-major order: samples before fdct,
// coefficients after.
type block [64]int32

// The forward DCT of T.81 A.3.3 is
//
//	F(u,v) = 1/4 C(u) C(v) Σx Σy f(x,y) cos((2x+1)uπ/16) cos((2y+1)vπ/16)
//
// with C(0) = 1/√2, C(n) = 1 otherwise, and f the level-shifted samples
// (x the column, y the row). It is separable: 8F is one 8-point transform
// of the rows and then one of the columns, each with the kernel
//
//	M(u,x) = √2 C(u) cos((2x+1)uπ/16),
//
// since M(u,x) M(v,y) = 2 C(u) C(v) cos·cos = 8 · 1/4 C(u) C(v) cos·cos.
// That leaves the coefficients scaled by 8, as the quantizer expects.
//
// cos((2(7-x)+1)uπ/16) = (-1)^u cos((2x+1)uπ/16), so the even outputs
// need only the sums s(x) = f(x) + f(7-x) and the odd ones only the
// differences d(x) = f(x) - f(7-x), x < 4; and the even half folds the
// same way again. With k(n) = √2 cos(nπ/16), reducing each angle to
// the first quadrant gives
//
//	X0 = s0 + s1 + s2 + s3                  (M(0,x) = 1)
//	X4 = (s0 + s3) - (s1 + s2)              (M(4,x) = ±1)
//	X2 = k2 (s0 - s3) + k6 (s1 - s2)
//	X6 = k6 (s0 - s3) - k2 (s1 - s2)
//	X1 = k1 d0 + k3 d1 + k5 d2 + k7 d3
//	X3 = k3 d0 - k7 d1 - k1 d2 - k5 d3
//	X5 = k5 d0 - k1 d1 + k7 d2 + k3 d3
//	X7 = k7 d0 - k5 d1 + k3 d2 - k1 d3
//
// 20 multiplications per transform instead of 64.

// The k(n) are fixed point with dctBits fraction bits. The row pass keeps
// rowBits fraction bits for the column pass. Samples in [-128, 127] give
// |X| <= 1024 after the rows and |8F| <= 8192 after the columns, and the
// largest column-pass sum, (k1+k3+k5+k7) · 2·1024·2^rowBits with the k
// as the integers below, is under 2^30, so int32 holds every step.
const (
	dctBits = 13
	rowBits = 4

	k1 = 11363 // round(√2 cos(1π/16) · 2^13)
	k2 = 10703 // round(√2 cos(2π/16) · 2^13)
	k3 = 9633  // round(√2 cos(3π/16) · 2^13)
	k5 = 6436  // round(√2 cos(5π/16) · 2^13)
	k6 = 4433  // round(√2 cos(6π/16) · 2^13)
	k7 = 2260  // round(√2 cos(7π/16) · 2^13)
)

// fdct replaces the samples in b, 0–255, with 8 times their DCT
// coefficients F(u,v) (T.81 A.3.3) at b[8v+u], rounded to nearest. A flat
// block's DC comes out as exactly 64*(sample-128) and its AC as 0.
func fdct(b *block) {
	fdctRows((*[64]int32)(b), b)
	fdctColumns(b)
}

// fdctRows does fdct's row pass from the samples in p into b, which may
// be p: the encoder's samples are bytes, and converting them as they are
// read saves a pass.
func fdctRows[T uint8 | int32](p *[64]T, b *block) {
	// Rows: results scaled by 2^rowBits. The level shift by 128 touches
	// only X0 (it cancels in every difference), so it is taken there:
	// 8 samples of 128 are 1024.
	for y := 0; y < 64; y += 8 {
		q := (*[8]T)(p[y:])
		f0, f1, f2, f3 := int32(q[0]), int32(q[1]), int32(q[2]), int32(q[3])
		f4, f5, f6, f7 := int32(q[4]), int32(q[5]), int32(q[6]), int32(q[7])
		s0, s1, s2, s3 := f0+f7, f1+f6, f2+f5, f3+f4
		d0, d1, d2, d3 := f0-f7, f1-f6, f2-f5, f3-f4
		a0, a1, b0, b1 := s0+s3, s1+s2, s0-s3, s1-s2
		const sh, half = dctBits - rowBits, 1 << (dctBits - rowBits - 1)
		r := (*[8]int32)(b[y:])
		r[0] = (a0 + a1 - 1024) << rowBits
		r[4] = (a0 - a1) << rowBits
		r[2] = (k2*b0 + k6*b1 + half) >> sh
		r[6] = (k6*b0 - k2*b1 + half) >> sh
		r[1] = (k1*d0 + k3*d1 + k5*d2 + k7*d3 + half) >> sh
		r[3] = (k3*d0 - k7*d1 - k1*d2 - k5*d3 + half) >> sh
		r[5] = (k5*d0 - k1*d1 + k7*d2 + k3*d3 + half) >> sh
		r[7] = (k7*d0 - k5*d1 + k3*d2 - k1*d3 + half) >> sh
	}
}

// fdctColumns does fdct's column pass on the rows' results in b.
func fdctColumns(b *block) {
	// Columns: the same transform, removing the row pass's scale.
	// Shifting right with half added rounds to nearest, ties upward.
	for x := range 8 {
		c := b[x : x+57]
		s0, s1, s2, s3 := c[0]+c[56], c[8]+c[48], c[16]+c[40], c[24]+c[32]
		d0, d1, d2, d3 := c[0]-c[56], c[8]-c[48], c[16]-c[40], c[24]-c[32]
		a0, a1, b0, b1 := s0+s3, s1+s2, s0-s3, s1-s2
		const sh, half = dctBits + rowBits, 1 << (dctBits + rowBits - 1)
		const rsh, rhalf = rowBits, 1 << (rowBits - 1)
		c[0] = (a0 + a1 + rhalf) >> rsh
		c[32] = (a0 - a1 + rhalf) >> rsh
		c[16] = (k2*b0 + k6*b1 + half) >> sh
		c[48] = (k6*b0 - k2*b1 + half) >> sh
		c[8] = (k1*d0 + k3*d1 + k5*d2 + k7*d3 + half) >> sh
		c[24] = (k3*d0 - k7*d1 - k1*d2 - k5*d3 + half) >> sh
		c[40] = (k5*d0 - k1*d1 + k7*d2 + k3*d3 + half) >> sh
		c[56] = (k7*d0 - k5*d1 + k3*d2 - k1*d3 + half) >> sh
	}
}
