package layout

import (
	"errors"
	"fmt"
	"strings"
)

// A Paper is a page size in points.
type Paper struct {
	Name          string
	Width, Height float64
}

// ErrUnknownPaper is returned by PaperNamed for a size it does not know.
var ErrUnknownPaper = errors.New("unknown paper size")

// PaperNamed returns the paper called name: "a4", "letter", "a5" or "6x9"
// (the US trade paperback, 6 by 9 inches), in any case.
func PaperNamed(name string) (Paper, error) {
	const mm = 72 / 25.4
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "a4":
		return Paper{"a4", 210 * mm, 297 * mm}, nil
	case "letter":
		return Paper{"letter", 8.5 * 72, 11 * 72}, nil
	case "a5":
		return Paper{"a5", 148 * mm, 210 * mm}, nil
	case "6x9":
		return Paper{"6x9", 6 * 72, 9 * 72}, nil
	}
	return Paper{}, fmt.Errorf("paper %q: %w (want a4, letter, a5 or 6x9)", name, ErrUnknownPaper)
}

// PaperNames lists the names PaperNamed knows.
func PaperNames() []string { return []string{"a4", "letter", "a5", "6x9"} }
