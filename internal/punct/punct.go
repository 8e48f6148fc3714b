// Package punct makes an article's punctuation typographic, as pandoc's
// smart extension and SmartyPants do, in the article's language: straight
// quotes become the language's quotation marks (“ ” ‘ ’ in English, « »
// with thin no-break spaces in French, „ “ in German), an apostrophe
// becomes ’, three full stops an ellipsis, and hyphens that stand for dashes
// the dashes. Code, inline or in a block, keeps every character it has.
//
// It changes the article model, before any backend sees it, so that the
// PDF and the EPUB print the same characters.
package punct

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
)

// marks are a language's quotation marks: the primary pair, which straight
// double quotes become, and the secondary, which straight single quotes
// become when they quote rather than elide. space is set between a mark
// and the words it quotes, as French does, and before ; : ! and ?.
type marks struct {
	open, close       string
	openIn, closeIn   string
	space, beforeHigh bool
}

// marksFor returns the quotation marks of a BCP 47 language tag; English's
// for a language not listed (simplified Chinese and Korean among them).
func marksFor(lang string) *marks {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "de", "cs", "sk", "sl", "et", "lt", "is", "hr", "bg", "ka":
		return &marks{open: "„", close: "“", openIn: "‚", closeIn: "‘"}
	case "fr":
		return &marks{open: "«", close: "»", openIn: "“", closeIn: "”", space: true, beforeHigh: true}
	case "ru", "uk", "be":
		return &marks{open: "«", close: "»", openIn: "„", closeIn: "“"}
	case "es", "it", "pt", "ca", "el", "no", "nb", "nn":
		return &marks{open: "«", close: "»", openIn: "“", closeIn: "”"}
	case "pl", "ro", "hu":
		return &marks{open: "„", close: "”", openIn: "«", closeIn: "»"}
	case "sv", "fi":
		return &marks{open: "”", close: "”", openIn: "’", closeIn: "’"}
	case "da":
		return &marks{open: "»", close: "«", openIn: "›", closeIn: "‹"}
	case "ja":
		return &marks{open: "「", close: "」", openIn: "『", closeIn: "』"}
	case "zh":
		if l := strings.ToLower(lang); strings.Contains(l, "hant") || strings.Contains(l, "-tw") || strings.Contains(l, "-hk") {
			return &marks{open: "「", close: "」", openIn: "『", closeIn: "』"}
		}
	}
	return &marks{open: "“", close: "”", openIn: "‘", closeIn: "’"}
}

// nnbsp is the narrow no-break space French sets inside its quotation
// marks and before its high punctuation.
const nnbsp = "\u202f"

// Article makes the punctuation of a's text typographic, in a's language:
// its title and subtitle, its body and its notes. Code is left alone.
func Article(a *article.Article) {
	m := marksFor(a.Meta.Lang)
	a.Meta.Title = m.plain(a.Meta.Title)
	a.Meta.Subtitle = m.plain(a.Meta.Subtitle)
	if img := a.Meta.LeadImage; img != nil {
		m.text(img.Caption)
	}
	m.blocks(a.Body)
	for _, n := range a.Notes {
		m.blocks(n.Blocks)
	}
}

// blocks makes the punctuation of blocks typographic: their texts, and
// the text alternatives of their images, which print where an image
// could not be embedded.
func (m *marks) blocks(blocks []article.Block) {
	for t := range article.Texts(blocks) {
		m.text(*t)
	}
	for f := range article.Query[*article.Figure](blocks) {
		f.Image.Alt = m.plain(f.Image.Alt)
	}
}

// plain returns s with its punctuation made typographic.
func (m *marks) plain(s string) string {
	t := article.Text{{Text: s}}
	m.text(t)
	return t[0].Text
}

// text makes the punctuation of t's runs typographic in place, reading
// across runs (a quote may open in one style and close in another); a
// code run is left as it is and counts as a word to what is around it.
func (m *marks) text(t article.Text) {
	var c cursor
	for i := range t {
		r := &t[i]
		switch {
		case r.Break:
			c.prev = ' '
			continue
		case r.Note > 0:
			c.prev = '1'
			continue
		case r.Style&article.Code != 0:
			if last, _ := utf8.DecodeLastRuneInString(r.Text); r.Text != "" {
				c.prev = last
			}
			continue
		}
		// What follows the run, for a quote at its end.
		next := rune(' ')
		for _, n := range t[i+1:] {
			if n.Text != "" {
				next, _ = utf8.DecodeRuneInString(n.Text)
				break
			}
			if n.Break {
				break
			}
		}
		if strings.ContainsAny(r.Text, "\"'.-;:!?") {
			r.Text = m.run(r.Text, next, &c)
		} else if last, _ := utf8.DecodeLastRuneInString(r.Text); r.Text != "" {
			c.prev = last
		}
	}
}

// A cursor is what the text before a run says: its last character, and
// the quotation marks open.
type cursor struct {
	prev          rune // 0 at the start
	double, inner int  // open double and single quotes
}

// run returns s with its punctuation made typographic; next is the
// character after it.
func (m *marks) run(s string, next rune, c *cursor) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		after := next
		if i+size < len(s) {
			after, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		switch {
		case r == '"':
			if opens(c.prev, after) || isLetter(c.prev) && isLetter(after) && c.double == 0 {
				// Between two letters, as Chinese quotes with no space
				// around, the quote opens unless one is open.
				b.WriteString(m.open)
				if m.space {
					b.WriteString(nnbsp)
				}
				c.double++
			} else {
				if m.space {
					trimSpace(&b)
					b.WriteString(nnbsp)
				}
				b.WriteString(m.close)
				c.double = max(0, c.double-1)
			}
		case r == '\'':
			switch {
			case isLetter(c.prev) && (isLetter(after) || c.inner == 0):
				b.WriteString("’") // an apostrophe: don't, the students’
			case opens(c.prev, after) && !unicode.IsDigit(after):
				b.WriteString(m.openIn)
				c.inner++
			case opens(c.prev, after):
				b.WriteString("’") // an elided century: '90s
			case c.inner > 0:
				b.WriteString(m.closeIn)
				c.inner--
			default:
				b.WriteString("’")
			}
		case strings.HasPrefix(s[i:], "..."):
			if strings.HasPrefix(s[i:], "....") {
				// Four or more: not an ellipsis, leave them.
				n := len(s[i:]) - len(strings.TrimLeft(s[i:], "."))
				b.WriteString(s[i : i+n])
				i += n
				c.prev = '.'
				continue
			}
			b.WriteString("…")
			i += 3
			c.prev = '…'
			continue
		case strings.HasPrefix(s[i:], "---"):
			b.WriteString("—")
			i += 3
			c.prev = '—'
			continue
		case strings.HasPrefix(s[i:], "--") && dashBetween(c.prev, s[i+2:], next):
			b.WriteString("–")
			i += 2
			c.prev = '–'
			continue
		case m.beforeHigh && (r == ';' || r == ':' || r == '!' || r == '?') && c.prev == ' ' && !isURLish(s[i:]):
			// French high punctuation: a narrow no-break space before.
			trimSpace(&b)
			b.WriteString(nnbsp)
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		c.prev = r
		i += size
	}
	return b.String()
}

// opens reports whether a quote between prev and after opens a quotation:
// it follows the start, a space, an opening bracket, a dash or another
// quote, and comes before a word.
func opens(prev, after rune) bool {
	if unicode.IsSpace(after) || after == 0 {
		return false
	}
	switch {
	case prev == 0, unicode.IsSpace(prev), strings.ContainsRune("([{<—–-/«„“‘‚", prev):
		return true
	}
	return false
}

// dashBetween reports whether "--" stands for an en dash: between two
// spaced words (a -- b) or two numbers (1--2), not before a word as a
// command's option does (--force).
func dashBetween(prev rune, rest string, next rune) bool {
	after := next
	if rest != "" {
		after, _ = utf8.DecodeRuneInString(rest)
	}
	return unicode.IsSpace(prev) && unicode.IsSpace(after) || unicode.IsDigit(prev) && unicode.IsDigit(after)
}

// isLetter reports whether r is a letter or a digit.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isURLish reports whether s, from a colon on, is the rest of an address
// ("://"), where no space goes.
func isURLish(s string) bool { return strings.HasPrefix(s, "://") }

// trimSpace removes a space the builder ends with, which a narrow
// no-break space replaces.
func trimSpace(b *strings.Builder) {
	s := b.String()
	if t := strings.TrimRight(s, " "); len(t) != len(s) {
		b.Reset()
		b.WriteString(t)
	}
}
