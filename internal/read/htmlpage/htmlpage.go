package htmlpage

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/cues"
	"github.com/pressroom/publish/internal/read/dates"
	"github.com/pressroom/publish/internal/read/images"
)

// ErrNoArticle is returned for a page with no article in it: an index, a
// login wall, an error page.
var ErrNoArticle = errors.New("no article text found")

// minWords is the fewest words an article may have; below it, what
// Readability found is a page's furniture, not an article.
const minWords = 25

// Options say where a page came from and how to get its pictures.
type Options struct {
	// URL is the page's address: the URL fetched, or nil for a saved
	// file (then <link rel=canonical> or og:url may give SourceURL).
	URL *url.URL
	// Images loads the pictures; nil keeps each image's Src without
	// its bytes.
	Images *images.Loader
	// Warn, when set, is told one line for each thing dropped. An image
	// that cannot be had is reported by Images.Warn when that is set,
	// else here.
	Warn func(string)
	// Caption, when set, captions each image that stands outside a
	// <figure>, given its title attribute, by the rule of the document
	// the HTML is part of (Markdown's: the title, else the alt text).
	// When nil such an image has no caption: on a page, title is a
	// tooltip and alt a description, not a caption.
	Caption func(img *article.Image, title string)
}

// Parse reads a web page into an article. It fails with ErrNoArticle when
// the page holds no article.
func Parse(data []byte, opts Options) (*article.Article, error) {
	doc, err := parseHTML(data, opts.Warn)
	if err != nil {
		return nil, err
	}
	meta := readMeta(doc)
	base := linkBase(doc, opts.URL, meta.sourceURL)
	markCellAligns(doc)
	// Readability takes the document apart: nothing reads it after.
	ra, err := extract(doc, opts.URL)
	if err != nil {
		return nil, fmt.Errorf("extracting the article: %w", err)
	}
	if ra.Node == nil {
		return nil, ErrNoArticle
	}
	c := newConverter(opts, base)
	c.noteSet = findNotes(ra.Node)
	b := c.newBuilder(false)
	b.node(ra.Node, style{})
	b.flush()
	a := &article.Article{Body: b.blocks, Notes: c.notes()}
	if countWords(a.Body) < minWords {
		return nil, ErrNoArticle
	}
	c.fillMeta(a, meta, ra)
	a.Body = dropTitleHeading(a.Body, a.Meta.Title)
	a.Body = dropBylines(a.Body, a.Meta.AuthorNames())
	a.Body = italicCaptions(a.Body)
	shiftHeadings(a.Body)
	c.leadImage(a, meta.image)
	a.Credits = c.credits
	article.Normalize(a)
	return a, nil
}

// alignClass prefixes the class that carries a table cell's alignment
// through Readability, which strips align and style attributes but keeps
// classes (markCellAligns, cellAlign).
const alignClass = "publish-align-"

// markCellAligns gives each table cell of the page that says how it is
// aligned (align="right", style="text-align: center") a class that says
// it again, for Readability to keep.
func markCellAligns(doc *html.Node) {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "td" && n.Data != "th" {
			continue
		}
		a := cellAlign(n)
		if a == article.AlignDefault {
			continue
		}
		for i := range n.Attr {
			if n.Attr[i].Key == "class" {
				n.Attr[i].Val += " " + alignClass + a.String()
				a = article.AlignDefault
			}
		}
		if a != article.AlignDefault {
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: alignClass + a.String()})
		}
	}
}

// extract runs Readability on the page, which it changes as it goes. A
// panic in it, on input it was not written for, becomes an error.
func extract(doc *html.Node, pageURL *url.URL) (ra readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability: %v", r)
		}
	}()
	p := readability.NewParser()
	// Classes mark credits in captions; the walk needs them.
	p.KeepClasses = true
	return p.ParseAndMutate(doc, pageURL)
}

// converter holds what the walk over one page shares.
type converter struct {
	opts    Options
	base    *url.URL // against which links resolve; nil when unknown
	credits []article.Credit
	loaded  map[string]article.Image // by Src, so an image loads once
	noteSet *noteSet                 // the page's notes; nil when none
}

// newConverter returns a converter whose links resolve against base.
func newConverter(opts Options, base *url.URL) *converter {
	return &converter{opts: opts, base: base, loaded: map[string]article.Image{}}
}

// linkBase returns the address relative links resolve against: the page's
// URL, else its <base href> or canonical address when absolute.
func linkBase(doc *html.Node, pageURL *url.URL, canonical string) *url.URL {
	if pageURL != nil {
		if b := find(doc, func(n *html.Node) bool { return n.Data == "base" && attr(n, "href") != "" }); b != nil {
			if u, err := pageURL.Parse(attr(b, "href")); err == nil {
				return u
			}
		}
		return pageURL
	}
	for _, ref := range []string{attrOf(doc, "base", "href"), canonical} {
		if s := absURL(nil, ref); s != "" {
			u, _ := url.Parse(s)
			return u
		}
	}
	return nil
}

func attrOf(doc *html.Node, tag, key string) string {
	if n := find(doc, func(n *html.Node) bool { return n.Data == tag && attr(n, key) != "" }); n != nil {
		return attr(n, key)
	}
	return ""
}

// link returns the target of a link as the article keeps it: absolute, or
// "" for script links and for links that lead nowhere once the page is
// left behind (in-page anchors, relative links of a page with no address).
func (c *converter) link(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if c.base != nil {
		u = c.base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host != "" {
			return u.String()
		}
	case "mailto":
		return u.String()
	}
	return ""
}

// image loads the picture at src, once per page. An image that cannot be
// had keeps its Src and loses nothing but its bytes.
func (c *converter) image(src, alt string) article.Image {
	if src != "" && c.opts.URL != nil {
		if u, err := c.opts.URL.Parse(src); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			src = u.String()
		}
	}
	img, ok := c.loaded[src]
	if !ok {
		img = article.Image{Src: src}
		if l := c.opts.Images; l != nil && src != "" {
			data, mt, w, h, err := l.Load(src)
			if err == nil {
				img.Data, img.MediaType, img.Width, img.Height = data, mt, w, h
			} else if l.Warn == nil {
				c.warn(err.Error() + "; dropped")
			}
		}
		c.loaded[src] = img
	}
	img.Alt = alt
	return img
}

func (c *converter) warn(msg string) {
	if c.opts.Warn != nil {
		c.opts.Warn(msg)
	}
}

// addCredit records a figure's credit once.
func (c *converter) addCredit(cr article.Credit) {
	if cr.Text == "" {
		return
	}
	for _, have := range c.credits {
		if have.Text == cr.Text {
			return
		}
	}
	c.credits = append(c.credits, cr)
}

// fillMeta sets the article's metadata from what the page declares, and
// from what Readability found where the page declares nothing.
func (c *converter) fillMeta(a *article.Article, m pageMeta, ra readability.Article) {
	md := &a.Meta
	md.Publisher = m.publisher
	if md.Publisher == "" && !isURL(ra.SiteName()) {
		md.Publisher = clean(ra.SiteName())
	}
	md.Title = m.title
	set(&md.Title, ra.Title(), m.htmlTitle)
	md.Title = stripSite(md.Title, md.Publisher)
	md.Section = m.section
	md.Authors = nil
	names := m.authors
	if len(names) == 0 {
		names = bylineNames(ra.Byline())
	}
	for _, n := range names {
		md.Authors = append(md.Authors, article.Person{Name: n})
	}
	md.Date = m.date
	if md.Date.IsZero() {
		if t, err := ra.PublishedTime(); err == nil && !t.IsZero() {
			md.Date = article.Date{Time: t, HasTime: t.Hour()+t.Minute()+t.Second() != 0}
			if !md.Date.HasTime {
				md.Date = article.Day(t.Year(), t.Month(), t.Day())
			}
		}
	}
	md.Lang = m.lang
	if md.Lang == "" {
		md.Lang = langTag(ra.Language())
	}
	md.Rights = m.rights
	md.Keywords = m.keywords
	if c.opts.URL != nil {
		md.SourceURL = c.opts.URL.String()
	} else {
		md.SourceURL = absURL(nil, m.sourceURL)
	}
	if d := m.dek; d != "" && !sameText(d, md.Title) && !repeatsBody(d, a.Body) {
		md.Subtitle = d
	}
}

// stripSite removes a site name the title ends or starts with: "Title |
// Site", "Title - Site", "Site: Title".
func stripSite(title, site string) string {
	if site == "" {
		return title
	}
	lt, ls := strings.ToLower(title), strings.ToLower(site)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", "_", " / "} {
		if strings.HasSuffix(lt, sep+ls) && len(title) > len(sep)+len(site) {
			return strings.TrimSpace(title[:len(title)-len(sep)-len(site)])
		}
		if strings.HasPrefix(lt, ls+sep) && len(title) > len(sep)+len(site) {
			return strings.TrimSpace(title[len(site)+len(sep):])
		}
	}
	return title
}

// repeatsBody reports whether a description only repeats the start of the
// body, as many pages' descriptions do; the dek would print it twice.
func repeatsBody(dek string, body []article.Block) bool {
	d := strings.ToLower(strings.TrimRight(clean(dek), ".…"))
	for i, bl := range body {
		if i > 3 {
			break
		}
		if p, ok := bl.(*article.Paragraph); ok {
			if strings.HasPrefix(strings.ToLower(clean(p.Text.String())), d) {
				return true
			}
		}
	}
	return false
}

// bylineNames reads the names of a byline Readability found in the page
// text. Such a byline often runs on into a date or a second credit ("By
// Jane Doe March 25, 2015", "Written by Jane Doe Edited by John Roe"), which
// is cut off first.
func bylineNames(byline string) []string {
	s := clean(urlInParens.ReplaceAllString(byline, ""))
	if loc := bylineTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	if f := strings.Fields(s); len(f) > 2 {
		for i := 1; i < len(f); i++ {
			if _, ok := dates.ParseLine(strings.Join(f[i:], " ")); ok {
				s = strings.Join(f[:i], " ")
				break
			}
		}
	}
	if b, ok := cues.ParseByline(s); ok {
		return authorNames(b.Authors, true)
	}
	if cues.LooksLikeName(s) {
		return []string{s}
	}
	// "Jane Doe, John Roe": a list of names without "By".
	parts := nameList.Split(s, -1)
	for _, p := range parts {
		if !cues.LooksLikeName(p) {
			return nil
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return authorNames(parts, true)
}

var (
	// A web address in parentheses after a name: "Jane Doe (https://...)".
	urlInParens = regexp.MustCompile(`\s*\((?:https?://|www\.|mailto:)[^)]*\)`)
	// A second credit or a date label that follows the names in a byline.
	bylineTail = regexp.MustCompile(`(?i)\s+(?:edited|photographs?|photos|illustrations?|graphics|reviewed|fact[- ]checked|translated|additional reporting)\s+by\b|\s+(?:updated|published|posted|last updated)\b`)
	nameList   = regexp.MustCompile(`\s*(?:,|;|\band\b|&)\s*`)
)

// dropTitleHeading removes a heading that repeats the title: an h1
// anywhere before the text, or the first block whatever its level.
func dropTitleHeading(body []article.Block, title string) []article.Block {
	for i, bl := range body {
		h, ok := bl.(*article.Heading)
		if !ok {
			if _, isFig := bl.(*article.Figure); isFig {
				continue
			}
			break
		}
		if sameText(h.Text.String(), title) && (h.Level == 1 || i == 0) {
			return append(body[:i:i], body[i+1:]...)
		}
	}
	return body
}

// dropBylines removes byline paragraphs near the top of the body that only
// name the article's authors again ("By Jane Doe"): the title block prints
// them already.
func dropBylines(body []article.Block, authors []string) []article.Block {
	if len(authors) == 0 {
		return body
	}
	for i := 0; i < len(body) && i < 3; i++ {
		p, ok := body[i].(*article.Paragraph)
		if !ok {
			continue
		}
		b, ok := cues.ParseByline(p.Text.String())
		if ok && len(b.Authors) > 0 && subset(b.Authors, authors) {
			return append(body[:i:i], body[i+1:]...)
		}
	}
	return body
}

// subset reports whether every name of some is in all, ignoring case.
func subset(some, all []string) bool {
	for _, s := range some {
		found := false
		for _, a := range all {
			found = found || strings.EqualFold(s, a)
		}
		if !found {
			return false
		}
	}
	return true
}

// shiftHeadings renumbers heading levels so that the top level used is 2
// (the title is 1) and no level is skipped: h1 h3 h4 become 2 3 4.
func shiftHeadings(body []article.Block) {
	used := map[int]bool{}
	for h := range article.Query[*article.Heading](body) {
		used[h.Level] = true
	}
	var levels []int
	for l := range used {
		levels = append(levels, l)
	}
	sort.Ints(levels)
	rank := map[int]int{}
	for i, l := range levels {
		rank[l] = min(2+i, 6)
	}
	for h := range article.Query[*article.Heading](body) {
		h.Level = rank[h.Level]
	}
}

// leadImage sets the article's lead image from the metadata. When the body
// opens with that picture, the figure moves up to be the lead image; when
// the body shows it further down, the lead image is left unset, so the
// picture is not printed twice.
func (c *converter) leadImage(a *article.Article, ref leadRef) {
	if ref.src == "" {
		return
	}
	src := ref.src
	if c.opts.URL != nil {
		src = absURL(c.opts.URL, src)
	}
	if src == "" {
		return
	}
	seenText := false
	for i, bl := range a.Body {
		switch bl := bl.(type) {
		case *article.Figure:
			if !sameImage(bl.Image.Src, src) {
				continue
			}
			if !seenText {
				img := bl.Image
				if len(img.Caption) == 0 && ref.caption != "" {
					img.Caption = article.Plain(ref.caption)
				}
				a.Meta.LeadImage = &img
				a.Body = append(a.Body[:i:i], a.Body[i+1:]...)
			}
			return
		case *article.Paragraph, *article.List, *article.Quote, *article.Preformatted:
			seenText = true
		}
	}
	img := c.image(src, ref.alt)
	img.Caption = article.Plain(ref.caption)
	if ref.credit != "" {
		cr := creditOf(ref.credit)
		img.Credit = cr.Text
		c.addCredit(cr)
	}
	a.Meta.LeadImage = &img
}

// sameImage reports whether two addresses name the same picture, allowing
// for the size parameters and CDN hosts that differ between a page's
// og:image and its figures.
func sameImage(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	if errA != nil || errB != nil {
		return a == b
	}
	if ua.Path == ub.Path && ua.Path != "" {
		return true
	}
	na, nb := path.Base(ua.Path), path.Base(ub.Path)
	return len(na) > 8 && na == nb
}

// countWords counts the words of the body's text: every inline text and
// every code block.
func countWords(blocks []article.Block) int {
	n := 0
	for t := range article.Texts(blocks) {
		n += wordsIn(t.String())
	}
	for pre := range article.Query[*article.Preformatted](blocks) {
		n += wordsIn(pre.Text)
	}
	return n
}

// wordsIn counts the words of s, each CJK character as one: those scripts
// do not space words.
func wordsIn(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if isWord && (!inWord || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			n++
		}
		inWord = isWord
	}
	return n
}
