package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// finish turns fpdf's output into the file Write delivers. It reads the
// cross-reference table fpdf wrote, edits the few dictionaries fpdf cannot
// write as this file needs them, and writes the objects out again, unchanged
// otherwise, with a new table:
//
//   - the document information dictionary is replaced: fpdf's dates carry no
//     time zone, its UTF-16 has no surrogate pairs and it cannot leave the
//     dates out;
//   - the catalogue gains /ViewerPreferences <</DisplayDocTitle true>>;
//   - each font gets a subset name (fpdf's "utf8" and lower-cased face name
//     does not mark it as a subset);
//   - the trailer gains an /ID computed from the content (fpdf writes none);
//   - the header says PDF 1.4 at least, which /Lang, /Metadata and
//     /DisplayDocTitle need.
func finish(raw []byte, m *meta, faces []*face) ([]byte, error) {
	f, err := parseFpdf(raw)
	if err != nil {
		return nil, err
	}
	renamed := make(map[string]int, len(faces))
	var body bytes.Buffer
	offsets := make([]int, len(f.objects)+1)
	hdr := fmt.Sprintf("%%PDF-%s\n%%\xE2\xE3\xCF\xD3\n", max(f.version, "1.4"))
	for _, o := range f.objects {
		text := o.text
		switch o.num {
		case f.info:
			text = []byte(fmt.Sprintf("%d 0 obj\n%s\nendobj\n", o.num, infoDict(m)))
		case f.root:
			end := bytes.LastIndex(text, []byte(">>"))
			if end < 0 {
				return nil, errors.New("catalogue has no dictionary")
			}
			text = concat(text[:end], []byte("/ViewerPreferences <</DisplayDocTitle true>>\n"), text[end:])
		default:
			// Only fonts and their descriptors carry fpdf's font
			// names; a link's URI might hold the same letters.
			if dict := o.dict(); bytes.Contains(dict, []byte("/Type /Font")) {
				text = concat(renameFonts(dict, faces, renamed), text[len(dict):])
			}
		}
		offsets[o.num] = len(hdr) + body.Len()
		body.Write(text)
	}
	for _, fc := range faces {
		if renamed[fc.name] == 0 {
			return nil, fmt.Errorf("font %s not found in fpdf's output", fc.name)
		}
	}

	sum := sha256.Sum256(body.Bytes())
	id := fmt.Sprintf("<%X>", sum[:16])
	var out bytes.Buffer
	out.Grow(len(hdr) + body.Len() + 20*len(offsets) + 200)
	out.WriteString(hdr)
	out.Write(body.Bytes())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [%s %s] >>\n", len(offsets), f.root, f.info, id, id)
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
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
		if !bytes.HasPrefix(o.text, fmt.Appendf(nil, "%d 0 obj", o.num)) ||
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

// renameFonts replaces each face's fpdf name with its subset name in an
// object's dictionary, counting the replacements per face.
func renameFonts(dict []byte, faces []*face, count map[string]int) []byte {
	for _, fc := range faces {
		old := []byte("/" + fc.fpdfName())
		var b []byte
		rest := dict
		for {
			i := bytes.Index(rest, old)
			if i < 0 {
				break
			}
			// Match whole names only: NotoSerif-Bold is a prefix of
			// NotoSerif-BoldItalic.
			j := i + len(old)
			if j < len(rest) && !isDelimiter(rest[j]) {
				b = append(b, rest[:j]...)
				rest = rest[j:]
				continue
			}
			b = append(b, rest[:i]...)
			b = append(b, '/')
			b = append(b, fc.subsetName()...)
			rest = rest[j:]
			count[fc.name]++
		}
		if b != nil {
			dict = append(b, rest...)
		}
	}
	return dict
}

// isDelimiter reports whether c ends a PDF name (ISO 32000-1, 7.2.2).
func isDelimiter(c byte) bool {
	return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", c) >= 0
}

func concat(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}
