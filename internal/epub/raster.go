package epub

import (
	"image"
	"image/color"
	"math"
	"slices"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The cover draws its glyphs with this small rasterizer rather than
// opentype.Face, whose rasterizer (x/image/vector) needs golang.org/x/sys,
// which go.mod does not carry.

// An edge is one straight piece of a flattened outline, in pixels.
type edge struct {
	x0, y0, x1, y1 float64
}

// subrows is how many sample lines a pixel row has; coverage across a row
// is exact, so eight is smooth at cover sizes.
const subrows = 8

// outline flattens glyph segments, offset by (ox, oy), into edges.
func outlineEdges(segs sfnt.Segments, ox, oy float64) []edge {
	var edges []edge
	pt := func(p fixed.Point26_6) (float64, float64) {
		return ox + float64(p.X)/64, oy + float64(p.Y)/64
	}
	var cx, cy, sx, sy float64
	line := func(x, y float64) {
		if y != cy {
			edges = append(edges, edge{cx, cy, x, y})
		}
		cx, cy = x, y
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			line(sx, sy) // close the previous contour
			cx, cy = pt(s.Args[0])
			sx, sy = cx, cy
		case sfnt.SegmentOpLineTo:
			line(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x0, y0 := cx, cy
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			n := curveSteps(math.Hypot(x1-x0, y1-y0) + math.Hypot(x2-x1, y2-y1))
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				line(u*u*x0+2*u*t*x1+t*t*x2, u*u*y0+2*u*t*y1+t*t*y2)
			}
		case sfnt.SegmentOpCubeTo:
			x0, y0 := cx, cy
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			n := curveSteps(math.Hypot(x1-x0, y1-y0) + math.Hypot(x2-x1, y2-y1) + math.Hypot(x3-x2, y3-y2))
			for i := 1; i <= n; i++ {
				t := float64(i) / float64(n)
				u := 1 - t
				line(u*u*u*x0+3*u*u*t*x1+3*u*t*t*x2+t*t*t*x3, u*u*u*y0+3*u*u*t*y1+3*u*t*t*y2+t*t*t*y3)
			}
		}
	}
	line(sx, sy)
	return edges
}

// curveSteps returns how many lines approximate a curve whose control
// polygon is length px long: about one per 4 px, which keeps the error far
// below a pixel.
func curveSteps(length float64) int {
	return max(2, min(64, int(length/4)+1))
}

// fill paints the area the edges enclose (non-zero winding) in col, with
// anti-aliased edges.
func fill(dst *image.RGBA, edges []edge, col color.RGBA) {
	if len(edges) == 0 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, e := range edges {
		minX, maxX = min(minX, e.x0, e.x1), max(maxX, e.x0, e.x1)
		minY, maxY = min(minY, e.y0, e.y1), max(maxY, e.y0, e.y1)
	}
	b := dst.Bounds()
	x0, x1 := max(b.Min.X, int(math.Floor(minX))), min(b.Max.X, int(math.Ceil(maxX)))
	y0, y1 := max(b.Min.Y, int(math.Floor(minY))), min(b.Max.Y, int(math.Ceil(maxY)))
	if x0 >= x1 || y0 >= y1 {
		return
	}
	type crossing struct {
		x   float64
		dir int
	}
	acc := make([]float64, x1-x0)
	var xs []crossing
	for py := y0; py < y1; py++ {
		clear(acc)
		for k := 0; k < subrows; k++ {
			y := float64(py) + (float64(k)+0.5)/subrows
			xs = xs[:0]
			for _, e := range edges {
				lo, hi, dir := e.y0, e.y1, 1
				if lo > hi {
					lo, hi, dir = hi, lo, -1
				}
				if y < lo || y >= hi {
					continue
				}
				xs = append(xs, crossing{e.x0 + (y-e.y0)*(e.x1-e.x0)/(e.y1-e.y0), dir})
			}
			slices.SortFunc(xs, func(a, b crossing) int { return cmpFloat(a.x, b.x) })
			w := 0
			for i := 0; i+1 < len(xs); i++ {
				w += xs[i].dir
				if w != 0 {
					span(acc, xs[i].x-float64(x0), xs[i+1].x-float64(x0), 1.0/subrows)
				}
			}
		}
		for i, a := range acc {
			if a > 0 {
				blend(dst, x0+i, py, col, min(a, 1))
			}
		}
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// span adds weight times the covered fraction of each pixel in [a, b).
func span(acc []float64, a, b, weight float64) {
	a, b = max(a, 0), min(b, float64(len(acc)))
	if a >= b {
		return
	}
	ia, ib := int(a), int(b)
	if ia == ib {
		acc[ia] += (b - a) * weight
		return
	}
	acc[ia] += (float64(ia+1) - a) * weight
	for i := ia + 1; i < ib; i++ {
		acc[i] += weight
	}
	if ib < len(acc) {
		acc[ib] += (b - float64(ib)) * weight
	}
}

// blend paints col over the pixel at (x, y) with coverage a.
func blend(dst *image.RGBA, x, y int, col color.RGBA, a float64) {
	i := dst.PixOffset(x, y)
	p := dst.Pix[i : i+4 : i+4]
	mix := func(d, s uint8) uint8 { return uint8(float64(d)*(1-a) + float64(s)*a + 0.5) }
	p[0], p[1], p[2] = mix(p[0], col.R), mix(p[1], col.G), mix(p[2], col.B)
	p[3] = 0xff
}
