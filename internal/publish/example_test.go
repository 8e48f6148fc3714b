package publish_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/pressroom/publish/internal/publish"
)

const quay = `---
title: Notes from the Quay
author: Marta Quintela
---
The last cargo ship left the harbour on a grey morning, and nobody in the
town thought to photograph it.

> We noticed the noise going.
`

// Inspect prints the article as publish understood it: the JSON of
// `publish inspect`.
func ExampleInspect() {
	opts := publish.Options{Stdin: strings.NewReader(quay)}
	if err := publish.Inspect(context.Background(), os.Stdout, "-", opts); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "title": "Notes from the Quay",
	//   "subtitle": "",
	//   "section": "",
	//   "authors": [
	//     {
	//       "name": "Marta Quintela",
	//       "bio": ""
	//     }
	//   ],
	//   "date": "",
	//   "lang": "en",
	//   "publisher": "",
	//   "source_url": "",
	//   "rights": "",
	//   "keywords": [],
	//   "credits": [],
	//   "blocks": [
	//     {
	//       "type": "paragraph",
	//       "text": "The last cargo ship left the harbour on a grey morning, and nobody in the town thought to photograph it."
	//     },
	//     {
	//       "type": "quote",
	//       "text": "We noticed the noise going.",
	//       "blocks": [
	//         {
	//           "type": "paragraph",
	//           "text": "We noticed the noise going."
	//         }
	//       ]
	//     }
	//   ]
	// }
}

// Run makes each requested output of each input; one read from standard
// input is named after its title.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "publish-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	opts := publish.Options{OutDir: dir, Stdin: strings.NewReader(quay)}
	if err := publish.Run(context.Background(), []string{"-"}, opts); err != nil {
		log.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// notes-from-the-quay.epub
	// notes-from-the-quay.pdf
}
