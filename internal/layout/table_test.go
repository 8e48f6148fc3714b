package layout

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
)

// tablePub returns a one-article publication whose body is the blocks.
func tablePub(blocks ...article.Block) *article.Publication {
	a := &article.Article{Meta: article.Metadata{Title: "Tables", Lang: "en"}, Body: blocks}
	return &article.Publication{Sections: []article.Section{{Articles: []*article.Article{a}}}}
}

// row makes a row of plain cells.
func row(header bool, texts ...string) article.Row {
	var r article.Row
	for _, t := range texts {
		r = append(r, article.Cell{Text: article.Plain(t), Header: header})
	}
	return r
}

// docLines returns each page's lines of text (pageLines), top to bottom.
func docLines(doc *Document) [][]string {
	var pages [][]string
	for i := range doc.Pages {
		var lines []string
		for _, l := range pageLines(&doc.Pages[i]) {
			lines = append(lines, l.text())
		}
		pages = append(pages, lines)
	}
	return pages
}

func TestTableRowsAndRepeatedHead(t *testing.T) {
	tb := &article.Table{Caption: article.Plain("Table 1. Ships by year"), Head: []article.Row{row(true, "Year", "Ships", "Cargo")}}
	for i := range 120 {
		tb.Rows = append(tb.Rows, row(false, fmt.Sprint(1900+i), fmt.Sprintf("%d,%03d", 1+i%9, i), fmt.Sprintf("cargo %d", i)))
	}
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), tablePub(tb), Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	pages := docLines(doc)
	if len(pages) < 3 {
		t.Fatalf("%d pages for 120 rows; want the table to run over several", len(pages))
	}
	// Every row is one line, cells in order; the head tops every page the
	// table runs onto.
	all := strings.Join(func() []string {
		var out []string
		for _, p := range pages {
			out = append(out, p...)
		}
		return out
	}(), "\n")
	for i := range 120 {
		want := fmt.Sprintf("%d %d,%03d cargo %d", 1900+i, 1+i%9, i, i)
		if !strings.Contains(all+"\n", want+"\n") {
			t.Errorf("row %q is not one line of the PDF", want)
		}
	}
	heads := 0
	for _, p := range pages {
		for _, l := range p {
			if l == "Year Ships Cargo" {
				heads++
			}
		}
	}
	if heads != len(pages) {
		t.Errorf("the head is set %d times on %d pages; want once a page", heads, len(pages))
	}
	if !strings.Contains(all, "Table 1. Ships by year") {
		t.Error("caption lost")
	}
}

func TestTableWiderThanTheMeasure(t *testing.T) {
	cols := []string{"Country", "Population", "Area", "Capital", "Largest city", "Official language", "Currency", "Calling code", "Internet domain", "Driving side", "Time zone", "Anthem"}
	tb := &article.Table{Head: []article.Row{row(true, cols...)}}
	tb.Rows = append(tb.Rows, row(false, "Zealandia", "4,699,755", "268,021", "Wellington", "Auckland", "English", "Dollar", "+64", ".nz", "left", "NZST", "Defend"))
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), tablePub(tb), Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	pages := docLines(doc)
	text := strings.Join(pages[0], "\n")
	// The table parts into groups of columns, each led by the first.
	if n := strings.Count(text, "Country"); n < 2 {
		t.Errorf("first column set %d times; want it to lead each group of columns:\n%s", n, text)
	}
	for _, w := range []string{"Population", "Wellington", "Auckland", "4,699,755", "268,021", "Defend", "NZST"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q not set whole:\n%s", w, text)
		}
	}
	for _, it := range doc.Pages[0].Items {
		if ti, ok := it.(*TextItem); ok && ti.Size < tableMinSize-0.01 {
			t.Errorf("%q set at %.1f pt, under the table's least size", ti.Text, ti.Size)
		}
	}
	if doc.Stats.OverfullLines != 0 {
		t.Errorf("%d overfull lines", doc.Stats.OverfullLines)
	}
}

func TestTableSpans(t *testing.T) {
	tb := &article.Table{
		Head: []article.Row{row(true, "Symptom", "Cause")},
		Rows: []article.Row{
			{{Text: article.Plain("Serving errors"), RowSpan: 2}, {Text: article.Plain("Database refusing connections")}},
			{{Text: article.Plain("Servers overloaded")}},
			{{Text: article.Plain("Both columns"), ColSpan: 2}},
		},
	}
	cells, head, body, rows := tableGrid(tb)
	if head != 1 || body != 3 || rows != 4 {
		t.Fatalf("head %d body %d rows %d; want 1, 3, 4", head, body, rows)
	}
	got := map[string][2]int{}
	for _, c := range cells {
		got[c.text.String()] = [2]int{c.row, c.col}
	}
	want := map[string][2]int{"Symptom": {0, 0}, "Cause": {0, 1}, "Serving errors": {1, 0},
		"Database refusing connections": {1, 1}, "Servers overloaded": {2, 1}, "Both columns": {3, 0}}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q at row, column %v; want %v", k, got[k], v)
		}
	}
	paper, _ := PaperNamed("a4")
	doc, err := typesetter().Layout(context.Background(), tablePub(tb), Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	pages := docLines(doc)
	text := strings.Join(pages[0], "\n")
	for _, l := range []string{"Symptom Cause", "Serving errors Database refusing connections", "Servers overloaded", "Both columns"} {
		if !strings.Contains(text, l) {
			t.Errorf("line %q missing:\n%s", l, text)
		}
	}
}

// TestFigureWithoutItsImage checks that a figure whose picture is not
// embedded keeps its caption, or else its alternative text.
func TestFigureWithoutItsImage(t *testing.T) {
	pub := tablePub(
		&article.Figure{Image: article.Image{Src: "https://example.invalid/f.png", Alt: "E equals m c squared"}},
		&article.Figure{Image: article.Image{Src: "https://example.invalid/g.png", Alt: "a chart", Caption: article.Plain("Sales rose in May"), Credit: "Ann Lee"}},
	)
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(docLines(doc)[0], "\n")
	for _, want := range []string{"E equals m c squared", "Sales rose in May", "Ann Lee"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q lost with its picture:\n%s", want, text)
		}
	}
}

// TestNotesAfterTheText checks that a reference prints its note's number
// in superior figures and the notes follow the text, numbered.
func TestNotesAfterTheText(t *testing.T) {
	pub := tablePub(&article.Paragraph{Text: article.Text{{Text: "The last ship left in 1987."}, {Note: 1}, {Text: " The harbour closed."}, {Note: 12}}})
	a := pub.Sections[0].Articles[0]
	for i := range 12 {
		a.Notes = append(a.Notes, article.Note{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(fmt.Sprintf("Note number %d.", i+1))}}})
	}
	paper, _ := PaperNamed("a4")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, p := range docLines(doc) {
		text = append(text, p...)
	}
	all := strings.Join(text, "\n")
	// Each reference is a word of its own to pageLines, which joins
	// words with spaces.
	if !strings.Contains(all, "1987. ¹ The harbour closed. ¹²") {
		t.Errorf("references not in superior figures:\n%s", all)
	}
	for i := range 12 {
		if !strings.Contains(all, fmt.Sprintf("%d. Note number %d.", i+1, i+1)) {
			t.Errorf("note %d lost:\n%s", i+1, all)
		}
	}
}
