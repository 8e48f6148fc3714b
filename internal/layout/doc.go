// Package layout typesets a publication for print: it breaks paragraphs into
// lines with the Knuth-Plass algorithm, hyphenates them, and distributes the
// lines into pages with widow, orphan and keep-with-next control, running
// heads and folios.
//
// The result is a Document of pages of positioned items (text, rules, images,
// link areas) and an outline. Layout knows no output format: a backend only
// draws what it is given.
package layout
