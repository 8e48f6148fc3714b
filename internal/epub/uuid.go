package epub

import (
	"crypto/sha1"
	"fmt"
)

// namespaceURL is the RFC 9562 name space for URLs (Appendix A), given as
// a function so that no package-level array can be changed.
func namespaceURL() [16]byte {
	return [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
}

// namespaceText is the name space for identifiers made from an article's
// text when it has no source URL: the UUIDv5 of this package's own URL.
func namespaceText() [16]byte {
	return uuidV5(namespaceURL(), "https://github.com/pressroom/publish/internal/epub#text")
}

// uuidV5 returns the name-based UUID of name in the name space ns, as RFC
// 9562 section 5.5 defines it: SHA-1 of the two, truncated, with the version
// and variant bits set.
func uuidV5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // variant 10
	return u
}

// formatUUID writes u in the 8-4-4-4-12 hex form.
func formatUUID(u [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
