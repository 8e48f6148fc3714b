package plaintext

import (
	"strings"

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
	if len(p.a.Meta.Authors) == 0 && names >= 0 {
		p.addAuthor(bare(p.units[names].text))
		p.used[names] = true
	}
	if len(p.a.Meta.Authors) == 0 {
		p.signedByline(start)
	}
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
// for as the author's: a date stands within dateReach units of it, as a
// byline's does, or the page names the same person again in a longer
// unit (the bio under the article, "More by NAME", a picture's credit). A
// section's or a widget's name stands only in menus.
func (p *parser) vouchedFor(name string, i int) bool {
	for j := max(0, i-dateReach); j < min(len(p.units), i+dateReach+1); j++ {
		if _, ok := dates.ParseLine(p.units[j].text); ok {
			return true
		}
	}
	for j, u := range p.units {
		if j != i && strings.Contains(u.text, name) && len(strings.Fields(u.text)) >= mentionWords {
			return true
		}
	}
	return false
}

// A date vouches for a name printed alone within this many units of it;
// a mention of the name elsewhere must be a unit of this many words.
const (
	dateReach    = 3
	mentionWords = 8
)

// signedByline looks for a byline that says it is one ("By NAME", "Posted
// on DATE by NAME", "Par NAME") anywhere on the page, when none stood by
// the title: a page may sign its article under the text, or far above it
// beside the author's picture. Of several, the one nearest the article's
// start wins.
func (p *parser) signedByline(start int) {
	best, bestDist := -1, len(p.units)
	for i, u := range p.units {
		if p.used[i] {
			continue
		}
		if _, ok := cues.ParseSignedByline(u.text); !ok {
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
	if best >= 0 {
		p.byline(p.units[best].text)
		p.used[best] = true
	}
}
