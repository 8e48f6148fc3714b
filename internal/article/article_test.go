package article

import (
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
