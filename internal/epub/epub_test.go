package epub

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/xml"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/tooltest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden compares the package document, navigation and content
// documents with golden files, which -update rewrites for review by eye.
func TestGolden(t *testing.T) {
	for _, name := range []string{"seed", "collection"} {
		t.Run(name, func(t *testing.T) {
			s := sampleNamed(name)
			fs, _ := files(t, write(t, s.pub(t), s.opts(t)))
			dir := filepath.Join("testdata", "golden", name)
			var got []string
			for n := range fs {
				if strings.HasSuffix(n, ".opf") || strings.HasSuffix(n, ".xhtml") || strings.HasSuffix(n, ".ncx") {
					got = append(got, n)
				}
			}
			slices.Sort(got)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			var want []string
			for _, n := range got {
				golden := filepath.Join(dir, filepath.Base(n))
				want = append(want, golden)
				if *update {
					if err := os.WriteFile(golden, fs[n], 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				g, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(fs[n], g) {
					t.Errorf("%s differs from %s:\n%s", n, golden, firstDiff(string(fs[n]), string(g)))
				}
			}
			onDisk, _ := filepath.Glob(filepath.Join(dir, "*"))
			slices.Sort(want)
			if !slices.Equal(onDisk, want) {
				t.Errorf("golden files %v, EPUB documents %v", onDisk, want)
			}
		})
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// TestEpubcheck runs epubcheck over every EPUB the tests make and wants no
// fatal, error, warning or info message. Each start of the JVM costs
// seconds, so each distinct EPUB is checked once, all in one run, and each
// EPUB's result is a subtest of its own.
func TestEpubcheck(t *testing.T) {
	if testing.Short() {
		t.Skip("-short skips the checks that run external tools (epubcheck)")
	}
	t.Parallel() // the JVM starts while the package's other tests run
	dir := t.TempDir()
	var names, files []string // the samples that make each EPUB, its file
	seen := map[[sha256.Size]byte]int{}
	for _, s := range samples() {
		epub := write(t, s.pub(t), s.opts(t))
		sum := sha256.Sum256(epub)
		if i, ok := seen[sum]; ok {
			names[i] += "+" + s.name
			continue
		}
		file := filepath.Join(dir, s.name+".epub")
		if err := os.WriteFile(file, epub, 0o644); err != nil {
			t.Fatal(err)
		}
		seen[sum] = len(files)
		names, files = append(names, s.name), append(files, file)
	}
	msgs := tooltest.EpubcheckAll(t, files)
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			if m := msgs[files[i]]; m != "" {
				t.Errorf("epubcheck %s:\n%s", files[i], m)
			}
		})
	}
}

// text returns the words of an XHTML document's body, with a space at
// every element boundary except inline ones.
func text(t testing.TB, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	inline := map[string]bool{"a": true, "em": true, "strong": true, "code": true, "span": true, "time": true}
	var b strings.Builder
	inBody := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inBody = inBody || tok.Name.Local == "body"
			if !inline[tok.Name.Local] {
				b.WriteString(" ")
			}
		case xml.EndElement:
			if !inline[tok.Name.Local] {
				b.WriteString(" ")
			}
		case xml.CharData:
			if inBody {
				b.Write(tok)
			}
		}
	}
	return strings.Fields(b.String())
}

// modelWords returns the words of blocks as the model holds them.
func modelWords(blocks []article.Block) []string {
	var b strings.Builder
	var walk func([]article.Block)
	walk = func(blocks []article.Block) {
		for _, bl := range blocks {
			b.WriteString(" ")
			switch bl := bl.(type) {
			case *article.Heading:
				b.WriteString(bl.Text.String())
			case *article.Paragraph:
				b.WriteString(bl.Text.String())
			case *article.Figure:
				if len(bl.Image.Data) == 0 && len(bl.Image.Caption) == 0 {
					b.WriteString(bl.Image.Alt) // what the missing picture showed
				}
				b.WriteString(bl.Image.Caption.String() + " " + bl.Image.Credit)
			case *article.Table:
				b.WriteString(bl.Caption.String())
				for r := range bl.AllRows() {
					for _, c := range r {
						b.WriteString(" " + c.Text.String())
					}
				}
			case *article.Quote:
				walk(bl.Blocks)
			case *article.List:
				for _, item := range bl.Items {
					walk(item)
				}
			case *article.Preformatted:
				b.WriteString(bl.Text)
			}
		}
	}
	walk(blocks)
	return strings.Fields(b.String())
}

// isSubsequence reports whether want appears in got in order.
func isSubsequence(want, got []string) bool {
	i := 0
	for _, w := range got {
		if i < len(want) && w == want[i] {
			i++
		}
	}
	return i == len(want)
}

// TestWords checks that every word of each article survives, in order: the
// body document holds exactly the body's words, and the book holds the
// title, dek, authors, body and bios in reading order.
func TestWords(t *testing.T) {
	for _, name := range []string{"seed", "collection", "cjk", "figures"} {
		t.Run(name, func(t *testing.T) {
			s := sampleNamed(name)
			pub := s.pub(t)
			fs, _ := files(t, write(t, pub, s.opts(t)))
			var book []string
			for _, doc := range []string{"cover", "title", "article-01", "article-02", "article-03", "credits"} {
				if data, ok := fs["EPUB/xhtml/"+doc+".xhtml"]; ok {
					book = append(book, text(t, data)...)
				}
			}
			var want []string
			for i, a := range pub.Articles() {
				body := modelWords(a.Body)
				if len(pub.Articles()) == 1 {
					got := text(t, fs["EPUB/xhtml/article-01.xhtml"])
					if !slices.Equal(got, body) {
						t.Errorf("article-01.xhtml words differ from the model:\n got %q\nwant %q", got, body)
					}
				}
				_ = i
				want = append(want, strings.Fields(a.Title())...)
				want = append(want, strings.Fields(a.Meta.Subtitle)...)
				for _, p := range a.Meta.Authors {
					want = append(want, strings.Fields(p.Name)...)
				}
				want = append(want, body...)
			}
			for _, a := range pub.Articles() {
				for _, p := range a.Meta.Authors {
					want = append(want, strings.Fields(p.Bio)...)
				}
			}
			if !isSubsequence(want, book) {
				t.Errorf("the book's words do not hold the model's in order:\nbook %q\nmodel %q", book, want)
			}
		})
	}
}

// TestReproducible writes each sample twice (go-epub's maps iterate in a
// new order each time) and wants the same bytes, and checks the container
// rules of EPUB 3.3 section 4.2.
func TestReproducible(t *testing.T) {
	for _, name := range []string{"seed", "figures", "collection"} {
		t.Run(name, func(t *testing.T) {
			s := sampleNamed(name)
			first := write(t, s.pub(t), s.opts(t))
			for range 3 {
				if again := write(t, s.pub(t), s.opts(t)); !bytes.Equal(first, again) {
					t.Fatal("two runs made different EPUBs")
				}
			}
			// The local header of the first entry: mimetype, stored, no
			// extra field, its content at offset 38.
			h := first[:38+len("application/epub+zip")]
			if string(h[:4]) != "PK\x03\x04" || binary.LittleEndian.Uint16(h[8:]) != 0 ||
				binary.LittleEndian.Uint16(h[26:]) != 8 || binary.LittleEndian.Uint16(h[28:]) != 0 ||
				string(h[30:38]) != "mimetype" || string(h[38:]) != "application/epub+zip" {
				t.Errorf("first local header %q is not a stored mimetype without extra field", h)
			}
			fs, names := files(t, first)
			if names[0] != "mimetype" || !slices.IsSorted(names[1:]) {
				t.Errorf("entries in order %v, want mimetype then sorted", names)
			}
			_ = fs
			zr := zipReader(t, first)
			made := s.opts(t).Created
			for _, f := range zr {
				if !f.Modified.Equal(made) || len(f.Extra) != 0 {
					t.Errorf("%s: modified %v, extra %x; want %v and none", f.Name, f.Modified, f.Extra, made)
				}
			}
		})
	}
	t.Run("created", func(t *testing.T) {
		s := sampleNamed("seed")
		o := s.opts(t)
		o.Created = time.Date(2031, 7, 4, 12, 0, 1, 0, time.FixedZone("", -5*3600))
		fs, _ := files(t, write(t, s.pub(t), o))
		if !bytes.Contains(fs["EPUB/package.opf"], []byte(`<meta property="dcterms:modified">2031-07-04T17:00:01Z</meta>`)) {
			t.Error("dcterms:modified does not follow Options.Created in UTC")
		}
		if !bytes.Contains(fs["EPUB/xhtml/credits.xhtml"], []byte(`<time datetime="2031-07-04">2031-07-04</time>`)) {
			t.Error("the credits page does not carry the date the file was made")
		}
	})
}

// TestCredits checks what the credits page says of an author: each bio
// once, whether it comes from the author or from a credit (the text reader
// gives both), and a credited bio that differs as well.
func TestCredits(t *testing.T) {
	const other = "Anny Boc also writes for China Power."
	tests := []struct {
		name   string
		change func(a *article.Article)
		want   map[string]int // text on the credits page, and how often
	}{
		{"reader's seed", func(*article.Article) {}, map[string]int{
			"Anny Boc is a PhD Candidate":                                                 1,
			"<li><span class=\"label\">Photo:</span> Flickr":                              1,
			`href="https://thediplomat.com/2018/05/north-korea-and-china-friends-again/"`: 1,
			"© 2018 The Diplomat. All rights reserved.":                                   1,
			`EPUB made:</span> <time datetime="2018-05-20">`:                              1,
		}},
		{"two bios", func(a *article.Article) {
			a.Credits = append(a.Credits, article.Credit{Role: article.RoleAuthorBio, Text: other})
		}, map[string]int{"Anny Boc is a PhD Candidate": 1, other: 1, "About the authors": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := seedArticle(t)
			bios := 0
			for _, c := range a.Credits {
				if c.Role == article.RoleAuthorBio && c.Text == a.Meta.Authors[0].Bio {
					bios++
				}
			}
			if bios != 1 {
				t.Fatalf("the reader gave %d author-bio credits repeating the bio, want 1: the test no longer tests that", bios)
			}
			tt.change(a)
			fs, _ := files(t, write(t, article.Single(a), seedOptions()))
			page := string(fs["EPUB/xhtml/credits.xhtml"])
			for s, n := range tt.want {
				if got := strings.Count(page, s); got != n {
					t.Errorf("%q appears %d times on the credits page, want %d", s, got, n)
				}
			}
		})
	}
}

// TestAssets checks that the fonts and images, for which go-epub only
// makes places, arrive whole: each file holds the bytes it came from, is
// in the manifest with its media type, and is deflated unless it is a
// compressed image already.
func TestAssets(t *testing.T) {
	tests := []struct {
		sample string
		want   map[string]string // file: media type
	}{
		{"seed-fonts", map[string]string{
			"EPUB/images/cover.jpg": "image/jpeg", "EPUB/fonts/NotoSerif-Regular.ttf": "font/ttf",
			"EPUB/fonts/NotoSerif-BoldItalic.ttf": "font/ttf",
		}},
		{"cjk", map[string]string{"EPUB/fonts/DroidSansFallbackFull.ttf": "font/ttf"}},
		{"figures", map[string]string{
			"EPUB/images/cover.jpg": "image/jpeg", "EPUB/images/image-001.jpg": "image/jpeg",
			"EPUB/images/image-002.png": "image/png", "EPUB/images/image-003.jpg": "image/jpeg",
		}},
		{"given-cover", map[string]string{"EPUB/images/cover.png": "image/png"}},
	}
	for _, tt := range tests {
		t.Run(tt.sample, func(t *testing.T) {
			s := sampleNamed(tt.sample)
			pub, opts := s.pub(t), s.opts(t)
			b, err := newBook(pub, opts)
			if err != nil {
				t.Fatal(err)
			}
			epub := write(t, pub, opts)
			fs, _ := files(t, epub)
			held := map[string][]byte{}
			for _, a := range b.assets() {
				held[a.name] = a.data
			}
			for name, mt := range tt.want {
				data, ok := held[name]
				if !ok || len(data) == 0 {
					t.Fatalf("the book holds no bytes for %s", name)
				}
				if !bytes.Equal(fs[name], data) {
					t.Errorf("%s: %d bytes in the EPUB, want the %d the book holds", name, len(fs[name]), len(data))
				}
				href := strings.TrimPrefix(name, "EPUB/")
				if !bytes.Contains(fs[opfPath], []byte(`href="`+href+`" media-type="`+mt+`"`)) {
					t.Errorf("the manifest has no %s of type %s", href, mt)
				}
			}
			if tt.sample == "seed-fonts" {
				f, err := fonts.Bytes(fonts.SerifRegular)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(fs["EPUB/fonts/NotoSerif-Regular.ttf"], f) {
					t.Error("NotoSerif-Regular.ttf differs from the project's font")
				}
			}
			for _, f := range zipReader(t, epub) {
				want := zip.Deflate
				switch {
				case f.Name == "mimetype", strings.HasSuffix(f.Name, ".png"), strings.HasSuffix(f.Name, ".jpg"):
					want = zip.Store
				}
				if f.Method != want {
					t.Errorf("%s: method %d, want %d", f.Name, f.Method, want)
				}
			}
		})
	}
}

// TestNoNetwork gives the book images whose source is a live server, with
// and without their bytes, and wants no request to reach it.
func TestNoNetwork(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	fs, _ := files(t, write(t, article.Single(figuresArticle(t, srv.URL)), testOptions()))
	if n := hits.Load(); n != 0 {
		t.Errorf("Write made %d requests", n)
	}
	var imgs []string
	for n := range fs {
		if strings.HasPrefix(n, "EPUB/images/") {
			imgs = append(imgs, n)
		}
	}
	slices.Sort(imgs)
	want := []string{"EPUB/images/cover.jpg", "EPUB/images/image-001.jpg", "EPUB/images/image-002.png", "EPUB/images/image-003.jpg"}
	if !slices.Equal(imgs, want) {
		t.Errorf("images %v, want %v (the one without bytes dropped)", imgs, want)
	}
	if _, err := (offline{}).RoundTrip(httptest.NewRequest("GET", srv.URL, nil)); err == nil {
		t.Error("the offline transport let a request through")
	}
}

// TestConcurrent writes from several goroutines at once: go-epub's shared
// file system must not be raced on (run with -race).
func TestConcurrent(t *testing.T) {
	s := sampleNamed("seed")
	want := write(t, s.pub(t), s.opts(t))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Write(context.Background(), &buf, s.pub(t), s.opts(t)); err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Error("a concurrent Write made different bytes")
			}
		})
	}
	wg.Wait()
}

func TestWriteErrors(t *testing.T) {
	seed := article.Single(minimalArticle())
	tests := []struct {
		name string
		pub  *article.Publication
		opts Options
		want string
	}{
		{"nil publication", nil, testOptions(), "no articles"},
		{"no articles", &article.Publication{}, testOptions(), "no articles"},
		{"no date", seed, Options{}, "Created is zero"},
		{"cover without data", seed, Options{Created: created, Cover: &article.Image{Src: "https://example.com/c.jpg"}}, "cover"},
		{"cover not an image", seed, Options{Created: created, Cover: &article.Image{Data: []byte("GIF89a...")}}, "cover"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(context.Background(), &buf, tt.pub, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}
