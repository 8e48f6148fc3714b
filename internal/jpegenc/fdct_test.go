package jpegenc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// directDCT evaluates T.81 A.3.3 term by term: 8 times F(u,v) of the
// level-shifted samples, at index 8v+u, unrounded.
func directDCT(samples *[64]uint8) [64]float64 {
	c := func(n int) float64 {
		if n == 0 {
			return 1 / math.Sqrt2
		}
		return 1
	}
	var out [64]float64
	for v := range 8 {
		for u := range 8 {
			var sum float64
			for y := range 8 {
				for x := range 8 {
					f := float64(samples[8*y+x]) - 128
					sum += f * math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) *
						math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
				}
			}
			out[8*v+u] = 8 * c(u) * c(v) / 4 * sum
		}
	}
	return out
}

// TestFDCT checks fdct against the direct formula: every coefficient
// within 1 of the exact value rounded, on random blocks and on the
// extremes that drive the fixed-point sums hardest.
func TestFDCT(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	fill := func(f func(x, y int) uint8) func() [64]uint8 {
		return func() (b [64]uint8) {
			for i := range b {
				b[i] = f(i%8, i/8)
			}
			return b
		}
	}
	for _, tt := range []struct {
		name   string
		blocks int
		gen    func() [64]uint8
	}{
		{"random", 2000, fill(func(int, int) uint8 { return uint8(rng.IntN(256)) })},
		{"random 0 or 255", 500, fill(func(int, int) uint8 { return 255 * uint8(rng.IntN(2)) })},
		{"smooth", 500, func() [64]uint8 {
			a, b, c := rng.IntN(9)-4, rng.IntN(9)-4, rng.IntN(256)
			return fill(func(x, y int) uint8 { return uint8(min(max(c+a*x+b*y, 0), 255)) })()
		}},
		{"checkerboard", 1, fill(func(x, y int) uint8 { return 255 * uint8((x+y)%2) })},
		{"stripes", 1, fill(func(x, _ int) uint8 { return 255 * uint8(x%2) })},
		{"halves", 1, fill(func(x, _ int) uint8 { return 255 * uint8(x/4) })},
		{"black", 1, fill(func(int, int) uint8 { return 0 })},
		{"white", 1, fill(func(int, int) uint8 { return 255 })},
	} {
		t.Run(tt.name, func(t *testing.T) {
			worst := 0.0
			for range tt.blocks {
				smp := tt.gen()
				want := directDCT(&smp)
				var b block
				for i, v := range smp {
					b[i] = int32(v)
				}
				fdct(&b)
				for i, g := range b {
					worst = max(worst, math.Abs(float64(g)-want[i]))
					if d := g - int32(math.Round(want[i])); d < -1 || d > 1 {
						t.Fatalf("coefficient (u %d, v %d) is %d, want %.3f±1 for samples %v",
							i%8, i/8, g, want[i], smp)
					}
				}
			}
			t.Logf("largest error %.3f", worst)
		})
	}
}

// TestFDCTFlat checks that a flat block has exactly the DC flatBlock
// codes without a DCT, 64*(v-128), and no AC, so the two paths agree.
func TestFDCTFlat(t *testing.T) {
	for _, v := range []int32{0, 1, 42, 127, 128, 129, 200, 255} {
		var b block
		for i := range b {
			b[i] = v
		}
		fdct(&b)
		if b[0] != 64*(v-128) {
			t.Errorf("sample %d: DC %d, want %d", v, b[0], 64*(v-128))
		}
		for i, c := range b[1:] {
			if c != 0 {
				t.Errorf("sample %d: AC (u %d, v %d) is %d, want 0", v, (i+1)%8, (i+1)/8, c)
			}
		}
	}
}
