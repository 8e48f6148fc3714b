package epub

import (
	"slices"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
)

// TestFontsFor checks that --epub-fonts embeds a CJK fallback only for the
// script the text is in: each is about 4 MB.
func TestFontsFor(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Plain English.", nil, []string{fonts.Fallback, fonts.FallbackKorean}},
		{"中国和朝鲜的关系", []string{fonts.Fallback}, []string{fonts.FallbackKorean}},
		{"한국의 경제", []string{fonts.FallbackKorean}, []string{fonts.Fallback}},
		{"日本語と한국어", []string{fonts.Fallback, fonts.FallbackKorean}, nil},
	}
	for _, tt := range tests {
		a := &article.Article{Meta: article.Metadata{Title: "T"}, Body: []article.Block{&article.Paragraph{Text: article.Plain(tt.text)}}}
		b := &book{pub: article.Single(a), opts: Options{EmbedFonts: true}}
		var got []string
		for _, f := range b.fontsFor() {
			got = append(got, f.name)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: faces %q lack %s", tt.text, got, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: faces %q needlessly hold %s", tt.text, got, n)
			}
		}
	}
}
