package htmlpage

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/pressroom/publish/internal/article"
)

// This file finds a page's notes: a reference in the text is a link to a
// place on the page (href="#…") that holds the note, marked as one or
// standing in a list: an encyclopedia's sup.reference to ol.references,
// footnotes written <a href="#fn1"> to <li id="fn1">, and the ARIA and EPUB
// roles doc-noteref, doc-endnote, doc-footnote and epub:type note.

// A noteSet is what findNotes found: which links refer to which note and
// which elements hold the notes, numbered in order of first reference.
type noteSet struct {
	refs    map[*html.Node]int // a reference's link: the note's number
	targets map[*html.Node]int // a note's element: its number
	order   []*html.Node       // the notes' elements, by number
	back    map[string]bool    // ids of references, which links in notes lead back to
}

// findNotes returns the notes under root, or nil when it has none.
func findNotes(root *html.Node) *noteSet {
	ids := map[string]*html.Node{}
	var anchors []*html.Node
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			ids[id] = n
		}
		if n.Data == "a" && strings.HasPrefix(attr(n, "href"), "#") {
			anchors = append(anchors, n)
		}
	}
	ns := &noteSet{refs: map[*html.Node]int{}, targets: map[*html.Node]int{}, back: map[string]bool{}}
	for _, a := range anchors {
		t := ids[strings.TrimPrefix(attr(a, "href"), "#")]
		if t == nil || !isNoteRef(a) || !isNoteTarget(t) || contains(t, a) {
			continue
		}
		n, ok := ns.targets[t]
		if !ok {
			ns.order = append(ns.order, t)
			n = len(ns.order)
			ns.targets[t] = n
		}
		ns.refs[a] = n
		for p := a; p != nil && p.Type == html.ElementNode; p = p.Parent {
			if id := attr(p, "id"); id != "" {
				ns.back[id] = true
			}
			if p.Data != "a" && p.Data != "sup" {
				break
			}
		}
	}
	if len(ns.order) == 0 {
		return nil
	}
	return ns
}

// isNoteRef reports whether a link is a note's reference: it says so by
// its role, or it is raised (inside sup), as references are set.
func isNoteRef(a *html.Node) bool {
	if attr(a, "role") == "doc-noteref" || strings.Contains(attr(a, "epub:type"), "noteref") {
		return true
	}
	return a.Parent != nil && a.Parent.Data == "sup"
}

// isNoteTarget reports whether the element a reference leads to holds a
// note: it says so by its role, or it is an item of a list.
func isNoteTarget(t *html.Node) bool {
	switch attr(t, "role") {
	case "doc-endnote", "doc-footnote":
		return true
	}
	if et := attr(t, "epub:type"); strings.Contains(et, "note") {
		return true
	}
	return t.Data == "li"
}

// contains reports whether n holds d.
func contains(n, d *html.Node) bool {
	for p := d; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

// note returns the number of the note a link refers to, or 0.
func (ns *noteSet) note(n *html.Node) int {
	if ns == nil {
		return 0
	}
	return ns.refs[n]
}

// holds reports whether n is a note's element, which the text leaves out.
func (ns *noteSet) holds(n *html.Node) bool {
	if ns == nil {
		return false
	}
	_, ok := ns.targets[n]
	return ok
}

// backlink reports whether n is a link from a note back to its reference.
func (ns *noteSet) backlink(n *html.Node) bool {
	return ns != nil && n.Data == "a" && ns.back[strings.TrimPrefix(attr(n, "href"), "#")]
}

// notes builds the notes' blocks, in order: each note element's content,
// without the links back to its references and the caret before them.
func (c *converter) notes() []article.Note {
	if c.noteSet == nil {
		return nil
	}
	out := make([]article.Note, len(c.noteSet.order))
	for i, t := range c.noteSet.order {
		b := c.newBuilder(false)
		b.children(t, style{})
		b.flush()
		if len(b.blocks) > 0 {
			if p, ok := b.blocks[0].(*article.Paragraph); ok {
				p.Text = trimCaret(p.Text)
			}
		}
		out[i].Blocks = b.blocks
	}
	return out
}

// trimCaret drops the "^" a note's links back to its references leave.
func trimCaret(t article.Text) article.Text {
	for len(t) > 0 && !t[0].Break && t[0].Note == 0 {
		s := strings.TrimLeft(t[0].Text, "^ \u00a0")
		if s != "" {
			t[0].Text = s
			return t
		}
		t = t[1:]
	}
	return t
}
