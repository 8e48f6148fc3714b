package htmlpage

import (
	"fmt"
	"github.com/pressroom/publish/internal/corpustest"
	"strconv"

	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/dates"
	"github.com/pressroom/publish/internal/read/images"
)

// filler is prose enough for Readability to take a page for an article.
const filler = `<p>The river rose slowly through the night, and by morning the lower town
was under a foot of brown water that smelled of diesel and wet earth. Shopkeepers
carried what they could upstairs while the volunteers stacked sandbags along the
quay, working in silence under the grey sky until the rain stopped at noon.</p>
<p>By evening the water had begun to fall again, leaving a line of silt on every
wall, and the town council met in the school hall to count the cost of the flood
and to decide, once more, whether the old embankment could be saved or must be
replaced before the next winter brought the river back into the streets.</p>`

// page wraps head and body markup into a document with an article.
func page(head, body string) []byte {
	return []byte("<!doctype html><html><head>" + head + "</head><body><article>" + body + filler + "</article></body></html>")
}

func mustParse(t *testing.T, data []byte, opts Options) *article.Article {
	t.Helper()
	a, err := Parse(data, opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return a
}

func TestMetadata(t *testing.T) {
	const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
		{"@type":"WebSite","@id":"#site","name":"Graph Site"},
		{"@type":["NewsArticle"],"headline":"LD Headline","alternativeHeadline":"LD dek",
		 "author":[{"@type":"Person","name":"Ada Lovelace"},"By Alan Turing",{"@id":"#grace"}],
		 "datePublished":"2020-03-04T05:06:07+01:00","publisher":{"@type":"Organization","name":"LD Times"},
		 "image":{"@type":"ImageObject","url":"https://example.com/lead.jpg","caption":"The lead","creditText":"Jane Roe/Example Agency"},
		 "keywords":"floods, rivers","inLanguage":"fr-CA","articleSection":["Climate"]},
		{"@type":"Person","@id":"#grace","name":"Grace Hopper"}]}</script>`
	const citation = `<meta name="citation_title" content="Citation Title"><meta name="citation_author" content="Doe, Jane">
		<meta name="citation_author" content="Roe, Richard"><meta name="citation_publication_date" content="2019/07/08">
		<meta name="DC.language" content="de"><meta name="citation_publisher" content="Citation Press">`
	const og = `<meta property="og:title" content="OG Title | OG Site"><meta property="og:site_name" content="OG Site">
		<meta property="og:description" content="OG dek"><meta property="article:published_time" content="2018-01-02T03:04:05Z">
		<meta property="article:author" content="https://example.com/people/jane"><meta property="article:author" content="Mary Major">
		<meta property="article:section" content="Weather"><meta property="article:tag" content="rain"><meta property="article:tag" content="wind">`
	const plain = `<title>Plain Title - Plain Site</title>`
	tests := []struct {
		name, head, lang string
		want             article.Metadata
	}{
		{"json-ld first", ld + citation + og + plain, "", article.Metadata{
			Title: "LD Headline", Subtitle: "LD dek", Section: "Climate", Lang: "fr-CA", Publisher: "LD Times",
			Authors:  []article.Person{{Name: "Ada Lovelace"}, {Name: "Alan Turing"}, {Name: "Grace Hopper"}},
			Date:     article.Date{Time: mustTime(t, "2020-03-04T05:06:07+01:00"), HasTime: true},
			Keywords: []string{"floods", "rivers"},
		}},
		{"citation next", citation + og + plain, "en", article.Metadata{
			Title: "Citation Title", Subtitle: "OG dek", Section: "Weather", Lang: "de", Publisher: "Citation Press",
			Authors:  []article.Person{{Name: "Doe, Jane"}, {Name: "Roe, Richard"}},
			Date:     article.Day(2019, 7, 8),
			Keywords: []string{"rain", "wind"},
		}},
		{"open graph, site stripped from title, URL authors skipped", og + plain, "en-GB", article.Metadata{
			Title: "OG Title", Subtitle: "OG dek", Section: "Weather", Lang: "en-GB", Publisher: "OG Site",
			Authors:  []article.Person{{Name: "Mary Major"}},
			Date:     article.Date{Time: mustTime(t, "2018-01-02T03:04:05Z"), HasTime: true},
			Keywords: []string{"rain", "wind"},
		}},
		{"title and lang only", plain, "pt-BR", article.Metadata{Title: "Plain Title - Plain Site", Lang: "pt-BR"}},
		{"no language", plain, "", article.Metadata{Title: "Plain Title - Plain Site"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := page(tt.head, "")
			if tt.lang != "" {
				data = bytes.Replace(data, []byte("<html>"), []byte(`<html lang="`+tt.lang+`">`), 1)
			}
			got := mustParse(t, data, Options{}).Meta
			got.LeadImage, got.SourceURL = nil, ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLeadImageAndSourceURL(t *testing.T) {
	head := `<link rel="canonical" href="https://example.com/story"><meta property="og:image" content="https://cdn.example.com/i/river-flood.jpg?w=1200">`
	// The body opens with the same picture: it becomes the lead image.
	a := mustParse(t, page(head, `<figure><img src="https://cdn.example.com/i/river-flood.jpg?w=600" alt="The river"><figcaption>The flood at dawn.</figcaption></figure>`), Options{})
	if a.Meta.SourceURL != "https://example.com/story" {
		t.Errorf("SourceURL = %q", a.Meta.SourceURL)
	}
	if li := a.Meta.LeadImage; li == nil || li.Alt != "The river" || li.Caption.String() != "The flood at dawn." {
		t.Errorf("LeadImage = %+v", li)
	}
	for _, b := range a.Body {
		if _, ok := b.(*article.Figure); ok {
			t.Error("lead figure left in the body too")
		}
	}
	// A page URL wins over the canonical one.
	u, _ := url.Parse("https://example.org/fetched")
	if a := mustParse(t, page(head, ""), Options{URL: u}); a.Meta.SourceURL != u.String() || a.Meta.LeadImage == nil {
		t.Errorf("SourceURL = %q, LeadImage %+v", a.Meta.SourceURL, a.Meta.LeadImage)
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	d, _ := dates.Parse(s)
	if d.IsZero() {
		t.Fatalf("bad time %q", s)
	}
	return d.Time
}

func TestInline(t *testing.T) {
	u, _ := url.Parse("https://example.com/news/story.html")
	body := `<h1>The Title</h1>
<h3>First part</h3><p>Some <em>emphasis</em>, <b>bold <i>both</i></b> and <code>x := 1</code>.</p>
<p>A <a href="../about">relative link</a>, a <a href="javascript:void(0)">script link</a>, H<sub>2</sub>O and 10<sup>3</sup>.<br>Second line.</p>
<h5>Deeper</h5>
<blockquote><p>Quoted words.</p></blockquote>
<ol start="3"><li>three<ul><li>nested</li></ul></li><li><p>four</p></li></ol>
<pre>line one
  line two</pre>
<table><caption>Table 1. Values</caption><tr><th>Name</th><th align="right">Value</th></tr><tr><td>alpha</td><td>1</td></tr><tr><td colspan="2">both</td></tr><tfoot><tr><td>sum</td><td>1</td></tr></tfoot></table>`
	a := mustParse(t, page("<title>The Title</title>", body), Options{URL: u})
	var got []string
	for _, b := range a.Body[:min(len(a.Body), 8)] {
		got = append(got, describe(b))
	}
	want := []string{
		`heading 2 "First part"`,
		`paragraph "Some |emphasis:1|, |bold :2|both:3| and |x := 1:4|."`,
		`paragraph "A |relative link@https://example.com/about|, a script link, H2O and 103.|<br>|Second line."`,
		`heading 3 "Deeper"`,
		`quote [paragraph "Quoted words."]`,
		`list ordered start 3 [[paragraph "three" list [[paragraph "nested"]]] [paragraph "four"]]`,
		`pre "line one\n  line two"`,
		// The alignment outlives Readability, which strips align.
		`table "Table 1. Values" align [default right] head [[th "Name" | th "Value"]] rows [["alpha" | "1"] ["both"/2]] foot [["sum" | "1"]]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// describe prints a block compactly: runs joined by "|", with ":style" and
// "@link" after the text of styled and linked runs.
func describe(b article.Block) string {
	text := func(t article.Text) string {
		var parts []string
		for _, r := range t {
			s := r.Text
			if r.Break {
				s = "<br>"
			}
			if r.Style != 0 {
				s += ":" + string(rune('0'+r.Style))
			}
			if r.Link != "" {
				s += "@" + r.Link
			}
			parts = append(parts, s)
		}
		return `"` + strings.Join(parts, "|") + `"`
	}
	blocks := func(bs []article.Block) string {
		var parts []string
		for _, b := range bs {
			parts = append(parts, describe(b))
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	switch b := b.(type) {
	case *article.Heading:
		return "heading " + string(rune('0'+b.Level)) + " " + text(b.Text)
	case *article.Paragraph:
		return "paragraph " + text(b.Text)
	case *article.Quote:
		return "quote " + blocks(b.Blocks)
	case *article.List:
		s := "list"
		if b.Ordered {
			s += " ordered"
		}
		if b.Start != 0 {
			s += " start " + string(rune('0'+b.Start))
		}
		var items []string
		for _, it := range b.Items {
			items = append(items, blocks(it))
		}
		return s + " [" + strings.Join(items, " ") + "]"
	case *article.Preformatted:
		return "pre " + strings.ReplaceAll(`"`+b.Text+`"`, "\n", `\n`)
	case *article.Figure:
		return "figure " + b.Image.Src + " " + text(b.Image.Caption) + " credit " + b.Image.Credit
	case *article.Table:
		rows := func(rs []article.Row) string {
			var out []string
			for _, r := range rs {
				var cells []string
				for _, c := range r {
					s := text(c.Text)
					if c.Header {
						s = "th " + s
					}
					if c.ColSpan > 0 {
						s += "/" + strconv.Itoa(c.ColSpan)
					}
					if c.RowSpan > 0 {
						s += "^" + strconv.Itoa(c.RowSpan)
					}
					cells = append(cells, s)
				}
				out = append(out, "["+strings.Join(cells, " | ")+"]")
			}
			return "[" + strings.Join(out, " ") + "]"
		}
		var aligns []string
		for _, a := range b.Align {
			aligns = append(aligns, a.String())
		}
		return fmt.Sprintf("table %s align [%s] head %s rows %s foot %s", text(b.Caption), strings.Join(aligns, " "), rows(b.Head), rows(b.Rows), rows(b.Foot))
	}
	return b.Kind()
}

func makePNG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 3, 2))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFigures(t *testing.T) {
	dir := t.TempDir()
	pngData := makePNG(t)
	if err := os.MkdirAll(filepath.Join(dir, "story_files"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"story_files/a.png": pngData, "story_files/fake.png": []byte("<!doctype html><p>Not found</p>")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dataURI := "data:image/png;base64," + base64.StdEncoding.EncodeToString(pngData)
	tests := []struct {
		name, figure string
		caption      string
		credit       article.Credit
		loaded       bool
		warnings     int
	}{
		{"credit element", `<figure><img src="story_files/a.png" alt="A"><figcaption>The quay at noon. <span class="photo-credit">Jane Roe/Example Agency</span></figcaption></figure>`,
			"The quay at noon.", article.Credit{Role: article.RolePhoto, Text: "Jane Roe/Example Agency", Name: "Jane Roe", Agency: "Example Agency"}, true, 0},
		{"labelled credit in the caption", `<figure><img src="` + dataURI + `"><figcaption>Sandbags on the quay. Photo: Richard Roe</figcaption></figure>`,
			"Sandbags on the quay.", article.Credit{Role: article.RolePhoto, Text: "Richard Roe", Name: "Richard Roe"}, true, 0},
		{"illustration credit on its own line", `<figure><img src="story_files/a.png"><figcaption>A map of the flood.<br>Illustration by Mary Major</figcaption></figure>`,
			"A map of the flood.", article.Credit{Role: article.RoleIllustration, Text: "Mary Major", Name: "Mary Major"}, true, 0},
		{"schema.org creditText", `<figure><img src="story_files/a.png"><figcaption><span itemprop="caption">Boats.</span> <span itemprop="creditText">Example Photos</span></figcaption></figure>`,
			"Boats.", article.Credit{Role: article.RolePhoto, Text: "Example Photos", Agency: "Example Photos"}, true, 0},
		{"missing image keeps caption and credit", `<figure><img src="story_files/missing.png"><figcaption>Gone. <small class="credit">Jane Roe</small></figcaption></figure>`,
			"Gone.", article.Credit{Role: article.RolePhoto, Text: "Jane Roe", Name: "Jane Roe"}, false, 1},
		{"page saved as an image", `<figure><img src="story_files/fake.png"><figcaption>Not a picture.</figcaption></figure>`,
			"Not a picture.", article.Credit{}, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warned []string
			loader := &images.Loader{Dir: dir}
			a := mustParse(t, page("", tt.figure), Options{Images: loader, Warn: func(m string) { warned = append(warned, m) }})
			var fig *article.Figure
			for _, b := range a.Body {
				if f, ok := b.(*article.Figure); ok {
					fig = f
				}
			}
			if fig == nil {
				t.Fatalf("no figure in %v", a.Body)
			}
			if got := fig.Image.Caption.String(); got != tt.caption {
				t.Errorf("caption %q, want %q", got, tt.caption)
			}
			if fig.Image.Credit != tt.credit.Text {
				t.Errorf("credit %q, want %q", fig.Image.Credit, tt.credit.Text)
			}
			var wantCredits []article.Credit
			if tt.credit.Text != "" {
				wantCredits = []article.Credit{tt.credit}
			}
			if !reflect.DeepEqual(a.Credits, wantCredits) {
				t.Errorf("Credits = %+v, want %+v", a.Credits, wantCredits)
			}
			if loaded := fig.Image.Data != nil; loaded != tt.loaded {
				t.Errorf("loaded = %v, want %v", loaded, tt.loaded)
			}
			if tt.loaded && (fig.Image.MediaType != "image/png" || fig.Image.Width != 3 || fig.Image.Height != 2) {
				t.Errorf("image %s %d×%d", fig.Image.MediaType, fig.Image.Width, fig.Image.Height)
			}
			if len(warned) != tt.warnings || tt.warnings > 0 && !strings.Contains(warned[0], "story_files/") {
				t.Errorf("warnings %q, want %d naming the src", warned, tt.warnings)
			}
		})
	}
}

// TestImagesNil keeps each src without loading anything.
func TestImagesNil(t *testing.T) {
	a := mustParse(t, page("", `<figure><img src="pics/a.png"><figcaption>Kept.</figcaption></figure>`), Options{})
	for _, b := range a.Body {
		if f, ok := b.(*article.Figure); ok {
			if f.Image.Src != "pics/a.png" || f.Image.Data != nil {
				t.Errorf("figure %+v", f.Image)
			}
			return
		}
	}
	t.Error("no figure")
}

func TestCharset(t *testing.T) {
	tests := []struct {
		name, charset, title, text string
		enc                        encoding.Encoding
	}{
		{"gbk", "gbk", "洪水过后", "河水在夜里慢慢上涨，到了早晨，下城已经被淹没。", simplifiedchinese.GBK},
		{"shift_jis", "shift_jis", "洪水のあと", "川は夜のあいだにゆっくりと増水し、朝には町の下のほうが水につかった。", japanese.ShiftJIS},
		{"windows-1252", "windows-1252", "Après la crue", "Le fleuve est monté lentement pendant la nuit, et au matin la ville basse était sous l’eau.", charmap.Windows1252},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Repeat("<p>"+tt.text+strings.Repeat(tt.text, 3)+"</p>\n", 4)
			doc := `<!doctype html><html><head><meta charset="` + tt.charset + `"><title>` + tt.title + `</title></head><body><article>` + body + filler + `</article></body></html>`
			data, err := tt.enc.NewEncoder().Bytes([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			a := mustParse(t, data, Options{})
			if a.Meta.Title != tt.title {
				t.Errorf("title %q, want %q", a.Meta.Title, tt.title)
			}
			if !strings.Contains(corpustest.ArticleText(a), tt.text) {
				t.Errorf("text not decoded: %q", corpustest.ArticleText(a)[:200])
			}
		})
	}
	// A page a browser saved as UTF-8 but whose <meta> still names its old
	// charset reads as UTF-8.
	a := mustParse(t, []byte(`<html><head><meta charset="iso-8859-1"><title>Café crème</title></head><body><article>`+filler+`</article></body></html>`), Options{})
	if a.Meta.Title != "Café crème" {
		t.Errorf("title %q", a.Meta.Title)
	}
}

func TestNoArticle(t *testing.T) {
	for _, data := range []string{
		"",
		"<html><body></body></html>",
		"<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><p>Sign in to continue.</p></body></html>",
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	} {
		if _, err := Parse([]byte(data), Options{}); !errors.Is(err, ErrNoArticle) {
			t.Errorf("Parse(%.30q) err = %v, want ErrNoArticle", data, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(page(`<meta property="og:title" content="T">`, `<figure><img src="a.png"><figcaption>c</figcaption></figure>`))
	f.Add([]byte(`<table><tr><td><p>x</p></td></tr></table><ul><li>a<ol start=x><li>b</ol></ul>`))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"x"}},{"@id":"x","name":"A B"}]}</script>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(data, Options{})
		if err != nil {
			return
		}
		if len(a.Body) == 0 {
			t.Error("article with no body")
		}
	})
}

func TestDropBylines(t *testing.T) {
	para := func(s string) article.Block { return &article.Paragraph{Text: article.Plain(s)} }
	tests := []struct {
		name    string
		body    []article.Block
		authors []string
		want    int // blocks left
	}{
		{"byline of the author", []article.Block{para("By Jane Doe"), para("Text.")}, []string{"Jane Doe"}, 1},
		{"byline of another", []article.Block{para("By John Roe"), para("Text.")}, []string{"Jane Doe"}, 2},
		{"no authors known", []article.Block{para("By Jane Doe"), para("Text.")}, nil, 2},
		{"too far down", []article.Block{para("A."), para("B."), para("C."), para("By Jane Doe")}, []string{"Jane Doe"}, 4},
	}
	for _, tt := range tests {
		if got := dropBylines(tt.body, tt.authors); len(got) != tt.want {
			t.Errorf("%s: %d blocks left, want %d", tt.name, len(got), tt.want)
		}
	}
}

// TestNotes checks that a page's notes leave its text for the article's
// notes, numbered in order of first reference, with their references in
// the text and without the links back to them.
func TestNotes(t *testing.T) {
	body := `<h1>The Title</h1>
<p>Rivers rise<sup id="r1"><a href="#n-b">[1]</a></sup> and fall<sup id="r2"><a href="#n-a">[2]</a></sup>, and rise again<a role="doc-noteref" href="#fn3">3</a>.</p>
<p>Once more<sup id="r3"><a href="#n-b">[1]</a></sup>; see <a href="#history">the history</a>.</p>
<h2 id="history">History</h2><p>Long ago.</p>
<ol class="references">
<li id="n-a"><a href="#r2">^</a> Note A, with <em>style</em>.</li>
<li id="n-b">^ <a href="#r1">a</a> <a href="#r3">b</a> Note B.</li>
</ol>
<section role="doc-endnotes"><ol><li id="fn3" role="doc-endnote"><p>Note three.</p></li></ol></section>`
	a := mustParse(t, page("<title>The Title</title>", body), Options{})
	var notes []string
	for _, n := range a.Notes {
		var parts []string
		for _, b := range n.Blocks {
			parts = append(parts, describe(b))
		}
		notes = append(notes, strings.Join(parts, " "))
	}
	want := []string{`paragraph "Note B."`, `paragraph "Note A, with |style:1|."`, `paragraph "Note three."`}
	if !reflect.DeepEqual(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
	var refs []int
	for _, b := range a.Body {
		if p, ok := b.(*article.Paragraph); ok {
			for _, r := range p.Text {
				if r.Note > 0 {
					refs = append(refs, r.Note)
					if r.Text != "" {
						t.Errorf("a reference holds words: %q", r.Text)
					}
				}
			}
			if s := p.Text.String(); strings.Contains(s, "Note") || strings.Contains(s, "[1]") {
				t.Errorf("a note or its mark left in the text: %q", s)
			}
		}
	}
	if !reflect.DeepEqual(refs, []int{1, 2, 3, 1}) {
		t.Errorf("references %v, want [1 2 3 1]", refs)
	}
	if p, ok := a.Body[0].(*article.Paragraph); !ok || p.Text.String() != "Rivers rise and fall, and rise again." {
		t.Errorf("the words around the references: %q", describe(a.Body[0]))
	}
}

// TestItalicCaptions checks that a short paragraph all in italics right
// under an image without a caption becomes its caption, and that a long
// one, one not all in italics, or one under a captioned figure stays a
// paragraph.
func TestItalicCaptions(t *testing.T) {
	long := strings.Repeat("word ", 70)
	tests := []struct {
		name, html string
		caption    string
		paragraph  bool // the italic paragraph is still a paragraph
	}{
		{"adopted", `<img src="story_files/a.png" alt="A"><p><em>The quay at noon, after the flood.</em></p>`, "The quay at noon, after the flood.", false},
		{"too long", `<img src="story_files/a.png" alt="A"><p><em>` + long + `</em></p>`, "", true},
		{"not all italic", `<img src="story_files/a.png" alt="A"><p><em>The quay</em> at noon.</p>`, "", true},
		{"captioned already", `<figure><img src="story_files/a.png" alt="A"><figcaption>The quay.</figcaption></figure><p><em>At noon.</em></p>`, "The quay.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.html + `<p>` + strings.Repeat("The water rose through the night and by morning the lower town was under a foot of it. ", 6) + `</p>`
			a := mustParse(t, page("", body), Options{})
			var fig *article.Figure
			paragraph := false
			for _, b := range a.Body {
				switch b := b.(type) {
				case *article.Figure:
					fig = b
				case *article.Paragraph:
					if b.Text[0].Style&article.Emphasis != 0 {
						paragraph = true
					}
				}
			}
			if fig == nil {
				t.Fatalf("no figure in %v", a.Body)
			}
			if got := fig.Image.Caption.String(); got != tt.caption {
				t.Errorf("caption %q, want %q", got, tt.caption)
			}
			if paragraph != tt.paragraph {
				t.Errorf("italic paragraph kept: %v, want %v", paragraph, tt.paragraph)
			}
		})
	}
}
