// Package markdown reads Markdown articles: CommonMark with the GitHub
// extensions goldmark carries (tables, strikethrough, bare links, footnotes),
// under an optional YAML front matter block that uses pandoc's metadata keys.
//
// Parse walks goldmark's syntax tree into the article model. The mapping is
// meant to lose no word: what the model cannot hold is flattened to text
// (inline raw HTML its text) rather than dropped. Tables and footnotes are
// the model's own. A block
// of raw HTML is read by the HTML reader, as it reads a page's article.
// Only thematic breaks, link reference definitions and HTML comments leave
// nothing.
//
// Front matter keys (unknown keys are ignored, as pandoc and static site
// generators add their own):
//
//	title, subtitle       text; Markdown emphasis in them is dropped to text
//	description           the subtitle when there is none
//	author, authors       a name, a list of names, or of {name, bio} or
//	                      {name, affiliation} mappings
//	date                  a YAML date, an RFC 3339 time, or a date as
//	                      English-language sites print it ("May 18, 2018")
//	lang, language        a BCP 47 tag, normalised ("en_us" is "en-US")
//	publisher, rights     text ("copyright" is read as rights)
//	keywords, tags        a list, or text separated by commas
//	section, category     text, or a list whose first entry is used
//	source                the original URL
//	cover-image           the path of a picture, kept as Meta.LeadImage
//
// The model has no cover: the EPUB backend generates its own unless the
// command passes one. A cover image is the picture that stands for the
// article, which is what the lead image is, so Parse stores it there, where
// both backends show it under the title, and where the command can take it
// for the EPUB cover.
package markdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/images"
)

// Options control how Parse treats what lies outside the text.
type Options struct {
	// Images loads the pictures the article shows. When nil, figures keep
	// their Src and carry no Data.
	Images *images.Loader
	// Warn receives one line per problem that does not stop the read, such
	// as an image that could not be loaded. It may be nil.
	Warn func(string)
}

// Parse reads a Markdown document, which must be valid UTF-8 without a byte
// order mark, into an article. It fails only on broken front matter; any
// Markdown is an article, at worst an empty one. Lang stays empty unless the
// front matter sets it.
func Parse(data []byte, opts Options) (*article.Article, error) {
	fm, body, err := splitFrontMatter(data)
	if err != nil {
		return nil, err
	}
	meta, err := decodeFrontMatter(fm)
	if err != nil {
		return nil, err
	}
	c := &converter{src: body, opts: opts, a: &article.Article{}}
	c.a.Meta = meta.Metadata
	doc := newParser().Parse(text.NewReader(body))
	c.a.Body = c.blocks(doc)
	c.title(meta.Metadata.Title != "")
	shiftHeadings(c.a.Body)
	if meta.cover != "" {
		img := c.image(meta.cover, "")
		c.a.Meta.LeadImage = &img
	}
	article.Normalize(c.a)
	return c.a, nil
}

// newParser returns a goldmark parser for CommonMark and the GitHub
// extensions whose output the model can hold. Task lists stay off, so that
// "[ ]" and "[x]" remain in the text as written.
func newParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		extension.Footnote,
	)).Parser()
}

// title takes a single leading level-1 heading as the article's title when
// the front matter gave none, and drops it from the body when it repeats
// the title the front matter gave.
func (c *converter) title(fromFrontMatter bool) {
	body := c.a.Body
	if len(body) == 0 {
		return
	}
	h, ok := body[0].(*article.Heading)
	if !ok || h.Level != 1 || countLevel1(body) != 1 {
		return
	}
	t := strings.TrimSpace(h.Text.String())
	switch {
	case !fromFrontMatter:
		c.a.Meta.Title = t
	case !sameTitle(t, c.a.Meta.Title):
		return
	}
	c.a.Body = body[1:]
}

// sameTitle reports whether two titles read the same, ignoring case and
// spacing.
func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// countLevel1 counts the level-1 headings among blocks.
func countLevel1(blocks []article.Block) int {
	n := 0
	for _, b := range blocks {
		if h, ok := b.(*article.Heading); ok && h.Level == 1 {
			n++
		}
	}
	return n
}

// shiftHeadings renumbers the body's headings so the highest level is 2 (1
// is the title's) and no heading is more than one level below the one
// before it, as EPUB's navigation and PDF bookmarks both assume.
func shiftHeadings(body []article.Block) {
	hs := slices.Collect(article.Query[*article.Heading](body))
	if len(hs) == 0 {
		return
	}
	top := 6
	for _, h := range hs {
		top = min(top, h.Level)
	}
	prev := 1
	for _, h := range hs {
		h.Level = min(h.Level-top+2, prev+1, 6)
		prev = h.Level
	}
}

// warnf passes a warning to opts.Warn, if set.
func (c *converter) warnf(format string, args ...any) {
	if c.opts.Warn != nil {
		c.opts.Warn(fmt.Sprintf(format, args...))
	}
}
