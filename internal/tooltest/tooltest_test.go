package tooltest_test

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/tooltest"
)

// A minimal EPUB 3: the container, a package document and its nav.
const (
	container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`
	packageDoc = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:0f5b7c2e-1d0a-4c55-9d35-6f0b2b8f7e11</dc:identifier>
<dc:title>A Test</dc:title>
<dc:language>en</dc:language>
<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>
</metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/></manifest>
<spine><itemref idref="nav"/></spine>
</package>
`
	nav = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>A Test</title></head>
<body>BODY<nav epub:type="toc"><ol><li><a href="nav.xhtml">A Test</a></li></ol></nav></body>
</html>
`
)

// writeEPUB writes a minimal EPUB into dir with body at the start of its
// nav's body, and returns its path.
func writeEPUB(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	files := []struct {
		name, content string
		method        uint16
	}{
		{"mimetype", "application/epub+zip", zip.Store}, // first and stored (OCF 4.3)
		{"META-INF/container.xml", container, zip.Deflate},
		{"EPUB/package.opf", packageDoc, zip.Deflate},
		{"EPUB/nav.xhtml", strings.Replace(nav, "BODY", body, 1), zip.Deflate},
	}
	for _, file := range files {
		w, err := z.CreateHeader(&zip.FileHeader{Name: file.name, Method: file.method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(file.content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEpubcheckAll checks that one run over several EPUBs puts each
// message down to the file it is about: a check that cannot fail, or
// blames the wrong file, is worth nothing.
func TestEpubcheckAll(t *testing.T) {
	if testing.Short() {
		t.Skip("-short skips the checks that run external tools (epubcheck)")
	}
	dir := t.TempDir()
	notZip := filepath.Join(dir, "not-a-zip.epub")
	if err := os.WriteFile(notZip, []byte("plain text, not an archive"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file string
		want string // in the messages; "" for none at all
	}{
		{writeEPUB(t, dir, "good.epub", ""), ""},
		{writeEPUB(t, dir, "blink.epub", "<blink>x</blink>"), `ERROR(RSC-005): EPUB/nav.xhtml(5,`},
		{writeEPUB(t, dir, "good-2.epub", "<p>A paragraph.</p>"), ""},
		{notZip, "not-a-zip.epub"},
		{writeEPUB(t, dir, "broken-link.epub", `<p><a href="gone.xhtml">gone</a></p>`), "gone.xhtml"},
	}
	var files []string
	for _, tt := range tests {
		files = append(files, tt.file)
	}
	got := tooltest.EpubcheckAll(t, files)
	if len(got) != len(tests) {
		t.Errorf("messages for %d files, want %d", len(got), len(tests))
	}
	for _, tt := range tests {
		msgs, ok := got[tt.file]
		switch {
		case !ok:
			t.Errorf("%s: no result", tt.file)
		case tt.want == "" && msgs != "":
			t.Errorf("%s: want no message, got\n%s", tt.file, msgs)
		case tt.want != "" && !strings.Contains(msgs, tt.want):
			t.Errorf("%s: want a message with %q, got\n%s", tt.file, tt.want, msgs)
		}
	}
}
