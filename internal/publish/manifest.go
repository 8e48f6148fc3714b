package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/confine"
	"github.com/pressroom/publish/internal/read"
	"github.com/pressroom/publish/internal/read/yamlmeta"
)

// A manifest describes a book to bind: its metadata, and its sections,
// each with a title and a list of inputs. It is written in YAML:
//
//	title: Dispatches
//	subtitle: A year of long reads
//	editor: Ada Byron        # or a list of names
//	date: 2026-11-27
//	cover: cover.jpg
//	sections:
//	  - title: Asia
//	    inputs: [china-power.txt, saved/tokyo.html]
//	  - title: Europe
//	    inputs: [https://example.org/rome]
//
// A book without parts lists its inputs at the top level instead of
// sections. Paths are relative to the manifest's folder.
type manifest struct {
	// Meta is the book's, read from the keys front matter uses (title,
	// subtitle, author, date, lang, publisher, rights and the rest).
	Meta     article.Metadata
	Editors  []string
	Cover    string // a path or URL, resolved
	Sections []manifestSection
	// Path is the manifest file's; "" for a book bound from the command
	// line. A manifest's files stay inside its folder.
	Path string
}

// confine checks that files a manifest names (its inputs once folders are
// expanded, its cover) are inside its folder's tree, so that a manifest
// from elsewhere cannot bind any file the machine can read.
func (m *manifest) confine(files ...string) error {
	if m.Path == "" {
		return nil
	}
	for _, in := range files {
		if in == "" || in == "-" || read.IsURL(in) {
			continue
		}
		// The paths are resolved already, against the manifest's folder:
		// relative ones are relative to the working folder, not to it.
		abs, err := filepath.Abs(in)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", m.Path, in, err)
		}
		if _, err := confine.Within(filepath.Dir(m.Path), abs); errors.Is(err, confine.ErrOutside) {
			return fmt.Errorf("%s: %s: %w", m.Path, in, err)
		}
	}
	return nil
}

// A manifestSection is a part of the book: its title ("" for none) and
// its inputs, resolved.
type manifestSection struct {
	Title  string
	Inputs []string
}

// manifestExts are the extensions that mark an input as a manifest.
func manifestExts() []string { return []string{".yaml", ".yml"} }

// isManifest reports whether an input names a manifest.
func isManifest(in string) bool {
	if in == "-" || read.IsURL(in) {
		return false
	}
	ext := strings.ToLower(filepath.Ext(in))
	for _, e := range manifestExts() {
		if ext == e {
			return true
		}
	}
	return false
}

// readManifest reads and checks the manifest at path. Its errors name the
// line at fault.
func readManifest(path string) (*manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	m, err := parseManifest(data, filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parseManifest decodes a manifest whose relative paths resolve in dir.
// The book's metadata keys are read as front matter reads them; the
// manifest adds its own: editor, cover, sections and inputs.
func parseManifest(data []byte, dir string) (*manifest, error) {
	root, err := yamlmeta.Parse(data, 1)
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	if root == nil {
		return nil, errors.New("manifest: the file is empty")
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("manifest: line %d: want keys such as title: and sections:, not %s", root.Line, yamlmeta.Describe(root))
	}
	d := manifestDecoder{dir: dir}
	m := &manifest{}
	var topInputs []string
	sawSections := false
	meta, err := yamlmeta.Decoder{}.Decode(root, func(k, v *yaml.Node) error {
		var err error
		switch key := strings.ToLower(k.Value); key {
		case "editor", "editors":
			// Read as authors are; the book keeps only their names.
			var people []article.Person
			people, err = yamlmeta.Decoder{}.People(key, v)
			for _, p := range people {
				m.Editors = append(m.Editors, p.Name)
			}
		case "cover":
			m.Cover, err = yamlmeta.Text(key, v)
			m.Cover = d.path(m.Cover)
		case "inputs":
			topInputs, err = d.inputs(key, v)
		case "sections":
			sawSections = true
			m.Sections, err = d.sections(v)
		default:
			err = fmt.Errorf("line %d: unknown key %q (want title, subtitle, editor, author, date, lang, publisher, rights, description, keywords, source, cover, sections or inputs)", k.Line, k.Value)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	m.Meta = meta.Metadata
	if m.Cover == "" {
		m.Cover = d.path(meta.CoverImage) // pandoc's name for it
	}
	if sawSections && len(topInputs) > 0 {
		return nil, errors.New("manifest: give inputs in sections or at the top level, not both")
	}
	if len(topInputs) > 0 {
		m.Sections = []manifestSection{{Inputs: topInputs}}
	}
	n := 0
	for _, s := range m.Sections {
		n += len(s.Inputs)
	}
	if n == 0 {
		return nil, errors.New("manifest: no inputs: list them under inputs:, or under sections: with a title and inputs each")
	}
	return m, nil
}

// A manifestDecoder reads the values of a manifest's own keys.
type manifestDecoder struct {
	dir string // the manifest's folder
}

// list reads one path or a list of paths.
func (d manifestDecoder) list(key string, v *yaml.Node) ([]string, error) {
	if v.Kind == yaml.ScalarNode {
		s, err := yamlmeta.Text(key, v)
		if s == "" {
			return nil, err
		}
		return []string{s}, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("line %d: %s: want a path or a list of paths, not %s", v.Line, key, yamlmeta.Describe(v))
	}
	var out []string
	for _, e := range v.Content {
		s, err := yamlmeta.Text(key, yamlmeta.Resolve(e))
		if err != nil {
			return nil, err
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// inputs reads a list of inputs, resolving paths against the manifest's
// folder.
func (d manifestDecoder) inputs(key string, v *yaml.Node) ([]string, error) {
	list, err := d.list(key, v)
	if err != nil {
		return nil, err
	}
	for i, in := range list {
		if isManifest(in) {
			return nil, fmt.Errorf("line %d: %s: %s is a manifest; a manifest lists articles", v.Line, key, in)
		}
		list[i] = d.path(in)
	}
	return list, nil
}

// path resolves a path against the manifest's folder; URLs and standard
// input stay as they are.
func (d manifestDecoder) path(p string) string {
	if p == "" || p == "-" || read.IsURL(p) || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(d.dir, p)
}

func (d manifestDecoder) sections(v *yaml.Node) ([]manifestSection, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("line %d: sections: want a list of sections, each with a title and inputs, not %s", v.Line, yamlmeta.Describe(v))
	}
	var out []manifestSection
	for _, sv := range v.Content {
		sv = yamlmeta.Resolve(sv)
		if sv.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("line %d: sections: want a title and inputs, not %s", sv.Line, yamlmeta.Describe(sv))
		}
		var s manifestSection
		err := pairs(sv, func(k, val *yaml.Node) error {
			var err error
			switch strings.ToLower(k.Value) {
			case "title":
				s.Title, err = yamlmeta.Text(k.Value, val)
			case "inputs":
				s.Inputs, err = d.inputs(k.Value, val)
			default:
				err = fmt.Errorf("line %d: unknown key %q in a section (want title or inputs)", k.Line, k.Value)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
		if len(s.Inputs) == 0 {
			return nil, fmt.Errorf("line %d: section %q has no inputs", sv.Line, s.Title)
		}
		out = append(out, s)
	}
	return out, nil
}

// pairs calls fn with each key and value of a mapping, aliases followed,
// up to the first error.
func pairs(mapping *yaml.Node, fn func(k, v *yaml.Node) error) error {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if err := fn(yamlmeta.Resolve(mapping.Content[i]), yamlmeta.Resolve(mapping.Content[i+1])); err != nil {
			return err
		}
	}
	return nil
}
