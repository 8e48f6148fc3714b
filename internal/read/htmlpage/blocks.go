package htmlpage

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
)

// A builder turns a DOM subtree into blocks. Inline content gathers in runs
// until a block element ends the paragraph.
type builder struct {
	c      *converter
	blocks []article.Block
	runs   article.Text
	// inline makes block elements add a space instead of a new block, for
	// content that must stay one line: a heading, a table cell.
	inline bool
	// deferred holds the figures met in inline mode, for the caller to
	// place after the line.
	deferred []article.Block
	// caption drops images and sets credit elements aside in credits,
	// for reading a figure's caption.
	caption bool
	credits []string
}

// style is the inline state a text node inherits.
type style struct {
	style article.Style
	link  string
}

// skipped elements hold no article text, or none a reader could use.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"iframe": true, "svg": true, "canvas": true, "video": true, "audio": true,
	"object": true, "embed": true, "input": true, "select": true, "textarea": true,
	"button": true, "meta": true, "link": true, "source": true, "track": true,
	"map": true, "area": true, "dialog": true, "title": true,
}

// blockTags end a paragraph and start a new one.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true,
	"dd": true, "details": true, "dialog": true, "dir": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "li": true, "main": true, "menu": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "ul": true, "tr": true, "td": true, "th": true, "caption": true,
	"tbody": true, "thead": true, "tfoot": true, "body": true, "html": true,
	"picture": true, "img": true, "listing": true, "xmp": true, "plaintext": true,
}

func (c *converter) newBuilder(inline bool) *builder {
	return &builder{c: c, inline: inline}
}

// children walks every child of n.
func (b *builder) children(n *html.Node, st style) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		b.node(ch, st)
	}
}

// node adds n to what the builder gathers: a text node to the runs, an
// element by the steps of element.
func (b *builder) node(n *html.Node, st style) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, st)
	case html.DocumentNode:
		b.children(n, st)
	case html.ElementNode:
		b.element(n, st)
	}
}

// element adds an element in steps: drop it if it holds no article text;
// in inline mode, run a block element into the line; build the elements
// read in a way of their own; and go through any other with the style its
// text takes, a block element ending the paragraph before and after it.
func (b *builder) element(n *html.Node, st style) {
	if b.drops(n) {
		return
	}
	if num := b.c.noteSet.note(n); num > 0 {
		b.runs = append(b.runs, article.Run{Note: num, Style: st.style, Link: st.link})
		return
	}
	if b.c.noteSet.holds(n) || b.c.noteSet.backlink(n) {
		return // a note, read apart (converter.notes), or a link back from one
	}
	if b.inline && blockTags[n.Data] && !isPicture(n.Data) && n.Data != "figure" {
		b.oneLine(n, st)
		return
	}
	if b.special(n, st) {
		return
	}
	st = b.styled(n, st)
	if blockTags[n.Data] {
		b.flush()
		b.children(n, st)
		b.flush()
		return
	}
	b.children(n, st)
}

// drops reports whether n is left out: an element that holds no article
// text, or, in a caption, a picture or a credit (which it sets aside).
func (b *builder) drops(n *html.Node) bool {
	if skipped[n.Data] || n.Namespace == "svg" {
		return true
	}
	if !b.caption {
		return false
	}
	if isCredit(n) {
		b.credits = append(b.credits, clean(textContent(n)))
		return true
	}
	return isPicture(n.Data)
}

// isPicture reports whether tag is an image element.
func isPicture(tag string) bool {
	return tag == "img" || tag == "picture"
}

// oneLine adds a block element's content to a line: the block boundary is
// a word boundary.
func (b *builder) oneLine(n *html.Node, st style) {
	b.text(" ", st)
	b.children(n, st)
	b.text(" ", st)
}

// special adds n and reports true when it is an element read in a way of
// its own: a line break or rule, a heading, quote, list, preformatted text,
// figure, image, table or formula.
func (b *builder) special(n *html.Node, st style) bool {
	switch n.Data {
	case "br":
		b.runs = append(b.runs, article.Run{Break: true})
	case "hr":
		b.flush()
	case "h1", "h2", "h3", "h4", "h5", "h6":
		b.heading(n, st)
	case "blockquote":
		b.quote(n, st)
	case "ul", "ol", "menu", "dir":
		b.flush()
		if l := b.list(n, st); len(l.Items) > 0 {
			b.blocks = append(b.blocks, l)
		}
	case "pre", "listing", "xmp", "plaintext":
		b.preformatted(n)
	case "figure":
		b.figureBlock(n, st)
	case "img", "picture":
		b.image(n, st)
	case "table":
		b.flush()
		b.table(n, st)
	case "math":
		b.math(n, st)
	default:
		return false
	}
	return true
}

// styled returns the style the text inside n takes: a link's address, or
// emphasis, strong or code for the elements that mean them. A definition
// term is strong, as browsers show it.
func (b *builder) styled(n *html.Node, st style) style {
	switch n.Data {
	case "a":
		if href := b.c.link(attr(n, "href")); href != "" {
			st.link = href
		}
	case "em", "i", "cite", "dfn", "var":
		st.style |= article.Emphasis
	case "strong", "b", "dt":
		st.style |= article.Strong
	case "code", "kbd", "samp", "tt":
		st.style |= article.Code
	}
	return st
}

// heading adds a heading, its text on one line; figures inside it follow
// it.
func (b *builder) heading(n *html.Node, st style) {
	b.flush()
	h := b.c.newBuilder(true)
	h.children(n, st)
	if t := finish(h.runs); len(t) > 0 {
		b.blocks = append(b.blocks, &article.Heading{Level: int(n.Data[1] - '0'), Text: t})
	}
	b.blocks = append(b.blocks, h.deferred...)
}

// quote adds a block quotation of the blocks inside n.
func (b *builder) quote(n *html.Node, st style) {
	b.flush()
	q := b.c.newBuilder(false)
	q.children(n, st)
	q.flush()
	if len(q.blocks) > 0 {
		b.blocks = append(b.blocks, &article.Quote{Blocks: q.blocks})
	}
}

// preformatted adds preformatted text, without the blank lines around it.
func (b *builder) preformatted(n *html.Node) {
	b.flush()
	text := strings.Trim(strings.TrimPrefix(textContent(n), "\n"), "\n")
	if strings.TrimSpace(text) != "" {
		b.blocks = append(b.blocks, &article.Preformatted{Text: strings.TrimRight(text, " \t\n")})
	}
}

// figureBlock adds a figure element; in inline mode it waits until the
// line ends.
func (b *builder) figureBlock(n *html.Node, st style) {
	if b.inline {
		fb := b.c.newBuilder(false)
		fb.figure(n, st)
		b.deferred = append(b.deferred, fb.blocks...)
		return
	}
	b.flush()
	b.figure(n, st)
}

// image adds an image as a figure of its own (waiting, in inline mode,
// until the line ends), or an icon's alt text to the line.
func (b *builder) image(n *html.Node, st style) {
	if n.Data == "img" && isIcon(n) {
		b.text(attr(n, "alt"), st)
		return
	}
	fig := b.c.figureFromImage(n)
	if fig != nil && b.c.opts.Caption != nil {
		b.c.opts.Caption(&fig.Image, attr(imgOf(n), "title"))
	}
	switch {
	case fig == nil:
	case b.inline:
		b.deferred = append(b.deferred, fig)
	default:
		b.flush()
		b.blocks = append(b.blocks, fig)
	}
}

// math adds a formula's alternative text, or else its content.
func (b *builder) math(n *html.Node, st style) {
	if alt := attr(n, "alttext"); alt != "" {
		b.text(" "+alt+" ", st)
		return
	}
	b.children(n, st)
}

// text adds inline text, its white space collapsed as a browser shows it.
func (b *builder) text(s string, st style) {
	if s == "" {
		return
	}
	var out strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			space = true
			continue
		}
		if space {
			out.WriteByte(' ')
			space = false
		}
		out.WriteRune(r)
	}
	if space {
		out.WriteByte(' ')
	}
	t := out.String()
	if n := len(b.runs); n > 0 && b.runs[n-1].Joins(article.Run{Style: st.style, Link: st.link}) {
		b.runs[n-1].Text += t
		return
	}
	b.runs = append(b.runs, article.Run{Text: t, Style: st.style, Link: st.link})
}

// flush ends the paragraph being gathered.
func (b *builder) flush() {
	if t := finish(b.runs); len(t) > 0 {
		b.blocks = append(b.blocks, &article.Paragraph{Text: t})
	}
	b.runs = nil
	b.blocks = append(b.blocks, b.deferred...)
	b.deferred = nil
}

// finish trims gathered runs into a Text: no space at either end or around
// a line break, no double space across runs, no empty runs, no break at
// either end.
func finish(runs article.Text) article.Text {
	var out article.Text
	atStart := true // at the start of the text or of a line
	for _, r := range runs {
		if r.Break {
			if atStart && len(out) == 0 {
				continue
			}
			if n := len(out); n > 0 && !out[n-1].Break {
				out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
			}
			out = append(out, r)
			atStart = true
			continue
		}
		if r.Note > 0 {
			out = append(out, r)
			atStart = false
			continue
		}
		t := r.Text
		if atStart {
			t = strings.TrimLeft(t, " ")
		} else if n := len(out); n > 0 && strings.HasSuffix(out[n-1].Text, " ") {
			t = strings.TrimLeft(t, " ")
		}
		if t == "" {
			continue
		}
		r.Text = t
		out = append(out, r)
		atStart = false
	}
	// Trailing breaks and spaces.
	for len(out) > 0 {
		n := len(out) - 1
		if out[n].Break {
			out = out[:n]
			continue
		}
		if out[n].Note > 0 {
			break
		}
		out[n].Text = strings.TrimRight(out[n].Text, " ")
		if out[n].Text == "" {
			out = out[:n]
			continue
		}
		break
	}
	// Runs emptied by trimming next to a break; runs alike merged.
	kept := out[:0]
	for i, r := range out {
		if !r.Break && r.Note == 0 && r.Text == "" {
			continue
		}
		if k := len(kept); k > 0 && kept[k-1].Joins(r) {
			kept[k-1].Text += r.Text
			continue
		}
		if r.Break && i > 0 && len(kept) > 0 && kept[len(kept)-1].Break && i+1 < len(out) && out[i+1].Break {
			// Three breaks in a row say no more than two.
			continue
		}
		kept = append(kept, r)
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// list reads a ul or ol. Each li becomes an item of blocks; a nested list
// or stray text between items joins the item before it.
func (b *builder) list(n *html.Node, st style) *article.List {
	l := &article.List{Ordered: n.Data == "ol"}
	if l.Ordered {
		if s, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil && s != 1 {
			l.Start = s
		}
	}
	var loose *builder // content outside any li
	addLoose := func() {
		if loose == nil {
			return
		}
		loose.flush()
		if len(loose.blocks) > 0 {
			if k := len(l.Items); k > 0 {
				l.Items[k-1] = append(l.Items[k-1], loose.blocks...)
			} else {
				l.Items = append(l.Items, loose.blocks)
			}
		}
		loose = nil
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.Data == "li" {
			addLoose()
			item := b.c.newBuilder(false)
			item.children(ch, st)
			item.flush()
			if len(item.blocks) > 0 {
				l.Items = append(l.Items, item.blocks)
			}
			continue
		}
		if loose == nil {
			loose = b.c.newBuilder(false)
		}
		loose.node(ch, st)
	}
	addLoose()
	return l
}

// table reads a table. A data table becomes a table block: its caption,
// its head rows (those of thead, or leading rows of th cells alone), its
// body and foot rows, each cell's inline text, spans and the columns'
// alignment. A table used for layout, whose cells hold paragraphs, lists
// or headings, is read as the blocks it holds. Figures in cells follow the
// table.
func (b *builder) table(t *html.Node, st style) {
	rows := tableRows(t)
	if isLayoutTable(t, rows) {
		for _, row := range rows {
			for _, cell := range cells(row) {
				b.children(cell, st)
				b.flush()
			}
		}
		return
	}
	tb := &article.Table{}
	var deferred []article.Block
	if c := find(t, func(n *html.Node) bool { return n.Data == "caption" }); c != nil {
		cb := b.c.newBuilder(true)
		cb.children(c, st)
		tb.Caption = finish(cb.runs)
		deferred = append(deferred, cb.deferred...)
	}
	// Each cell's alignment, by part and row as the cells are kept, for
	// columnAlign.
	var aligns [3][][]article.Align // head, body, foot
	for _, row := range rows {
		var r article.Row
		var ra []article.Align
		for _, cell := range cells(row) {
			cb := b.c.newBuilder(true)
			cb.children(cell, st)
			deferred = append(deferred, cb.deferred...)
			r = append(r, article.Cell{
				Text:    finish(cb.runs),
				Header:  cell.Data == "th",
				ColSpan: span(attr(cell, "colspan")),
				RowSpan: span(attr(cell, "rowspan")),
			})
			ra = append(ra, cellAlign(cell))
		}
		if len(r) == 0 {
			continue
		}
		part := 1
		switch p := row.Parent.Data; {
		case p == "thead" || p != "tfoot" && len(tb.Rows) == 0 && allHeaders(r):
			tb.Head, part = append(tb.Head, r), 0
		case p == "tfoot":
			tb.Foot, part = append(tb.Foot, r), 2
		default:
			tb.Rows = append(tb.Rows, r)
		}
		aligns[part] = append(aligns[part], ra)
	}
	if len(tb.Head)+len(tb.Rows)+len(tb.Foot) > 0 {
		tb.Align = columnAlign(tb, slices.Concat(slices.Concat(aligns[:]...)...))
		b.blocks = append(b.blocks, tb)
	}
	b.blocks = append(b.blocks, deferred...)
}

// span reads a colspan or rowspan: 0 (one) when absent or not a number,
// and at most maxSpan, as browsers clamp it.
func span(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 1 {
		return 0
	}
	return min(n, maxSpan)
}

// maxSpan is the widest span a cell may claim.
const maxSpan = 1000

// allHeaders reports whether every cell of r is a header cell.
func allHeaders(r article.Row) bool {
	for _, c := range r {
		if !c.Header {
			return false
		}
	}
	return true
}

// columnAlign returns each column of a table's grid (article.Table.Grid)
// aligned as the first of its cells that says how (align="right",
// style="text-align: right"), or nil when none does; cells holds each
// cell's alignment in the grid's order.
func columnAlign(t *article.Table, cells []article.Align) []article.Align {
	grid := t.Grid()
	aligns := make([]article.Align, article.GridColumns(grid))
	any := false
	for i, c := range grid {
		if a := cells[i]; a != article.AlignDefault && aligns[c.Col] == article.AlignDefault {
			aligns[c.Col] = a
			any = true
		}
	}
	if !any {
		return nil
	}
	return aligns
}

// cellAlign reads a cell's alignment from its align attribute or style,
// or the class markCellAligns gave it.
func cellAlign(cell *html.Node) article.Align {
	for c := range strings.FieldsSeq(attr(cell, "class")) {
		if a, ok := strings.CutPrefix(c, alignClass); ok {
			switch a {
			case "left":
				return article.AlignLeft
			case "center":
				return article.AlignCenter
			case "right":
				return article.AlignRight
			}
		}
	}
	v := strings.ToLower(attr(cell, "align"))
	if style := strings.ToLower(attr(cell, "style")); strings.Contains(style, "text-align") {
		_, after, _ := strings.Cut(style, "text-align")
		v = strings.Trim(strings.SplitN(after, ";", 2)[0], ": ")
	}
	switch v {
	case "left", "start":
		return article.AlignLeft
	case "center":
		return article.AlignCenter
	case "right", "end":
		return article.AlignRight
	}
	return article.AlignDefault
}

// tableRows returns the rows of t, not of tables nested in it.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "tr":
				rows = append(rows, c)
			case "thead", "tbody", "tfoot":
				walk(c)
			}
		}
	}
	walk(t)
	return rows
}

// cells returns the td and th children of a row.
func cells(row *html.Node) []*html.Node {
	var out []*html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			out = append(out, c)
		}
	}
	return out
}

// isLayoutTable reports whether a table lays a page out rather than
// holding data, by the heuristics Readability uses: it says so (role
// presentation, datatable="0"), holds another table, or has one row or
// one column; a summary, a caption, a head, a foot, column groups or
// header cells make it data, and so do ten rows, five columns or more than
// ten cells.
func isLayoutTable(t *html.Node, rows []*html.Node) bool {
	if attr(t, "role") == "presentation" || attr(t, "datatable") == "0" {
		return true
	}
	// Before the signs of data, unlike Readability: a cell cannot hold a
	// table, so a table of tables is read as the tables it lays out.
	if find(t, func(n *html.Node) bool { return n != t && n.Data == "table" }) != nil {
		return true
	}
	if attr(t, "summary") != "" {
		return false
	}
	if c := find(t, func(n *html.Node) bool { return n.Data == "caption" }); c != nil && strings.TrimSpace(textContent(c)) != "" {
		return false
	}
	if find(t, func(n *html.Node) bool {
		switch n.Data {
		case "thead", "tfoot", "colgroup", "th":
			return true
		}
		return false
	}) != nil {
		return false
	}
	cols := 0
	for _, row := range rows {
		n := 0
		for _, c := range cells(row) {
			n += max(span(attr(c, "colspan")), 1)
		}
		cols = max(cols, n)
	}
	switch {
	case len(rows) <= 1 || cols <= 1:
		return true
	case len(rows) >= 10 || cols > 4:
		return false
	}
	return len(rows)*cols <= 10
}
