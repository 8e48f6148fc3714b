package markdown_test

import (
	"fmt"
	"log"

	"github.com/pressroom/publish/internal/article"
	"github.com/pressroom/publish/internal/read/markdown"
)

func ExampleParse() {
	src := []byte(`---
title: Notes from the Quay
author:
  - name: Marta Quintela
    bio: Marta Quintela writes about the Atlantic coast.
date: May 18, 2018
lang: pt_PT
keywords: harbours, memory
---
# Notes from the Quay

The last ship left in *March 1987*.

### The ledger

| Decade | Ships |
|--------|-------|
| 1950s  | 2,140 |
`)
	a, err := markdown.Parse(src, markdown.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.Meta.Title, "|", a.Meta.AuthorNames(), "|", a.Meta.Date, "|", a.Meta.Lang, "|", a.Meta.Keywords)
	for _, b := range a.Body {
		switch b := b.(type) {
		case *article.Heading:
			fmt.Printf("h%d: %s\n", b.Level, b.Text)
		case *article.Paragraph:
			fmt.Printf("p: %s\n", b.Text)
		case *article.Table:
			for r := range b.AllRows() {
				fmt.Printf("row: %s | %s\n", r[0].Text, r[1].Text)
			}
		}
	}
	// Output:
	// Notes from the Quay | [Marta Quintela] | 2018-05-18 | pt-PT | [harbours memory]
	// p: The last ship left in March 1987.
	// h2: The ledger
	// row: Decade | Ships
	// row: 1950s | 2,140
}

func ExampleSniff() {
	fmt.Println(markdown.Sniff([]byte("## Install\n\nRun `go install` or see [the docs](docs/).\n")))
	fmt.Println(markdown.Sniff([]byte("Talks resume\n\nThe minister said on Tuesday that talks would resume.\n")))
	// Output:
	// true
	// false
}
