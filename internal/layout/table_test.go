package layout

import (
	"context"
	"fmt"
	"math"
	"strconv"
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

// checkTextBlock fails the test for each text item of doc set below its
// pages' text block, the folio aside; what names the document in the
// message.
func checkTextBlock(t *testing.T, doc *Document, paper Paper, what string) {
	t.Helper()
	g, err := design(paper, typesetter().fonts)
	if err != nil {
		t.Fatal(err)
	}
	for pi, p := range doc.Pages {
		for _, it := range p.Items {
			ti, ok := it.(*TextItem)
			if !ok {
				continue
			}
			if _, folio := strconv.Atoi(ti.Text); ti.Y > g.top+g.textHeight+0.5 && folio != nil {
				t.Errorf("%spage %d: %q set below the text block", what, pi+1, ti.Text)
			}
		}
	}
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

// flatLines returns the text of a document's lines, page after page.
func flatLines(doc *Document) []string {
	var lines []string
	for _, p := range docLines(doc) {
		lines = append(lines, p...)
	}
	return lines
}

// setTable lays out a publication of one table on the named paper.
func setTable(t *testing.T, paperName string, tb *article.Table) (*Document, Paper) {
	t.Helper()
	paper, err := PaperNamed(paperName)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := typesetter().Layout(context.Background(), tablePub(tb), Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	return doc, paper
}

func TestTableRowsAndRepeatedHead(t *testing.T) {
	tb := &article.Table{Caption: article.Plain("Table 1. Ships by year"), Head: []article.Row{row(true, "Year", "Ships", "Cargo")}}
	for i := range 120 {
		tb.Rows = append(tb.Rows, row(false, fmt.Sprint(1900+i), fmt.Sprintf("%d,%03d", 1+i%9, i), fmt.Sprintf("cargo %d", i)))
	}
	doc, _ := setTable(t, "a5", tb)
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
	doc, _ := setTable(t, "a5", tb)
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
	doc, _ := setTable(t, "a4", tb)
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
	text := flatLines(doc)
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

// TestFootnotesAtTheFoot checks that each note is set at the foot of the
// page that first refers to it, under the text, and that no page runs past
// its text block.
func TestFootnotesAtTheFoot(t *testing.T) {
	para := "The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth, as it had every spring."
	var body []article.Block
	var notes []article.Note
	for i := range 30 {
		body = append(body, &article.Paragraph{Text: article.Text{{Text: para}, {Note: i + 1}}})
		notes = append(notes, article.Note{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(fmt.Sprintf("Note %d says where the water came from and how high it rose that spring.", i+1))}}})
	}
	pub := tablePub(body...)
	pub.Sections[0].Articles[0].Notes = notes
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	checkTextBlock(t, doc, paper, "")
	g, err := design(paper, typesetter().fonts)
	if err != nil {
		t.Fatal(err)
	}
	refPage, notePage := map[int]int{}, map[int]int{}
	for pi, p := range doc.Pages {
		lastText, firstNote := 0.0, 1e9
		for _, it := range p.Items {
			ti, ok := it.(*TextItem)
			if !ok {
				continue
			}
			n, numErr := strconv.Atoi(strings.TrimSuffix(ti.Text, "."))
			switch {
			case ti.Note > 0:
				if _, seen := refPage[ti.Note]; !seen {
					refPage[ti.Note] = pi
				}
				lastText = max(lastText, ti.Y)
			case numErr == nil && strings.HasSuffix(ti.Text, ".") && ti.Size < g.body.size:
				notePage[n] = pi
				firstNote = min(firstNote, ti.Y)
			default:
				if !strings.HasPrefix(ti.Text, "Note") && firstNote == 1e9 {
					lastText = max(lastText, ti.Y)
				}
			}
		}
		if firstNote < lastText {
			t.Errorf("page %d: a note above the text's last line", pi+1)
		}
	}
	for i := 1; i <= 30; i++ {
		if notePage[i] != refPage[i] {
			t.Errorf("note %d on page %d, its reference on page %d", i, notePage[i]+1, refPage[i]+1)
		}
	}
}

// TestLinkNotes checks that with LinkNotes each external link of the text
// gets a note with its address, numbered with the article's own notes in
// the order the text refers to them, and that the article is not changed.
func TestLinkNotes(t *testing.T) {
	pub := tablePub(&article.Paragraph{Text: article.Text{
		{Text: "See "}, {Text: "the report", Link: "https://example.com/report"}, {Text: ", the ledger"}, {Note: 1},
		{Text: " and "}, {Text: "the map", Link: "#map"}, {Text: "."},
	}})
	a := pub.Sections[0].Articles[0]
	a.Notes = []article.Note{{Blocks: []article.Block{&article.Paragraph{Text: article.Plain("The harbour ledger, 1950–1987.")}}}}
	paper, _ := PaperNamed("a4")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper, LinkNotes: true})
	if err != nil {
		t.Fatal(err)
	}
	text := flatLines(doc)
	all := strings.Join(text, "\n")
	for _, want := range []string{"the report ¹ , the ledger ²", "1. https://example.com/report", "2. The harbour ledger, 1950–1987."} {
		if !strings.Contains(all, want) {
			t.Errorf("%q not set:\n%s", want, all)
		}
	}
	if strings.Contains(all, "#map") {
		t.Error("a link within the page got a note")
	}
	if len(a.Notes) != 1 || a.Body[0].(*article.Paragraph).Text[3].Note != 1 {
		t.Error("the article was changed")
	}
}

// TestNoteLinks checks that a reference links to its footnote on the page
// and the footnote's number links back to the reference.
func TestNoteLinks(t *testing.T) {
	pub := tablePub(&article.Paragraph{Text: article.Text{{Text: "The last ship left in 1987."}, {Note: 1}, {Text: " The harbour closed."}}})
	pub.Sections[0].Articles[0].Notes = []article.Note{{Blocks: []article.Block{&article.Paragraph{Text: article.Plain("Note one.")}}}}
	paper, _ := PaperNamed("a4")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	var ref, num *TextItem
	var links []*LinkItem
	for _, it := range doc.Pages[0].Items {
		switch it := it.(type) {
		case *TextItem:
			if it.Note == 1 {
				ref = it
			}
			if it.Text == "1." {
				num = it
			}
		case *LinkItem:
			if it.URL == "" {
				links = append(links, it)
			}
		}
	}
	if ref == nil || num == nil || len(links) != 2 {
		t.Fatalf("reference %v, note number %v, %d links; want both and two links", ref, num, len(links))
	}
	to, back := links[0], links[1]
	if to.Page != 1 || math.Abs(to.TargetY-(num.Y-num.Size)) > num.Size {
		t.Errorf("the reference links to page %d at %.1f; the note's number is at %.1f", to.Page, to.TargetY, num.Y)
	}
	if back.Page != 1 || back.TargetY > ref.Y || back.TargetY < ref.Y-3*ref.Size {
		t.Errorf("the note links back to %.1f; the reference is at %.1f", back.TargetY, ref.Y)
	}
}

// TestWideTableWithSpans checks that a table too wide for the measure
// parts into groups of columns though its cells span rows and columns: a
// title row over all columns is set over each group, and no word breaks.
func TestWideTableWithSpans(t *testing.T) {
	cols := []string{"Rank", "Name", "Region", "Population", "Rank", "Name", "Region", "Population", "Picture", "Picture"}
	tb := &article.Table{Head: []article.Row{
		{{Text: article.Plain("Largest urban areas"), Header: true, ColSpan: len(cols)}},
		row(true, cols...),
	}}
	for i := range 4 {
		r := row(false, fmt.Sprint(i+1), "Christchurch", "Canterbury", "1,628,900", fmt.Sprint(i+11), "Whangarei", "Northland", "58,800")
		if i == 0 {
			r = append(r, article.Cell{Text: article.Plain("Auckland"), RowSpan: 4}, article.Cell{Text: article.Plain("Wellington"), RowSpan: 4})
		}
		tb.Rows = append(tb.Rows, r)
	}
	doc, _ := setTable(t, "a5", tb)
	text := flatLines(doc)
	all := " " + strings.Join(text, " \n ") + " "
	if n := strings.Count(all, "Largest urban areas"); n < 2 {
		t.Errorf("the title row set %d times; want it over each group of columns:\n%s", n, all)
	}
	for _, w := range []string{"Christchurch", "Canterbury", "1,628,900", "Whangarei", "Northland", "Auckland", "Wellington", "Population"} {
		if !strings.Contains(all, " "+w+" ") {
			t.Errorf("%q not set whole:\n%s", w, all)
		}
	}
}

// TestTableRowTallerThanAPage checks that a row taller than a page breaks
// between its lines, losing none, rather than running off the page.
func TestTableRowTallerThanAPage(t *testing.T) {
	var long []string
	for i := range 700 {
		long = append(long, fmt.Sprintf("word%d", i))
	}
	tb := &article.Table{Head: []article.Row{row(true, "Key", "Value")},
		Rows: []article.Row{row(false, "short", "one"), row(false, "long", strings.Join(long, " ")), row(false, "after", "two")}}
	doc, paper := setTable(t, "a5", tb)
	checkTextBlock(t, doc, paper, "")
	var all []string
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if ti, ok := it.(*TextItem); ok {
				all = append(all, ti.Text)
			}
		}
	}
	text := " " + strings.Join(all, " ") + " "
	for _, w := range append(long, "after", "two") {
		if !strings.Contains(text, " "+w+" ") {
			t.Errorf("%q lost", w)
		}
	}
	if len(doc.Pages) < 2 {
		t.Errorf("%d page; want the row to run onto another", len(doc.Pages))
	}
}

// TestLongFootnoteContinues checks that a note too long for what is left
// of its page starts at that page's foot and continues at the next's, as
// TeX sets it, all its words kept and none below the text block: the
// reference stands after a varying number of paragraphs, so that it falls
// at every height of a page, and at least one of them splits the note.
func TestLongFootnoteContinues(t *testing.T) {
	para := "The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth, as it had every spring."
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("noteword%d", i))
	}
	paper, _ := PaperNamed("a5")
	splits := 0
	for before := range 12 {
		var body []article.Block
		for range before {
			body = append(body, &article.Paragraph{Text: article.Plain(para)})
		}
		body = append(body, &article.Paragraph{Text: article.Text{{Text: para}, {Note: 1}}})
		for range 6 {
			body = append(body, &article.Paragraph{Text: article.Plain(para)})
		}
		pub := tablePub(body...)
		pub.Sections[0].Articles[0].Notes = []article.Note{{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(strings.Join(words, " "))}}}}
		doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		pageOf := map[string]int{}
		refPage := -1
		for pi, p := range doc.Pages {
			for _, it := range p.Items {
				ti, ok := it.(*TextItem)
				if !ok {
					continue
				}
				if ti.Note == 1 {
					refPage = pi
				}
				pageOf[ti.Text] = pi
			}
		}
		checkTextBlock(t, doc, paper, fmt.Sprintf("%d paragraphs before: ", before))
		for _, w := range words {
			if _, ok := pageOf[w]; !ok {
				t.Errorf("%d paragraphs before: %q lost", before, w)
			}
		}
		first, last := pageOf[words[0]], pageOf[words[len(words)-1]]
		if first != refPage {
			t.Errorf("%d paragraphs before: the note starts on page %d, its reference is on page %d", before, first+1, refPage+1)
		}
		if last == first+1 {
			splits++
		}
	}
	if splits == 0 {
		t.Error("no note was split over two pages")
	}
}

// TestHostileTable checks that a table whose spans push its cells into a
// grid no page could hold is set, every word kept, as rows of text.
func TestHostileTable(t *testing.T) {
	tb := &article.Table{}
	for i := range 100 {
		tb.Rows = append(tb.Rows, article.Row{{Text: article.Plain(fmt.Sprintf("span%d", i)), ColSpan: 1000, RowSpan: 1000}, {Text: article.Plain(fmt.Sprintf("cell%d", i))}})
	}
	doc, _ := setTable(t, "a5", tb)
	all := flatLines(doc)
	text := " " + strings.Join(all, " ") + " "
	for i := range 100 {
		for _, w := range []string{fmt.Sprintf("span%d", i), fmt.Sprintf("cell%d", i)} {
			if !strings.Contains(text, " "+w+" ") {
				t.Errorf("%q lost", w)
			}
		}
	}
}

// TestFootnotesFollowTheirReference checks that a note is set at the foot
// of the page of its first reference wherever that reference stands (a
// line, a table's cell, another note), that a note longer than a page
// continues over the pages it needs, and that no word of a note is lost
// and no page runs past its text block.
func TestFootnotesFollowTheirReference(t *testing.T) {
	para := "The river rose slowly through the night, and by morning the lower town was under a foot of brown water that smelled of diesel and wet earth, as it had every spring."
	noteText := func(n, words int) article.Note {
		var w []string
		for k := range words {
			w = append(w, fmt.Sprintf("n%dw%d", n, k))
		}
		return article.Note{Blocks: []article.Block{&article.Paragraph{Text: article.Plain(strings.Join(w, " "))}}}
	}
	paras := func(n int) []article.Block {
		var out []article.Block
		for range n {
			out = append(out, &article.Paragraph{Text: article.Plain(para)})
		}
		return out
	}
	tests := []struct {
		name  string
		body  []article.Block
		notes []article.Note
	}{
		{
			name: "table cells",
			body: func() []article.Block {
				tb := &article.Table{Head: []article.Row{row(true, "Year", "Level")}}
				for i := range 40 {
					r := row(false, fmt.Sprintf("%d", 1950+i), fmt.Sprintf("%d.%d m", 3+i%4, i%10))
					if i%8 == 3 {
						r[1].Text = append(r[1].Text, article.Run{Note: i/8 + 1})
					}
					tb.Rows = append(tb.Rows, r)
				}
				return append(append(paras(5), tb), paras(4)...)
			}(),
			notes: []article.Note{noteText(1, 20), noteText(2, 20), noteText(3, 20), noteText(4, 20), noteText(5, 20)},
		},
		{
			name: "a note's note",
			body: append(append(paras(3), &article.Paragraph{Text: article.Text{{Text: para}, {Note: 1}}}), paras(10)...),
			notes: []article.Note{
				{Blocks: []article.Block{&article.Paragraph{Text: article.Text{{Text: "n1w0 n1w1 see"}, {Note: 2}}}}},
				noteText(2, 12),
			},
		},
		{
			name:  "a note longer than a page",
			body:  append(append(paras(4), &article.Paragraph{Text: article.Text{{Text: para}, {Note: 1}}}), paras(12)...),
			notes: []article.Note{noteText(1, 900)},
		},
	}
	paper, _ := PaperNamed("a5")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := tablePub(tt.body...)
			pub.Sections[0].Articles[0].Notes = tt.notes
			doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			checkTextBlock(t, doc, paper, "")
			refPage, firstWord, lastWord := map[int]int{}, map[int]int{}, map[int]int{}
			set := map[string]bool{}
			for pi, p := range doc.Pages {
				for _, it := range p.Items {
					ti, ok := it.(*TextItem)
					if !ok {
						continue
					}
					if _, seen := refPage[ti.Note]; ti.Note > 0 && !seen {
						refPage[ti.Note] = pi
					}
					set[ti.Text] = true
					var n, k int
					if _, err := fmt.Sscanf(ti.Text, "n%dw%d", &n, &k); err == nil {
						if _, seen := firstWord[n]; !seen {
							firstWord[n] = pi
						}
						lastWord[n] = pi
					}
				}
			}
			for i, n := range tt.notes {
				for _, r := range n.Blocks[0].(*article.Paragraph).Text {
					for _, w := range strings.Fields(r.Text) {
						if !set[w] {
							t.Errorf("note %d: %q lost", i+1, w)
						}
					}
				}
				if firstWord[i+1] != refPage[i+1] {
					t.Errorf("note %d starts on page %d, its reference is on page %d", i+1, firstWord[i+1]+1, refPage[i+1]+1)
				}
			}
			if tt.name == "a note longer than a page" && lastWord[1]-firstWord[1] < 2 {
				t.Errorf("the long note runs over pages %d–%d, want three pages at least", firstWord[1]+1, lastWord[1]+1)
			}
		})
	}
}
