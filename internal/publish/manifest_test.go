package publish

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
)

func TestParseManifest(t *testing.T) {
	dir := filepath.Join("books", "one")
	m, err := parseManifest([]byte(`title: Dispatches
subtitle: A year of long reads
editor: [Ada Byron, Charles Babbage]
date: 2026-11-27
lang: en-gb
publisher: The Pressroom
rights: CC BY 4.0
cover: art/cover.jpg
sections:
  - title: Asia
    inputs: [china-power.txt, saved/tokyo.html]
  - title: Europe
    inputs:
      - https://example.org/rome
      - /abs/paris.md
`), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := &manifest{
		Meta: article.Metadata{
			Title: "Dispatches", Subtitle: "A year of long reads",
			Date: article.Day(2026, time.November, 27), Lang: "en-GB",
			Publisher: "The Pressroom", Rights: "CC BY 4.0",
		},
		Editors: []string{"Ada Byron", "Charles Babbage"},
		Cover:   filepath.Join(dir, "art/cover.jpg"),
		Sections: []manifestSection{
			{Title: "Asia", Inputs: []string{filepath.Join(dir, "china-power.txt"), filepath.Join(dir, "saved/tokyo.html")}},
			{Title: "Europe", Inputs: []string{"https://example.org/rome", "/abs/paris.md"}},
		},
	}
	if got, exp := describeManifest(m), describeManifest(want); got != exp {
		t.Errorf("manifest:\n%s\nwant:\n%s", got, exp)
	}

	// Inputs at the top level make one untitled section.
	m, err = parseManifest([]byte("title: T\nauthor: Solo Writer\ninputs:\n  - a.txt\n  - b.txt\n"), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sections) != 1 || m.Sections[0].Title != "" || len(m.Sections[0].Inputs) != 2 || m.Meta.Authors[0].Name != "Solo Writer" {
		t.Errorf("top-level inputs: %s", describeManifest(m))
	}

	// The metadata keys read as front matter reads them.
	m, err = parseManifest([]byte("title: T\ndescription: About.\nkeywords: a, b\neditors:\n  - name: Ada Byron\n    bio: Poet.\ndate: May 18, 2018\ncover-image: c.jpg\ninputs: a.txt\n"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Meta.Subtitle != "About." || strings.Join(m.Meta.Keywords, ",") != "a,b" || strings.Join(m.Editors, ",") != "Ada Byron" ||
		m.Meta.Date.String() != "2018-05-18" || m.Cover != filepath.Join(dir, "c.jpg") {
		t.Errorf("front matter keys: %s %q", describeManifest(m), m.Meta.Keywords)
	}
}

func describeManifest(m *manifest) string {
	var b strings.Builder
	b.WriteString(strings.Join([]string{m.Meta.Title, m.Meta.Subtitle, strings.Join(m.Editors, ";"), strings.Join(m.Meta.AuthorNames(), ";"), m.Meta.Date.String(), m.Meta.Lang, m.Meta.Publisher, m.Meta.Rights, m.Cover}, "|"))
	for _, s := range m.Sections {
		b.WriteString("\n" + s.Title + ": " + strings.Join(s.Inputs, ", "))
	}
	return b.String()
}

func TestParseManifestErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"", "manifest: the file is empty"},
		{"- a.txt\n", `manifest: line 1: want keys such as title: and sections:, not a list`},
		{"title: [a, b]\ninputs: [a.txt]\n", `manifest: line 1: title: want text, got a list`},
		{"title: T\nchapters: [a.txt]\n", `manifest: line 2: unknown key "chapters"`},
		{"title: T\n", "manifest: no inputs"},
		{"title: T\nsections:\n  - title: A\n", `manifest: line 3: section "A" has no inputs`},
		{"title: T\nsections:\n  - title: A\n    input: [a.txt]\n", `manifest: line 4: unknown key "input" in a section`},
		{"title: T\nsections: a.txt\n", "manifest: line 2: sections: want a list of sections"},
		{"title: T\ninputs: [a.txt]\nsections:\n  - inputs: [b.txt]\n", "manifest: give inputs in sections or at the top level, not both"},
		{"title: T\ndate: soon\ninputs: [a.txt]\n", `manifest: line 2: date: cannot read "soon" as a date`},
		{"title: T\nlang: english!\ninputs: [a.txt]\n", `manifest: line 2: lang: "english!" is not a BCP 47 language tag`},
		{"title: T\ninputs: [other.yaml]\n", "manifest: line 2: inputs: other.yaml is a manifest"},
		{"title: T\ninputs: [a.txt\n", "manifest: line "},
	}
	for _, tt := range tests {
		_, err := parseManifest([]byte(tt.yaml), ".")
		if err == nil {
			t.Errorf("%q: no error, want %q", tt.yaml, tt.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %q, want one line starting %q", tt.yaml, err, tt.want)
		}
	}
}
