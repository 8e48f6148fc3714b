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
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return invalid == 0 || valid > invalid
}

// Decode turns text into a UTF-8 string, without a byte-order mark. When
// the text is mostly UTF-8, each invalid sequence becomes U+FFFD, and
// replaced says how many did.
func Decode(data []byte) (text string, replaced int, err error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return string(data), 0, nil
	}
	if MostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), InvalidRuns(data), nil
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
	n, inRun := 0, false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		bad := r == utf8.RuneError && size == 1
		if bad && !inRun {
			n++
		}
		inRun = bad
		i += size
	}
	return n
}

// CheckText refuses data that is not text: a known binary type (named), or
// anything with a NUL byte or with more than 1% control characters,
// wherever in the data they are.
func CheckText(data []byte) error {
	kind := http.DetectContentType(data[:min(len(data), 8192)])
	if !strings.HasPrefix(kind, "text/") && kind != "application/octet-stream" {
		kind, _, _ = strings.Cut(kind, ";")
		return fmt.Errorf("binary data (%s), not text", kind)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("binary data, not text")
	}
	controls := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	if controls*100 > len(data) {
		return errors.New("binary data, not text")
	}
	return nil
}
