// Package hyphen finds the points where a word may be hyphenated, with Frank
// Liang's algorithm and the TeX hyphenation patterns.
//
// Liang's patterns are letter strings with digits between the letters, such
// as "hy3ph" or ".con5s": a word, framed by the boundary marks ".", is
// matched against every pattern at every position, and each inter-letter
// slot keeps the highest digit any matching pattern puts there. An odd digit
// allows a break, an even one forbids it, so a later, longer pattern can veto
// what a shorter one allowed. Words listed as exceptions are hyphenated as
// listed instead. TeX's lefthyphenmin and righthyphenmin then keep short
// fragments off the ends of a word: two letters before a break and three
// after, unless a Dictionary says otherwise.
//
// The patterns are those of the hyph-utf8 project as TeX Live ships them
// (Debian's texlive-lang-* packages); each file's source, copyright and
// licence are listed in patterns/LICENSES. They are embedded in the program
// as tries built ahead by go generate (trie.go), which a run reads in place.
// A Library maps BCP 47 language tags to them and loads each set once, on
// first use. Parse reads other patterns in the same plain-text format.
package hyphen
