package layout

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/tooltest"
)

func BenchmarkLayoutArticle(b *testing.B) {
	ts := typesetter()
	pub := seedArticle()
	if _, err := ts.Layout(context.Background(), pub, Options{}); err != nil { // load fonts and patterns
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ts.Layout(context.Background(), pub, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// plainBook reads a plain-text book as the text reader would: paragraphs
// split on blank lines, hard-wrapped lines joined.
func plainBook(tb testing.TB, file string) *article.Publication {
	tb.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	a := &article.Article{Meta: article.Metadata{Title: filepath.Base(file), Lang: "en"}}
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			a.Body = append(a.Body, &article.Paragraph{Text: article.Plain(p)})
		}
	}
	return article.Single(a)
}

func BenchmarkLayoutBook(b *testing.B) {
	pub := plainBook(b, filepath.Join(tooltest.SharedDir(b, "corpus-long"), "moby-dick.txt"))
	ts := typesetter()
	b.ReportAllocs()
	var doc *Document
	for b.Loop() {
		var err error
		if doc, err = ts.Layout(context.Background(), pub, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(doc.Stats.Pages), "pages")
	b.ReportMetric(float64(doc.Stats.OverfullLines), "overfull")
}
