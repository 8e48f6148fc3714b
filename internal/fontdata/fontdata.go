// Package fontdata reads the big-endian fields of OpenType font tables,
// for the packages that measure fonts (typeface) and cut subsets of them
// (ttf). Tables are strings, as package fonts embeds the files, so that
// reading copies nothing.
package fontdata

import (
	"errors"
	"fmt"
)

// ErrShort reports a read past the end of a table: a truncated or
// malformed font.
var ErrShort = errors.New("offset out of range")

// A Reader reads fields from one table, S. The first read out of range
// sets Err and later reads return zero, so a parser checks Err once after
// a run of reads (as bufio.Scanner does).
type Reader struct {
	S   string
	Err error
}

// U16 reads the unsigned 16-bit field at off.
func (d *Reader) U16(off int) uint16 {
	if off < 0 || off+2 > len(d.S) {
		d.Fail(off)
		return 0
	}
	return uint16(d.S[off])<<8 | uint16(d.S[off+1])
}

// I16 reads the signed 16-bit field at off.
func (d *Reader) I16(off int) int16 { return int16(d.U16(off)) }

// U32 reads the unsigned 32-bit field at off.
func (d *Reader) U32(off int) uint32 {
	if off < 0 || off+4 > len(d.S) {
		d.Fail(off)
		return 0
	}
	return uint32(d.S[off])<<24 | uint32(d.S[off+1])<<16 | uint32(d.S[off+2])<<8 | uint32(d.S[off+3])
}

// Has reports whether n bytes from off lie inside the table, so that a loop
// over a count read from the font can check its extent first.
func (d *Reader) Has(off, n int) bool {
	if off < 0 || n < 0 || off+n > len(d.S) || off+n < off {
		d.Fail(off + n)
		return false
	}
	return d.Err == nil
}

// Fail records that the field at off cannot be read, unless an error is
// recorded already; parsers call it for a format they do not know too.
func (d *Reader) Fail(off int) {
	if d.Err == nil {
		d.Err = fmt.Errorf("reading byte %d of %d: %w", off, len(d.S), ErrShort)
	}
}

// Tables maps a table tag to its bytes, from the table directory at the
// start of the file (OpenType spec, "Organization of an OpenType Font").
func Tables(file string) (map[string]string, error) {
	d := Reader{S: file}
	n := int(d.U16(4))
	if !d.Has(12, n*16) {
		return nil, fmt.Errorf("table directory: %w", d.Err)
	}
	m := make(map[string]string, n)
	for i := range n {
		rec := 12 + i*16
		tag := file[rec : rec+4]
		off, length := int(d.U32(rec+8)), int(d.U32(rec+12))
		if off < 0 || length < 0 || off+length > len(file) || off+length < off {
			return nil, fmt.Errorf("table %q at %d+%d: %w", tag, off, length, ErrShort)
		}
		m[tag] = file[off : off+length]
	}
	return m, nil
}
