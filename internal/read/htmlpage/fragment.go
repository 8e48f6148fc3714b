package htmlpage

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/publish/internal/article"
)

// Fragment reads a fragment of HTML that another document holds, such as a
// raw HTML block of a Markdown file, into blocks, as Parse reads the article
// it finds in a page: emphasis, links, lists, quotes, preformatted text,
// tables and figures are kept. It neither looks for an article in the
// fragment nor reads metadata, and leaves heading levels as written, for
// the document around it to settle. Links resolve against opts.URL, images
// load through opts.Images, and it returns the credits its figures carry.
func Fragment(src string, opts Options) ([]article.Block, []article.Credit, error) {
	// The fragment stands where a document's body text does.
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil {
		return nil, nil, fmt.Errorf("parsing an HTML fragment: %w", err)
	}
	c := newConverter(opts, opts.URL)
	b := c.newBuilder(false)
	for _, n := range nodes {
		b.node(n, style{})
	}
	b.flush()
	return b.blocks, c.credits, nil
}
