package markdown

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"front matter", "---\ntitle: A Title\n---\nPlain words only.\n", true},
		{"README", "# publish\n\nTurns articles into **print-ready** PDFs.\n\n## Install\n\n```sh\ngo install ./cmd/publish\n```\n\nSee [the docs](docs/index.md).\n", true},
		{"headings and lists", "## Usage\n\n- one thing\n- another\n", true},
		{"links and emphasis", "Read [the report](https://example.com/r) *today*.\n", true},
		{"reference links", "As [Smith][1] says, and [Jones][2] too.\n\n[1]: https://a.example\n[2]: https://b.example\n", true},
		{"a scraper's adjacent links and a list", "[Search][Go]\n\n- Home\n- News\n\nA paragraph.\n", false},
		{"a table", "| Year | Output |\n|------|--------|\n| 2017 | 4.2 |\n", true},
		{"code fence and quote", "> Quoted.\n\n```\ncode\n```\n", true},
		{"many headings alone", "# One\n\nText.\n\n# Two\n\nText.\n\n# Three\n\nText.\n", true},
		{"image", "Some text.\n\n![A fox](fox.png)\n\n- a point\n", true},

		{"prose", "The minister said on Tuesday that talks would resume.\n\nNothing else was agreed.\n", false},
		{"plain text with a dashed list", "Things to bring:\n\n- a tent\n- a stove\n- water\n\n> quoted mail\n", false},
		{"title underlined", "A Title\n=======\n\n1. First point.\n2. Second point.\n", false},
		{"a hashtag and a footnote mark", "Trending: #1 in the charts [1] and *really* good.\n\n#MeToo was everywhere.\n", false},
		{"a thematic break alone", "---\n\nText after a rule.\n", false},
		{"one link only", "Read it at [the site](https://example.com).\n", false},
		// Each match takes the newline the next would start after: two
		// strong signs, not three.
		{"bold names a line each", "**Ann**\n**Bob**\n**Cat**\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSniffFiles checks that scraped articles and plain-text novels are
// not taken for Markdown, and that real Markdown files are.
func TestSniffFiles(t *testing.T) {
	markdown := []string{"../../../README.md", "testdata/essay.md"}
	plain := []string{"../../../testdata/china-power.txt"}
	for _, pattern := range []string{"../../../../shared/corpus/*/article.txt", "../../../../shared/corpus-long/*.txt"} {
		more, _ := filepath.Glob(pattern)
		plain = append(plain, more...)
	}
	for want, files := range map[bool][]string{true: markdown, false: plain} {
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if got := Sniff(data); got != want {
				t.Errorf("Sniff(%s) = %v, want %v", name, got, want)
			}
		}
	}
}

// BenchmarkSniff sniffs the seed, a scraped article that is not Markdown,
// as every plain-text input is sniffed.
func BenchmarkSniff(b *testing.B) {
	data, err := os.ReadFile("../../../testdata/china-power.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if Sniff(data) {
			b.Fatal("the seed sniffed as Markdown")
		}
	}
}
