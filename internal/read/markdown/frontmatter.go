package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"

	"go.yaml.in/yaml/v3"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/yamlmeta"
)

// A frontMatter holds the metadata the YAML block set, and what the model
// keeps elsewhere.
type frontMatter struct {
	article.Metadata
	cover string // the cover-image path, which Parse loads as the lead image
}

// A block of front matter as split from the document: its YAML and the line
// of the document its first line is.
type yamlBlock struct {
	text      []byte
	firstLine int
}

// keyLine matches a YAML mapping key at the start of a line, which is what
// tells a front matter block that was never closed from a thematic break
// over ordinary text.
var keyLine = regexp.MustCompile(`^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|$)`)

// splitFrontMatter cuts a YAML front matter block off the document. The
// block opens with a first line "---" that is not followed by a blank line
// (pandoc's rule, which tells it from a thematic break) and closes with a
// line "---" or "...". It returns a nil block when there is none.
func splitFrontMatter(data []byte) (*yamlBlock, []byte, error) {
	first, rest, ok := cutLine(data)
	if !ok || !isFence(first, false) {
		return nil, data, nil
	}
	second, _, _ := cutLine(rest)
	if len(bytes.TrimSpace(second)) == 0 {
		return nil, data, nil
	}
	for r := rest; len(r) > 0; {
		l, next, _ := cutLine(r)
		if isFence(l, true) {
			block := &yamlBlock{text: rest[:len(rest)-len(r)], firstLine: 2}
			return block, next, nil
		}
		r = next
	}
	if keyLine.Match(second) {
		//lint:ignore ST1005 the message ends with the "..." fence it names.
		return nil, nil, errors.New("front matter: line 1: the block opened by --- is never closed by a line --- or ...")
	}
	// A thematic break over text that is not YAML.
	return nil, data, nil
}

// cutLine returns the first line of data without its line ending, and the
// rest; ok is false when data holds no complete or partial line.
func cutLine(data []byte) (line, rest []byte, ok bool) {
	if len(data) == 0 {
		return nil, nil, false
	}
	line, rest, _ = bytes.Cut(data, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), rest, true
}

// isFence reports whether line is a front matter delimiter: "---", or when
// closing, also "...". Trailing spaces are allowed, as pandoc allows them.
func isFence(line []byte, closing bool) bool {
	l := bytes.TrimRight(line, " \t")
	return string(l) == "---" || (closing && string(l) == "...")
}

// decodeFrontMatter reads the front matter's keys. Every error names the
// document line at fault.
func decodeFrontMatter(b *yamlBlock) (frontMatter, error) {
	if b == nil {
		return frontMatter{}, nil
	}
	root, err := yamlmeta.Parse(b.text, b.firstLine)
	if err != nil {
		return frontMatter{}, fmt.Errorf("front matter: %w", err)
	}
	if root == nil {
		return frontMatter{}, nil // only comments, or nothing
	}
	if root.Kind != yaml.MappingNode {
		return frontMatter{}, fmt.Errorf("front matter: line %d: want keys and values (key: value), got %s", root.Line, yamlmeta.Describe(root))
	}
	// pandoc reads metadata values as Markdown; the model's plain strings
	// keep their words. Keys of other tools (layout:, draft:) are ignored.
	m, err := yamlmeta.Decoder{Text: inlineText}.Decode(root, nil)
	if err != nil {
		return frontMatter{}, fmt.Errorf("front matter: %w", err)
	}
	return frontMatter{Metadata: m.Metadata, cover: m.CoverImage}, nil
}
