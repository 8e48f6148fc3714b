package epub

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read"
)

// created is the Options.Created of every test: SOURCE_DATE_EPOCH=1700000000.
var created = time.Unix(1700000000, 0).UTC()

func testOptions() Options {
	return Options{Created: created, Creator: "publish 0.1.0"}
}

// seedOptions are the Options of the acceptance command, which sets
// SOURCE_DATE_EPOCH=1526774400.
func seedOptions() Options {
	o := testOptions()
	o.Created = time.Unix(1526774400, 0).UTC()
	return o
}

// seedArticle reads testdata/china-power.txt with the text reader and sets
// what the acceptance command sets on the command line: the date,
// source URL and rights.
func seedArticle(t testing.TB) *article.Article {
	t.Helper()
	a, err := read.File(filepath.Join("..", "..", "testdata", "china-power.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Meta.Date = article.Day(2018, time.May, 18)
	a.Meta.SourceURL = "https://thediplomat.com/2018/05/north-korea-and-china-friends-again/"
	a.Meta.Rights = "© 2018 The Diplomat. All rights reserved."
	return a
}

// write runs Write and returns the EPUB's bytes.
func write(t testing.TB, pub *article.Publication, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, pub, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// files returns an EPUB's files by name, and their names in archive order.
func files(t testing.TB, epub []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[f.Name] = data
		names = append(names, f.Name)
	}
	return m, names
}

// testPNG and testJPEG make small images of w x h pixels.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, gradient(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, gradient(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gradient(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 0x80, 0xff})
		}
	}
	return img
}

// A sample is a publication and options the tests write. Every EPUB the
// tests make comes from one of these, so that TestEpubcheck covers them all.
type sample struct {
	name string
	pub  func(t testing.TB) *article.Publication
	opts func(t testing.TB) Options
}

func samples() []sample {
	plain := func(testing.TB) Options { return testOptions() }
	return []sample{
		{"seed", func(t testing.TB) *article.Publication { return article.Single(seedArticle(t)) },
			func(testing.TB) Options { return seedOptions() }},
		{"seed-fonts", func(t testing.TB) *article.Publication { return article.Single(seedArticle(t)) },
			func(testing.TB) Options { o := seedOptions(); o.EmbedFonts = true; return o }},
		{"collection", func(testing.TB) *article.Publication { return collection() }, plain},
		{"cjk", func(testing.TB) *article.Publication { return article.Single(cjkArticle()) },
			func(testing.TB) Options { o := testOptions(); o.EmbedFonts = true; return o }},
		{"figures", func(t testing.TB) *article.Publication {
			return article.Single(figuresArticle(t, "https://example.invalid"))
		}, plain},
		{"minimal", func(testing.TB) *article.Publication { return article.Single(minimalArticle()) }, plain},
		{"given-cover", func(t testing.TB) *article.Publication { return article.Single(seedArticle(t)) },
			func(t testing.TB) Options {
				o := seedOptions()
				o.Cover = &article.Image{Data: testPNG(t, 400, 640), MediaType: "image/png", Alt: "A gradient in red and green"}
				return o
			}},
	}
}

func sampleNamed(name string) sample {
	for _, s := range samples() {
		if s.name == name {
			return s
		}
	}
	panic("no sample " + name)
}

func plainPara(s string) article.Block { return &article.Paragraph{Text: article.Plain(s)} }

// collection is a periodical issue: two titled sections, three articles
// (one in German), an editor, and every kind of block and inline style.
func collection() *article.Publication {
	world1 := &article.Article{
		Meta: article.Metadata{
			Title: "Rivers <Rising> & Falling", Subtitle: "Why floods come earlier each year.",
			Authors: []article.Person{{Name: "Ada Lovelace", Bio: "Ada writes about water."}, {Name: "Grace Hopper"}},
			Date:    article.Day(2024, 2, 28), Lang: "en", Publisher: "Pressroom",
			SourceURL: "https://example.com/rivers?x=1&y=2", Rights: "© 2024 Ada Lovelace",
		},
		Body: []article.Block{
			&article.Paragraph{Text: article.Text{
				{Text: "Water "}, {Text: "rises", Style: article.Emphasis}, {Text: " and "},
				{Text: "falls", Style: article.Strong | article.Emphasis}, {Text: "; see "},
				{Text: "the ", Link: "https://example.com/a b"}, {Text: "report", Link: "https://example.com/a b", Style: article.Strong},
				{Text: ", "}, {Text: "this", Link: "javascript:alert(1)"}, {Text: " or "},
				{Text: "mail us", Link: "mailto:desk@example.com"}, {Text: "."},
				{Break: true}, {Text: "Call "}, {Text: "x := 1 < 2", Style: article.Code}, {Text: " done."},
			}},
			&article.Heading{Level: 2, Text: article.Plain("Upstream")},
			&article.Paragraph{Text: article.Text{{Text: "The upstream gauges tell the story first."}, {Note: 1}, {Text: " Twice over."}, {Note: 2}}},
			&article.Heading{Level: 4, Text: article.Plain("Gauge data")},
			&article.List{Ordered: true, Start: 3, Items: [][]article.Block{
				{plainPara("Third gauge")},
				{plainPara("Fourth gauge, with notes"), plainPara("which run to two paragraphs.")},
			}},
			&article.Table{
				Caption: article.Text{{Text: "Table 1. "}, {Text: "Gauge levels", Style: article.Emphasis}},
				Head:    []article.Row{{{Text: article.Plain("Gauge"), Header: true}, {Text: article.Plain("Level (m)"), Header: true}}},
				Rows: []article.Row{
					{{Text: article.Plain("Upper <weir>"), Header: true}, {Text: article.Plain("3.2")}},
					{{Text: article.Plain("Mill & bridge"), RowSpan: 2}, {Text: article.Plain("2.9")}},
					{{Text: article.Plain("2.7")}},
					{{Text: article.Plain("Both gauges failed in the night"), ColSpan: 2}},
				},
				Foot: []article.Row{{{Text: article.Plain("Mean")}, {Text: article.Plain("2.9")}}},
			},
			&article.Heading{Level: 3, Text: article.Plain("Method")},
			&article.Preformatted{Text: "level <- read(gauge)\n  if level > 3 { warn() }"},
			&article.Heading{Level: 2, Text: article.Text{{Text: "Down", Style: article.Emphasis}, {Text: "stream"}}},
			&article.Quote{Blocks: []article.Block{
				&article.Heading{Level: 2, Text: article.Plain("A quoted heading")},
				plainPara("We have never seen it this high."),
			}},
			&article.List{Items: [][]article.Block{{plainPara("Sandbags")}, {plainPara("Pumps")}}},
			&article.Heading{Level: 2, Text: article.Plain("   ")},
		},
		Notes: []article.Note{
			{Blocks: []article.Block{&article.Paragraph{Text: article.Text{{Text: "Gauges read "}, {Text: "hourly", Style: article.Emphasis}, {Text: "."}}}}},
			{Blocks: []article.Block{&article.List{Items: [][]article.Block{{plainPara("One source")}, {plainPara("Another")}}}}},
		},
	}
	world2 := &article.Article{
		Meta: article.Metadata{
			Title: "A Second Report", Authors: []article.Person{{Name: "Grace Hopper", Bio: "Grace writes code."}},
			Lang: "en",
		},
		Credits: []article.Credit{{Role: article.RoleIllustration, Text: "Studio Nord / Kim Lee", Name: "Kim Lee", Agency: "Studio Nord"}},
		Body:    []article.Block{plainPara("Short and to the point.")},
	}
	opinion := &article.Article{
		Meta: article.Metadata{
			Title: "Über Flüsse", Section: "Meinung", Lang: "de",
			Authors: []article.Person{{Name: "Karl Fluss", Bio: "Karl schreibt über Flüsse."}},
		},
		Credits: []article.Credit{{Role: article.RoleSource, Text: "Zuerst erschienen in der Flusszeitung"}},
		Body: []article.Block{
			plainPara("Flüsse steigen, und Flüsse fallen."),
			&article.Heading{Level: 2, Text: article.Plain("Warum")},
			plainPara("Weil es regnet."),
		},
	}
	return &article.Publication{
		Meta: article.Metadata{
			Title: "The Weekly Reader", Subtitle: "Issue 12: Water", Publisher: "Pressroom",
			Date: article.Day(2024, 3, 1), Lang: "en", SourceURL: "https://example.com/issues/12",
			Rights: "© 2024 Pressroom", Keywords: []string{"rivers", "weekly", "rivers"},
		},
		Editors: []article.Person{{Name: "Maria Editor"}},
		Sections: []article.Section{
			{Title: "World", Articles: []*article.Article{world1, world2}},
			{Title: "Opinion", Articles: []*article.Article{opinion}},
		},
	}
}

// cjkArticle is in Chinese, whose characters the Noto faces lack.
func cjkArticle() *article.Article {
	return &article.Article{
		Meta: article.Metadata{
			Title:    "中国与朝鲜：再度成为朋友？",
			Subtitle: "与朝鲜的经济接触如何服务于中国在东北亚的更广泛战略。",
			Section:  "中国观察",
			Authors:  []article.Person{{Name: "王小明", Bio: "王小明是柏林自由大学的博士生。"}},
			Lang:     "zh-Hans",
			Date:     article.Date{Time: time.Date(2018, 5, 21, 9, 30, 0, 0, time.FixedZone("", 8*3600)), HasTime: true},
		},
		Body: []article.Block{
			plainPara("在中朝关系紧张多年之后，所谓的传统友谊似乎正在重回正轨。"),
			&article.Heading{Level: 2, Text: article.Plain("与朝鲜的经济接触")},
			&article.Paragraph{Text: article.Text{{Text: "北京"}, {Text: "欢迎", Style: article.Emphasis}, {Text: "这一转变。"}}},
		},
	}
}

// figuresArticle has a PNG and a JPEG figure, one without alt text, a lead
// image, and an image whose bytes the reader never fetched (from remote).
func figuresArticle(t testing.TB, remote string) *article.Article {
	return &article.Article{
		Meta: article.Metadata{
			Title: "Pictures of Rivers", Lang: "en-GB",
			Authors: []article.Person{{Name: "Jean-Luc Picard"}},
			LeadImage: &article.Image{Src: remote + "/lead.jpg", Data: testJPEG(t, 64, 40), MediaType: "image/jpeg",
				Alt: "A river at dawn", Caption: article.Plain("The river at dawn."), Credit: "Reuters / Ann Smith", Width: 64, Height: 40},
		},
		Credits: []article.Credit{
			{Role: article.RolePhoto, Text: "Reuters / Ann Smith", Name: "Ann Smith", Agency: "Reuters"},
			{Role: article.RolePhoto, Text: "Getty Images", Agency: "Getty Images"},
		},
		Body: []article.Block{
			plainPara("Three pictures follow."),
			&article.Figure{Image: article.Image{Src: remote + "/chart.png", Data: testPNG(t, 30, 20), MediaType: "image/png",
				Alt: "A chart of river levels", Caption: article.Text{{Text: "Levels, "}, {Text: "2024", Style: article.Strong}}, Credit: "Getty Images"}},
			&article.Figure{Image: article.Image{Src: remote + "/photo.jpg", Data: testJPEG(t, 20, 30), MediaType: "image/png"}},
			&article.Figure{Image: article.Image{Src: remote + "/missing.jpg", Alt: "A bridge", Caption: article.Plain("The old bridge."), Credit: "AP"}},
			&article.Figure{Image: article.Image{Src: remote + "/formula.png", Alt: "E = m c²"}},
			plainPara("That is all."),
		},
	}
}

// minimalArticle has no metadata at all.
func minimalArticle() *article.Article {
	return &article.Article{Body: []article.Block{plainPara("Just one paragraph, with nobody's name on it.")}}
}

func zipReader(t testing.TB, epub []byte) []*zip.File {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(epub), int64(len(epub)))
	if err != nil {
		t.Fatal(err)
	}
	return zr.File
}

// writeZipLoose zips files with mimetype first, as go-epub does, for tests
// that hand the finishing step a doctored archive.
func writeZipLoose(w io.Writer, files map[string][]byte) error {
	zw := zip.NewWriter(w)
	names := []string{}
	for n := range files {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		if a == "mimetype" {
			return -1
		}
		if b == "mimetype" {
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, n := range names {
		f, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := f.Write(files[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}
