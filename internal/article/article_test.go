package article

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestDateString(t *testing.T) {
	zone := time.FixedZone("", 2*3600)
	tests := []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{Day(2018, time.May, 18), "2018-05-18"},
		{Date{Time: time.Date(2018, 5, 18, 10, 15, 0, 0, zone), HasTime: true}, "2018-05-18T10:15:00+02:00"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	const decomposed, composed = "Universita\u0308t", "Universität"
	a := &Article{
		Meta: Metadata{
			Title:     decomposed,
			Authors:   []Person{{Name: decomposed, Bio: decomposed}},
			Keywords:  []string{decomposed},
			LeadImage: &Image{Alt: decomposed, Caption: Plain(decomposed)},
		},
		Credits: []Credit{{Text: decomposed, Name: decomposed}},
		Body: []Block{
			&Heading{Level: 2, Text: Plain(decomposed)},
			&Quote{Blocks: []Block{&Paragraph{Text: Plain(decomposed)}}},
			&List{Items: [][]Block{{&Paragraph{Text: Text{{Text: decomposed, Style: Emphasis}}}}}},
			&Preformatted{Text: decomposed},
			&Figure{Image: Image{Caption: Plain(decomposed), Credit: decomposed}},
		},
	}
	Normalize(a)
	got := []string{
		a.Meta.Title, a.Meta.Authors[0].Name, a.Meta.Authors[0].Bio, a.Meta.Keywords[0],
		a.Meta.LeadImage.Alt, a.Meta.LeadImage.Caption.String(), a.Credits[0].Text, a.Credits[0].Name,
		a.Body[0].(*Heading).Text.String(),
		a.Body[1].(*Quote).Blocks[0].(*Paragraph).Text.String(),
		a.Body[2].(*List).Items[0][0].(*Paragraph).Text.String(),
		a.Body[3].(*Preformatted).Text,
		a.Body[4].(*Figure).Image.Caption.String(), a.Body[4].(*Figure).Image.Credit,
	}
	for i, s := range got {
		if s != composed {
			t.Errorf("field %d = %q, want NFC %q", i, s, composed)
		}
	}
}

func TestTextString(t *testing.T) {
	txt := Text{{Text: "one"}, {Break: true}, {Text: "two", Style: Strong, Link: "https://example.com"}}
	if got := txt.String(); got != "one\ntwo" {
		t.Errorf("String() = %q", got)
	}
	if Plain("") != nil {
		t.Error("Plain(\"\") should be empty")
	}
}

func TestPublication(t *testing.T) {
	a, b := &Article{Meta: Metadata{Title: "A"}}, &Article{}
	p := &Publication{Sections: []Section{{Articles: []*Article{a}}, {Title: "Part two", Articles: []*Article{b}}}}
	if got := p.Articles(); len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("Articles() = %v", got)
	}
	if s := Single(a); s.Meta.Title != "A" || len(s.Articles()) != 1 {
		t.Errorf("Single = %+v", s)
	}
	if b.Title() != "Untitled" || a.Title() != "A" {
		t.Errorf("Title() = %q, %q", a.Title(), b.Title())
	}
}

func TestTableGrid(t *testing.T) {
	c := func(s string, col, row int) Cell { return Cell{Text: Plain(s), ColSpan: col, RowSpan: row} }
	tb := &Table{
		Head: []Row{{c("A", 0, 0), c("B", 0, 0), c("C", 0, 0)}},
		Rows: []Row{
			{c("tall", 0, 2), c("wide", 2, 0)},
			{c("x", 0, 0), c("y", 0, 0)},
			{c("runs off", 0, 5), c("z", 0, 0), c("9", 0, 0)},
		},
	}
	var got []string
	for _, g := range tb.Grid() {
		got = append(got, fmt.Sprintf("%s@%d,%d/%d", g.Text, g.Row, g.Col, max(g.RowSpan, 1)))
	}
	want := []string{"A@0,0/1", "B@0,1/1", "C@0,2/1", "tall@1,0/2", "wide@1,1/1", "x@2,1/1", "y@2,2/1", "runs off@3,0/1", "z@3,1/1", "9@3,2/1"}
	if !slices.Equal(got, want) {
		t.Errorf("Grid = %q\nwant %q", got, want)
	}
	if n := GridColumns(tb.Grid()); n != 3 {
		t.Errorf("Columns = %d, want 3", n)
	}
}

func TestColumnAligns(t *testing.T) {
	tb := &Table{
		Head:  []Row{{{Text: Plain("Year"), Header: true}, {Text: Plain("Tonnes"), Header: true}, {Text: Plain("Goods"), Header: true}, {Text: Plain("Note")}}},
		Rows:  []Row{{{Text: Plain("1950")}, {Text: Plain("1,000")}, {Text: Plain("cod")}, {Text: Plain("a")}}, {{Text: Plain("1951")}, {Text: Plain("n/a")}, {Text: Plain("cork 2")}, {Text: Plain("b")}}},
		Align: []Align{AlignDefault, AlignDefault, AlignDefault, AlignCenter},
	}
	got := tb.ColumnAligns(tb.Grid())
	want := []Align{AlignRight, AlignRight, AlignDefault, AlignCenter}
	if !slices.Equal(got, want) {
		t.Errorf("ColumnAligns = %v, want %v", got, want)
	}
}

func TestIsNumeric(t *testing.T) {
	for in, want := range map[string]bool{
		"2,140": true, "−14.43": true, "$41,616[6]": true, "(0.68%)": true, "75th": true, "+64": true,
		"salt cod": false, "12 Jan": false, "": false, "n/a": false, "Route 66": false,
	} {
		if got := IsNumeric(in); got != want {
			t.Errorf("IsNumeric(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestTableGridHostile checks that spans as wide and deep as a page may
// claim do not make the grid huge.
func TestTableGridHostile(t *testing.T) {
	tb := &Table{}
	for range 2000 {
		tb.Rows = append(tb.Rows, Row{{Text: Plain("x"), ColSpan: 1000, RowSpan: 1000}})
	}
	if g := tb.Grid(); len(g) != 2000 {
		t.Errorf("%d cells, want 2000", len(g))
	}
}

func TestRunJoins(t *testing.T) {
	text := Run{Text: "a", Style: Emphasis, Link: "https://x.example/"}
	for _, tt := range []struct {
		next Run
		want bool
	}{
		{Run{Text: "b", Style: Emphasis, Link: "https://x.example/"}, true},
		{Run{Text: "b", Link: "https://x.example/"}, false},
		{Run{Text: "b", Style: Emphasis}, false},
		{Run{Break: true, Style: Emphasis, Link: "https://x.example/"}, false},
		{Run{Note: 1, Style: Emphasis, Link: "https://x.example/"}, false},
	} {
		if got := text.Joins(tt.next); got != tt.want {
			t.Errorf("%+v.Joins(%+v) = %v, want %v", text, tt.next, got, tt.want)
		}
	}
}
