package epub

import (
	"fmt"
	"image"

	"github.com/go-text/typesetting/bidi"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/pressroom/publish/internal/shape"
)

// This file sets the cover's lines that a glyph a character cannot: a
// script whose letters join or reorder (shape.Needed), or text that reads
// right to left. Such a line is parted into runs of one face and one
// direction, the runs put in the order they are seen (UAX #9, rule L2),
// each run shaped, and its glyphs drawn by number; a line that reads
// right to left is set from the right margin.

// A coverGlyph is a glyph of a shaped line, its dot from the line's start.
type coverGlyph struct {
	font *sfnt.Font
	id   sfnt.GlyphIndex
	dot  fixed.Point26_6
}

// A shapedLine is a cover line set by the shaper.
type shapedLine struct {
	glyphs []coverGlyph
	width  fixed.Int26_6
	rtl    bool // the line reads right to left: it hangs from the right margin
}

// needsShaping reports whether a cover line must be shaped.
func needsShaping(s string) bool {
	_, rtl := shape.Scan(s)
	return rtl || shape.Needed(s)
}

// shapeLine sets line in c at its size.
func (c *coverFace) shapeLine(line string) (shapedLine, error) {
	runes := []rune(line)
	if len(runes) == 0 {
		return shapedLine{}, nil
	}
	var para bidi.Paragraph
	runs := para.Segment(runes, bidi.Neutral)
	levels := make([]bidi.Level, len(runes))
	for i := range runs.NumRuns() {
		r := runs.Run(i)
		for k := r.Start; k < r.End; k++ {
			levels[k] = r.Level
		}
	}
	// Runs of one face and one level, marks with their base.
	type run struct {
		from, to int
		face     string
		level    bidi.Level
	}
	var parts []run
	for i, r := range runes {
		name := c.faceName(r)
		if i > 0 && (shape.Attaches(r) || name == parts[len(parts)-1].face && levels[i] == parts[len(parts)-1].level) {
			parts[len(parts)-1].to = i + 1
			continue
		}
		parts = append(parts, run{from: i, to: i + 1, face: name, level: levels[i]})
	}
	// Rule L2, over runs.
	lv := make([]uint8, len(parts))
	for i, p := range parts {
		lv[i] = uint8(p.level)
	}
	shape.Reorder(parts, lv)
	first, _ := shape.Scan(line)
	out := shapedLine{rtl: first == shape.RightToLeft}
	sh := c.cf.shapes.NewShaper()
	defer sh.Release()
	var pen fixed.Int26_6
	for _, p := range parts {
		sf, err := c.cf.load(p.face)
		if err != nil {
			return shapedLine{}, err
		}
		glyphs, err := sh.Shape(nil, p.face, runes, p.from, p.to, p.level%2 == 1)
		if err != nil {
			return shapedLine{}, fmt.Errorf("cover: %w", err)
		}
		px := func(em float64) fixed.Int26_6 { return fixed.Int26_6(em * c.size * 64) }
		for _, g := range glyphs {
			out.glyphs = append(out.glyphs, coverGlyph{font: sf, id: sfnt.GlyphIndex(g.ID), dot: fixed.Point26_6{X: pen + px(g.X), Y: -px(g.Y)}})
			pen += px(g.Advance)
		}
	}
	out.width = pen
	return out, nil
}

// faceName returns the name of the face that sets r: the main face's, or
// the first fallback's that has r.
func (c *coverFace) faceName(r rune) string {
	cr := c.lookup(r)
	for name, f := range c.fallbacks {
		if f == cr.face {
			return name
		}
	}
	return c.name
}

// glyphRect returns the pixels glyph id of f covers with its origin at
// dot, from its outline's bounds, and the outline; an empty rectangle for
// a glyph that draws nothing.
func glyphRect(f *sfnt.Font, buf *sfnt.Buffer, id sfnt.GlyphIndex, ppem fixed.Int26_6, dot fixed.Point26_6) (image.Rectangle, sfnt.Segments) {
	segs, err := f.LoadGlyph(buf, id, ppem, nil)
	if err != nil || len(segs) == 0 {
		return image.Rectangle{}, nil
	}
	b := segs.Bounds()
	return image.Rect((b.Min.X + dot.X).Floor(), (b.Min.Y + dot.Y).Floor(), (b.Max.X + dot.X).Ceil(), (b.Max.Y + dot.Y).Ceil()), segs
}

// rasterize returns the coverage of glyph id of f at size ppem with its
// origin at dot, and the pixels it covers.
func rasterize(f *sfnt.Font, buf *sfnt.Buffer, id sfnt.GlyphIndex, ppem fixed.Int26_6, dot fixed.Point26_6) (image.Rectangle, *image.Alpha) {
	r, segs := glyphRect(f, buf, id, ppem, dot)
	if r.Empty() {
		return r, nil
	}
	ox := float32(dot.X)/64 - float32(r.Min.X)
	oy := float32(dot.Y)/64 - float32(r.Min.Y)
	pt := func(p fixed.Point26_6) (float32, float32) { return float32(p.X)/64 + ox, float32(p.Y)/64 + oy }
	var z vector.Rasterizer
	z.Reset(r.Dx(), r.Dy())
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.MoveTo(pt(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	z.ClosePath()
	mask := image.NewAlpha(image.Rect(0, 0, r.Dx(), r.Dy()))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return r, mask
}
