package markdown

import (
	"bytes"
	"regexp"

	"github.com/pressroom/publish/internal/lazyre"
)

// sniffBytes is how much of the input Sniff reads: the head of a Markdown
// file shows its syntax, and a scraped novel need not be scanned whole.
const sniffBytes = 64 << 10

// Signs of Markdown. Strong signs are syntax that plain prose, scraped or
// typed, has no reason to contain; weak signs are conventions that plain
// text shares with Markdown (dashes before list items, "> " before a
// quoted mail, a line of "=" under a title). A reference link
// ("[text][label]") is no sign without its definition, which is one: a
// scraper prints a page's adjacent links and images as "[Menu][Home]", and
// CommonMark leaves a reference to nothing defined as text. They are
// compiled on first use: a run that reads only HTML never sniffs.
//
// Each sign's pattern runs only on the lines that pass its gate, a cheap
// test every line it can match passes: run over a whole text, the
// patterns cost more than reading the rest of a scraped article.
var (
	strongSigns = []sign{
		{lineStarts("#"), lazyre.New(`^#{1,6}[ \t]+\S`), oneLine},                                             // ATX heading
		{contains("```", "~~~"), lazyre.New("^[ \t]{0,3}(?:```|~~~)"), oneLine},                               // code fence
		{contains("]("), lazyre.New(`!?\[[^\]\n]+\]\((?:<[^>\n]*>|[^()\s]+)(?:[ \t]+"[^"\n]*")?\)`), oneLine}, // inline link or image
		linkDefinition,
		{contains("<http"), lazyre.New(`<https?://[^>\s]+>`), oneLine},                           // autolink
		{contains("**"), lazyre.New(`(?:^|[\s(])\*\*[^\s*][^*\n]*\*\*(?:$|[\s.,;:!?)])`), whole}, // **strong**
		{contains("__"), lazyre.New(`(?:^|[\s(])__[^\s_][^_\n]*__(?:$|[\s.,;:!?)])`), whole},     // __strong__
	}
	weakSigns = []sign{
		{lineStarts("-", "*", "+"), lazyre.New(`^[ \t]{0,3}[-*+][ \t]+\S`), oneLine},                                          // bullet list item
		{lineStarts("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), lazyre.New(`^[ \t]{0,3}\d{1,9}[.)][ \t]+\S`), oneLine}, // ordered list item
		{lineStarts(">"), lazyre.New(`^[ \t]{0,3}>[ \t]?\S`), oneLine},                                                        // block quote
		{lineStarts("=", "-"), lazyre.New(`^\S[^\n]*\n[ \t]{0,3}(?:=+|-{2,})[ \t]*$`), twoLines},                              // setext heading
		{contains("`"), lazyre.New("`[^`\n]+`"), oneLine},                                                                     // code span
		{contains("*", "_"), lazyre.New(`(?:^|[\s(])[*_][^\s*_][^*_\n]*[*_](?:$|[\s.,;:!?)])`), oneLine},                      // *emphasis*
	}
	// A link reference definition: "[label]: https://…".
	linkDefinition = sign{contains("]:"), lazyre.New(`^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?:https?://|mailto:|\.{0,2}/|#)\S*$`), oneLine}
	// A reference link, "[text][label]", not footnote marks "[6][7]": a
	// sign only beside a definition (see strongSigns).
	referenceLink = sign{contains("]["), lazyre.New(`\[[^\]\n]*\pL[^\]\n]*\]\[[^\]\n]*\]`), oneLine}
	// A front matter block of "key: value" lines is Markdown's alone.
	frontMatterSign = lazyre.New(`\A---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:`)
	// So is a table's header row over its delimiter row.
	tableSign = sign{contains("---"), lazyre.New(`^[^\n]*\|[^\n]*\n[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}:?[ \t]*(?:\||$)`), twoLines}
)

// A sign is a pattern of Markdown syntax, the gate of the lines it may
// match and what it runs on.
type sign struct {
	gate    func(line []byte) bool
	pattern func() *regexp.Regexp
	span    span
}

// A span is what a sign's pattern runs on.
type span int

const (
	// oneLine: each line that passes the gate.
	oneLine span = iota
	// twoLines: a line that passes the gate (a setext heading's underline,
	// a table's delimiter row) and the line before it.
	twoLines
	// whole: the whole text, when it passes the gate. The strong-text
	// patterns take the newline after a match, which the next line's
	// match cannot then start with: counted line by line, three lines of
	// **bold** would count three where the whole text counts two.
	whole
)

// count returns how many times, up to limit, the sign occurs in text.
func (s sign) count(text lines, limit int) int {
	if s.span == whole {
		if !s.gate(text.data) {
			return 0
		}
		return len(s.pattern().FindAllIndex(text.data, limit))
	}
	n := 0
	for i := range text.starts {
		if !s.gate(text.line(i)) {
			continue
		}
		from := text.starts[i]
		if s.span == twoLines {
			if i == 0 {
				continue
			}
			from = text.starts[i-1]
		}
		n += len(s.pattern().FindAllIndex(text.data[from:text.ends[i]], limit-n))
		if n >= limit {
			break
		}
	}
	return n
}

// in reports whether the sign occurs in text.
func (s sign) in(text lines) bool { return s.count(text, 1) > 0 }

// lines is a text cut into lines: line i is data[starts[i]:ends[i]],
// without its newline.
type lines struct {
	data         []byte
	starts, ends []int
}

// splitLines cuts data into lines.
func splitLines(data []byte) lines {
	text := lines{data: data}
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data) - start
		}
		text.starts = append(text.starts, start)
		text.ends = append(text.ends, start+end)
		start += end + 1
	}
	return text
}

// line returns line i.
func (text lines) line(i int) []byte { return text.data[text.starts[i]:text.ends[i]] }

// lineStarts gates lines whose first character after blanks begins one of
// prefixes.
func lineStarts(prefixes ...string) func([]byte) bool {
	return func(line []byte) bool {
		line = bytes.TrimLeft(line, " \t")
		for _, p := range prefixes {
			if bytes.HasPrefix(line, []byte(p)) {
				return true
			}
		}
		return false
	}
}

// contains gates lines that hold one of needles.
func contains(needles ...string) func([]byte) bool {
	return func(line []byte) bool {
		for _, n := range needles {
			if bytes.Contains(line, []byte(n)) {
				return true
			}
		}
		return false
	}
}

// Sniff reports whether data looks like Markdown rather than plain text.
// It is conservative: text that plain prose could also be (a list of
// dashed lines, a quoted mail, footnote marks in brackets) is not enough;
// it takes YAML front matter or a table, or syntax prose does not use (a
// "# " heading, a code fence, a link in brackets and parentheses, **strong**
// text) seen twice, or once with a weaker sign beside it.
func Sniff(data []byte) bool {
	if len(data) > sniffBytes {
		data = data[:sniffBytes]
	}
	// The patterns read lines that end in "\n" alone.
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	text := splitLines(data)
	if (frontMatterSign().Match(data) && closesFrontMatter(data)) || tableSign.in(text) {
		return true
	}
	strong, kinds := 0, 0
	for _, s := range strongSigns {
		if n := s.count(text, 3); n > 0 {
			strong += n
			kinds++
		}
	}
	if linkDefinition.in(text) && referenceLink.in(text) {
		strong++
		kinds++
	}
	weak := 0
	for _, s := range weakSigns {
		if s.in(text) {
			weak++
		}
	}
	return kinds >= 2 || strong >= 3 || (strong >= 1 && weak >= 1)
}

// closesFrontMatter reports whether the front matter opened on the first
// line is closed.
func closesFrontMatter(data []byte) bool {
	_, rest, _ := bytes.Cut(data, []byte("\n"))
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if isFence(line, true) {
			return true
		}
	}
	return false
}
