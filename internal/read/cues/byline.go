package cues

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/lazyre"
	"github.com/pressroom/publish/internal/read/dates"
)

// A Byline is what a byline line says: who wrote the article and, when the
// line carries it too, when.
type Byline struct {
	Authors []string
	Date    article.Date
	// Signed says a byline's word ("By", "Par", "Posted by") announced
	// the names: the line says it is a byline, wherever it stands.
	Signed bool
}

var (
	// "By" (byWords), perhaps after "Written" or "Posted".
	byPrefix = lazyre.New(`(?i)^(?:(?:written|posted|words|story|text|reporting)\s+)?(?:` + strings.Join(byWords(), "|") + `)[:\s]\s*`)
	// The English "By", which vouches for what follows as a byline, so that
	// a desk or an agency ("By Reuters") may stand for a name. The other
	// languages' words are also common words or surnames ("Von Anfang
	// an", "Di Maria"), and vouch for nothing: their names must look like
	// names.
	englishBy = lazyre.New(`(?i)^(?:(?:written|posted|words|story|text|reporting)\s+)?by[:\s]`)
	// A social-media handle beside a name: "@jdoe".
	handle = lazyre.New(`(?:^|\s)@\w+`)
	// A name run into what a page printed after it without a space, a
	// date and a count: "Ann Lee22 Dec 2016651".
	gluedDate = lazyre.New(`^(.*\pL)(\d{1,2}\.?\s+\pL{3,10}\.?,?\s+\d{4})\d*$`)
	// Degrees and suffixes that follow a name after a comma and belong to
	// it: "Ann Lee, MA".
	nameSuffix = lazyre.New(`^(?:MA|MS|MSc|MD|PhD|Ph\.D\.|MBA|MPH|RN|DO|JD|Jr\.?|Sr\.?|II|III|IV)$`)
	// What a page prints beside a byline that is no part of a name.
	bylineNoise = lazyre.New(`(?i)\s+(?:follow(?: author)?|staff)$`)
	// Job titles and desks that follow a name in a byline.
	bylineRole = lazyre.New(`(?i),?\s+(?:-\s+|—\s+)?(?:staff writer|staff reporter|senior (?:writer|reporter|editor|correspondent)|contributing (?:writer|editor)|correspondent|reporter|editor|columnist|contributor|for [A-Z].*|on .*|\(.*\))$`)
	jobTitle   = lazyre.New(`(?i)\b(?:engineer|writer|editor|reporter|correspondent|manager|director|professor|fellow|intern|developer|staff|contributor|columnist|analyst|researcher|scientist|designer|producer|officer|president|founder|ceo|cto)s?\b`)
	nameSplit  = lazyre.New(`\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+)\s*`)
)

// ParseByline reads a byline: "By NAME", "By NAME and NAME", "By NAME, NAME
// and NAME", "NAME | DATE", "By NAME, DATE", "By NAME DATE TIME", "NAME -
// DATE", "NAME DATE", "NAME • 8h", "DATE by NAME", "SITE | DATE | By NAME",
// "Posted by NAME, Software Engineer on ...", "By NAME, a ROLE ...", and a
// name printed twice, as an author widget prints its photo's label and the
// name. Bullets and image placeholders ("[photo] ") before it are ignored.
// It reports false for a line that is not one.
func ParseByline(line string) (Byline, bool) { return parseByline(line, false) }

// parseByline is ParseByline; signedOnly gives up on a line as soon as it
// cannot be a signed byline, as ParseSignedByline asks.
func parseByline(line string, signedOnly bool) (Byline, bool) {
	s := strings.TrimSpace(dates.PlainSpaces(line))
	if s == "" || utf8.RuneCountInString(s) > maxByline {
		return Byline{}, false
	}
	var b Byline
	if strings.Contains(s, "@") {
		s = strings.TrimSpace(handle().ReplaceAllString(s, ""))
	}
	s, alt := trimLead(s)
	s = trimFollow(s)
	if name, ok := twice(s, alt); ok {
		b.Authors = []string{name} // "Jane Doe Jane Doe", perhaps with "Follow"
		return b, true
	}
	if hasDigit(s) { // gluedDate wants a year
		if m := gluedDate().FindStringSubmatch(s); m != nil {
			if d, ok := dates.ParseLine(m[2]); ok && LooksLikeName(byPrefix().ReplaceAllString(m[1], "")) {
				b.Date, b.Signed = d, byPrefix().MatchString(m[1])
				return b.withNames(byPrefix().ReplaceAllString(m[1], ""), false)
			}
		}
	}
	if strings.Contains(s, "|") {
		return b.fields(s)
	}
	// DATE by NAME.
	if i := strings.Index(strings.ToLower(s), " by "); i > 0 {
		if d, ok := dates.ParseLine(s[:i]); ok {
			b.Date, b.Signed = d, true
			return b.withNames(s[i+len(" by "):], true)
		}
	}
	if !byPrefix().MatchString(s) {
		if signedOnly {
			return Byline{}, false // what follows is unsigned
		}
		// NAME - DATE, without a "By": the name must look like one, and
		// the date must end the line but for a count (of comments).
		for _, sep := range []string{" - ", " — ", " – ", " · ", " • ", " "} {
			name, d, ok := cutDate(s, sep, false)
			if sep == " " && d.IsZero() {
				continue // "Back To School": only a day vouches for a bare space
			}
			// An author widget's name, its photo's label and button before
			// the date: "Jane Doe Jane Doe Follow Oct 18, 2019".
			name = trimFollow(name)
			if once, ok := twice(name, ""); ok {
				name = once
			}
			if ok && LooksLikeName(name) && !HasFurnitureWord(name) {
				b.Date = d
				return b.withNames(name, false)
			}
		}
		return Byline{}, false
	}
	b.Signed = true
	explicit := englishBy().MatchString(s)
	s = byPrefix().ReplaceAllString(s, "")
	// "By Jane Doe, a deputy editor who …": who the author is, not a name.
	s = appositive().ReplaceAllString(s, "")
	// By NAME, DATE / By NAME - DATE / By NAME DATE.
	for _, sep := range []string{", ", " - ", " — ", " – ", " · ", " • ", " "} {
		if name, d, ok := cutDate(s, sep, explicit); ok {
			b.Date, s = d, name
			break
		}
	}
	return b.withNames(s, explicit)
}

// ParseSignedByline reads a line as ParseByline does, and reports true
// only for a byline that a byline's word announced (Signed). It looks for
// such a word first, in lines no longer than a byline can be, so that a
// page's every line can be tried cheaply.
func ParseSignedByline(line string) (Byline, bool) {
	if utf8.RuneCountInString(line) > maxByline || !hasByWord(line) {
		return Byline{}, false
	}
	b, ok := parseByline(line, true)
	return b, ok && b.Signed
}

// trimFollow removes trailingFollow from s, testing for the word first,
// since nearly every line lacks it.
func trimFollow(s string) string {
	const follow = "follow"
	if len(s) <= len(follow) || !strings.EqualFold(s[len(s)-len(follow):], follow) {
		return s
	}
	return trailingFollow().ReplaceAllString(s, "")
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// byWords are "by" in the languages publish hyphenates: English, French,
// German, Spanish and Portuguese, Italian, Dutch and Czech, and the
// "author" some pages print instead.
func byWords() []string {
	return []string{"by", "par", "von", "por", "di", "door", "od", "autor", "auteur"}
}

// hasByWord reports whether one of byWords is a word of s, in any case.
func hasByWord(s string) bool {
	bys := byWords()
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, by := range bys {
			if strings.EqualFold(w, by) {
				return true
			}
		}
	}
	return false
}

// maxByline is the longest line, in runes, ParseByline reads: room for a
// site's name, a date and its update and three authors, but not for prose.
const maxByline = 200

var (
	// What scrapers print before a line: a list's bullet ("- ", "• ",
	// "// "), or an image's placeholder holding its label, if any ("[]",
	// "[a3f9c2]", "[Jane Doe]").
	lead = lazyre.New(`^(?:[-*+•·□■▪►>/]+\s+|\[([^\[\]]{0,60})\]\s*)`)
	// "Follow", a button's label, printed after the names (and the date).
	trailingFollow = lazyre.New(`(?i)\s+follow$`)
	// A clause after a name that says who the author is: "By Jane Doe, a
	// deputy editor and author of …", in the byline words' languages. The
	// article is lower case, so that a name ("By Jane Doe, Una Roe") is
	// not taken for one.
	appositive = lazyre.New(`,\s+(?:a|an|the|un|une|ein|eine|uno|una|um|uma|een)\s.*$`)
	// Co-authors credited in parentheses after the author: "Jane Doe
	// (avec John Roe et Ann Lee)".
	coauthors = lazyre.New(`(?i)\s*\((?:with|avec|mit|con|com|met|s)\s+([^()]+)\)$`)
	// A run of capitalised words, a show's or desk's name ("Evening
	// News Desk"), that a page prints after a byline's date and time.
	label = lazyre.New(`^(?:\p{Lu}[\pL'’&.]*\s*){1,4}$`)
)

// TrimLead returns line without the bullets and image placeholders
// scrapers print before it ("• ", "[]", "[photo] "), so that what the line
// says can be read: "[img] Last Updated: January 7, 2025" is a date.
func TrimLead(line string) string {
	rest, _ := trimLead(line)
	return rest
}

// trimLead removes the bullets and image placeholders before a line, and
// returns the last placeholder's label.
func trimLead(s string) (rest, alt string) {
	for {
		m := lead().FindStringSubmatchIndex(s)
		if m == nil || m[1] == len(s) {
			return s, alt
		}
		if m[2] >= 0 {
			alt = strings.TrimSpace(s[m[2]:m[3]])
		}
		s = s[m[1]:]
	}
}

// twice reports the name that s prints twice ("Jane Doe Jane Doe"), or
// that s is and alt, the label of an image before it, repeats: an author
// box prints the name under the author's photo, whose label is the name
// again. A name alone is no byline; twice over it is the box's.
func twice(s, alt string) (string, bool) {
	if alt != "" && alt == s && LooksLikeName(s) && !HasFurnitureWord(s) {
		return s, true
	}
	words := strings.Fields(s)
	n := len(words)
	if n < 4 || n%2 != 0 {
		return "", false
	}
	for i := range n / 2 {
		if words[i] != words[n/2+i] {
			return "", false
		}
	}
	name := strings.Join(words[:n/2], " ")
	// "By Jane Doe By Jane Doe" is a byline twice, for the rest to read.
	return name, LooksLikeName(name) && !HasFurnitureWord(name) && !byPrefix().MatchString(name)
}

// fields reads a byline whose parts a page separates with bars: "NAME |
// DATE", "DATE | NAME", or, with a site's or section's name too, "SITE |
// DATE | By NAME". One part must be a date; with more than two, one must
// begin with "By" and the one other may be a short name.
func (b Byline) fields(s string) (Byline, bool) {
	var date bool
	var names, others []string
	for f := range strings.SplitSeq(s, "|") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if d, ok := dates.ParseLine(f); ok && !date {
			b.Date, date = d, true
			continue
		}
		if byPrefix().MatchString(f) {
			names = append(names, f)
			continue
		}
		others = append(others, f)
	}
	var name string
	switch {
	case !date:
		return Byline{}, false
	case len(names) == 0 && len(others) == 1:
		name = others[0]
	case len(names) == 1 && len(others) == 0:
		name, b.Signed = names[0], true
	case len(names) == 1 && len(others) == 1 && len(strings.Fields(others[0])) <= 4 && looksLikeOrg(others[0]):
		name, b.Signed = names[0], true
	default:
		return Byline{}, false
	}
	explicit := englishBy().MatchString(name)
	return b.withNames(byPrefix().ReplaceAllString(name, ""), explicit)
}

// cutDate finds the first sep in s after which the rest is a date, and
// returns what comes before it. The date may be followed by a count (of
// comments), or, when explicit (a "By" began the line), by a short label;
// a time that names no day ("8h", "March 18 at 3:57 PM") ends a byline
// too, and gives no date.
func cutDate(s, sep string, explicit bool) (string, article.Date, bool) {
	for i := 0; ; {
		j := strings.Index(s[i:], sep)
		if j < 0 {
			return "", article.Date{}, false
		}
		i += j
		if i > 0 {
			name, tail := strings.TrimSpace(s[:i]), s[i+len(sep):]
			// One parse of the tail in the common case, where no date
			// starts there; ParseLine, which parses it again, only when
			// one does.
			if d, rest, ok := dates.Cut(tail); ok {
				if whole, ok := dates.ParseLine(tail); ok {
					return name, whole, true // with its time, if it is RFC 3339
				}
				if explicit && label().MatchString(rest) || isLinkTail(rest) {
					return name, d, true
				}
			} else if dates.IsVague(tail) {
				return name, article.Date{}, true
			}
		}
		i += len(sep)
	}
}

// isLinkTail reports whether rest, what follows a byline's date, is a
// post's footer of short links between separators: "— in Code — Permalink
// — License". It must open with a separator, so that prose run on after
// a date is not taken for one.
func isLinkTail(rest string) bool {
	isSep := func(r rune) bool { return strings.ContainsRune("—–-|·•", r) }
	r, _ := utf8.DecodeRuneInString(rest)
	if !isSep(r) {
		return false
	}
	for _, piece := range strings.FieldsFunc(rest, isSep) {
		if n := len(strings.Fields(piece)); n == 0 || n > linkWords {
			return false
		}
	}
	return true
}

// A link in a post's footer (isLinkTail) has at most this many words.
const linkWords = 3

// HasFurnitureWord reports whether s holds a word of a site's furniture,
// which a line without "By" whose words are capitalised like a name's
// ("Next Story - May 18, 2018", "Updated On May 18, 2018", "Photo
// Gallery Photo Gallery") holds instead of one.
func HasFurnitureWord(s string) bool {
	for _, w := range strings.Fields(s) {
		switch strings.ToLower(w) {
		case "the", "next", "previous", "prev", "older", "newer", "story", "stories", "post", "posts", "article", "articles",
			"read", "more", "most", "related", "popular", "trending", "latest", "top", "comments", "share", "follow",
			"updated", "published", "posted", "on", "home", "page", "index", "chapter", "contents", "links", "promoted",
			"sponsored", "news", "video", "videos", "photo", "photos", "gallery", "social", "media", "search", "menu",
			"contact", "about", "login", "subscribe", "newsletter", "privacy", "terms", "policy", "sign", "join",
			"advertisement", "advertising", "ad", "ads", "remove", "choices":
			return true
		}
	}
	return false
}

// withNames splits s into author names. explicit says a "By" announced them,
// which lets single-word names ("By News Staff", "By Reuters") through.
func (b Byline) withNames(s string, explicit bool) (Byline, bool) {
	s = coauthors().ReplaceAllString(strings.TrimSpace(s), ", $1")
	s = bylineRole().ReplaceAllString(s, "")
	s = bylineNoise().ReplaceAllString(s, "")
	s = strings.Trim(s, " ,;-—")
	if s == "" {
		return Byline{}, false
	}
	for _, name := range nameSplit().Split(s, -1) {
		name = strings.Trim(name, " ,;")
		if !nameSuffix().MatchString(name) {
			name = strings.TrimRight(name, ".")
		}
		if name == "" {
			continue
		}
		if n := len(b.Authors); n > 0 && nameSuffix().MatchString(name) {
			b.Authors[n-1] += ", " + name // "Ann Lee, MA" is one person
			continue
		}
		if len(b.Authors) > 0 && jobTitle().MatchString(name) {
			break // "Jane Doe, Software Engineer on Google Play"
		}
		if !LooksLikeName(name) && !(explicit && looksLikeOrg(name)) {
			return Byline{}, false
		}
		b.Authors = append(b.Authors, name)
	}
	if len(b.Authors) == 0 {
		return Byline{}, false
	}
	return b, true
}

// LooksLikeName reports whether s could be a person's name as bylines print
// them: two to five words, each capitalised or a particle ("de", "van",
// "bin"), initials allowed ("Nelson D. Schwartz"), no digits, no URL.
func LooksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || strings.Contains(s, "://") || strings.Contains(s, "@") {
		return false
	}
	capitals := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case isParticle(w):
		case unicode.IsUpper(r):
			capitals++
		default:
			return false
		}
		for _, r := range w {
			if !(unicode.IsLetter(r) || r == '.' || r == '-' || r == '\'' || r == '’') {
				return false
			}
		}
		if abbreviated(w) {
			return false
		}
	}
	return capitals >= 2
}

// abbreviated reports whether w is a word cut short by a period that no
// name has: a name's periods close initials ("D.", "Ph.") and suffixes
// ("Jr."), but "Pop." or "Dept." close the labels of tables and menus.
func abbreviated(w string) bool {
	stem, ok := strings.CutSuffix(w, ".")
	if !ok || strings.Contains(stem, ".") || nameSuffix().MatchString(w) {
		return false
	}
	return utf8.RuneCountInString(stem) > 2
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "dos", "das", "y", "ten", "ter":
		return true
	}
	return false
}

// looksLikeOrg accepts the one- to four-word capitalised names of desks and
// agencies that bylines carry ("Reuters", "News Staff", "Science & Co").
func looksLikeOrg(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || strings.Contains(s, "://") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
