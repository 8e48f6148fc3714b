package read_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read"
)

// Bytes tells the format from the content, not the name: this is Markdown
// with front matter, and its language, which it does not give, is detected
// from the text.
func ExampleBytes() {
	src := `---
title: Notes from the Quay
author: Marta Quintela
---
The last cargo ship left the harbour on a grey morning, and nobody in the
town thought to photograph it.

## The ledger

- salt cod
- *tinned* sardines
`
	a, err := read.Bytes("notes.md", []byte(src))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Meta.Title, "|", a.Meta.AuthorNames(), "|", a.Meta.Lang)
	for b := range article.All(a.Body) {
		fmt.Println(b.Kind())
	}
	// Output:
	// Notes from the Quay | [Marta Quintela] | en
	// paragraph
	// heading
	// list
	// paragraph
	// paragraph
}

// A Reader reads files, URLs (when it has a Client) and, as here, standard
// input.
func ExampleReader_Read() {
	r := &read.Reader{Stdin: strings.NewReader(`<!DOCTYPE html>
<html lang="en"><head><title>The quay reopens</title></head>
<body><article><h1>The quay reopens</h1>
<p>The old quay at Vila do Porto reopened on Saturday as a market, forty years after the last cargo ship left it, and the town came down to see.</p>
<p>Stalls now stand where the cranes did.</p>
</article></body></html>`)}
	a, err := r.Read(context.Background(), "-")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Meta.Title, "|", a.Meta.Lang, "|", len(a.Body), "paragraphs")
	// Output:
	// The quay reopens | en | 2 paragraphs
}
