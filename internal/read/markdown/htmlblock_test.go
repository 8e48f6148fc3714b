package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/images"
)

// TestHTMLBlock checks that a raw HTML block is read as the HTML reader
// reads a page, keeping what a converter of its own used to lose: styles,
// links, lists, headings, quotes, preformatted text and captioned figures.
func TestHTMLBlock(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fox.png"), testPNG(t, 40, 30), 0o644); err != nil {
		t.Fatal(err)
	}
	loader := &images.Loader{Dir: dir}

	tests := []struct {
		name    string
		in      string
		want    []string
		credits []article.Credit
	}{{
		name: "emphasis, strong and code",
		in:   "<p>A <em>quiet</em>, <b>loud</b> and <code>x := 1</code> line</p>\n",
		want: []string{"p A <i>quiet</i>, <b>loud</b> and <code>x := 1</code> line"},
	}, {
		name: "links kept through styles; in-page and relative ones lose only their target",
		in:   "<p>See <a href=\"https://example.com/r\">the <i>report</i></a>, <a href=\"mailto:a@example.com\">mail</a>, <a href=\"#top\">top</a> and <a href=\"notes.md\">notes</a>.</p>\n",
		want: []string{`p See <a href="https://example.com/r">the </a><a href="https://example.com/r"><i>report</i></a>, <a href="mailto:a@example.com">mail</a>, top and notes.`},
	}, {
		name: "nested lists with a start number",
		in:   "<ul>\n<li>one</li>\n<li>two <em>b</em>\n<ol start=\"3\"><li>three</li></ol></li>\n</ul>\n",
		want: []string{"ul", "  item", "    p one", "  item", "    p two <i>b</i>", "    ol 3", "      item", "        p three"},
	}, {
		name: "headings take their place among the Markdown ones",
		in:   "## Markdown part\n\n<h3>HTML <em>part</em></h3>\n<p>text</p>\n\n#### Markdown sub\n",
		want: []string{"h2 Markdown part", "h3 HTML <i>part</i>", "p text", "h4 Markdown sub"},
	}, {
		name: "a quote and preformatted text",
		in:   "<blockquote><p>Said <b>so</b>.</p><p>Twice.</p></blockquote>\n<pre>  a\n    b</pre>\n",
		want: []string{"quote", "  p Said <b>so</b>.", "  p Twice.", "pre   a\n    b"},
	}, {
		name: "a table read as a table",
		in:   "<table><tr><th>Year</th><th>Output</th></tr><tr><td>2017</td><td><b>4.2</b></td></tr></table>\n",
		want: []string{"table ", "  | th Year | th Output", "  | 2017 | <b>4.2</b>"},
	}, {
		name:    "an image alone captioned as a Markdown image is, from its title",
		in:      "<div><img src=\"fox.png\" alt=\"Fox\" title=\"A fox in the snow. Photo: Jane Doe\"></div>\n",
		want:    []string{"fig fox.png | Fox | A fox in the snow. | Jane Doe | image/png 40x30"},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}},
	}, {
		name: "an image alone without a title captioned from its alt text",
		in:   "<p align=\"center\"><img src=\"fox.png\" alt=\"A red fox\" width=\"400\"></p>\n",
		want: []string{"fig fox.png | A red fox | A red fox |  | image/png 40x30"},
	}, {
		name:    "a figure keeps its styled caption and credit",
		in:      "<figure><img src=\"fox.png\" alt=\"Fox\"><figcaption>A <em>red</em> fox. <span class=\"credit\">Jane Doe</span></figcaption></figure>\n",
		want:    []string{"fig fox.png | Fox | A <i>red</i> fox. | Jane Doe | image/png 40x30"},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}},
	}, {
		name: "an image within text splits the paragraph",
		in:   "<p>Before <img src=\"fox.png\" alt=\"Fox\"> after</p>\n",
		want: []string{"p Before", "fig fox.png | Fox | Fox |  | image/png 40x30", "p after"},
	}, {
		name: "scripts, styles, titles and comments have no words",
		in:   "<div>\n<script>var x;</script><style>p {}</style><title>Tab</title>\n<!-- a note -->\n<p>kept</p>\n</div>\n\n<!-- a comment -->\n",
		want: []string{"p kept"},
	}, {
		name: "a lone h1 is the title, as a Markdown one is",
		in:   "<h1>The <em>Title</em></h1>\n\nText.\n",
		want: []string{"p Text."},
	}, {
		name: "an icon reads as its alt text",
		in:   "<p>Smile <img src=\"e.png\" alt=\"🙂\" width=\"16\" height=\"16\"> on</p>\n",
		want: []string{"p Smile 🙂 on"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse([]byte(tt.in), Options{Images: loader})
			if err != nil {
				t.Fatal(err)
			}
			if got := outline(a.Body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(a.Credits, tt.credits) {
				t.Errorf("credits = %+v, want %+v", a.Credits, tt.credits)
			}
		})
	}
}
