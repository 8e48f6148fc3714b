package layout

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
)

// setParagraphs lays out paragraphs of an article in language lang on A5
// and returns the text items of its body, the title block's left out.
func setParagraphs(t *testing.T, lang string, paras ...string) ([]*TextItem, Paper) {
	t.Helper()
	var body []article.Block
	for _, p := range paras {
		body = append(body, &article.Paragraph{Text: article.Plain(p)})
	}
	a := &article.Article{Meta: article.Metadata{Title: "T", Lang: lang}, Body: body}
	pub := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{a}}}}
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	var items []*TextItem
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if ti, ok := it.(*TextItem); ok && ti.Text != "T" && !strings.Contains(ti.Text, "file was made") {
				items = append(items, ti)
			}
		}
	}
	return items, paper
}

// TestShapedText checks that words that need a shaper get one, and what
// it gives: a Devanagari conjunct in fewer glyphs than characters, an
// Arabic word in glyphs that are not its letters' own, right to left,
// each cluster's text on one glyph, a Latin word with a ligature in one
// glyph for its ffi; and that other Latin keeps the direct path, with no
// glyphs of its own.
func TestShapedText(t *testing.T) {
	tests := []struct {
		lang, word string
		shaped     bool
		rtl        bool
		fewer      bool // fewer glyphs than characters
	}{
		{"hi", "क्षत्रिय", true, false, true},
		{"ar", "والحقوق", true, true, false},
		{"he", "שָׁלוֹם", true, true, false},
		{"th", "ภาษาไทย", true, false, false},
		{"en", "Typeset", false, false, false},
		{"en", "officials", true, false, true}, // the ffi ligature
		{"ru", "Декларация", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			items, _ := setParagraphs(t, tt.lang, tt.word)
			// A Thai word may part where a line could break.
			var joined strings.Builder
			glyphs := 0
			for _, it := range items {
				joined.WriteString(it.Text)
				if (it.Shaped != nil) != tt.shaped {
					t.Fatalf("%q: shaped %v, want %v", it.Text, it.Shaped != nil, tt.shaped)
				}
				if it.Shaped != nil {
					glyphs += len(it.Shaped.Glyphs)
					checkShaped(t, it, tt.rtl)
				}
			}
			if joined.String() != tt.word {
				t.Errorf("text %q, want %q", joined.String(), tt.word)
			}
			if n := len([]rune(tt.word)); tt.fewer && glyphs >= n {
				t.Errorf("%d glyphs for %d characters: no conjunct", glyphs, n)
			}
		})
	}
}

// checkShaped checks a shaped item's glyphs: none missing, in the
// item's direction, each cluster's text on one glyph, so that the texts
// read in order (backwards, right to left) give the item's text, and
// each base glyph to the right of the one before.
func checkShaped(t *testing.T, it *TextItem, rtl bool) {
	t.Helper()
	g := it.Shaped.Glyphs
	if it.Shaped.RightToLeft != rtl {
		t.Errorf("%q: right to left %v, want %v", it.Text, it.Shaped.RightToLeft, rtl)
	}
	var parts []string
	lastBase := math.Inf(-1)
	for _, gl := range g {
		if gl.ID == 0 {
			t.Errorf("%q: a missing glyph in %+v", it.Text, g)
		}
		if gl.Text == "" {
			continue
		}
		parts = append(parts, gl.Text)
		if gl.X < lastBase {
			t.Errorf("%q: a base glyph at %.2f left of the one before, at %.2f", it.Text, gl.X, lastBase)
		}
		lastBase = gl.X
	}
	if rtl {
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
	}
	if got := strings.Join(parts, ""); got != it.Text {
		t.Errorf("glyphs stand for %q, want %q", got, it.Text)
	}
}

// TestRightToLeftParagraph checks a right-to-left paragraph's lines: each
// is set from the right edge of the measure, the ragged last line too; the
// first line's indent is on the right; its words run right to left; and a
// Latin phrase inside keeps its own order.
func TestRightToLeftParagraph(t *testing.T) {
	para := "ولما كان تناسي حقوق الإنسان وازدراؤها قد أفضيا إلى أعمال همجية آذت الضمير الإنساني وكان غاية ما يرنو إليه عامة البشر (United Nations Charter) انبثاق عالم يتمتع فيه الفرد بحرية القول والعقيدة"
	const measure = 300.0
	_, lines, s := setText(t, article.Plain(para), measure, false)
	if s.para.base != 1 {
		t.Fatalf("paragraph level %d, want 1 (right to left)", s.para.base)
	}
	if len(lines) < 3 {
		t.Fatalf("%d lines, want 3 at least", len(lines))
	}
	for i, l := range lines {
		left := math.Inf(1)
		for _, it := range l.items {
			if ti, ok := it.(*TextItem); ok {
				left = math.Min(left, ti.X)
			}
		}
		if want := measure - l.width; math.Abs(left-want) > 0.5 {
			t.Errorf("line %d starts at %.1f, want %.1f: set from the right edge", i+1, left, want)
		}
	}
	first := lines[0].items
	var rightmost *TextItem
	var united, nations *TextItem
	for _, l := range lines {
		for _, it := range l.items {
			ti, ok := it.(*TextItem)
			if !ok {
				continue
			}
			switch ti.Text {
			case "United":
				united = ti
			case "Nations":
				nations = ti
			}
		}
	}
	for _, it := range first {
		if ti, ok := it.(*TextItem); ok && (rightmost == nil || ti.X > rightmost.X) {
			rightmost = ti
		}
	}
	if rightmost == nil || rightmost.Text != "ولما" {
		t.Errorf("the first line's rightmost word is %v, want the paragraph's first", rightmost)
	}
	if united == nil || nations == nil || united.Y == nations.Y && united.X > nations.X {
		t.Errorf("the Latin phrase is not left to right: United %+v, Nations %+v", united, nations)
	}
}

// TestThaiBreaks checks that a Thai phrase, written without spaces, breaks
// into lines between its words, with no line past the measure and every
// letter kept in order, where without the Thai patterns it could only
// stick out of the measure.
func TestThaiBreaks(t *testing.T) {
	phrase := "โดยที่การยอมรับนับถือเกียรติศักดิ์ประจำตัวและสิทธิเท่าเทียมกันและโอนมิได้ของบรรดาสมาชิกทั้งหลายแห่งครอบครัวมนุษย์เป็นหลักมูลเหตุแห่งอิสรภาพความยุติธรรมและสันติภาพในโลก"
	const measure = 150.0
	got, lines, _ := setText(t, article.Plain(phrase), measure, false)
	if len(lines) < 4 {
		t.Fatalf("%d lines, want the phrase broken over four at least: %q", len(lines), got)
	}
	for i, l := range lines {
		if l.overfull > 0 {
			t.Errorf("line %d is %.1fpt past the measure: %q", i+1, l.overfull, got[i])
		}
	}
	if joined := strings.ReplaceAll(strings.Join(got, ""), " ", ""); joined != phrase {
		t.Errorf("the lines hold %q, want %q", joined, phrase)
	}
}

// TestRightToLeftArticle checks what an article written right to left
// mirrors besides its paragraphs: its running heads put the title on the
// right and the authors on the left, and its list items hang their
// markers on the right.
func TestRightToLeftArticle(t *testing.T) {
	para := "ولما كان تناسي حقوق الإنسان وازدراؤها قد أفضيا إلى أعمال همجية آذت الضمير الإنساني وكان غاية ما يرنو إليه عامة البشر انبثاق عالم يتمتع فيه الفرد بحرية القول والعقيدة ويتحرر من الفزع والفاقة"
	var body []article.Block
	body = append(body, &article.List{Items: [][]article.Block{
		{&article.Paragraph{Text: article.Plain("لكل فرد الحق في الحياة")}},
		{&article.Paragraph{Text: article.Plain("لا يجوز استرقاق أي شخص")}},
	}})
	for range 12 {
		body = append(body, &article.Paragraph{Text: article.Plain(para)})
	}
	a := &article.Article{Meta: article.Metadata{Title: "الإعلان العالمي", Lang: "ar", Authors: []article.Person{{Name: "الأمم المتحدة"}}}, Body: body}
	pub := &article.Publication{Sections: []article.Section{{Articles: []*article.Article{a}}}}
	paper, _ := PaperNamed("a5")
	doc, err := typesetter().Layout(context.Background(), pub, Options{Paper: paper})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) < 2 {
		t.Fatalf("%d pages, want two at least", len(doc.Pages))
	}
	// The running head of page 2: its title and its author's name.
	var title, author *TextItem
	for _, it := range doc.Pages[1].Items {
		ti, ok := it.(*TextItem)
		if !ok {
			continue
		}
		switch ti.Text {
		case "العالمي":
			title = ti
		case "المتحدة":
			author = ti
		}
	}
	if title == nil || author == nil || title.X < author.X {
		t.Errorf("running head: title %+v, author %+v; want the title on the right", title, author)
	}
	// Each marker stands right of its item's words.
	markers := 0
	for _, it := range doc.Pages[0].Items {
		m, ok := it.(*TextItem)
		if !ok || m.Text != "•" {
			continue
		}
		markers++
		for _, it := range doc.Pages[0].Items {
			if w, ok := it.(*TextItem); ok && w != m && w.Y == m.Y && w.X > m.X {
				t.Errorf("the word %q stands right of its marker", w.Text)
			}
		}
	}
	if markers != 2 {
		t.Errorf("%d list markers on page 1, want 2", markers)
	}
}

// TestLigatedAsShaped holds the layout's own setting of Latin words with
// ligatures to HarfBuzz's: the same glyphs, clusters and advances, in
// each Latin face, for words with every standard ligature, kerned pairs
// and characters the face lacks.
func TestLigatedAsShaped(t *testing.T) {
	// Not "’s": the layout kerns ’ and s, as the 'kern' lookups of every
	// script the font has do, where HarfBuzz takes only the Latin script's
	// (its kerning, for all Latin text, predates this path).
	words := []string{"office", "affluent", "waffle", "shuffle", "fjord", "fly", "fifty", "Office.", "AVAfi", "efficient", "ff", "f", "Tyffi", "Ωffi", "effect—affect", "x\u2603fi"}
	ts := typesetter()
	shaper := ts.shapes.NewShaper()
	defer shaper.Release()
	for _, name := range []string{fonts.SerifRegular, fonts.SerifItalic, fonts.SerifBold, fonts.SerifBoldItalic, fonts.SansRegular, fonts.SansBold} {
		f, err := ts.fonts.Face(name)
		if err != nil {
			t.Fatal(err)
		}
		var p paragraph
		for _, w := range words {
			p.wordRunes = []rune(w)
			got := p.ligated(nil, f, 0, len(p.wordRunes))
			want, err := shaper.Shape(nil, name, p.wordRunes, 0, len(p.wordRunes), false)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Errorf("%s %q: %d glyphs, HarfBuzz %d", name, w, len(got), len(want))
				continue
			}
			for i := range got {
				g, h := got[i], want[i]
				if g.ID != h.ID || g.Cluster != h.Cluster || math.Abs(g.Advance-h.Advance) > 1e-9 || h.X != 0 || h.Y != 0 {
					t.Errorf("%s %q glyph %d: %+v, HarfBuzz %+v", name, w, i, g, h)
				}
			}
		}
	}
}
