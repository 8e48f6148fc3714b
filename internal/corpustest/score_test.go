package corpustest

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestGradeTitle(t *testing.T) {
	tests := []struct {
		got, want string
		grade     TitleGrade
	}{
		{"The Hidden  Heroines of\u00a0chaos ", "The Hidden Heroines of Chaos", TitleExact},
		{"", "The Hidden Heroines of Chaos", TitleWrong},
		{"", "", TitleWrong},
		// The site name cut from the expected title.
		{"Conversations with a Cryptid", "Conversations with a Cryptid - Chapter 1 - AMournfulHowlInTheNight - 僕のヒーローアカデミア | Boku no Hero Academia", TitleClose},
		// A site name longer than the title, cut from its end.
		{"On Recent Events", "On Recent Events - Ann B. Smith ( Annie ) ( asmith )", TitleClose},
		// Or from its start.
		{"How Rivers Bend and Why", "The Daily Site: Science | How Rivers Bend and Why", TitleClose},
		// A middle piece is not the title with a site name cut.
		{"Part Two", "A Long Story of the River - Part Two - The Daily Site", TitleWrong},
		// The expected title within a longer line.
		{"Economy|As Debt Rises, the Government Will Soon Spend More on Interest Than on the Military", "As Debt Rises, the Government Will Soon Spend More on Interest Than on the Military", TitleClose},
		// 80% of the expected title's words.
		{"How to Build a Terrarium", "How to Build a Terrarium | eHow", TitleClose},
		{"Mozilla", "Mozilla - Wikipedia", TitleClose},
		{"DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网", TitleClose},
		// A menu line holding one of the title's words is not close.
		{"Code", "Get your Frontend JavaScript Code Covered | Code", TitleWrong},
		{"Sections", "As Debt Rises, the Government Will Soon Spend More on Interest Than on the Military", TitleWrong},
		{"[]", "Minecraft 1.8 - The Bountiful Update", TitleWrong},
		// Words must be whole: "Cove" is not in "Covered".
		{"Frontend JavaScript Code Cove", "Get your Frontend JavaScript Code Covered", TitleWrong},
	}
	for _, tt := range tests {
		if g := GradeTitle(tt.got, tt.want); g != tt.grade {
			t.Errorf("GradeTitle(%q, %q) = %d, want %d", tt.got, tt.want, g, tt.grade)
		}
	}
}

func TestBylineNames(t *testing.T) {
	tests := []struct {
		byline string
		want   []string
	}{
		{"Nelson D. Schwartz", []string{"Nelson D. Schwartz"}},
		{"By\n\t\t\tScott Cunningham", []string{"Scott Cunningham"}},
		{"Stella Kim, Jennifer Jett", []string{"Stella Kim", "Jennifer Jett"}},
		{"Martin Untersinger (avec Damien Leloup et Morgane Tual)", []string{"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
		{"Written by Rob Ewaschuk\n    Edited by Betsy Beyer", []string{"Rob Ewaschuk"}},
		{"Bradley M. Kuhn (http://ebb.org/bkuhn/)", []string{"Bradley M. Kuhn"}},
		{"By Nathan Willis\n      March 25, 2015", []string{"Nathan Willis"}},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", nil},
		{"Last Updated: January 7, 2025", nil},
		{"Ann Smith and Bo Li & Cy Young", []string{"Ann Smith", "Bo Li", "Cy Young"}},
		{"By Brenda  Goodman, MA\n    WebMD Health News", []string{"Brenda Goodman, MA"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := BylineNames(tt.byline); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("BylineNames(%q) = %q, want %q", tt.byline, got, tt.want)
		}
	}
}

func TestNamesFound(t *testing.T) {
	tests := []struct {
		names, authors []string
		want           bool
	}{
		{[]string{"Nelson D. Schwartz"}, []string{"NELSON D. SCHWARTZ"}, true},
		{[]string{"Stella Kim", "Jennifer Jett"}, []string{"Jennifer Jett", "Stella Kim"}, true},
		{[]string{"Stella Kim", "Jennifer Jett"}, []string{"Stella Kim"}, false},
		// A name's words must all be in one author's name.
		{[]string{"Stella Jett"}, []string{"Stella Kim", "Jennifer Jett"}, false},
		{[]string{"Jong", "Michiel de"}, []string{"Michiel de Jong"}, true},
		{nil, []string{"Anyone"}, false},
		{[]string{"Anny Boc"}, nil, false},
	}
	for _, tt := range tests {
		if got := NamesFound(tt.names, tt.authors); got != tt.want {
			t.Errorf("NamesFound(%q, %q) = %v, want %v", tt.names, tt.authors, got, tt.want)
		}
	}
}

func TestSameDay(t *testing.T) {
	day := time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		got       time.Time
		published string
		want      bool
	}{
		{day, "2021-11-01T10:52:50+0100", true},
		{day, "2021-11-01", true},
		{day.Add(23 * time.Hour), "2021-11-01 06:01:07", true},
		{day, "2021-11-02T00:10:00Z", false},
		{time.Time{}, "2021-11-01", false},
		{day, "", false},
		{day, "yesterday!", false},
	}
	for _, tt := range tests {
		if got := SameDay(tt.got, tt.published); got != tt.want {
			t.Errorf("SameDay(%v, %q) = %v, want %v", tt.got, tt.published, got, tt.want)
		}
	}
}

func TestSameLanguage(t *testing.T) {
	tests := []struct {
		got, want string
		same      bool
	}{
		{"en", "en-US", true},
		{"EN-gb", "en", true},
		{"de", "en", false},
		{"", "", false},
		{"zh-Hans", "zh", true},
	}
	for _, tt := range tests {
		if got := SameLanguage(tt.got, tt.want); got != tt.same {
			t.Errorf("SameLanguage(%q, %q) = %v, want %v", tt.got, tt.want, got, tt.same)
		}
	}
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		got, want         string
		recall, precision float64
	}{
		{"a b c", "a b c", 1, 1},
		{"Menu a b c", "a b c", 1, 0.75},
		{"a b", "a b c d", 0.5, 1},
		// Counted as multisets: one "the" of two is kept.
		{"the cat", "the the cat", 2.0 / 3, 1},
		// Characters of unspaced scripts count one by one, whatever the
		// line breaks.
		{"人工智能\n迈上新台阶", "人工智能迈上新台阶", 1, 1},
		{"", "a", 0, 0},
		{"a", "", 1, 0},
	}
	for _, tt := range tests {
		r, p := Overlap(tt.got, tt.want)
		if math.Abs(r-tt.recall) > 1e-9 || math.Abs(p-tt.precision) > 1e-9 {
			t.Errorf("Overlap(%q, %q) = %.3f, %.3f, want %.3f, %.3f", tt.got, tt.want, r, p, tt.recall, tt.precision)
		}
	}
}

func TestRecallsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "recalls.tsv")
	want := Recalls{"cnn/w3m.txt": 0.99123, "aktualne/pandoc.txt": 1, "qq/lynx.txt": 0.7}
	if err := WriteRecalls(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRecalls(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("ReadRecalls = %v, want %v", got, want)
	}
	for k, w := range want {
		if math.Abs(got[k]-w) > 5e-5 {
			t.Errorf("ReadRecalls()[%q] = %v, want %v to four decimals", k, got[k], w)
		}
	}
}
