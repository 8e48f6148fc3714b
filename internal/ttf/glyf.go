package ttf

import (
	"github.com/pressroom/publish/internal/fontdata"

	"cmp"
	"fmt"
	"slices"
)

// Composite glyph flags (OpenType spec, "glyf": Composite glyph description).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// outlines reads glyphs from the glyf table through the loca table.
type outlines struct {
	loca, glyf data
	long       bool // loca format 1: 32-bit offsets
	numGlyphs  int
}

// span returns where glyph g lies in glyf. An empty glyph (a space) has
// start == end.
func (o *outlines) span(g int) (start, end int, err error) {
	if g >= o.numGlyphs {
		return 0, 0, fmt.Errorf("glyph %d of %d", g, o.numGlyphs)
	}
	if o.long {
		start, end = int(o.loca.U32(g*4)), int(o.loca.U32(g*4+4))
	} else {
		start, end = 2*int(o.loca.U16(g*2)), 2*int(o.loca.U16(g*2+2))
	}
	if o.loca.Err != nil {
		return 0, 0, fmt.Errorf("loca: %w", o.loca.Err)
	}
	if start > end || end > len(o.glyf.S) {
		return 0, 0, fmt.Errorf("glyph %d at %d..%d of %d: %w", g, start, end, len(o.glyf.S), fontdata.ErrShort)
	}
	return start, end, nil
}

// components calls fn with the offset, from the glyph's start, of the
// glyph index of each component of glyph g, if g is a composite glyph.
func (o *outlines) components(g int, fn func(at int, component uint16)) error {
	start, end, err := o.span(g)
	if err != nil || end-start < 10 || o.glyf.I16(start) >= 0 {
		return err // empty, or simple: contours of its own
	}
	d := data{S: o.glyf.S[start:end]}
	for at := 10; ; {
		flags := d.U16(at)
		component := d.U16(at + 2)
		if d.Err != nil {
			return fmt.Errorf("composite glyph %d: %w", g, d.Err)
		}
		fn(at+2, component)
		at += 4 + 2 // flags, index and two byte arguments
		if flags&argsAreWords != 0 {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// closure returns the glyphs of roots, glyph 0 (.notdef, which a renderer
// draws for a missing glyph) and every component of a composite among
// them, sorted. A component is itself included, at any depth, so that the
// subset's composites draw as in the full font.
func (o *outlines) closure(roots []uint16) ([]uint16, error) {
	seen := make([]uint64, (o.numGlyphs+63)/64)
	var keep []uint16
	add := func(g uint16) {
		if int(g) < o.numGlyphs && seen[g/64]&(1<<(g%64)) == 0 {
			seen[g/64] |= 1 << (g % 64)
			keep = append(keep, g)
		}
	}
	add(0)
	for _, g := range roots {
		add(g)
	}
	// keep grows as components are found; each glyph is visited once, so
	// a cycle of components, which a valid font cannot have, ends too.
	for i := 0; i < len(keep); i++ {
		var bad error
		err := o.components(int(keep[i]), func(_ int, c uint16) {
			if int(c) >= o.numGlyphs && bad == nil {
				bad = fmt.Errorf("composite glyph %d: component %d of %d glyphs", keep[i], c, o.numGlyphs)
			}
			add(c)
		})
		if err = cmp.Or(err, bad); err != nil {
			return nil, err
		}
	}
	slices.Sort(keep)
	return keep, nil
}
