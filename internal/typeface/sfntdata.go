package typeface

import (
	"errors"
	"fmt"
)

// errShort reports a read past the end of a table: a truncated or
// malformed font.
var errShort = errors.New("offset out of range")

// data reads big-endian fields from one font table. The table is a string,
// as package fonts embeds the files, so that reading it copies nothing. The
// first read out of range sets err and every later read returns zero, so a
// parser checks err once after a run of reads instead of after each one (as
// bufio.Scanner).
type data struct {
	b   string
	err error
}

func (d *data) u16(off int) uint16 {
	if off < 0 || off+2 > len(d.b) {
		d.fail(off)
		return 0
	}
	return uint16(d.b[off])<<8 | uint16(d.b[off+1])
}

func (d *data) i16(off int) int16 { return int16(d.u16(off)) }

func (d *data) u32(off int) uint32 {
	if off < 0 || off+4 > len(d.b) {
		d.fail(off)
		return 0
	}
	return uint32(d.b[off])<<24 | uint32(d.b[off+1])<<16 | uint32(d.b[off+2])<<8 | uint32(d.b[off+3])
}

// has reports whether n bytes from off lie inside the table, so that a
// loop over a count read from the font can check its extent first.
func (d *data) has(off, n int) bool {
	if off < 0 || n < 0 || off+n > len(d.b) {
		d.fail(off + n)
		return false
	}
	return d.err == nil
}

func (d *data) fail(off int) {
	if d.err == nil {
		d.err = fmt.Errorf("reading byte %d of %d: %w", off, len(d.b), errShort)
	}
}

// tables maps a table tag to its bytes, from the table directory at the
// start of the file (OpenType spec, "Organization of an OpenType Font").
func tables(file string) (map[string]string, error) {
	d := data{b: file}
	n := int(d.u16(4))
	if !d.has(12, n*16) {
		return nil, fmt.Errorf("table directory: %w", d.err)
	}
	m := make(map[string]string, n)
	for i := range n {
		rec := 12 + i*16
		tag := string(file[rec : rec+4])
		off, length := int(d.u32(rec+8)), int(d.u32(rec+12))
		if off < 0 || length < 0 || off+length > len(file) || off+length < off {
			return nil, fmt.Errorf("table %q at %d+%d: %w", tag, off, length, errShort)
		}
		m[tag] = file[off : off+length]
	}
	return m, nil
}
