package epub

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/gofrs/uuid/v5"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/tooltest"
)

func TestEsc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<a href="x">&amp;</a>`, "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"},
		{"tab\tnewline\n", "tab\tnewline\n"},
		{"nul\x00bell\x07vt\x0b", "nulbellvt"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"nonchar \uFFFE\uFFFF end", "nonchar  end"},
		{"Zhōngguó 中国", "Zhōngguó 中国"},
	}
	for _, tt := range tests {
		if got := esc(tt.in); got != tt.want {
			t.Errorf("esc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinkTarget(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=c&d=e#f", "https://example.com/a?b=c&d=e#f"},
		{"http://example.com/a b", "http://example.com/a%20b"},
		{"  HTTPS://Example.com/  ", "https://Example.com/"},
		{"mailto:desk@example.com", "mailto:desk@example.com"},
		{"mailto:", ""},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"data:text/html,hi", ""},
		{"/relative/path", ""},
		{"https://", ""},
		{"", ""},
		{"http://[::1", ""},
	}
	for _, tt := range tests {
		if got := linkTarget(tt.in); got != tt.want {
			t.Errorf("linkTarget(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInline(t *testing.T) {
	const link = "https://example.com/"
	tests := []struct {
		name string
		in   article.Text
		want string
	}{
		{"plain", article.Plain("a < b"), "a &lt; b"},
		{"styles", article.Text{{Text: "e", Style: article.Emphasis}, {Text: "s", Style: article.Strong}, {Text: "c", Style: article.Code},
			{Text: "all", Style: article.Emphasis | article.Strong | article.Code}},
			"<em>e</em><strong>s</strong><code>c</code><strong><em><code>all</code></em></strong>"},
		{"merged runs", article.Text{{Text: "one ", Style: article.Emphasis}, {Text: "two", Style: article.Emphasis}}, "<em>one two</em>"},
		{"one link over styled runs", article.Text{{Text: "the ", Link: link}, {Text: "report", Link: link, Style: article.Strong}, {Text: "."}},
			`<a href="https://example.com/">the <strong>report</strong></a>.`},
		{"adjacent different links", article.Text{{Text: "a", Link: link}, {Text: "b", Link: link + "b"}},
			`<a href="https://example.com/">a</a><a href="https://example.com/b">b</a>`},
		{"unsafe link dropped", article.Text{{Text: "x", Link: "javascript:void(0)"}}, "x"},
		{"break", article.Text{{Text: "line"}, {Break: true}, {Text: "next"}}, "line<br/>next"},
		{"break inside a link", article.Text{{Text: "a", Link: link}, {Break: true, Link: link}, {Text: "b", Link: link}},
			`<a href="https://example.com/">a<br/>b</a>`},
		{"empty runs", article.Text{{Text: ""}, {Text: "x"}, {Text: "", Style: article.Strong}}, "x"},
		{"a note's reference, even inside a link", article.Text{{Text: "a", Link: link}, {Note: 3, Link: link}, {Text: " b", Link: link}},
			`<a href="https://example.com/">a</a><sup><a epub:type="noteref" role="doc-noteref" href="#note-3">3</a></sup><a href="https://example.com/"> b</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			inline(&b, tt.in)
			if got := b.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestOutline checks that heading levels never skip (WCAG 1.3.1) and that
// the table of contents nests by level.
func TestOutline(t *testing.T) {
	tests := []struct {
		name   string
		levels []int
		want   []int  // h levels written
		tree   string // the toc, children in brackets
	}{
		{"flat", []int{2, 2}, []int{2, 2}, "h-1 h-2"},
		{"nested", []int{2, 3, 3, 2}, []int{2, 3, 3, 2}, "h-1[h-2 h-3] h-4"},
		{"skip clamped", []int{2, 4, 5, 3}, []int{2, 3, 4, 3}, "h-1[h-2[h-3] h-4]"},
		{"starts deep", []int{4, 2}, []int{2, 2}, "h-1 h-2"},
		{"level 1 and 9", []int{1, 9}, []int{2, 3}, "h-1[h-2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := &outline{href: "x.xhtml", prev: 1}
			var got []int
			for i, l := range tt.levels {
				h := o.level(l)
				got = append(got, h)
				o.add(h, "H"+string(rune('a'+i)))
			}
			if !equalInts(got, tt.want) {
				t.Errorf("levels %v, want %v", got, tt.want)
			}
			if tree := tocTree(o.entries); tree != tt.tree {
				t.Errorf("toc %q, want %q", tree, tt.tree)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func tocTree(es []*tocEntry) string {
	var parts []string
	for _, e := range es {
		_, id, _ := strings.Cut(e.Href, "#")
		if len(e.Children) > 0 {
			id += "[" + tocTree(e.Children) + "]"
		}
		parts = append(parts, id)
	}
	return strings.Join(parts, " ")
}

func TestIdentifier(t *testing.T) {
	// Without a source URL the identifier comes from the text.
	noURL := func() *article.Article {
		a := seedArticle(t)
		a.Meta.SourceURL = ""
		return a
	}
	base := identifier(article.Single(noURL()))
	if base != identifier(article.Single(noURL())) {
		t.Error("the same text gave two identifiers")
	}
	b := noURL()
	b.Body = append(b.Body, plainPara("One more sentence."))
	if identifier(article.Single(b)) == base {
		t.Error("a different text gave the same identifier")
	}
	// The text's name space is fixed: identifiers must not change between
	// versions of publish.
	if got, want := namespaceText().String(), "909ef6d3-d1b2-527e-bcff-9d18a88f56ec"; got != want {
		t.Errorf("namespaceText() = %s, want %s", got, want)
	}
	c := seedArticle(t)
	if got, want := identifier(article.Single(c)), uuid.NewV5(uuid.NamespaceURL, c.Meta.SourceURL).String(); got != want {
		t.Errorf("identifier with a URL = %s, want UUIDv5 of the URL %s", got, want)
	}
}

// TestGivenIdentifier checks that a work's own identifier, an ISBN, is the
// book's identifier, and that epubcheck accepts it.
func TestGivenIdentifier(t *testing.T) {
	a := seedArticle(t)
	a.Meta.Identifier = "ISBN 978-3-16-148410-0"
	data := write(t, article.Single(a), Options{Created: time.Unix(1526774400, 0)})
	fs, _ := files(t, data)
	if opf := string(fs[opfPath]); !strings.Contains(opf, ">ISBN 978-3-16-148410-0</dc:identifier>") {
		t.Errorf("package document lacks the ISBN as its identifier:\n%s", opf)
	}
	path := filepath.Join(t.TempDir(), "isbn.epub")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := tooltest.EpubcheckAll(t, []string{path})[path]; msg != "" {
		t.Errorf("epubcheck:\n%s", msg)
	}
}

func TestFileAs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anny Boc", "Boc, Anny"},
		{"Jean-Luc Picard", "Picard, Jean-Luc"},
		{"Mary Ann Evans", "Evans, Mary Ann"},
		{"Madonna", "Madonna"},
		{"王小明", "王小明"},
	}
	for _, tt := range tests {
		if got := fileAs(tt.in); got != tt.want {
			t.Errorf("fileAs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonicalLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"pt-br", "pt-BR"}, {" zh-hans ", "zh-Hans"}, {"", "und"}, {"not a tag!", "und"}, {"und", "und"},
	}
	for _, tt := range tests {
		if got := canonicalLang(tt.in); got != tt.want {
			t.Errorf("canonicalLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMsDosTime(t *testing.T) {
	tests := []struct {
		in   time.Time
		want time.Time
	}{
		{time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC), time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{time.Date(2023, 11, 14, 22, 13, 21, 5, time.UTC), time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{time.Date(2024, 1, 1, 1, 0, 0, 0, time.FixedZone("", 2*3600)), time.Date(2023, 12, 31, 23, 0, 0, 0, time.UTC)},
		{time.Unix(0, 0), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)},
	}
	for _, tt := range tests {
		d, tm := msDosTime(tt.in)
		got := time.Date(int(d>>9)+1980, time.Month(d>>5&0xf), int(d&0x1f), int(tm>>11), int(tm>>5&0x3f), int(tm&0x1f)*2, 0, time.UTC)
		if !got.Equal(tt.want) {
			t.Errorf("msDosTime(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSetLang(t *testing.T) {
	tests := []struct {
		name, in, want string
		err            bool
	}{
		{"go-epub root", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="x"><body/></html>`,
			`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" lang="de" xml:lang="de" xmlns:epub="x"><body/></html>`, false},
		{"no root", `<svg/>`, "", true},
		{"already set", `<html xmlns="http://www.w3.org/1999/xhtml" lang="en">`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := setLang([]byte(tt.in), "de")
			if (err != nil) != tt.err || string(got) != tt.want {
				t.Errorf("setLang = %q, %v; want %q, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

// TestFinishRejects feeds the finishing step archives go-epub would not
// write, and wants an error rather than a broken EPUB.
func TestFinishRejects(t *testing.T) {
	b, err := newBook(article.Single(minimalArticle()), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	good, err := b.pack()
	if err != nil {
		t.Fatal(err)
	}
	fs, _ := files(t, good)
	tests := []struct {
		name   string
		change func(map[string][]byte)
		want   string
	}{
		{"no package document", func(m map[string][]byte) { delete(m, opfPath) }, "no EPUB/package.opf"},
		{"no mimetype", func(m map[string][]byte) { delete(m, "mimetype") }, "mimetype"},
		{"missing document", func(m map[string][]byte) { delete(m, "EPUB/xhtml/credits.xhtml") }, "credits.xhtml"},
		{"spine out of order", func(m map[string][]byte) {
			m[opfPath] = []byte(strings.Replace(string(m[opfPath]), `<itemref idref="cover.xhtml"></itemref>`, "", 1))
		}, "spine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string][]byte{}
			for k, v := range fs {
				m[k] = v
			}
			tt.change(m)
			var zipped strings.Builder
			if err := writeZipLoose(&zipped, m); err != nil {
				t.Fatal(err)
			}
			err := finish(&strings.Builder{}, []byte(zipped.String()), b)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("finish error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// breakUnitsByConcat is breakUnits as it was, growing each piece by string
// concatenation and testing it all for CJK at every letter: quadratic, and
// kept here as the reference the linear one must agree with.
func breakUnitsByConcat(text string) (units []string, spaced []bool) {
	for _, word := range strings.Fields(text) {
		first := true
		cur := ""
		flush := func() {
			if cur != "" {
				units = append(units, cur)
				spaced = append(spaced, first)
				first, cur = false, ""
			}
		}
		for _, r := range word {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				flush()
				cur = string(r)
			case unicode.IsPunct(r) && cur == "" && len(units) > 0 && !first:
				units[len(units)-1] += string(r)
			default:
				if cur != "" && hasCJK(cur) && !unicode.IsPunct(r) {
					flush()
				}
				cur += string(r)
			}
		}
		flush()
	}
	return units, spaced
}

// hasCJK, for the reference, reports whether s has Chinese, Japanese or Korean characters.
func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// TestBreakUnitsAsBefore checks the linear breakUnits against the
// quadratic one it replaced, on text of every kind the cover meets.
func TestBreakUnitsAsBefore(t *testing.T) {
	texts := []string{
		"North Korea and China, Friends Again?",
		"中国与朝鲜：再度「友好」？",
		"Xi 习近平 said: 「好」, and left.",
		"한국어 제목입니다, 그렇죠? 네!",
		"日本語のタイトル、です。カタカナ・ひらがな",
		"mixed한국中文abc。def",
		"«Guillemets» — dashes… and (brackets)!",
		"", "   ", "a", "。", "。中",
		strings.Repeat("x", 500),
	}
	for _, text := range texts {
		units, spaced := breakUnits(text)
		wantUnits, wantSpaced := breakUnitsByConcat(text)
		if !slices.Equal(units, wantUnits) || !slices.Equal(spaced, wantSpaced) {
			t.Errorf("breakUnits(%q) = %q %v, want %q %v", text, units, spaced, wantUnits, wantSpaced)
		}
	}
}

func TestBreakUnits(t *testing.T) {
	tests := []struct {
		in     string
		units  string
		spaced string
	}{
		{"North Korea and China", "North|Korea|and|China", "TTTT"},
		{"中国与朝鲜：再度", "中|国|与|朝|鲜：|再|度", "TFFFFFF"},
		{"Xi 习近平 said", "Xi|习|近|平|said", "TTFFT"},
		{"  spaced   out  ", "spaced|out", "TT"},
	}
	for _, tt := range tests {
		units, spaced := breakUnits(tt.in)
		var sp strings.Builder
		for _, s := range spaced {
			sp.WriteString(map[bool]string{true: "T", false: "F"}[s])
		}
		if got := strings.Join(units, "|"); got != tt.units || sp.String() != tt.spaced {
			t.Errorf("breakUnits(%q) = %s %s, want %s %s", tt.in, got, sp.String(), tt.units, tt.spaced)
		}
	}
}

// TestBookOfOne checks that a book of one article keeps the book's own
// title page, with the article in a document of its own, and its lead
// image as its cover.
func TestBookOfOne(t *testing.T) {
	a := seedArticle(t)
	pub := &article.Publication{
		Meta:     article.Metadata{Title: "One Piece Book", Lang: "en"},
		Editors:  []article.Person{{Name: "Ada Byron"}},
		Sections: []article.Section{{Articles: []*article.Article{a}}},
	}
	cover := testJPEG(t, 60, 96)
	pub.Meta.LeadImage = &article.Image{Data: cover, MediaType: "image/jpeg", Width: 60, Height: 96}
	pub.Book = true
	got, _ := files(t, write(t, pub, seedOptions()))
	if !bytes.Equal(got["EPUB/images/cover.jpg"], cover) {
		t.Error("a book's lead image is not its cover")
	}
	title := string(got["EPUB/xhtml/title.xhtml"])
	if !strings.Contains(title, "One Piece Book") || !strings.Contains(title, "Ada Byron") {
		t.Errorf("title page is not the book's:\n%s", title)
	}
	if doc := string(got["EPUB/xhtml/article-01.xhtml"]); !strings.Contains(doc, esc(a.Title())) {
		t.Errorf("article-01.xhtml does not open with the article's title")
	}
}
