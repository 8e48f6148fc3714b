// Package confine keeps the files an input refers to inside the input's own
// folder, and opens only regular files. A saved page, a Markdown file or a book's manifest may come from
// anyone; without a fence, one could embed any image the machine can read
// (through an absolute path, a file: URL, ../ or a symbolic link) or bind
// /etc/passwd into a book.
package confine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutside is the error for a file outside the folder. Its text says no
// more than that, so a refusal never tells whether the file exists.
var ErrOutside = errors.New("outside the input's folder (--allow-outside allows it)")

// Within returns the real path of name, relative names resolved against
// root, when it lies inside root's tree once symbolic links are followed;
// else an error. The lexical test comes first, so a name outside the tree
// is refused without looking at the file system.
func Within(root, name string) (string, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(absRoot, name)
	}
	name = filepath.Clean(name)
	if !inside(absRoot, name) {
		return "", ErrOutside
	}
	realRoot, err := filepath.EvalSymlinks(absRoot)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(name)
	if err != nil {
		// Say it is missing only when its nearest folder that exists is
		// inside: a link out of the tree must not tell what is beyond it.
		if dir := existingAncestor(name); dir == "" || !inside(realRoot, dir) {
			return "", ErrOutside
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", err
	}
	if !inside(realRoot, real) {
		return "", ErrOutside
	}
	return real, nil
}

// existingAncestor returns the real path of the nearest folder above name
// that exists, or "".
func existingAncestor(name string) string {
	for dir := filepath.Dir(name); ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return real
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}

// inside reports whether the clean absolute path name is root or below it.
func inside(root, name string) bool {
	rel, err := filepath.Rel(root, name)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// OpenRegular opens name for reading only when it is a regular file. It
// looks before it opens: opening a named pipe blocks until a writer comes,
// which may be never, and a device may read without end. The error for any
// other kind of file says what it is.
func OpenRegular(name string) (*os.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	return os.Open(name)
}

// regular returns an error saying what the file is when it is not a
// regular file.
func regular(st fs.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe, not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a regular file")
	}
	return errors.New("is not a regular file")
}
