// Package layout typesets a publication for print: it breaks paragraphs into
// lines with the Knuth-Plass algorithm, hyphenates them, and distributes the
// lines into pages with widow, orphan and keep-with-next control, running
// heads and folios. Tables are set with booktabs rules, their columns as
// wide as their cells ask (table.go); code keeps every space on the
// monospaced face's grid (code.go); notes go to the foot of the page that
// first refers to them, as TeX's insertions do (footnotes.go), or after
// the text.
//
// The result is a Document of pages of positioned items (text, rules, images,
// link areas) and an outline. Layout knows no output format: a backend only
// draws what it is given.
package layout
