// Package ttf cuts a TrueType font down to the glyphs that some text needs.
//
// The PDF backend embeds each face as a subset of the glyphs the document
// draws. The faces hold thousands of glyphs, and the CJK one tens of
// thousands, where an article draws a few hundred; Subset finds those by
// looking up only the runes asked for, and copies only their glyphs, so that
// it costs microseconds, not the milliseconds of parsing the whole file.
//
// A subset keeps each glyph's bytes as they are (outline, instructions and
// all), its advance and side bearing, and the font-wide tables a renderer
// reads (head, hhea, maxp, OS/2, name, post, and the hinting tables cvt,
// fpgm, prep, gasp), so that text renders exactly as in the full font.
// Glyphs keep their original order under new, dense numbers. Tables that
// index glyphs by number and that PDF viewers do not read (GSUB, GPOS, GDEF,
// kern, hdmx, LTSH, VDMX, vmtx) are left out.
package ttf
