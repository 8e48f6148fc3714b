package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/read/cues"
)

// Finding the article among a page's furniture, in the manner of jusText
// (Pomikálek, 2011) but on text: each unit is classed by what it is (its
// length, the share of its words that are function words, whether it reads
// as a sentence, whether it is shaped as a list of links), then the
// article runs from its first good unit to its last, reaching out over the
// units beside them until the page's furniture starts. Units past it go;
// units inside it stay whatever their class, so that the article's own
// short lines (headings, captions, a signature, a list of references) are
// never lost. Cutting only at the edges is deliberate: within the span,
// furniture and the article's own tables, code and lists of sources look
// alike, and dropping runs of furniture there lost whole tables and lists.

// Thresholds of the classes. jusText's defaults for HTML paragraphs are
// 70 and 200 runes and a function-word share of 0.30 to 0.32; text units
// are shorter (a scraper's lines, not whole paragraphs) and the set of
// function words is one for eight languages, so the long unit and the share
// are lowered, to where the corpus's prose passes and its menus do not.
const (
	goodRunes     = 140  // a good unit is at least this long ...
	goodStopwords = 0.25 // ... and at least this share function words
	shortRunes    = 70   // shorter units are too short to judge
	// A link list has at least this many items, of at most listItemWords
	// words each on average.
	listItems     = 3
	listItemWords = 10
	// The dek stands at most this many units above the furniture
	// (share buttons, a byline, a picture's credit) over the article.
	dekReach = 10
	// The title stands at most this many units above the article's
	// start as the span found it.
	titleReach = 12
	// Above the span, a line of fewer words is a menu's or a widget's.
	headWords = 3
	// Reaching back from the article's text, the span stops at a run of
	// more than menuRun menu items (isMenuItem): a menu's, or many
	// menus'. The head of an article (kicker, title, dek,
	// byline, date, a picture's caption and credit) is shorter, or has
	// longer lines.
	menuRun   = 10
	menuWords = 4
	// A notice of copyright is at most this long.
	maxFooterRunes = 200
)

// A class says what a unit looks like on its own.
type class uint8

const (
	short class = iota // too short to tell, or no evidence either way
	good               // prose
	bad                // furniture: debris, a menu, a list of links
	poor               // few function words and no sentence: a tag cloud, or a headline
)

// classify returns the class of a unit of text. Only the shape of
// furniture is bad: navigation debris, a list of links or a menu, or a
// long unit of words that are nearly all names and labels (a tag cloud)
// and that does not read as a sentence. Code, tables and figures, with
// their digits and symbols, notes that open with a marker, and text in
// scripts written without spaces, are no evidence either way.
func classify(s string) class {
	if cues.IsDebris(s) || linkList(s) {
		return bad
	}
	n := utf8.RuneCountInString(s)
	if cjk := cjkRunes(s); cjk*2 > n {
		if cjk >= 20 && strings.ContainsAny(s, "。！？") {
			return good
		}
		return short
	}
	if n < shortRunes || !wordy(s) || isNote(s) {
		return short
	}
	ws := words(s)
	switch {
	case float64(countStopwords(ws)) < goodStopwords*float64(len(ws)):
		if endsLikeSentence(s) && countStopwords(ws) >= 2 {
			// Prose in a language with few function words, or a
			// sentence dense with names: not evidence of furniture.
			return short
		}
		return poor
	case n >= goodRunes:
		return good
	}
	return short // prose, but too short to be sure of
}

// sentenceShaped reports whether s reads as a sentence: it ends in
// sentence punctuation (perhaps inside closing quotes or brackets), or
// holds a sentence's end followed by the next one's start, and it holds
// at least two function words. A menu or a tag cloud does neither.
func sentenceShaped(s string) bool {
	return endsLikeSentence(s) && countStopwords(words(s)) >= 2
}

// endsLikeSentence reports whether s ends in sentence punctuation, perhaps
// inside closing quotes or brackets and before notes' references, or holds
// a sentence's end followed by the next one's start.
func endsLikeSentence(s string) bool {
	t := strings.TrimRight(trimNoteRefs(s), `"”’'») `)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…", r) || sentences(s) > 0
}

// trimNoteRefs cuts the references to notes ("[12]", "[a]") from the end
// of s, so that a sentence that cites a source still ends in its period.
func trimNoteRefs(s string) string {
	for {
		s = strings.TrimRight(s, " ")
		if !strings.HasSuffix(s, "]") {
			return s
		}
		i := strings.LastIndex(s, "[")
		if i < 0 || i < len(s)-8 {
			return s
		}
		s = s[:i]
	}
}

// isNote reports whether s opens with the marker of a note or reference
// ("^", "[12]", "↑"): a citation is names and titles, as a tag cloud is,
// but it is the article's.
func isNote(s string) bool {
	s = trimListNumber(s)
	switch {
	case strings.HasPrefix(s, "^ "), strings.HasPrefix(s, "↑ "):
		return true
	case strings.HasPrefix(s, "["):
		num, _, ok := strings.Cut(s[1:], "]")
		return ok && num != "" && strings.Trim(num, "0123456789") == ""
	}
	return false
}

// trimListNumber cuts the number of a numbered list's item ("12. ")
// from the start of s.
func trimListNumber(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i > 0 && strings.HasPrefix(s[i:], ". ") {
		return s[i+2:]
	}
	return s
}

// listSeparators returns what a scraped list of links puts between its
// items: the bullets of w3m, lynx and pandoc, and the bars and dots of
// menus.
func listSeparators() []string {
	return []string{" * ", " • ", " · ", " | ", " □ ", " ☆ ", " ◦ ", " ▪ ", " - ", " » "}
}

// linkList reports whether s is shaped as a list of links, a menu or a tag
// cloud run together: at least listItems items split by one separator,
// short on average, of which fewer than half end a sentence, fewer than
// half are addresses or figures, and none is a long sentence.
func linkList(s string) bool {
	if strings.HasPrefix(s, "|") && strings.HasSuffix(s, "|") {
		return false // a row of a table drawn with bars, as pandoc draws one
	}
	padded := " " + s + " "
	for _, sep := range listSeparators() {
		if strings.Count(padded, sep) < listItems-1 {
			continue
		}
		var items []string
		for _, it := range strings.Split(padded, sep) {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, it)
			}
		}
		if len(items) < listItems {
			continue
		}
		// A dash or a bullet between prose words is punctuation, not a
		// list: the list opens with its separator or has many items.
		if (sep == " - " || sep == " * ") && !strings.HasPrefix(padded, sep) && len(items) < 2*listItems {
			continue
		}
		nwords, sentences, urls, numbers, prose := 0, 0, 0, 0, false
		for _, it := range items {
			if countRunes(it, unicode.IsDigit) >= countRunes(it, unicode.IsLetter) {
				numbers++
			}
			if sentenceShaped(it) && len(strings.Fields(it)) > listItemWords {
				// A row of a table, or the article's last sentences
				// run into the footer's links: the unit holds prose.
				prose = true
			}
			if strings.Contains(it, "://") || strings.HasPrefix(it, "www.") {
				urls++
			}
			nwords += len(strings.Fields(it))
			if r, _ := utf8.DecodeLastRuneInString(it); strings.ContainsRune(".!?", r) && len(strings.Fields(it)) > 3 {
				sentences++
			}
		}
		// A list of addresses is a list of references, not a menu (a
		// menu names its links), and a row of figures is a table's.
		if !prose && nwords <= listItemWords*len(items) && 2*sentences < len(items) && 2*urls < len(items) && 2*numbers < len(items) {
			return true
		}
	}
	return false
}

// countRunes counts the runes of s for which is reports true.
func countRunes(s string, is func(rune) bool) int {
	n := 0
	for _, r := range s {
		if is(r) {
			n++
		}
	}
	return n
}

// wordy reports whether s is words and spaces, with few digits and
// symbols: prose, or a menu, rather than code or a table.
func wordy(s string) bool {
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r), r == ',', r == '.', r == '\'', r == '’', r == '-':
		default:
			other++
		}
	}
	return letters > 0 && other*10 <= letters
}

// articleUnits reports which units hold the article. They are its span,
// from its first good unit to its last, reaching out over the units beside
// them that are not furniture (see articleSpan), and above the span the
// lines of a few words that are not furniture: what the page's head holds
// of the article (a kicker, the title, a byline) though menus stand
// between it and the text. Past the span, all goes. A page with no good
// unit is all article.
func articleUnits(units []unit, classes []class, comments []bool, c span, isTitle func(i int) bool) []bool {
	from, to := articleSpan(units, classes, comments, c, isTitle)
	keep := make([]bool, len(units))
	for i := range to {
		keep[i] = i >= from || i >= from-titleReach && !furniture(classes[i]) && len(strings.Fields(units[i].text)) >= headWords
	}
	return keep
}

// classifyAll returns the class of each unit, smoothed.
func classifyAll(units []unit) []class {
	classes := make([]class, len(units))
	for i, u := range units {
		classes[i] = classify(u.text)
	}
	smooth(classes)
	return classes
}

// smooth reclasses a poor unit beside a good one as short: a headline or
// a caption is as poor in function words as a tag cloud, but beside prose
// it is the article's.
func smooth(classes []class) {
	for i, c := range classes {
		if c == poor && (i > 0 && classes[i-1] == good || i+1 < len(classes) && classes[i+1] == good) {
			classes[i] = short
		}
	}
}

// articleSpan returns the stretch of units [from, to) that holds the
// article: from its first good unit to its last, reaching out over the
// units beside them until furniture starts (furnitureStarts) or, below
// it, a notice of copyright. Only furniture before and after it is left
// out, never a good unit, so no prose the page holds is lost however far
// it stands from the rest.
//
// Reaching back, the span crosses one run of furniture (the share buttons
// under a headline) when a sentence or a title-shaped line stands at most
// dekReach units beyond it, the article's dek or headline; and it takes in
// the nearest unit that isTitle reports is the article's title, with the
// byline and date under it, when it stands at most titleReach units above.
func articleSpan(units []unit, classes []class, comments []bool, c span, isTitle func(i int) bool) (from, to int) {
	from, to = c.from, c.to
	if from < 0 {
		return 0, len(units)
	}
	crossed := false
	shorts := 0 // the run of menu items just crossed
	// Only a core of several paragraphs is surely the article: one
	// paragraph may be a notice at the page's foot, and the article above
	// it, past the menus.
	strong := countGood(classes[c.from:c.to]) >= strongCore
	for from > 0 {
		if !furnitureStarts(classes, from-1, -1) {
			if isMenuItem(units[from-1].text, classes[from-1]) {
				shorts++
			} else {
				shorts = 0
			}
			if shorts > menuRun && strong {
				// A run of menu items this long is a menu's, whose
				// lines are too short to be judged furniture one by one.
				from += shorts - 1
				break
			}
			from--
			continue
		}
		if crossed {
			break
		}
		crossed = true
		dek := -1
		for j := from - 2; j >= max(0, from-1-dekReach); j-- {
			if t := units[j].text; !furniture(classes[j]) && (isSentence(t) || isTitleShaped(t) && titleLength(t)) {
				dek = j
				break
			}
		}
		if dek < 0 {
			break
		}
		from = dek
	}
	for i := from - 1; i >= max(0, from-titleReach); i-- {
		if isTitle(i) {
			from = i
			break
		}
	}
	for to < len(units) && !endsSpan(units, classes, comments, to) {
		to++
	}
	return from, to
}

// endsSpan reports whether the article's span, grown past its core, ends
// at unit i: furniture starts there (furnitureStarts), or the page's
// copyright notice, a label of its comments or teasers
// (cues.EndsArticle), or a comment's byline (commentBylines).
func endsSpan(units []unit, classes []class, comments []bool, i int) bool {
	t := units[i].text
	return furnitureStarts(classes, i, 1) || isFooter(t) || cues.EndsArticle(t) || comments[i]
}

// isMenuItem reports whether s, of class c, reads as a menu's item: short,
// of menuWords words at most, neither a sentence nor numbered, and without
// the figures of a table's cell ("4,699,755", "Calling code | +64").
func isMenuItem(s string, c class) bool {
	return c == short && len(strings.Fields(s)) <= menuWords && !isSentence(s) && !strings.ContainsAny(s, "0123456789")
}

// countGood counts the good units among classes.
func countGood(classes []class) int {
	n := 0
	for _, c := range classes {
		if c == good {
			n++
		}
	}
	return n
}

// A core of at least this many good units is surely the article's text
// (articleSpan).
const strongCore = 3

// Weights of the units in core's sum.
const (
	shortCost = 20 // a short unit that is not a sentence
	badCost   = 80 // the least a unit of furniture costs
)

// core returns the stretch of units whose weights sum highest, the
// article's text, or -1, -1 when the page has no good unit; seen counts
// the page's texts (repeats). A good
// unit weighs its length, a short sentence or a note half its length
// (dialogue, a one-line paragraph, a reference), a short line that is no sentence (a heading, a
// caption, a menu's word) a little less than nothing, and furniture a lot
// less: so the stretch holds the article's prose with the headings,
// figures and lists among it, and ends where the page's menus, teasers
// and comments outweigh what prose lies beyond them. It is the maximum
// subarray, found in one pass (Kadane).
func core(units []unit, classes []class, comments []bool, seen map[string]int) span {
	weights := make([]int, len(units))
	for i, u := range units {
		weights[i] = weight(u.text, classes[i])
		if seen[bare(u.text)] >= widgetRepeats && linkList(u.text) {
			weights[i] *= 3
		}
	}
	discountIsolated(classes, weights)
	discountTeasers(units, classes, weights)
	from, to := -1, -1
	best, sum, start := 0, 0, 0
	for i, w := range weights {
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > best && classes[i] == good {
			best, from, to = sum, start, i+1
		}
	}
	if from < 0 {
		return span{from, to}
	}
	c := trimCore(classes, weights, from, to)
	c.to = commentsStart(units, comments, c)
	c.to = teasersStart(units, weights, c)
	return c
}

// teasersStart returns where teasers of the site's other stories start
// within the core c, or c.to: at a label over them ("Recommended for You",
// cues.IsMoreLabel) when what follows it in the core weighs less than what
// precedes it. Teasers are prose too, and the core's sum may take in the
// first of them; a box of links in the middle of the article is lighter
// than the article around it.
func teasersStart(units []unit, weights []int, c span) int {
	before := 0
	for i := c.from; i < c.to; i++ {
		if i > c.from && cues.IsMoreLabel(units[i].text) {
			after := 0
			for _, w := range weights[i+1 : c.to] {
				after += w
			}
			if after < before {
				return i
			}
		}
		before += weights[i]
	}
	return c.to
}

// commentsStart returns where the page's comments start within the core c,
// or c.to when it holds none. Comments are prose too, and follow the
// article, so the core's sum takes them in; but each is signed with a
// name and a date and no "By" ("Ann Lee · March 10, 2017 at 2:56 AM"),
// which an article prints once at most. Where threadBylines of them
// follow, the first of them, and the label and short lines above it
// ("3 Comments", "Leave a Reply"), start the comments.
func commentsStart(units []unit, comments []bool, c span) int {
	first, n := -1, 0
	for i := c.from + 1; i < c.to; i++ {
		if !comments[i] {
			continue
		}
		if first < 0 {
			first = i
		}
		if n++; n >= threadBylines {
			break
		}
	}
	if n < threadBylines {
		return c.to
	}
	for first > c.from+1 && !isProse(units[first-1].text) && !isSentence(units[first-1].text) {
		first--
	}
	return first
}

// A thread of at least this many comment bylines is the page's comments.
const threadBylines = 3

// commentBylines reports, for each unit, whether it is a comment's
// byline: names and a date without a byline's word (parseDatedByline). It
// parses each unit once a page, for core, articleSpan and signedByline.
func commentBylines(units []unit) []bool {
	out := make([]bool, len(units))
	for i, u := range units {
		b, ok := parseDatedByline(u.text)
		out[i] = ok && !b.Signed
	}
	return out
}

// A span is the stretch of units [from, to); -1, -1 when there is none.
type span struct{ from, to int }

// discountIsolated weighs a good unit between furniture on both sides (the
// nearest units that are not short) at a third: a teaser of another story
// in a stream of them, each under its own share buttons, is prose, but the
// article's paragraphs stand beside each other.
func discountIsolated(classes []class, weights []int) {
	prev := short // the class of the nearest unit before i that is not short
	for i, c := range classes {
		if c == good && furniture(prev) && furniture(nextNotShort(classes, i)) {
			weights[i] /= 3
		}
		if c != short {
			prev = c
		}
	}
}

// teaserRun is how many paragraphs in a row, each under its own headline,
// make a list of teasers.
const teaserRun = 3

// discountTeasers weighs at a third the good units of a list of teasers:
// teaserRun or more in a row, each the only paragraph under a headline of
// its own. An article's paragraphs mostly follow each other; a list of
// other stories is a headline and a summary over and over, and it must
// not outweigh the article it stands beside.
func discountTeasers(units []unit, classes []class, weights []int) {
	var run []int // the good units of the current run of headed paragraphs
	flush := func() {
		if len(run) >= teaserRun {
			for _, i := range run {
				weights[i] /= 3
			}
		}
		run = run[:0]
	}
	for i, c := range classes {
		if c != good {
			continue
		}
		if !headed(units, classes, i) {
			flush()
			continue
		}
		run = append(run, i)
	}
	flush()
}

// headed reports whether the good unit i stands right under a headline of
// its own: the unit before it (or the one before that, past a date or a
// picture's line) is title-shaped, and no good unit stands between.
func headed(units []unit, classes []class, i int) bool {
	for j := i - 1; j >= max(0, i-2); j-- {
		if classes[j] == good {
			return false
		}
		if t := units[j].text; isTitleShaped(t) && titleLength(t) {
			return true
		}
	}
	return false
}

// nextNotShort returns the class of the first unit after i that is not
// short, or short when there is none.
func nextNotShort(classes []class, i int) class {
	for _, c := range classes[i+1:] {
		if c != short {
			return c
		}
	}
	return short
}

// widgetRepeats is how often a page prints the same list of links for it
// to be a widget under each item of a list (a teaser's share buttons),
// which costs three times as much: a stream of teasers is prose between
// such widgets, and must not outweigh them. A label repeated alone
// ("Advertisement") is not one: ad slots stand between an article's
// paragraphs.
const widgetRepeats = 3

// coreMargin is the least weight a stretch of text at the core's edge must
// have to hold its place across a unit of furniture: a newsletter's blurb
// or a teaser outweighs the menu after it, and is still not the article.
const coreMargin = 240

// trimCore cuts from each end of the core [from, to) each stretch that
// ends in furniture and weighs less than coreMargin, and then starts it at
// a good unit and ends it at one of weight (a sentence, a note).
func trimCore(classes []class, weights []int, from, to int) span {
	sum := 0
	for i := from; i < to; i++ {
		sum += weights[i]
		if furniture(classes[i]) && sum < coreMargin {
			from, sum = i+1, 0
		}
	}
	sum = 0
	for i := to - 1; i >= from; i-- {
		sum += weights[i]
		if furniture(classes[i]) && sum < coreMargin {
			to, sum = i, 0
		}
	}
	for from < to && classes[from] != good {
		from++
	}
	for to > from && weights[to-1] <= 0 {
		to--
	}
	return span{from, to}
}

// weight is a unit's worth in core's sum.
func weight(s string, c class) int {
	n := utf8.RuneCountInString(s) + cjkRunes(s) // a Han letter says as much as two of ours
	switch c {
	case good:
		return n
	case bad, poor:
		return -max(badCost, n/2)
	}
	if sentenceShaped(s) || isNote(s) {
		return n / 2
	}
	if isNumbered(s) {
		return 0 // an item of a numbered list or of a table of contents
	}
	return -shortCost
}

// isNumbered reports whether s opens with an item's or a section's
// number: "3. Canada", "2.1 Pledge", "10) Spain". Menus are not numbered;
// an article's ranked lists and its table of contents are.
func isNumbered(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' && i > 0) {
		i++
	}
	if i == 0 || i > 8 {
		return false
	}
	if i < len(s) && s[i] == ')' {
		i++
	}
	return i < len(s) && s[i] == ' '
}

// furnitureStarts reports whether the page's furniture starts at unit i,
// reading in direction dir: unit i is bad or poor, and so is the next unit
// that is not short. One bad unit alone, or the last one, (a paragraph of names
// thanked before a list of references) is the article's.
func furnitureStarts(classes []class, i, dir int) bool {
	if !furniture(classes[i]) {
		return false
	}
	for j := i + dir; j >= 0 && j < len(classes); j += dir {
		if classes[j] != short {
			return furniture(classes[j])
		}
	}
	return false
}

// furniture reports whether a unit of class c is evidence of the page's
// furniture.
func furniture(c class) bool { return c == bad || c == poor }

// footerCues mark the notice of copyright that ends a page, in the
// languages publish hyphenates, and Chinese and Japanese.
func footerCues() []string {
	return []string{"©", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
		"todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
		"alle rechten voorbehouden", "všechna práva vyhrazena", "版权所有", "著作権"}
}

// isFooter reports whether s is a page's notice of copyright: a short
// unit that holds one of footerCues. Past the article's last paragraph,
// what follows it is the page's footer.
func isFooter(s string) bool {
	if utf8.RuneCountInString(s) > maxFooterRunes {
		return false
	}
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "copyright") {
		return true
	}
	for _, c := range footerCues() {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// cjkRunes counts the Han, Hiragana and Katakana letters of s.
func cjkRunes(s string) int { return countRunes(s, isCJK) }

func isCJK(r rune) bool {
	// Below U+2E80 no letter is Han, Hiragana or Katakana: most text
	// needs no look at the tables.
	return r >= '\u2e80' && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// words returns the words of s in lower case, split at every character
// but letters and apostrophes.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
}

// countStopwords counts the function words among ws (see isStopword).
func countStopwords(ws []string) int {
	n := 0
	for _, w := range ws {
		if isStopword(w) {
			n++
		}
	}
	return n
}
