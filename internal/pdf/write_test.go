package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/tooltest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleOptions returns the options the samples are written with.
func sampleOptions() Options {
	return Options{Creator: "publish 0.1.0", Created: time.Date(2024, 3, 1, 12, 30, 0, 0, time.UTC)}
}

// writePDF writes a PDF into a temporary file and checks what every PDF
// must pass: qpdf --check without warnings, and every font embedded as a
// subset with a Unicode map. It returns the file's path and bytes.
func writePDF(t *testing.T, pub *article.Publication, doc *layout.Document, opts Options) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(context.Background(), &b, pub, doc, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// qpdf exits 0 when clean, 3 on warnings, 2 on errors.
	if out, err := exec.Command(tooltest.Require(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	fonts := run(t, "pdffonts", path)
	for _, line := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
		f := strings.Fields(line)
		if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
			t.Errorf("pdffonts: font not embedded as a subset with a Unicode map:\n%s", line)
		}
	}
	return path, b.Bytes()
}

// run runs a tool and returns its standard output.
func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tooltest.Require(t, tool), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out)
}

func writeSample(t *testing.T) string {
	t.Helper()
	pub := sampleArticle()
	path, _ := writePDF(t, pub, sampleDocument(t, pub), sampleOptions())
	return path
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if strings.HasSuffix(name, ".png") {
		comparePNG(t, name, got, want)
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// comparePNG fails when more than 0.5% of the pixels differ by more than a
// tenth of the range in a channel: renderers anti-alias a little
// differently from version to version, and that is no regression.
func comparePNG(t *testing.T, name string, got, want []byte) {
	t.Helper()
	g, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	w, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if g.Bounds() != w.Bounds() {
		t.Fatalf("%s: rendered %v, golden %v", name, g.Bounds(), w.Bounds())
	}
	differ := 0
	b := g.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !near(g.At(x, y), w.At(x, y)) {
				differ++
			}
		}
	}
	if limit := b.Dx() * b.Dy() / 200; differ > limit {
		os.WriteFile(filepath.Join(os.TempDir(), "got-"+name), got, 0o644)
		t.Errorf("%s: %d pixels differ from the golden file (at most %d may); the rendering is in %s",
			name, differ, limit, filepath.Join(os.TempDir(), "got-"+name))
	}
}

func near(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) bool { return x-y < 0x1999 || y-x < 0x1999 }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

// TestGolden checks the sample against what was reviewed by eye: the text
// pdftotext extracts, the metadata pdfinfo reports and pages 1 and 2
// rendered at 70 dpi.
func TestGolden(t *testing.T) {
	path := writeSample(t)
	dir := t.TempDir()
	run(t, "pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", path, filepath.Join(dir, "page"))
	read := func(name string) func() []byte {
		return func() []byte {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	tests := []struct {
		golden string
		got    func() []byte
	}{
		{"sample.txt", func() []byte { return []byte(run(t, "pdftotext", "-enc", "UTF-8", path, "-")) }},
		{"sample.info", func() []byte {
			// The size changes with any change of fpdf or zlib.
			info := run(t, "pdfinfo", "-isodates", path)
			return regexp.MustCompile(`(?m)^File size:.*\n`).ReplaceAll([]byte(info), nil)
		}},
		{"sample-1.png", read("page-1.png")},
		{"sample-2.png", read("page-2.png")},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) { golden(t, tt.golden, tt.got()) })
	}
}

func TestReproducible(t *testing.T) {
	pub := sampleArticle()
	// fpdf orders images by width alone, in map order among equals: six
	// images of one width would come out in one of 720 orders.
	var sameWidth []layout.Item
	for i := range 6 {
		m := image.NewGray(image.Rect(0, 0, 50, 10+i))
		var b bytes.Buffer
		png.Encode(&b, m)
		sameWidth = append(sameWidth, &layout.ImageItem{X: 10, Y: float64(20 * i), W: 50, H: 10,
			Image: &article.Image{Src: fmt.Sprint(i), Data: b.Bytes()}})
	}
	tests := []struct {
		name string
		doc  *layout.Document
	}{
		{"sample", sampleDocument(t, pub)},
		{"images of one width", &layout.Document{Width: 100, Height: 200, Pages: []layout.Page{{Number: 1, Items: sameWidth}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first []byte
			for i := range 4 {
				var b bytes.Buffer
				if err := Write(context.Background(), &b, pub, tt.doc, sampleOptions()); err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = b.Bytes()
				} else if !bytes.Equal(first, b.Bytes()) {
					t.Fatalf("write %d differs from the first", i+1)
				}
			}
		})
	}
}

// qpdfJSON returns qpdf's JSON description of a PDF.
type qpdfJSON struct {
	Outlines []outline `json:"outlines"`
	Pages    []struct {
		Object   string   `json:"object"`
		Contents []string `json:"contents"`
	} `json:"pages"`
	QPDF    []json.RawMessage `json:"qpdf"` // a header, then the objects
	objects map[string]qpdfObject
}

// A qpdfObject is a plain object (Value) or a stream (Stream.Dict).
type qpdfObject struct {
	Value  map[string]any `json:"value"`
	Stream struct {
		Dict map[string]any `json:"dict"`
	} `json:"stream"`
}

type outline struct {
	Title string    `json:"title"`
	Dest  []any     `json:"dest"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func describePDF(t *testing.T, path string) *qpdfJSON {
	t.Helper()
	var j qpdfJSON
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", path)), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.QPDF) != 2 {
		t.Fatalf("qpdf --json: %d parts under \"qpdf\", want 2", len(j.QPDF))
	}
	if err := json.Unmarshal(j.QPDF[1], &j.objects); err != nil {
		t.Fatal(err)
	}
	return &j
}

// object returns the dictionary of an indirect object ("12 0 R", or
// "trailer"), or of its stream.
func (j *qpdfJSON) object(t *testing.T, ref string) map[string]any {
	t.Helper()
	if ref != "trailer" {
		ref = "obj:" + ref
	}
	o, ok := j.objects[ref]
	if !ok {
		t.Fatalf("no object %s", ref)
	}
	if o.Value == nil {
		return o.Stream.Dict
	}
	return o.Value
}

func TestOutline(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	path, _ := writePDF(t, pub, doc, sampleOptions())
	j := describePDF(t, path)

	// Flatten the tree to "level title page y" lines.
	var got []string
	var walk func([]outline, int)
	walk = func(os []outline, level int) {
		for _, o := range os {
			got = append(got, fmt.Sprintf("%d %s p%d y=%v", level, o.Title, o.Page, o.Dest[3]))
			walk(o.Kids, level+1)
		}
	}
	walk(j.Outlines, 0)
	var want []string
	for _, e := range doc.Outline {
		// PDF measures y up from the bottom of the page.
		want = append(want, fmt.Sprintf("%d %s p%d y=%v", e.Level, e.Title, e.Page, doc.Height-e.Y))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOutlineTitles checks titles outside ASCII, which fpdf encodes only
// once a face is selected.
func TestOutlineTitles(t *testing.T) {
	const title = "Café “李明” — 2"
	text := &layout.TextItem{X: 10, Y: 20, Font: "NotoSans-Regular", Size: 9, Text: "Text"}
	tests := []struct {
		name  string
		pages []layout.Page
	}{
		{"no text at all", []layout.Page{{Number: 1}, {Number: 2}}},
		{"text before the entry's page", []layout.Page{{Number: 1, Items: []layout.Item{text}}, {Number: 2}}},
		{"text on the entry's page", []layout.Page{{Number: 1}, {Number: 2, Items: []layout.Item{text}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &layout.Document{Width: 200, Height: 200, Pages: tt.pages,
				Outline: []layout.OutlineEntry{{Title: "A", Page: 1}, {Title: title, Level: 1, Page: 2, Y: 50}}}
			path, _ := writePDF(t, sampleArticle(), doc, Options{})
			j := describePDF(t, path)
			if len(j.Outlines) != 1 || len(j.Outlines[0].Kids) != 1 {
				t.Fatalf("outline = %+v, want one entry with one kid", j.Outlines)
			}
			if got := j.Outlines[0].Kids[0]; got.Title != title || got.Page != 2 {
				t.Errorf("entry = %q on page %d, want %q on page 2", got.Title, got.Page, title)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	path := writeSample(t)
	j := describePDF(t, path)
	var got []string
	for i, p := range j.Pages {
		annots, _ := j.object(t, p.Object)["/Annots"].([]any)
		for _, a := range annots {
			a := a.(map[string]any)
			action, _ := a["/A"].(map[string]any)
			got = append(got, fmt.Sprintf("page %d %v %v %v", i+1, a["/Subtype"], action["/S"], action["/URI"]))
		}
	}
	want := []string{
		"page 2 /Link /URI u:https://example.org/report?id=42&lang=en",
		"page 3 /Link /URI u:" + sourceURL,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("link annotations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCatalog(t *testing.T) {
	path := writeSample(t)
	j := describePDF(t, path)
	trailer := j.object(t, "trailer")
	catalog := j.object(t, trailer["/Root"].(string))
	prefs, _ := catalog["/ViewerPreferences"].(map[string]any)
	tests := []struct {
		name      string
		got, want any
	}{
		{"/Lang", catalog["/Lang"], "u:en"},
		{"/DisplayDocTitle", prefs["/DisplayDocTitle"], true},
		{"/PageMode", catalog["/PageMode"], "/UseOutlines"},
		{"/Metadata /Subtype", j.object(t, catalog["/Metadata"].(string))["/Subtype"], "/XML"},
		{"trailer /ID", len(trailer["/ID"].([]any)), 2},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// xmpPacket holds the fields of the XMP packet the tests check.
type xmpPacket struct {
	Title       []string `xml:"RDF>Description>title>Alt>li"`
	Creators    []string `xml:"RDF>Description>creator>Seq>li"`
	Description []string `xml:"RDF>Description>description>Alt>li"`
	Subjects    []string `xml:"RDF>Description>subject>Bag>li"`
	Date        []string `xml:"RDF>Description>date>Seq>li"`
	Rights      []string `xml:"RDF>Description>rights>Alt>li"`
	Source      string   `xml:"RDF>Description>source"`
	Language    []string `xml:"RDF>Description>language>Bag>li"`
	CreateDate  string   `xml:"RDF>Description>CreateDate"`
	CreatorTool string   `xml:"RDF>Description>CreatorTool"`
}

func TestXMP(t *testing.T) {
	path := writeSample(t)
	j := describePDF(t, path)
	catalog := j.object(t, j.object(t, "trailer")["/Root"].(string))
	num, _, _ := strings.Cut(catalog["/Metadata"].(string), " ")
	data := run(t, "qpdf", "--show-object="+num, "--filtered-stream-data", path)

	// A strict decode of every token proves the packet well-formed.
	dec := xml.NewDecoder(strings.NewReader(data))
	for {
		_, err := dec.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatalf("XMP is not well-formed XML: %v\n%s", err, data)
			}
			break
		}
	}
	var x xmpPacket
	if err := xml.Unmarshal([]byte(data), &x); err != nil {
		t.Fatal(err)
	}
	m := sampleArticle().Meta
	tests := []struct {
		field     string
		got, want any
	}{
		{"dc:title", x.Title, []string{m.Title}},
		{"dc:creator", x.Creators, []string{"Anna Kowalska", "李明"}},
		{"dc:description", x.Description, []string{m.Subtitle}},
		{"dc:subject", x.Subjects, []string{"China Power", "North Korea", "Belt & Road", "économie"}},
		{"dc:date", x.Date, []string{"2018-06-05"}},
		{"dc:rights", x.Rights, []string{"© 2018 The Diplomat"}},
		{"dc:source", x.Source, sourceURL},
		{"dc:language", x.Language, []string{"en"}},
		{"xmp:CreateDate", x.CreateDate, "2024-03-01T12:30:00Z"},
		{"xmp:CreatorTool", x.CreatorTool, "publish 0.1.0"},
	}
	for _, tt := range tests {
		if fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s = %q, want %q", tt.field, tt.got, tt.want)
		}
	}
}

// TestWordGap finds what the layout engine may leave between two pieces of
// one word, drawn as two TextItems or as one with a kern: pdftotext joins
// them while the gap is under a tenth of the font size (poppler's minimum
// word-break space), whatever the kern below it.
func TestWordGap(t *testing.T) {
	pub := sampleArticle()
	s := newSetter(t)
	tests := []struct {
		face, a, b string
		size, gap  float64
		want       string
	}{
		{"NotoSerif-Regular", "Kern", "ing", 10.5, -0.5, "Kerning"},
		{"NotoSerif-Regular", "Kern", "ing", 10.5, +0.5, "Kerning"},
		{"NotoSerif-Regular", "Kern", "ing", 10.5, -3, "Kerning"},
		{"NotoSerif-Regular", "Kern", "ing", 10.5, 0.09 * 10.5, "Kerning"},
		{"NotoSerif-Regular", "Kern", "ing", 10.5, 0.12 * 10.5, "Kern ing"},
		{"NotoSans-Bold", "Kern", "ing", 22, 0.09 * 22, "Kerning"},
		{"NotoSans-Bold", "Kern", "ing", 22, 0.12 * 22, "Kern ing"},
		{"DroidSansFallbackFull", "中国", "和朝", 10.5, +0.5, "中国和朝"},
	}
	for _, tt := range tests {
		offset := s.width(tt.face, tt.size, tt.a) + tt.gap
		forms := []struct {
			name  string
			items []layout.Item
		}{
			{"two items", []layout.Item{
				&layout.TextItem{X: 50, Y: 100, Font: tt.face, Size: tt.size, Text: tt.a},
				&layout.TextItem{X: 50 + offset, Y: 100, Font: tt.face, Size: tt.size, Text: tt.b},
			}},
			{"kern", []layout.Item{
				&layout.TextItem{X: 50, Y: 100, Font: tt.face, Size: tt.size, Text: tt.a + tt.b,
					Kerns: []layout.Kern{{At: len(tt.a), Offset: offset}}},
			}},
		}
		for _, form := range forms {
			t.Run(fmt.Sprintf("%s/%g/%+.2f/%s", tt.face, tt.size, tt.gap, form.name), func(t *testing.T) {
				doc := &layout.Document{Width: 300, Height: 200, Pages: []layout.Page{{Number: 1, Items: form.items}}}
				path, _ := writePDF(t, pub, doc, Options{})
				if got := strings.TrimSpace(run(t, "pdftotext", "-enc", "UTF-8", path, "-")); got != tt.want {
					t.Errorf("pdftotext = %q, want %q", got, tt.want)
				}
			})
		}
	}
}

// TestKerns checks that each piece of a kerned TextItem is drawn at its X.
func TestKerns(t *testing.T) {
	doc := &layout.Document{Width: 300, Height: 200, Pages: []layout.Page{{Number: 1, Items: []layout.Item{
		&layout.TextItem{X: 50, Y: 100, Font: "NotoSerif-Regular", Size: 10, Text: "AVATAR",
			Kerns: []layout.Kern{{At: 1, Offset: 6.25}, {At: 3, Offset: 18.5}}},
	}}}}
	path, _ := writePDF(t, sampleArticle(), doc, Options{})
	j := describePDF(t, path)
	num, _, _ := strings.Cut(j.Pages[0].Contents[0], " ")
	content := run(t, "qpdf", "--show-object="+num, "--filtered-stream-data", path)
	got := textPlaces(t, content)
	// x as given; y measured up from the bottom of the page: 200 - 100.
	want := []string{"50.00 100.00", "56.25 100.00", "68.50 100.00"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("pieces drawn at %v, want %v\n%s", got, want, content)
	}
	if text := strings.TrimSpace(run(t, "pdftotext", path, "-")); text != "AVATAR" {
		t.Errorf("pdftotext = %q, want AVATAR", text)
	}
}

// textPlaces returns where each Td of a content stream moves to, as "x
// y" with two decimals: Td moves from the place of the last Td of its
// text object, and a text object (BT) starts at the origin.
func textPlaces(t *testing.T, content string) []string {
	t.Helper()
	var places []string
	var x, y float64
	for _, m := range regexp.MustCompile(`(?m)(BT)|(-?[0-9.]+) (-?[0-9.]+) Td`).FindAllStringSubmatch(content, -1) {
		if m[1] == "BT" {
			x, y = 0, 0
			continue
		}
		dx, err1 := strconv.ParseFloat(m[2], 64)
		dy, err2 := strconv.ParseFloat(m[3], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("Td %q %q: not numbers", m[2], m[3])
		}
		x, y = x+dx, y+dy
		places = append(places, fmt.Sprintf("%.2f %.2f", x, y))
	}
	return places
}

func TestNoDates(t *testing.T) {
	pub := sampleArticle()
	doc := &layout.Document{Width: 200, Height: 200, Pages: []layout.Page{{Number: 1}}}
	path, raw := writePDF(t, pub, doc, Options{Creator: "publish 0.1.0"})
	info := run(t, "pdfinfo", path)
	for _, key := range []string{"CreationDate", "ModDate"} {
		if strings.Contains(info, key+":") {
			t.Errorf("pdfinfo shows %s for a zero Options.Created:\n%s", key, info)
		}
	}
	if bytes.Contains(raw, []byte("xmp:CreateDate")) {
		t.Error("XMP has xmp:CreateDate for a zero Options.Created")
	}
}

func TestImages(t *testing.T) {
	jpg := sampleJPEG()
	alpha := samplePNG()
	deep := func() []byte { // 16 bits a channel, which fpdf cannot read
		m := image.NewNRGBA64(image.Rect(0, 0, 40, 30))
		for i := range m.Pix {
			m.Pix[i] = byte(i * 7)
		}
		var b bytes.Buffer
		png.Encode(&b, m)
		return b.Bytes()
	}()
	tests := []struct {
		name  string
		data  []byte
		check func(t *testing.T, pdf []byte, img map[string]any)
	}{
		{"jpeg passes through", jpg, func(t *testing.T, pdf []byte, img map[string]any) {
			if !bytes.Contains(pdf, jpg) {
				t.Error("the JPEG's bytes are not in the PDF")
			}
		}},
		{"png keeps its alpha", alpha, func(t *testing.T, pdf []byte, img map[string]any) {
			if img["/SMask"] == nil {
				t.Errorf("no /SMask in %v", img)
			}
		}},
		{"16-bit png is re-encoded", deep, func(t *testing.T, pdf []byte, img map[string]any) {
			if img["/BitsPerComponent"] != 8.0 {
				t.Errorf("/BitsPerComponent = %v, want 8", img["/BitsPerComponent"])
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &layout.Document{Width: 200, Height: 200, Pages: []layout.Page{{Number: 1, Items: []layout.Item{
				&layout.ImageItem{X: 10, Y: 10, W: 100, H: 80, Image: &article.Image{Src: "x", Data: tt.data}},
			}}}}
			path, pdf := writePDF(t, sampleArticle(), doc, sampleOptions())
			out := run(t, "pdfimages", "-list", path)
			if n := strings.Count(out, "\n") - 2; n < 1 {
				t.Fatalf("pdfimages finds no image:\n%s", out)
			}
			j := describePDF(t, path)
			var img map[string]any
			for _, o := range j.objects {
				if d := o.Stream.Dict; d["/Subtype"] == "/Image" && d["/ColorSpace"] != "/DeviceGray" {
					img = d
				}
			}
			if img == nil {
				t.Fatal("no image object")
			}
			tt.check(t, pdf, img)
		})
	}
}

func TestWriteErrors(t *testing.T) {
	pub := sampleArticle()
	page := func(items ...layout.Item) *layout.Document {
		return &layout.Document{Width: 200, Height: 200, Pages: []layout.Page{{Number: 1, Items: items}}}
	}
	tests := []struct {
		name string
		doc  *layout.Document
		want string
	}{
		{"nil document", nil, "nil publication or document"},
		{"no size", &layout.Document{Pages: []layout.Page{{}}}, "page size 0x0"},
		{"no pages", &layout.Document{Width: 1, Height: 1}, "no pages"},
		{"unknown face", page(&layout.TextItem{Font: "Comic-Sans", Size: 9, Text: "x"}), `font "Comic-Sans"`},
		{"image without data", page(&layout.ImageItem{W: 1, H: 1, Image: &article.Image{Src: "a.jpg"}}), `page 1: item 0: image "a.jpg" has no data`},
		{"image not an image", page(&layout.ImageItem{W: 1, H: 1, Image: &article.Image{Src: "b.png", Data: []byte("<html>")}}), `image "b.png": decoding`},
		{"broken jpeg", page(&layout.ImageItem{W: 1, H: 1, Image: &article.Image{Src: "c.jpg", Data: []byte("\xFF\xD8\xFF\x00")}}), `image "c.jpg": fpdf`},
		{"text size 0", page(&layout.TextItem{Font: "NotoSans-Bold", Text: "x"}), `text "x" at (0, 0) size 0: not a place`},
		{"NaN rule", page(&layout.RuleItem{X1: math.NaN(), Width: 1}), "rule (NaN, 0)-(0, 0) width 1: not a line"},
		{"image of no size", page(&layout.ImageItem{Image: &article.Image{Src: "d.jpg", Data: []byte("x")}}), `image "d.jpg" at (0, 0) size 0x0: not a place`},
		{"outline off the end", &layout.Document{Width: 1, Height: 1, Pages: []layout.Page{{}}, Outline: []layout.OutlineEntry{{Title: "T", Page: 2}}}, `"T" points at page 2 of 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(context.Background(), &bytes.Buffer{}, pub, tt.doc, sampleOptions())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestTextString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain title", "(Plain title)"},
		{`a (b) \c`, `(a \(b\) \\c)`},
		{"Café", "<FEFF00430061006600E9>"},
		{"李明", "<FEFF674E660E>"},
		{"🙂", "<FEFFD83DDE42>"}, // a surrogate pair, which fpdf cannot write
		{"line\nbreak", "<FEFF006C0069006E0065000A0062007200650061006B>"},
	}
	for _, tt := range tests {
		if got := textString(tt.in); got != tt.want {
			t.Errorf("textString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestInfoDict(t *testing.T) {
	single := sampleArticle()
	anthology := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{
		{Meta: article.Metadata{Title: "One", Authors: []article.Person{{Name: "A"}, {Name: "B"}}}},
		{Meta: article.Metadata{Title: "Two", Authors: []article.Person{{Name: "B"}, {Name: "C"}}}},
	}}}}
	tests := []struct {
		name string
		pub  *article.Publication
		opts Options
		want string
	}{
		{"single", single, sampleOptions(), "<<\n/Title (North Korea and China, Friends Again?)\n" +
			"/Author <FEFF0041006E006E00610020004B006F00770061006C0073006B0061002C0020674E660E>\n" +
			"/Subject " + textString(single.Meta.Subtitle) + "\n" +
			"/Keywords " + textString("China Power, North Korea, Belt & Road, économie") + "\n" +
			"/Creator (publish 0.1.0)\n/Producer (" + producer() + ")\n" +
			"/CreationDate (D:20240301123000Z)\n/ModDate (D:20240301123000Z)\n>>"},
		{"anthology, dates in another zone", anthology, Options{Created: time.Date(2024, 3, 1, 12, 30, 0, 0, time.FixedZone("CET", 3600))},
			"<<\n/Title (One)\n/Author (A, B, C)\n/Producer (" + producer() + ")\n" +
				"/CreationDate (D:20240301113000Z)\n/ModDate (D:20240301113000Z)\n>>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := infoDict(describe(tt.pub, tt.opts)); got != tt.want {
				t.Errorf("infoDict:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestLangTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"},
		{"pt-br", "pt-BR"},
		{"zh-Hans", "zh-Hans"},
		{"", ""},
		{"en) /JS (x", ""}, // malformed: dropped, never printed into the catalogue
	}
	for _, tt := range tests {
		pub := &article.Publication{Meta: article.Metadata{Lang: tt.in}}
		if got := describe(pub, Options{}).lang; got != tt.want {
			t.Errorf("lang for %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestASCIIURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{sourceURL, sourceURL},
		{"https://de.wikipedia.org/wiki/Zürich", "https://de.wikipedia.org/wiki/Z%C3%BCrich"},
		{"https://example.org/a b", "https://example.org/a%20b"},
	}
	for _, tt := range tests {
		if got := asciiURL(tt.in); got != tt.want {
			t.Errorf("asciiURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestConcurrentWrites runs two Writes at once, for the race detector: the
// pipeline may write the PDF and the EPUB, or several articles, in parallel.
func TestConcurrentWrites(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	var want bytes.Buffer
	if err := Write(context.Background(), &want, pub, doc, sampleOptions()); err != nil {
		t.Fatal(err)
	}
	results := make(chan []byte, 2)
	for range 2 {
		go func() {
			var b bytes.Buffer
			if err := Write(context.Background(), &b, pub, doc, sampleOptions()); err != nil {
				t.Error(err)
			}
			results <- b.Bytes()
		}()
	}
	for range 2 {
		if got := <-results; !bytes.Equal(got, want.Bytes()) {
			t.Error("a concurrent write differs from a lone one")
		}
	}
}

// TestSize keeps the sample, three pages in six faces with two images,
// under the 100 KB the seed article's PDF must stay under: the fonts are
// subset.
func TestSize(t *testing.T) {
	pub := sampleArticle()
	var b bytes.Buffer
	if err := Write(context.Background(), &b, pub, sampleDocument(t, pub), sampleOptions()); err != nil {
		t.Fatal(err)
	}
	t.Logf("sample: %d bytes", b.Len())
	if b.Len() >= 100_000 {
		t.Errorf("sample is %d bytes, want under 100 KB", b.Len())
	}
}

// TestPageLabels checks a book's numbering reaches the catalogue: roman
// for the front matter, arabic from 1 for the body.
func TestPageLabels(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	doc.Labels = []layout.PageLabel{{Page: 1, Style: layout.LowerRoman, Start: 1}, {Page: 2, Style: layout.Arabic, Start: 1}}
	path, _ := writePDF(t, pub, doc, sampleOptions())
	var j struct {
		Labels []struct {
			Index int            `json:"index"`
			Label map[string]any `json:"label"`
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=pagelabels", path)), &j); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range j.Labels {
		got = append(got, fmt.Sprintf("%d %v", l.Index, l.Label["/S"]))
	}
	if want := []string{"0 /r", "1 /D"}; !slices.Equal(got, want) {
		t.Errorf("page labels %q, want %q", got, want)
	}

	// A document without labels has no /PageLabels.
	path, _ = writePDF(t, pub, sampleDocument(t, pub), sampleOptions())
	catalog := describePDF(t, path)
	root := catalog.object(t, catalog.object(t, "trailer")["/Root"].(string))
	if _, ok := root["/PageLabels"]; ok {
		t.Error("an article without labels has /PageLabels")
	}
}

// TestInternalLink checks a link to a place in the document, as a book's
// contents make: its destination is that page, at that height.
func TestInternalLink(t *testing.T) {
	pub := sampleArticle()
	doc := sampleDocument(t, pub)
	doc.Pages[0].Items = append(doc.Pages[0].Items, &layout.LinkItem{X: 72, Y: 100, W: 200, H: 12, Page: 3, TargetY: 150})
	path, _ := writePDF(t, pub, doc, sampleOptions())
	j := describePDF(t, path)
	annots, _ := j.object(t, j.Pages[0].Object)["/Annots"].([]any)
	if len(annots) != 1 {
		t.Fatalf("page 1 has %d annotations, want 1", len(annots))
	}
	dest, _ := annots[0].(map[string]any)["/Dest"].([]any)
	if len(dest) < 4 || dest[0] != j.Pages[2].Object || dest[1] != "/XYZ" || dest[3] != doc.Height-150 {
		t.Errorf("link destination %v, want [%s /XYZ x %v ...]", dest, j.Pages[2].Object, doc.Height-150)
	}
}
