package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"slices"
	"strings"
	"time"
)

// finish is the step that completes what go-epub wrote. It keeps go-epub's
// files, manifest and spine, puts in the bytes of the stylesheet, fonts
// and images (which go-epub only made places for), and replaces what go-epub gets
// wrong or cannot say: package.opf gets the full metadata, a sorted
// manifest and dcterms:modified from Options.Created (go-epub reads the
// clock and orders the manifest by map iteration); nav.xhtml and toc.ncx
// are written from the book's own table of contents (go-epub's list only
// whole files, and its NCX puts the uid in dtb:depth); every content
// document gets lang and xml:lang; and the ZIP is written again
// reproducibly.
func finish(w io.Writer, raw []byte, b *book) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return err
	}
	in := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if _, dup := in[f.Name]; dup {
			return fmt.Errorf("go-epub wrote %s twice", f.Name)
		}
		in[f.Name] = f
	}
	f, ok := in[opfPath]
	if !ok {
		return fmt.Errorf("go-epub wrote no %s", opfPath)
	}
	opf, err := readEntry(f)
	if err != nil {
		return err
	}
	manifest, spine, err := readPackage(opf)
	if err != nil {
		return err
	}
	var want []string
	for _, d := range b.docs {
		want = append(want, d.name)
	}
	if !slices.Equal(spine, want) {
		return fmt.Errorf("go-epub's spine %v is not the reading order %v", spine, want)
	}
	types := b.mediaTypes()
	for i := range manifest {
		it := &manifest[i]
		if mt, ok := types[it.Href]; ok {
			it.MediaType = mt
		}
		if it.Href == assetHref("images", b.images[0].name) {
			it.Properties = "cover-image"
		}
	}
	slices.SortFunc(manifest, func(a, b item) int { return strings.Compare(a.Href, b.Href) })
	// Only the files made here are decompressed or compressed again; the
	// rest of go-epub's go in as it compressed them.
	made := make(map[string][]byte, len(b.docs)+len(b.fonts)+len(b.images)+3)
	made[opfPath] = b.packageDocument(manifest, spine)
	made[navPath] = b.navDocument()
	made[ncxPath] = b.ncxDocument()
	if _, ok := in[cssPath]; !ok {
		return fmt.Errorf("go-epub wrote no %s", cssPath)
	}
	made[cssPath] = b.css
	for _, d := range b.docs {
		name := "EPUB/" + xhtmlFolder + "/" + d.name
		f, ok := in[name]
		if !ok {
			return fmt.Errorf("go-epub wrote no %s", name)
		}
		data, err := readEntry(f)
		if err != nil {
			return err
		}
		if made[name], err = setLang(data, d.lang); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	for _, a := range b.assets() {
		if _, ok := in[a.name]; !ok {
			return fmt.Errorf("go-epub wrote no %s", a.name)
		}
		made[a.name] = a.data
	}
	return writeZip(w, raw, in, made, b.opts.Created)
}

// assets returns the fonts and images, each named by its path in the
// container.
func (b *book) assets() []asset {
	var all []asset
	for _, f := range b.fonts {
		all = append(all, asset{"EPUB/" + assetHref("fonts", f.name), f.mediaType, f.data})
	}
	for _, img := range b.images {
		all = append(all, asset{"EPUB/" + assetHref("images", img.name), img.mediaType, img.data})
	}
	return all
}

// mediaTypes maps the href of every file the book added to its media type,
// which the book knows better than go-epub's sniffing.
func (b *book) mediaTypes() map[string]string {
	m := map[string]string{strings.TrimPrefix(cssPath, "EPUB/"): "text/css"}
	for _, f := range b.fonts {
		m[assetHref("fonts", f.name)] = f.mediaType
	}
	for _, img := range b.images {
		m[assetHref("images", img.name)] = img.mediaType
	}
	return m
}

// readEntry returns the decompressed content of a file in go-epub's ZIP.
func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	data := make([]byte, 0, f.UncompressedSize64)
	buf := bytes.NewBuffer(data)
	if _, err := buf.ReadFrom(rc); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// readPackage returns the manifest and the spine's idrefs of a package
// document.
func readPackage(opf []byte) ([]item, []string, error) {
	var p struct {
		Manifest []item `xml:"manifest>item"`
		Spine    []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"spine>itemref"`
	}
	if err := xml.Unmarshal(opf, &p); err != nil {
		return nil, nil, fmt.Errorf("reading go-epub's package document: %w", err)
	}
	var spine []string
	for _, r := range p.Spine {
		spine = append(spine, r.IDRef)
	}
	return p.Manifest, spine, nil
}

// htmlRoot is how go-epub opens every XHTML document.
const htmlRoot = `<html xmlns="http://www.w3.org/1999/xhtml"`

// setLang adds lang and xml:lang to a document's root element, which
// go-epub cannot set (EPUB 3.3 section 6.1.4, EPUB Accessibility 1.1 via
// WCAG 3.1.1).
func setLang(doc []byte, lang string) ([]byte, error) {
	i := bytes.Index(doc, []byte(htmlRoot))
	if i < 0 {
		return nil, errors.New("no html root element")
	}
	end := bytes.IndexByte(doc[i:], '>')
	if end < 0 || bytes.Contains(doc[i:i+end], []byte(" lang=")) {
		return nil, errors.New("html root element already has lang, or is unterminated")
	}
	j := i + len(htmlRoot)
	out := make([]byte, 0, len(doc)+64)
	out = append(out, doc[:j]...)
	out = append(out, langAttr(lang)...)
	return append(out, doc[j:]...), nil
}

// writeZip writes the OCF container (EPUB 3.3 section 4.2): mimetype first,
// stored, with no extra field; then every other file in name order, the
// bytes in made or else go-epub's file from in, all stamped with the same
// time. The times go in the MS-DOS fields only, because setting
// FileHeader.Modified would add an extra field. Files in made are deflated
// unless compressed already; go-epub's are copied as it deflated them,
// which is as reproducible as deflating them again and costs nothing.
func writeZip(w io.Writer, raw []byte, in map[string]*zip.File, made map[string][]byte, created time.Time) error {
	mimetype := []byte("application/epub+zip")
	f, ok := in["mimetype"]
	if !ok || f.UncompressedSize64 != uint64(len(mimetype)) {
		return errors.New("go-epub wrote no mimetype file, or a wrong one")
	}
	if m, err := readEntry(f); err != nil || !bytes.Equal(m, mimetype) {
		return errors.New("go-epub wrote no mimetype file, or a wrong one")
	}
	date, tm := msDosTime(created)
	zw := zip.NewWriter(w)
	mw, err := zw.CreateRaw(stamp(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store,
		CRC32:            crc32.ChecksumIEEE(mimetype),
		CompressedSize64: uint64(len(mimetype)), UncompressedSize64: uint64(len(mimetype)),
	}, date, tm))
	if err != nil {
		return err
	}
	if _, err := mw.Write(mimetype); err != nil {
		return err
	}
	names := make([]string, 0, len(in)+len(made))
	for name := range in {
		if name != "mimetype" {
			names = append(names, name)
		}
	}
	for name := range made {
		if _, ok := in[name]; !ok && name != "mimetype" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if path.Clean(name) != name || strings.HasPrefix(name, "/") {
			return fmt.Errorf("unsafe file name %q", name)
		}
		data, ok := made[name]
		if !ok && in[name].Method == zip.Deflate {
			if err := copyRaw(zw, raw, in[name], date, tm); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			continue
		}
		if !ok {
			if data, err = readEntry(in[name]); err != nil {
				return err
			}
		}
		method := zip.Deflate
		if compressed(name) {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(stamp(&zip.FileHeader{Name: name, Method: method}, date, tm))
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// copyRaw copies a deflated file of go-epub's archive raw into zw,
// without inflating and deflating it again, with only the header's time
// changed.
func copyRaw(zw *zip.Writer, raw []byte, f *zip.File, date, tm uint16) error {
	off, err := f.DataOffset()
	if err != nil {
		return err
	}
	if off < 0 || uint64(off)+f.CompressedSize64 > uint64(len(raw)) {
		return errors.New("compressed data out of the archive's bounds")
	}
	fw, err := zw.CreateRaw(stamp(&zip.FileHeader{
		Name: f.Name, Method: f.Method,
		CRC32:            f.CRC32,
		CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64,
	}, date, tm))
	if err != nil {
		return err
	}
	_, err = fw.Write(raw[off : uint64(off)+f.CompressedSize64])
	return err
}

// compressed reports whether the named file is in a compressed format
// (PNG, JPEG), which deflate would only spend time on.
func compressed(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

// stamp sets h's time to an MS-DOS date and time and returns h. It sets the
// deprecated fields on purpose: through FileHeader.Modified, archive/zip
// would add an extended-timestamp field to every entry, bytes an EPUB has no
// use for.
func stamp(h *zip.FileHeader, date, tm uint16) *zip.FileHeader {
	//lint:ignore SA1019 Modified would add an extra field to every entry.
	h.ModifiedDate, h.ModifiedTime = date, tm
	return h
}

// msDosTime returns t (in UTC) as an MS-DOS date and time, clamped to the
// range the format holds (1980 to 2107) and to its two-second resolution.
func msDosTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if t.Year() > 2107 {
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}
