package read

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/confine"
	"github.com/pressroom/publish/internal/read/htmlpage"
	"github.com/pressroom/publish/internal/read/images"
	"github.com/pressroom/publish/internal/read/markdown"
	"github.com/pressroom/publish/internal/read/plaintext"
	"github.com/pressroom/publish/internal/read/textenc"
)

// MaxSize is the largest input read: ten times the longest novel in the test
// corpus, and far below what would exhaust memory.
const MaxSize = 64 << 20

// A Reader reads articles from files, standard input and URLs. The zero
// Reader reads files only; a nil Stdin reads nothing from "-", and a nil
// Client fetches no URL.
type Reader struct {
	Stdin  io.Reader
	Client *http.Client
	// FetchImages lets a saved page's remote images be fetched with
	// Client; a page read from a URL always fetches its images.
	FetchImages bool
	// AllowOutside lets a saved page or Markdown file embed local files
	// from outside its own folder's tree.
	AllowOutside bool
	// ImagesTimeout bounds the fetching of one input's images together;
	// 0 is the package's ImagesTimeout.
	ImagesTimeout time.Duration
	// Warn receives one line per problem that does not stop the read,
	// such as an image that could not be had.
	Warn func(string)
}

// ErrNotText is what the error of an input that is not text wraps: an
// image, a PDF, an archive; publish reads only text, pages and Markdown.
var ErrNotText = textenc.ErrBinary

// File reads the article in the named file; "-" reads stdin.
func File(name string, stdin io.Reader) (*article.Article, error) {
	return (&Reader{Stdin: stdin}).Read(context.Background(), name)
}

// Read reads the article named by input: a file, "-" for standard input,
// or an http or https URL.
func (r *Reader) Read(ctx context.Context, input string) (*article.Article, error) {
	var data []byte
	var err error
	switch {
	case IsURL(input):
		if r.Client == nil {
			return nil, fmt.Errorf("%s: cannot fetch URLs here", input)
		}
		page, err := fetch(ctx, r.Client, input)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", input, err)
		}
		a, err := r.parse(ctx, input, page.data, page.contentType, page.url)
		if err != nil {
			return nil, err
		}
		if a.Meta.SourceURL == "" {
			a.Meta.SourceURL = page.url.String()
		}
		return a, nil
	case input == "-":
		if r.Stdin == nil {
			return nil, errors.New("standard input: nothing to read")
		}
		data, err = io.ReadAll(io.LimitReader(r.Stdin, MaxSize+1))
	default:
		data, err = readFile(input)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(input), err)
	}
	return r.parse(ctx, input, data, "", nil)
}

func readFile(name string) ([]byte, error) {
	f, err := confine.OpenRegular(name)
	if err != nil {
		return nil, describe(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, describe(err)
	}
	return data, nil
}

// describe drops the operation and path from a file error, which the caller
// names itself, keeping what went wrong.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, fs.ErrNotExist) {
			return errors.New("no such file")
		}
		return pe.Err
	}
	return err
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// Bytes reads an article from data, which came from the named input (used
// in errors, and to find images a saved page or Markdown file refers to).
func Bytes(name string, data []byte) (*article.Article, error) {
	return (&Reader{}).parse(context.Background(), name, data, "", nil)
}

// parse reads data in whichever format it is in. contentType is what a
// server said the data is ("" for files); page is the URL it came from.
// ctx bounds the fetching of its images.
func (r *Reader) parse(ctx context.Context, name string, data []byte, contentType string, page *url.URL) (*article.Article, error) {
	fail := func(err error) (*article.Article, error) {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	if len(data) > MaxSize {
		return fail(fmt.Errorf("larger than %d MiB", MaxSize>>20))
	}
	data, err := textenc.FromUTF16(data)
	if err != nil {
		return fail(err)
	}
	if err := textenc.CheckText(data); err != nil {
		return fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, cmp.Or(r.ImagesTimeout, ImagesTimeout))
	defer cancel()
	loader := r.images(ctx, name, page)
	var a *article.Article
	switch sniff(name, data, contentType) {
	case formatHTML:
		// The page names its own encoding, which the HTML reader honours.
		a, err = htmlpage.Parse(data, htmlpage.Options{URL: page, Images: loader, Warn: r.Warn})
		if errors.Is(err, htmlpage.ErrNoArticle) {
			err = errors.New("no article text found")
		}
	default:
		var text string
		var replaced int
		if text, replaced, err = textenc.Decode(data); err != nil {
			break
		}
		if replaced > 0 && r.Warn != nil {
			r.Warn(fmt.Sprintf("%s: %d invalid UTF-8 sequences, each shown as U+FFFD", displayName(name), replaced))
		}
		if strings.TrimSpace(text) == "" {
			err = errors.New("empty: there is no text to publish")
			break
		}
		if isMarkdown(name, []byte(text), contentType) {
			a, err = markdown.Parse([]byte(text), markdown.Options{Images: loader, Warn: r.Warn})
		} else {
			a = plaintext.Parse(text)
		}
	}
	if err != nil {
		return fail(err)
	}
	if len(a.Body) == 0 && a.Meta.Title == "" {
		return fail(errors.New("no article text found"))
	}
	if a.Meta.Lang == "" {
		a.Meta.Lang = DetectLanguage(a)
	}
	return a, nil
}

// images returns the loader for the pictures an input refers to: files
// beside a saved file, and remote pictures only for a page fetched from
// the web or when FetchImages allows it.
func (r *Reader) images(ctx context.Context, name string, page *url.URL) *images.Loader {
	l := &images.Loader{Context: ctx, Base: page, Warn: r.Warn, AllowOutside: r.AllowOutside}
	if page == nil && name != "-" {
		l.Dir = filepath.Dir(name)
	}
	if page != nil || r.FetchImages {
		l.Client = r.Client
	}
	return l
}
