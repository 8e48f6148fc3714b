package read

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

// fromUTF16 transcodes text that starts with a UTF-16 byte-order mark to
// UTF-8, and returns any other data as it is.
func fromUTF16(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return data, nil
	}
	out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("invalid UTF-16 text: %w", err)
	}
	return out, nil
}

// decode turns text into a UTF-8 string. It takes UTF-8, with or without a
// byte-order mark, and falls back to Windows-1252, the encoding most older
// English text files on the web are in.
func decode(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		// Windows-1252 leaves five bytes undefined: text with them is in
		// some other encoding, which guessing would only garble.
		return "", errors.New("not UTF-8 text, nor Windows-1252: convert it to UTF-8 first")
	}
	return string(out), nil
}

// checkText refuses data that is not text: anything with NUL bytes or many
// control characters, named by its type where it is a known one.
func checkText(data []byte) error {
	sample := data[:min(len(data), 8192)]
	kind := http.DetectContentType(sample)
	if !strings.HasPrefix(kind, "text/") && kind != "application/octet-stream" {
		kind, _, _ = strings.Cut(kind, ";")
		return fmt.Errorf("binary data (%s), not text", kind)
	}
	controls := 0
	for _, b := range sample {
		if b == 0 {
			return errors.New("binary data, not text")
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	if controls*100 > len(sample) {
		return errors.New("binary data, not text")
	}
	return nil
}
