package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The fonts are embedded by this package, not by fpdf. fpdf draws the text
// in a stand-in font of the face's name, which costs it nothing to load, and
// finish puts in its place a composite font (ISO 32000-1, 9.7) whose
// descendant is the face's TrueType subset. fpdf's own embedding of a
// TrueType face is slow: it parses the whole file twice, hashes its
// definition through JSON and compresses a 128 KB glyph map, whatever the
// document draws, for every face.
//
// The encoding is fpdf's: each character is its UTF-16 code, which is also
// its CID, and CIDToGIDMap maps it to its glyph in the subset. So a
// ToUnicode CMap that maps every code to itself gives the text back.

// standIn is the font definition fpdf is given for a face: a simple font of
// the face's name, which finish recognises by that name and replaces.
func standIn(name string) []byte {
	return fmt.Appendf(nil, `{"Tp":"Core","Name":%q}`, name)
}

// standInDict is the start of the dictionary fpdf writes for the stand-in
// of face name.
func standInDict(name string) []byte {
	return []byte("<</Type /Font\n/BaseFont /" + name + "\n/Subtype /Type1\n")
}

// toUnicode maps every 16-bit code to the same Unicode value.
const toUnicode = cmapStart + "1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n" + cmapEnd

// cmapStart and cmapEnd open and close a ToUnicode CMap over 16-bit
// codes; its mappings go between.
const (
	cmapStart = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
	cmapEnd = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
)

// A deflater compresses streams with one zlib writer, where a new writer
// for each stream, as fpdf makes, costs over half a megabyte of cleared
// memory, and into one buffer.
type deflater struct {
	zw  *zlib.Writer
	buf bytes.Buffer
}

// deflate returns data compressed as fpdf compresses, for speed. The
// result is valid until the next call.
func (z *deflater) deflate(data []byte) ([]byte, error) {
	z.buf.Reset()
	z.buf.Grow(len(data)/2 + 64)
	if z.zw == nil {
		var err error
		if z.zw, err = zlib.NewWriterLevel(&z.buf, zlib.BestSpeed); err != nil {
			return nil, fmt.Errorf("zlib: %w", err)
		}
	} else {
		z.zw.Reset(&z.buf)
	}
	if _, err := z.zw.Write(data); err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	if err := z.zw.Close(); err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	return z.buf.Bytes(), nil
}

// A fontWriter writes the objects that embed the faces, numbering new
// objects from next.
type fontWriter struct {
	next      int
	toUnicode int // the object of the shared ToUnicode CMap, 0 until written
	z         *deflater
	out       []byte // the new objects, in order
	starts    []int  // where each begins in out
}

// begin starts the next object and returns its number.
func (w *fontWriter) begin() int {
	n := w.next
	w.next++
	w.starts = append(w.starts, len(w.out))
	w.out = strconv.AppendInt(w.out, int64(n), 10)
	w.out = append(w.out, " 0 obj\n"...)
	return n
}

// add appends an object with the next number and returns the number.
func (w *fontWriter) add(text string) int {
	n := w.begin()
	w.out = append(w.out, text...)
	w.out = append(w.out, "\nendobj\n"...)
	return n
}

// stream appends a compressed stream object of data, with extra entries
// in its dictionary.
func (w *fontWriter) stream(data []byte, extra string) (int, error) {
	z, err := w.z.deflate(data)
	if err != nil {
		return 0, err
	}
	n := w.begin()
	w.out = append(w.out, "<</Length "...)
	w.out = strconv.AppendInt(w.out, int64(len(z)), 10)
	w.out = append(w.out, " /Filter /FlateDecode"...)
	w.out = append(w.out, extra...)
	w.out = append(w.out, ">>\nstream\n"...)
	w.out = append(w.out, z...)
	w.out = append(w.out, "\nendstream\nendobj\n"...)
	return n, nil
}

// font returns the Type 0 font dictionary of fc, after adding the objects
// it refers to.
func (w *fontWriter) font(fc *face) (string, error) {
	if w.toUnicode == 0 {
		w.toUnicode = w.add(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(toUnicode), toUnicode))
	}
	sub := fc.font
	m := sub.Metrics
	// PDF font metrics are in thousandths of an em; fpdf truncates them.
	scale := 1000 / float64(m.UnitsPerEm)
	glyphSpace := func(v int) int { return int(float64(v) * scale) }

	file, err := w.stream(sub.Data, fmt.Sprintf(" /Length1 %d", len(sub.Data)))
	if err != nil {
		return "", err
	}
	// Flags (ISO 32000-1, 9.8.2): symbolic (3), as fpdf sets it, for the
	// glyphs are found through CIDToGIDMap and no standard encoding;
	// italic (7), force bold (19), fixed pitch (1).
	flags := 1 << 2
	italic := int(math.Floor(m.ItalicAngle))
	if italic != 0 {
		flags |= 1 << 6
	}
	if m.Weight >= 600 {
		flags |= 1 << 18
	}
	if m.FixedPitch {
		flags |= 1
	}
	missing := int(math.Floor(float64(m.MissingWidth)*scale + 0.5))
	desc := w.add(fmt.Sprintf("<</Type /FontDescriptor /FontName /%s\n /Ascent %d /Descent %d /CapHeight %d /Flags %d"+
		" /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		fc.subsetName(), glyphSpace(m.Ascent), glyphSpace(m.Descent), glyphSpace(m.CapHeight), flags,
		glyphSpace(m.XMin), glyphSpace(m.YMin), glyphSpace(m.XMax), glyphSpace(m.YMax),
		italic, 50+int(math.Pow(float64(m.Weight)/65, 2)), missing, file))

	// CIDToGIDMap: the glyph of each code, two bytes each, up to the last
	// code drawn; a code the subset lacks maps to the missing glyph, 0,
	// and its width is /DW.
	gids := make([]byte, 2*(fc.last+1))
	for i, r := range sub.Runes {
		gids[2*r], gids[2*r+1] = byte(sub.Glyphs[i]>>8), byte(sub.Glyphs[i])
	}
	for i, sc := range fc.shaped {
		c := firstGlyphCode + i
		gids[2*c], gids[2*c+1] = byte(sc.glyph>>8), byte(sc.glyph)
	}
	cidToGID, err := w.stream(gids, "")
	if err != nil {
		return "", err
	}

	var cid strings.Builder
	fmt.Fprintf(&cid, "<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n", fc.subsetName())
	cid.WriteString("/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>>\n")
	fmt.Fprintf(&cid, "/FontDescriptor %d 0 R\n", desc)
	if missing != 0 {
		fmt.Fprintf(&cid, "/DW %d\n", missing)
	}
	cid.WriteString("/W [")
	// The runes' codes, then the shaped glyphs' from firstGlyphCode on:
	// in that order the codes only rise.
	codes, advances := sub.Runes, sub.Advances
	if len(fc.shaped) > 0 {
		codes = slices.Clone(codes)
		advances = slices.Clone(advances)
		for i, sc := range fc.shaped {
			codes = append(codes, rune(firstGlyphCode+i))
			advances = append(advances, sc.advance)
		}
	}
	for i, r := range codes {
		// A run of codes that follow on shares one array.
		if i == 0 || r != codes[i-1]+1 {
			if i > 0 {
				cid.WriteString("]")
			}
			cid.WriteString(" " + strconv.Itoa(int(r)) + " [")
		} else {
			cid.WriteString(" ")
		}
		cid.WriteString(strconv.Itoa(int(math.Round(float64(advances[i]) * scale))))
	}
	if len(codes) > 0 {
		cid.WriteString("]")
	}
	fmt.Fprintf(&cid, " ]\n/CIDToGIDMap %d 0 R>>", cidToGID)
	descendant := w.add(cid.String())

	toUni := w.toUnicode
	if len(fc.shaped) > 0 {
		cmap := glyphToUnicode(fc.shaped)
		toUni = w.add(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(cmap), cmap))
	}
	return fmt.Sprintf("<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding /Identity-H\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>",
		fc.subsetName(), descendant, toUni), nil
}

// glyphToUnicode returns the ToUnicode CMap of a face that draws shaped
// glyphs: every character's code maps to itself, as in toUnicode, but for
// the surrogates, which are the shaped glyphs' codes, each mapped to the
// text it stands for (a glyph that stands for nothing, a mark or a piece
// of a conjunct whose cluster's first glyph carries the text, to nothing).
func glyphToUnicode(shaped []shapedCode) string {
	var b strings.Builder
	b.WriteString(cmapStart + "2 beginbfrange\n<0000> <D7FF> <0000>\n<E000> <FFFF> <E000>\nendbfrange\n")
	var entries []string
	for i, sc := range shaped {
		t := sc.text
		if t == "" {
			continue
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%X>", firstGlyphCode+i, utf16BE(t)))
	}
	// At most 100 entries a block (ISO 32000-1, 9.10.3).
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(entries[:n], "\n"))
		entries = entries[n:]
	}
	b.WriteString(cmapEnd)
	return b.String()
}
