package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
)

// Limits that tell a line of furniture from prose.
const (
	// A unit this long, or of two sentences or more, is body text.
	proseRunes = 200
	// The head is at most this many units: past it, short lines are the
	// body's (a poem, a list), not the page's furniture.
	maxHead = 16
	// A heading has at most this many words.
	headingWords = 14
)

type parser struct {
	a     *article.Article
	units []unit
	// classes is each unit's class (classify, smooth), and core the
	// article's text among them (see core), each judged once.
	classes []class
	core    span
	// comments marks the units that are comments' bylines
	// (commentBylines), parsed once.
	comments []bool
	// titleAt is the index of the unit findTitle took as the title, or -1.
	titleAt int
	// used marks the units read as metadata (headMeta), which the body
	// leaves out.
	used []bool
}

func (p *parser) parse() {
	if len(p.units) == 0 {
		return
	}
	bodyStart := p.bodyStart()
	seen := repeats(p.units)
	p.classes = classifyAll(p.units)
	p.comments = commentBylines(p.units)
	p.core = core(p.units, p.classes, p.comments, seen)
	start := articleStart(p.units, p.core)
	p.titleAt = findTitle(p.units, start, seen)
	p.used = make([]bool, len(p.units))
	leftover := p.head(p.units[:bodyStart])
	if p.titleAt >= bodyStart {
		// The head ended before the title: the page's furniture has a
		// line that reads as a sentence.
		p.a.Meta.Title = p.units[p.titleAt].text
	}
	if p.a.Meta.Title == "" {
		if t := titleWithin(p.units, start, seen); t >= 0 {
			p.titleAt = t
			p.a.Meta.Title = p.units[t].text
		}
	}
	p.joinLeadIn()
	p.headMeta(start)
	end := p.tail(bodyStart)
	p.body(leftover, p.units[bodyStart:end])
}

// joinLeadIn joins to the title the line over it when that line leads
// into it with a colon: a headline broken in two after its colon, as a
// page sets a series' name over an episode's ("The Open River
// Project:" over "Better Bridges for All").
func (p *parser) joinLeadIn() {
	at := p.titleAt
	if at < 1 || p.a.Meta.Title != p.units[at].text {
		return
	}
	prev := p.units[at-1].text
	if !strings.HasSuffix(prev, ":") || len(strings.Fields(prev)) > leadInWords || !isTitleShaped(strings.TrimSuffix(prev, ":")) {
		return
	}
	p.a.Meta.Title = prev + " " + p.a.Meta.Title
	p.used[at-1] = true
}

// A line that leads into the title has at most this many words.
const leadInWords = 6

// bodyStart returns the index of the first unit of the body: everything
// before it is the head. The body starts at the first unit of prose, or at a
// one-sentence paragraph unless it is the dek under a title line.
func (p *parser) bodyStart() int {
	title, dek := false, false
	for i, u := range p.units {
		if i >= maxHead {
			break
		}
		switch {
		case isProse(u.text):
			return i
		case cues.IsDebris(u.text):
		case isSentence(u.text):
			if !title || dek {
				return i
			}
			dek = true
		default:
			if _, _, ok := cues.ParseCredit(u.text); !ok {
				title = true
			}
		}
	}
	// No prose near the top: take only what is plainly furniture (a title
	// line over a body of short paragraphs).
	if len(p.units) > 1 && !isSentence(p.units[0].text) {
		return 1
	}
	return 0
}

// isSentence reports whether s reads as a sentence of text: long enough,
// closed by sentence punctuation (perhaps inside a quotation mark).
func isSentence(s string) bool {
	return utf8.RuneCountInString(s) >= 60 && endsSentence(strings.TrimRight(s, `"”’)`))
}

// isProse reports whether s reads as a paragraph of body text rather than a
// title, dek or label.
func isProse(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= proseRunes || (n >= 80 && sentences(s) >= 2)
}

// sentences counts sentence ends: ". ", "! ", "? " followed by a capital,
// and the end of the text.
func sentences(s string) int {
	count := 0
	rs := []rune(s)
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' && r != '。' {
			continue
		}
		if i == len(rs)-1 {
			count++
			continue
		}
		if i+2 < len(rs) && rs[i+1] == ' ' && startsSentence(rs[i+2]) {
			count++
		}
	}
	return count
}

// startsSentence reports whether r can open a sentence: a capital, an
// opening quote, or a letter of a script without case (Korean, Chinese).
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || r == '“' || r == '"' || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// candidate is a head line not yet known to be title, section or dek.
type candidate struct {
	text  string
	first int // position of its first occurrence among the head units
	count int
}

// head reads the units before the body. It returns the units it could not
// place, which join the body so that no word is lost.
func (p *parser) head(units []unit) []unit {
	var cands []*candidate
	byText := map[string]*candidate{}
	for i, u := range units {
		if cues.IsDebris(u.text) {
			continue
		}
		if caption, credit, ok := cues.ParseCredit(u.text); ok {
			p.addCredit(credit)
			if i > 0 && units[i-1].block == u.block && units[i-1].alone && (caption == "" || !endsSentence(units[i-1].text)) {
				// The caption stands over its credit, or begins there: a
				// caption broken across lines.
				if c := byText[units[i-1].text]; c != nil {
					// It was counted as a candidate line; it is the caption.
					c.count--
				}
				caption = strings.TrimSpace(units[i-1].text + " " + caption)
			}
			p.leadImage(caption, credit)
			continue
		}
		if p.byline(u.text) {
			continue
		}
		if p.dateLine(u.text) {
			continue
		}
		if c := byText[u.text]; c != nil {
			c.count++
			continue
		}
		c := &candidate{text: u.text, first: i, count: 1}
		byText[u.text] = c
		cands = append(cands, c)
	}
	title := chooseTitle(cands)
	switch {
	case p.titleAt >= len(units):
		title = nil // the title is past the head
	case p.titleAt >= 0:
		title = byText[units[p.titleAt].text]
	}
	if title != nil {
		p.a.Meta.Title = title.text
	}
	// A caption that only repeats the title is not body text.
	if img := p.a.Meta.LeadImage; img != nil && title != nil && img.Caption.String() == title.text {
		img.Caption = nil
	}
	var leftover []unit
	for _, c := range cands {
		switch {
		case c == title || c.count <= 0:
		case title != nil && c.first < title.first && p.a.Meta.Section == "" && isLabel(c.text):
			p.a.Meta.Section = c.text
		case title != nil && c.first > title.first && p.a.Meta.Subtitle == "" && len(strings.Fields(c.text)) >= 5:
			p.a.Meta.Subtitle = c.text
		case title == nil && p.a.Meta.Subtitle == "" && isDek(c.text):
			p.a.Meta.Subtitle = c.text
		default:
			leftover = append(leftover, unit{text: c.text, block: -1, at: c.first})
		}
	}
	return leftover
}

// chooseTitle picks the title among the head's candidate lines: the line a
// page repeats most (the title stands in the page's <title>, its heading and
// its share widgets), the longer one on a tie; with no repetition, the first
// line shaped as a title (isTitleShaped), not a menu's or a placeholder's.
func chooseTitle(cands []*candidate) *candidate {
	var best *candidate
	for _, c := range cands {
		if c.count < 2 || isSentence(c.text) {
			continue
		}
		if best == nil || c.count > best.count || c.count == best.count && len(c.text) > len(best.text) {
			best = c
		}
	}
	if best != nil {
		return best
	}
	for _, c := range cands {
		if c.count > 0 && !isDek(c.text) && isTitleShaped(c.text) {
			return c
		}
	}
	return nil
}

// isLabel reports whether s is a short name such as a section or kicker:
// at most five words, no sentence punctuation at its end.
func isLabel(s string) bool {
	return len(strings.Fields(s)) <= 5 && utf8.RuneCountInString(s) <= 40 && !endsSentence(s)
}

// isDek reports whether a head line reads as a standfirst rather than a
// title: a full sentence of some length, closed by a period.
func isDek(s string) bool {
	return len(strings.Fields(s)) >= 12 && strings.HasSuffix(s, ".")
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;,…", r)
}

// byline records the authors (and date) of a byline line.
func (p *parser) byline(s string) bool {
	b, ok := cues.ParseByline(s)
	if !ok {
		return false
	}
	for _, name := range b.Authors {
		p.addAuthor(name)
	}
	if p.a.Meta.Date.IsZero() {
		p.a.Meta.Date = b.Date
	}
	return true
}

// dateLine records the date of a line that is a date and nothing else,
// unless the article has one, and reports whether the line is one.
func (p *parser) dateLine(s string) bool {
	d, ok := dates.ParseLine(cues.TrimLead(s))
	if ok && p.a.Meta.Date.IsZero() {
		p.a.Meta.Date = d
	}
	return ok
}

func (p *parser) addAuthor(name string) *article.Person {
	for i := range p.a.Meta.Authors {
		if sameName(p.a.Meta.Authors[i].Name, name) {
			return &p.a.Meta.Authors[i]
		}
	}
	p.a.Meta.Authors = append(p.a.Meta.Authors, article.Person{Name: name})
	return &p.a.Meta.Authors[len(p.a.Meta.Authors)-1]
}

// sameName compares names loosely: a bio says "Jane Q. Doe" where the
// byline said "Jane Doe".
func sameName(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	return len(fa) > 1 && len(fb) > 1 && strings.EqualFold(fa[0], fb[0]) && strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1])
}

func (p *parser) addCredit(c article.Credit) {
	for _, have := range p.a.Credits {
		if have.Role == c.Role && have.Text == c.Text {
			return
		}
	}
	p.a.Credits = append(p.a.Credits, c)
}

// leadImage records the first captioned or credited picture in the head as
// the lead image. The scraped text carries no picture, only its words.
func (p *parser) leadImage(caption string, credit article.Credit) {
	if p.a.Meta.LeadImage != nil {
		return
	}
	p.a.Meta.LeadImage = &article.Image{Caption: article.Plain(caption), Credit: credit.Text}
}

// tail reads the author bio and disclaimers at the end of the text and
// returns where the body ends.
func (p *parser) tail(bodyStart int) int {
	end := len(p.units)
	var notes []string // disclaimers after the bio, in reading order
	for end > bodyStart && len(p.units)-end < 3 {
		u := p.units[end-1].text
		if cues.IsDebris(u) {
			end--
			continue
		}
		if cues.IsDisclaimer(u) {
			notes = append([]string{u}, notes...)
			end--
			continue
		}
		if name, ok := cues.BioName(u); ok && p.acceptBio(name) {
			text := strings.Join(append([]string{u}, notes...), " ")
			author := p.addAuthor(name)
			author.Bio = text
			p.addCredit(article.Credit{Role: article.RoleAuthorBio, Text: text, Name: author.Name})
			return end - 1
		}
		break
	}
	if len(notes) > 0 {
		// A disclaimer with no bio before it is still the author's note,
		// not the article.
		p.addCredit(article.Credit{Role: article.RoleAuthorBio, Text: strings.Join(notes, " ")})
	}
	return end
}

// acceptBio decides whether a closing "NAME is a ..." paragraph is a bio:
// it must name a byline author when there is a byline; without one, the
// paragraph's place at the very end is the evidence.
func (p *parser) acceptBio(name string) bool {
	if len(p.a.Meta.Authors) == 0 {
		return true
	}
	for _, a := range p.a.Meta.Authors {
		if sameName(a.Name, name) {
			return true
		}
	}
	return false
}

// body turns the remaining units into blocks, leaving out the page's
// furniture around the article (articleUnits). The article's title is the
// unit findTitle found, or a line that repeats the title the head found.
func (p *parser) body(leftover, units []unit) {
	all := append(leftover, units...)
	keep := articleUnits(p.units, p.classes, p.comments, p.core, func(i int) bool {
		return i == p.titleAt || p.a.Meta.Title != "" && strings.Trim(p.units[i].text, "[]") == p.a.Meta.Title
	})
	for i, u := range all {
		switch {
		case p.used[u.at]:
			continue // read as the byline or the date
		case !keep[u.at]:
			continue // the page's furniture around the article
		case cues.IsDebris(u.text):
			continue
		case u.at == p.titleAt:
			continue // the title findTitle found past the head
		case u.text == p.a.Meta.Title && u.block >= 0 && (i < 3 || p.titleAt >= 0 && u.at > p.titleAt && u.at <= p.titleAt+headReach):
			continue // the title once more, above the first paragraph
		}
		if caption, credit, ok := cues.ParseCredit(u.text); ok {
			p.addCredit(credit)
			if caption == "" && i > 0 && all[i-1].block == u.block && u.block >= 0 && all[i-1].alone {
				// The line above was emitted as a paragraph: it is the caption.
				if last, ok := p.lastParagraph(all[i-1].text); ok {
					p.a.Body = p.a.Body[:len(p.a.Body)-1]
					caption = last
				}
			}
			if caption == p.a.Meta.Title {
				caption = ""
			}
			p.a.Body = append(p.a.Body, &article.Figure{Image: article.Image{Caption: article.Plain(caption), Credit: credit.Text}})
			continue
		}
		if i < 4 && p.byline(u.text) {
			continue
		}
		if d, ok := dates.ParseLine(u.text); ok && i < 4 && p.a.Meta.Date.IsZero() {
			p.a.Meta.Date = d
			continue
		}
		if isHeading(all, i) {
			p.a.Body = append(p.a.Body, &article.Heading{Level: 2, Text: article.Plain(u.text)})
			continue
		}
		p.a.Body = append(p.a.Body, &article.Paragraph{Text: article.Plain(u.text)})
	}
}

// lastParagraph reports whether the body's last block is a paragraph of
// exactly text, and returns its text.
func (p *parser) lastParagraph(text string) (string, bool) {
	if len(p.a.Body) == 0 {
		return "", false
	}
	para, ok := p.a.Body[len(p.a.Body)-1].(*article.Paragraph)
	if !ok || para.Text.String() != text {
		return "", false
	}
	return text, true
}

// isHeading reports whether unit i is a heading: a short line standing
// between paragraphs, starting with a capital or a digit, with no closing
// punctuation (a question may be a heading).
func isHeading(units []unit, i int) bool {
	s := units[i].text
	if i == 0 || i == len(units)-1 || endsSentence(s) && !strings.HasSuffix(s, "?") {
		return false
	}
	words := len(strings.Fields(s))
	if words > headingWords || utf8.RuneCountInString(s) > 100 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.HasSuffix(s, "?") && words > 10 {
		return false
	}
	next := units[i+1].text
	return utf8.RuneCountInString(next) > utf8.RuneCountInString(s) && endsSentence(next) || isProse(next)
}
