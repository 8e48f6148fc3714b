// Package typeface gives the layout engine the metrics of the embedded
// faces: which runes a face covers, advance widths, pair kerning, and the
// vertical metrics (ascent, descent, line gap, x-height, cap height).
//
// The metrics come from the font files themselves (cmap, hmtx, hhea, OS/2
// and the 'kern' feature of GPOS), not from tables copied into the code,
// so that the widths the line breaker works with are exactly the widths
// the PDF backend later draws with the same files.
//
// Every value is in em units: a float64 fraction of the em square, which
// the caller multiplies by the point size. An advance of 0.5 set at 10 pt
// is 5 pt wide. Descent is positive and measured below the baseline;
// a negative kern moves the pair closer together.
//
// A Face converts its rune map and advances into flat tables when it is
// loaded, and looks kerning up in the font's own tables behind a small
// cache, so that Has, Advance and Kern cost a few slice reads and no
// locking: the layout engine calls them for every character of a book.
package typeface
