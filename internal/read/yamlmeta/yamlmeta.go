// Package yamlmeta reads the metadata of an article or a book from YAML,
// for Markdown front matter and book manifests alike: the keys pandoc's
// front matter uses, read the same way wherever they appear, with one-line
// errors that name the line of the file at fault.
package yamlmeta

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
)

// Parse parses YAML text that starts on line first of its file. It returns
// the document's root node, aliases followed, with every node's Line
// counting lines of the file; nil when the text holds only comments or
// nothing. A syntax error reads "line N: problem".
func Parse(text []byte, first int) (*yaml.Node, error) {
	// The yaml package drops the line number of a problem that starts on
	// its first line and reports a later one instead; a comment line in
	// front keeps every problem off line 1.
	text = append([]byte("#\n"), text...)
	first--
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, errors.New(syntaxError(err, text, first))
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	renumber(&doc, first-1)
	return Resolve(doc.Content[0]), nil
}

// renumber adds offset to the line of n and of every node under it.
func renumber(n *yaml.Node, offset int) {
	n.Line += offset
	for _, c := range n.Content {
		renumber(c, offset)
	}
}

// yamlLine finds the line number in the yaml package's error messages.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlParserError matches the problems the yaml package's parser, rather
// than its scanner, reports: it numbers their lines from 0, and leaves the
// number out on the first line.
var yamlParserError = regexp.MustCompile(`^(?:did not find expected|found duplicate %|found incompatible YAML|found undefined tag handle)`)

// syntaxError rewrites a yaml package error as "line N: problem", N being
// the file line when text, the YAML, starts on line first.
func syntaxError(err error, text []byte, first int) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg, _, _ = strings.Cut(msg, "\n")
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

// Meta is what a YAML mapping says of an article or a book.
type Meta struct {
	article.Metadata
	CoverImage string // the cover-image key: a path or URL, as written
}

// A Decoder reads the metadata keys of a YAML mapping: title, subtitle,
// description (the subtitle when there is none), author or authors, date,
// lang or language, publisher, rights or copyright, keywords or tags,
// section, category or categories, source and cover-image, in any case.
type Decoder struct {
	// Text turns a value its format may mark up (a title, a name, a bio)
	// into plain text; nil keeps values as written.
	Text func(string) string
}

// Decode reads the metadata keys of mapping. Any other key goes with its
// value to other, whose error stops the decoding; a nil other ignores them.
// Every error names the line at fault.
func (d Decoder) Decode(mapping *yaml.Node, other func(k, v *yaml.Node) error) (Meta, error) {
	var m Meta
	var description string // kept until every key is read: it yields to subtitle
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		k, v := Resolve(mapping.Content[i]), Resolve(mapping.Content[i+1])
		known, err := d.key(&m, &description, strings.ToLower(k.Value), v)
		if err == nil && !known && other != nil {
			err = other(k, v)
		}
		if err != nil {
			return m, err
		}
	}
	if m.Subtitle == "" {
		m.Subtitle = description
	}
	return m, nil
}

// key decodes one key's value into m, reporting whether it is a metadata
// key.
func (d Decoder) key(m *Meta, description *string, key string, v *yaml.Node) (bool, error) {
	var err error
	switch key {
	case "title":
		m.Title, err = d.markedText(key, v)
	case "subtitle":
		m.Subtitle, err = d.markedText(key, v)
	case "description":
		*description, err = d.markedText(key, v)
	case "author", "authors":
		m.Authors, err = d.People(key, v)
	case "date":
		m.Date, err = date(key, v)
	case "lang", "language":
		m.Lang, err = lang(key, v)
	case "publisher":
		m.Publisher, err = Text(key, v)
	case "rights", "copyright":
		m.Rights, err = Text(key, v)
	case "identifier", "isbn", "doi":
		var id string
		if id, err = Text(key, v); err == nil && id != "" && key != "identifier" {
			id = strings.ToUpper(key) + " " + id // as it is printed: ISBN 978-…
		}
		m.Identifier = id
	case "keywords", "tags":
		var words []string
		words, err = list(key, v, true)
		m.Keywords = appendNew(m.Keywords, words...)
	case "section", "category", "categories":
		// section names it outright; a category stands in for it.
		var s []string
		if s, err = list(key, v, false); err == nil && len(s) > 0 && (key == "section" || m.Section == "") {
			m.Section = s[0]
		}
	case "source":
		if m.SourceURL, err = Text(key, v); err == nil && !isWebAddress(m.SourceURL) {
			err = errorf(v, "%s: want an http or https address, got %q", key, m.SourceURL)
		}
	case "cover-image":
		m.CoverImage, err = Text(key, v)
	default:
		return false, nil
	}
	return true, err
}

// errorf returns an error naming the line of node n.
func errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", n.Line, fmt.Sprintf(format, args...))
}

// Text reads the value of key, a scalar, as text; null is empty.
func Text(key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", errorf(v, "%s: want text, got %s", key, Describe(v))
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(v.Value), nil
}

// markedText reads a scalar whose markup d.Text drops.
func (d Decoder) markedText(key string, v *yaml.Node) (string, error) {
	s, err := Text(key, v)
	if err != nil || s == "" {
		return s, err
	}
	return d.plain(s), nil
}

// plain returns s as d.Text reads it.
func (d Decoder) plain(s string) string {
	if d.Text == nil {
		return s
	}
	return d.Text(s)
}

// list reads a sequence of scalars, or a single scalar, split at commas
// when split is set.
func list(key string, v *yaml.Node, split bool) ([]string, error) {
	var out []string
	add := func(s string) {
		if !split {
			out = append(out, strings.TrimSpace(s))
			return
		}
		for w := range strings.SplitSeq(s, ",") {
			out = append(out, strings.TrimSpace(w))
		}
	}
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!null" {
			add(v.Value)
		}
	case yaml.SequenceNode:
		for _, e := range v.Content {
			e = Resolve(e)
			if e.Kind != yaml.ScalarNode {
				return nil, errorf(e, "%s: want a list of words, got %s in the list", key, Describe(e))
			}
			add(e.Value)
		}
	default:
		return nil, errorf(v, "%s: want a list or text, got %s", key, Describe(v))
	}
	return appendNew(nil, out...), nil
}

// People reads the value of key, the authors or editors: a name, a mapping
// with a name, or a list of either.
func (d Decoder) People(key string, v *yaml.Node) ([]article.Person, error) {
	var out []article.Person
	one := func(n *yaml.Node) error {
		switch n.Kind {
		case yaml.ScalarNode:
			if s := strings.TrimSpace(n.Value); s != "" && n.Tag != "!!null" {
				out = append(out, article.Person{Name: d.plain(s)})
			}
			return nil
		case yaml.MappingNode:
			p, err := d.person(key, n)
			out = append(out, p)
			return err
		}
		return errorf(n, "%s: want a name or a mapping with a name, got %s", key, Describe(n))
	}
	if v.Kind != yaml.SequenceNode {
		return out, one(v)
	}
	for _, e := range v.Content {
		if err := one(Resolve(e)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// person reads a person given as a mapping. pandoc's templates use name
// and affiliation; a bio, where given, says more.
func (d Decoder) person(key string, n *yaml.Node) (article.Person, error) {
	var p article.Person
	var affiliation string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := Resolve(n.Content[i]), Resolve(n.Content[i+1])
		var err error
		switch sub := key + "." + k.Value; strings.ToLower(k.Value) {
		case "name":
			p.Name, err = d.markedText(sub, v)
		case "bio":
			p.Bio, err = d.markedText(sub, v)
		case "affiliation":
			var as []string
			as, err = list(sub, v, false)
			affiliation = strings.Join(as, "; ")
		}
		if err != nil {
			return p, err
		}
	}
	if p.Name == "" {
		// "author: an author has no name", "editors: an editor has no name"
		return p, errorf(n, "%s: an %s has no name", key, strings.TrimSuffix(strings.ToLower(key), "s"))
	}
	if p.Bio == "" {
		p.Bio = affiliation
	}
	return p, nil
}

// date reads a date in any of the forms people write in metadata.
func date(key string, v *yaml.Node) (article.Date, error) {
	s, err := Text(key, v)
	if err != nil || s == "" {
		return article.Date{}, err
	}
	if d, ok := dates.Parse(s); ok {
		return d, nil
	}
	return article.Date{}, errorf(v, "%s: cannot read %q as a date (write it as 2018-05-18 or May 18, 2018)", key, s)
}

// lang reads a BCP 47 language tag and returns it in canonical form.
func lang(key string, v *yaml.Node) (string, error) {
	s, err := Text(key, v)
	if err != nil || s == "" {
		return s, err
	}
	tag, err := article.CanonicalLang(s)
	if err != nil {
		return "", errorf(v, "%s: %q is not a BCP 47 language tag such as en or pt-BR", key, s)
	}
	return tag, nil
}

// Resolve follows an alias to the node it names.
func Resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// Describe names a node's kind for an error message.
func Describe(n *yaml.Node) string {
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

// appendNew appends the non-empty strings of add that list lacks, each
// once. A set keeps it linear: front matter may list tens of thousands of
// keywords.
func appendNew(list []string, add ...string) []string {
	seen := make(map[string]bool, len(list)+len(add))
	for _, s := range list {
		seen[s] = true
	}
	for _, s := range add {
		if s != "" && !seen[s] {
			seen[s] = true
			list = append(list, s)
		}
	}
	return list
}

// isWebAddress reports whether s is empty or an http or https address, the
// only kind a source may be: the backends print it as a link.
func isWebAddress(s string) bool {
	if s == "" {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
