package epub

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	goepub "github.com/go-shiori/go-epub"
	"github.com/gofrs/uuid/v5"

	"github.com/pressroom/publish/internal/article"
)

// Options control what Write adds beyond the publication itself.
type Options struct {
	// Created is when the file was made: it becomes dcterms:modified, the
	// date on the credits page and the time of every ZIP entry. The pipeline
	// sets it from SOURCE_DATE_EPOCH or the clock; Write never reads the
	// clock, so it must not be zero.
	Created time.Time
	// Creator names the program, such as "publish 0.1.0".
	Creator string
	// EmbedFonts embeds the project's fonts; off, readers use their own.
	EmbedFonts bool
	// Cover is a cover image to use instead of the generated one. It must
	// carry its JPEG or PNG bytes in Data.
	Cover *article.Image
	// CoverFonts are the parsed fonts a generated cover is set in, for a
	// program that makes many books to share; nil parses them afresh.
	CoverFonts *CoverFonts
}

// Write writes pub as an EPUB 3 file to w. Given the same publication and
// Options it writes the same bytes. It stops between its stages when ctx is
// done.
func Write(ctx context.Context, w io.Writer, pub *article.Publication, opts Options) error {
	if pub == nil || len(pub.Articles()) == 0 {
		return errors.New("epub: the publication has no articles")
	}
	if opts.Created.IsZero() {
		return errors.New("epub: Options.Created is zero (Write reads no clock)")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := newBook(pub, opts)
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	raw, err := b.pack()
	if err != nil {
		return fmt.Errorf("epub: go-epub: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := finish(w, raw, b); err != nil {
		return fmt.Errorf("epub: finishing: %w", err)
	}
	return nil
}

// A book is the publication laid out as the files of an EPUB.
type book struct {
	pub    *article.Publication
	opts   Options
	lang   string // BCP 47 language of the publication; "und" when unknown
	id     string // dc:identifier, a urn:uuid
	single bool   // one article, whose title page is the book's

	docs      []doc // content documents in reading order
	css       []byte
	fonts     []asset
	images    []asset // the cover first
	toc       []*tocEntry
	landmarks []landmark

	// altMissing counts embedded images without alt text: the accessibility
	// metadata may only claim what the content does.
	altMissing int
}

// A doc is one XHTML content document.
type doc struct {
	name  string // file name in the xhtml folder
	title string
	lang  string
	body  string // XHTML for inside body
}

// An asset is a file the book carries besides its documents.
type asset struct {
	name      string // file name in its folder
	mediaType string
	data      []byte
}

// A tocEntry is one line of the table of contents. Without Href it labels
// a group (a section of a collection).
type tocEntry struct {
	Label string
	Lang  string // the label's language; "" for the book's
	Href  string // relative to the package document
	// Byline names an article's authors, after its title.
	Byline   string
	Children []*tocEntry
}

// A landmark points at a structural part of the book (EPUB 3.3 section
// 7.4.3).
type landmark struct {
	Type, Label, Href string
}

// Folders inside EPUB/, where go-epub puts each kind of file.
const (
	xhtmlFolder = "xhtml"
	opfPath     = "EPUB/package.opf"
	navPath     = "EPUB/nav.xhtml"
	cssPath     = "EPUB/" + goepub.CSSFolderName + "/style.css"
	ncxPath     = "EPUB/toc.ncx"
)

// canonicalLang returns tag in canonical BCP 47 form, or "und" (undetermined)
// when it is empty or malformed: dc:language must be well formed.
func canonicalLang(tag string) string {
	t, err := article.CanonicalLang(tag)
	if err != nil || t == "und" {
		return "und"
	}
	return t
}

func newBook(pub *article.Publication, opts Options) (*book, error) {
	arts := pub.Articles()
	b := &book{pub: pub, opts: opts, single: len(arts) == 1 && !pub.Book}
	b.lang = canonicalLang(pub.Meta.Lang)
	if b.lang == "und" {
		b.lang = canonicalLang(arts[0].Meta.Lang)
	}
	b.id = "urn:uuid:" + identifier(pub)
	if id := strings.TrimSpace(pub.Meta.Identifier); id != "" {
		b.id = id // the work's own, an ISBN or a DOI
	}

	if err := b.addCover(); err != nil {
		return nil, err
	}
	if b.single {
		b.layoutSingle(arts[0])
	} else {
		b.layoutCollection()
	}
	b.addCredits()
	b.css = stylesheet(b.fontsFor())
	var err error
	if b.fonts, err = embeddedFonts(b.fontsFor()); err != nil {
		return nil, err
	}
	return b, nil
}

// identifier returns the book's UUID: version 5 of the source URL, or of the
// text when there is none, so the same article always gets the same id.
func identifier(pub *article.Publication) string {
	if u := strings.TrimSpace(pub.Meta.SourceURL); u != "" {
		return uuid.NewV5(uuid.NamespaceURL, u).String()
	}
	var s strings.Builder
	for _, a := range pub.Articles() {
		s.WriteString(a.Title())
		s.WriteString("\n")
		walkText(a.Body, func(t string, _ bool) {
			s.WriteString(t)
			s.WriteString("\n")
		})
	}
	return uuid.NewV5(namespaceText(), s.String()).String()
}

// namespaceText is the name space for identifiers made from an article's
// text when it has no source URL: the UUIDv5 of this package's own URL.
func namespaceText() uuid.UUID {
	return uuid.NewV5(uuid.NamespaceURL, "https://github.com/pressroom/publish/internal/epub#text")
}

// walkText calls fn with the text of every block, in reading order; code
// says the text is set in a monospaced face.
func walkText(blocks []article.Block, fn func(text string, code bool)) {
	runs := func(t article.Text) {
		for _, r := range t {
			if r.Text != "" {
				fn(r.Text, r.Style&article.Code != 0)
			}
		}
	}
	for bl := range article.All(blocks) {
		switch bl := bl.(type) {
		case *article.Heading:
			runs(bl.Text)
		case *article.Paragraph:
			runs(bl.Text)
		case *article.Figure:
			runs(bl.Image.Caption)
			fn(bl.Image.Credit, false)
		case *article.Preformatted:
			fn(bl.Text, true)
		case *article.Table:
			runs(bl.Caption)
			for r := range bl.AllRows() {
				for _, c := range r {
					runs(c.Text)
				}
			}
		}
	}
}

// articleLang returns the language of one article's document.
func (b *book) articleLang(a *article.Article) string {
	if l := canonicalLang(a.Meta.Lang); l != "und" {
		return l
	}
	return b.lang
}

func (b *book) newRenderer(lang, docName string) *renderer {
	return &renderer{book: b, lang: lang, outline: &outline{href: xhtmlFolder + "/" + docName, prev: 1}}
}

// layoutSingle makes a title page from the article's header and one
// document of its body.
func (b *book) layoutSingle(a *article.Article) {
	lang := b.articleLang(a)
	r := b.newRenderer(lang, "title.xhtml")
	r.b.WriteString("<section epub:type=\"titlepage\" class=\"titlepage\">\n")
	r.header(&a.Meta, "")
	r.b.WriteString("</section>")
	b.docs = append(b.docs, doc{name: "title.xhtml", title: a.Title(), lang: lang, body: r.b.String()})

	r = b.newRenderer(lang, "article-01.xhtml")
	fmt.Fprintf(&r.b, "<section epub:type=\"bodymatter chapter\" role=\"doc-chapter\" aria-label=\"%s\">\n", esc(a.Title()))
	r.blocks(a.Body, false)
	r.notes(a.Notes)
	r.b.WriteString("</section>")
	b.docs = append(b.docs, doc{name: "article-01.xhtml", title: a.Title(), lang: lang, body: r.b.String()})

	b.toc = append(b.toc, &tocEntry{Label: a.Title(), Href: xhtmlFolder + "/title.xhtml", Children: r.outline.entries})
	b.landmarks = append(b.landmarks,
		landmark{"titlepage", "Title page", xhtmlFolder + "/title.xhtml"},
		landmark{"bodymatter", "Start of text", xhtmlFolder + "/article-01.xhtml"})
}

// layoutCollection makes a title page for the publication and one
// document per article, each with its own header.
func (b *book) layoutCollection() {
	m := b.pub.Meta
	r := b.newRenderer(b.lang, "title.xhtml")
	r.b.WriteString("<section epub:type=\"titlepage\" class=\"titlepage\">\n")
	r.header(&m, "")
	if names := personNames(b.pub.Editors); len(names) > 0 {
		r.b.WriteString(`<p class="editors">`)
		r.label("Edited by")
		fmt.Fprintf(&r.b, " %s</p>\n", esc(strings.Join(names, ", ")))
	}
	if p := strings.TrimSpace(m.Publisher); p != "" {
		fmt.Fprintf(&r.b, "<p class=\"publisher\">%s</p>\n", esc(p))
	}
	r.b.WriteString("</section>")
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = "Untitled"
	}
	b.docs = append(b.docs, doc{name: "title.xhtml", title: title, lang: b.lang, body: r.b.String()})
	b.toc = append(b.toc, &tocEntry{Label: title, Href: xhtmlFolder + "/title.xhtml"})
	b.landmarks = append(b.landmarks, landmark{"titlepage", "Title page", xhtmlFolder + "/title.xhtml"})

	n := 0
	for pi, s := range b.pub.Sections {
		var group *tocEntry
		if t := strings.TrimSpace(s.Title); t != "" && len(s.Articles) > 0 {
			// A part is a document of its own in the reading order, its
			// title page, as in print.
			name := fmt.Sprintf("part-%02d.xhtml", pi+1)
			r := b.newRenderer(b.lang, name)
			fmt.Fprintf(&r.b, "<section epub:type=\"part\" role=\"doc-part\" class=\"part\" aria-labelledby=\"part-title\">\n<h1 id=\"part-title\">%s</h1>\n</section>", esc(t))
			b.docs = append(b.docs, doc{name: name, title: t, lang: b.lang, body: r.b.String()})
			group = &tocEntry{Label: t, Href: xhtmlFolder + "/" + name}
			b.toc = append(b.toc, group)
		}
		for _, a := range s.Articles {
			n++
			name := fmt.Sprintf("article-%02d.xhtml", n)
			lang := b.articleLang(a)
			r := b.newRenderer(lang, name)
			// A section, not an article: the HTML schema epubcheck uses allows
			// role doc-chapter only there.
			r.b.WriteString("<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"title\">\n<header>\n")
			meta := a.Meta
			if meta.Section == "" {
				meta.Section = s.Title
			}
			r.header(&meta, "title")
			r.b.WriteString("</header>\n")
			r.blocks(a.Body, false)
			r.notes(a.Notes)
			r.b.WriteString("</section>")
			b.docs = append(b.docs, doc{name: name, title: a.Title(), lang: lang, body: r.b.String()})
			e := &tocEntry{Label: a.Title(), Lang: lang, Href: xhtmlFolder + "/" + name, Byline: strings.Join(personNames(a.Meta.Authors), ", "), Children: r.outline.entries}
			if group != nil {
				group.Children = append(group.Children, e)
			} else {
				b.toc = append(b.toc, e)
			}
			if n == 1 {
				b.landmarks = append(b.landmarks, landmark{"bodymatter", "Start of text", e.Href})
			}
		}
	}
}

// addImage adds an image's bytes to the book and returns the src a content
// document uses for it; ok is false when the image has no bytes, or bytes
// that are not a JPEG or PNG (the only raster core media types every
// reader shows, EPUB 3.3 section 3.2).
func (b *book) addImage(img *article.Image) (src string, ok bool) {
	mt, ext := imageType(img.Data)
	if mt == "" {
		return "", false
	}
	if strings.TrimSpace(img.Alt) == "" {
		b.altMissing++
	}
	name := fmt.Sprintf("image-%03d%s", len(b.images), ext) // the cover is image 0
	b.images = append(b.images, asset{name: name, mediaType: mt, data: img.Data})
	return "../" + goepub.ImageFolderName + "/" + name, true
}

// imageType returns the media type and file extension of a JPEG or PNG,
// judged by the bytes and not by what the source claimed.
func imageType(data []byte) (mediaType, ext string) {
	if len(data) == 0 {
		return "", ""
	}
	switch http.DetectContentType(data) {
	case "image/jpeg":
		return "image/jpeg", ".jpg"
	case "image/png":
		return "image/png", ".png"
	}
	return "", ""
}

// addCover adds the given cover, or generates one, with its own page as
// Kobo and Apple Books expect.
func (b *book) addCover() error {
	var (
		data []byte
		alt  string
		err  error
	)
	c := b.opts.Cover
	if lead := b.pub.Meta.LeadImage; c == nil && b.pub.Book && lead != nil && len(lead.Data) > 0 {
		c = lead
	}
	if c != nil {
		data, alt = c.Data, strings.TrimSpace(c.Alt)
		if mt, _ := imageType(data); mt == "" {
			return errors.New("cover: not a JPEG or PNG image (Data must hold its bytes)")
		}
		if alt == "" {
			alt = b.bookTitle()
		}
	} else {
		ct := b.coverText()
		cf := b.opts.CoverFonts
		if cf == nil {
			cf = NewCoverFonts(nil)
		}
		if data, err = renderCover(ct, cf); err != nil {
			return fmt.Errorf("cover: %w", err)
		}
		alt = ct.alt()
	}
	mt, ext := imageType(data)
	b.images = append(b.images, asset{name: "cover" + ext, mediaType: mt, data: data})
	body := fmt.Sprintf("<section epub:type=\"cover\" class=\"cover\">\n<img role=\"doc-cover\" src=\"../%s/cover%s\" alt=\"%s\"/>\n</section>",
		goepub.ImageFolderName, ext, esc(alt))
	b.docs = append(b.docs, doc{name: "cover.xhtml", title: b.bookTitle(), lang: b.lang, body: body})
	b.landmarks = append(b.landmarks, landmark{"cover", "Cover", xhtmlFolder + "/cover.xhtml"})
	return nil
}

// bookTitle is dc:title.
func (b *book) bookTitle() string {
	if t := strings.TrimSpace(b.pub.Meta.Title); t != "" {
		return t
	}
	if b.single {
		return b.pub.Articles()[0].Title()
	}
	return "Untitled"
}

// coverText picks what the generated cover shows.
func (b *book) coverText() coverText {
	m := b.pub.Meta
	byline := strings.Join(personNames(m.Authors), ", ")
	if names := personNames(b.pub.Editors); byline == "" && len(names) > 0 {
		byline = "Edited by " + strings.Join(names, ", ")
	}
	return coverText{
		Section:   strings.TrimSpace(m.Section),
		Title:     b.bookTitle(),
		Subtitle:  strings.TrimSpace(m.Subtitle),
		Byline:    byline,
		Publisher: strings.TrimSpace(m.Publisher),
	}
}

// personNames returns the non-empty names of people, in order.
func personNames(ps []article.Person) []string {
	var names []string
	for _, p := range ps {
		if n := strings.Join(strings.Fields(p.Name), " "); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// goEpubMu serialises every use of go-epub, which keeps its file system
// in a package variable (an unguarded map) that epub.Use replaces: two
// Writes at once would otherwise race on it.
var goEpubMu sync.Mutex

// offline is the HTTP transport given to go-epub: it refuses every request,
// so that nothing it is handed can make it reach the network.
type offline struct{}

func (offline) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("network access refused: %s", req.URL.Redacted())
}

// pack has go-epub write the book: the content documents, places for the
// stylesheet, fonts and images, a manifest, a spine and the container.
func (b *book) pack() ([]byte, error) {
	goEpubMu.Lock()
	defer goEpubMu.Unlock()
	if err := goepub.Use(goepub.MemoryFS); err != nil {
		return nil, err
	}
	e, err := goepub.NewEpub(b.bookTitle())
	if err != nil {
		return nil, err
	}
	e.Client = &http.Client{Transport: offline{}}
	// The stylesheet, fonts and images go in empty: go-epub would decode
	// each data URL twice and deflate the bytes, and all it needs is their
	// names for the manifest and the documents' links. finish puts in the
	// bytes, and the media types.
	const empty = "data:application/octet-stream;base64,"
	css, err := e.AddCSS(empty, path.Base(cssPath))
	if err != nil {
		return nil, fmt.Errorf("adding the stylesheet: %w", shorten(err))
	}
	for _, f := range b.fonts {
		if _, err := e.AddFont(empty, f.name); err != nil {
			return nil, fmt.Errorf("adding font %s: %w", f.name, shorten(err))
		}
	}
	for _, img := range b.images {
		if _, err := e.AddImage(empty, img.name); err != nil {
			return nil, fmt.Errorf("adding image %s: %w", img.name, shorten(err))
		}
	}
	for _, d := range b.docs {
		if _, err := e.AddSection(d.body, d.title, d.name, css); err != nil {
			return nil, fmt.Errorf("adding %s: %w", d.name, err)
		}
	}
	// Room for the deflated documents and go-epub's own files, so that the
	// buffer seldom grows.
	size := 16 << 10
	for _, d := range b.docs {
		size += len(d.body) / 2
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	if _, err := e.WriteTo(buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shorten drops the source from go-epub's retrieval errors: ours are data
// URLs, megabytes long.
func shorten(err error) error {
	var fre *goepub.FileRetrievalError
	if errors.As(err, &fre) {
		return fre.Err
	}
	return err
}

// assetHref returns the package-relative href of an asset in folder.
func assetHref(folder, name string) string { return path.Join(folder, name) }
