package yamlmeta

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/pressroom/publish/internal/article"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string
		first int
		want  string // the line of the "date" key's value, or the error
	}{
		{"first line of the file", "title: T\ndate: 2018-05-18\n", 1, "line 2"},
		{"after a fence", "title: T\ndate: 2018-05-18\n", 2, "line 3"},
		{"comments before", "# a\n# b\ndate: 2018-05-18\n", 1, "line 3"},
		{"error on the first line", "title: [T\n", 1, "line 1: did not find expected ',' or ']'"},
		{"error on the first line after a fence", "title: [T\n", 2, "line 2: did not find expected ',' or ']'"},
		{"parser error on a later line", "title: T\nauthor: [Jane\n", 1, "line 2: did not find expected ',' or ']'"},
		{"scanner error", "title: \"T\nlang: en\n", 1, "line 1: found unexpected end of stream"},
		{"tab indentation is blamed on its line", "title: T\n\tauthor: x\n", 5, "line 6: found a tab character that violates indentation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := Parse([]byte(tt.yaml), tt.first)
			var got string
			switch {
			case err != nil:
				got = err.Error()
			case root == nil || root.Kind != yaml.MappingNode:
				t.Fatalf("root = %+v", root)
			default:
				for i := 0; i+1 < len(root.Content); i += 2 {
					if root.Content[i].Value == "date" {
						got = "line " + strconv.Itoa(root.Content[i+1].Line)
					}
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	for _, empty := range []string{"", "# only a comment\n"} {
		if root, err := Parse([]byte(empty), 1); root != nil || err != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", empty, root, err)
		}
	}
}

// TestDecode checks what the manifest relies on: values as written when
// there is no Text, other keys handed on in order, people as names or
// mappings. The front matter's full set of keys is tested with the
// Markdown reader.
func TestDecode(t *testing.T) {
	zone := time.FixedZone("", 2*3600)
	tests := []struct {
		name  string
		yaml  string
		want  Meta
		other []string
	}{
		{"markup kept without Text", "title: On *Moby-Dick*\nsubtitle: A `grep`", Meta{Metadata: article.Metadata{Title: "On *Moby-Dick*", Subtitle: "A `grep`"}}, nil},
		{"description stands in for the subtitle", "description: About.", Meta{Metadata: article.Metadata{Subtitle: "About."}}, nil},
		{"one author or several", "author: Ada Byron\nauthors: [Ada Byron, {name: Charles Babbage, bio: Engines.}]",
			Meta{Metadata: article.Metadata{Authors: []article.Person{{Name: "Ada Byron"}, {Name: "Charles Babbage", Bio: "Engines."}}}}, nil},
		{"dates in every form", "date: 2018-05-18 10:15 +02:00", Meta{Metadata: article.Metadata{Date: article.Date{Time: time.Date(2018, 5, 18, 10, 15, 0, 0, zone), HasTime: true}}}, nil},
		{"date printed", "date: May 18, 2018", Meta{Metadata: article.Metadata{Date: article.Day(2018, time.May, 18)}}, nil},
		{"language canonical", "lang: EN_gb", Meta{Metadata: article.Metadata{Lang: "en-GB"}}, nil},
		{"the rest", "publisher: P\ncopyright: R\ntags: a, b\nsource: https://example.com/\ncover-image: c.jpg\ncategory: S",
			Meta{Metadata: article.Metadata{Publisher: "P", Rights: "R", Keywords: []string{"a", "b"}, SourceURL: "https://example.com/", Section: "S"}, CoverImage: "c.jpg"}, nil},
		{"an ISBN, printed as given", "isbn: 978-3-16-148410-0", Meta{Metadata: article.Metadata{Identifier: "ISBN 978-3-16-148410-0"}}, nil},
		{"an identifier of any kind", "identifier: urn:example:harbour-1", Meta{Metadata: article.Metadata{Identifier: "urn:example:harbour-1"}}, nil},
		{"other keys handed on", "sections: x\nTitle: T\ninputs: y", Meta{Metadata: article.Metadata{Title: "T"}}, []string{"sections", "inputs"}},
		{"null is empty", "title: ~\nauthor:\nrights: null", Meta{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := Parse([]byte(tt.yaml), 1)
			if err != nil {
				t.Fatal(err)
			}
			var other []string
			got, err := Decoder{}.Decode(root, func(k, v *yaml.Node) error {
				other = append(other, k.Value)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(other, tt.other) {
				t.Errorf("got %+v, other %q\nwant %+v, other %q", got, other, tt.want, tt.other)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"title: [a, b]", "line 1: title: want text, got a list"},
		{"title: T\nauthor: [[Jane, Doe]]", "line 2: author: want a name or a mapping with a name, got a list"},
		{"authors:\n  - bio: Writes.", "line 2: authors: an author has no name"},
		{"keywords: {a: b}", "line 1: keywords: want a list or text, got a mapping"},
		{"date: soon", `line 1: date: cannot read "soon" as a date (write it as 2018-05-18 or May 18, 2018)`},
		{"date: 2018-02-30", `line 1: date: cannot read "2018-02-30" as a date (write it as 2018-05-18 or May 18, 2018)`},
		{"lang: english!", `line 1: lang: "english!" is not a BCP 47 language tag such as en or pt-BR`},
		{"title: T\nchapters: x", `line 2: chapters: refused`},
		{"source: javascript:alert(1)", `line 1: source: want an http or https address, got "javascript:alert(1)"`},
		{"source: file:///etc/passwd", `line 1: source: want an http or https address, got "file:///etc/passwd"`},
	}
	for _, tt := range tests {
		root, err := Parse([]byte(tt.yaml), 1)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Decoder{}.Decode(root, func(k, v *yaml.Node) error { return errorf(k, "%s: refused", k.Value) })
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v, want %q", tt.yaml, err, tt.want)
		}
	}
}

func TestPeopleEditors(t *testing.T) {
	root, err := Parse([]byte("editors: [Ada Byron, {bio: x}]"), 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Decoder{}.People("editors", root.Content[1])
	if want := "line 1: editors: an editor has no name"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestAppendNew(t *testing.T) {
	got := appendNew([]string{"a", "b"}, "b", "", "c", "a", "c", "d")
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("appendNew = %q, want %q", got, want)
	}
}

// BenchmarkKeywords reads front matter of 80,000 keywords, which a
// quadratic dedup took 20 s over.
func BenchmarkKeywords(b *testing.B) {
	var src strings.Builder
	src.WriteString("keywords: [")
	for i := range 80000 {
		fmt.Fprintf(&src, "kw%d, ", i)
	}
	src.WriteString("]\n")
	for b.Loop() {
		root, err := Parse([]byte(src.String()), 1)
		if err != nil {
			b.Fatal(err)
		}
		m, err := (Decoder{}).Decode(root, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Keywords) != 80000 {
			b.Fatalf("%d keywords", len(m.Keywords))
		}
	}
}
