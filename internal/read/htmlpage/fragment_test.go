package htmlpage

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

func TestFragment(t *testing.T) {
	u, _ := url.Parse("https://example.com/news/story.html")
	// titled captions an image from its title, as a document around the
	// fragment might.
	titled := func(img *article.Image, title string) { img.Caption = article.Plain(title) }
	tests := []struct {
		name    string
		in      string
		opts    Options
		want    []string
		credits []article.Credit
	}{{
		name: "blocks as a page's article gives them, heading levels as written",
		in:   "<h1>Top</h1><p>Some <em>emphasis</em></p>\n<ul><li>one</li></ul>",
		want: []string{`heading 1 "Top"`, `paragraph "Some |emphasis:1"`, `list [[paragraph "one"]]`},
	}, {
		name: "relative links need the fragment's address",
		in:   `<p><a href="../about">about</a></p>`,
		want: []string{`paragraph "about"`},
	}, {
		name: "relative links resolve against it",
		in:   `<p><a href="../about">about</a></p>`,
		opts: Options{URL: u},
		want: []string{`paragraph "about@https://example.com/about"`},
	}, {
		name:    "a figure's credit is returned",
		in:      `<figure><img src="a.png"><figcaption>Boats. Photo: Jane Doe</figcaption></figure>`,
		want:    []string{`figure a.png "Boats." credit Jane Doe`},
		credits: []article.Credit{{Role: article.RolePhoto, Text: "Jane Doe", Name: "Jane Doe"}},
	}, {
		name: "an image alone has no caption without Caption",
		in:   `<p><img src="a.png" alt="Boats" title="At dawn"></p>`,
		want: []string{`figure a.png "" credit `},
	}, {
		name: "Caption captions it from its title",
		in:   `<p><img src="a.png" alt="Boats" title="At dawn"></p>`,
		opts: Options{Caption: titled},
		want: []string{`figure a.png "At dawn" credit `},
	}, {
		name: "but not an image in a figure, which has its own caption",
		in:   `<figure><img src="a.png" title="At dawn"><figcaption>Boats</figcaption></figure>`,
		opts: Options{Caption: titled},
		want: []string{`figure a.png "Boats" credit `},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, credits, err := Fragment(tt.in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range blocks {
				got = append(got, describe(b))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !reflect.DeepEqual(credits, tt.credits) {
				t.Errorf("credits = %+v, want %+v", credits, tt.credits)
			}
		})
	}
}
