package typeface

import "github.com/pressroom/publish/internal/fontdata"

// data reads big-endian fields from one font table.
type data = fontdata.Reader
