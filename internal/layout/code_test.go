package layout

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

func TestWrapCode(t *testing.T) {
	tests := []struct {
		line string
		cols int
		want []string
	}{
		{"short", 20, []string{"short"}},
		{"alpha beta gamma delta", 14, []string{"alpha beta", "  gamma delta"}},
		{"    indented words that run on", 16, []string{"    indented", "      words that", "      run on"}},
		// No space: after a separator or a closing bracket, never after
		// an opening one or a quote.
		{`{"a":1,"b":[2,3],"c":"x"}`, 12, []string{`{"a":1,"b":`, `  [2,3],"c":`, `  "x"}`}},
		// No break at all: inside the word, as a last resort.
		{"abcdefghijklmnop", 6, []string{"abcdef", "  ghij", "  klmn", "  op"}},
	}
	for _, tt := range tests {
		if got := wrapCode(tt.line, tt.cols); !slices.Equal(got, tt.want) {
			t.Errorf("wrapCode(%q, %d) = %q, want %q", tt.line, tt.cols, got, tt.want)
		}
	}
}

func TestCodeKeepsEverySpace(t *testing.T) {
	code := "function Person(name) {\n    this.name = name;\n    return  name; // two spaces\n}"
	long := `   Servers "SHALL NOT" accept requests that lack the header; a client MUST retry with backoff, and say why in the log.`
	pub := tablePub(&article.Preformatted{Text: code}, &article.Preformatted{Text: long})
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	lines := pageLines(&doc.Pages[0])
	x := map[string]float64{}
	var size float64
	for _, l := range lines {
		for _, it := range l.items {
			x[it.Text] = it.X
			if it.Text == "function" {
				size = it.Size
			}
		}
	}
	col := (x["Person(name)"] - x["function"]) / 9 // "function " is nine columns
	if col <= 0 {
		t.Fatalf("no column width: %v", x)
	}
	for word, c := range map[string]float64{"this.name": 4, "return": 4, "//": 18} {
		if got := (x[word] - x["function"]) / col; math.Abs(got-c) > 0.05 {
			t.Errorf("%q at column %.2f, want %v", word, got, c)
		}
	}
	if size < codeMinSize*codeScale-0.01 {
		t.Errorf("code set at %.2f pt", size)
	}
	// The long line wraps at spaces, every word whole.
	var text []string
	for _, l := range lines {
		text = append(text, l.text())
	}
	all := strings.Join(text, " ")
	for _, w := range strings.Fields(long) {
		if !strings.Contains(all, w) {
			t.Errorf("%q not set whole", w)
		}
	}
	if !strings.Contains(all, continuation) {
		t.Error("no continuation mark on the wrapped line")
	}
}
