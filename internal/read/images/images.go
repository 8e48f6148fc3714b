// Package images fetches and normalises the pictures an article refers to,
// for the readers that find them (HTML pages, Markdown files).
//
// A Loader resolves a reference (a data: URI, a path beside the page, a web
// address), reads at most a set number of bytes, sniffs the real format from
// the bytes and hands back either the original bytes (JPEG, PNG) or a
// conversion (GIF and WebP, which Kindle and many EPUB readers do not show).
// Anything else, SVG included, is an error: the reader drops the image and
// keeps its caption and credit.
package images

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/webp"
)

// DefaultMaxBytes is the per-image size limit when Loader.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// maxPixels bounds the decoded size, so a small file that claims a huge
// canvas (a decompression bomb) cannot exhaust memory. 50 megapixels is
// beyond any photograph a page would show.
const maxPixels = 50_000_000

// Errors callers may branch on. Load wraps them with the source it was given.
var (
	// ErrNoFetch means the image is remote and the Loader has no Client.
	ErrNoFetch = errors.New("remote image not fetched")
	// ErrTooLarge means the image is over the Loader's MaxBytes.
	ErrTooLarge = errors.New("image too large")
	// ErrUnsupported means the bytes are not JPEG, PNG, GIF or WebP.
	ErrUnsupported = errors.New("unsupported image format")
)

// The media types Load returns.
const (
	mediaJPEG = "image/jpeg"
	mediaPNG  = "image/png"
)

// A Loader resolves and reads images for one document. The zero Loader reads
// only data: URIs.
type Loader struct {
	// Dir is the directory the saved page or Markdown file is in, against
	// which relative paths resolve; "" means there is none.
	Dir string
	// Base is the page's address for URL input; relative references resolve
	// against it. Nil for files.
	Base *url.URL
	// Client fetches remote images; its Timeout bounds each request. Nil
	// means remote images are never fetched.
	Client *http.Client
	// MaxBytes is the size limit per image; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Warn, when set, is told one line for each image Load fails on.
	Warn func(msg string)
}

// Load reads the image src refers to and returns its bytes as JPEG or PNG,
// their media type and the decoded width and height in pixels. JPEG and PNG
// come back untouched; a GIF becomes a PNG of its first frame; a WebP becomes
// a PNG when it has transparency, else a JPEG of quality 90.
func (l *Loader) Load(src string) (data []byte, mediaType string, w, h int, err error) {
	data, mediaType, w, h, err = l.load(strings.TrimSpace(src))
	if err != nil {
		err = fmt.Errorf("image %s: %w", shorten(src), err)
		if l.Warn != nil {
			l.Warn(err.Error() + "; dropped")
		}
		return nil, "", 0, 0, err
	}
	return data, mediaType, w, h, nil
}

func (l *Loader) load(src string) ([]byte, string, int, int, error) {
	raw, err := l.read(src)
	if err != nil {
		return nil, "", 0, 0, err
	}
	return normalize(raw)
}

func (l *Loader) limit() int64 {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

// read returns the bytes src refers to, as stored.
func (l *Loader) read(src string) ([]byte, error) {
	if src == "" {
		return nil, errors.New("empty reference")
	}
	if len(src) >= 5 && strings.EqualFold(src[:5], "data:") {
		return l.readData(src)
	}
	u, err := url.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("bad reference: %w", err)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		return l.fetch(u)
	case u.Scheme == "" && l.Base != nil:
		return l.fetch(l.Base.ResolveReference(u))
	case u.Scheme == "" && u.Host != "":
		// A protocol-relative reference in a saved page: the page came
		// from the web, so the image is on the web too.
		u.Scheme = "https"
		return l.fetch(u)
	case u.Scheme == "":
		return l.readFile(u.Path)
	case u.Scheme == "file":
		return l.readFile(u.Path)
	}
	return nil, fmt.Errorf("unsupported scheme %q", u.Scheme)
}

// readData decodes a data: URI (RFC 2397), base64 or percent-encoded.
func (l *Loader) readData(src string) ([]byte, error) {
	header, payload, ok := strings.Cut(src[5:], ",")
	if !ok {
		return nil, errors.New("data URI without a comma")
	}
	// The payload is at most 4/3 of the bytes, plus escapes; refuse early
	// what cannot fit.
	if int64(len(payload)) > 3*l.limit() {
		return nil, ErrTooLarge
	}
	var data []byte
	if strings.HasSuffix(strings.ToLower(strings.TrimSpace(header)), ";base64") {
		// Pages wrap long URIs and sometimes percent-encode them too.
		if p, err := url.PathUnescape(payload); err == nil {
			payload = p
		}
		payload = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}, payload)
		payload = strings.TrimRight(payload, "=")
		var err error
		if data, err = base64.RawStdEncoding.DecodeString(payload); err != nil {
			if data, err = base64.RawURLEncoding.DecodeString(payload); err != nil {
				return nil, fmt.Errorf("data URI: %w", err)
			}
		}
	} else {
		p, err := url.PathUnescape(payload)
		if err != nil {
			return nil, fmt.Errorf("data URI: %w", err)
		}
		data = []byte(p)
	}
	if int64(len(data)) > l.limit() {
		return nil, ErrTooLarge
	}
	return data, nil
}

// readFile reads a local image. Like a browser showing a saved page, it
// follows ../ out of Dir; it refuses anything but a regular file.
func (l *Loader) readFile(p string) ([]byte, error) {
	if p == "" {
		return nil, errors.New("empty path")
	}
	name := filepath.FromSlash(p)
	if !filepath.IsAbs(name) {
		if l.Dir == "" {
			return nil, errors.New("relative path with no directory to resolve it in")
		}
		name = filepath.Join(l.Dir, name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	if fi.Size() > l.limit() {
		return nil, ErrTooLarge
	}
	return readLimited(f, l.limit())
}

// fetch gets a remote image, if the Loader may.
func (l *Loader) fetch(u *url.URL) ([]byte, error) {
	if l.Client == nil {
		return nil, ErrNoFetch
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported scheme %q", u.Scheme)
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	// Ask for what we keep; servers that negotiate then skip AVIF.
	req.Header.Set("Accept", "image/jpeg,image/png,image/webp,image/gif;q=0.9,*/*;q=0.5")
	req.Header.Set("User-Agent", "publish (article to PDF and EPUB converter)")
	resp, err := l.Client.Do(req)
	if err != nil {
		// The caller names the image; keep only what went wrong, not the
		// request the url.Error repeats.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("server said %s", resp.Status)
	}
	if resp.ContentLength > l.limit() {
		return nil, ErrTooLarge
	}
	data, err := readLimited(resp.Body, l.limit())
	if err != nil && !errors.Is(err, ErrTooLarge) {
		return nil, fmt.Errorf("reading response: %w", err)
	}
	return data, err
}

// readLimited reads r to the end, or fails with ErrTooLarge past max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, ErrTooLarge
	}
	return data, nil
}

// sniff returns the format of an image from its first bytes: "jpeg", "png",
// "gif", "webp", "svg", or "" when it is none of these.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "gif"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp"
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	if bytes.Contains(head, []byte("<svg")) {
		return "svg"
	}
	return ""
}

// normalize turns image bytes into JPEG or PNG, as Loader.Load does, and
// returns them with their media type and size in pixels.
func normalize(raw []byte) (data []byte, mediaType string, w, h int, err error) {
	format := sniff(raw)
	switch format {
	case "":
		return nil, "", 0, 0, fmt.Errorf("%w (%s)", ErrUnsupported, http.DetectContentType(raw))
	case "svg":
		return nil, "", 0, 0, fmt.Errorf("%w (SVG)", ErrUnsupported)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return nil, "", 0, 0, fmt.Errorf("decoding %s: %w", format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, "", 0, 0, fmt.Errorf("%s of %d×%d pixels: %w", format, cfg.Width, cfg.Height, ErrTooLarge)
	}
	switch format {
	case "jpeg", "png":
		// Decode fully so a truncated file fails here, not in a backend.
		if _, _, err := image.Decode(bytes.NewReader(raw)); err != nil {
			return nil, "", 0, 0, fmt.Errorf("decoding %s: %w", format, err)
		}
		mt := mediaJPEG
		if format == "png" {
			mt = mediaPNG
		}
		return raw, mt, cfg.Width, cfg.Height, nil
	case "gif":
		img, err := firstFrame(raw)
		if err != nil {
			return nil, "", 0, 0, fmt.Errorf("decoding gif: %w", err)
		}
		return encode(img, true)
	default: // webp
		img, err := webp.Decode(bytes.NewReader(raw))
		if err != nil {
			return nil, "", 0, 0, fmt.Errorf("decoding webp: %w", err)
		}
		return encode(img, !opaque(img))
	}
}

// firstFrame returns a GIF's first frame on the full logical screen, since
// an animation's frames may cover only part of it.
func firstFrame(raw []byte) (image.Image, error) {
	g, err := gif.DecodeAll(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	if len(g.Image) == 0 {
		return nil, errors.New("no frames")
	}
	frame := g.Image[0]
	screen := image.Rect(0, 0, g.Config.Width, g.Config.Height)
	if screen.Empty() || frame.Bounds() == screen {
		return frame, nil
	}
	canvas := image.NewNRGBA(screen)
	draw.Draw(canvas, frame.Bounds(), frame, frame.Bounds().Min, draw.Over)
	return canvas, nil
}

// opaque reports whether every pixel of img is fully opaque.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// encode writes img as PNG, or as JPEG of quality 90 when asPNG is false.
func encode(img image.Image, asPNG bool) ([]byte, string, int, int, error) {
	var buf bytes.Buffer
	mt := mediaPNG
	var err error
	if asPNG {
		err = png.Encode(&buf, img)
	} else {
		mt = mediaJPEG
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	}
	if err != nil {
		return nil, "", 0, 0, fmt.Errorf("encoding %s: %w", mt, err)
	}
	b := img.Bounds()
	return buf.Bytes(), mt, b.Dx(), b.Dy(), nil
}

// shorten keeps a data: URI from filling a warning line.
func shorten(src string) string {
	if len(src) > 80 {
		return src[:60] + "…"
	}
	return src
}
