package ttf

import (
	"github.com/pressroom/publish/internal/fontdata"

	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// A Font is a TrueType font cut down by Subset, with what a PDF needs to
// know of it.
type Font struct {
	// Data is the TrueType file.
	Data []byte
	// Runes are the runes the font maps, sorted: those asked for that the
	// full font has. Glyphs and Advances hold their glyph numbers in Data
	// and their advance widths in font units.
	Runes    []rune
	Glyphs   []uint16
	Advances []uint16
	// Extra are the glyphs asked for by number, as the full font numbers
	// them, sorted and once each; ExtraGlyphs and ExtraAdvances hold their
	// numbers in Data and their advance widths. A shaper's output (a
	// ligature, a contextual form) is drawn by glyph, not by rune.
	Extra         []uint16
	ExtraGlyphs   []uint16
	ExtraAdvances []uint16
	Metrics
}

// Subset returns a TrueType font that holds the glyphs file maps runes to,
// and only those (with .notdef and the components of composite glyphs),
// under a cmap of just those runes. file is a whole TrueType font, as a
// string because package fonts embeds it as one and a string is read
// without a copy. runes may come in any order and repeat; runes the font
// lacks are left out.
//
// Subset returns ErrCmapFull, wrapped, for a set of runes a format 4 cmap
// cannot hold.
func Subset(file string, runes []rune) (*Font, error) {
	return SubsetGlyphs(file, runes, nil)
}

// SubsetGlyphs is Subset that keeps, besides the glyphs of runes, the
// glyphs numbered in glyphs, which come in any order and may repeat;
// numbers past the font's glyphs are left out.
func SubsetGlyphs(file string, runes []rune, glyphs []uint16) (*Font, error) {
	tabs, err := tables(file)
	if err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name"} {
		if _, ok := tabs[tag]; !ok {
			return nil, fmt.Errorf("ttf: no %s table", tag)
		}
	}
	head, maxp := data{S: tabs["head"]}, data{S: tabs["maxp"]}
	o := outlines{
		loca:      data{S: tabs["loca"]},
		glyf:      data{S: tabs["glyf"]},
		long:      head.I16(50) != 0, // indexToLocFormat
		numGlyphs: int(maxp.U16(4)),
	}
	if err := cmp.Or(head.Err, maxp.Err); err != nil {
		return nil, fmt.Errorf("ttf: head or maxp: %w", err)
	}
	cm, err := findCmap(tabs["cmap"])
	if err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}

	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	ms := make([]mapping, 0, len(runes))
	roots := make([]uint16, 0, len(runes))
	for _, r := range runes {
		if g := cm.glyph(r); g != 0 && int(g) < o.numGlyphs {
			ms = append(ms, mapping{r, g})
			roots = append(roots, g)
		}
	}
	if cm.d.Err != nil {
		return nil, fmt.Errorf("ttf: cmap: %w", cm.d.Err)
	}
	glyphs = slices.Clone(glyphs)
	slices.Sort(glyphs)
	glyphs = slices.Compact(glyphs)
	extra := glyphs[:0]
	for _, g := range glyphs {
		if int(g) < o.numGlyphs {
			extra = append(extra, g)
			roots = append(roots, g)
		}
	}
	keep, err := o.closure(roots)
	if err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}
	// A glyph's number in the subset is its place among the kept glyphs,
	// which keeps their order.
	renumber := func(g uint16) uint16 {
		i, _ := slices.BinarySearch(keep, g)
		return uint16(i)
	}
	font := &Font{
		Runes:    make([]rune, len(ms)),
		Glyphs:   make([]uint16, len(ms)),
		Advances: make([]uint16, len(ms)),
	}
	hmtx, hhea := data{S: tabs["hmtx"]}, data{S: tabs["hhea"]}
	n := int(hhea.U16(34)) // numberOfHMetrics; w.metrics checks it
	for i, m := range ms {
		font.Runes[i], font.Advances[i] = m.r, advance(&hmtx, n, m.g)
		ms[i].g = renumber(m.g)
		font.Glyphs[i] = ms[i].g
	}
	font.Extra = extra
	for _, g := range extra {
		font.ExtraGlyphs = append(font.ExtraGlyphs, renumber(g))
		font.ExtraAdvances = append(font.ExtraAdvances, advance(&hmtx, n, g))
	}
	if font.Metrics, err = metrics(tabs, advance(&hmtx, n, 0)); err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}

	w := writer{tabs: tabs}
	if err := w.glyphs(&o, keep, renumber); err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}
	if err := w.metrics(keep); err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}
	cmapTab, err := appendCmap(nil, ms)
	if err != nil {
		return nil, fmt.Errorf("ttf: %w", err)
	}
	w.add("cmap", cmapTab)
	w.add("post", post(tabs["post"]))
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := tabs[tag]; ok {
			w.add(tag, []byte(t))
		}
	}
	font.Data = w.assemble()
	return font, nil
}

// advance reads the advance width of glyph g from hmtx, which has n full
// records: glyphs past them repeat the last one's advance.
func advance(hmtx *data, n int, g uint16) uint16 {
	if n == 0 {
		return 0
	}
	return hmtx.U16(4 * min(int(g), n-1))
}

// writer collects the tables of the subset.
type writer struct {
	tabs map[string]string // of the full font
	out  []table
}

type table struct {
	tag  string
	data []byte
}

func (w *writer) add(tag string, b []byte) { w.out = append(w.out, table{tag, b}) }

// edit returns a copy of the full font's table tag with the 16-bit field
// at each offset set to its value.
func (w *writer) edit(tag string, fields ...int) ([]byte, error) {
	b := []byte(w.tabs[tag])
	for i := 0; i+1 < len(fields); i += 2 {
		off, v := fields[i], fields[i+1]
		if off+2 > len(b) {
			return nil, fmt.Errorf("%s table of %d bytes: %w", tag, len(b), fontdata.ErrShort)
		}
		binary.BigEndian.PutUint16(b[off:], uint16(v))
	}
	return b, nil
}

// glyphs writes glyf, loca, head and maxp for the glyphs keep. Each glyph's
// bytes are copied as they are, padding included, except that a
// composite's component numbers are renumbered.
func (w *writer) glyphs(o *outlines, keep []uint16, renumber func(uint16) uint16) error {
	var glyf []byte
	offsets := make([]int, 0, len(keep)+1)
	long := false
	for _, g := range keep {
		start, end, err := o.span(int(g))
		if err != nil {
			return err
		}
		at := len(glyf)
		// In a valid font glyphs do not overlap (loca only grows), so
		// the subset's glyphs fit in the full font's table.
		if at+end-start > len(o.glyf.S) {
			return errors.New("glyf: glyphs overlap")
		}
		offsets = append(offsets, at)
		glyf = append(glyf, o.glyf.S[start:end]...)
		err = o.components(int(g), func(off int, c uint16) {
			binary.BigEndian.PutUint16(glyf[at+off:], renumber(c))
		})
		if err != nil {
			return err
		}
		// The short format counts in words, so it needs even offsets.
		long = long || (end-start)%2 != 0
	}
	offsets = append(offsets, len(glyf))
	long = long || len(glyf)/2 > 0xFFFF
	var loca []byte
	for _, off := range offsets {
		if long {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		}
	}
	format := 0
	if long {
		format = 1
	}
	// head's checkSumAdjustment is set when the file is assembled.
	head, err := w.edit("head", 8, 0, 10, 0, 50, format)
	if err != nil {
		return err
	}
	maxp, err := w.edit("maxp", 4, len(keep))
	if err != nil {
		return err
	}
	w.add("glyf", glyf)
	w.add("loca", loca)
	w.add("head", head)
	w.add("maxp", maxp)
	return nil
}

// metrics writes hmtx and hhea: every kept glyph gets a full record of
// its advance and left side bearing, as in the full font.
func (w *writer) metrics(keep []uint16) error {
	hmtx, hhea := data{S: w.tabs["hmtx"]}, data{S: w.tabs["hhea"]}
	n := int(hhea.U16(34)) // numberOfHMetrics
	if hhea.Err != nil || n == 0 {
		return errors.New("hhea: no horizontal metrics")
	}
	out := make([]byte, 0, 4*len(keep))
	for _, g := range keep {
		i := int(g)
		adv := advance(&hmtx, n, g)
		// Glyphs past the last record repeat its advance and have only a
		// side bearing (OpenType spec, "hmtx").
		lsb := hmtx.U16(4*n + 2*(i-n))
		if i < n {
			lsb = hmtx.U16(4*i + 2)
		}
		out = binary.BigEndian.AppendUint16(out, adv)
		out = binary.BigEndian.AppendUint16(out, lsb)
	}
	if hmtx.Err != nil {
		return fmt.Errorf("hmtx: %w", hmtx.Err)
	}
	newHhea, err := w.edit("hhea", 34, len(keep))
	if err != nil {
		return err
	}
	w.add("hmtx", out)
	w.add("hhea", newHhea)
	return nil
}

// post returns a post table of format 3, which names no glyphs: the full
// font's names index glyphs by number. The header (italic angle, underline,
// fixed pitch) is kept.
func post(full string) []byte {
	b := make([]byte, 32)
	copy(b[4:16], full[min(4, len(full)):min(16, len(full))])
	binary.BigEndian.PutUint32(b, 0x00030000)
	return b
}

// assemble writes the font file: the table directory, sorted by tag, then
// each table padded to four bytes, and head's checkSumAdjustment last
// (OpenType spec, "Organization of an OpenType Font").
func (w *writer) assemble() []byte {
	slices.SortFunc(w.out, func(a, b table) int { return cmp.Compare(a.tag, b.tag) })
	n := len(w.out)
	pow := 1
	var log2 uint16
	for pow*2 <= n {
		pow *= 2
		log2++
	}
	size := 12 + 16*n
	for _, t := range w.out {
		size += (len(t.data) + 3) &^ 3
	}
	b := make([]byte, 0, size)
	b = binary.BigEndian.AppendUint32(b, 0x00010000)
	for _, v := range []uint16{uint16(n), uint16(16 * pow), log2, uint16(16*n - 16*pow)} {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	off := 12 + 16*n
	for _, t := range w.out {
		b = append(b, t.tag...)
		b = binary.BigEndian.AppendUint32(b, checksum(t.data))
		b = binary.BigEndian.AppendUint32(b, uint32(off))
		b = binary.BigEndian.AppendUint32(b, uint32(len(t.data)))
		off += (len(t.data) + 3) &^ 3
	}
	headAt := -1
	for _, t := range w.out {
		if t.tag == "head" {
			headAt = len(b)
		}
		b = append(b, t.data...)
		b = append(b, make([]byte, (4-len(t.data)%4)%4)...)
	}
	binary.BigEndian.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	return b
}

// checksum is the sum of b as big-endian 32-bit words, zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
