package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
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

// yamlLine finds the line number in the yaml package's error messages.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlParserError matches the problems the yaml package's parser, rather
// than its scanner, reports: it numbers their lines from 0, and leaves the
// number out on the first line.
var yamlParserError = regexp.MustCompile(`^(?:did not find expected|found duplicate %|found incompatible YAML|found undefined tag handle)`)

// yamlError rewrites a yaml package error as "line N: problem", N being the
// document line when text, the YAML, starts on line first.
func yamlError(err error, text []byte, first int) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if yamlParserError.MatchString(msg) {
		line++
	}
	if strings.Contains(msg, "tab character") {
		// Reported at the mapping the tab breaks; the tab's own line says
		// more.
		for i, l := range strings.Split(string(text), "\n") {
			if indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]; strings.Contains(indent, "\t") && strings.TrimSpace(l) != "" {
				line = i + 1
				break
			}
		}
	}
	return fmt.Sprintf("line %d: %s", max(line, 1)+first-1, msg)
}

// decodeFrontMatter reads the front matter's keys. Every error names the
// document line at fault.
func decodeFrontMatter(b *yamlBlock) (frontMatter, error) {
	var fm frontMatter
	if b == nil {
		return fm, nil
	}
	// The yaml package drops the line number of a problem that starts on
	// its first line and reports a later one instead; a comment line in
	// front keeps every problem off line 1.
	text := append([]byte("#\n"), b.text...)
	first := b.firstLine - 1
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return fm, fmt.Errorf("front matter: %s", yamlError(err, text, first))
	}
	if len(doc.Content) == 0 {
		return fm, nil // only comments, or nothing
	}
	d := decoder{firstLine: first}
	root := resolve(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		return fm, d.errorf(root, "want keys and values (key: value), got %s", describe(root))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := resolve(root.Content[i]), resolve(root.Content[i+1])
		if err := d.key(&fm, strings.ToLower(k.Value), v); err != nil {
			return fm, err
		}
	}
	if fm.Subtitle == "" {
		fm.Subtitle = d.description
	}
	return fm, nil
}

// A decoder reads one front matter block's values.
type decoder struct {
	firstLine   int    // the document line of the YAML's line 1
	description string // kept until every key is read: it yields to subtitle
}

// key decodes one key's value into fm.
func (d *decoder) key(fm *frontMatter, key string, v *yaml.Node) error {
	m := &fm.Metadata
	var err error
	switch key {
	case "title":
		m.Title, err = d.metaText(key, v)
	case "subtitle":
		m.Subtitle, err = d.metaText(key, v)
	case "description":
		d.description, err = d.metaText(key, v)
	case "author", "authors":
		m.Authors, err = d.authors(key, v)
	case "date":
		m.Date, err = d.date(key, v)
	case "lang", "language":
		m.Lang, err = d.lang(key, v)
	case "publisher":
		m.Publisher, err = d.text(key, v)
	case "rights", "copyright":
		m.Rights, err = d.text(key, v)
	case "keywords", "tags":
		var words []string
		words, err = d.list(key, v, true)
		m.Keywords = appendNew(m.Keywords, words...)
	case "section", "category", "categories":
		// section names it outright; a category stands in for it.
		var s []string
		if s, err = d.list(key, v, false); err == nil && len(s) > 0 && (key == "section" || m.Section == "") {
			m.Section = s[0]
		}
	case "source":
		m.SourceURL, err = d.text(key, v)
	case "cover-image":
		fm.cover, err = d.text(key, v)
	}
	return err
}

// errorf returns an error naming the document line of node n.
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("front matter: line %d: %s", n.Line+d.firstLine-1, fmt.Sprintf(format, args...))
}

// text reads a scalar as text; null is empty.
func (d *decoder) text(key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", d.errorf(v, "%s: want text, got %s", key, describe(v))
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(v.Value), nil
}

// metaText reads a scalar that pandoc would read as Markdown, keeping its
// words and dropping the markup the model's plain strings cannot hold.
func (d *decoder) metaText(key string, v *yaml.Node) (string, error) {
	s, err := d.text(key, v)
	if err != nil || s == "" {
		return s, err
	}
	return inlineText(s), nil
}

// list reads a sequence of scalars, or a single scalar, split at commas
// when split is set.
func (d *decoder) list(key string, v *yaml.Node, split bool) ([]string, error) {
	var out []string
	add := func(s string) {
		if !split {
			out = appendNew(out, strings.TrimSpace(s))
			return
		}
		for w := range strings.SplitSeq(s, ",") {
			out = appendNew(out, strings.TrimSpace(w))
		}
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!null" {
			add(v.Value)
		}
	case yaml.SequenceNode:
		for _, e := range v.Content {
			e = resolve(e)
			if e.Kind != yaml.ScalarNode {
				return nil, d.errorf(e, "%s: want a list of words, got %s in the list", key, describe(e))
			}
			add(e.Value)
		}
	default:
		return nil, d.errorf(v, "%s: want a list or text, got %s", key, describe(v))
	}
	return out, nil
}

// authors reads a name, a {name, bio} mapping, or a list of either.
func (d *decoder) authors(key string, v *yaml.Node) ([]article.Person, error) {
	var out []article.Person
	one := func(n *yaml.Node) error {
		switch n.Kind {
		case yaml.ScalarNode:
			if s := strings.TrimSpace(n.Value); s != "" && n.Tag != "!!null" {
				out = append(out, article.Person{Name: inlineText(s)})
			}
			return nil
		case yaml.MappingNode:
			p, err := d.person(key, n)
			out = append(out, p)
			return err
		}
		return d.errorf(n, "%s: want a name or a mapping with a name, got %s", key, describe(n))
	}
	if v.Kind != yaml.SequenceNode {
		return out, one(v)
	}
	for _, e := range v.Content {
		if err := one(resolve(e)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// person reads an author given as a mapping. pandoc's templates use name
// and affiliation; a bio, where given, says more.
func (d *decoder) person(key string, n *yaml.Node) (article.Person, error) {
	var p article.Person
	var affiliation string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		var err error
		switch sub := key + "." + k.Value; strings.ToLower(k.Value) {
		case "name":
			p.Name, err = d.metaText(sub, v)
		case "bio":
			p.Bio, err = d.metaText(sub, v)
		case "affiliation":
			var as []string
			as, err = d.list(sub, v, false)
			affiliation = strings.Join(as, "; ")
		}
		if err != nil {
			return p, err
		}
	}
	if p.Name == "" {
		return p, d.errorf(n, "%s: an author has no name", key)
	}
	if p.Bio == "" {
		p.Bio = affiliation
	}
	return p, nil
}

// date reads a date in any of the forms people write in front matter.
func (d *decoder) date(key string, v *yaml.Node) (article.Date, error) {
	s, err := d.text(key, v)
	if err != nil || s == "" {
		return article.Date{}, err
	}
	if date, ok := dates.Parse(s); ok {
		return date, nil
	}
	return article.Date{}, d.errorf(v, "%s: cannot read %q as a date (write it as 2018-05-18 or May 18, 2018)", key, s)
}

// lang reads a BCP 47 language tag and returns it in canonical form.
func (d *decoder) lang(key string, v *yaml.Node) (string, error) {
	s, err := d.text(key, v)
	if err != nil || s == "" {
		return s, err
	}
	tag, err := article.CanonicalLang(s)
	if err != nil {
		return "", d.errorf(v, "%s: %q is not a BCP 47 language tag such as en or pt-BR", key, s)
	}
	return tag, nil
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names a node's kind for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// appendNew appends the non-empty strings of add that list lacks.
func appendNew(list []string, add ...string) []string {
	for _, s := range add {
		if s != "" && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}
