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
	"cmp"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"

	"golang.org/x/image/webp"

	"github.com/pressroom/publish/internal/confine"
)

// DefaultMaxBytes is the per-image size limit when Loader.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Limits on decoded size, checked from the header before any decoding, so
// that a small file that claims a huge canvas (a decompression bomb) cannot
// exhaust memory.
const (
	// maxPixels bounds one image: 50 megapixels is beyond any photograph
	// a page would show.
	maxPixels = 50_000_000
	// maxDecodedBytes bounds one image's decoded pixels in memory, which
	// depend on the format's depth: a 16-bit RGBA PNG takes 8 bytes a
	// pixel, so it may have at most 16.7 megapixels.
	maxDecodedBytes = 128 << 20
	// DefaultMaxPixels bounds the pixels a Loader decodes over all the
	// images of one document when Loader.MaxPixels is 0: a dozen
	// 12-megapixel photographs.
	DefaultMaxPixels = 150_000_000
)

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
	// Context bounds every fetch: the run's, cancelled by Ctrl-C or a
	// request's end, with a deadline for all of the document's images.
	// Nil is context.Background(). A Loader lives as long as the reading
	// of one document, as an http.Request does, so it holds its context.
	Context context.Context
	// Dir is the directory the saved page or Markdown file is in, against
	// which relative paths resolve; "" means there is none. Local files
	// are read only inside its tree.
	Dir string
	// AllowOutside lets local references reach files outside Dir's tree
	// (absolute paths, file: URLs, ../, symbolic links), for a user who
	// means it.
	AllowOutside bool
	// Base is the page's address for URL input; relative references resolve
	// against it. Nil for files.
	Base *url.URL
	// Client fetches remote images; its Timeout bounds each request. Nil
	// means remote images are never fetched.
	Client *http.Client
	// MaxBytes is the size limit per image; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxPixels bounds the pixels decoded over all the images Load reads;
	// 0 means DefaultMaxPixels.
	MaxPixels int64
	// Warn, when set, is told one line for each image Load fails on.
	Warn func(msg string)

	pixels atomic.Int64 // decoded so far, against MaxPixels
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
	cfg, format, err := checkSize(raw)
	if err != nil {
		return nil, "", 0, 0, err
	}
	n := int64(cfg.Width) * int64(cfg.Height)
	if max := cmp.Or(l.MaxPixels, DefaultMaxPixels); l.pixels.Add(n) > max {
		l.pixels.Add(-n)
		return nil, "", 0, 0, fmt.Errorf("%s of %d×%d pixels is past the document's limit of %d pixels of images: %w", format, cfg.Width, cfg.Height, max, ErrTooLarge)
	}
	data, mediaType, w, h, err := normalize(raw, format, cfg)
	if err != nil {
		l.pixels.Add(-n) // an image that did not decode is not kept
	}
	return data, mediaType, w, h, err
}

func (l *Loader) limit() int64 { return cmp.Or(l.MaxBytes, DefaultMaxBytes) }

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

// readFile reads a local image, inside Dir's tree unless AllowOutside; it
// refuses anything but a regular file.
func (l *Loader) readFile(p string) ([]byte, error) {
	if p == "" {
		return nil, errors.New("empty path")
	}
	name := filepath.FromSlash(p)
	switch {
	case !l.AllowOutside && l.Dir == "":
		return nil, confine.ErrOutside
	case !l.AllowOutside:
		real, err := confine.Within(l.Dir, name)
		if err != nil {
			return nil, err
		}
		name = real
	case !filepath.IsAbs(name):
		if l.Dir == "" {
			return nil, errors.New("relative path with no directory to resolve it in")
		}
		name = filepath.Join(l.Dir, name)
	}
	f, err := confine.OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
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
	ctx := l.Context
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("not fetched: %w", context.Cause(ctx))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
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

// checkSize returns the format and header of image bytes, or an error when
// they are no image Load takes or would decode to more than the limits of
// one image. Only the header is read.
func checkSize(raw []byte) (image.Config, string, error) {
	format := sniff(raw)
	switch format {
	case "":
		return image.Config{}, "", fmt.Errorf("%w (%s)", ErrUnsupported, http.DetectContentType(raw))
	case "svg":
		return image.Config{}, "", fmt.Errorf("%w (SVG)", ErrUnsupported)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(raw))
	if err != nil {
		return image.Config{}, "", fmt.Errorf("decoding %s: %w", format, err)
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if cfg.Width <= 0 || cfg.Height <= 0 || pixels > maxPixels {
		return image.Config{}, "", fmt.Errorf("%s of %d×%d pixels: %w", format, cfg.Width, cfg.Height, ErrTooLarge)
	}
	if size := pixels * bytesPerPixel(cfg.ColorModel); size > maxDecodedBytes {
		return image.Config{}, "", fmt.Errorf("%s of %d×%d pixels, %d MB decoded: %w", format, cfg.Width, cfg.Height, size>>20, ErrTooLarge)
	}
	return cfg, format, nil
}

// bytesPerPixel returns how many bytes a pixel of the color model takes
// once decoded by the standard library, at most.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel, color.NYCbCrAModel:
		return 4 // 3 for 4:4:4, and alpha for NYCbCrA
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8 // 16-bit RGBA, and anything unforeseen
}

// normalize turns image bytes of a format checkSize found into JPEG or PNG,
// as Loader.Load does, and returns them with their media type and size in
// pixels.
func normalize(raw []byte, format string, cfg image.Config) (data []byte, mediaType string, w, h int, err error) {
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
		img, err := firstFrame(raw, cfg)
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
// an animation's frames may cover only part of it. Only that frame is
// decoded: an animation may hold thousands.
func firstFrame(raw []byte, cfg image.Config) (image.Image, error) {
	img, err := gif.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	frame, ok := img.(*image.Paletted)
	if !ok {
		return nil, errors.New("no frames")
	}
	screen := image.Rect(0, 0, cfg.Width, cfg.Height)
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
