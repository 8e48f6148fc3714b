package hyphen_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pressroom/publish/internal/hyphen"
)

func Example() {
	lib := hyphen.NewLibrary()
	d, err := lib.Dictionary("en-US")
	if err != nil {
		panic(err)
	}
	for _, word := range []string{"hyphenation", `"Programming,"`, "well-considered"} {
		var b strings.Builder
		last := 0
		for _, p := range d.Hyphenate(word) {
			b.WriteString(word[last:p] + "-")
			last = p
		}
		b.WriteString(word[last:])
		fmt.Println(b.String())
	}

	if _, err := lib.Dictionary("ja"); errors.Is(err, hyphen.ErrNoPatterns) {
		fmt.Println("ja: not hyphenated")
	}
	// Output:
	// hy-phen-ation
	// "Pro-gram-ming,"
	// well-con-sid-ered
	// ja: not hyphenated
}
