package typeface_test

import (
	"fmt"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/typeface"
)

func Example() {
	lib := typeface.NewLibrary()
	serif, err := lib.Face(fonts.SerifRegular)
	if err != nil {
		panic(err)
	}
	const size = 10.0 // points; every metric is a fraction of the em
	fmt.Printf("A %.2f pt, V %.2f pt, AV kerned %.2f pt\n",
		serif.Advance('A')*size, serif.Advance('V')*size, serif.Kern('A', 'V')*size)
	fmt.Printf("\"AVA\" %.2f pt wide\n", serif.Width("AVA")*size)
	fmt.Printf("line height %.2f pt\n", (serif.Ascent()+serif.Descent()+serif.LineGap())*size)

	// Each character takes the first face of the chain that has it.
	chain := []string{fonts.SerifRegular, fonts.Fallback}
	for _, r := range "a鯨\U0001F40B" {
		if f, ok := lib.Resolve(chain, r); ok {
			fmt.Printf("%c: %s\n", r, f.Name())
		} else {
			fmt.Printf("%U: no face\n", r)
		}
	}
	// Output:
	// A 7.05 pt, V 6.75 pt, AV kerned -0.80 pt
	// "AVA" 19.25 pt wide
	// line height 13.62 pt
	// a: NotoSerif-Regular
	// 鯨: DroidSansFallbackFull
	// U+1F40B: no face
}
