package publish

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPanicFailsOneInput checks that a panic while making one input is that
// input's failure, named with its message, and that the others are made.
func TestPanicFailsOneInput(t *testing.T) {
	inputs := []string{"a.txt", "b.txt", "c.txt"}
	for _, jobs := range []int{1, 3} {
		var stderr bytes.Buffer
		opts := Options{Jobs: jobs, Stderr: &stderr}
		made := make([]bool, len(inputs))
		failed := opts.each(context.Background(), inputs, func(_ context.Context, i int) error {
			if inputs[i] == "b.txt" {
				_ = inputs[i+len(inputs)] // a real runtime panic
			}
			made[i] = true
			return nil
		})
		if failed != 1 {
			t.Errorf("jobs %d: %d failed, want 1", jobs, failed)
		}
		if !made[0] || !made[2] {
			t.Errorf("jobs %d: made %v; the inputs around the panic must be made", jobs, made)
		}
		if got := stderr.String(); !strings.HasPrefix(got, "publish: b.txt: internal error") || !strings.Contains(got, "index out of range") || strings.Count(got, "\n") != 1 {
			t.Errorf("jobs %d: stderr %q, want one line naming b.txt and the panic", jobs, got)
		}
	}
}

// TestWriteFilePanicLeavesNothing checks that a panic while an output is
// written leaves neither the output nor its temporary file.
func TestWriteFilePanicLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		writeFile(context.Background(), filepath.Join(dir, "out.pdf"), false, nil, func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 half a file")
			panic("backend bug")
		})
	}()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestWriteOutputsChecksAllFirst checks that when one output exists, no
// other is made either (without --force).
func TestWriteOutputsChecksAllFirst(t *testing.T) {
	dir := t.TempDir()
	pdf, epub := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "a.epub")
	if err := os.WriteFile(epub, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := (&Options{OutDir: dir}).writeOutputs(context.Background(), "a", []string{"pdf", "epub"}, func(context.Context, string, io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "a.epub: exists") {
		t.Errorf("err = %v, want a.epub: exists", err)
	}
	if _, err := os.Stat(pdf); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the PDF was made though the EPUB exists: %v", err)
	}
	if data, _ := os.ReadFile(epub); string(data) != "keep me" {
		t.Errorf("the existing EPUB was changed: %q", data)
	}
}

// TestWriteOutputsAllOrNone checks that the formats, made at once, leave
// every output or none: when one fails or panics, the other, though
// whole, is not put in place, no temporary file is left, the failure is
// the one returned (not the cancellation it caused), and a panic reaches
// the caller's goroutine.
func TestWriteOutputsAllOrNone(t *testing.T) {
	fail := errors.New("cannot make the EPUB")
	tests := []struct {
		name  string
		epub  func(ctx context.Context, w io.Writer) error
		panic bool
	}{
		{"fails", func(context.Context, io.Writer) error { return fail }, false},
		{"panics", func(context.Context, io.Writer) error { panic("backend bug") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var temps Temps
			ctx := context.Background()
			var err error
			start := time.Now()
			func() {
				defer func() {
					if r := recover(); (r != nil) != tt.panic {
						t.Errorf("recovered %v, want a panic: %v", r, tt.panic)
					}
				}()
				_, err = (&Options{OutDir: dir, Temps: &temps}).writeOutputs(ctx, "a", []string{"pdf", "epub"}, func(ctx context.Context, format string, w io.Writer) error {
					if format == "epub" {
						return tt.epub(ctx, w)
					}
					// A long PDF: it stops when the EPUB's failure cancels it.
					select {
					case <-ctx.Done():
						return ctx.Err()
					case <-time.After(time.Minute):
					}
					_, err := io.WriteString(w, "%PDF-1.4 a whole file")
					return err
				})
			}()
			if elapsed := time.Since(start); elapsed > 30*time.Second {
				t.Errorf("the PDF went on for %v after the EPUB failed", elapsed)
			}
			if !tt.panic && !errors.Is(err, fail) {
				t.Errorf("err = %v, want %v", err, fail)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
			if len(temps.names) != 0 {
				t.Errorf("temporary files still recorded: %v", temps.names)
			}
		})
	}
}

// TestFailedRunMakesNoFolder checks that -o's folder, made for the
// outputs, is not left behind empty when the input fails, and that a
// folder that was there before is kept.
func TestFailedRunMakesNoFolder(t *testing.T) {
	base := t.TempDir()
	missing := filepath.Join(base, "missing.txt")
	fresh := filepath.Join(base, "out")
	if err := Run(context.Background(), []string{missing}, Options{OutDir: fresh, Stderr: io.Discard}); err == nil {
		t.Fatal("a missing input published")
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed run left its folder %s behind: %v", fresh, err)
	}
	if err := Run(context.Background(), []string{missing}, Options{OutDir: base, Stderr: io.Discard}); err == nil {
		t.Fatal("a missing input published")
	}
	if _, err := os.Stat(base); err != nil {
		t.Errorf("the folder that was there before was taken away: %v", err)
	}
}

// TestOutputsRespectUmask checks that outputs get the mode the user's umask
// leaves of 0666, as any program's documents do, and that -o makes its
// folder when it is missing. It changes the process's umask, so it runs
// alone.
func TestOutputsRespectUmask(t *testing.T) {
	for _, umask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(umask)
		dir := filepath.Join(t.TempDir(), "new", "folder")
		opts := Options{OutDir: dir, Formats: []string{"epub"}, Stderr: io.Discard, Stdin: strings.NewReader("A Title\n\nA paragraph of text that is long enough to be a body, with a sentence or two in it.\n")}
		err := Run(context.Background(), []string{"-"}, opts)
		syscall.Umask(old)
		if err != nil {
			t.Fatalf("umask %03o: %v", umask, err)
		}
		outs, _ := filepath.Glob(filepath.Join(dir, "*.epub"))
		if len(outs) != 1 {
			t.Fatalf("umask %03o: outputs %v, want one EPUB", umask, outs)
		}
		st, err := os.Stat(outs[0])
		if err != nil {
			t.Fatal(err)
		}
		if got, want := st.Mode().Perm(), os.FileMode(0o666&^umask); got != want {
			t.Errorf("umask %03o: mode %v, want %v", umask, got, want)
		}
	}
}

// TestFilesStayInTheirFolder checks that a Markdown file cannot embed, and
// a manifest cannot bind, a file from outside its folder, with a warning
// or error that says so without saying what the file was; --allow-outside
// lifts the fence.
func TestFilesStayInTheirFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "book")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		p := filepath.Join(base, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("secret.txt", "A Secret\n\nThe text of a file that lies outside the book's folder, long enough to read.\n")
	write("secret.png", string(pngOf(t)))
	essay := write("book/essay.md", "---\ntitle: An Essay\n---\n\nThe first paragraph, long enough to be prose and to be the body of this essay.\n\n![a secret picture](../secret.png)\n")
	manifest := write("book/book.yaml", "title: A Book\ninputs: [essay.md, ../secret.txt]\n")

	t.Run("image", func(t *testing.T) {
		var stderr bytes.Buffer
		out := t.TempDir()
		err := Run(context.Background(), []string{essay}, Options{OutDir: out, Formats: []string{"epub"}, Stderr: &stderr})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(stderr.String(), "../secret.png: outside the input's folder") {
			t.Errorf("stderr %q, want a warning that the image is outside the folder", stderr.String())
		}
		epub, _ := os.ReadFile(filepath.Join(out, "essay.epub"))
		if bytes.Contains(epub, []byte("IHDR")) {
			t.Error("the EPUB holds the picture from outside the folder")
		}
	})
	t.Run("manifest", func(t *testing.T) {
		out := t.TempDir()
		err := Run(context.Background(), []string{manifest}, Options{OutDir: out, Stderr: io.Discard})
		if err == nil || !strings.Contains(err.Error(), "secret.txt: outside the input's folder") {
			t.Errorf("err = %v, want the outside input refused", err)
		}
		if left, _ := os.ReadDir(out); len(left) != 0 {
			t.Errorf("made %v", left)
		}
		err = Run(context.Background(), []string{manifest}, Options{OutDir: out, Formats: []string{"epub"}, Stderr: io.Discard, AllowOutside: true})
		if err != nil {
			t.Errorf("with AllowOutside: %v", err)
		}
	})
	t.Run("manifest named by a relative path", func(t *testing.T) {
		t.Chdir(base)
		err := Run(context.Background(), []string{filepath.Join("book", "book.yaml")}, Options{OutDir: t.TempDir(), Stderr: io.Discard})
		if err == nil || !strings.Contains(err.Error(), "secret.txt: outside the input's folder") {
			t.Errorf("err = %v, want the outside input refused", err)
		}
	})
}

// pngOf returns a small PNG.
func pngOf(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCoverFromCommandLine checks that --cover may name an image anywhere:
// it is the user's own choice, not a file an input refers to.
func TestCoverFromCommandLine(t *testing.T) {
	dir := t.TempDir()
	cover := filepath.Join(t.TempDir(), "cover.png")
	if err := os.WriteFile(cover, pngOf(t), 0o644); err != nil {
		t.Fatal(err)
	}
	essay := filepath.Join(dir, "essay.md")
	if err := os.WriteFile(essay, []byte("---\ntitle: An Essay\n---\n\nThe first paragraph, long enough to be prose and to be the body of this essay.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{OutDir: dir, Formats: []string{"epub"}, Stderr: io.Discard, Bind: true, Meta: Overrides{Title: "A Book", Cover: cover}}
	if err := Run(context.Background(), []string{essay}, opts); err != nil {
		t.Fatalf("--cover %s: %v", cover, err)
	}
}

// TestTempsRemoveAll checks what a second Ctrl-C relies on: RemoveAll
// removes the temporary file of an output still being written, and that
// output then fails rather than appearing.
func TestTempsRemoveAll(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	var temps Temps
	writing, removed := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- writeFile(context.Background(), out, false, &temps, func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 half a file")
			close(writing)
			<-removed
			return nil
		})
	}()
	<-writing
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Fatalf("while writing, the folder holds %v, want one temporary file", left)
	}
	temps.RemoveAll()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("after RemoveAll the folder holds %v", left)
	}
	close(removed)
	if err := <-done; err == nil {
		t.Error("the output whose temporary file was removed was written")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the output exists: %v", err)
	}
}
