package plaintext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
)

// Where the byline and date of a page stand: a few units above its title
// (a kicker's date) to a few below it, under the dek, or, with no title
// found, above the article's text.
const (
	metaAbove = 3
	metaBelow = 8
)

// headMeta looks for the byline and the date around the title, where
// pages print them, once the head has been read: a page's head often ends
// before its byline (a dek reads as prose), and its title may stand far
// down the page, past menus. The units it reads are marked used, so that
// the body leaves them out. A name printed alone under the title is the
// author when no byline names one.
func (p *parser) headMeta(start int) {
	at := p.titleAt
	if at < 0 {
		at = start - 1
	}
	if at < 0 {
		return
	}
	from, to := max(0, at-metaAbove), min(len(p.units), at+1+metaBelow)
	if start > at {
		to = min(to, start+1)
	}
	names := -1
	for i := from; i < to; i++ {
		if i == p.titleAt || p.used[i] {
			continue
		}
		t := p.units[i].text
		if p.metaLine(i) {
			continue
		}
		if isProse(t) {
			break
		}
		if names < 0 && i > p.titleAt && p.titleAt >= 0 && t != p.units[p.titleAt].text && isNameAlone(t) && p.vouchedFor(bare(t), i) {
			names = i
		}
	}
	// The lines right above the text, where a page far from its title
	// prints the byline and date.
	for i := max(to, start-metaAbove); i < start; i++ {
		if !p.used[i] && i != p.titleAt {
			p.metaLine(i)
		}
	}
	// A date its label announces inside a longer line: the scraper ran
	// the head's lines into one.
	for i := from; i < to && p.a.Meta.Date.IsZero(); i++ {
		if d, ok := dates.FindLabelled(p.units[i].text); ok && !p.used[i] {
			p.a.Meta.Date = d
		}
	}
	if len(p.a.Meta.Authors) == 0 && names >= 0 {
		p.addAuthor(bare(p.units[names].text))
		p.used[names] = true
	}
	if len(p.a.Meta.Authors) == 0 {
		p.signedByline(start)
	}
	if len(p.a.Meta.Authors) == 0 {
		p.stampedName(start)
	}
}

// stampedName takes as the author a name printed alone with a stamp
// (isStamp) right beside it, anywhere above the article's text: the
// author's box some pages print at the top, far from the title ("Ann
// Smith" over "14 min read"). Of several, the one nearest the text wins.
func (p *parser) stampedName(start int) {
	for i := min(start, len(p.units)) - 1; i >= 0; i-- {
		t := p.units[i].text
		if !p.used[i] && i != p.titleAt && isNameAlone(t) && p.stampNear(i, stampReach) {
			p.addAuthor(bare(t))
			p.used[i] = true
			return
		}
	}
}

// stampNear reports whether a stamp (isStamp) stands within reach units
// of unit i.
func (p *parser) stampNear(i, reach int) bool {
	for j := max(0, i-reach); j <= min(len(p.units)-1, i+reach); j++ {
		if j != i && isStamp(p.units[j].text) {
			return true
		}
	}
	return false
}

// metaLine reads unit i as the byline or the date when it is one and the
// article has none yet, marks it used, and reports whether it did.
func (p *parser) metaLine(i int) bool {
	t := p.units[i].text
	ok := len(p.a.Meta.Authors) == 0 && p.byline(t) || p.a.Meta.Date.IsZero() && p.dateLine(t)
	if ok {
		p.used[i] = true
	}
	return ok
}

// vouchedFor reports whether the name printed alone at unit i is vouched
// for as the author's: a stamp (isStamp) stands within dateReach units of
// it, as a byline's date does, or the page names the same person again in
// a longer unit (the bio under the article, "More by NAME", a picture's
// credit). A section's or a widget's name stands only in menus.
func (p *parser) vouchedFor(name string, i int) bool {
	if p.stampNear(i, dateReach) {
		return true
	}
	for j, u := range p.units {
		if j != i && strings.Contains(u.text, name) && len(strings.Fields(u.text)) >= mentionWords {
			return true
		}
	}
	return false
}

// isStamp reports whether s is what pages print beside an author's name: a
// date (dates.ParseLine), a time that names no day ("2 hours ago", "1:39
// PM ET", dates.IsVague) or the time the article takes to read ("14 min
// read").
func isStamp(s string) bool {
	s = cues.TrimLead(s)
	if _, ok := dates.ParseLine(s); ok {
		return true
	}
	return dates.IsVague(s) || isReadingTime(s)
}

// isReadingTime reports whether s is an article's reading time, as pages
// print it under the byline: "8 min read", "12 minute read".
func isReadingTime(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 3 || f[2] != "read" {
		return false
	}
	if _, err := strconv.Atoi(f[0]); err != nil {
		return false
	}
	switch f[1] {
	case "min", "mins", "minute", "minutes":
		return true
	}
	return false
}

// A date vouches for a name printed alone within this many units of it;
// a mention of the name elsewhere must be a unit of this many words.
const (
	dateReach    = 3
	mentionWords = 8
)

// A name far from the title is the author's only with a stamp this near
// it (stampedName).
const stampReach = 1

// signedByline looks for a byline that says it is one ("By NAME", "Posted
// on DATE by NAME", "Par NAME") anywhere on the page, when none stood by
// the title: a page may sign its article under the text, or far above it
// beside the author's picture. Of several, the one nearest the article's
// start wins. With none, a byline that dates its names ("NAME — DATE —
// Permalink") is the article's when it is the page's only one: a page's
// comments and its teasers of other stories print many.
func (p *parser) signedByline(start int) {
	best, bestDist := -1, len(p.units)
	dated, datedCount := -1, 0
	for i, u := range p.units {
		if p.used[i] {
			continue
		}
		if _, ok := cues.ParseSignedByline(u.text); !ok {
			if p.comments[i] {
				dated, datedCount = i, datedCount+1 // unsigned: ParseSignedByline failed
			}
			continue
		}
		dist := i - start
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 && datedCount == 1 {
		best = dated
	}
	if best < 0 {
		return
	}
	p.byline(p.units[best].text)
	p.used[best] = true
	// The byline's date stands beside it, on a line of its own.
	for _, j := range []int{best - 1, best + 1} {
		if j >= 0 && j < len(p.units) && !p.used[j] && p.a.Meta.Date.IsZero() && p.dateLine(p.units[j].text) {
			p.used[j] = true
		}
	}
}

// parseDatedByline reads s as a byline with both names and a date.
func parseDatedByline(s string) (cues.Byline, bool) {
	if utf8.RuneCountInString(s) > maxDatedByline || !dates.MayHoldDate(s) {
		return cues.Byline{}, false // no date: spare the parse
	}
	b, ok := cues.ParseByline(s)
	return b, ok && len(b.Authors) > 0 && !b.Date.IsZero()
}

// maxDatedByline is the longest line parseDatedByline parses.
const maxDatedByline = 100
