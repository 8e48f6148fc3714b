package epub

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/pressroom/publish/assets/fonts"
	"github.com/pressroom/publish/internal/article"
)

//go:embed style.css
var baseStyle string

// A fontFace is one embedded face and how CSS selects it.
type fontFace struct {
	name   string // fonts package name, also the file name without .ttf
	family string
	italic bool
	bold   bool
}

// fontsFor returns the faces to embed: none unless Options.EmbedFonts; the
// serif family always; the monospaced face only when the text has code;
// each CJK fallback (about 4 MB) only when the text has characters of its
// script: Droid Sans Fallback for Chinese and Japanese, Nanum Myeongjo for
// Korean.
func (b *book) fontsFor() []fontFace {
	if !b.opts.EmbedFonts {
		return nil
	}
	faces := []fontFace{
		{fonts.SerifRegular, "Noto Serif", false, false},
		{fonts.SerifItalic, "Noto Serif", true, false},
		{fonts.SerifBold, "Noto Serif", false, true},
		{fonts.SerifBoldItalic, "Noto Serif", true, true},
	}
	code, hanKana, hangul := false, false, false
	b.eachText(func(s string, isCode bool) {
		code = code || isCode
		for _, r := range s {
			hanKana = hanKana || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
			hangul = hangul || unicode.Is(unicode.Hangul, r)
		}
	})
	if code {
		faces = append(faces, fontFace{fonts.MonoRegular, "Noto Sans Mono", false, false})
	}
	if hanKana {
		faces = append(faces, fontFace{fonts.Fallback, "Droid Sans Fallback", false, false})
	}
	if hangul {
		faces = append(faces, fontFace{fonts.FallbackKorean, "Nanum Myeongjo", false, false})
	}
	return faces
}

// eachText calls fn with every piece of text the book shows.
func (b *book) eachText(fn func(s string, code bool)) {
	meta := func(m *article.Metadata) {
		for _, s := range []string{m.Title, m.Subtitle, m.Section, m.Publisher, m.Rights} {
			fn(s, false)
		}
		for _, p := range m.Authors {
			fn(p.Name, false)
			fn(p.Bio, false)
		}
	}
	meta(&b.pub.Meta)
	for _, s := range b.pub.Sections {
		fn(s.Title, false)
	}
	for _, a := range b.pub.Articles() {
		meta(&a.Meta)
		for _, c := range a.Credits {
			fn(c.Text, false)
		}
		walkText(a.Body, fn)
		for _, n := range a.Notes {
			walkText(n.Blocks, fn)
		}
	}
}

// embeddedFonts loads the faces' TrueType files.
func embeddedFonts(faces []fontFace) ([]asset, error) {
	var out []asset
	for _, f := range faces {
		data, err := fonts.View(f.name) // only read, into the zip
		if err != nil {
			return nil, err
		}
		out = append(out, asset{name: f.name + ".ttf", mediaType: "font/ttf", data: data})
	}
	return out, nil
}

// stylesheet returns the book's CSS, with @font-face rules for the
// embedded faces.
func stylesheet(faces []fontFace) []byte {
	if len(faces) == 0 {
		return []byte(baseStyle)
	}
	var s strings.Builder
	s.WriteString(baseStyle)
	s.WriteString("\n/* Embedded fonts (--epub-fonts). */\n")
	families := []string{}
	for _, f := range faces {
		style, weight := "normal", "normal"
		if f.italic {
			style = "italic"
		}
		if f.bold {
			weight = "bold"
		}
		fmt.Fprintf(&s, "@font-face {\n  font-family: %q;\n  font-style: %s;\n  font-weight: %s;\n  src: url(\"../fonts/%s.ttf\");\n}\n", f.family, style, weight, f.name)
		if !contains(families, f.family) {
			families = append(families, f.family)
		}
	}
	body := `"Noto Serif"`
	if contains(families, "Droid Sans Fallback") {
		body += `, "Droid Sans Fallback"`
	}
	fmt.Fprintf(&s, "body { font-family: %s, serif; }\n", body)
	if contains(families, "Noto Sans Mono") {
		s.WriteString("pre, code { font-family: \"Noto Sans Mono\", monospace; }\n")
	}
	return []byte(s.String())
}
