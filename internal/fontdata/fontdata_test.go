package fontdata

import (
	"errors"
	"testing"
)

func TestReader(t *testing.T) {
	d := Reader{S: "\x01\x02\xff\xfe\x00\x00\x00\x07"}
	if d.U16(0) != 0x0102 || d.I16(2) != -2 || d.U32(4) != 7 || d.Err != nil {
		t.Fatalf("reads wrong: %v", d.Err)
	}
	if d.Has(6, 4) || d.U16(7) != 0 || !errors.Is(d.Err, ErrShort) {
		t.Errorf("a read past the end did not fail: %v", d.Err)
	}
}

func TestTables(t *testing.T) {
	// A directory of one table, "test", 4 bytes at offset 28.
	file := "\x00\x01\x00\x00\x00\x01" + "\x00\x00\x00\x00\x00\x00" + "test\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x04" + "DATA"
	m, err := Tables(file)
	if err != nil || m["test"] != "DATA" {
		t.Fatalf("Tables = %q, %v", m, err)
	}
	if _, err := Tables(file[:20]); !errors.Is(err, ErrShort) {
		t.Errorf("a cut directory: %v", err)
	}
	if _, err := Tables(file[:30]); !errors.Is(err, ErrShort) {
		t.Errorf("a table past the end: %v", err)
	}
}
