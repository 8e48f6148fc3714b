package article

import "strings"

// Style marks how a run of text is set. Styles combine: Emphasis|Strong is
// bold italic.
type Style uint8

// The inline styles.
const (
	Emphasis Style = 1 << iota
	Strong
	Code
)

// A Run is a stretch of inline text with one style and at most one link. A
// Run with Break set is a forced line break and has no text; a Run with
// Note set is a reference to that note and has no text either: the
// backends print its number.
type Run struct {
	Text  string
	Style Style
	Link  string // the target URL when the run is (part of) a link
	Break bool
	// Note is the number of the article's note this run refers to, from 1
	// (Article.Notes[Note-1]); 0 for text.
	Note int
}

// Joins reports whether next continues r as one run: both are text, not a
// break nor a note's reference, with the same style and link. Readers and
// backends merge such runs.
func (r Run) Joins(next Run) bool {
	return !r.Break && !next.Break && r.Note == 0 && next.Note == 0 && r.Style == next.Style && r.Link == next.Link
}

// Text is inline content: a sequence of runs. Nesting (an emphasised word in
// a link) is expressed by each run carrying all that applies to it.
type Text []Run

// Plain returns a text with a single unstyled run.
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Text: s}}
}

// String returns the text without styles; a line break becomes "\n".
func (t Text) String() string {
	var b strings.Builder
	for _, r := range t {
		if r.Break {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(r.Text)
	}
	return b.String()
}
