package read

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/plaintext"
)

// MaxSize is the largest input read: ten times the longest novel in the test
// corpus, and far below what would exhaust memory.
const MaxSize = 64 << 20

// File reads the article in the named file; "-" reads standard input from
// stdin.
func File(name string, stdin io.Reader) (*article.Article, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, MaxSize+1))
	} else {
		data, err = readFile(name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	return Bytes(name, data)
}

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, describe(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
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
// in errors only).
func Bytes(name string, data []byte) (*article.Article, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d MiB", displayName(name), MaxSize>>20)
	}
	text, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: empty: there is no text to publish", displayName(name))
	}
	a := plaintext.Parse(text)
	if len(a.Body) == 0 && a.Meta.Title == "" {
		return nil, fmt.Errorf("%s: no article text found", displayName(name))
	}
	if a.Meta.Lang == "" {
		a.Meta.Lang = DetectLanguage(a)
	}
	return a, nil
}
