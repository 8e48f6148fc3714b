package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
)

// setText sets a paragraph in the body style of A4 at the given measure and
// returns its lines as text, one string per line.
func setText(t *testing.T, text article.Text, measure float64, hyphenate bool) ([]string, []setLine, *setter) {
	t.Helper()
	ts := typesetter()
	paper, _ := PaperNamed("a4")
	g, err := design(paper, ts.fonts)
	if err != nil {
		t.Fatal(err)
	}
	s := ts.newSetter(Options{Paper: paper}, g)
	s.article = &article.Article{}
	o := paraOptions{measure: measure}
	if hyphenate {
		if o.dict, err = ts.hyph.Dictionary("en"); err != nil {
			t.Fatal(err)
		}
	}
	lines := s.set(text, &g.body, o)
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, it := range l.items {
			if ti, ok := it.(*TextItem); ok {
				b.WriteString(ti.Text)
				b.WriteByte(' ')
			}
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out, lines, s
}

func TestParagraphBreaks(t *testing.T) {
	long := strings.Repeat("abcdefghij", 12)
	tests := []struct {
		name    string
		text    string
		measure float64
		hyph    bool
		check   func(t *testing.T, lines []string, set []setLine)
	}{
		{
			name:    "last word not hyphenated",
			text:    "The committee discussed the internationalization of standardization and internationalization",
			measure: 150, hyph: true,
			check: func(t *testing.T, lines []string, set []setLine) {
				last := lines[len(lines)-1]
				if !strings.Contains(last, "internationalization") {
					t.Errorf("last line %q does not hold the whole last word", last)
				}
			},
		},
		{
			name:    "hyphenates in a narrow measure",
			text:    "Characterization internationalization standardization representatives institutionalization",
			measure: 110, hyph: true,
			check: func(t *testing.T, lines []string, set []setLine) {
				if !anyHyphenated(set) {
					t.Errorf("no line hyphenated in a 110pt measure: %q", lines)
				}
				if set[len(set)-1].hyphenated || strings.HasSuffix(lines[len(lines)-1], "-") {
					t.Errorf("last line hyphenated: %q", lines)
				}
			},
		},
		{
			name:    "compound breaks at its own hyphen",
			text:    "They were dominated by many large state-owned enterprises",
			measure: -1, hyph: true, // the width of the first line below
			check: func(t *testing.T, lines []string, set []setLine) {
				// Drawn as U+2010 so that text extraction keeps it.
				if !strings.HasSuffix(lines[0], "state\u2010") || set[0].hyphenated {
					t.Errorf("first line %q, want it to end at the hyphen of state-owned", lines[0])
				}
			},
		},
		{
			name:    "long word broken at its characters",
			text:    "Here is " + long + " in a line",
			measure: 200,
			check: func(t *testing.T, lines []string, set []setLine) {
				if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); !strings.Contains(got, long) {
					t.Errorf("word lost: %q", lines)
				}
			},
		},
		{
			name:    "URL breaks at slashes",
			text:    "See https://thediplomat.com/2018/05/north-korea-and-china-friends-again/ for the original",
			measure: 160,
			check: func(t *testing.T, lines []string, set []setLine) {
				if len(lines) < 2 {
					t.Errorf("lines %q", lines)
				}
			},
		},
		{
			name:    "CJK breaks between ideographs",
			text:    strings.Repeat("中华人民共和国是一个国家。", 6),
			measure: 150,
			check: func(t *testing.T, lines []string, set []setLine) {
				if len(lines) < 3 {
					t.Errorf("CJK set in %d lines: %q", len(lines), lines)
				}
				for _, it := range set[0].items {
					if ti, ok := it.(*TextItem); ok && ti.Font != fonts.Fallback {
						t.Errorf("CJK set in %s, want %s", ti.Font, fonts.Fallback)
					}
				}
			},
		},
		{
			name:    "em dash breaks after, not before",
			text:    "aaaa bbbb cccc dddd eeee—ffff gggg hhhh iiii jjjj kkkk",
			measure: 110,
			check: func(t *testing.T, lines []string, set []setLine) {
				for _, l := range lines {
					if strings.HasPrefix(l, "—") {
						t.Errorf("line starts with a dash: %q", lines)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.measure < 0 {
				f, _ := typesetter().fonts.Face(fonts.SerifRegular)
				tt.measure = f.Width("They were dominated by many large state-")*11 + 2
			}
			lines, set, s := setText(t, article.Plain(tt.text), tt.measure, tt.hyph)
			for _, l := range set {
				if l.overfull > 0 {
					t.Errorf("overfull line (%.2fpt) in %q", l.overfull, lines)
				}
				for _, it := range l.items {
					if ti, ok := it.(*TextItem); ok && ti.X+0.01 < 0 {
						t.Errorf("item before the measure: %+v", ti)
					}
				}
			}
			if len(s.para.missing) > 0 {
				t.Errorf("missing %q", s.para.missing)
			}
			tt.check(t, lines, set)
		})
	}
}

func anyHyphenated(set []setLine) bool {
	for _, l := range set {
		if l.hyphenated {
			return true
		}
	}
	return false
}

// TestKerning checks that kerned pairs are measured and placed: the pieces
// of a word rebuild its text, and sit closer than the advances alone put
// them.
func TestKerning(t *testing.T) {
	_, set, s := setText(t, article.Plain("AVATAR Toyota"), 300, false)
	f := s.g.body.chains[0].first()
	var kerned int
	for _, it := range set[0].items {
		ti := it.(*TextItem)
		var text strings.Builder
		prevX := -1.0
		for x, piece := range ti.Pieces() {
			if x <= prevX {
				t.Errorf("pieces of %q not in order", ti.Text)
			}
			prevX = x
			text.WriteString(piece)
		}
		if text.String() != ti.Text {
			t.Errorf("pieces %q, want %q", text.String(), ti.Text)
		}
		for _, k := range ti.Kerns {
			kerned++
			// The piece starts after the kerned width of what precedes
			// it and the kern between the two.
			before, _ := utf8.DecodeLastRuneInString(ti.Text[:k.At])
			after, _ := utf8.DecodeRuneInString(ti.Text[k.At:])
			want := (f.Width(ti.Text[:k.At]) + f.Kern(before, after)) * ti.Size
			if diff := k.Offset - want; diff > 0.01 || diff < -0.01 {
				t.Errorf("%q: piece at %d placed at %.2f, want %.2f", ti.Text, k.At, k.Offset, want)
			}
			if f.Kern(before, after) == 0 {
				t.Errorf("%q: a piece starts at %d between unkerned %q and %q", ti.Text, k.At, before, after)
			}
		}
	}
	if kerned == 0 {
		t.Error("no kerns in AVATAR Toyota")
	}
}

func TestMissingAndLinks(t *testing.T) {
	text := article.Text{{Text: "Hieroglyph \U00013000 here, and "}, {Text: "a link", Link: "https://example.com/"}, {Text: " after."}}
	_, set, s := setText(t, text, 300, false)
	if len(s.para.missing) != 1 || s.para.missing[0] != 0x13000 {
		t.Errorf("missing %q, want U+13000", s.para.missing)
	}
	var links []*LinkItem
	for _, it := range set[0].items {
		if l, ok := it.(*LinkItem); ok {
			links = append(links, l)
		}
	}
	if len(links) != 1 || links[0].URL != "https://example.com/" || links[0].W < 20 || links[0].H <= 0 {
		t.Errorf("links %+v, want one over \"a link\"", links)
	}
}
