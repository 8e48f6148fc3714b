package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
)

// Options are the facts about one run that the publication does not carry.
type Options struct {
	// Creator names the program that made the file and its version, as
	// "publish 0.1.0"; it becomes /Creator and xmp:CreatorTool.
	Creator string
	// Created is when the file was made: /CreationDate, /ModDate,
	// xmp:CreateDate and xmp:ModifyDate. The pipeline sets it from
	// SOURCE_DATE_EPOCH or the clock; Write never reads the clock. A zero
	// Created leaves the dates out.
	Created time.Time
	// ReleasePages lets Write drop each page's items once it is drawn, so
	// that a long document's layout and its PDF are not in memory whole at
	// the same time. The document's pages are empty afterwards.
	ReleasePages bool
}

// Write draws doc as a PDF to w, with the metadata of pub. The same
// arguments always give the same bytes.
//
// Write draws each item where layout placed it and measures nothing. Text
// is set in the embedded face its TextItem names (package fonts); every face
// used is embedded as a subset with a Unicode map. Outline entries become
// bookmarks whose destination puts OutlineEntry.Y at the top of the view;
// they are ordered by page, then as listed, and a level may go only one
// deeper than the entry before it.
func Write(ctx context.Context, w io.Writer, pub *article.Publication, doc *layout.Document, opts Options) error {
	if pub == nil || doc == nil {
		return errors.New("pdf: nil publication or document")
	}
	if !(doc.Width > 0 && doc.Height > 0) {
		return fmt.Errorf("pdf: page size %gx%g is not positive", doc.Width, doc.Height)
	}
	if len(doc.Pages) == 0 {
		return errors.New("pdf: document has no pages")
	}
	m := describe(pub, opts)
	d, err := newDrawer(doc, m)
	if err != nil {
		return err
	}
	for i := range doc.Pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.page(i + 1); err != nil {
			return fmt.Errorf("pdf: page %d: %w", i+1, err)
		}
		if opts.ReleasePages {
			doc.Pages[i].Items = nil
		}
	}
	var raw exactBuffer
	if err := d.f.Output(&raw); err != nil {
		return fmt.Errorf("pdf: fpdf: %w", err)
	}
	out, err := finish(raw.b, m, d.faceNames(), doc.Labels, d.f.GetCompression())
	if err != nil {
		return fmt.Errorf("pdf: finishing fpdf's output: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// longDocument is the page count past which fpdf compresses the pages
// itself (see newDrawer). At 361 pages one compressor for all is still 8%
// faster.
const longDocument = 1000

// An exactBuffer takes fpdf's output, which fpdf writes in one call
// (bytes.Buffer.WriteTo), into memory of exactly its size: a bytes.Buffer
// would grow to twice that, and a long book's uncompressed PDF is hundreds
// of megabytes.
type exactBuffer struct{ b []byte }

func (e *exactBuffer) Write(p []byte) (int, error) {
	if e.b == nil {
		e.b = make([]byte, 0, len(p))
	}
	e.b = append(e.b, p...)
	return len(p), nil
}

// A drawer draws one Document with one fpdf instance.
type drawer struct {
	f       *fpdf.Fpdf
	doc     *layout.Document
	faces   map[string]*face
	images  map[string]string // image data digest -> fpdf image name
	outline map[int][]layout.OutlineEntry

	// The state fpdf last wrote on the current page, so that a run of
	// items in one style sets it once.
	font      string
	size      float64
	textGray  int
	lineGray  int
	lineWidth float64
	scale     float64 // the horizontal scaling (Tz) of text, 100 at a page's start
	prevLevel int     // of the last bookmark, to keep the outline a tree

	// Text goes to the page a run at a time, formatted here without fmt
	// (see appendText): the run's pieces in one text object, each placed
	// from the one before.
	pending []byte
	k, h    float64 // fpdf's scale factor and page height
	inText  bool    // pending ends inside a text object (BT)
	tx, ty  int64   // where its last piece began, in hundredths of a point
	fill    int     // the fill gray the text object has set, 0 for black
}

func newDrawer(doc *layout.Document, m *meta) (*drawer, error) {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: doc.Width, Ht: doc.Height},
	})
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)
	// finish compresses the pages, with one compressor for all, which is
	// faster than fpdf's compressor a page. A long document is the
	// exception: its uncompressed pages would be held three times over
	// (fpdf's pages, its output, finish's input), so fpdf compresses them
	// as it writes: a 20 MB text of 8,540 pages then peaks at 0.80 GB
	// rather than 1.09 GB.
	f.SetCompression(len(doc.Pages) > longDocument)
	// Sorted fonts and images make the object order independent of Go's
	// map iteration order.
	f.SetCatalogSort(true)
	// fpdf reads the clock when these are zero; finish replaces the
	// information dictionary that holds them anyway.
	placeholder := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(placeholder)
	f.SetModificationDate(placeholder)
	if m.lang != "" {
		f.SetLang(m.lang) // a canonical BCP 47 tag, safe to print unescaped
	}
	f.SetXmpMetadata(xmp(m))

	d := &drawer{
		f:         f,
		doc:       doc,
		faces:     make(map[string]*face),
		images:    make(map[string]string),
		outline:   make(map[int][]layout.OutlineEntry),
		lineWidth: -1,
		prevLevel: -1,
	}
	for _, e := range doc.Outline {
		if e.Page < 1 || e.Page > len(doc.Pages) {
			return nil, fmt.Errorf("pdf: outline entry %q points at page %d of %d", e.Title, e.Page, len(doc.Pages))
		}
		d.outline[e.Page] = append(d.outline[e.Page], e)
	}
	if err := d.loadFaces(); err != nil {
		return nil, err
	}
	return d, nil
}

// page draws page number n (1-based).
func (d *drawer) page(n int) error {
	p := &d.doc.Pages[n-1]
	d.f.AddPage()
	// fpdf forgets the font at a new page and the colours are ours to set.
	d.font, d.size = "", 0
	d.textGray, d.lineGray, d.lineWidth, d.scale = 0, 0, -1, 100
	d.f.SetTextColor(0, 0, 0)
	d.f.SetDrawColor(0, 0, 0)
	d.k = d.f.GetConversionRatio()
	_, d.h = d.f.GetPageSize()
	for i, it := range p.Items {
		var err error
		switch it := it.(type) {
		case *layout.TextItem:
			err = d.text(it)
		case *layout.RuleItem:
			err = d.rule(it)
		case *layout.ImageItem:
			err = d.image(it)
		case *layout.LinkItem:
			err = d.link(it)
		default:
			err = fmt.Errorf("unknown item type %T", it)
		}
		if err != nil {
			return fmt.Errorf("item %d: %w", i, err)
		}
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("item %d: fpdf: %w", i, err)
		}
	}
	d.flush()
	d.bookmarks(n)
	return d.f.Error()
}

func (d *drawer) text(t *layout.TextItem) error {
	if !finite(t.X, t.Y) || !(t.Size > 0 && t.Size < math.Inf(1)) {
		return fmt.Errorf("text %q at (%g, %g) size %g: not a place", t.Text, t.X, t.Y, t.Size)
	}
	fc, ok := d.faces[t.Font]
	if !ok {
		return fmt.Errorf("face %q was not loaded", t.Font) // loadFaces saw every face
	}
	if t.Font != d.font || t.Size != d.size {
		d.flush() // SetFont writes to the page
		d.f.SetFont(t.Font, "", t.Size)
		d.font, d.size = t.Font, t.Size
	}
	if g := gray255(t.Gray); g != d.textGray {
		d.f.SetTextColor(g, g, g) // kept for the pages after; writes nothing
		d.textGray = g
	}
	fc.use(t.Text)
	if scale := math.Round(1000*(1+t.Expansion)) / 10; scale != d.scale {
		// Font expansion: the glyphs drawn wider or narrower by
		// horizontal scaling, a text state the page keeps.
		if !(scale > 0 && scale < 1000) {
			return fmt.Errorf("text %q: expansion %g: not a width", t.Text, t.Expansion)
		}
		if len(d.pending) > 0 && d.pending[len(d.pending)-1] != '\n' {
			d.pending = append(d.pending, '\n')
		}
		d.pending = strconv.AppendFloat(d.pending, scale, 'f', -1, 64)
		d.pending = append(d.pending, " Tz\n"...)
		d.scale = scale
	}
	if t.Shaped != nil {
		return d.appendGlyphs(t, fc)
	}
	// Each piece that kerning moves is drawn at its own X.
	for x, piece := range t.Pieces() {
		if !finite(x) {
			return fmt.Errorf("text %q: kern to x=%g: not a place", t.Text, x)
		}
		d.appendText(x, t.Y, piece)
	}
	return nil
}

// appendText adds to the pending text the operators that draw s with its
// baseline's left end at (x, y). The pieces of a run share one text
// object, each moved to from the last with Td by the difference of their
// places rounded to hundredths of a point, so that no rounding adds up,
// and gray text sets its fill inside the object: a piece costs some 20
// bytes, where a text object of its own (as fpdf's Text writes) cost 40,
// and a book's pages are megabytes of them, held, copied and compressed.
func (d *drawer) appendText(x, y float64, s string) {
	b := d.beginText(d.pending)
	if d.fill != d.textGray {
		b = strconv.AppendFloat(b, float64(d.textGray)/255, 'f', 3, 64)
		b = append(b, " g\n"...)
		d.fill = d.textGray
	}
	tx, ty := hundredths(x*d.k), hundredths((d.h-y)*d.k)
	b = appendHundredths(b, tx-d.tx)
	b = append(b, ' ')
	b = appendHundredths(b, ty-d.ty)
	d.tx, d.ty = tx, ty
	b = append(b, " Td ("...)
	for _, r := range s {
		// As utf16BE(bmpOnly(s)): one code a character, U+FFFD for what
		// has none.
		if r > 0xFFFF || 0xD800 <= r && r < 0xE000 {
			r = '\uFFFD'
		}
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	d.pending = append(b, ") Tj\n"...)
}

// beginText opens a text object at the end of b, unless one is open.
func (d *drawer) beginText(b []byte) []byte {
	if d.inText {
		return b
	}
	d.inText, d.tx, d.ty, d.fill = true, 0, 0, 0
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	return append(b, "BT\n"...)
}

// endText closes the open text object, if any, its fill back to black,
// which is what Write leaves outside text.
func (d *drawer) endText() {
	if !d.inText {
		return
	}
	if d.fill != 0 {
		d.pending = append(d.pending, "0 g\n"...)
	}
	d.pending = append(d.pending, "ET"...)
	d.inText = false
}

// hundredths returns v in hundredths, rounded as strconv rounds it to two
// decimals, so that a place is the one printed when each piece had a text
// object of its own: math.Round(v*100) rounds some ties the other way.
func hundredths(v float64) int64 {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', 2, 64)
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n int64
	for _, c := range b {
		if c != '.' {
			n = n*10 + int64(c-'0')
		}
	}
	if neg {
		return -n
	}
	return n
}

// appendHundredths appends v hundredths as a decimal number, without
// trailing zeros: 3128 as 31.28, 3100 as 31, -5 as -0.05.
func appendHundredths(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/100, 10)
	switch f := v % 100; {
	case f == 0:
	case f%10 == 0:
		b = append(b, '.', byte('0'+f/10))
	default:
		b = append(b, '.', byte('0'+f/10), byte('0'+f%10))
	}
	return b
}

// appendGray appends what sets a text colour other than the fill colour,
// which Write leaves black, before a shaped item's glyphs; appendGrayEnd
// what ends it.
func (d *drawer) appendGray(b []byte) []byte {
	if d.textGray == 0 {
		return b
	}
	b = append(b, "q "...)
	b = strconv.AppendFloat(b, float64(d.textGray)/255, 'f', 3, 64)
	return append(b, " g "...)
}

func (d *drawer) appendGrayEnd(b []byte) []byte {
	if d.textGray == 0 {
		return b
	}
	return append(b, " Q"...)
}

// appendGlyphs adds to the pending text the operators that draw a shaped
// item's glyphs, each at its place, inside a marked-content span whose
// ActualText is the item's text: a reader that copies or searches the
// page gets the words in their logical order, whatever order and shape
// the glyphs are drawn in.
func (d *drawer) appendGlyphs(t *layout.TextItem, fc *face) error {
	d.endText()
	b := d.pending
	if len(b) > 0 {
		b = append(b, '\n')
	}
	span := !t.Shaped.RightToLeft
	if span {
		b = fmt.Appendf(b, "/Span <</ActualText <FEFF%X>>> BDC ", utf16BE(t.Text))
	}
	b = d.appendGray(b)
	b = append(b, "BT"...)
	// Td moves from the start of the last line: px, py is where it is.
	px, py := 0.0, 0.0
	for _, g := range t.Shaped.Glyphs {
		code, ok := fc.codes[shapedKey{g.ID, glyphText(g.Text, t.Shaped.RightToLeft)}]
		if !ok {
			continue // a number past the font's glyphs: nothing to draw
		}
		x, y := (t.X+g.X)*d.k, (d.h-t.Y-g.Y)*d.k
		if !finite(x, y) {
			return fmt.Errorf("text %q: glyph at x=%g: not a place", t.Text, g.X)
		}
		b = append(b, ' ')
		b = strconv.AppendFloat(b, x-px, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, y-py, 'f', 2, 64)
		b = append(b, " Td ("...)
		b = appendEscaped(b, byte(code>>8))
		b = appendEscaped(b, byte(code))
		b = append(b, ") Tj"...)
		// The rounding Td made is carried, so errors do not add up.
		px += math.Round((x-px)*100) / 100
		py += math.Round((y-py)*100) / 100
	}
	b = append(b, " ET"...)
	b = d.appendGrayEnd(b)
	if span {
		b = append(b, " EMC"...)
	}
	d.pending = b
	return nil
}

// appendEscaped appends c to a literal string as fpdf's escape does.
func appendEscaped(b []byte, c byte) []byte {
	switch c {
	case '\\', '(', ')':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// flush writes the pending text to the page, its text object closed,
// before anything else is drawn.
func (d *drawer) flush() {
	d.endText()
	if len(d.pending) > 0 {
		d.f.RawWriteStr(string(d.pending))
		d.pending = d.pending[:0]
	}
}

func (d *drawer) rule(r *layout.RuleItem) error {
	if !finite(r.X1, r.Y1, r.X2, r.Y2, r.Width) || r.Width < 0 {
		return fmt.Errorf("rule (%g, %g)-(%g, %g) width %g: not a line", r.X1, r.Y1, r.X2, r.Y2, r.Width)
	}
	d.flush()
	if r.Width != d.lineWidth {
		d.f.SetLineWidth(r.Width)
		d.lineWidth = r.Width
	}
	if g := gray255(r.Gray); g != d.lineGray {
		d.f.SetDrawColor(g, g, g)
		d.lineGray = g
	}
	d.f.Line(r.X1, r.Y1, r.X2, r.Y2)
	return nil
}

func (d *drawer) link(l *layout.LinkItem) error {
	if !finite(l.X, l.Y, l.W, l.H) {
		return fmt.Errorf("link to %q at (%g, %g) size %gx%g: not a place", l.URL, l.X, l.Y, l.W, l.H)
	}
	switch {
	case l.URL != "":
		d.f.LinkString(l.X, l.Y, l.W, l.H, asciiURL(l.URL))
	case l.Page >= 1 && l.Page <= len(d.doc.Pages):
		id := d.f.AddLink()
		d.f.SetLink(id, l.TargetY, l.Page)
		d.f.Link(l.X, l.Y, l.W, l.H, id)
	}
	return nil
}

// finite reports whether every v is a number fpdf can print: NaN or an
// infinity would make a malformed content stream.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// bookmarks adds the outline entries of page n. fpdf ties a bookmark to the
// page being drawn, so each is added while its own page is current.
func (d *drawer) bookmarks(n int) {
	for _, e := range d.outline[n] {
		// fpdf links each entry to the last one of the level above: a
		// level may only go one deeper than the entry before it.
		level := max(0, min(e.Level, d.prevLevel+1))
		d.prevLevel = level
		// fpdf takes the title as it is, as no face it knows of is
		// a UTF-8 one (embed.go): a text string in UTF-16.
		title := "\xFE\xFF" + utf16BE(bmpOnly(strings.TrimSpace(e.Title)))
		d.f.Bookmark(title, level, e.Y)
	}
}

// gray255 turns a 0 (black) to 1 (white) gray into fpdf's 0 to 255.
func gray255(g float64) int {
	return int(math.Round(min(1, max(0, g)) * 255))
}

// bmpOnly replaces characters outside the Basic Multilingual Plane with
// U+FFFD: fpdf encodes text as 16-bit codes without surrogate pairs.
func bmpOnly(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return '\uFFFD'
				}
				return r
			}, s)
		}
	}
	return s
}

// asciiURL percent-encodes the bytes of u that a PDF URI string may not
// hold: URI actions are 7-bit ASCII (ISO 32000-1, 12.6.4.7).
func asciiURL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// faceNames returns the faces the document uses, sorted.
func (d *drawer) faceNames() []*face {
	all := make([]*face, 0, len(d.faces))
	for _, fc := range d.faces {
		all = append(all, fc)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	return all
}
