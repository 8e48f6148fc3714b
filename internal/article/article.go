package article

import (
	"strings"
	"time"
)

// A Publication is what one run of publish makes into one PDF and one EPUB:
// a single article, or a collection (an anthology, a periodical issue) of
// several, grouped into sections.
type Publication struct {
	// Meta describes the publication as a whole. For a single article it is
	// the article's own metadata.
	Meta Metadata
	// Editors of a collection; empty for a single article.
	Editors []Person
	// Sections hold the articles in reading order. A single article is one
	// untitled section of one article.
	Sections []Section
	// Book marks a publication bound as a book, even of one article: the
	// backends give it a cover, a title page and contents of its own, set
	// each article apart, and take its lead image as its cover.
	Book bool
}

// A Section groups articles under an optional title.
type Section struct {
	Title    string
	Articles []*Article
}

// Single wraps one article as a publication of its own.
func Single(a *Article) *Publication {
	return &Publication{Meta: a.Meta, Sections: []Section{{Articles: []*Article{a}}}}
}

// Articles returns every article of the publication in reading order.
func (p *Publication) Articles() []*Article {
	var all []*Article
	for _, s := range p.Sections {
		all = append(all, s.Articles...)
	}
	return all
}

// An Article is one piece of writing: what it is (Meta), who made what in it
// (Credits), its text (Body) and its notes.
type Article struct {
	Meta    Metadata
	Credits []Credit
	Body    []Block
	// Notes are the article's footnotes or endnotes, numbered from 1 in
	// the order the text first refers to them (a Run's Note).
	Notes []Note
}

// A Note is a footnote or endnote: the blocks it holds.
type Note struct {
	Blocks []Block
}

// Metadata describes an article or a publication.
type Metadata struct {
	Title    string
	Subtitle string // the dek or standfirst
	Section  string // the kicker: the section of the site it ran in
	Authors  []Person
	Date     Date
	// Lang is a BCP 47 language tag such as "en" or "pt-BR", in the form
	// CanonicalLang gives; empty when unknown.
	Lang      string
	Publisher string // the site or publication name
	SourceURL string
	Rights    string
	// Identifier names the work where it has a name of its own: an ISBN
	// ("978-0-...", printed as given), a DOI, an URN. Empty when not given.
	Identifier string
	Keywords   []string
	LeadImage  *Image
}

// AuthorNames returns the authors' names in order.
func (m *Metadata) AuthorNames() []string {
	names := make([]string, 0, len(m.Authors))
	for _, a := range m.Authors {
		names = append(names, a.Name)
	}
	return names
}

// A Person is an author or editor.
type Person struct {
	Name string
	Bio  string // a sentence or paragraph about them; may be empty
}

// A Date is a publication date known to the day, or to the second when the
// source gave a time. The zero Date is unknown.
type Date struct {
	Time    time.Time
	HasTime bool // Time carries a meaningful clock time and zone
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// String formats the date as YYYY-MM-DD, or as RFC 3339 when it has a time,
// or as "" when unknown.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.HasTime:
		return d.Time.Format(time.RFC3339)
	default:
		return d.Time.Format(time.DateOnly)
	}
}

// Day returns a Date known to the day.
func Day(year int, month time.Month, day int) Date {
	return Date{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// A CreditRole says what a credit is for.
type CreditRole string

// The roles a credit can have.
const (
	RolePhoto        CreditRole = "photo"
	RoleIllustration CreditRole = "illustration"
	RoleAuthorBio    CreditRole = "author-bio"
	RoleSource       CreditRole = "source"
)

// A Credit records who made something in the article, as the source said it.
type Credit struct {
	Role CreditRole
	// Text is the credit as printed, without its label: "Flickr / John
	// Pavelka", not "Credit: Flickr / John Pavelka".
	Text string
	// Name and Agency split Text where it names a person and an agency
	// ("John Pavelka", "Flickr"); either may be empty.
	Name   string
	Agency string
}

// An Image is a picture in the article. Data holds the bytes when the reader
// had them; Src is where they came from.
type Image struct {
	Src       string
	Data      []byte
	MediaType string // "image/jpeg", "image/png"
	Alt       string
	Caption   Text
	Credit    string
	Width     int // pixels, when known
	Height    int
}

// Title returns the article's title, or "Untitled" when it has none, so
// backends always have something to show.
func (a *Article) Title() string {
	if t := strings.TrimSpace(a.Meta.Title); t != "" {
		return t
	}
	return "Untitled"
}
