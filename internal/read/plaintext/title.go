package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
)

// Limits of a line that can be a title.
const (
	// A title has at most this many words, and this many characters.
	titleWords = 25
	titleRunes = 160
	// proseGap is how many lines in a row that are not prose (a heading, a
	// figure's caption and credit, a pull quote, an advertisement label)
	// the article's run of prose may hold. Short paragraphs that end a
	// sentence do not count: dialogue and one-line paragraphs are prose.
	proseGap = 5
	// The title stands at most this many units above the article's text,
	// or above its byline, which stands at most bylineWindow units above
	// the text.
	titleWindow  = 40
	bylineWindow = 100
	// With no title above it, a headline with its dek or byline under it
	// may stand at most this many units into what the core took for the
	// article's text (titleWithin).
	titleBelow = 10
	// What follows a headline (a dek, a byline, a date) stands within this
	// many units under it.
	headReach = 5
)

// titleSeparators stand between a page's title and the site's name in its
// <title> ("Article Title | Site Name"), as scrapers repeat it, and between
// the steps of a breadcrumb ("News > World > Article Title").
func titleSeparators() []string {
	return []string{" | ", " - ", " – ", " — ", " :: ", ": ", "_", " · ", " > ", " » ", " / "}
}

// findTitle returns the index of the unit that is the article's title, or
// -1. The title is a title-shaped line of a few words at most titleWindow
// units above the article's text, which starts at unit start (see
// articleStart). Each is scored by what stands around it (see
// titleContext.score); on a tie, the nearest to the text wins. Menus and site
// lines stand further up the page, and have one word or two.
func findTitle(units []unit, start int, seen map[string]int) int {
	if start < 0 {
		start = len(units)
	}
	c := titleContext{units: units, start: start, seen: seen, lead: leadWords(units, start)}
	c.byline = bylineAbove(units, start)
	c.related = relatedAbove(units, start)
	c.overByline = -1
	for i := c.byline - 1; i >= max(0, c.byline-headReach) && c.byline >= 0; i-- {
		if t := units[i].text; isTitleShaped(t) && titleLength(t) && !isCaption(units, i) {
			c.overByline = i
			break
		}
	}
	from := start - titleWindow
	if c.byline >= 0 {
		from = min(from, c.byline-headReach)
	}
	best, bestScore := -1, 0
	for i := start - 1; i >= max(0, from); i-- {
		t := units[i].text
		if !isTitleShaped(t) || !titleLength(t) && !c.namesSubject(t) || isCaption(units, i) {
			continue
		}
		if score := c.score(i); score > bestScore {
			best, bestScore = i, score
		}
	}
	if t := editionTitle(units, best); t >= 0 {
		return t
	}
	return best
}

// editionTitle returns the index of the title of a page that binds
// several articles, an edition, when the headline at unit headline is its
// first article's, or -1. Such a page prints each article's headline over
// its signed byline, editionArticles of them at least, and its own title
// a line or two over the first.
func editionTitle(units []unit, headline int) int {
	if headline < 1 {
		return -1
	}
	n := 0
	for j := headline + 1; j < len(units) && n < editionArticles; j++ {
		if _, ok := cues.ParseSignedByline(units[j].text); !ok {
			continue
		}
		if t := units[j-1].text; isTitleShaped(t) && titleLength(t) {
			n++
		}
	}
	if n < editionArticles {
		return -1
	}
	for i := headline - 1; i >= max(0, headline-editionReach); i-- {
		if t := units[i].text; isTitleShaped(t) && titleLength(t) {
			return i
		}
	}
	return -1
}

// An edition binds at least editionArticles articles, and prints its title
// at most editionReach units over the first one's headline.
const (
	editionArticles = 3
	editionReach    = 2
)

// titleWithin returns the first headline a little way into the article's
// text, with a dek, a byline, a date or a list under it, or printed twice
// on the page (seen, see repeats), or -1. It is for a page with no title above
// its text, whose first units are the page's run together into prose (a
// cookie notice, a menu). A subhead has the text's prose under it, and the
// page prints it once.
func titleWithin(units []unit, start int, seen map[string]int) int {
	for i := max(start, 0); i < min(max(start, 0)+titleBelow, len(units)); i++ {
		t := units[i].text
		if !isTitleShaped(t) || !titleLength(t) {
			continue
		}
		if seen[bare(t)] >= 2 || headFollows(units[i+1:min(i+1+headReach, len(units))]) || i+1 < len(units) && isListItem(units[i+1].text) {
			return i
		}
	}
	return -1
}

// titleContext is what findTitle knows of the page when it scores a line.
type titleContext struct {
	units []unit
	start int            // the article's text's first unit
	seen  map[string]int // how often the page holds each text (repeats)
	lead  map[string]int // how often the lead names each word (leadWords)
	// byline is the signed byline nearest above the text (bylineAbove),
	// or -1.
	byline int
	// related is the label of links to other stories nearest above the
	// text (relatedAbove), or -1.
	related int
	// overByline is the headline-shaped line nearest above the byline, or
	// -1: the headline, where a kicker stands above it.
	overByline int
}

// relatedAbove returns the index of the label over links to other stories
// ("Related", cues.IsRelatedLabel) nearest above unit start within
// titleWindow units, or -1: what stands under it is their headlines.
func relatedAbove(units []unit, start int) int {
	return nearestAbove(units, start, titleWindow, cues.IsRelatedLabel)
}

// nearestAbove returns the index of the unit nearest above unit start,
// within window units, whose text is reports true for, or -1.
func nearestAbove(units []unit, start, window int, is func(string) bool) int {
	for i := start - 1; i >= max(0, start-window); i-- {
		if is(units[i].text) {
			return i
		}
	}
	return -1
}

// bylineAbove returns the index of the signed byline ("By NAME") nearest
// above unit start within bylineWindow units, or -1. A headline stands
// above its byline; what stands between the byline and the text is a
// picture's caption, a gallery's headline, a subhead, or a video player's
// furniture, which may run long.
func bylineAbove(units []unit, start int) int {
	return nearestAbove(units, start, bylineWindow, func(s string) bool {
		_, ok := cues.ParseSignedByline(s)
		return ok
	})
}

// leadLength is how much of the article's text, in runes, leadWords reads:
// about its first paragraphs, which name what the headline names.
const leadLength = 1500

// leadWords counts the words, but function words, of the first
// leadLength runes of the article's text from unit start.
func leadWords(units []unit, start int) map[string]int {
	set := map[string]int{}
	n := 0
	for _, u := range units[min(start, len(units)):] {
		for _, w := range words(u.text) {
			if !isStopword(w) {
				set[w]++
			}
		}
		if n += utf8.RuneCountInString(u.text); n >= leadLength {
			break
		}
	}
	return set
}

// score scores unit i as the title. A headline is repeated elsewhere on
// the page (its <title>, a breadcrumb, a share widget), has a dek, a byline
// or a date under it, names what the article's first paragraphs name, and
// stands near the text; a menu's line stands among other short lines of
// links, and the page's other headlines stand further up.
func (c titleContext) score(i int) int {
	t := c.units[i].text
	score := titleBase
	if c.seen[bare(t)] >= 2 {
		score += repeatedTitle
	}
	switch {
	case !titleLength(t):
		// A subject's name alone (namesSubject), which a tag or a
		// section over a headline is too: it yields to any headline.
		score -= shortTitleCost
	case headFollows(c.units[i+1 : min(i+1+headReach, len(c.units))]):
		score += headUnder
	}
	if ws := words(t); len(ws) > 0 {
		named, content := 0, 0
		for _, w := range ws {
			if isStopword(w) {
				continue
			}
			content++
			if c.lead[w] > 0 {
				named++
			}
		}
		score += leadNamed * named / max(content, 1)
	}
	// Nearer the text is likelier; above a byline, nearer the byline.
	end := c.start
	if c.byline > i {
		end = c.byline
	} else if c.byline >= 0 {
		score -= underByline
	}
	if c.related >= 0 && i > c.related {
		score -= underRelated
	}
	if i == c.overByline {
		score += overByline
	}
	if c.underDateline(i) {
		score += underDate
	}
	score -= (end - i - 1) / unitsPerPoint
	if isNavigation(t) {
		score -= navigationCost
	}
	return score
}

// namesSubject reports whether every content word of s, a line too short
// for a headline, is one the lead names again and again (subjectNamed
// times): an encyclopedia's entry or a standard is titled with its
// subject's name alone ("Tarragon", "WebDAV"), which its text then
// repeats.
func (c titleContext) namesSubject(s string) bool {
	content := 0
	for _, w := range words(s) {
		if isStopword(w) {
			continue
		}
		if c.lead[w] < subjectNamed {
			return false
		}
		content++
	}
	return content > 0
}

// A word the lead names this often is its subject's (namesSubject).
const subjectNamed = 3

// What a title candidate scores (titleContext.score): a base, from which
// the units between it and the text take a point each unitsPerPoint; a
// repeat on the page, a dek, byline or date under it, and its words in the
// lead (leadNamed when every word is) add to it; a line of navigation
// loses navigationCost. A dek or byline under a line outweighs a repeat:
// menus repeat too. A line too short for a headline, the name of its
// subject alone, loses shortTitleCost and gains nothing from what follows
// it. A line under the byline loses underByline, and a line above it is
// as near as its distance to the byline; a line under a label of related
// stories loses underRelated; the line nearest over the byline, the
// headline where a kicker stands over it, gains overByline, and a line
// under a date gains underDate.
const (
	titleBase      = 4
	repeatedTitle  = 2
	headUnder      = 4
	leadNamed      = 4
	unitsPerPoint  = 6
	navigationCost = 3
	shortTitleCost = 3
	underByline    = 4
	underRelated   = 4
	overByline     = 3
	underDate      = 2
)

// isNameAlone reports whether s is a person's name printed alone, as
// pages print their author's under a headline: two or three words that
// look like a name. A headline in title case of four words or more looks
// like a name too, and is none.
func isNameAlone(s string) bool {
	s = bare(s)
	n := len(strings.Fields(s))
	return n >= 2 && n <= 3 && cues.LooksLikeName(s) && !cues.IsDebris(s) && !cues.HasFurnitureWord(s)
}

// underDateline reports whether unit i stands under a dateline: a line
// that opens with a date and is no headline's or byline's, since the
// line over it is neither a headline nor a name.
func (c titleContext) underDateline(i int) bool {
	if i < 1 {
		return false
	}
	if _, _, ok := dates.Cut(c.units[i-1].text); !ok {
		return false
	}
	if i < 2 {
		return true
	}
	above := c.units[i-2].text
	if isTitleShaped(above) && titleLength(above) || isNameAlone(above) {
		return false
	}
	_, ok := cues.ParseByline(above)
	return !ok
}

// isCaption reports whether unit i is a picture's caption: a credit line
// ("Credit: Ann Lee/EPA") follows it in its block.
func isCaption(units []unit, i int) bool {
	if i+1 >= len(units) || units[i+1].block != units[i].block {
		return false
	}
	_, _, ok := cues.ParseCredit(units[i+1].text)
	return ok
}

// isHonoredName reports whether s is a person's name after an honorific
// ("Dr. Ann Lee", "Prof. Bo Chen"): a byline's, never a headline.
func isHonoredName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	switch f[0] {
	case "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "Dame":
		return cues.LooksLikeName(strings.Join(f[1:], " "))
	}
	return false
}

// isDekShaped reports whether s is shaped as a standfirst, though it may
// lack a final period: a line of some length, with more words than a
// heading has.
func isDekShaped(s string) bool {
	return len(strings.Fields(s)) > headingWords && utf8.RuneCountInString(s) >= 60
}

// isNavigation reports whether s is a line of navigation: pieces of one or
// two words between bars or arrows ("« Previous | Next »", "Next Chapter →").
func isNavigation(s string) bool {
	if n := strings.Count(s, "«"); n > 0 && n == strings.Count(s, "»") && strings.Index(s, "«") < strings.Index(s, "»") && !strings.Contains(s, "|") {
		return false // French quotation marks, «Les Enfants», not « Previous | Next »
	}
	pieces := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("|«»‹›←→", r) })
	if len(pieces) == 0 || len(pieces) == 1 && !strings.ContainsAny(s, "«»‹›←→") {
		return false
	}
	for _, p := range pieces {
		if len(strings.Fields(p)) > 2 {
			return false
		}
	}
	return true
}

// headFollows reports whether the lines under a candidate title are what
// follows a headline: a dek sentence, a byline or a date.
func headFollows(next []unit) bool {
	for i, u := range next {
		if isProse(u.text) {
			return false
		}
		if isSentence(u.text) || isDekShaped(u.text) {
			return true
		}
		if _, ok := cues.ParseByline(u.text); ok {
			return true
		}
		if _, ok := dates.ParseLine(cues.TrimLead(u.text)); ok {
			return true
		}
		if isNameAlone(u.text) && i+1 < len(next) && isStamp(next[i+1].text) {
			return true // the author's name, printed alone over a date
		}
	}
	return false
}

// articleStart returns the index of the first unit of the page's
// article text (see core), or -1 when the page has no prose. Prose before
// it (a cookie notice, a teaser of another story) is not the article.
func articleStart(units []unit, c span) int {
	if c.from >= 0 {
		return c.from
	}
	// No unit long enough to judge: a short text, its paragraphs of a few
	// sentences each, or a list (a changelog, a recipe's steps).
	if at := longestProseRun(units); at >= 0 {
		return at
	}
	return longestListRun(units)
}

// longestListRun returns the index of the first item of the page's
// longest run of list items (listRun of them at least), or -1.
func longestListRun(units []unit) int {
	best, bestLen := -1, listRun-1
	start := -1
	for i, u := range units {
		if !isListItem(u.text) {
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
		if n := i - start + 1; n > bestLen {
			best, bestLen = start, n
		}
	}
	return best
}

// A list that is the article has at least this many items; a menu's run
// of links is outweighed by it (longestListRun).
const listRun = 5

// isListItem reports whether s is an item of a list as scrapers print it:
// after a bullet ("- ", "+ ", "* ", "• ") or a number ("3. ").
func isListItem(s string) bool {
	for _, mark := range []string{"- ", "+ ", "* ", "• ", "□ ", "◦ "} {
		if strings.HasPrefix(s, mark) {
			return true
		}
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	return digits > 0 && digits <= 3 && strings.HasPrefix(s[digits:], ". ")
}

// longestProseRun returns the index of the first unit of the page's
// longest run of prose, or -1 when the page has no prose.
func longestProseRun(units []unit) int {
	best, bestLen := -1, 0
	start, n, gap := -1, 0, 0
	for i, u := range units {
		if !isProse(u.text) {
			if endsSentence(strings.TrimRight(u.text, `"”’»)`)) && start >= 0 {
				continue // a short paragraph of the article, or a line of dialogue
			}
			gap++
			if gap > proseGap {
				start = -1
			}
			continue
		}
		if start < 0 {
			start, n = i, 0
		}
		gap = 0
		n += utf8.RuneCountInString(u.text)
		if n > bestLen {
			best, bestLen = start, n
		}
	}
	return best
}

// repeats counts the texts a page holds: each unit's text, and the parts
// of a <title>-like line ("Title | Site", "Site - Title") on either side of
// a separator, so that a line the page repeats is found in one pass.
func repeats(units []unit) map[string]int {
	seen := map[string]int{}
	for _, u := range units {
		t := bare(u.text)
		seen[t]++
		for _, sep := range titleSeparators() {
			// Most texts hold few of the separators: the forward search
			// tells, and only a text holding one is searched backward.
			if before, _, ok := strings.Cut(t, sep); ok {
				seen[before]++
				seen[t[strings.LastIndex(t, sep)+len(sep):]]++
			}
		}
	}
	return seen
}

// bare returns s without the marks scrapers put around a repeated title:
// a list item's bullet ("- ", "• ", "* ") or a link's or an image's
// brackets ("[Title]").
func bare(s string) string {
	for _, mark := range []string{"- ", "• ", "* ", "+ ", "#"} {
		s = strings.TrimPrefix(s, mark)
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}

// titleLength reports whether s has the length of a headline rather than
// of a menu item or site name: three words or more, or in a script
// written without spaces, six characters or more.
func titleLength(s string) bool {
	if len(strings.Fields(s)) >= 3 {
		return true
	}
	unspaced := func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai)
	}
	return countRunes(s, unspaced) >= 6
}

// isTitleShaped reports whether s can be a title: mostly letters, of
// headline length, and not a list item, a link or image marker, a
// placeholder, a sentence of prose, a date, a byline, a credit or
// navigation debris.
func isTitleShaped(s string) bool {
	if s == "" || len(strings.Fields(s)) > titleWords || utf8.RuneCountInString(s) > titleRunes {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("-•*#+·>|[(<{=~^/\\@©", r) || strings.Contains(s, "://") || strings.Contains(s, "[]") {
		return false
	}
	if hasScheme(s) {
		return false // a link or a script
	}
	if strings.Contains(s, " * ") || strings.Contains(s, "___") {
		return false // lynx's bullets run together, a form's field: a menu
	}
	if isHonoredName(s) {
		return false // a person's name: a teaser's author
	}
	if cues.IsFooterLink(s) {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("←‹", first) {
		return false // a link to the previous page
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("→›", last) {
		return false // a link to the next page
	}
	if end := strings.TrimRight(s, `"”’»)`); strings.HasSuffix(end, ".") && !strings.HasSuffix(end, "...") || strings.HasSuffix(end, ",") || strings.HasSuffix(end, ";") || strings.HasSuffix(end, ":") {
		return false // a sentence or a piece of one, or what leads into a list
	}
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r):
		default:
			other++
		}
	}
	if letters == 0 || letters < 2*other {
		return false
	}
	if cues.IsDebris(s) {
		return false
	}
	if _, ok := dates.ParseLine(s); ok {
		return false
	}
	if _, ok := cues.ParseByline(s); ok {
		return false
	}
	if _, _, ok := cues.ParseCredit(s); ok {
		return false
	}
	return true
}

// hasScheme reports whether s holds a colon between two letters, as a URL
// ("javascript:void(0)", "mailto:x") has and a headline does not.
func hasScheme(s string) bool {
	prev := ' '
	for i, r := range s {
		if prev == ':' && i >= 2 && unicode.IsLetter(r) {
			before, _ := utf8.DecodeLastRuneInString(s[:i-1])
			if unicode.IsLetter(before) {
				return true
			}
		}
		prev = r
	}
	return false
}
