package jpegenc

// quantAC quantises the AC coefficients of b (natural order) into zz in
// zig-zag order and returns the mask of the non-zero ones, bit k for the
// k'th in zig-zag order. It is written out, one coefficient a line, so
// that every index and shift is a constant: no bounds checks, no loop,
// and no shift by a register, which is most of the work otherwise.
func (z *quantizer) quantAC(b *block, zz *[64]int32) (mask uint64) {
	mask |= z.coef(b, zz, 1, 1)
	mask |= z.coef(b, zz, 2, 8)
	mask |= z.coef(b, zz, 3, 16)
	mask |= z.coef(b, zz, 4, 9)
	mask |= z.coef(b, zz, 5, 2)
	mask |= z.coef(b, zz, 6, 3)
	mask |= z.coef(b, zz, 7, 10)
	mask |= z.coef(b, zz, 8, 17)
	mask |= z.coef(b, zz, 9, 24)
	mask |= z.coef(b, zz, 10, 32)
	mask |= z.coef(b, zz, 11, 25)
	mask |= z.coef(b, zz, 12, 18)
	mask |= z.coef(b, zz, 13, 11)
	mask |= z.coef(b, zz, 14, 4)
	mask |= z.coef(b, zz, 15, 5)
	mask |= z.coef(b, zz, 16, 12)
	mask |= z.coef(b, zz, 17, 19)
	mask |= z.coef(b, zz, 18, 26)
	mask |= z.coef(b, zz, 19, 33)
	mask |= z.coef(b, zz, 20, 40)
	mask |= z.coef(b, zz, 21, 48)
	mask |= z.coef(b, zz, 22, 41)
	mask |= z.coef(b, zz, 23, 34)
	mask |= z.coef(b, zz, 24, 27)
	mask |= z.coef(b, zz, 25, 20)
	mask |= z.coef(b, zz, 26, 13)
	mask |= z.coef(b, zz, 27, 6)
	mask |= z.coef(b, zz, 28, 7)
	mask |= z.coef(b, zz, 29, 14)
	mask |= z.coef(b, zz, 30, 21)
	mask |= z.coef(b, zz, 31, 28)
	mask |= z.coef(b, zz, 32, 35)
	mask |= z.coef(b, zz, 33, 42)
	mask |= z.coef(b, zz, 34, 49)
	mask |= z.coef(b, zz, 35, 56)
	mask |= z.coef(b, zz, 36, 57)
	mask |= z.coef(b, zz, 37, 50)
	mask |= z.coef(b, zz, 38, 43)
	mask |= z.coef(b, zz, 39, 36)
	mask |= z.coef(b, zz, 40, 29)
	mask |= z.coef(b, zz, 41, 22)
	mask |= z.coef(b, zz, 42, 15)
	mask |= z.coef(b, zz, 43, 23)
	mask |= z.coef(b, zz, 44, 30)
	mask |= z.coef(b, zz, 45, 37)
	mask |= z.coef(b, zz, 46, 44)
	mask |= z.coef(b, zz, 47, 51)
	mask |= z.coef(b, zz, 48, 58)
	mask |= z.coef(b, zz, 49, 59)
	mask |= z.coef(b, zz, 50, 52)
	mask |= z.coef(b, zz, 51, 45)
	mask |= z.coef(b, zz, 52, 38)
	mask |= z.coef(b, zz, 53, 31)
	mask |= z.coef(b, zz, 54, 39)
	mask |= z.coef(b, zz, 55, 46)
	mask |= z.coef(b, zz, 56, 53)
	mask |= z.coef(b, zz, 57, 60)
	mask |= z.coef(b, zz, 58, 61)
	mask |= z.coef(b, zz, 59, 54)
	mask |= z.coef(b, zz, 60, 47)
	mask |= z.coef(b, zz, 61, 55)
	mask |= z.coef(b, zz, 62, 62)
	mask |= z.coef(b, zz, 63, 63)
	return mask
}

// coef quantises b[i], the k'th coefficient in zig-zag order, into zz[k]
// and returns its bit of quantAC's mask. It inlines, with constant k and i.
func (z *quantizer) coef(b *block, zz *[64]int32, k, i int) uint64 {
	v := z.quant(b[i], i)
	zz[k] = v
	return uint64(uint32(v|-v)>>31) << k // without a branch, as in quant
}
