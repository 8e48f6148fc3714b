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
// files, manifest and spine, puts in the bytes of the fonts and images
// (which go-epub only made places for), and replaces what go-epub gets
// wrong or cannot say: package.opf gets the full metadata, a sorted
// manifest and dcterms:modified from Options.Created (go-epub reads the
// clock and orders the manifest by map iteration); nav.xhtml and toc.ncx
// are written from the book's own table of contents (go-epub's list only
// whole files, and its NCX puts the uid in dtb:depth); every content
// document gets lang and xml:lang; and the ZIP is written again
// reproducibly.
func finish(w io.Writer, raw []byte, b *book) error {
	files, err := unzip(raw)
	if err != nil {
		return err
	}
	opf, ok := files[opfPath]
	if !ok {
		return fmt.Errorf("go-epub wrote no %s", opfPath)
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
	files[opfPath] = b.packageDocument(manifest, spine)
	files[navPath] = b.navDocument()
	files[ncxPath] = b.ncxDocument()
	for _, d := range b.docs {
		name := "EPUB/" + xhtmlFolder + "/" + d.name
		data, ok := files[name]
		if !ok {
			return fmt.Errorf("go-epub wrote no %s", name)
		}
		if files[name], err = setLang(data, d.lang); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	for _, a := range b.assets() {
		if _, ok := files[a.name]; !ok {
			return fmt.Errorf("go-epub wrote no %s", a.name)
		}
		files[a.name] = a.data
	}
	return writeZip(w, files, b.opts.Created)
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
	m := map[string]string{"css/style.css": "text/css"}
	for _, f := range b.fonts {
		m[assetHref("fonts", f.name)] = f.mediaType
	}
	for _, img := range b.images {
		m[assetHref("images", img.name)] = img.mediaType
	}
	return m
}

// unzip returns the files of a ZIP archive by name.
func unzip(raw []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = data
	}
	return files, nil
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
// stored, with no extra field; then every other file in name order,
// deflated unless compressed already, all stamped with the same time. The
// times go in the MS-DOS fields only, because setting FileHeader.Modified
// would add an extra field.
func writeZip(w io.Writer, files map[string][]byte, created time.Time) error {
	mimetype := []byte("application/epub+zip")
	if m, ok := files["mimetype"]; !ok || !bytes.Equal(m, mimetype) {
		return errors.New("go-epub wrote no mimetype file, or a wrong one")
	}
	date, tm := msDosTime(created)
	zw := zip.NewWriter(w)
	mw, err := zw.CreateRaw(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store,
		ModifiedDate: date, ModifiedTime: tm,
		CRC32:            crc32.ChecksumIEEE(mimetype),
		CompressedSize64: uint64(len(mimetype)), UncompressedSize64: uint64(len(mimetype)),
	})
	if err != nil {
		return err
	}
	if _, err := mw.Write(mimetype); err != nil {
		return err
	}
	var names []string
	for name := range files {
		if name != "mimetype" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if path.Clean(name) != name || strings.HasPrefix(name, "/") {
			return fmt.Errorf("unsafe file name %q", name)
		}
		method := zip.Deflate
		if compressed(name) {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, ModifiedDate: date, ModifiedTime: tm})
		if err != nil {
			return err
		}
		if _, err := fw.Write(files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
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
