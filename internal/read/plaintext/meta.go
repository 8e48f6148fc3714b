package plaintext

import (
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
		if isProse(t) {
			break
		}
		if len(p.a.Meta.Authors) == 0 {
			if b, ok := cues.ParseByline(t); ok {
				for _, name := range b.Authors {
					p.addAuthor(name)
				}
				if p.a.Meta.Date.IsZero() {
					p.a.Meta.Date = b.Date
				}
				p.used[i] = true
				continue
			}
		}
		if p.a.Meta.Date.IsZero() {
			if d, ok := dates.ParseLine(t); ok {
				p.a.Meta.Date = d
				p.used[i] = true
				continue
			}
		}
		if names < 0 && i > p.titleAt && p.titleAt >= 0 && t != p.units[p.titleAt].text && isNameAlone(t) {
			names = i
		}
	}
	if len(p.a.Meta.Authors) == 0 && names >= 0 {
		p.addAuthor(bare(p.units[names].text))
		p.used[names] = true
	}
}
