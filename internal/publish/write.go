package publish

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// writeOutputs writes a publication in each of formats, as base.FORMAT in
// the output folder, and returns the paths it wrote. The formats are made
// at once, each on its own goroutine (a PDF and an EPUB share nothing but
// the article), into temporary files that take their names only when all
// are whole: an input leaves every output or none. Without Force it first
// checks that none of them exists, so an input never leaves one output
// made and the other refused. The first failure cancels the context the
// other formats are written with, and is the error returned; a panic in
// one is raised again in the caller's goroutine, where the caller
// recovers it. With Force, outputs put in place before one that could not
// be stay, having replaced what was there; without, they are removed.
func (o *Options) writeOutputs(ctx context.Context, base string, formats []string, write func(ctx context.Context, format string, w io.Writer) error) ([]string, error) {
	paths := make([]string, len(formats))
	for i, f := range formats {
		paths[i] = filepath.Join(o.OutDir, base+"."+f)
		if _, err := os.Lstat(paths[i]); err == nil && !o.Force {
			return nil, fmt.Errorf("%s: exists; use --force to replace it", paths[i])
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outs := make([]*output, len(formats))
	var (
		mu       sync.Mutex
		first    error // the failure that cancelled the rest
		panicked any
		wg       sync.WaitGroup
	)
	for i, f := range formats {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					panicked = r
					mu.Unlock()
					cancel()
				}
			}()
			out, err := writeTemp(ctx, paths[i], o.Temps, func(w io.Writer) error { return write(ctx, f, w) })
			mu.Lock()
			defer mu.Unlock()
			outs[i] = out
			if err != nil && first == nil {
				first = err
				cancel()
			}
		})
	}
	wg.Wait()
	if panicked != nil || first != nil {
		for _, out := range outs {
			out.discard(o.Temps)
		}
		if panicked != nil {
			panic(panicked)
		}
		return nil, first
	}
	for i, out := range outs {
		if err := out.place(o.Force, o.Temps); err != nil {
			for _, later := range outs[i+1:] {
				later.discard(o.Temps)
			}
			if !o.Force { // new names, claimed by this call
				for _, p := range paths[:i] {
					os.Remove(p)
				}
			}
			return nil, err
		}
	}
	return paths, nil
}

// writeFile writes an output whole or not at all: into a temporary file
// beside it, renamed over the final name only once complete, so an error, a
// panic or a kill never leaves a partial file under that name. Without
// force, an existing file is an error and is left alone. The temporary file
// is recorded in temps (which may be nil) while it exists.
func writeFile(ctx context.Context, path string, force bool, temps *Temps, write func(io.Writer) error) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: exists; use --force to replace it", path)
		}
	}
	out, err := writeTemp(ctx, path, temps, write)
	if err != nil {
		return err
	}
	return out.place(force, temps)
}

// An output is a file written whole beside its path, under a temporary
// name, waiting to be put in place.
type output struct {
	path, tmp string
}

// writeTemp writes the contents of the file at path into a new temporary
// file beside it, recorded in temps. On an error, or a panic, the
// temporary file is removed.
func writeTemp(ctx context.Context, path string, temps *Temps, write func(io.Writer) error) (*output, error) {
	tmp, err := createTemp(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	temps.add(tmp.Name())
	done := false
	defer func() {
		// Deferred, so that it runs on a panic too.
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
			temps.remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(buf); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := buf.Flush(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	done = true
	return &output{path: path, tmp: tmp.Name()}, nil
}

// place gives the output its name: with force, over a file of that name;
// without, only if the name is still free, which a hard link claims
// atomically, closing the race with another writer since the check
// before writing.
func (out *output) place(force bool, temps *Temps) error {
	defer out.discard(temps)
	if force {
		if err := os.Rename(out.tmp, out.path); err != nil {
			return fmt.Errorf("%s: %w", out.path, err)
		}
		return nil
	}
	if err := os.Link(out.tmp, out.path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: exists; use --force to replace it", out.path)
		}
		return fmt.Errorf("%s: %w", out.path, err)
	}
	return nil // discard removes the temporary name
}

// discard removes the output's temporary file, if it is still there. A nil
// output discards nothing.
func (out *output) discard(temps *Temps) {
	if out == nil {
		return
	}
	os.Remove(out.tmp) // gone already once renamed
	temps.remove(out.tmp)
}

// createTemp creates a new hidden file beside path for its contents. Unlike
// os.CreateTemp, which makes files only their owner may read, it asks for
// mode 0666 and lets the umask take away what the user wants taken, as any
// program writing a document does.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, errors.New("no free name for a temporary file")
}

// Temps records the temporary files a run is writing, so that a run
// interrupted a second time, which exits at once, can still remove them.
// It is safe for concurrent use; a nil *Temps records nothing.
type Temps struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *Temps) add(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

func (t *Temps) remove(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// RemoveAll removes every temporary file still being written. Writers that
// go on after it find their file gone and fail.
func (t *Temps) RemoveAll() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
	}
	clear(t.names)
}
