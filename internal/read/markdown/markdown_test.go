package markdown

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/images"
)

func TestParseBody(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{{
		name: "paragraphs, soft breaks joined",
		in:   "One line\nwrapped here.\n\nSecond paragraph.\n",
		want: []string{"p One line wrapped here.", "p Second paragraph."},
	}, {
		name: "heading levels shifted so the top is 2",
		in:   "### Top\n\ntext\n\n#### Under\n\n### Top again\n",
		want: []string{"h2 Top", "p text", "h3 Under", "h2 Top again"},
	}, {
		name: "skipped heading levels closed up",
		in:   "## A\n\n#### B\n\n###### C\n\n## D\n\n### E\n",
		want: []string{"h2 A", "h3 B", "h4 C", "h2 D", "h3 E"},
	}, {
		name: "several h1 are sections, not a title",
		in:   "# One\n\ntext\n\n# Two\n\n## Two point one\n",
		want: []string{"h2 One", "p text", "h2 Two", "h3 Two point one"},
	}, {
		name: "setext headings",
		in:   "Part\n====\n\nSub\n---\n\ntext\n",
		want: []string{"h2 Sub", "p text"}, // the single leading h1 is the title
	}, {
		name: "inline styles nest",
		in:   "*em **both** em* and **strong *both*** and `code` and ***all***\n",
		want: []string{"p <i>em </i><i><b>both</b></i><i> em</i> and <b>strong </b><i><b>both</b></i> and <code>code</code> and <i><b>all</b></i>"},
	}, {
		name: "underscores and intraword asterisks",
		in:   "_em_ __strong__ snake_case_name 2*3*4\n",
		want: []string{"p <i>em</i> <b>strong</b> snake_case_name 2<i>3</i>4"},
	}, {
		name: "links carry their target through styles",
		in:   "See [the *full* report](https://example.com/r \"Report\") and [ref][r].\n\n[r]: https://example.org/x\n",
		want: []string{`p See <a href="https://example.com/r">the </a><a href="https://example.com/r"><i>full</i></a><a href="https://example.com/r"> report</a> and <a href="https://example.org/x">ref</a>.`},
	}, {
		name: "autolinks and bare links",
		in:   "Mail <jane@example.com>, visit <https://a.example> or www.example.com today.\n",
		want: []string{`p Mail <a href="mailto:jane@example.com">jane@example.com</a>, visit <a href="https://a.example">https://a.example</a> or <a href="http://www.example.com">www.example.com</a> today.`},
	}, {
		name: "code in a link",
		in:   "[`go vet`](https://go.dev/cmd/vet)\n",
		want: []string{`p <a href="https://go.dev/cmd/vet"><code>go vet</code></a>`},
	}, {
		name: "hard breaks: two spaces, backslash, <br>",
		in:   "Roses are red,  \nviolets blue,\\\nsugar is sweet<br/>and so are you.\n",
		want: []string{"p Roses are red,<br>violets blue,<br>sugar is sweet<br>and so are you."},
	}, {
		name: "escapes and entities",
		in:   "\\*not emphasis\\* &amp; &copy; &#8212; AT&T \\\\ done\n",
		want: []string{"p *not emphasis* & © — AT&T \\ done"},
	}, {
		name: "inline raw HTML dropped to its text",
		in:   "A <span class=\"x\">styled</span> word<!-- note --> and <b>bold</b>.\n",
		want: []string{"p A styled word and bold."},
	}, {
		name: "HTML block read as the HTML reader reads a page",
		in:   "<div align=\"center\">\n<p>First &amp; <em>one</em></p>\n<p>Second<br>line</p>\n<script>var x;</script>\n</div>\n\n<!-- a comment -->\n",
		want: []string{"p First & <i>one</i>", "p Second<br>line"},
	}, {
		name: "strikethrough as plain text",
		in:   "It was ~~red~~ blue.\n",
		want: []string{"p It was red blue."},
	}, {
		name: "block quote with two paragraphs and a nested quote",
		in:   "> First.\n>\n> Second.\n>\n> > Inner.\n",
		want: []string{"quote", "  p First.", "  p Second.", "  quote", "    p Inner."},
	}, {
		name: "bullet list, tight",
		in:   "- one\n- two\n- three\n",
		want: []string{"ul", "  item", "    p one", "  item", "    p two", "  item", "    p three"},
	}, {
		name: "ordered list with a start number and a nested list",
		in:   "3. three\n4. four\n   - a\n   - b\n\n     more b\n",
		want: []string{"ol 3", "  item", "    p three", "  item", "    p four", "    ul", "      item", "        p a", "      item", "        p b", "        p more b"},
	}, {
		name: "task list markers kept as written",
		in:   "- [ ] to do\n- [x] done\n",
		want: []string{"ul", "  item", "    p [ ] to do", "  item", "    p [x] done"},
	}, {
		name: "fenced and indented code",
		in:   "```go\nfunc main() {\n\tfmt.Println(\"*hi*\")\n}\n```\n\ntext\n\n    indented  code\n    line two\n",
		want: []string{"pre func main() {\n\tfmt.Println(\"*hi*\")\n}", "p text", "pre indented  code\nline two"},
	}, {
		name: "thematic breaks dropped",
		in:   "Before.\n\n* * *\n\nAfter.\n",
		want: []string{"p Before.", "p After."},
	}, {
		name: "GFM table",
		in:   "| Year | Output |\n|:-----|------:|\n| 2017 | **4.2** |\n| 2018 |  |\n| [2019](https://x.example) | 5 |\n",
		want: []string{"table left right", "  | th Year | th Output", "  | 2017 | <b>4.2</b>", "  | 2018 | ", `  | <a href="https://x.example">2019</a> | 5`},
	}, {
		name: "footnote references",
		in:   "Claim[^b] and another[^a].\n\n[^a]: Note A.\n[^b]: Note B with *style*.\n",
		want: []string{"p Claim<sup>1</sup> and another<sup>2</sup>."},
	}, {
		name: "image inside text reads as its alt",
		in:   "Click ![the gear icon](gear.png) to start.\n",
		want: []string{"p Click the gear icon to start."},
	}, {
		name: "empty things leave nothing",
		in:   "#\n\n>\n\n-\n\n```\n```\n",
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(a.Body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTitle(t *testing.T) {
	const para = "Text.\n"
	tests := []struct {
		name, in  string
		title     string
		firstLine string // the first line of the body's outline
	}{
		{"leading h1 is the title", "# The Title\n\n" + para, "The Title", "p Text."},
		{"h1 with styles gives plain title", "# The *Real* Cost\n\n" + para, "The Real Cost", "p Text."},
		{"h1 not first is a heading", "Intro.\n\n# Later\n\n" + para, "", "p Intro."},
		{"front matter title drops an equal h1", "---\ntitle: The  title\n---\n# The Title\n\n" + para, "The  title", "p Text."},
		{"front matter title keeps a different h1", "---\ntitle: Official\n---\n# Working title\n\n" + para, "Official", "h2 Working title"},
		{"no heading, no title", para, "", "p Text."},
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
			if got := outline(a.Body); len(got) == 0 || got[0] != tt.firstLine {
				t.Errorf("body = %q, want it to start with %q", got, tt.firstLine)
			}
		})
	}
}

// testPNG returns a w×h PNG.
func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{200, 30, 30, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImages(t *testing.T) {
	pic := testPNG(t, 40, 30)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fox.png"), pic, 0o644); err != nil {
		t.Fatal(err)
	}
	dataURI := "data:image/png;base64," + base64.StdEncoding.EncodeToString(testPNG(t, 8, 4))
	loader := &images.Loader{Dir: dir}

	tests := []struct {
		name    string
		in      string
		loader  *images.Loader
		want    []string
		credits []article.Credit
		warns   int
	}{{
		name:    "figure from a file, caption from the title, credit split off",
		in:      "![A red fox](fox.png \"A fox in the snow. Photo: Jane Doe\")\n",
		loader:  loader,
		want:    []string{"fig fox.png | A red fox | A fox in the snow. | Jane Doe | image/png 40x30"},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}},
	}, {
		name:    "caption from the alt text when there is no title",
		in:      "![Harbour at dawn (Photo: Reuters)](fox.png)\n",
		loader:  loader,
		want:    []string{"fig fox.png | Harbour at dawn (Photo: Reuters) | Harbour at dawn | Reuters | image/png 40x30"},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Reuters", Agency: "Reuters"}},
	}, {
		name:   "a data: URI",
		in:     "![dot](" + dataURI + ")\n",
		loader: loader,
		want:   []string{"fig " + dataURI + " | dot | dot |  | image/png 8x4"},
	}, {
		name:   "two images in one paragraph, one linked",
		in:     "![one](fox.png)\n[![two](fox.png)](https://example.com/big.png)\n",
		loader: loader,
		want: []string{"fig fox.png | one | one |  | image/png 40x30",
			"fig fox.png | two | two |  | image/png 40x30"},
	}, {
		name: "no loader keeps the source only",
		in:   "![A red fox](fox.png)\n",
		want: []string{"fig fox.png | A red fox | A red fox | "},
	}, {
		name:   "a missing image keeps its caption and warns",
		in:     "![Gone](missing.png \"Lost picture\")\n",
		loader: &images.Loader{Dir: dir},
		want:   []string{"fig missing.png | Gone | Lost picture | "},
		warns:  1,
	}, {
		name:    "an HTML img alone is a figure",
		in:      "<img src=\"fox.png\" alt=\"Fox\" title=\"Credit: Getty Images\">\n",
		loader:  loader,
		want:    []string{"fig fox.png | Fox | Fox | Getty Images | image/png 40x30"},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Getty Images", Agency: "Getty Images"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			a, err := Parse([]byte(tt.in), Options{Images: tt.loader, Warn: func(s string) { warns = append(warns, s) }})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(a.Body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(a.Credits, tt.credits) {
				t.Errorf("credits = %+v, want %+v", a.Credits, tt.credits)
			}
			if len(warns) != tt.warns {
				t.Errorf("warnings = %q, want %d", warns, tt.warns)
			}
		})
	}
}

func TestCoverImage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cover.png"), testPNG(t, 16, 24), 0o644); err != nil {
		t.Fatal(err)
	}
	in := []byte("---\ntitle: T\ncover-image: cover.png\n---\nText.\n")
	a, err := Parse(in, Options{Images: &images.Loader{Dir: dir}})
	if err != nil {
		t.Fatal(err)
	}
	img := a.Meta.LeadImage
	if img == nil || img.Src != "cover.png" || img.MediaType != "image/png" || img.Width != 16 || img.Height != 24 {
		t.Errorf("lead image = %+v", img)
	}
	a, err = Parse(in, Options{})
	if err != nil || a.Meta.LeadImage == nil || a.Meta.LeadImage.Src != "cover.png" || a.Meta.LeadImage.Data != nil {
		t.Errorf("without a loader: lead image = %+v, %v", a.Meta.LeadImage, err)
	}
}

func TestNormalized(t *testing.T) {
	a, err := Parse([]byte("---\ntitle: Universita\u0308t\n---\nUniversita\u0308t\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.Title != "Universität" || a.Body[0].(*article.Paragraph).Text.String() != "Universität" {
		t.Errorf("not NFC: %q, %q", a.Meta.Title, a.Body[0].(*article.Paragraph).Text.String())
	}
}

// TestLinkSchemes checks that a link a reader could be harmed or misled by
// (a script, a local file, inline data) becomes plain text, and that web,
// mail and relative links stay links.
func TestLinkSchemes(t *testing.T) {
	tests := []struct{ dest, want string }{
		{"https://example.com/a", "https://example.com/a"},
		{"http://example.com", "http://example.com"},
		{"mailto:ed@example.com", "mailto:ed@example.com"},
		{"notes.md", "notes.md"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"data:text/html,<b>x</b>", ""},
		{"vbscript:x", ""},
	}
	for _, tt := range tests {
		a, err := Parse([]byte("A paragraph with [a link]("+tt.dest+") in it.\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		p := a.Body[0].(*article.Paragraph)
		var link string
		for _, r := range p.Text {
			if r.Text == "a link" {
				link = r.Link
			}
		}
		if link != tt.want {
			t.Errorf("[a link](%s) links to %q, want %q", tt.dest, link, tt.want)
		}
		if !strings.Contains(p.Text.String(), "a link") {
			t.Errorf("[a link](%s) lost its text: %q", tt.dest, p.Text.String())
		}
	}
}

// TestFootnotes checks that footnotes become the article's notes, numbered
// in the order the text first refers to them, and leave the body.
func TestFootnotes(t *testing.T) {
	a, err := Parse([]byte("Claim[^b] and another[^a], and again[^b].\n\n[^a]: Note A.\n[^b]: Note B with *style*.\n\n    and a second paragraph.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, n := range a.Notes {
		got = append(got, outline(n.Blocks))
	}
	want := [][]string{{"p Note B with <i>style</i>.", "p and a second paragraph."}, {"p Note A."}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
	if body := outline(a.Body); !reflect.DeepEqual(body, []string{"p Claim<sup>1</sup> and another<sup>2</sup>, and again<sup>1</sup>."}) {
		t.Errorf("body %q", body)
	}
}
