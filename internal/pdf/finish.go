package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pressroom/publish/internal/layout"
)

// finish turns fpdf's output into the file Write delivers. It reads the
// cross-reference table fpdf wrote, edits the few dictionaries fpdf cannot
// write as this file needs them, and writes the objects out again, unchanged
// otherwise, with a new table:
//
//   - the document information dictionary is replaced: fpdf's dates carry no
//     time zone, its UTF-16 has no surrogate pairs and it cannot leave the
//     dates out;
//   - the catalogue gains /ViewerPreferences <</DisplayDocTitle true>>,
//     and the page labels when the layout numbers pages in runs;
//   - each face's stand-in font becomes the composite font that embeds the
//     face's subset, whose objects are added at the end (embed.go);
//   - page contents, which fpdf leaves uncompressed but in a long document
//     (see newDrawer; compressed says which), are compressed;
//   - the trailer gains an /ID computed from the content (fpdf writes none);
//   - the header says PDF 1.4 at least, which /Lang, /Metadata and
//     /DisplayDocTitle need.
func finish(raw []byte, m *meta, faces []*face, labels []layout.PageLabel, compressed bool) ([]byte, error) {
	f, err := parseFpdf(raw)
	if err != nil {
		return nil, err
	}
	z := &deflater{}
	fw := &fontWriter{next: len(f.objects) + 1, z: z}
	// The page contents to compress: none when fpdf has compressed them.
	var contents map[int]bool
	if !compressed {
		contents = pageContents(f.objects)
	}
	replaced := make(map[string]bool, len(faces))
	// The file is made in one buffer, big enough for fpdf's objects, the
	// page contents compressed (text streams deflate to a quarter or less;
	// a rare page that does not only makes the buffer grow once), the
	// subsets and the table.
	size := len(raw) + 4096 + 1024*len(labels)
	for _, o := range f.objects {
		if contents[o.num] {
			size -= len(o.text) * 3 / 4
		}
	}
	for _, fc := range faces {
		size += len(fc.font.Data) + 2*len(fc.font.Runes)*8 + 1024
	}
	out := make([]byte, 0, size)
	out = append(out, "%PDF-"...)
	out = append(out, max(f.version, "1.4")...)
	out = append(out, "\n%\xE2\xE3\xCF\xD3\n"...)
	hdr := len(out)
	offsets := make([]int, len(f.objects)+1, len(f.objects)+1+8*len(faces)+1)
	for _, o := range f.objects {
		offsets[o.num] = len(out)
		switch o.num {
		case f.info:
			out = appendObject(out, o.num, infoDict(m))
		case f.root:
			text := o.text
			end := bytes.LastIndex(text, []byte(">>"))
			if end < 0 {
				return nil, errors.New("catalogue has no dictionary")
			}
			out = append(out, text[:end]...)
			out = append(out, "/ViewerPreferences <</DisplayDocTitle true>>\n"...)
			out = append(out, pageLabels(labels)...)
			out = append(out, text[end:]...)
		default:
			if contents[o.num] {
				if out, err = appendCompressed(out, o, z); err != nil {
					return nil, fmt.Errorf("page contents %d: %w", o.num, err)
				}
				break
			}
			fc := standInOf(o, faces)
			if fc == nil {
				out = append(out, o.text...)
				break
			}
			if replaced[fc.name] {
				return nil, fmt.Errorf("font %s twice in fpdf's output", fc.name)
			}
			replaced[fc.name] = true
			dict, err := fw.font(fc)
			if err != nil {
				return nil, fmt.Errorf("embedding %s: %w", fc.name, err)
			}
			out = appendObject(out, o.num, dict)
		}
	}
	for _, fc := range faces {
		if !replaced[fc.name] {
			return nil, fmt.Errorf("font %s not found in fpdf's output", fc.name)
		}
	}
	for _, start := range fw.starts {
		offsets = append(offsets, len(out)+start)
	}
	out = append(out, fw.out...)

	sum := sha256.Sum256(out[hdr:])
	id := make([]byte, 0, 2+2*16)
	id = append(id, '<')
	id = append(id, strings.ToUpper(hex.EncodeToString(sum[:16]))...)
	id = append(id, '>')
	xref := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(len(offsets)), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for _, off := range offsets[1:] {
		// Each entry is 20 bytes: a ten-digit offset, zero-padded.
		var e [20]byte
		copy(e[:], "0000000000 00000 n \n")
		for i := 9; off > 0 && i >= 0; i-- {
			e[i] = byte('0' + off%10)
			off /= 10
		}
		out = append(out, e[:]...)
	}
	out = append(out, "trailer\n<< /Size "...)
	out = strconv.AppendInt(out, int64(len(offsets)), 10)
	out = append(out, " /Root "...)
	out = strconv.AppendInt(out, int64(f.root), 10)
	out = append(out, " 0 R /Info "...)
	out = strconv.AppendInt(out, int64(f.info), 10)
	out = append(out, " 0 R /ID ["...)
	out = append(out, id...)
	out = append(out, ' ')
	out = append(out, id...)
	out = append(out, "] >>\nstartxref\n"...)
	out = strconv.AppendInt(out, int64(xref), 10)
	out = append(out, "\n%%EOF\n"...)
	return out, nil
}

// appendObject appends object num with the given body.
func appendObject(b []byte, num int, body string) []byte {
	b = strconv.AppendInt(b, int64(num), 10)
	b = append(b, " 0 obj\n"...)
	b = append(b, body...)
	return append(b, "\nendobj\n"...)
}

// fpdfFile is fpdf's output cut into its objects.
type fpdfFile struct {
	version    string
	objects    []object // in file order
	root, info int
}

type object struct {
	num, off int
	text     []byte // "N 0 obj" to "endobj" and the line end
}

// dict returns the part of the object before its stream, if it has one.
func (o object) dict() []byte {
	if i := bytes.Index(o.text, []byte("stream\n")); i >= 0 {
		return o.text[:i]
	}
	return o.text
}

// parseFpdf cuts fpdf's output into objects by its cross-reference table.
// It reads only what fpdf writes: one table, one trailer, generation 0.
func parseFpdf(raw []byte) (*fpdfFile, error) {
	f := &fpdfFile{}
	line, _, _ := bytes.Cut(raw, []byte("\n"))
	v, ok := bytes.CutPrefix(line, []byte("%PDF-"))
	if !ok {
		return nil, errors.New("no PDF header")
	}
	f.version = string(v)

	i := bytes.LastIndex(raw, []byte("startxref\n"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	num, _, _ := bytes.Cut(raw[i+len("startxref\n"):], []byte("\n"))
	xref, err := strconv.Atoi(string(num))
	if err != nil || xref <= 0 || xref >= i {
		return nil, fmt.Errorf("bad startxref %q", num)
	}
	table := string(raw[xref:i])
	var count int
	if _, err := fmt.Sscanf(table, "xref\n0 %d\n", &count); err != nil || count < 2 {
		return nil, fmt.Errorf("bad cross-reference table: %v", err)
	}
	start := strings.Index(table, "0000000000 65535 f")
	if start < 0 || len(table) < start+20*count {
		return nil, errors.New("short cross-reference table")
	}
	for n := 1; n < count; n++ {
		e := table[start+20*n : start+20*n+20]
		off, err := strconv.Atoi(e[:10])
		if err != nil || e[17] != 'n' || off <= 0 || off >= xref {
			return nil, fmt.Errorf("bad cross-reference entry %q", e)
		}
		f.objects = append(f.objects, object{num: n, off: off})
	}
	trailer := table[start+20*count:]
	if _, err := fmt.Sscanf(trailerValue(trailer, "/Root"), "%d 0 R", &f.root); err != nil {
		return nil, errors.New("trailer has no /Root")
	}
	if _, err := fmt.Sscanf(trailerValue(trailer, "/Info"), "%d 0 R", &f.info); err != nil {
		return nil, errors.New("trailer has no /Info")
	}

	// Each object runs from its offset to the next one's, or the table.
	sort.Slice(f.objects, func(a, b int) bool { return f.objects[a].off < f.objects[b].off })
	for k := range f.objects {
		o := &f.objects[k]
		end := xref
		if k+1 < len(f.objects) {
			end = f.objects[k+1].off
		}
		o.text = raw[o.off:end]
		prefix := strconv.AppendInt(make([]byte, 0, 16), int64(o.num), 10)
		if !bytes.HasPrefix(o.text, append(prefix, " 0 obj"...)) ||
			!bytes.HasSuffix(bytes.TrimRight(o.text, "\n"), []byte("endobj")) {
			return nil, fmt.Errorf("object %d is not where the table says", o.num)
		}
	}
	return f, nil
}

// trailerValue returns what follows key in the trailer, up to the line end.
func trailerValue(trailer, key string) string {
	_, v, _ := strings.Cut(trailer, key+" ")
	v, _, _ = strings.Cut(v, "\n")
	return v
}

// pageContents returns the numbers of the objects that hold the contents
// of a page.
func pageContents(objects []object) map[int]bool {
	contents := make(map[int]bool)
	for _, o := range objects {
		dict := o.dict()
		if !bytes.Contains(dict, []byte("<</Type /Page\n")) {
			continue
		}
		if _, ref, ok := bytes.Cut(dict, []byte("/Contents ")); ok {
			var n int
			if _, err := fmt.Sscanf(string(ref), "%d 0 R", &n); err == nil {
				contents[n] = true
			}
		}
	}
	return contents
}

// appendCompressed appends object o, a stream as fpdf writes it without
// compression, with its data compressed.
func appendCompressed(b []byte, o object, z *deflater) ([]byte, error) {
	_, rest, _ := bytes.Cut(o.text, []byte(" 0 obj\n"))
	rest, ok := bytes.CutPrefix(rest, []byte("<</Length "))
	num, data, ok2 := bytes.Cut(rest, []byte(">>\nstream\n"))
	length, err := strconv.Atoi(string(num))
	if !ok || !ok2 || err != nil || length < 0 {
		return nil, fmt.Errorf("not an uncompressed stream: %.40q", rest)
	}
	if len(data) < length {
		return nil, errors.New("stream shorter than its length")
	}
	c, err := z.deflate(data[:length])
	if err != nil {
		return nil, err
	}
	b = strconv.AppendInt(b, int64(o.num), 10)
	b = append(b, " 0 obj\n<</Filter /FlateDecode /Length "...)
	b = strconv.AppendInt(b, int64(len(c)), 10)
	b = append(b, ">>\nstream\n"...)
	b = append(b, c...)
	return append(b, "\nendstream\nendobj\n"...), nil
}

// standInOf returns the face whose stand-in font object o is, or nil.
func standInOf(o object, faces []*face) *face {
	_, dict, ok := bytes.Cut(o.text, []byte(" 0 obj\n"))
	if !ok || !bytes.HasPrefix(dict, []byte("<</Type /Font\n")) {
		return nil
	}
	for _, fc := range faces {
		if bytes.HasPrefix(dict, standInDict(fc.name)) {
			return fc
		}
	}
	return nil
}

// pageLabels writes the catalogue's /PageLabels number tree (PDF 1.7
// section 12.4.2), which viewers show in place of page numbers; nothing
// when there are no labels.
func pageLabels(labels []layout.PageLabel) []byte {
	if len(labels) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("/PageLabels <</Nums [")
	for i, l := range labels {
		if i > 0 {
			b.WriteByte(' ')
		}
		style := "/D"
		if l.Style == layout.LowerRoman {
			style = "/r"
		}
		fmt.Fprintf(&b, "%d <</S %s", l.Page-1, style)
		if l.Start > 1 {
			fmt.Fprintf(&b, " /St %d", l.Start)
		}
		b.WriteString(">>")
	}
	b.WriteString("]>>\n")
	return b.Bytes()
}
