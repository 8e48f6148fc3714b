package markdown

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
)

func TestFrontMatter(t *testing.T) {
	zone := time.FixedZone("", 2*3600)
	tests := []struct {
		name string
		yaml string // between the --- lines
		want article.Metadata
	}{
		{"title and subtitle", "title: A Title\nsubtitle: A dek", article.Metadata{Title: "A Title", Subtitle: "A dek"}},
		{"title markup dropped to text", `title: "On *Moby-Dick* and ` + "`grep`" + `"`, article.Metadata{Title: "On Moby-Dick and grep"}},
		{"title that looks like a list stays text", `title: "1. Introduction"`, article.Metadata{Title: "1. Introduction"}},
		{"title as a number", "title: 1984", article.Metadata{Title: "1984"}},
		{"description is the subtitle when there is none", "description: What it is about.", article.Metadata{Subtitle: "What it is about."}},
		{"subtitle beats description in either order", "description: Long.\nsubtitle: Short.", article.Metadata{Subtitle: "Short."}},
		{"author as a string", "author: Jane Doe", article.Metadata{Authors: []article.Person{{Name: "Jane Doe"}}}},
		{"author as a list of strings", "author:\n  - Jane Doe\n  - John Roe", article.Metadata{Authors: []article.Person{{Name: "Jane Doe"}, {Name: "John Roe"}}}},
		{"authors as a flow list", "authors: [Jane Doe, John Roe]", article.Metadata{Authors: []article.Person{{Name: "Jane Doe"}, {Name: "John Roe"}}}},
		{"author as a list of mappings", "author:\n  - name: Jane Doe\n    bio: Jane Doe writes about ships.\n  - name: John Roe\n    affiliation: Harbour University\n    email: john@example.com",
			article.Metadata{Authors: []article.Person{{Name: "Jane Doe", Bio: "Jane Doe writes about ships."}, {Name: "John Roe", Bio: "Harbour University"}}}},
		{"author as one mapping", "author: {name: Jane Doe, affiliation: [Uni A, Uni B]}", article.Metadata{Authors: []article.Person{{Name: "Jane Doe", Bio: "Uni A; Uni B"}}}},
		{"date as a YAML date", "date: 2018-05-18", article.Metadata{Date: article.Day(2018, time.May, 18)}},
		{"date quoted", `date: "2018-05-18"`, article.Metadata{Date: article.Day(2018, time.May, 18)}},
		{"date as sites print it", "date: May 18, 2018", article.Metadata{Date: article.Day(2018, time.May, 18)}},
		{"date day first", "date: 18 May 2018", article.Metadata{Date: article.Day(2018, time.May, 18)}},
		{"date with a zoned time", "date: 2018-05-18T10:15:00+02:00", article.Metadata{Date: article.Date{Time: time.Date(2018, 5, 18, 10, 15, 0, 0, zone), HasTime: true}}},
		{"date with a YAML spaced time", "date: 2018-05-18 10:15:00 +02:00", article.Metadata{Date: article.Date{Time: time.Date(2018, 5, 18, 10, 15, 0, 0, zone), HasTime: true}}},
		{"date with a time but no zone keeps the day", "date: 2018-05-18T10:15:00", article.Metadata{Date: article.Day(2018, time.May, 18)}},
		{"empty date", "date:", article.Metadata{}},
		{"lang normalised", "lang: en_us", article.Metadata{Lang: "en-US"}},
		{"lang with script", "lang: zh-hant-tw", article.Metadata{Lang: "zh-Hant-TW"}},
		{"language key", "language: de", article.Metadata{Lang: "de"}},
		{"publisher and rights", "publisher: The Diplomat\nrights: © 2018 Jane Doe, CC BY 4.0", article.Metadata{Publisher: "The Diplomat", Rights: "© 2018 Jane Doe, CC BY 4.0"}},
		{"copyright as rights", "copyright: All rights reserved", article.Metadata{Rights: "All rights reserved"}},
		{"keywords as a list", "keywords: [China, North Korea]", article.Metadata{Keywords: []string{"China", "North Korea"}}},
		{"keywords comma separated", "keywords: China, North Korea , trade,", article.Metadata{Keywords: []string{"China", "North Korea", "trade"}}},
		{"keywords and tags merged", "keywords: [a, b]\ntags: [b, c]", article.Metadata{Keywords: []string{"a", "b", "c"}}},
		{"source", "source: https://example.com/story", article.Metadata{SourceURL: "https://example.com/story"}},
		{"section", "section: China Power", article.Metadata{Section: "China Power"}},
		{"category list takes the first", "categories: [Essays, Travel]", article.Metadata{Section: "Essays"}},
		{"section beats category", "category: B\nsection: A", article.Metadata{Section: "A"}},
		{"unknown keys ignored", "layout: post\ndraft: true\nweight: {a: 1}", article.Metadata{}},
		{"keys in any case", "Title: Big\nAUTHOR: Jane Doe", article.Metadata{Title: "Big", Authors: []article.Person{{Name: "Jane Doe"}}}},
		{"anchors and aliases", "publisher: &p Pressroom\nrights: *p", article.Metadata{Publisher: "Pressroom", Rights: "Pressroom"}},
		{"comments only", "# nothing here", article.Metadata{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte("---\n"+tt.yaml+"\n---\nBody text.\n"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Meta, tt.want) {
				t.Errorf("meta = %+v\nwant   %+v", a.Meta, tt.want)
			}
			if got := outline(a.Body); !reflect.DeepEqual(got, []string{"p Body text."}) {
				t.Errorf("body = %q", got)
			}
		})
	}
}

func TestFrontMatterDelimiters(t *testing.T) {
	tests := []struct {
		name, in string
		title    string
		body     []string
	}{
		{"closed by ...", "---\ntitle: T\n...\nText.\n", "T", []string{"p Text."}},
		{"CRLF line endings", "---\r\ntitle: T\r\n---\r\nText.\r\n", "T", []string{"p Text."}},
		{"trailing spaces on the fences", "--- \ntitle: T\n---  \nText.\n", "T", []string{"p Text."}},
		{"empty block", "---\n---\nText.\n", "", []string{"p Text."}},
		{"a thematic break then a blank line is no front matter", "---\n\ntitle: T\n", "", []string{"p title: T"}},
		{"an unclosed break over text is no front matter", "---\nJust text here.\n", "", []string{"p Just text here."}},
		{"not on the first line", "Text.\n\n---\ntitle: T\n---\n", "", []string{"p Text.", "h2 title: T"}},
		{"the body starts with its own break", "---\ntitle: T\n---\n---\n\nText.\n", "T", []string{"p Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Meta.Title, tt.title)
			}
			if got := outline(a.Body); !reflect.DeepEqual(got, tt.body) {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // the whole error message
	}{
		{"unclosed block", "---\ntitle: T\n\nText.\n",
			"front matter: line 1: the block opened by --- is never closed by a line --- or ..."},
		{"invalid YAML", "---\ntitle: T\nauthor: [Jane\n---\nText.\n",
			"front matter: line 3: did not find expected ',' or ']'"},
		{"invalid YAML on the first line", "---\nauthor: [Jane\n---\nText.\n",
			"front matter: line 2: did not find expected ',' or ']'"},
		{"unclosed quote", "---\ntitle: \"T\nlang: en\n---\nText.\n",
			"front matter: line 2: found unexpected end of stream"},
		{"missing colon", "---\ntitle: T\nsubtitle\nlang: en\n---\n",
			"front matter: line 3: could not find expected ':'"},
		{"tab indentation", "---\ntitle: T\n\tauthor: x\n---\n",
			"front matter: line 3: found a tab character that violates indentation"},
		{"not a mapping", "---\n- a\n- b\n---\n",
			`front matter: line 2: want keys and values (key: value), got a list`},
		{"title of the wrong type", "---\ntitle: T\nsubtitle: [a, b]\n---\n",
			`front matter: line 3: subtitle: want text, got a list`},
		{"title as a mapping", "---\n# a comment\ntitle:\n  main: T\n---\n",
			`front matter: line 4: title: want text, got a mapping`},
		{"author without a name", "---\nauthor:\n  - Jane Doe\n  - bio: Writes.\n---\n",
			`front matter: line 4: author: an author has no name`},
		{"author of the wrong type", "---\nauthor: [[Jane, Doe]]\n---\n",
			`front matter: line 2: author: want a name or a mapping with a name, got a list`},
		{"bio of the wrong type", "---\nauthor:\n  name: Jane\n  bio: [a]\n---\n",
			`front matter: line 4: author.bio: want text, got a list`},
		{"keywords of the wrong type", "---\nkeywords:\n  a: b\n---\n",
			`front matter: line 3: keywords: want a list or text, got a mapping`},
		{"keyword list holding a mapping", "---\nkeywords:\n  - a\n  - b: c\n---\n",
			`front matter: line 4: keywords: want a list of words, got a mapping in the list`},
		{"unreadable date", "---\ndate: next Tuesday\n---\n",
			`front matter: line 2: date: cannot read "next Tuesday" as a date (write it as 2018-05-18 or May 18, 2018)`},
		{"impossible date", "---\ndate: 2018-02-30\n---\n",
			`front matter: line 2: date: cannot read "2018-02-30" as a date (write it as 2018-05-18 or May 18, 2018)`},
		{"bad language tag", "---\ntitle: T\nlang: english!\n---\n",
			`front matter: line 3: lang: "english!" is not a BCP 47 language tag such as en or pt-BR`},
		{"unknown language", "---\nlang: xx-yyyyyyyyy\n---\n",
			`front matter: line 2: lang: "xx-yyyyyyyyy" is not a BCP 47 language tag such as en or pt-BR`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), Options{})
			if err == nil {
				t.Fatalf("no error; meta = %+v", a.Meta)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q\nwant    %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "front matter: line ") {
				t.Errorf("error %q does not name the line", err)
			}
		})
	}
}
