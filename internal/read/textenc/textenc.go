// Package textenc decides how an input's bytes are encoded and turns them
// into UTF-8 text, by one rule that every reader shares: UTF-16 by its
// byte-order mark; UTF-8 when most of the non-ASCII in it is valid UTF-8,
// with any stray invalid byte replaced by U+FFFD and counted, so that the
// caller can say so; else Windows-1252, the encoding most older English
// text on the web is in.
package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// FromUTF16 transcodes text that starts with a UTF-16 byte-order mark to
// UTF-8, and returns any other data as it is.
func FromUTF16(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return data, nil
	}
	out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("invalid UTF-16 text: %w", err)
	}
	return out, nil
}

// MostlyUTF8 reports whether data is best read as UTF-8: it is valid, or
// its valid multi-byte sequences outnumber its invalid bytes. Multi-byte
// UTF-8 sequences all but never occur by chance in a single-byte encoding,
// so one stray byte in a UTF-8 file does not make it Windows-1252, and a
// Windows-1252 file, with no such sequences, is never taken for UTF-8.
func MostlyUTF8(data []byte) bool {
	valid, invalid, _ := scan(data)
	return invalid == 0 || valid > invalid
}

// scan counts data's valid multi-byte UTF-8 sequences, its invalid bytes,
// and the runs those bytes make, each of which strings.ToValidUTF8
// replaces with one U+FFFD.
func scan(data []byte) (valid, invalid, runs int) {
	inRun := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			inRun = false
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		bad := r == utf8.RuneError && n == 1
		switch {
		case bad && !inRun:
			runs++
			fallthrough
		case bad:
			invalid++
		default:
			valid++
		}
		inRun = bad
		i += n
	}
	return valid, invalid, runs
}

// Decode turns text into a UTF-8 string, without a byte-order mark. When
// the text is mostly UTF-8, each invalid sequence becomes U+FFFD, and
// replaced says how many did.
func Decode(data []byte) (text string, replaced int, err error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return string(data), 0, nil
	}
	if valid, invalid, runs := scan(data); valid > invalid {
		return strings.ToValidUTF8(string(data), "\uFFFD"), runs, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		// Windows-1252 leaves five bytes undefined: text with them is in
		// some other encoding, which guessing would only garble.
		return "", 0, errors.New("not UTF-8 text, nor Windows-1252: convert it to UTF-8 first")
	}
	return string(out), 0, nil
}

// InvalidRuns counts the runs of invalid UTF-8 in data, each of which
// strings.ToValidUTF8 replaces with one U+FFFD.
func InvalidRuns(data []byte) int {
	_, _, runs := scan(data)
	return runs
}

// ErrBinary is what CheckText's errors wrap: the data is not text.
var ErrBinary = errors.New("binary data, not text")

// CheckText refuses data that is not text: a known binary type (named), or
// anything with a NUL byte or with more than 1% control characters,
// wherever in the data they are. Its errors wrap ErrBinary.
func CheckText(data []byte) error {
	kind := http.DetectContentType(data[:min(len(data), 8192)])
	if !strings.HasPrefix(kind, "text/") && kind != "application/octet-stream" {
		kind, _, _ = strings.Cut(kind, ";")
		return &binaryError{kind}
	}
	controls := 0
	for _, b := range data {
		switch {
		case b == 0:
			return ErrBinary
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f':
			controls++
		}
	}
	if controls*100 > len(data) {
		return ErrBinary
	}
	return nil
}

// A binaryError is ErrBinary for data of a known binary type.
type binaryError struct{ kind string }

func (e *binaryError) Error() string { return "binary data (" + e.kind + "), not text" }
func (e *binaryError) Unwrap() error { return ErrBinary }
