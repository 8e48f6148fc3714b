package cues

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
)

// A Byline is what a byline line says: who wrote the article and, when the
// line carries it too, when.
type Byline struct {
	Authors []string
	Date    article.Date
}

var (
	// "By", and its French, German, Spanish and Portuguese, Italian, Dutch
	// and Czech words.
	byPrefix = regexp.MustCompile(`(?i)^(?:(?:written|posted|words|story|text|reporting)\s+)?(?:by|par|von|por|di|door|od|autor|auteur)[:\s]\s*`)
	// The English "By", which vouches for what follows as a byline, so that
	// a desk or an agency ("By Reuters") may stand for a name. The other
	// languages' words are also common words or surnames ("Von Anfang
	// an", "Di Maria"), and vouch for nothing: their names must look like
	// names.
	englishBy = regexp.MustCompile(`(?i)^(?:(?:written|posted|words|story|text|reporting)\s+)?by[:\s]`)
	// A social-media handle beside a name: "@jdoe".
	handle = regexp.MustCompile(`(?:^|\s)@\w+`)
	// A name run into what a page printed after it without a space, a
	// date and a count: "Lucas Nolan22 Dec 2016651".
	gluedDate = regexp.MustCompile(`^(.*\pL)(\d{1,2}\.?\s+\pL{3,10}\.?,?\s+\d{4})\d*$`)
	// Degrees and suffixes that follow a name after a comma and belong to
	// it: "Brenda Goodman, MA".
	nameSuffix = regexp.MustCompile(`^(?:MA|MS|MSc|MD|PhD|Ph\.D\.|MBA|MPH|RN|DO|JD|Jr\.?|Sr\.?|II|III|IV)$`)
	// What a page prints beside a byline that is no part of a name.
	bylineNoise = regexp.MustCompile(`(?i)\s+(?:follow(?: author)?|staff)$`)
	// Job titles and desks that follow a name in a byline.
	bylineRole = regexp.MustCompile(`(?i),?\s+(?:-\s+|—\s+)?(?:staff writer|staff reporter|senior (?:writer|reporter|editor|correspondent)|contributing (?:writer|editor)|correspondent|reporter|editor|columnist|contributor|for [A-Z].*|on .*|\(.*\))$`)
	jobTitle   = regexp.MustCompile(`(?i)\b(?:engineer|writer|editor|reporter|correspondent|manager|director|professor|fellow|intern|developer|staff|contributor|columnist|analyst|researcher|scientist|designer|producer|officer|president|founder|ceo|cto)s?\b`)
	nameSplit  = regexp.MustCompile(`\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+)\s*`)
)

// ParseByline reads a byline: "By NAME", "By NAME and NAME", "By NAME, NAME
// and NAME", "NAME | DATE", "By NAME, DATE", "DATE by NAME", "Posted by NAME,
// Software Engineer on ...". It reports false for a line that is not one.
func ParseByline(line string) (Byline, bool) {
	s := strings.TrimSpace(line)
	if s == "" || utf8.RuneCountInString(s) > 120 {
		return Byline{}, false
	}
	var b Byline
	s = strings.TrimSpace(handle.ReplaceAllString(s, ""))
	if m := gluedDate.FindStringSubmatch(s); m != nil {
		if d, ok := dates.ParseLine(m[2]); ok && LooksLikeName(byPrefix.ReplaceAllString(m[1], "")) {
			b.Date = d
			return b.withNames(byPrefix.ReplaceAllString(m[1], ""), false)
		}
	}
	// NAME | DATE, or DATE | NAME.
	if left, right, ok := strings.Cut(s, "|"); ok {
		left, right = strings.TrimSpace(left), strings.TrimSpace(right)
		if d, ok := dates.ParseLine(right); ok {
			b.Date, s = d, left
		} else if d, ok := dates.ParseLine(left); ok {
			b.Date, s = d, right
		} else {
			return Byline{}, false
		}
		explicit := englishBy.MatchString(s)
		s = byPrefix.ReplaceAllString(s, "")
		return b.withNames(s, explicit)
	}
	// DATE by NAME.
	if i := strings.Index(strings.ToLower(s), " by "); i > 0 {
		if d, ok := dates.ParseLine(s[:i]); ok {
			b.Date = d
			return b.withNames(s[i+len(" by "):], true)
		}
	}
	if !byPrefix.MatchString(s) {
		// NAME - DATE, without a "By": the name must look like one.
		for _, sep := range []string{" - ", " — ", " – ", " · ", " • "} {
			if name, d, ok := cutDate(s, sep); ok && LooksLikeName(strings.TrimSpace(name)) {
				b.Date = d
				return b.withNames(name, false)
			}
		}
		return Byline{}, false
	}
	explicit := englishBy.MatchString(s)
	s = byPrefix.ReplaceAllString(s, "")
	// By NAME, DATE / By NAME - DATE.
	for _, sep := range []string{", ", " - ", " — ", " – ", " · ", " • ", " "} {
		if name, d, ok := cutDate(s, sep); ok {
			b.Date, s = d, name
			break
		}
	}
	return b.withNames(s, explicit)
}

// cutDate finds the first sep in s after which the rest is a date.
func cutDate(s, sep string) (string, article.Date, bool) {
	for i := 0; ; {
		j := strings.Index(s[i:], sep)
		if j < 0 {
			return "", article.Date{}, false
		}
		i += j
		if d, ok := dates.ParseLine(s[i+len(sep):]); ok && i > 0 {
			return s[:i], d, true
		}
		i += len(sep)
	}
}

// withNames splits s into author names. explicit says a "By" announced them,
// which lets single-word names ("By TMZ Staff", "By Reuters") through.
func (b Byline) withNames(s string, explicit bool) (Byline, bool) {
	s = bylineRole.ReplaceAllString(strings.TrimSpace(s), "")
	s = bylineNoise.ReplaceAllString(s, "")
	s = strings.Trim(s, " ,;-—")
	if s == "" {
		return Byline{}, false
	}
	for _, name := range nameSplit.Split(s, -1) {
		name = strings.Trim(name, " ,;")
		if !nameSuffix.MatchString(name) {
			name = strings.TrimRight(name, ".")
		}
		if name == "" {
			continue
		}
		if n := len(b.Authors); n > 0 && nameSuffix.MatchString(name) {
			b.Authors[n-1] += ", " + name // "Brenda Goodman, MA" is one person
			continue
		}
		if len(b.Authors) > 0 && jobTitle.MatchString(name) {
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
	}
	return capitals >= 2
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "dos", "das", "y", "ten", "ter":
		return true
	}
	return false
}

// looksLikeOrg accepts the one- to four-word capitalised names of desks and
// agencies that bylines carry ("Reuters", "TMZ Staff", "Mac & i").
func looksLikeOrg(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || strings.Contains(s, "://") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
