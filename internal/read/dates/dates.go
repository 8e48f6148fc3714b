// Package dates reads publication dates in the forms articles and their
// metadata give them, for every reader and the book manifest: Parse for the
// value of a metadata field (a web page's <meta> or JSON-LD, YAML front
// matter, a manifest, a flag), ParseLine for a line of scraped text that
// may be a date.
package dates

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/lazyre"
)

// A layout is a machine-readable form of a date; one with a zone gives a
// date with a time.
type layout struct {
	layout  string
	hasTime bool
}

// layouts are the forms of a metadata value besides RFC 3339: those pages
// give (ISO 8601 variants, RFC 1123 as in HTTP, compact numbers) and the
// looser ones of YAML's timestamp type. The list is made once, on first
// use: every line of a scraped text may be tried as a date.
var layouts = sync.OnceValue(func() []layout {
	return []layout{
		{time.RFC3339Nano, true},
		{"2006-01-02T15:04:05.999999999Z0700", true},
		{"2006-01-02T15:04Z07:00", true},
		{"2006-01-02 15:04:05.999999999Z07:00", true},
		{"2006-01-02 15:04:05.999999999 Z07:00", true},
		{"2006-01-02 15:04:05 -0700", true},
		{"2006-01-02 15:04:05.999999999 -07", true},
		{"2006-01-02 15:04Z07:00", true},
		{"2006-01-02 15:04 Z07:00", true},
		{time.RFC1123Z, true},
		{time.RFC1123, true},
		{"Mon, 2 Jan 2006 15:04:05 -0700", true},
		{"2006-01-02T15:04:05.999999999", false},
		{"2006-01-02 15:04:05.999999999", false},
		{"2006-01-02T15:04", false},
		{"2006-01-02 15:04", false},
		{"2006/01/02", false},
		{"20060102", false},
	}
})

// isoDayTime matches an ISO 8601 day followed by a clock time without a
// zone, in the forms the layouts miss (a one-digit hour, a lower-case t).
var isoDayTime = lazyre.New(`^(\d{4}-\d{2}-\d{2})[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$`)

// Parse reads the value of a metadata field: RFC 3339 and the other ISO
// 8601 forms with and without a time and zone, YAML timestamps, RFC 1123,
// "2006/01/02" and "20060102", and every form ParseLine reads. A clock time
// without a zone is kept to the day, since it is the site's own in a zone
// nobody named. It reports false for anything else.
func Parse(s string) (article.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return article.Date{}, false
	}
	for _, l := range layouts() {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if !l.hasTime || !knownZone(t) {
			return article.Day(t.Year(), t.Month(), t.Day()), true
		}
		return article.Date{Time: t, HasTime: true}, true
	}
	if m := isoDayTime().FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	return ParseLine(s)
}

// knownZone reports whether t's offset is real. Given a zone abbreviation
// it does not know ("EST" where the machine's zone is not American),
// time.Parse makes up a zone of that name at UTC, which would misplace the
// moment by hours.
func knownZone(t time.Time) bool {
	name, offset := t.Zone()
	return offset != 0 || name == "" || name == "UTC" || name == "GMT" || name == "UT"
}

var (
	// "Published", "Updated on", "Publié le", "Veröffentlicht am" and the
	// like before a date, in the languages publish hyphenates, and in
	// Chinese, Japanese and Korean ("发布时间：", "公開日:", "입력").
	datePrefix = lazyre.New(`(?i)^(?:(?:(?:first |last )?(?:published|updated|posted|modified|written|dated?)(?: on)?|on|publié(?: le)?|mis à jour(?: le)?|le|veröffentlicht(?: am)?|aktualisiert(?: am)?|am|publicado(?: el| em| en)?|actualizado(?: el)?|atualizado(?: em)?|el|em|pubblicato(?: il)?|aggiornato(?: il)?|il|gepubliceerd(?: op)?|op|publikováno|aktualizováno)\s*:?\s+|(?:发稿时间|发布时间|发表时间|更新时间|时间|日期|公開日|投稿日|更新日|입력|작성일|수정)\s*[：:]?\s*)`)
	// The labels of datePrefix that say a date is the publication's, found
	// anywhere in a line (FindLabelled).
	dateLabel = lazyre.New(`(?i)\b(?:published|posted|updated|publié|veröffentlicht|publicado|pubblicato|gepubliceerd|publikováno)\b`)
	// "Monday," before a date, in the languages publish hyphenates.
	weekday = lazyre.New(`(?i)^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta)(?:-feira)?\.?,?\s+`)
	// A clock time and zone after a date: "at 3:04 p.m. ET", "10:15 AM
	// PST", ": 12:41 PM ET", "| 07:17", "à 07:19", "às 12h55", "um 10:15
	// Uhr", "a las 10:15". The zone is upper case, so that the word after
	// a time ("3:46 PM Good …") is not taken for one.
	clockTime = lazyre.New(`(?i)^(?:[,:]|\bat\b|\|\s*|à|às|um|a las|alle|om|v)?\s*(\d{1,2})[:h](\d{2})(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*(?-i:[A-Z]{2,4})\b)?`)
	// What may follow a date after a middle dot or bullet: "· 8 min read",
	// "• Updated …": the page's furniture, not part of the date.
	dotTail = lazyre.New(`^[·•]`)
	// A second date after the first, that of an update: "/ Updated Dec. 7,
	// 2024", "Updated April 29, 2019 at 3:33 pm", "| Mis à jour le …".
	updateTail = lazyre.New(`(?i)^[/|–—-]?\s*(?:last\s+)?(?:updated|modified|edited|mis à jour|aktualisiert|geändert|actualizado|atualizado|aggiornato|bijgewerkt|aktualizováno)\b`)

	monthFirst = lazyre.New(`^(\pL{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// "18 May 2018", "5. Mai 2015", "30 avril 2015", "10 de marzo de
	// 2015", "21.dez.2018".
	dayFirst = lazyre.New(`^(\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?(\pL{3,10}\.?)(?:,?\s+|\.|\s+de\s+)(\d{4})\b`)
	isoDate  = lazyre.New(`^(\d{4})-(\d{2})-(\d{2})\b`)
	// Month first with slashes, as America writes it: "5/18/2018",
	// "9/11/13".
	usNumeric = lazyre.New(`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	// Day first with dots, as Europe writes it: "04.05.2015", "11.03.17";
	// or month first, as some American sites do, where only that makes a
	// day: "10.15.15".
	dotted = lazyre.New(`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b`)
	// Chinese and Japanese "2015年3月10日", Korean "2015년 3월 10일".
	cjkDate = lazyre.New(`^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)
)

// ParseLine reads a line that is a date and nothing else, in the forms
// sites print: "May 18, 2018", "Sept. 25, 2018", "18 May 2018",
// "2018-05-18", "5/18/2018" and "9/11/13" (month first), "04.05.2015" and
// "11.03.17" (day first, unless only month first makes a day, as in
// "10.15.15"), "30 avril 2015", "10 de marzo de 2015", "2015年3月10日", full
// RFC 3339, with month and weekday names in the languages monthNames lists,
// each optionally after "Published", "Publié le" and the like and a
// weekday, and before a clock time ("at 3:04 p.m. ET", "à 07:19"), a tail
// after a middle dot ("· 8 min read"), the date of an update ("/ Updated
// Dec. 7, 2024") or a count of comments ("March 9, 2017 13"), which it
// ignores. It reports false for anything else, so
// a sentence that merely mentions a date is never taken for one, nor a
// number such as 20180518 that metadata would give, nor a relative time
// ("3 hours ago"), which names no day.
func ParseLine(line string) (article.Date, bool) {
	s := strings.TrimSpace(line)
	if len(s) > 80 || !hasDigit(s) {
		return article.Date{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return article.Date{Time: t, HasTime: true}, true
	}
	d, rest, ok := Cut(s)
	if !ok || !furniture(rest, true) {
		return article.Date{}, false
	}
	return d, true
}

// Cut reads the date a line begins with, after any "Published" and
// weekday, together with the clock time that may follow it, as ParseLine
// does, and returns what is left of the line, trimmed. It is for lines in
// which a date is one part among others, such as a byline's; the caller
// judges the rest.
func Cut(line string) (d article.Date, rest string, ok bool) {
	if !hasDigit(line) {
		return article.Date{}, "", false // every form has one, so a line without is spared the patterns
	}
	s := strings.TrimSpace(PlainSpaces(line))
	s = datePrefix().ReplaceAllString(s, "")
	s = weekday().ReplaceAllString(s, "")
	d, rest, ok = leadingDate(s)
	if !ok {
		return article.Date{}, "", false
	}
	rest = strings.TrimSpace(rest)
	if m := clockTime().FindStringIndex(rest); m != nil {
		// The clock time is printed in the site's own zone, which the line
		// rarely names in a form Go can resolve: keep the day only.
		rest = rest[m[1]:]
	}
	return d, strings.TrimSpace(rest), true
}

// hasDigit reports whether s holds an ASCII digit, which every date
// leadingDate reads has (\d is ASCII in Go's patterns).
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// MayHoldDate reports whether s may hold a date that Parse, ParseLine or
// Cut reads: it has a run of four digits (a year) or three runs of digits
// joined by dots or slashes ("11.03.17", "9/11/13"). It is cheap, so a
// caller can spare those parses on the lines of a page that hold none.
func MayHoldDate(s string) bool {
	run, runs := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			run++
			if run == 4 {
				return true
			}
			continue
		case run > 0 && (c == '.' || c == '/'):
			runs++
			if runs == 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				return true
			}
		default:
			runs = 0
		}
		run = 0
	}
	return false
}

// FindLabelled finds, anywhere in line, a date a label announces
// ("Published on: May 18, 2018", "Updated 5 May 2015", "Publié le 30
// avril 2015") and returns it: a scraper may run a page's head into one
// line, the date among the title and the reading time. An unlabelled date
// in running text is no publication's, and is not found.
func FindLabelled(line string) (article.Date, bool) {
	s := PlainSpaces(line)
	for _, m := range dateLabel().FindAllStringIndex(s, -1) {
		if d, _, ok := Cut(s[m[0]:]); ok {
			return d, true
		}
	}
	return article.Date{}, false
}

// PlainSpaces returns s with the no-break and thin spaces pages put
// inside dates and bylines ("Dec. 6, 2024,\u00a010:00 PM") made plain
// ones, which a pattern's \s matches.
func PlainSpaces(s string) string { return plainSpaces.Replace(s) }

var plainSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// furniture reports whether rest, what follows a date on its line, is the
// page's furniture around it: nothing, a separator left dangling ("Jun 7,
// 2023, 8:54 PM UTC|"), a tail after a middle dot or bullet, or, when
// again is true, the date of an update.
func furniture(rest string, again bool) bool {
	rest = strings.TrimRight(rest, " |/")
	switch {
	case rest == "" || dotTail().MatchString(rest):
		return true
	case len(rest) <= 6 && strings.Trim(rest, "0123456789") == "":
		return true // a count of comments or shares: "March 9, 2017 13"
	case again && updateTail().MatchString(rest):
		// "/ Updated Dec. 7, 2024, 12:43 PM UTC": the second date must be
		// one too, but the first is the publication's.
		rest = strings.TrimLeft(rest, "/|–—- ")
		_, tail, ok := Cut(rest)
		return ok && furniture(tail, false)
	}
	return false
}

// leadingDate parses a date at the start of s and returns the rest.
func leadingDate(s string) (article.Date, string, bool) {
	if m := isoDate().FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		day, _ := strconv.Atoi(s[m[6]:m[7]])
		d, ok := validDay(y, mo, day)
		return d, s[m[1]:], ok
	}
	if m := monthFirst().FindStringSubmatchIndex(s); m != nil {
		mo, ok := monthNumber(s[m[2]:m[3]])
		if !ok {
			return article.Date{}, "", false
		}
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		d, ok := validDay(y, int(mo), day)
		return d, s[m[1]:], ok
	}
	if m := dayFirst().FindStringSubmatchIndex(s); m != nil {
		mo, ok := monthNumber(s[m[4]:m[5]])
		if !ok {
			return article.Date{}, "", false
		}
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		d, ok := validDay(y, int(mo), day)
		return d, s[m[1]:], ok
	}
	if m := dotted().FindStringSubmatchIndex(s); m != nil {
		day, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		y = fullYear(y, m[7]-m[6])
		d, ok := validDay(y, mo, day)
		if !ok {
			// "10.15.15": month first is the one reading that makes a day.
			d, ok = validDay(y, day, mo)
		}
		return d, s[m[1]:], ok
	}
	if m := cjkDate().FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		day, _ := strconv.Atoi(s[m[6]:m[7]])
		d, ok := validDay(y, mo, day)
		return d, s[m[1]:], ok
	}
	if m := usNumeric().FindStringSubmatchIndex(s); m != nil {
		mo, _ := strconv.Atoi(s[m[2]:m[3]])
		day, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		d, ok := validDay(fullYear(y, m[7]-m[6]), mo, day)
		return d, s[m[1]:], ok
	}
	return article.Date{}, "", false
}

// fullYear makes a year printed with two digits, as in "11.03.17", one of
// this century: a page's own date is.
func fullYear(y, digits int) int {
	if digits == 2 {
		return y + 2000
	}
	return y
}

// monthNames lists each month's names in the languages publish hyphenates:
// English, French, German, Spanish, Portuguese, Italian, Dutch, and Czech
// in the genitive that dates use.
var monthNames = sync.OnceValue(func() [12][]string {
	return [12][]string{
		{"january", "janvier", "januar", "jänner", "enero", "janeiro", "gennaio", "januari", "ledna"},
		{"february", "février", "fevrier", "februar", "febrero", "fevereiro", "febbraio", "februari", "února"},
		{"march", "mars", "märz", "marzo", "março", "maart", "března"},
		{"april", "avril", "abril", "aprile", "dubna"},
		{"may", "mai", "mayo", "maio", "maggio", "mei", "května"},
		{"june", "juin", "juni", "junio", "junho", "giugno", "června"},
		{"july", "juillet", "juli", "julio", "julho", "luglio", "července"},
		{"august", "août", "aout", "agosto", "augustus", "srpna"},
		{"september", "septembre", "septiembre", "setembro", "settembre", "září"},
		{"october", "octobre", "oktober", "octubre", "outubro", "ottobre", "října"},
		{"november", "novembre", "noviembre", "novembro", "listopadu"},
		{"december", "décembre", "decembre", "dezember", "diciembre", "dezembro", "dicembre", "prosince"},
	}
})

// monthNumber maps a month's name in the languages publish hyphenates, or its
// abbreviation to three letters or more ("Sept.", "janv.", "dez."), to its
// number. An abbreviation must be a month's alone: "ma" could be March or
// May, and is refused by the three-letter minimum.
func monthNumber(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if utf8.RuneCountInString(s) < 3 {
		return 0, false
	}
	found := time.Month(0)
	for i, names := range monthNames() {
		for _, name := range names {
			if s == name {
				return time.Month(i + 1), true
			}
			if strings.HasPrefix(name, s) {
				if found != 0 && found != time.Month(i+1) {
					return 0, false // the prefix of two months' names
				}
				found = time.Month(i + 1)
			}
		}
	}
	return found, found != 0
}

// validDay returns the day y-m-d, or false when there is no such day.
func validDay(y, m, d int) (article.Date, bool) {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return article.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // February 30th rolls over
		return article.Date{}, false
	}
	return article.Date{Time: t}, true
}

var (
	// A relative time as pages print it beside a byline, in the languages
	// publish hyphenates: "8h", "5 min", "3 hours ago", "an hour ago",
	// "il y a 2 heures", "vor 3 Stunden", "hace 2 horas", "há 2 horas",
	// "2 ore fa", "3 uur geleden", "před 21 minutami", "yesterday". The
	// letters are matched outside (?i): they fold to letters, and folding
	// the class would cost more to compile than the rest.
	relative = lazyre.New(`(?i)^(?:\d{1,3}\s*(?:s|m|mins?|h|hrs?|d|w|mo|y|yrs?)|(?:about\s+)?(?:\d{1,3}|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|(?:il y a|vor|hace|há|před)\s+\d{1,3}\s+(?-i:\pL+)|\d{1,3}\s+(?-i:\pL+)\s+(?:fa|geleden)|just now|yesterday|today|hier|aujourd'hui|gestern|heute|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag|včera|dnes)\.?$`)
	// A day without a year: "March 18", "18 March", "18. März".
	monthFirstNoYear = lazyre.New(`^(\pL{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	dayFirstNoYear   = lazyre.New(`^(\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?(\pL{3,10})\b\.?`)
)

// IsVague reports whether line is a time a page prints that names no day
// ParseLine could return: a relative one ("8h", "3 hours ago", "před 21
// minutami"), a day without its year ("March 18 at 3:57 PM") or a clock
// time alone ("1:39 PM ET"), each optionally after "Published" and the
// like. A byline may end in one.
func IsVague(line string) bool {
	s := strings.TrimSpace(PlainSpaces(line))
	if len(s) > 40 {
		return false
	}
	if relative().MatchString(s) {
		return true // before the prefixes: "il y a" begins with Italian "il"
	}
	s = datePrefix().ReplaceAllString(s, "")
	s = weekday().ReplaceAllString(s, "")
	if relative().MatchString(s) {
		return true
	}
	if c := clockTime().FindStringIndex(s); c != nil && c[1] == len(s) {
		return true
	}
	var mo string
	var m []int
	if m = monthFirstNoYear().FindStringSubmatchIndex(s); m != nil {
		mo = s[m[2]:m[3]]
	} else if m = dayFirstNoYear().FindStringSubmatchIndex(s); m != nil {
		mo = s[m[4]:m[5]]
	} else {
		return false
	}
	if _, ok := monthNumber(mo); !ok {
		return false
	}
	rest := strings.TrimSpace(s[m[1]:])
	if c := clockTime().FindStringIndex(rest); c != nil {
		rest = rest[c[1]:]
	}
	return strings.TrimSpace(rest) == ""
}
