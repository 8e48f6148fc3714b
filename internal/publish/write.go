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
// the output folder, each whole or not at all as writeFile does, and
// returns the paths it wrote. Without Force it first checks that none of
// them exists, so an input never leaves one output made and the other
// refused.
func (o *Options) writeOutputs(ctx context.Context, base string, formats []string, write func(format string, w io.Writer) error) ([]string, error) {
	paths := make([]string, len(formats))
	for i, f := range formats {
		paths[i] = filepath.Join(o.OutDir, base+"."+f)
		if _, err := os.Lstat(paths[i]); err == nil && !o.Force {
			return nil, fmt.Errorf("%s: exists; use --force to replace it", paths[i])
		}
	}
	for i, f := range formats {
		if err := writeFile(ctx, paths[i], o.Force, o.Temps, func(w io.Writer) error { return write(f, w) }); err != nil {
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
	tmp, err := createTemp(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	temps.add(tmp.Name())
	kept := false
	defer func() {
		// Deferred, so that it runs on a panic too.
		if !kept {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		temps.remove(tmp.Name())
	}()
	buf := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if force {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		kept = true
		return nil
	}
	// A hard link claims the name only if it is still free, closing the
	// race with another writer since the check above.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: exists; use --force to replace it", path)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil // the deferred call removes the temporary name
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
