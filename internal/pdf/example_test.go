package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/pdf"
)

func ExampleWrite() {
	a := &article.Article{Meta: article.Metadata{Title: "Hello", Lang: "en"}}
	doc := &layout.Document{
		Width: 420, Height: 595, // A5
		Pages: []layout.Page{{Number: 1, Items: []layout.Item{
			&layout.TextItem{X: 56, Y: 80, Font: "NotoSerif-Bold", Size: 24, Text: "Hello"},
		}}},
		Outline: []layout.OutlineEntry{{Title: "Hello", Level: 0, Page: 1, Y: 56}},
	}
	opts := pdf.Options{Creator: "publish 0.1.0", Created: time.Unix(0, 0)}
	var b bytes.Buffer
	if err := pdf.Write(context.Background(), &b, article.Single(a), doc, opts); err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(b.Bytes()[:8]))
	fmt.Println(bytes.Contains(b.Bytes(), []byte("/Lang (en)")))
	// Output:
	// %PDF-1.4
	// true
}
