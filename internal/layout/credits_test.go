package layout

import (
	"slices"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

func TestCreditParagraphs(t *testing.T) {
	fig := func(credit string) *article.Figure {
		return &article.Figure{Image: article.Image{Credit: credit}}
	}
	tests := []struct {
		name string
		a    article.Article
		want []string
	}{
		{"none", article.Article{}, nil},
		{
			name: "bio, lead image, credits, source, rights in order",
			a: article.Article{
				Meta: article.Metadata{
					Authors:   []article.Person{{Name: "A", Bio: " A writes. "}, {Name: "B"}},
					LeadImage: &article.Image{Credit: "Lead Agency"},
					Publisher: "The Paper", SourceURL: "https://example.org/a", Rights: "CC BY 4.0",
				},
				Credits: []article.Credit{
					{Role: article.RolePhoto, Text: "Lead Agency"},
					{Role: article.RoleIllustration, Text: "Ink Studio"},
					{Role: article.RoleAuthorBio, Text: "A writes."},
				},
			},
			want: []string{"A writes.", "Photo: Lead Agency", "Illustration: Ink Studio",
				"Source: The Paper, https://example.org/a", "Rights: CC BY 4.0"},
		},
		{
			name: "figures at any depth, in reading order, once each",
			a: article.Article{Body: []article.Block{
				fig("First"),
				&article.Quote{Blocks: []article.Block{fig("In a quote"), fig("First")}},
				&article.List{Items: [][]article.Block{{&article.Paragraph{}}, {fig("In a list")}}},
				fig(""),
				fig("Last"),
			}},
			want: []string{"Image: First", "Image: In a quote", "Image: In a list", "Image: Last"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range creditParagraphs(&tt.a) {
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
