package htmlpage

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/pressroom/publish/internal/read/textenc"
)

// parseHTML decodes a page by the charset it declares (byte-order mark,
// <meta charset>, <meta http-equiv>) and parses it. A page that declares
// none is read by the rule text inputs follow (textenc.MostlyUTF8), and
// warn, when set, is told how many invalid bytes became U+FFFD.
func parseHTML(data []byte, warn func(string)) (*html.Node, error) {
	enc, name, _ := charset.DetermineEncoding(data, "")
	enc, name = preferUTF8(data, enc, name)
	doc, err := decodeAndParse(data, enc)
	if err != nil {
		return nil, err
	}
	// DetermineEncoding looks only at the first 1024 bytes; a page may
	// declare its charset after a long head of scripts and styles. When
	// it fell back to its default, the declaration found in the parsed
	// page decides.
	if name != defaultName(data) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return doc, nil
	}
	late := declaredCharset(doc)
	if late == "" && name != "utf-8" && textenc.MostlyUTF8(data) {
		if warn != nil {
			warn(fmt.Sprintf("%d invalid UTF-8 sequences in a page that declares no charset, each shown as U+FFFD", textenc.InvalidRuns(data)))
		}
		return decodeAndParse(data, unicode.UTF8)
	}
	if late == "" || late == name {
		return doc, nil
	}
	e, err := htmlindex.Get(late)
	if err != nil {
		return doc, nil
	}
	if e, late = preferUTF8(data, e, late); late == name {
		return doc, nil
	}
	if d, err := decodeAndParse(data, e); err == nil {
		doc = d
	}
	return doc, nil
}

// preferUTF8 overrides a declared legacy encoding for a page whose bytes
// are valid UTF-8 with non-ASCII in them, as pages saved by a browser often
// are (the browser re-encodes the page but keeps its <meta>). Multi-byte
// UTF-8 sequences are all but impossible by chance in a single-byte
// encoding, and over a few dozen non-ASCII bytes in a multi-byte one.
func preferUTF8(data []byte, enc encoding.Encoding, name string) (encoding.Encoding, string) {
	if name == "utf-8" || !utf8.Valid(data) {
		return enc, name
	}
	if n := nonASCII(data); isSingleByte(name) && n > 0 || n >= 32 {
		return unicode.UTF8, "utf-8"
	}
	return enc, name
}

// defaultName is what DetermineEncoding falls back to when a page declares
// nothing it can see.
func defaultName(data []byte) string {
	if utf8.Valid(data) {
		return "utf-8"
	}
	return "windows-1252"
}

func decodeAndParse(data []byte, enc encoding.Encoding) (*html.Node, error) {
	r := enc.NewDecoder().Reader(bytes.NewReader(data))
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	return doc, nil
}

// declaredCharset returns the canonical name of the charset the first
// <meta charset> or <meta http-equiv=content-type> declares, or "".
func declaredCharset(doc *html.Node) string {
	for _, m := range elements(doc, "meta") {
		label := attr(m, "charset")
		if label == "" && strings.EqualFold(attr(m, "http-equiv"), "content-type") {
			_, params, ok := strings.Cut(attr(m, "content"), "charset=")
			if !ok {
				continue
			}
			label = strings.Trim(strings.Fields(params + " ")[0], `"';`)
		}
		if label == "" {
			continue
		}
		if _, name := charset.Lookup(label); name != "" {
			return name
		}
	}
	return ""
}

// isSingleByte reports whether an encoding name is a legacy single-byte
// encoding (Windows-125x, ISO 8859, KOI8 and the like).
func isSingleByte(name string) bool {
	for _, p := range []string{"windows-125", "iso-8859-", "koi8-", "macintosh", "ibm866", "x-mac-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// nonASCII counts the bytes of data above 0x7F.
func nonASCII(data []byte) int {
	n := 0
	for _, b := range data {
		if b >= 0x80 {
			n++
		}
	}
	return n
}
