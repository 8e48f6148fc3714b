package publish

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeFile writes an output whole or not at all: into a temporary file
// beside it, renamed over the final name only once complete, so an error or
// a kill never leaves a partial file under that name. Without force, an
// existing file is an error and is left alone.
func writeFile(ctx context.Context, path string, force bool, write func(io.Writer) error) (err error) {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s: exists; use --force to replace it", path)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
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
	return os.Remove(tmp.Name())
}
