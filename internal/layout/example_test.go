package layout_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/hyphen"
	"github.com/pressroom/publish/internal/layout"
	"github.com/pressroom/publish/internal/typeface"
)

func ExampleTypesetter_Layout() {
	a := &article.Article{
		Meta: article.Metadata{
			Title:   "A Note on Tides",
			Authors: []article.Person{{Name: "Ada Byron"}},
			Lang:    "en",
		},
		Body: []article.Block{
			&article.Paragraph{Text: article.Plain("The harbour town kept its ledgers in a room above the " +
				"customs house, where clerks counted barrels of salt and bolts of cloth while the ships " +
				"waited on the tide for papers signed in triplicate.")},
		},
	}
	ts := layout.New(typeface.NewLibrary(), hyphen.NewLibrary())
	paper, err := layout.PaperNamed("a5")
	if err != nil {
		log.Fatal(err)
	}
	doc, err := ts.Layout(context.Background(), article.Single(a), layout.Options{Paper: paper})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d page, %d lines, %d overfull\n", doc.Stats.Pages, doc.Stats.Lines, doc.Stats.OverfullLines)

	// The words of a line share a baseline.
	var words []string
	y := 0.0
	for _, it := range doc.Pages[0].Items {
		t, ok := it.(*layout.TextItem)
		if !ok {
			continue
		}
		if t.Y != y && len(words) > 0 {
			fmt.Println(strings.Join(words, " "))
			words = words[:0]
		}
		y = t.Y
		words = append(words, t.Text)
	}
	fmt.Println(strings.Join(words, " "))
	// Output:
	// 1 page, 6 lines, 0 overfull
	// A Note on Tides
	// By Ada Byron
	// The harbour town kept its ledgers in a room above the cus-
	// toms house, where clerks counted barrels of salt and bolts
	// of cloth while the ships waited on the tide for papers signed
	// in triplicate.
}
