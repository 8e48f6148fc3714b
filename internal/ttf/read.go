package ttf

import (
	"errors"
	"fmt"
)

// errShort reports a read past the end of a table: a truncated or
// malformed font.
var errShort = errors.New("offset out of range")

// data reads big-endian fields from a table held in a string, as package
// fonts embeds the files, so that nothing is copied to read them. The first
// read out of range sets err and later reads return zero, so a parser checks
// err once after a run of reads (as bufio.Scanner).
type data struct {
	s   string
	err error
}

func (d *data) u16(off int) uint16 {
	if off < 0 || off+2 > len(d.s) {
		d.fail(off)
		return 0
	}
	return uint16(d.s[off])<<8 | uint16(d.s[off+1])
}

func (d *data) i16(off int) int16 { return int16(d.u16(off)) }

func (d *data) u32(off int) uint32 {
	if off < 0 || off+4 > len(d.s) {
		d.fail(off)
		return 0
	}
	return uint32(d.s[off])<<24 | uint32(d.s[off+1])<<16 | uint32(d.s[off+2])<<8 | uint32(d.s[off+3])
}

// has reports whether n bytes from off lie inside the table, so that a loop
// over a count read from the font can check its extent first.
func (d *data) has(off, n int) bool {
	if off < 0 || n < 0 || off+n > len(d.s) || off+n < off {
		d.fail(off + n)
		return false
	}
	return d.err == nil
}

func (d *data) fail(off int) {
	if d.err == nil {
		d.err = fmt.Errorf("reading byte %d of %d: %w", off, len(d.s), errShort)
	}
}

// tables maps a table tag to its bytes, from the table directory at the
// start of the file (OpenType spec, "Organization of an OpenType Font").
func tables(file string) (map[string]string, error) {
	d := data{s: file}
	version := d.u32(0)
	n := int(d.u16(4))
	if !d.has(12, n*16) {
		return nil, fmt.Errorf("table directory: %w", d.err)
	}
	if version != 0x00010000 && version != 0x74727565 { // 1.0 or 'true'
		return nil, fmt.Errorf("sfnt version %#08x: not a TrueType font", version)
	}
	m := make(map[string]string, n)
	for i := range n {
		rec := 12 + i*16
		tag := file[rec : rec+4]
		off, length := int(d.u32(rec+8)), int(d.u32(rec+12))
		if off+length > len(file) || off+length < off {
			return nil, fmt.Errorf("table %q at %d+%d: %w", tag, off, length, errShort)
		}
		m[tag] = file[off : off+length]
	}
	return m, nil
}
