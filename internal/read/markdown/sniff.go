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
var (
	strongSigns = []func() *regexp.Regexp{
		lazyre.New(`(?m)^#{1,6}[ \t]+\S`),                                          // ATX heading
		lazyre.New("(?m)^[ \t]{0,3}(?:```|~~~)"),                                   // code fence
		lazyre.New(`!?\[[^\]\n]+\]\((?:<[^>\n]*>|[^()\s]+)(?:[ \t]+"[^"\n]*")?\)`), // inline link or image
		linkDefinition,
		lazyre.New(`<https?://[^>\s]+>`), // autolink
		lazyre.New(`(?:^|[\s(])\*\*[^\s*][^*\n]*\*\*(?:$|[\s.,;:!?)])`), // **strong**
		lazyre.New(`(?:^|[\s(])__[^\s_][^_\n]*__(?:$|[\s.,;:!?)])`),     // __strong__
	}
	weakSigns = []func() *regexp.Regexp{
		lazyre.New(`(?m)^[ \t]{0,3}[-*+][ \t]+\S`),                        // bullet list item
		lazyre.New(`(?m)^[ \t]{0,3}\d{1,9}[.)][ \t]+\S`),                  // ordered list item
		lazyre.New(`(?m)^[ \t]{0,3}>[ \t]?\S`),                            // block quote
		lazyre.New(`(?m)^\S[^\n]*\n[ \t]{0,3}(?:=+|-{2,})[ \t]*$`),        // setext heading
		lazyre.New("`[^`\n]+`"),                                           // code span
		lazyre.New(`(?:^|[\s(])[*_][^\s*_][^*_\n]*[*_](?:$|[\s.,;:!?)])`), // *emphasis*
	}
	// A link reference definition: "[label]: https://…".
	linkDefinition = lazyre.New(`(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?:https?://|mailto:|\.{0,2}/|#)\S*$`)
	// A reference link, "[text][label]", not footnote marks "[6][7]": a
	// sign only beside a definition (see strongSigns).
	referenceLink = lazyre.New(`\[[^\]\n]*\pL[^\]\n]*\]\[[^\]\n]*\]`)
	// A front matter block of "key: value" lines is Markdown's alone.
	frontMatterSign = lazyre.New(`\A---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:`)
	// So is a table's header row over its delimiter row.
	tableSign = lazyre.New(`(?m)^[^\n]*\|[^\n]*\n[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}:?[ \t]*(?:\||$)`)
)

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
	if (frontMatterSign().Match(data) && closesFrontMatter(data)) || tableSign().Match(data) {
		return true
	}
	strong, kinds := 0, 0
	for _, re := range strongSigns {
		if n := len(re().FindAllIndex(data, 3)); n > 0 {
			strong += n
			kinds++
		}
	}
	if linkDefinition().Match(data) && referenceLink().Match(data) {
		strong++
		kinds++
	}
	weak := 0
	for _, re := range weakSigns {
		if re().Match(data) {
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
