package punct

import (
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// TestText checks the rules on sentences, language by language: quotes
// open and close, apostrophes, an elided century, nested quotes, dashes
// from hyphens where they stand for dashes and not where they do not
// (a command's option), the ellipsis, and French spacing.
func TestText(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"en", `She said "it's fine" and left.`, "She said “it’s fine” and left."},
		{"en", `"Don't," he said, 'please.'`, "“Don’t,” he said, ‘please.’"},
		{"en", `The students' essays from the '90s.`, "The students’ essays from the ’90s."},
		{"en", `He wrote "the 'best' one".`, "He wrote “the ‘best’ one”."},
		{"en", `pages 10--12, then -- as planned -- more---much more...`, "pages 10–12, then – as planned – more—much more…"},
		{"en", `Run it with --force or -v.`, "Run it with --force or -v."},
		{"en", `Wait.... what`, "Wait.... what"},
		{"en", `("quoted")`, "(“quoted”)"},
		{"de", `Er sagte "ja" und 'nein'.`, "Er sagte „ja“ und ‚nein‘."},
		{"fr", `Il a dit "oui" ; vraiment ? Voir https://example.com.`, "Il a dit «\u202foui\u202f»\u202f; vraiment\u202f? Voir https://example.com."},
		{"fr", `l'homme`, "l’homme"},
		{"ru", `Он сказал "да".`, "Он сказал «да»."},
		{"zh", `您认为这篇文章与"新一网"相关度高吗？`, "您认为这篇文章与“新一网”相关度高吗？"},
		{"zh-Hant", `他說"好"。`, "他說「好」。"},
		{"ja", `彼は"はい"と言った。`, "彼は「はい」と言った。"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.in, func(t *testing.T) {
			a := &article.Article{Meta: article.Metadata{Lang: tt.lang}, Body: []article.Block{&article.Paragraph{Text: article.Plain(tt.in)}}}
			Article(a)
			if got := a.Body[0].(*article.Paragraph).Text.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCodeKept checks that code keeps its characters, inline or in a
// block, that a quote across styled runs still pairs, and that the title
// and an image's text alternative are made typographic too.
func TestCodeKept(t *testing.T) {
	p := &article.Paragraph{Text: article.Text{
		{Text: `Type `}, {Text: `echo "it's" -- ...`, Style: article.Code}, {Text: ` and "see `}, {Text: `this`, Style: article.Emphasis}, {Text: `" too.`},
	}}
	pre := &article.Preformatted{Text: `x = "a" -- 'b' ...`}
	fig := &article.Figure{Image: article.Image{Alt: `The "old" bridge`}}
	a := &article.Article{Meta: article.Metadata{Lang: "en", Title: `A "Title"`}, Body: []article.Block{p, pre, fig}}
	Article(a)
	want := article.Text{
		{Text: `Type `}, {Text: `echo "it's" -- ...`, Style: article.Code}, {Text: ` and “see `}, {Text: `this`, Style: article.Emphasis}, {Text: `” too.`},
	}
	for i, r := range p.Text {
		if r != want[i] {
			t.Errorf("run %d = %q, want %q", i, r.Text, want[i].Text)
		}
	}
	if pre.Text != `x = "a" -- 'b' ...` {
		t.Errorf("code block changed: %q", pre.Text)
	}
	if a.Meta.Title != "A “Title”" {
		t.Errorf("title %q", a.Meta.Title)
	}
	if fig.Image.Alt != "The “old” bridge" {
		t.Errorf("an image's text alternative: %q", fig.Image.Alt)
	}
}
