package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pressroom/publish/internal/read"
)

// inputExts are the files a directory input contributes, read recursively.
func inputExts() []string { return []string{".txt", ".html", ".htm", ".md", ".markdown"} }

// expand replaces each directory among the inputs with the article files
// below it, in lexical order, so that a run over a folder is repeatable.
func expand(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		if in == "-" || read.IsURL(in) {
			out = append(out, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !st.IsDir() {
			out = append(out, in) // reading it reports the problem
			continue
		}
		// WalkDir does not enter a root that is a symbolic link: walk
		// what it points to, as ls and find -H do for a named folder.
		root := in
		if lst, err := os.Lstat(in); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			if root, err = filepath.EvalSymlinks(in); err != nil {
				return nil, fmt.Errorf("%s: %w", in, describeWalk(err))
			}
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && slices.Contains(inputExts(), strings.ToLower(filepath.Ext(path))) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, describeWalk(err))
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no %s files in this directory", in, strings.Join(inputExts(), ", "))
		}
		out = append(out, found...)
	}
	return out, nil
}

func describeWalk(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// names hands out output base names, never the same one twice in a run:
// two inputs called notes.txt in different folders make notes.pdf and
// notes-2.pdf, not one file written over the other.
type names struct {
	mu    sync.Mutex
	taken map[string]bool
}

// claim returns base, or base-2, base-3, ... when base is taken.
func (n *names) claim(base string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.taken == nil {
		n.taken = map[string]bool{}
	}
	name := base
	for i := 2; n.taken[name]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	n.taken[name] = true
	return name
}

// inputBase is the name an input's outputs take before any clash: the file
// name without its extension, or the last part of a URL's path (its host
// when the path is empty); "" for standard input, which is named after its
// title once read.
func inputBase(in string) string {
	switch {
	case in == "-":
		return ""
	case read.IsURL(in):
		u, err := url.Parse(in)
		if err != nil {
			return slug(in)
		}
		if last := path.Base(strings.TrimRight(u.Path, "/")); last != "." && last != "/" && last != "" {
			return slug(strings.TrimSuffix(last, path.Ext(last)))
		}
		return slug(strings.ReplaceAll(u.Hostname(), ".", "-"))
	}
	return strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
}

// A terminal is standard error while a progress bar is drawn on it: every
// message clears the bar's line first, and the bar is redrawn after it.
type terminal struct {
	mu sync.Mutex
	w  io.Writer
}

func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	io.WriteString(t.w, "\r\033[K")
	return t.w.Write(p)
}

// each runs do for each input's index on the run's workers, with a
// progress bar when standard error is a terminal, reports each failure as
// it happens, and returns how many failed. A panic fails its input alone.
// From then on, messages clear the bar's line before they are written.
func (o *Options) each(ctx context.Context, inputs []string, do func(context.Context, int) error) int {
	var progress *terminal
	if len(inputs) > 1 && isTerminal(o.stderr()) {
		progress = &terminal{w: o.stderr()}
		o.Stderr = progress
	}
	safe := func(ctx context.Context, i int) error {
		return recovered(inputs[i], func() error { return do(ctx, i) })
	}
	return batch(ctx, len(inputs), o.Jobs, progress, safe, func(err error) {
		if ctx.Err() == nil { // an interrupted run is reported once, not per input
			fmt.Fprintf(o.stderr(), "publish: %v\n", err)
		}
	})
}

// recovered runs the work on one input and turns a panic in it into that
// input's error, so that one bad input never takes a batch down with it.
func recovered(input string, work func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w: %v", input, ErrInternal, r)
		}
	}()
	return work()
}

// ErrInternal is what the error of a run that failed through a bug of
// publish's own (a panic) wraps, as against a fault of its input.
var ErrInternal = errors.New("internal error, please report it")

// batch runs the inputs on jobs workers, reports each failure as it
// happens and returns how many failed. With a terminal, it draws a
// progress bar there.
func batch(ctx context.Context, total, jobs int, progress *terminal, do func(context.Context, int) error, fail func(error)) int {
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, total)
	work := make(chan int)
	var (
		mu     sync.Mutex
		done   int
		failed int
		start  = time.Now()
		wg     sync.WaitGroup
	)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				err := do(ctx, i)
				mu.Lock()
				done++
				if err != nil {
					failed++
					fail(err)
				}
				if progress != nil {
					progress.mu.Lock()
					showProgress(progress.w, done, total, time.Since(start))
					progress.mu.Unlock()
				}
				mu.Unlock()
			}
		}()
	}
	for i := range total {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if progress != nil {
		progress.Write(nil) // clear the bar
	}
	return failed + total - done
}

// showProgress draws a one-line progress bar: done/total, rate, time left.
func showProgress(w io.Writer, done, total int, elapsed time.Duration) {
	const width = 30
	filled := width * done / total
	rate := float64(done) / elapsed.Seconds()
	left := time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second)
	fmt.Fprintf(w, "\r\033[K[%s%s] %d/%d  %.1f/s  %v left", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), done, total, rate, left)
}

// isTerminal reports whether w is a terminal, where a progress bar belongs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
