package images

import (
	"bytes"
	"encoding/base64"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// makePNG returns a w×h PNG.
func makePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func makeJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeGIF returns a two-frame animation on a w×h screen whose first frame
// covers only the top-left quarter.
func makeGIF(t testing.TB, w, h int) []byte {
	t.Helper()
	pal := color.Palette{color.Black, color.White}
	g := &gif.GIF{
		Image:  []*image.Paletted{image.NewPaletted(image.Rect(0, 0, w/2, h/2), pal), image.NewPaletted(image.Rect(0, 0, w, h), pal)},
		Delay:  []int{10, 10},
		Config: image.Config{ColorModel: pal, Width: w, Height: h},
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadFormats(t *testing.T) {
	pngData, jpegData := makePNG(t, 3, 2), makeJPEG(t, 5, 4)
	tests := []struct {
		name      string
		data      []byte
		wantType  string
		w, h      int
		untouched bool
		wantErr   error
	}{
		{"png", pngData, "image/png", 3, 2, true, nil},
		{"jpeg", jpegData, "image/jpeg", 5, 4, true, nil},
		{"gif first frame on full screen", makeGIF(t, 8, 6), "image/png", 8, 6, false, nil},
		{"webp lossy becomes jpeg", readTestdata(t, "blue-purple-pink.lossy.webp"), "image/jpeg", 0, 0, false, nil},
		{"opaque lossless webp becomes jpeg", readTestdata(t, "gopher-doc.1bpp.lossless.webp"), "image/jpeg", 0, 0, false, nil},
		{"webp with alpha becomes png", readTestdata(t, "gopher-doc.with-alpha.lossless.webp"), "image/png", 0, 0, false, nil},
		{"svg refused", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`), "", 0, 0, false, ErrUnsupported},
		{"html refused", []byte("<!doctype html><title>Not found</title>"), "", 0, 0, false, ErrUnsupported},
		{"truncated png refused", pngData[:len(pngData)-20], "", 0, 0, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warned []string
			l := &Loader{Warn: func(m string) { warned = append(warned, m) }}
			src := "data:application/octet-stream;base64," + base64.StdEncoding.EncodeToString(tt.data)
			data, mt, w, h, err := l.Load(src)
			if tt.wantType == "" {
				if err == nil {
					t.Fatalf("Load = %s, want an error", mt)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("err = %v, want %v", err, tt.wantErr)
				}
				if len(warned) != 1 {
					t.Errorf("warned %q, want one line", warned)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if mt != tt.wantType {
				t.Errorf("media type %s, want %s", mt, tt.wantType)
			}
			if len(warned) != 0 {
				t.Errorf("warned %q", warned)
			}
			if tt.untouched && !bytes.Equal(data, tt.data) {
				t.Error("bytes changed")
			}
			// The result must decode to the size reported, as the type said.
			img, format, err := image.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("result does not decode: %v", err)
			}
			if "image/"+format != mt {
				t.Errorf("result is %s, labelled %s", format, mt)
			}
			if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
				t.Errorf("reported %d×%d, decodes to %v", w, h, b)
			}
			if tt.w != 0 && (w != tt.w || h != tt.h) {
				t.Errorf("size %d×%d, want %d×%d", w, h, tt.w, tt.h)
			}
		})
	}
}

func TestLoadSources(t *testing.T) {
	dir := t.TempDir()
	pngData := makePNG(t, 2, 2)
	sub := filepath.Join(dir, "page")
	for name, data := range map[string][]byte{
		"page/page_files/a b.png": pngData,
		"shared.png":              pngData,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "shared.png"), filepath.Join(sub, "link.png")); err != nil {
		t.Fatal(err)
	}
	b64 := base64.StdEncoding.EncodeToString(pngData)
	tests := []struct {
		name   string
		loader *Loader
		src    string
		ok     bool
	}{
		{"data base64", &Loader{}, "data:image/png;base64," + b64, true},
		{"data base64 unpadded and wrapped", &Loader{}, "data:image/png;base64," + strings.TrimRight(b64[:20]+"\n  "+b64[20:], "="), true},
		{"data percent-encoded", &Loader{}, "data:image/png," + url.PathEscape(string(pngData)), true},
		{"data without comma", &Loader{}, "data:image/png;base64", false},
		{"relative path", &Loader{Dir: sub}, "page_files/a%20b.png", true},
		{"dot-slash path", &Loader{Dir: sub}, "./page_files/a%20b.png?v=3", true},
		{"parent directory refused", &Loader{Dir: sub}, "../shared.png", false},
		{"parent directory when allowed", &Loader{Dir: sub, AllowOutside: true}, "../shared.png", true},
		{"absolute file URL inside", &Loader{Dir: sub}, "file://" + filepath.ToSlash(filepath.Join(sub, "page_files", "a b.png")), true},
		{"absolute file URL outside", &Loader{Dir: sub}, "file://" + filepath.ToSlash(filepath.Join(dir, "shared.png")), false},
		{"absolute path without a folder", &Loader{}, filepath.Join(dir, "shared.png"), false},
		{"absolute file URL when allowed", &Loader{AllowOutside: true}, "file://" + filepath.ToSlash(filepath.Join(dir, "shared.png")), true},
		{"symbolic link out of the folder", &Loader{Dir: sub}, "link.png", false},
		{"relative with no directory", &Loader{}, "shared.png", false},
		{"missing file", &Loader{Dir: sub}, "nope.png", false},
		{"directory refused", &Loader{Dir: dir}, "page", false},
		{"remote without client", &Loader{Dir: dir}, "https://example.com/a.png", false},
		{"relative to base without client", &Loader{Base: &url.URL{Scheme: "https", Host: "example.com"}}, "a.png", false},
		{"empty", &Loader{}, " ", false},
		{"other scheme", &Loader{}, "ftp://example.com/a.png", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, mt, _, _, err := tt.loader.Load(tt.src)
			if tt.ok && (err != nil || mt != "image/png") {
				t.Errorf("Load(%q) = %q, %v", tt.src, mt, err)
			}
			if !tt.ok && err == nil {
				t.Errorf("Load(%q) succeeded, want an error", tt.src)
			}
		})
	}
}

func TestLoadNoFetchWithoutClient(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/article/")
	l := &Loader{Base: base}
	for _, src := range []string{srv.URL + "/a.png", "b.png", "//" + base.Host + "/c.png"} {
		if _, _, _, _, err := l.Load(src); !errors.Is(err, ErrNoFetch) {
			t.Errorf("Load(%q) err = %v, want ErrNoFetch", src, err)
		}
	}
	if hits != 0 {
		t.Errorf("server was asked %d times", hits)
	}
}

func TestLoadHTTP(t *testing.T) {
	pngData := makePNG(t, 4, 3)
	big := makePNG(t, 300, 300)
	mux := http.NewServeMux()
	mux.HandleFunc("/img/a.png", func(w http.ResponseWriter, r *http.Request) { w.Write(pngData) })
	mux.HandleFunc("/img/big.png", func(w http.ResponseWriter, r *http.Request) { w.Write(big) })
	mux.HandleFunc("/img/chunked.png", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the limit must hold while reading.
		for i := 0; i < len(big); i += 100 {
			w.Write(big[i:min(i+100, len(big))])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/img/slow.png", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/img/page.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<!doctype html><p>an error page served as an image</p>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base, _ := url.Parse(srv.URL + "/article/2024/story.html")
	client := &http.Client{Timeout: 300 * time.Millisecond}
	limit := int64(len(pngData) + 10)
	tests := []struct {
		src     string
		ok      bool
		wantErr error
	}{
		{srv.URL + "/img/a.png", true, nil},
		{"/img/a.png", true, nil},
		{"../../img/a.png", true, nil},
		{"//" + base.Host + "/img/a.png", true, nil},
		{"/img/missing.png", false, nil},
		{"/img/big.png", false, ErrTooLarge},
		{"/img/chunked.png", false, ErrTooLarge},
		{"/img/slow.png", false, nil},
		{"/img/page.png", false, ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var warned []string
			l := &Loader{Base: base, Client: client, MaxBytes: limit, Warn: func(m string) { warned = append(warned, m) }}
			data, _, w, h, err := l.Load(tt.src)
			if tt.ok {
				if err != nil || !bytes.Equal(data, pngData) || w != 4 || h != 3 {
					t.Errorf("Load = %d bytes, %d×%d, %v", len(data), w, h, err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if len(warned) != 1 || !strings.Contains(warned[0], tt.src) {
				t.Errorf("warned %q, want one line naming the source", warned)
			}
		})
	}
}

func TestLoadSizeLimit(t *testing.T) {
	pngData := makePNG(t, 50, 50)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.png"), pngData, 0o644); err != nil {
		t.Fatal(err)
	}
	n := int64(len(pngData))
	for _, src := range []string{"a.png", "data:image/png;base64," + base64.StdEncoding.EncodeToString(pngData)} {
		if _, _, _, _, err := (&Loader{Dir: dir, MaxBytes: n}).Load(src); err != nil {
			t.Errorf("at the limit: %v", err)
		}
		if _, _, _, _, err := (&Loader{Dir: dir, MaxBytes: n - 1}).Load(src); !errors.Is(err, ErrTooLarge) {
			t.Errorf("over the limit: err = %v, want ErrTooLarge", err)
		}
	}
}

// TestLoadBomb checks that a tiny file claiming a huge canvas is refused
// before it is decoded.
func TestLoadBomb(t *testing.T) {
	data := makePNG(t, 1, 1)
	// Patch the IHDR width and height to 100000×100000 and fix its CRC.
	ihdr := data[8 : 8+8+13+4]
	copy(ihdr[8:], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	fixCRC(ihdr)
	_, _, _, _, err := (&Loader{}).Load("data:image/png;base64," + base64.StdEncoding.EncodeToString(data))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

// TestLoadDeepBomb checks that an image is refused from its header when its
// decoded pixels would take too much memory, though it has fewer pixels than
// the count limit: a 16-bit PNG takes 8 bytes a pixel.
func TestLoadDeepBomb(t *testing.T) {
	const side = 7000 // 49 megapixels, 392 MB decoded
	data := makePNG(t, 1, 1)
	ihdr := data[8 : 8+8+13+4]
	copy(ihdr[8:], []byte{0, 0, side >> 8, side & 0xff, 0, 0, side >> 8, side & 0xff, 16, 6})
	fixCRC(ihdr)
	_, _, _, _, err := (&Loader{}).Load("data:image/png;base64," + base64.StdEncoding.EncodeToString(data))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	// The same canvas at 8-bit grey takes 49 MB, and is only as big as a
	// large photograph: the header check lets it through to the decoder,
	// which fails on the missing pixel data.
	copy(ihdr[8+8:], []byte{8, 0})
	fixCRC(ihdr)
	_, _, _, _, err = (&Loader{}).Load("data:image/png;base64," + base64.StdEncoding.EncodeToString(data))
	if err == nil || errors.Is(err, ErrTooLarge) {
		t.Errorf("8-bit grey: err = %v, want a decoding error", err)
	}
}

// TestLoadDocumentBudget checks that one Loader decodes at most
// MaxPixels over all its images, and that a refused image does not use up
// the budget.
func TestLoadDocumentBudget(t *testing.T) {
	big := makeGIF(t, 60, 60)
	src := "data:image/gif;base64," + base64.StdEncoding.EncodeToString(big)
	l := &Loader{MaxPixels: 4*60*60 + 150}
	n := 4
	for i := range n {
		if _, _, _, _, err := l.Load(src); err != nil {
			t.Fatalf("image %d of %d: %v", i+1, n, err)
		}
	}
	if _, _, _, _, err := l.Load(src); !errors.Is(err, ErrTooLarge) {
		t.Errorf("image %d: err = %v, want ErrTooLarge", n+1, err)
	}
	if _, _, _, _, err := l.Load("data:image/png;base64," + base64.StdEncoding.EncodeToString(makePNG(t, 10, 10))); err != nil {
		t.Errorf("a small image after the refusal: %v", err)
	}
}

// TestLoadGIFFirstFrameOnly checks that only the first frame of an
// animation is decoded: a GIF whose later frames are corrupt still loads.
func TestLoadGIFFirstFrameOnly(t *testing.T) {
	data := makeGIF(t, 40, 40)
	// Cut the file inside its second frame: DecodeAll would fail on it.
	cut := data[:len(data)-8]
	if _, err := gif.DecodeAll(bytes.NewReader(cut)); err == nil {
		t.Fatal("the cut GIF still decodes whole; the test proves nothing")
	}
	if _, _, w, h, err := (&Loader{}).Load("data:image/gif;base64," + base64.StdEncoding.EncodeToString(cut)); err != nil || w != 40 || h != 40 {
		t.Errorf("Load = %d×%d, %v; want 40×40", w, h, err)
	}
}

func fixCRC(chunk []byte) {
	n := len(chunk)
	c := crc32.ChecksumIEEE(chunk[4 : n-4])
	chunk[n-4], chunk[n-3], chunk[n-2], chunk[n-1] = byte(c>>24), byte(c>>16), byte(c>>8), byte(c)
}

func BenchmarkLoadWebP(b *testing.B) {
	src := "data:image/webp;base64," + base64.StdEncoding.EncodeToString(readTestdata(b, "blue-purple-pink.lossy.webp"))
	l := &Loader{}
	for b.Loop() {
		if _, _, _, _, err := l.Load(src); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadRefusesPipes checks that an image that is a named pipe is
// refused at once: opening it would block until a writer comes.
func TestLoadRefusesPipes(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a.png"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, _, _, _, err := (&Loader{Dir: dir}).Load("a.png")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("err = %v, want a named pipe refused", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked on a named pipe")
	}
}
