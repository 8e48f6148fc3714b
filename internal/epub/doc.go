// Package epub writes a publication as an EPUB 3 file for e-readers, phones
// and tablets.
//
// Write renders every content document itself (cover, title page, one
// document per article, credits) and the cover image, and hands the
// documents to go-epub, which packs them with a manifest, a spine and
// places for the stylesheet, images and fonts. A finishing step (finish.go)
// then puts those in, and rewrites what go-epub cannot get right: package.opf (full metadata, a sorted manifest, dcterms:modified
// from Options), nav.xhtml and toc.ncx (from the book's own table of
// contents of titles and headings), lang on every document, and the ZIP
// container itself, which it makes byte-for-byte reproducible.
//
// Write reads no clock and no network: every date comes from Options, and
// go-epub is given only in-memory data and an HTTP client that refuses to
// connect.
package epub
