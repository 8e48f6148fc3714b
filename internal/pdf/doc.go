// Package pdf is the print backend: it draws a laid-out layout.Document into
// a PDF file with the fpdf library, and records the publication's metadata in
// it (document information, XMP, language, outline, links).
//
// The package draws what layout placed and measures nothing itself. Fonts are
// embedded as subsets with a Unicode map, so the text can be searched and
// copied, and the output is byte-for-byte reproducible: the same inputs give
// the same file.
//
// fpdf cannot write everything the file needs, so Write finishes fpdf's output
// in one small pass (finish.go) that edits a few dictionaries, compresses the
// pages, embeds the fonts and writes a fresh cross-reference table. The fonts
// are this package's work (embed.go): fpdf draws in stand-ins, and finish puts
// each face's subset (package ttf) in their place, as fpdf's own embedding
// parses every face whole, twice, for every document.
package pdf
