package epub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"log"
	"time"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/epub"
)

func ExampleWrite() {
	a := &article.Article{
		Meta: article.Metadata{Title: "Rivers", Lang: "en", Authors: []article.Person{{Name: "Ada Lovelace"}}},
		Body: []article.Block{&article.Paragraph{Text: article.Plain("Water rises.")}},
	}
	var buf bytes.Buffer
	opts := epub.Options{Created: time.Unix(1700000000, 0), Creator: "publish 0.1.0"}
	if err := epub.Write(context.Background(), &buf, article.Single(a), opts); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	// Output:
	// mimetype
	// EPUB/css/style.css
	// EPUB/images/cover.jpg
	// EPUB/nav.xhtml
	// EPUB/package.opf
	// EPUB/toc.ncx
	// EPUB/xhtml/article-01.xhtml
	// EPUB/xhtml/cover.xhtml
	// EPUB/xhtml/credits.xhtml
	// EPUB/xhtml/title.xhtml
	// META-INF/container.xml
}
