package layout

import (
	"context"
	"fmt"
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

// TestGoldenPages sets the pages issue 14 asks to be looked at by eye, on
// every paper size: a table as GFM writes one, a table wider than the
// measure, a table across a page break, footnotes on a full page, and code
// with a line too long for any measure. testdata/pages-PAPER.golden lists
// their lines page by page.
func TestGoldenPages(t *testing.T) {
	para := "The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth."
	gfm := &article.Table{Head: []article.Row{row(true, "Decade", "Ships", "Main cargo")},
		Rows:  []article.Row{row(false, "1950s", "2,140", "salt cod"), row(false, "1960s", "1,876", "tinned sardines"), row(false, "1970s", "612", "cork")},
		Align: []article.Align{article.AlignLeft, article.AlignRight, article.AlignLeft}}
	wide := &article.Table{Head: []article.Row{row(true, "Country", "Population", "Area", "Capital", "Largest city", "Official language", "Currency", "Calling code", "Internet domain", "Driving side", "Time zone")}}
	wide.Rows = append(wide.Rows, row(false, "Zealandia", "4,699,755", "268,021", "Wellington", "Auckland", "English", "Dollar", "+64", ".nz", "left", "NZST"))
	long := &article.Table{Caption: article.Plain("Table 2. Ships by year"), Head: []article.Row{row(true, "Year", "Ships", "Cargo")}}
	for i := range 70 {
		long.Rows = append(long.Rows, row(false, fmt.Sprint(1900+i), fmt.Sprintf("%d,%03d", 1+i%9, i*7%1000), fmt.Sprintf("cargo number %d of the year", i)))
	}
	code := &article.Preformatted{Text: "func main() {\n\tfor i := range 3 {\n\t\tfmt.Println(\"a line of code that runs on well past the measure of any paper\", i)\n\t}\n}"}
	body := []article.Block{gfm, &article.Paragraph{Text: article.Plain(para)}, wide, long, code}
	var notes []article.Note
	for i := range 8 {
		body = append(body, &article.Paragraph{Text: article.Text{{Text: para}, {Note: i + 1}}})
		notes = append(notes, article.Note{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(fmt.Sprintf("Note %d: where the water came from, and how high it rose that spring.", i+1))}}})
	}
	pub := tablePub(body...)
	pub.Sections[0].Articles[0].Notes = notes
	for _, name := range PaperNames() {
		t.Run(name, func(t *testing.T) {
			paper, _ := PaperNamed(name)
			doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "pages-"+name+".golden", listingOf(doc, paper, "Tables, code and footnotes"))
		})
	}
}
