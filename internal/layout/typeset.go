package layout

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/shape"
	"github.com/pressroom/publish/internal/typeface"
)

// Options say how a publication is laid out.
type Options struct {
	// Paper is the page size; the zero Paper means A4.
	Paper Paper
	// Ragged sets the body ragged right instead of justified.
	Ragged bool
	// Created is the date the file is made, printed in the credits; the
	// zero time leaves it out, which keeps test output stable.
	Created time.Time
	// Duplex opens each article of a book on a right-hand page, for
	// printing on both sides of the paper.
	Duplex bool
	// Endnotes gathers an article's notes after its text; otherwise each
	// note is set at the foot of the page that first refers to it.
	Endnotes bool
	// LinkNotes gives each external link a note that prints its address,
	// which print otherwise loses.
	LinkNotes bool
	// NoMicrotype turns off character protrusion and font expansion
	// (microtype.go), for comparison.
	NoMicrotype bool
}

// A Typesetter lays out publications. It holds only the font and
// hyphenation libraries, which load lazily and are safe for concurrent use,
// so one Typesetter serves any number of goroutines.
type Typesetter struct {
	fonts  *typeface.Library
	hyph   *hyphen.Library
	shapes *shape.Fonts
}

// New returns a Typesetter that takes metrics from fonts and hyphenation
// patterns from hyph. A nil hyph sets text without hyphenation. Text that
// needs shaping is shaped in the same faces, each parsed for the shaper
// on first use.
func New(fonts *typeface.Library, hyph *hyphen.Library) *Typesetter {
	return &Typesetter{fonts: fonts, hyph: hyph, shapes: shape.NewFonts()}
}

// Shapes returns the faces t shapes text with, for whatever else sets
// text in them, so that each is read once.
func (t *Typesetter) Shapes() *shape.Fonts { return t.shapes }

// Layout sets a publication into pages. Each article starts on a new page
// with its title block and ends with its credits.
//
// The flow runs in stages, a file each: collect the articles' blocks into a
// vertical list (collect.go), distribute it into pages (distribute.go),
// compose the pages (compose.go, decorate.go), and measure the result
// (stats.go). A paragraph is set in stages of its own (set.go).
func (t *Typesetter) Layout(ctx context.Context, pub *article.Publication, opts Options) (*Document, error) {
	if pub == nil {
		return nil, errors.New("layout: nil publication")
	}
	paper := opts.Paper
	if paper.Width <= 0 || paper.Height <= 0 {
		paper, _ = PaperNamed("a4")
	}
	g, err := design(paper, t.fonts)
	if err != nil {
		return nil, err
	}
	s := t.newSetter(opts, g)
	defer s.para.releaseShaper()
	s.articles, s.pubLang = pub.Articles(), pub.Meta.Lang
	if pub.Book {
		return s.book(ctx, pub)
	}
	for ai, a := range s.articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.setArticle(pub, ai)
		s.credits(a)
	}
	return s.document(), nil
}

// newSetter returns the state of one Layout call on pages of geometry g,
// its paragraph readied to take faces, shapes and Thai breaks from t.
func (t *Typesetter) newSetter(opts Options, g geometry) *setter {
	s := &setter{t: t, opts: opts, g: g}
	s.para.shapeFonts = t.shapes
	s.para.thai = sync.OnceValue(func() *hyphen.Dictionary {
		if t.hyph == nil {
			return nil
		}
		d, _ := t.hyph.Dictionary("th")
		return d
	})
	s.para.fallback = func(r rune, style *typeface.Face) (*typeface.Face, bool) {
		return t.fonts.Resolve(fonts.FallbackChain(r, style.Name()), r)
	}
	return s
}

// document paginates the vertical list and decorates the pages.
func (s *setter) document() *Document {
	g := &s.g
	doc := &Document{Width: g.paper.Width, Height: g.paper.Height}
	pages := paginate(s.v, g.textHeight, footnoteRule*g.body.leading)
	s.countShortPages(pages, g.textHeight)
	s.place(doc, pages)
	s.decorate(doc, pages)
	return s.finish(doc)
}

// A setter is the state of one Layout call.
type setter struct {
	t    *Typesetter
	opts Options
	g    geometry

	articles []*article.Article
	// pubLang is the publication's language, an article's where it
	// names none.
	pubLang      string
	article      *article.Article // nil while setting a book's front matter
	articleIndex int
	dict         *hyphen.Dictionary
	// outlineBase is the outline level of an article's title: 1 in a book
	// whose sections have titles, which take level 0.
	outlineBase int

	para  paragraph
	br    breaker
	lines []setLine
	v     []vitem
	nPara int
	// footnotes holds the current article's notes, set, until the line
	// that first refers to each takes it (footnotes.go).
	footnotes []*vitem
	// tableSize, when not 0, is the size the table being set starts from:
	// a wide table's groups of columns are set at one size (table.go).
	tableSize float64

	// titleMissing says a title has a letter no face has.
	titleMissing bool

	stats    Stats
	ratioSum float64
	ratioN   int
	hyRun    int
	warnings []string
}
