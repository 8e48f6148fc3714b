package epub

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/publish/assets/fonts"
)

// FuzzCoverFit fits any text on the cover as the title is fitted: no
// panic or error, at most the lines allowed, the size between the bounds,
// and no letter of the text lost but to the ellipsis at the end.
func FuzzCoverFit(f *testing.F) {
	f.Add("North Korea and China, Friends Again?")
	f.Add(strings.Repeat("x", 2000))
	f.Add("中国与朝鲜：再度「友好」？ 한국어 제목입니다")
	f.Add("«Guillemets» — dashes… (brackets)! 。")
	f.Add("\u0301\u200b\t \n")
	cf := NewCoverFonts(nil)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 5000 {
			return
		}
		const maxLines, width = 6, 1320
		face, lines, size, err := cf.fit(fonts.SerifBold, text, 150, 72, maxLines, width)
		if err != nil {
			t.Fatal(err)
		}
		if face == nil || len(lines) > maxLines || size < 72 || size > 150 {
			t.Fatalf("%d lines at %.1f px", len(lines), size)
		}
		got := strings.Join(strings.Fields(strings.Join(lines, "")), "")
		want := strings.Join(strings.Fields(text), "")
		if cut, ok := strings.CutSuffix(got, "…"); ok && !strings.HasSuffix(want, "…") {
			got = cut
		}
		if !strings.HasPrefix(strings.TrimRight(want, " ,;:."), strings.TrimRight(got, " ,;:.")) {
			t.Fatalf("lines %q are not the text %q, cut at its end", lines, text)
		}
	})
}
