package ttf_test

import (
	"fmt"

	"golang.org/x/image/font/sfnt"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/ttf"
)

func ExampleSubset() {
	file, err := fonts.Data(fonts.SerifRegular)
	if err != nil {
		panic(err)
	}
	sub, err := ttf.Subset(file, []rune("Hello"))
	if err != nil {
		panic(err)
	}
	f, err := sfnt.Parse(sub.Data)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.NumGlyphs(), "glyphs: .notdef, H, e, l, o")
	// Output: 5 glyphs: .notdef, H, e, l, o
}
