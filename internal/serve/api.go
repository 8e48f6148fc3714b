package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/publish"
	"github.com/pressroom/publish/internal/read"
)

// formMemory is how much of a multipart form is held in memory; larger
// files spill into temporary files, which the request removes.
const formMemory = 8 << 20

// contentType returns the media type of an output format, "" for a
// format publish does not make.
func contentType(format string) string {
	switch format {
	case "pdf":
		return "application/pdf"
	case "epub":
		return "application/epub+zip"
	}
	return ""
}

// A job is one request's work: its inputs, saved into a folder of its
// own, and the options to publish them with.
type job struct {
	dir    string
	inputs []string
	opts   publish.Options
	format string
}

// publish answers POST /v1/publish with the PDF or EPUB of the inputs.
func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	s.work(w, r, func(ctx context.Context, j *job) (func(), error) {
		j.opts.OutDir = filepath.Join(j.dir, "out")
		j.opts.Formats = []string{j.format}
		j.opts.PagesMade = func(n int) { s.metrics.pages.Add(float64(n)) }
		if err := publish.Run(ctx, j.inputs, j.opts); err != nil {
			return nil, err
		}
		made, err := os.ReadDir(j.opts.OutDir)
		if err != nil || len(made) != 1 {
			return nil, fmt.Errorf("%w: no single output in %s", publish.ErrInternal, j.opts.OutDir)
		}
		name := made[0].Name()
		f, err := os.Open(filepath.Join(j.opts.OutDir, name))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", publish.ErrInternal, err)
		}
		return func() {
			defer f.Close()
			h := w.Header()
			h.Set("Content-Type", contentType(j.format))
			h.Set("Content-Disposition", attachment(name))
			if st, err := f.Stat(); err == nil {
				h.Set("Content-Length", fmt.Sprint(st.Size()))
			}
			w.WriteHeader(http.StatusOK)
			io.Copy(w, f) // a client that leaves halfway is no error of ours
		}, nil
	})
}

// attachment is the Content-Disposition of a file to download as name:
// the name quoted, and for a name beyond ASCII also in RFC 5987's
// encoding, which browsers prefer, with an ASCII stand-in before it.
func attachment(name string) string {
	plain := strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	if plain == name {
		return `attachment; filename="` + name + `"`
	}
	return `attachment; filename="` + plain + `"; filename*=UTF-8''` + url.PathEscape(name)
}

// inspect answers POST /v1/inspect with the JSON publish inspect prints.
func (s *Server) inspect(w http.ResponseWriter, r *http.Request) {
	s.work(w, r, func(ctx context.Context, j *job) (func(), error) {
		if len(j.inputs) != 1 {
			return nil, errors.New("inspect reads one article: send one file or one url")
		}
		var out bytes.Buffer
		if err := publish.Inspect(ctx, &out, j.inputs[0], j.opts); err != nil {
			return nil, err
		}
		return func() {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			w.Write(out.Bytes())
		}, nil
	})
}

// work admits a request at the gate, reads its form into a job, and runs
// do on it with the request's deadline while holding a job's slot, which
// it gives back before do's answer goes out: a slow upload or a slow
// reader of the answer holds only a place in the queue. A failure of do
// is answered with the status its error calls for.
func (s *Server) work(w http.ResponseWriter, r *http.Request, do func(context.Context, *job) (answer func(), err error)) {
	t, err := s.jobs.enter()
	if err != nil {
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, http.StatusServiceUnavailable, err)
		return
	}
	defer t.leave()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	dir, err := os.MkdirTemp("", "publish-serve-")
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	defer os.RemoveAll(dir)
	j, status, err := s.readJob(w, r, dir)
	if err != nil {
		s.fail(w, r, status, err)
		return
	}
	if err := t.work(ctx); err != nil {
		s.failContext(w, r, err)
		return
	}
	answer, err := do(ctx, j)
	t.rest()
	switch {
	case err == nil:
		answer()
	case ctx.Err() != nil:
		s.failContext(w, r, ctx.Err())
	default:
		s.fail(w, r, statusOf(err), err)
	}
}

// statusOf is the status that answers a run's error: 415 for an input
// publish does not read, 500 for a bug of its own, 400 for the rest,
// which are faults of the input or of the request.
func statusOf(err error) int {
	switch {
	case errors.Is(err, read.ErrNotText):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, publish.ErrInternal):
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// failContext answers a request whose context ended: 504 past the
// deadline; nothing when the client is gone.
func (s *Server) failContext(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.DeadlineExceeded) {
		s.fail(w, r, http.StatusGatewayTimeout, fmt.Errorf("not done within %v", s.cfg.Timeout))
	}
}

// readJob reads the request's form: the inputs, saved into dir, and the
// options. Its errors come with the status that answers them.
func (s *Server) readJob(w http.ResponseWriter, r *http.Request, dir string) (*job, int, error) {
	if r.MultipartForm == nil { // not parsed already, for the token
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
		if status, err := s.parseForm(r); err != nil {
			return nil, status, err
		}
	}
	j := &job{dir: dir, format: strings.ToLower(strings.TrimSpace(r.FormValue("format")))}
	if j.format == "" {
		j.format = "pdf"
	}
	if contentType(j.format) == "" {
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("format %q: publish makes pdf or epub", j.format)
	}
	if r.MultipartForm != nil {
		for i, fh := range r.MultipartForm.File["file"] {
			path, err := saveUpload(dir, i, fh)
			if err != nil {
				return nil, http.StatusInternalServerError, err // the server's disk, not the input
			}
			j.inputs = append(j.inputs, path)
		}
	}
	for _, u := range r.Form["url"] {
		if u = strings.TrimSpace(u); u != "" {
			if !read.IsURL(u) {
				return nil, http.StatusBadRequest, fmt.Errorf("%s: not an http or https URL", u)
			}
			j.inputs = append(j.inputs, u)
		}
	}
	bind := r.FormValue("bind") == "true" || r.FormValue("bind") == "on" || r.FormValue("bind") == "1"
	switch {
	case len(j.inputs) == 0:
		return nil, http.StatusBadRequest, errors.New("no input: send a file (field file) or a URL (field url)")
	case len(j.inputs) > 1 && !bind:
		return nil, http.StatusBadRequest, fmt.Errorf("%d inputs make one file only as a book: add bind=true and a title", len(j.inputs))
	}
	var authors []string
	for _, a := range r.Form["author"] {
		if a = strings.TrimSpace(a); a != "" {
			authors = append(authors, a)
		}
	}
	j.opts = publish.Options{
		Paper: strings.ToLower(strings.TrimSpace(r.FormValue("paper"))),
		Force: true,
		Jobs:  1,
		Bind:  bind,
		Meta: publish.Overrides{
			Title:    strings.TrimSpace(r.FormValue("title")),
			Subtitle: strings.TrimSpace(r.FormValue("subtitle")),
			Authors:  authors,
			Date:     strings.TrimSpace(r.FormValue("date")),
			Lang:     strings.TrimSpace(r.FormValue("lang")),
		},
		Stdin:  strings.NewReader(""),
		Stderr: io.Discard,
		Getenv: s.cfg.Getenv,
		Client: s.client,
	}
	return j, 0, nil
}

// tooLarge is the error of a request past the limit of limit bytes.
func tooLarge(limit int64) error {
	if limit >= 1<<20 {
		return fmt.Errorf("the request is larger than %d MiB", limit>>20)
	}
	return fmt.Errorf("the request is larger than %d KiB", limit>>10)
}

// parseForm parses a multipart or URL-encoded form from a body bounded
// by MaxUpload, and returns the status that answers its failure: 413 past
// the bound, 504 when the body did not come within the deadline, 400 for
// a form that is not one.
func (s *Server) parseForm(r *http.Request) (int, error) {
	err := r.ParseMultipartForm(formMemory)
	if errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	var ne net.Error
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, tooLarge(s.cfg.MaxUpload)
	case errors.As(err, &ne) && ne.Timeout():
		return http.StatusGatewayTimeout, fmt.Errorf("the request did not arrive within %v", s.cfg.Timeout)
	}
	return http.StatusBadRequest, fmt.Errorf("reading the form: %w", err)
}

// saveUpload saves an uploaded file into a folder of its own in dir,
// under its own base name (publish names the output after it), made safe
// as a file name; the i-th upload's folder is dir/i.
func saveUpload(dir string, i int, fh *multipart.FileHeader) (string, error) {
	name := safeName(fh.Filename)
	sub := filepath.Join(dir, fmt.Sprint(i))
	if err := os.Mkdir(sub, 0o700); err != nil {
		return "", err
	}
	src, err := fh.Open()
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	defer src.Close()
	path := filepath.Join(sub, name)
	dst, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return path, dst.Close()
}

// safeName returns the base of an uploaded file's name without what a
// file name may not hold here, and no longer than maxName bytes (its
// extension kept when it is short); "article" when nothing is left.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == '/' || r == 0x7F || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(name, ".")
	if len(name) > maxName {
		ext := filepath.Ext(name)
		if len(ext) > 16 {
			ext = ""
		}
		stem := name[:len(name)-len(ext)]
		for len(stem)+len(ext) > maxName || !utf8.ValidString(stem) {
			stem = stem[:len(stem)-1]
		}
		name = stem + ext
	}
	if strings.TrimSpace(name) == "" || name == "." {
		return "article"
	}
	return name
}

// maxName bounds a saved upload's name, well inside the 255 bytes file
// systems allow.
const maxName = 200

// fail answers a request with status and err as one line of plain text,
// the message the command line prints for the same fault; a browser's
// plain form post (no JavaScript) gets the page again, with the message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " ")
	if wantsPage(r) {
		s.renderPage(w, status, msg)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintf(w, "publish: %s\n", msg)
}

// wantsPage reports whether r is the page's form posted by a browser
// without the script: the form's address says it comes from the page
// (in its URL, which a failed upload does not lose), and the browser asks
// for HTML. The body is not read for it.
func wantsPage(r *http.Request) bool {
	return r.URL.Query().Get("from") == "page" && strings.Contains(r.Header.Get("Accept"), "text/html")
}
