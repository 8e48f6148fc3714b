// Package plaintext reads the plain text that scrapers and "save as text"
// produce from a web page, and text files written by hand: paragraphs
// separated by blank lines, perhaps hard-wrapped, with the page's furniture
// (section name, repeated title, navigation debris, photo captions and
// credits, a byline, an author bio) mixed in.
//
// Parse sorts the text into the article model: the short lines before the
// first real paragraph make the head (section, title, dek, byline, date, lead
// image credit), the last paragraphs may be the author's bio, and what lies
// between is the body, where short unpunctuated lines between paragraphs are
// headings. No rule is keyed to a site: each looks at the shape of a line and
// its place.
package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
)

// A unit is one paragraph-like piece of the input: a block of lines joined,
// or a line kept apart (a credit, a caption, a line of a block that is not
// hard-wrapped).
type unit struct {
	text  string
	block int  // index of the blank-line-separated block it came from
	alone bool // a line kept apart inside a multi-line block
	at    int  // its index among the text's units
}

// Parse reads text, which must be valid UTF-8, into an article. It never
// fails: any text is an article, at worst one with no title.
func Parse(text string) *article.Article {
	units := split(text)
	a := &article.Article{}
	p := parser{a: a, units: units}
	p.parse()
	article.Normalize(a)
	return a
}

// split cuts the text into units: blocks at blank lines, then each block
// either joined (hard-wrapped prose) or kept line by line.
func split(text string) []unit {
	var units []unit
	block := 0
	for _, b := range blocks(text) {
		units = append(units, blockUnits(b, block)...)
		block++
	}
	for i := range units {
		units[i].at = i
	}
	return units
}

// blocks returns the runs of non-blank lines, each line cleaned of stray
// spacing.
func blocks(text string) [][]string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var all [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = cleanLine(line)
		if line == buttonMark {
			continue // lynx's mark of a button without a label
		}
		line = strings.TrimSpace(strings.ReplaceAll(line, buttonMark+" ", ""))
		if line == "" || isRule(line) {
			if len(cur) > 0 {
				all = append(all, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		all = append(all, cur)
	}
	return all
}

// A block of at most headBlock lines may be a head's: a byline, a date, a
// button's label, each on its line, which a scraper did not part with blank
// lines. Its date stands alone (blockUnits); a longer block's (a table's)
// stays among its lines.
const headBlock = 6

// isPlaceholder reports whether line is only a scraper's placeholder for
// an image, "[label]", which stays with the line it stands over.
func isPlaceholder(line string) bool {
	return strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") && strings.Count(line, "[") == 1 && len(line) <= 60
}

// buttonMark is how lynx prints a form's button, before its label.
const buttonMark = "(BUTTON)"

// isRule reports whether line is a horizontal rule drawn with box-drawing
// characters ("━━━━", as w3m draws <hr>): it parts what stands above it
// from what stands below, as a blank line does.
func isRule(line string) bool {
	n := 0
	for _, r := range line {
		if !strings.ContainsRune("─━═", r) {
			return false
		}
		n++
	}
	return n >= 3
}

// cleanLine trims a line, no-break spaces included, and folds runs of
// ordinary spaces and tabs to one space. No-break spaces inside the line
// stay: they bind "10 km" and "p. 5" together.
func cleanLine(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b' })
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// wrapWidth is the longest line a hard-wrapped block has: wrapped text is
// broken at 60-80 characters, a line much longer than that was never wrapped.
const wrapWidth = 100

// blockUnits turns one block into units. Credit lines, the caption line
// above a credit, bylines and a short block's dates always stand alone; the other lines are joined when the
// block is hard-wrapped, and kept apart when each is a paragraph of its own.
func blockUnits(lines []string, block int) []unit {
	if len(lines) == 1 {
		return []unit{{text: lines[0], block: block}}
	}
	apart := make([]bool, len(lines))
	for i, l := range lines {
		if _, _, ok := cues.ParseCredit(l); ok {
			apart[i] = true
			if i > 0 {
				apart[i-1] = true
			}
		}
		if _, ok := cues.ParseSignedByline(l); ok {
			apart[i] = true // the desk's name under it is no co-author
		}
		if len(lines) <= headBlock && (i == 0 || !isPlaceholder(lines[i-1])) {
			if _, ok := dates.ParseLine(l); ok {
				apart[i] = true // a byline's date, read apart from what follows
			}
		}
	}
	wrapped := true
	for _, l := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(l) > wrapWidth {
			wrapped = false
		}
	}
	var units []unit
	var join []string
	flush := func() {
		if len(join) > 0 {
			units = append(units, unit{text: strings.Join(join, " "), block: block})
			join = nil
		}
	}
	for i, l := range lines {
		if apart[i] || !wrapped {
			flush()
			units = append(units, unit{text: l, block: block, alone: true})
			continue
		}
		join = append(join, l)
	}
	flush()
	return units
}
