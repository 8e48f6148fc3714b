package hyphen

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The expected hyphenations below were checked against LuaTeX 1.15 (TeX Live
// 2022) loading the same pattern files with \lefthyphenmin=2 and
// \righthyphenmin=3. Where they differ from TeX, the test says why.

// show marks each point in word with sep.
func show(word string, pts []int, sep string) string {
	var b strings.Builder
	last := 0
	for _, p := range pts {
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

func dictionary(t testing.TB, lib *Library, lang string) *Dictionary {
	t.Helper()
	d, err := lib.Dictionary(lang)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHyphenate(t *testing.T) {
	tests := map[string][]string{
		"en-us": {"hy-phen-ation", "con-sid-er-able", "pro-gram-ming", "uni-ver-sity", "com-puter",
			"re-cum-bent", "po-si-tion", "weari-some", "dec-li-na-tion", "through-out"},
		"en-gb": {"hy-phen-a-tion", "con-sid-er-able", "pro-gram-ming", "pro-ject", "de-clin-a-tion",
			"re-tri-bu-tion", "la-boured", "daugh-ter", "com-puter"},
		"de-1996": {"Wör-ter-buch", "Sil-ben-tren-nung", "Do-nau-dampf-schiff-fahrts-ge-sell-schaft",
			"Bä-cke-rei", "Zu-cker", "Fens-ter", "Stra-ßen-bahn", "Straße", "Groß-mutter", "Uni-ver-si-tät"},
		// The traditional spelling splits neither ck nor st.
		"de-ch-1901": {"Wör-ter-buch", "Bäcke-rei", "Zucker", "Wecker", "Fen-ster", "Ge-schwin-dig-keit",
			"Kühl-schrank", "Schmet-ter-ling"},
		"fr": {"gou-ver-ne-ment", "dé-sor-mais", "consti-tu-tion-nel", "pro-chai-ne-ment", "As-sem-blée",
			"so-cia-listes", "éco-lo-gistes", "no-tam-ment", "ren-sei-gne-ment"},
		"es": {"per-ma-ne-cen", "in-cum-pli-dos", "ca-na-li-zar", "no-viem-bre", "po-lí-tico",
			"te-rro-rismo", "co-mu-nista", "inad-mi-si-ble", "in-de-pen-den-tista"},
		"pt": {"por-tu-guês", "hi-fe-ni-za-ção", "com-pu-ta-dor", "bi-bli-o-teca", "in-for-ma-ção",
			"de-sen-vol-vi-mento", "in-de-pen-dên-cia", "ama-nhã", "guerra", "pa-ra-le-le-pí-pedo"},
		"it": {"ita-liano", "gra-zie", "spa-ghetti", "uni-ver-sità", "pro-gram-ma-zione", "fa-mi-glia",
			"bi-ci-cletta", "tran-sa-tlan-tico", "psi-co-lo-gia", "gnoc-chi"},
		"nl": {"Ne-der-land", "woor-den-boek", "fiet-sen-ma-ker", "zie-ken-huis", "ver-ant-woor-de-lijk-heid",
			"aard-ap-pel", "vrij-heid", "be-ëin-di-gen", "tand-arts"},
		"cs": {"čtvrt-letí", "ře-ři-cha", "pří-liš", "ďá-bel-ské", "kůň", "Čes-ko-slo-ven-sko",
			"nej-ne-ob-hos-po-da-řo-vá-va-tel-něj-šími", "vy-so-ko-škol-ský", "fot-ba-lový"},
	}
	lib := NewLibrary()
	for lang, words := range tests {
		d := dictionary(t, lib, lang)
		if d.Lang() != lang {
			t.Errorf("Dictionary(%q).Lang() = %q", lang, d.Lang())
		}
		for _, want := range words {
			word := strings.ReplaceAll(want, "-", "")
			if got := show(word, d.Hyphenate(word), "-"); got != want {
				t.Errorf("%s: Hyphenate(%q) = %s, want %s", lang, word, got, want)
			}
		}
	}
}

func TestExceptions(t *testing.T) {
	// Each word is hyphenated differently, or not at all, by the patterns
	// alone; the .hyp.txt entry must win. TeX agrees, except that LuaTeX
	// ignores the minimums within exceptions and so also breaks
	// úhlo-příč-ka and spie-gel-ei, which this package, like TeX82, does not.
	tests := []struct{ lang, patternsOnly, want string }{
		{"en-us", "as-so-ci-ate", "as-so-ciate"},
		{"en-us", "pre-sent", "present"},
		{"en-us", "pro-ject", "project"},
		{"en-us", "rec-og-nizance", "re-cog-ni-zance"},
		{"en-gb", "uni-versity", "uni-ver-sity"},
		{"en-gb", "re-cipro-city", "re-ci-pro-city"},
		{"cs", "ko-efi-ci-ent", "koe-fi-ci-ent"},
		{"cs", "úh-lo-příčka", "úhlo-příčka"},
		{"nl", "aan-dacht-s-trek-ker", "aan-dachts-trek-ker"},
		{"nl", "spie-ge-lei", "spie-gelei"},
		{"nl", "mee-stal", "meestal"},
	}
	lib := NewLibrary()
	for _, tt := range tests {
		word := strings.ReplaceAll(tt.want, "-", "")
		full := dictionary(t, lib, tt.lang)
		pat, err := os.Open(filepath.Join("patterns", "hyph-"+tt.lang+".pat.txt"))
		if err != nil {
			t.Fatal(err)
		}
		bare, err := Parse(tt.lang, pat, nil)
		pat.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := show(word, bare.Hyphenate(word), "-"); got != tt.patternsOnly {
			t.Errorf("%s patterns only: Hyphenate(%q) = %s, want %s", tt.lang, word, got, tt.patternsOnly)
		}
		if got := show(word, full.Hyphenate(word), "-"); got != tt.want {
			t.Errorf("%s: Hyphenate(%q) = %s, want %s", tt.lang, word, got, tt.want)
		}
		// Exceptions match whatever the case.
		upper := strings.ToUpper(word)
		if got, want := show(upper, full.Hyphenate(upper), "-"), strings.ToUpper(tt.want); got != want {
			t.Errorf("%s: Hyphenate(%q) = %s, want %s", tt.lang, upper, got, want)
		}
	}
}

func TestMinimums(t *testing.T) {
	tests := []struct {
		left, right int
		want        []string
	}{
		{1, 1, []string{"hy-phen-ation", "u-ni-ver-si-ty", "ta-ble", "con-sid-er-able"}},
		{2, 2, []string{"hy-phen-ation", "uni-ver-si-ty", "ta-ble", "con-sid-er-able"}},
		{2, 3, []string{"hy-phen-ation", "uni-ver-sity", "ta-ble", "con-sid-er-able"}},
		{3, 3, []string{"hyphen-ation", "uni-ver-sity", "table", "con-sid-er-able"}},
		{0, 0, []string{"hy-phen-ation", "u-ni-ver-si-ty", "ta-ble", "con-sid-er-able"}}, // counts as 1, 1
		{5, 5, []string{"hyphen-ation", "university", "table", "consid-erable"}},
	}
	base := dictionary(t, NewLibrary(), "en")
	if l, r := base.Minimums(); l != 2 || r != 3 {
		t.Errorf("default Minimums() = %d, %d, want 2, 3", l, r)
	}
	for _, tt := range tests {
		d := base.WithMinimums(tt.left, tt.right)
		for _, want := range tt.want {
			word := strings.ReplaceAll(want, "-", "")
			if got := show(word, d.Hyphenate(word), "-"); got != want {
				t.Errorf("minimums %d, %d: Hyphenate(%q) = %s, want %s", tt.left, tt.right, word, got, want)
			}
		}
	}
	if l, r := base.Minimums(); l != 2 || r != 3 {
		t.Errorf("WithMinimums changed the original to %d, %d", l, r)
	}
}

func TestWordShapes(t *testing.T) {
	// "=" marks a point; explicit hyphens and dashes stay as they are.
	tests := []struct{ lang, word, want string }{
		// Punctuation around the word is ignored, and so is case.
		{"en", `"Hyphenation,"`, `"Hy=phen=ation,"`},
		{"en", "(programming)", "(pro=gram=ming)"},
		{"en", "“considerable”", "“con=sid=er=able”"},
		{"en", "HYPHENATION", "HY=PHEN=ATION"},
		{"en", "hyphenation...", "hy=phen=ation..."},
		{"en", "'table'", "'ta=ble'"},
		{"en", "—programming!", "—pro=gram=ming!"},
		// Compounds are hyphenated part by part.
		{"en", "computer-programming", "com=puter-pro=gram=ming"},
		{"en", "hyphenation—considerable", "hy=phen=ation—con=sid=er=able"},
		{"en", "well-known", "well-known"},
		{"en", "China-North", "China-North"},
		{"en", "-programming-", "-pro=gram=ming-"},
		{"en", "programming--hyphenation", "pro=gram=ming--hy=phen=ation"},
		{"en", "1990s-programming", "1990s-pro=gram=ming"},
		{"en", "self-‘hyphenation’", "self-‘hy=phen=ation’"},
		{"de", "Wörterbuch-Donaudampfschifffahrtsgesellschaft", "Wör=ter=buch-Do=nau=dampf=schiff=fahrts=ge=sell=schaft"},
		// Apostrophes divide runs of letters, each with its own minimums.
		{"en", "don't", "don't"},
		{"en", "captain's", "cap=tain's"},
		{"en", "programming's", "pro=gram=ming's"},
		{"en", "sailors’", "sailors’"},
		{"en", "’Tis", "’Tis"},
		{"fr", "l'homme", "l'homme"},
		{"fr", "aujourd'hui", "au=jourd'hui"}, // TeX: au-jour-d'hui, one letter before the apostrophe
		{"fr", "l’Assemblée", "l’As=sem=blée"},
		{"fr", "d'hyphenation", "d'hy=phe=na=tion"},
		{"fr", "l'ordinateur", "l'or=di=na=teur"},
		{"it", "l'informatica", "l'in=for=ma=tica"},
		{"it", "l'ospedale", "l'ospe=dale"}, // TeX: l'o-spe-dale, counting l' as letters
		{"it", "dell'anno", "dell'anno"},
		// No points: digits, symbols, no letters, too short, too long.
		{"en", "1990s", "1990s"},
		{"en", "hyphenation2", "hyphenation2"},
		{"en", "A4", "A4"},
		{"en", "U.S.A.", "U.S.A."},
		{"en", "programming/hyphenation", "programming/hyphenation"},
		{"en", "", ""},
		{"en", "---", "---"},
		{"en", "...", "..."},
		{"en", "12,345", "12,345"},
		{"en", "table", "ta=ble"},
		{"en", "tab", "tab"},
		{"en", strings.Repeat("hyphenation", 6), strings.Repeat("hyphenation", 6)},
		// The author's soft hyphen means the author chose the breaks.
		{"en", "hyphen\u00ADation", "hyphen\u00ADation"},
	}
	lib := NewLibrary()
	for _, tt := range tests {
		d := dictionary(t, lib, tt.lang)
		if got := show(tt.word, d.Hyphenate(tt.word), "="); got != tt.want {
			t.Errorf("%s: Hyphenate(%q) = %s, want %s", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestAccents(t *testing.T) {
	lib := NewLibrary()
	tests := []struct {
		lang, word string
		want       []int
	}{
		{"de", "Wörterbuch", []int{4, 7}}, // Wör-ter-buch: ö is two bytes
		{"de", "WÖRTERBUCH", []int{4, 7}},
		{"cs", "čtvrtletí", []int{6}}, // čtvrt-letí
		{"cs", "ČTVRTLETÍ", []int{6}},
		{"cs", "ďábelské", []int{4, 7}},    // ďá-bel-ské
		{"fr", "ÉCOLOGISTES", []int{4, 6}}, // ÉCO-LO-GISTES
	}
	for _, tt := range tests {
		got := dictionary(t, lib, tt.lang).Hyphenate(tt.word)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Hyphenate(%q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}

	// Decomposed input is not what the patterns know, but must still give
	// points only between whole characters.
	d := dictionary(t, lib, "de")
	for _, word := range []string{"Wo\u0308rterbuch", "Bu\u0308cherei", "\u0308Haus", "e\u0301\u0301\u0301\u0301\u0301"} {
		for _, p := range d.Hyphenate(word) {
			if r, _ := utf8.DecodeRuneInString(word[p:]); r == '\u0308' || r == '\u0301' {
				t.Errorf("Hyphenate(%q) breaks before a combining mark at %d", word, p)
			}
		}
	}
}

func TestAppendHyphenate(t *testing.T) {
	d := dictionary(t, NewLibrary(), "en")
	dst := []int{-1}
	dst = d.AppendHyphenate(dst, "hyphenation")
	if want := []int{-1, 2, 6}; !slices.Equal(dst, want) {
		t.Errorf("AppendHyphenate = %v, want %v", dst, want)
	}
	dst = d.AppendHyphenate(dst, "hyphen\u00ADation")
	if want := []int{-1, 2, 6}; !slices.Equal(dst, want) {
		t.Errorf("AppendHyphenate with a soft hyphen = %v, want %v", dst, want)
	}
	if got := d.Hyphenate("tab"); got != nil {
		t.Errorf("Hyphenate(tab) = %#v, want nil", got)
	}

	buf := make([]int, 0, 16)
	words := []string{"hyphenation", `"Considerable,"`, "computer-programming", "don't", "associate"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			buf = d.AppendHyphenate(buf[:0], w)
		}
	})
	if allocs != 0 {
		t.Errorf("AppendHyphenate allocates %v times per run, want 0", allocs)
	}
}

func TestConcurrent(t *testing.T) {
	langs := []string{"en", "en-GB", "de", "fr", "cs"}
	words := []string{"hyphenation", "Wörterbuch", "gouvernement", "čtvrtletí", "programming"}
	serial := make(map[string][]int)
	ref := NewLibrary()
	for _, lang := range langs {
		d := dictionary(t, ref, lang)
		for _, w := range words {
			serial[lang+" "+w] = d.Hyphenate(w)
		}
	}

	lib := NewLibrary()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				lang := langs[(g+i)%len(langs)]
				d, err := lib.Dictionary(lang)
				if err != nil {
					errs <- err
					return
				}
				for _, w := range words {
					if got, want := d.Hyphenate(w), serial[lang+" "+w]; !slices.Equal(got, want) {
						errs <- errors.New(lang + " " + w + ": differs from the serial result")
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Each language is parsed once: every call returns the same Dictionary.
	a, _ := lib.Dictionary("en-US")
	b, _ := lib.Dictionary("en")
	if a != b {
		t.Error("Dictionary(en-US) and Dictionary(en) are different values")
	}
}
