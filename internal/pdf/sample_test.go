package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
)

// This file builds, by hand, what the reader and the layout engine will
// make: an article and a three-page Document set in five faces, with a
// title block, headings, running heads, folios, a link, two images of one
// width (a JPEG and a PNG with alpha), CJK text, accents, curly quotes, an
// em dash, a hyphenated word and a credits section. Words are measured with
// the real fonts so that the rendered pages can be judged by eye.

const sourceURL = "https://thediplomat.com/2018/06/north-korea-and-china-friends-again/"

// sampleArticle returns the article the sample Document sets.
func sampleArticle() *article.Publication {
	lead := &article.Image{Src: "lead.jpg", Data: sampleJPEG(), MediaType: "image/jpeg", Alt: "A border bridge", Width: 240, Height: 160}
	a := &article.Article{
		Meta: article.Metadata{
			Title:     "North Korea and China, Friends Again?",
			Subtitle:  "How economic engagement with North Korea serves China’s broader strategy in Northeast Asia.",
			Section:   "China Power",
			Authors:   []article.Person{{Name: "Anna Kowalska"}, {Name: "李明"}},
			Date:      article.Day(2018, time.June, 5),
			Lang:      "en",
			Publisher: "The Diplomat",
			SourceURL: sourceURL,
			Rights:    "© 2018 The Diplomat",
			Keywords:  []string{"North Korea", "Belt & Road", "économie"},
			LeadImage: lead,
		},
		Credits: []article.Credit{{Role: article.RolePhoto, Text: "Flickr / John Pavelka", Name: "John Pavelka", Agency: "Flickr"}},
	}
	return article.Single(a)
}

// sampleImages returns the lead JPEG and the PNG figure, both 240 pixels
// wide: fpdf orders images by width alone.
func sampleImages(pub *article.Publication) (lead, figure *article.Image) {
	return pub.Meta.LeadImage, &article.Image{Src: "map.png", Data: samplePNG(), MediaType: "image/png", Alt: "A map", Width: 240, Height: 120}
}

func sampleJPEG() []byte {
	m := image.NewRGBA(image.Rect(0, 0, 240, 160))
	for y := range 160 {
		for x := range 240 {
			m.Set(x, y, color.RGBA{uint8(60 + x/2), uint8(90 + y/2), 150, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func samplePNG() []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 240, 120))
	for y := range 120 {
		for x := range 240 {
			dx, dy := x-120, y-60
			a := 255 - min(255, (dx*dx+dy*dy)/16) // an opaque disc fading out
			m.Set(x, y, color.NRGBA{200, 40, 40, uint8(a)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// A setter places text as a layout engine would, measuring with sfnt.
type setter struct {
	tb    testing.TB
	fonts map[string]*sfnt.Font
	buf   sfnt.Buffer
	doc   *layout.Document
	page  *layout.Page
	y     float64 // baseline of the last line set
}

const (
	pageW, pageH = 432.0, 648.0 // 6 by 9 inches
	margin       = 54.0
	measure      = pageW - 2*margin
)

func newSetter(tb testing.TB) *setter {
	return &setter{tb: tb, fonts: make(map[string]*sfnt.Font), doc: &layout.Document{Width: pageW, Height: pageH}}
}

func (s *setter) width(face string, size float64, text string) float64 {
	f, ok := s.fonts[face]
	if !ok {
		b, err := fonts.Bytes(face)
		if err != nil {
			s.tb.Fatal(err)
		}
		if f, err = sfnt.Parse(b); err != nil {
			s.tb.Fatal(err)
		}
		s.fonts[face] = f
	}
	ppem := fixed.Int26_6(size * 64)
	var w fixed.Int26_6
	for _, r := range text {
		g, err := f.GlyphIndex(&s.buf, r)
		if err != nil {
			s.tb.Fatal(err)
		}
		adv, err := f.GlyphAdvance(&s.buf, g, ppem, font.HintingNone)
		if err != nil {
			s.tb.Fatal(err)
		}
		w += adv
	}
	return float64(w) / 64
}

func (s *setter) newPage(head string) {
	s.doc.Pages = append(s.doc.Pages, layout.Page{Number: len(s.doc.Pages) + 1})
	s.page = &s.doc.Pages[len(s.doc.Pages)-1]
	s.y = margin
	if head != "" {
		n := strconv.Itoa(s.page.Number)
		s.page.Folio = n
		s.add(&layout.TextItem{X: margin, Y: margin - 18, Font: fonts.SansRegular, Size: 8, Text: head, Gray: 0.4})
		s.add(&layout.RuleItem{X1: margin, Y1: margin - 12, X2: pageW - margin, Y2: margin - 12, Width: 0.4, Gray: 0.6})
		s.add(&layout.TextItem{X: (pageW - s.width(fonts.SansRegular, 8, n)) / 2, Y: pageH - margin + 24, Font: fonts.SansRegular, Size: 8, Text: n})
	}
}

func (s *setter) add(it layout.Item) { s.page.Items = append(s.page.Items, it) }

// line sets text on the next line, lead points below the last.
func (s *setter) line(face string, size, lead float64, text string, gray float64) {
	s.y += lead
	s.add(&layout.TextItem{X: margin, Y: s.y, Font: face, Size: size, Text: text, Gray: gray})
}

// A word is one word of a paragraph with its face and, optionally, link.
type word struct {
	text, face, link string
}

// words splits text into words of one face.
func words(face, text string) []word {
	var ws []word
	for _, w := range strings.Fields(text) {
		ws = append(ws, word{text: w, face: face})
	}
	return ws
}

// hyphenate returns the word split at its one hyphenation point, for a
// few words of the sample.
func hyphenate(w string) (head, tail string, ok bool) {
	points := map[string]string{
		"neighboring": "neigh-boring", "intensified.": "inten-sified.", "delegation": "dele-gation",
		"Zhongguancun": "Zhong-guancun", "engagement": "engage-ment", "traditional": "tradi-tional",
		"relations": "rela-tions", "strained": "strain-ed", "Remarkably,": "Remark-ably,",
		"exchanges": "ex-changes", "political": "polit-ical", "Paulo’s": "Pau-lo’s", "owners": "own-ers",
	}
	return strings.Cut(points[w], "-")
}

// paragraph sets words justified on lines of the measure, one TextItem a
// word, hyphenating the words hyphenate knows that overflow a line, and drawing
// link areas over linked words.
func (s *setter) paragraph(ws []word, size, lead float64) {
	space := s.width(fonts.SerifRegular, size, " ")
	var line []word
	flush := func(last bool) {
		total := 0.0
		for _, w := range line {
			total += s.width(w.face, size, w.text)
		}
		gap := space
		if !last && len(line) > 1 {
			gap = (measure - total) / float64(len(line)-1)
		}
		s.y += lead
		x := margin
		for _, w := range line {
			wd := s.width(w.face, size, w.text)
			s.add(&layout.TextItem{X: x, Y: s.y, Font: w.face, Size: size, Text: w.text})
			if w.link != "" {
				s.add(&layout.LinkItem{X: x, Y: s.y - size*0.8, W: wd, H: size, URL: w.link})
			}
			x += wd + gap
		}
		line = line[:0]
	}
	lineWidth := func(extra word) float64 {
		t := 0.0
		for _, w := range append(line, extra) {
			t += s.width(w.face, size, w.text) + space
		}
		return t - space
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if lineWidth(w) <= measure {
			line = append(line, w)
			continue
		}
		if head, tail, ok := hyphenate(w.text); ok &&
			lineWidth(word{text: head + "-", face: w.face}) <= measure {
			line = append(line, word{text: head + "-", face: w.face})
			flush(false)
			line = append(line, word{text: tail, face: w.face, link: w.link})
			continue
		}
		flush(false)
		line = append(line, w)
	}
	flush(true)
}

// sampleDocument lays out the sample article on three pages.
func sampleDocument(tb testing.TB, pub *article.Publication) *layout.Document {
	s := newSetter(tb)
	lead, figure := sampleImages(pub)
	m := pub.Meta
	serif, italic, bold := fonts.SerifRegular, fonts.SerifItalic, fonts.SerifBold
	sans, sansBold, cjk := fonts.SansRegular, fonts.SansBold, fonts.Fallback

	// Page 1: the title block, the lead image, the first section.
	s.newPage("")
	s.line(sansBold, 9, 0, strings.ToUpper(m.Section), 0.35)
	s.line(bold, 22, 30, "North Korea and China,", 0)
	s.doc.Outline = append(s.doc.Outline, layout.OutlineEntry{Title: m.Title, Level: 0, Page: 1, Y: s.y - 22})
	s.line(bold, 22, 26, "Friends Again?", 0)
	s.y += 4
	s.paragraph(words(italic, m.Subtitle), 12, 16)
	s.y += 6
	s.paragraph(append(words(sans, "By Anna Kowalska and"), word{text: "李明", face: cjk}), 9, 13)
	s.line(sans, 9, 12, "June 5, 2018 — The Diplomat", 0.35)
	s.y += 10
	s.add(&layout.ImageItem{X: margin, Y: s.y, W: measure, H: measure * 160 / 240, Image: lead})
	s.y += measure*160/240 + 4
	s.line(sans, 7.5, 8, "Credit: Flickr / John Pavelka", 0.35)
	s.y += 6
	s.paragraph(words(serif, "After many years of strained relations between China and North Korea, the so-called “traditional friendship” seems to be moving back on track — Kim Jong-un’s visit to Beijing was his first foreign trip since 2011."), 10.5, 14)

	// Page 2: a heading, accented text, a link, CJK, the PNG figure.
	s.newPage(m.Title)
	s.y += 6
	s.line(sansBold, 13, 13, "Economic Engagement", 0)
	s.doc.Outline = append(s.doc.Outline, layout.OutlineEntry{Title: "Economic Engagement", Level: 1, Page: 2, Y: s.y - 13})
	s.y += 2
	body := words(serif, "Remarkably, within a very short period of time the high-level exchanges between the two neighboring countries have intensified. A delegation toured the Zhongguancun zone, São Paulo’s and Zürich’s trade offices took note, and the café owners of Łódź and Dalian read the")
	body = append(body, word{text: "report", face: italic, link: "https://example.org/report?id=42&lang=en"}, word{text: "online.", face: serif})
	s.paragraph(body, 10.5, 14)
	s.y += 4
	s.paragraph(words(cjk, "中国和朝鲜的关系正在改善。 北京希望在东北亚发挥核心作用。"), 10.5, 15)
	s.y += 10
	s.add(&layout.ImageItem{X: margin + 42, Y: s.y, W: 240, H: 120, Image: figure})
	s.y += 120 + 4
	s.line(italic, 8.5, 10, "A map of the border region, with its “naïve” legend.", 0.3)

	// Page 3: a second heading and the credits.
	s.newPage(m.Title)
	s.y += 6
	s.line(sansBold, 13, 13, "Looking Ahead", 0)
	s.doc.Outline = append(s.doc.Outline, layout.OutlineEntry{Title: "Looking Ahead", Level: 1, Page: 3, Y: s.y - 13})
	s.y += 2
	s.paragraph(words(serif, "China’s engagement with North Korea — economic first, political second — remains a key pillar of its policy toward its neighbor."), 10.5, 14)
	s.y += 20
	s.add(&layout.RuleItem{X1: margin, Y1: s.y, X2: margin + 72, Y2: s.y, Width: 0.5})
	s.line(sansBold, 9, 14, "Credits", 0)
	s.doc.Outline = append(s.doc.Outline, layout.OutlineEntry{Title: "Credits", Level: 1, Page: 3, Y: s.y - 9})
	s.line(sans, 8.5, 12, "Photo: Flickr / John Pavelka", 0.2)
	s.line(sans, 8.5, 12, "Source:", 0.2)
	x := margin + s.width(sans, 8.5, "Source: ")
	s.add(&layout.TextItem{X: x, Y: s.y, Font: sans, Size: 8.5, Text: sourceURL, Gray: 0.2})
	s.add(&layout.LinkItem{X: x, Y: s.y - 7, W: s.width(sans, 8.5, sourceURL), H: 9, URL: sourceURL})
	return s.doc
}
