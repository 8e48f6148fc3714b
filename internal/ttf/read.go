package ttf

import (
	"fmt"

	"github.com/pressroom/publish/internal/fontdata"
)

// data reads big-endian fields from one table.
type data = fontdata.Reader

// tables maps a table tag to its bytes, for a TrueType file only: a CFF
// font has no glyf table to subset.
func tables(file string) (map[string]string, error) {
	d := data{S: file}
	if version := d.U32(0); version != 0x00010000 && version != 0x74727565 { // 1.0 or 'true'
		return nil, fmt.Errorf("sfnt version %#08x: not a TrueType font", version)
	}
	return fontdata.Tables(file)
}
